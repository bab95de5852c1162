"""Statistics and actors exported to CSV and XLSX read back as the researcher recorded them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from db.archive import Archive
from db.commands import add_actor
from db.dates import PartialDate
from db.ingest.tablefile import TableError
from db.interchange.exports import (
    ACTOR_COLUMNS,
    STATISTIC_COLUMNS,
    export_actors,
    export_statistics,
)
from db.interchange.reference import import_reference_table, read_table
from tests.factories import make_source, make_statistic

TEXT = "Some 5,816 people have been killed since 2010, according to Кавказский узел."


def _archive_with_claims(archive: Archive) -> int:
    source = make_source(archive, TEXT, title="Report on the Caucasus")
    make_statistic(
        archive, source, "Some 5,816 people have been killed", value=5816.0, approximate=True,
        measure="killed", subject="people", period_start=PartialDate(2010),
        period_end=PartialDate(2015, 7, 11), place="North Caucasus", claimant="Кавказский узел",
    )
    make_statistic(
        archive, None, value=12.5, low=10.0, high=15.0, measure="displaced", unit="thousand",
        period_start=PartialDate(2014), dataset="UNHCR", claimant="UNHCR",
    )
    with archive.session() as s:
        add_actor(s, "Rustam Asilderov", "person", aliases=["Abu Muhammad al-Kadarskii", ("Рустам Асильдеров", "ru")], description="Dagestani amir")
    return source


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_statistics_round_trip(archive: Archive, tmp_path: Path, suffix: str) -> None:
    source = _archive_with_claims(archive)
    path = tmp_path / f"statistics{suffix}"
    with archive.session() as s:
        assert export_statistics(s, path) == 2
    frame = read_table(path)
    assert tuple(frame.columns) == STATISTIC_COLUMNS
    claim = frame[frame["measure"] == "killed"].iloc[0]
    assert float(claim["value"]) == 5816
    assert claim["claimant"] == "Кавказский узел"
    assert claim["period_start"] == "2010"
    assert claim["period_end"] == "2015-07-11"
    assert claim["source_title"] == "Report on the Caucasus"
    assert int(claim["source_id"]) == source
    assert claim["quote"] == "Some 5,816 people have been killed"
    assert str(claim["approximate"]) == "True"
    reference = frame[frame["measure"] == "displaced"].iloc[0]
    assert reference["dataset"] == "UNHCR"
    assert (float(reference["low"]), float(reference["high"])) == (10.0, 15.0)


def test_exported_csv_opens_in_spreadsheets_with_its_alphabet(archive: Archive, tmp_path: Path) -> None:
    _archive_with_claims(archive)
    path = tmp_path / "statistics.csv"
    with archive.session() as s:
        export_statistics(s, path)
    # a byte-order mark tells spreadsheet programs the file is UTF-8
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Кавказский узел" in path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_actors_export(archive: Archive, tmp_path: Path, suffix: str) -> None:
    _archive_with_claims(archive)
    path = tmp_path / f"actors{suffix}"
    with archive.session() as s:
        count = export_actors(s, path)
    frame = read_table(path)
    assert tuple(frame.columns) == ACTOR_COLUMNS
    assert len(frame) == count == 4
    rustam = frame[frame["name"] == "Rustam Asilderov"].iloc[0]
    assert rustam["aliases"] == "Abu Muhammad al-Kadarskii; Рустам Асильдеров"
    assert rustam["kind"] == "person"
    assert rustam["description"] == "Dagestani amir"


def test_export_only_the_chosen_statistics_in_order(archive: Archive, tmp_path: Path) -> None:
    _archive_with_claims(archive)
    path = tmp_path / "some.csv"
    with archive.session() as s:
        assert export_statistics(s, path, ids=[2]) == 1
    assert read_table(path)["measure"].tolist() == ["displaced"]


def test_export_to_an_unknown_format_is_refused(archive: Archive, tmp_path: Path) -> None:
    with archive.session() as s, pytest.raises(TableError, match=r"\.csv or \.xlsx"):
        export_statistics(s, tmp_path / "statistics.ods")


def test_exported_statistics_import_back_as_reference_data(archive: Archive, tmp_path: Path) -> None:
    """A researcher's own export, re-imported as a dataset, gives the same figures."""
    _archive_with_claims(archive)
    path = tmp_path / "statistics.xlsx"
    with archive.session() as s:
        export_statistics(s, path)
    frame = read_table(path)[["place", "period_start", "value"]]
    frame = frame[frame["place"].notna()]
    with archive.session() as s:
        summary = import_reference_table(s, frame, "My export", measure="killed")
    assert summary.statistics == 1
    assert pd.Series(summary.measures).tolist() == ["killed"]


def test_a_claim_from_a_pdf_is_exported_with_its_page(archive: Archive, tmp_path: Path) -> None:
    from db.importer import import_paths
    from tests.db.ingest.conftest import write_pdf

    pages = ["Summary of the mission.", "Annex: some 40 people were killed in Ilovaisk.", "Sources."]
    [result] = import_paths(archive, [write_pdf(tmp_path / "report.pdf", pages, title="Mission report")])
    make_statistic(archive, result.source_id, "some 40 people were killed", value=40.0, measure="killed")
    plain = make_source(archive, "Officials said 12 people were killed.", title="Plain text")
    make_statistic(archive, plain, "12 people were killed", value=12.0, measure="killed")
    path = tmp_path / "claims.csv"
    with archive.session() as s:
        export_statistics(s, path)
    frame = read_table(path).set_index("source_title")
    assert int(frame.loc["Mission report", "page"]) == 2
    assert pd.isna(frame.loc["Plain text", "page"]) or frame.loc["Plain text", "page"] in ("", None)
