"""OpenDocument text (.odt): paragraphs, lists, tables, properties, comments, footnotes, and
files that are not OpenDocument text. Files are written here as LibreOffice writes them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import odt
from db.ingest.base import IngestError, ParsedSource

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
BODY = """
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:h text:outline-level="1">Shelling of Donetsk</text:h>
<text:p>Witnesses counted <office:annotation office:name="c1"><dc:creator>Anna</dc:creator>
<dc:date>2014-05-12T18:00:00</dc:date><text:p>Check against the OSCE report.</text:p></office:annotation>forty
shells<office:annotation-end office:name="c1"/> before<text:s text:c="2"/>noon.<text:note text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body><text:p>Seen from the roof of the hospital.</text:p>
</text:note-body></text:note></text:p>
<text:p/>
<text:list><text:list-item><text:p>Kyivskyi district</text:p></text:list-item>
<text:list-item><text:p>Petrovskyi<text:tab/>district</text:p></text:list-item></text:list>
<table:table table:name="T1"><table:table-row><table:table-cell><text:p>District</text:p></table:table-cell>
<table:table-cell><text:p>Shells</text:p></table:table-cell></table:table-row></table:table>
<text:p><office:annotation><dc:creator>Boris</dc:creator><text:p>Which mission?</text:p></office:annotation>The
mission could not<text:line-break/>confirm the figures.</text:p>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><text:p>DELETED-TEXT</text:p>
</text:deletion></text:changed-region></text:tracked-changes>
"""
META = """<meta:initial-creator>Field office</meta:initial-creator><dc:creator>Someone else</dc:creator>
<dc:title>Donetsk, 12 May</dc:title><meta:creation-date>2014-05-12T18:30:00</meta:creation-date>
<dc:language>uk-UA</dc:language>"""


def write_odt(path: Path, body: str = BODY, meta: str | None = META, *, encrypted: bool = False,
              kind: str = "text") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
                         f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>")
        if meta is not None:
            archive.writestr("meta.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
                             f"<office:meta>{meta}</office:meta></office:document-meta>")
        entry = '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' if encrypted else ""
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                         f'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">{entry}'
                         "</manifest:file-entry></manifest:manifest>")
    return path


def read(path: Path) -> ParsedSource:
    sources = list(odt.parse(path))
    assert len(sources) == 1
    return sources[0]


def test_paragraphs_lists_tables_notes_and_properties(tmp_path: Path) -> None:
    source = read(write_odt(tmp_path / "report.odt"))
    assert source.text == (
        "Shelling of Donetsk\n\nWitnesses counted forty\nshells before  noon.[1]\n\nKyivskyi district\n\n"
        "Petrovskyi\tdistrict\n\nDistrict\n\nShells\n\nThe\nmission could not\nconfirm the figures.\n\n"
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
        ("forty\nshells", "Check against the OSCE report.", "Anna"),
        ("The\nmission could not\nconfirm the figures.", "Which mission?", "Boris"),
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
