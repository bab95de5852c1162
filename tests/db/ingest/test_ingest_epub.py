"""E-books (.epub): chapters in reading order, the book's metadata (EPUB 2 and 3), and books that
cannot be read: damaged, a zip bomb, DRM, an XML entity bomb."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import epub
from db.ingest.base import IngestError, ParsedSource
from db.ingest.parsing import parse_file
from tests.db.ingest.conftest import EPUB_CHAPTERS, write_epub


def read(path: Path) -> ParsedSource:
    [source] = list(epub.parse(path))
    return source


def test_chapters_in_reading_order_and_the_books_metadata(tmp_path: Path) -> None:
    source = read(write_epub(tmp_path / "doklad.epub"))
    # the spine's order (the manifest lists chapter 2 first), a blank line between chapters, the
    # table of contents (the navigation document) and the chapters' <title> and styles left out
    assert source.text == ("Глава 1\nСорок снарядов упали на Киевский район.\nМиссия не смогла подтвердить цифры."
                           "\n\nChapter 2\nTwelve people were detained at the checkpoint.")
    assert source.title == "Доклад о положении в Донбассе"
    assert source.author == "Анна Петрова"  # the translator is no author
    assert source.published == PartialDate(2015, 3, 4)  # the publication, not the modification
    assert source.language == "ru"
    assert source.outlet == "Мемориал"
    assert source.kind == "book"
    assert source.warnings == []


def test_epub3_refinements_name_the_main_title_and_the_authors(tmp_path: Path) -> None:
    metadata = """<dc:title id="sub">A report in three parts</dc:title><dc:title id="main">Siege of Sloviansk</dc:title>
    <meta refines="#sub" property="title-type">subtitle</meta><meta refines="#main" property="title-type">main</meta>
    <dc:creator id="a1">Human Rights Watch</dc:creator><dc:creator id="e1">Ivan Editor</dc:creator>
    <meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
    <meta refines="#e1" property="role" scheme="marc:relators">edt</meta>
    <dc:date>2014-07</dc:date><meta property="dcterms:modified">2020-01-01T00:00:00Z</meta><dc:language>en</dc:language>"""
    source = read(write_epub(tmp_path / "hrw.epub", metadata=metadata, version="3.0"))
    assert source.title == "Siege of Sloviansk"
    assert source.author == "Human Rights Watch"
    assert source.published == PartialDate(2014, 7)
    assert source.language == "en"


def test_a_book_without_metadata_is_titled_by_its_first_line(tmp_path: Path) -> None:
    source = read(write_epub(tmp_path / "notes.epub", metadata=""))
    assert source.title == "Глава 1"
    assert source.author is None
    assert source.published is None


def test_a_chapter_listed_but_missing_is_left_out_and_said(tmp_path: Path) -> None:
    chapters = (*EPUB_CHAPTERS, ("Text/lost.xhtml", "Lost", "<p>never written</p>"))
    path = write_epub(tmp_path / "partial.epub", chapters=chapters)
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(tmp_path / "cut.epub", "w") as cut:
        for info in archive.infolist():
            if not info.filename.endswith("lost.xhtml"):
                cut.writestr(info, archive.read(info))
    source = read(tmp_path / "cut.epub")
    assert "Twelve people were detained" in source.text
    assert any("OEBPS/Text/lost.xhtml" in warning for warning in source.warnings)


_BOMB = 300 << 20


def test_a_chapter_that_would_inflate_to_hundreds_of_megabytes_is_refused(tmp_path: Path) -> None:
    path = write_epub(tmp_path / "bomb.epub")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("OEBPS/Text/huge.xhtml", "w", force_zip64=True) as member:
        block = b"<p>a</p>" * ((1 << 20) // 8)
        for _ in range(_BOMB // len(block)):
            member.write(block)
    assert path.stat().st_size < 4 << 20
    with pytest.raises(IngestError, match="would inflate to"):
        read(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(write_epub(p).read_bytes()[:900]), "not an EPUB book"),
        (lambda p: p.write_bytes(b"plain text, not a zip"), "not an EPUB book"),
        (lambda p: write_epub(p, extra={"META-INF/encryption.xml": (
            b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
            b'<enc:CipherReference URI="OEBPS/Text/chapter1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')}),
         "DRM"),
        (lambda p: write_epub(p, opf_head='<!DOCTYPE package [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'),
         "damaged"),
    ],
    ids=["cut-short", "not-a-zip", "drm", "entity-bomb"],
)
def test_books_that_cannot_be_read_say_why(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "book.epub"
    make(path)  # type: ignore[operator]
    with pytest.raises(IngestError, match=message):
        read(path)
    assert message in (parse_file(path).error or "")
