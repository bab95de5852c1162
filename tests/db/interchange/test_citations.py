"""Sources as citations (CSL-JSON, RIS, BibTeX) and Zotero's exports read back as sources."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from sqlalchemy import select

from db.archive import Archive
from db.dates import PartialDate
from db.importer import import_paths
from db.interchange.citations.records import export_citations
from db.models import Source
from tests.factories import make_source


@pytest.fixture
def cited(archive: Archive) -> Archive:
    make_source(archive, "Text one.", title="ISIS Comes to Russia", published=PartialDate(2015, 7, 11),
                outlet="The Daily Beast", author="Anna Nemtsova")
    make_source(archive, "Text two.", title="Кавказский узел: итоги", published=PartialDate(2014),
                outlet="Кавказский узел", author="Nemtsova, Anna; Ivan Petrov")
    make_source(archive, "Text three.", title="A 100% {odd} title & more", published=PartialDate(2016, 3))
    return archive


@pytest.mark.shared
def test_csl_json_follows_the_schema_zotero_reads(cited: Archive, tmp_path: Path, shared_data: Path) -> None:
    out = tmp_path / "sources.json"
    with cited.session() as s:
        assert export_citations(s, out, "csl") == 3
    items = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(items, json.loads((shared_data / "csl" / "csl-data.json").read_text(encoding="utf-8")))
    first, second, third = items
    assert first["type"] == "article-newspaper"
    assert first["container-title"] == "The Daily Beast"
    assert first["issued"] == {"date-parts": [[2015, 7, 11]]}
    assert second["issued"] == {"date-parts": [[2014]]}
    assert third["issued"] == {"date-parts": [[2016, 3]]}
    assert first["author"] == [{"family": "Nemtsova", "given": "Anna"}]
    assert second["author"] == [{"family": "Nemtsova", "given": "Anna"}, {"family": "Petrov", "given": "Ivan"}]


def test_ris_is_news_that_rispy_reads(cited: Archive, tmp_path: Path) -> None:
    out = tmp_path / "sources.ris"
    with cited.session() as s:
        export_citations(s, out, "ris")
    assert out.read_text(encoding="utf-8").startswith("TY  - NEWS")
    entries = rispy.load(out)
    assert [e["type_of_reference"] for e in entries] == ["NEWS"] * 3
    assert entries[0]["secondary_title"] == "The Daily Beast"
    assert entries[0]["date"] == "2015/07/11"
    assert entries[1]["title"] == "Кавказский узел: итоги"
    assert entries[1]["year"] == "2014"


def test_bibtex_that_bibtexparser_and_biblatex_read(cited: Archive, tmp_path: Path) -> None:
    out = tmp_path / "sources.bib"
    with cited.session() as s:
        export_citations(s, out, "bibtex")
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    first = library.entries[0]
    assert first.entry_type == "article"
    assert first["journaltitle"] == "The Daily Beast"
    assert first["entrysubtype"] == "newspaper"
    assert first["date"] == "2015-07-11"
    assert library.entries[2]["title"] == r"{A 100\% \{odd\} title \& more}"


@pytest.mark.parametrize(("kind", "name"), [("csl", "s.json"), ("ris", "s.ris"), ("bibtex", "s.bib")])
def test_an_export_imported_again_finds_its_sources(kind: str, name: str, cited: Archive, tmp_path: Path) -> None:
    out = tmp_path / name
    with cited.session() as s:
        export_citations(s, out, kind)
    results = import_paths(cited, [out])
    assert [r.status for r in results] == ["duplicate"] * 3


def test_zotero_exports_with_their_files(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "files" / "12").mkdir(parents=True)
    (tmp_path / "files" / "12" / "report.txt").write_text("Some 40 people were killed in Grozny.", encoding="utf-8")
    ris = tmp_path / "Exported Items.ris"
    ris.write_text("\ufeffTY  - NEWS\nTI  - Grozny report\nAU  - Nemtsova, Anna\nT2  - The Daily Beast\nDA  - 2015/07/11\n"
                   "LA  - en\nUR  - https://example.org/grozny\nL1  - files/12/report.txt\nID  - ABCD1234\nER  - \n\n"
                   "TY  - NEWS\nTI  - Lost file\nL1  - files/99/gone.pdf\nER  - \n", encoding="utf-8")
    bib = tmp_path / "Exported Items.bib"
    bib.write_text("@article{nemtsova_isis_2015,\n title = {{ISIS} Comes to Russia},\n journal = {The Daily Beast},\n"
                   " author = {Nemtsova, Anna},\n year = {2015},\n month = jul,\n"
                   " file = {Full Text:files/12/report.txt:text/plain},\n}\n", encoding="utf-8")
    results = import_paths(archive, [ris, bib])
    assert [r.status for r in results] == ["imported", "imported", "imported"]
    assert "not beside the export" in results[1].warnings[0]
    with archive.session() as s:
        first = s.get(Source, results[0].source_id)
        assert first is not None
        assert first.text == "Some 40 people were killed in Grozny."
        assert (first.title, first.author, first.url, first.language) == ("Grozny report", "Anna Nemtsova", "https://example.org/grozny", "en")
        assert first.outlet is not None
        assert first.outlet.name == "The Daily Beast"
        assert first.published.isoformat() == "2015-07-11"
        assert first.published_precision == "day"
        third = s.get(Source, results[2].source_id)
        assert third is not None
        assert third.title == "ISIS Comes to Russia"
        assert third.published_precision == "year"
    assert [r.status for r in import_paths(archive, [ris, bib])] == ["duplicate"] * 3


def test_a_broken_bibliography_is_named(archive: Archive, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('[{"id": 1, "title": "x"}, "not an item"]', encoding="utf-8")
    [result] = import_paths(archive, [bad])
    assert result.status == "failed"
    assert "CSL-JSON" in (result.error or "")
    assert archive.sessions().scalar(select(Source.id)) is None
