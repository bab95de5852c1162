"""OpenDocument text (.odt): paragraphs, lists, tables, properties, comments, footnotes, and
files that are not OpenDocument text. Files are written here as LibreOffice writes them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import odt
from db.ingest.base import IngestError, ParsedSource
from tests.db.ingest.conftest import write_odt


def read(path: Path) -> ParsedSource:
    sources = list(odt.parse(path))
    assert len(sources) == 1
    return sources[0]


def test_paragraphs_lists_tables_notes_and_properties(tmp_path: Path) -> None:
    source = read(write_odt(tmp_path / "report.odt"))
    assert source.text == (
        "Shelling of Donetsk\n\nWitnesses counted forty shells before  noon.[1]\n\nKyivskyi district\n\n"
        "Petrovskyi\tdistrict\n\nDistrict\n\nShells\n\nThe mission could not\nconfirm the figures.\n\n"
        "Notes\n\n1. Seen from the roof of the hospital."
    )
    assert "DELETED-TEXT" not in source.text
    assert source.title == "Donetsk, 12 May"
    assert source.author == "Field office"
    assert source.published == PartialDate(2014, 5, 12)
    assert source.language == "uk"


def test_comments_become_notes_on_their_words(tmp_path: Path) -> None:
    source = read(write_odt(tmp_path / "report.odt"))
    quoted = [(source.text[c.start : c.end], c.note, c.author) for c in source.comments]
    assert quoted == [
        ("forty shells", "Check against the OSCE report.", "Anna"),
        ("The mission could not\nconfirm the figures.", "Which mission?", "Boris"),
    ]


def test_without_properties_the_first_line_is_the_title(tmp_path: Path) -> None:
    assert read(write_odt(tmp_path / "notes.odt", meta=None)).title == "Shelling of Donetsk"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: write_odt(p, encrypted=True), "password-protected"),
        (lambda p: write_odt(p, kind="spreadsheet", body="<table:table/>"), "not an OpenDocument text"),
        (lambda p: p.write_bytes(b"plain text, not a zip"), "not an OpenDocument file"),
        (lambda p: write_odt(p, body='<text:p>&lt;unclosed</text:p'), "damaged"),
    ],
)
def test_files_that_are_not_readable_text_documents(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "document.odt"
    make(path)  # type: ignore[operator]
    with pytest.raises(IngestError, match=message):
        read(path)


def test_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>')
    with pytest.raises(IngestError):
        read(path)
