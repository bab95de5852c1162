"""Reference data imported from tables: long and wide layouts, real files, and bad tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from db.archive import Archive
from db.commands import add_actor
from db.conflicts import find_conflicts
from db.dates import PartialDate
from db.ingest.tablefile import TableError
from db.interchange.layouts import TableMapping, guess_mapping, parse_number
from db.interchange.reference import (
    datasets,
    import_reference_table,
    read_table,
    undo_reference_import,
)
from db.queries import list_actors, list_statistics
from tests.factories import make_source, make_statistic


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _by_place_year(archive: Archive) -> dict[tuple[str | None, str | None, str], float | None]:
    with archive.session() as s:
        return {
            (r.place, r.period_start.iso() if r.period_start else None, r.measure): r.value
            for r in list_statistics(s)
        }


def test_long_table_with_places_and_years(archive: Archive, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "killed.csv",
        "Country,Year,Killed\nRussia,2014,341\nRussia,2015,209\nGeorgia,2014,unknown\nGeorgia,2013,n/a\nGeorgia,2015,\"1,204\"\n",
    )
    with archive.session() as s:
        add_actor(s, "Russia", "place", aliases=["Russian Federation"])
        summary = import_reference_table(s, path, "Conflict monitor")
    # "n/a" is an empty cell; "unknown" is reported
    assert summary.statistics == 3
    assert summary.skipped_count == 1
    assert "row 4" in summary.skipped[0]
    assert _by_place_year(archive) == {
        ("Russia", "2014", "Killed"): 341,
        ("Russia", "2015", "Killed"): 209,
        ("Georgia", "2015", "Killed"): 1204,
    }
    with archive.session() as s:
        places = {a.name: a.kind for a in list_actors(s)}
        [stat] = [r for r in list_statistics(s) if r.value == 1204]
    # Russia existed; Georgia is created as a place; the dataset is the claimant
    assert places == {"Russia": "place", "Georgia": "place", "Conflict monitor": "organisation"}
    assert stat.claimant == "Conflict monitor"
    assert stat.dataset == "Conflict monitor"
    assert stat.source_id is None


def test_wide_table_country_by_year(archive: Archive, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "gdp.csv",
        "Country Name;Country Code;1990 [YR1990];1991 [YR1991]\n"
        "Georgia;GEO;7,74;3,69\nArmenia;ARM;..;2,07\n",
    )
    with archive.session() as s:
        summary = import_reference_table(s, path, "World Bank", measure="GDP (bn USD)")
    assert summary.mapping.layout == "wide_years"
    assert _by_place_year(archive) == {
        ("Georgia", "1990", "GDP (bn USD)"): 7.74,
        ("Georgia", "1991", "GDP (bn USD)"): 3.69,
        ("Armenia", "1991", "GDP (bn USD)"): 2.07,
    }


def test_wide_table_year_by_country(archive: Archive, tmp_path: Path) -> None:
    frame = pd.DataFrame({"year": [2014, 2015], "Belgium": [0, 32], "France": [1, 161], "Spain": [0, 0]})
    with archive.session() as s:
        summary = import_reference_table(s, frame, "GTD", measure="fatalities")
    assert summary.mapping.layout == "wide_places"
    assert _by_place_year(archive)[("France", "2015", "fatalities")] == 161
    assert summary.statistics == 6


def test_several_value_columns_are_several_measures_and_percent_is_a_unit(archive: Archive) -> None:
    frame = pd.DataFrame(
        {"Country": ["Algeria", "Angola"], "Number Killed": ["602", "373"], "Percent": ["6.28%", "0.69%"]}
    )
    with archive.session() as s:
        summary = import_reference_table(
            s, frame, "GTD 1993", TableMapping(
                "long", place="Country", values=("Number Killed", "Percent"),
                fixed_period=PartialDate(1993),
            )
        )
        units = {r.measure: r.unit for r in list_statistics(s)}
    assert summary.measures == ("Number Killed", "Percent")
    assert units == {"Number Killed": None, "Percent": "%"}
    assert _by_place_year(archive)[("Algeria", "1993", "Percent")] == 6.28


def test_a_table_of_events_is_counted(archive: Archive) -> None:
    frame = pd.DataFrame(
        {"name": ["A", "B", "C", "D"], "state": ["TX", "TX", "CA", "TX"], "year": [2015] * 4, "age": [20, 30, 40, 50]}
    )
    mapping = guess_mapping(frame, "police_killings.csv")
    assert mapping.count_rows
    with archive.session() as s:
        import_reference_table(s, frame, "Police killings", mapping)
    assert _by_place_year(archive) == {("TX", "2015", "killings"): 3, ("CA", "2015", "killings"): 1}


def test_same_dataset_twice_is_refused_unless_replaced(archive: Archive) -> None:
    frame = pd.DataFrame({"place": ["Chechnya"], "year": [2014], "killed": [50]})
    with archive.session() as s:
        import_reference_table(s, frame, "Memorial")
    with archive.session() as s, pytest.raises(TableError, match="already holds 1"):
        import_reference_table(s, frame, "Memorial")
    frame.loc[0, "killed"] = 60
    with archive.session() as s:
        summary = import_reference_table(s, frame, "Memorial", replace_existing=True)
        assert datasets(s) == [("Memorial", 1)]
    assert summary.replaced == 1
    assert _by_place_year(archive) == {("Chechnya", "2014", "killed"): 60}


def test_undo_an_import_removes_what_it_created(archive: Archive) -> None:
    source = make_source(archive, "Some 40 people were killed in Grozny, officials said.")
    make_statistic(archive, source, "Some 40", value=40.0, place="Chechnya")
    frame = pd.DataFrame({"place": ["Chechnya", "Ingushetia"], "year": [2014, 2014], "killed": [50, 7]})
    with archive.session() as s:
        summary = import_reference_table(s, frame, "Memorial")
    with archive.session() as s:
        undo_reference_import(s, summary)
    with archive.session() as s:
        names = {a.name for a in list_actors(s)}
        assert datasets(s) == []
        assert len(list_statistics(s)) == 1
    # Chechnya was there before; Ingushetia and the dataset's claimant go with the import
    assert names == {"Chechnya"}


def test_reference_data_conflicts_with_a_local_claim(archive: Archive) -> None:
    source = make_source(archive, "Some 40 people were killed in Chechnya in 2014, officials said.")
    make_statistic(
        archive, source, "Some 40", value=40.0, measure="killed", place="Chechnya",
        period_start=PartialDate(2014), approximate=True,
    )
    frame = pd.DataFrame({"place": ["Chechnya"], "year": [2014], "killed": [90]})
    with archive.session() as s:
        import_reference_table(s, frame, "Memorial")
        [conflict] = find_conflicts(s)
    assert {c.claimant for c in conflict.claims} == {None, "Memorial"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("just one column\nhello\n", "at least two columns"),
        ("place,comment\nChechnya,many\nDagestan,few\n", "no column of numbers"),
    ],
)
def test_bad_tables_say_what_is_wrong(archive: Archive, tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path / "bad.csv", content)
    with archive.session() as s, pytest.raises(TableError, match=message):
        import_reference_table(s, path, "Bad")
    with archive.session() as s:
        assert list_statistics(s) == []
        assert list_actors(s) == []


def test_a_mapping_naming_a_missing_column_is_refused(archive: Archive) -> None:
    frame = pd.DataFrame({"place": ["Chechnya"], "year": [2014], "killed": [50]})
    with archive.session() as s, pytest.raises(TableError, match="no column 'deaths'"):
        import_reference_table(s, frame, "X", TableMapping("long", place="place", values=("deaths",)))


def test_not_a_table_and_broken_spreadsheet(archive: Archive, tmp_path: Path) -> None:
    with archive.session() as s:
        with pytest.raises(TableError, match="not a table"):
            import_reference_table(s, _write(tmp_path / "notes.pdf", "%PDF"), "X")
        with pytest.raises(TableError, match=r"spreadsheet|cannot read"):
            import_reference_table(s, _write(tmp_path / "broken.xlsx", "not a zip"), "X")
        with pytest.raises(TableError, match="dataset name"):
            import_reference_table(s, pd.DataFrame({"a": [1], "b": [2]}), "  ")


def test_cp1252_csv_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "places.csv", "Région,Année,Tués\nCôte d'Ivoire,2011,3000\n", "cp1252")
    frame = read_table(path)
    assert list(frame.columns) == ["Région", "Année", "Tués"]
    assert frame.iloc[0]["Région"] == "Côte d'Ivoire"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("5,816", (5816.0, False)),
        ("1 234,5", (1234.5, False)),
        ("3,5", (3.5, False)),
        ("6.28%", (6.28, True)),
        ("..", (None, False)),
        (12, (12.0, False)),
        (float("nan"), (None, False)),
    ],
)
def test_parse_number(cell: object, expected: tuple[float | None, bool]) -> None:
    assert parse_number(cell) == expected


# --- the real tables in ../shared/data/stats -----------------------------------------------


@pytest.mark.shared
def test_world_bank_gdp(archive: Archive, shared_data: Path) -> None:
    path = shared_data / "stats" / "worldbank-gdp" / "gdp.csv"
    with archive.session() as s:
        summary = import_reference_table(s, path, "World Bank GDP")
        georgia = [r for r in list_statistics(s, measure="gdp") if r.place == "Georgia"]
    assert summary.mapping.layout == "long"
    assert summary.mapping.place == "Country Name"
    assert summary.statistics == 13979
    assert summary.measures == ("gdp",)
    assert len(georgia) > 20
    assert all(r.period_start is not None and r.period_start.month is None for r in georgia)


@pytest.mark.shared
def test_gapminder_gives_three_measures(archive: Archive, shared_data: Path) -> None:
    path = shared_data / "stats" / "rdatasets" / "gapminder__gapminder.csv"
    with archive.session() as s:
        summary = import_reference_table(s, path, "Gapminder")
    assert set(summary.measures) == {"lifeExp", "pop", "gdpPercap"}
    assert summary.statistics == 1704 * 3
    assert ("Afghanistan", "1952", "lifeExp") in _by_place_year(archive)


@pytest.mark.shared
def test_fivethirtyeight_terrorism_tables(archive: Archive, shared_data: Path) -> None:
    folder = shared_data / "stats" / "fivethirtyeight"
    with archive.session() as s:
        by_country = import_reference_table(
            s, folder / "terrorism_eu_terrorism_fatalities_by_country.csv", "GTD EU"
        )
        appendix = import_reference_table(
            s, folder / "terrorism_country_stats_1993_appendix2.csv", "GTD 1993"
        )
        france = import_reference_table(
            s, folder / "terrorism_france_terrorism_fatalities_by_year.csv", "GTD France",
            TableMapping("long", period="iyear", values=("fatalities",), fixed_place="France"),
        )
    assert by_country.mapping.layout == "wide_places"
    assert by_country.measures == ("fatalities",)
    values = _by_place_year(archive)
    assert values[("United Kingdom", "1972", "fatalities")] == 368
    assert appendix.mapping.fixed_period == PartialDate(1993)
    assert values[("Algeria", "1993", "Number Killed")] == 602
    assert france.statistics == 43


@pytest.mark.shared
def test_police_killings_not_utf8(archive: Archive, shared_data: Path) -> None:
    path = shared_data / "stats" / "fivethirtyeight" / "police-killings_police_killings.csv"
    frame = read_table(path)
    assert len(frame) == 467
    with archive.session() as s:
        summary = import_reference_table(s, path, "Police killings 2015")
    assert summary.mapping.count_rows
    assert summary.mapping.place == "state"
    counts = _by_place_year(archive)
    assert sum(v or 0 for v in counts.values()) == 467


def test_notes_above_the_header_are_skipped(archive: Archive, tmp_path: Path) -> None:
    """World Bank downloads start with two lines of notes and a blank line before the header."""
    path = _write(
        tmp_path / "API_NY.GDP.MKTP.CD.csv",
        '"Data Source","World Development Indicators",\n\n'
        '"Last Updated Date","2026-10-01",\n\n'
        '"Country Name","Country Code","Indicator Name","Indicator Code","2019","2020",\n'
        '"Georgia","GEO","GDP (current US$)","NY.GDP.MKTP.CD","17477000000","15843000000",\n'
        '"Armenia","ARM","GDP (current US$)","NY.GDP.MKTP.CD","13619000000","12641000000",\n',
    )
    frame = read_table(path)
    assert list(frame.columns)[:2] == ["Country Name", "Country Code"]
    with archive.session() as s:
        summary = import_reference_table(s, path, "World Bank", measure="GDP (current US$)")
    assert summary.mapping.layout == "wide_years"
    assert _by_place_year(archive)[("Armenia", "2020", "GDP (current US$)")] == 12641000000
