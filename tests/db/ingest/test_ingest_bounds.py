"""Tiny crafted files must not take gigabytes (issue 21, defect 3): office files whose members
inflate past a bound are refused before anything is inflated, and repeat counts are capped."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from db.importer import import_paths
from db.ingest import odt
from db.ingest.base import IngestError

_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#: what a member inflated past the bounds would be: 300 MB
_BOMB = 300 << 20


def _inflating_member(archive: zipfile.ZipFile, name: str, head: str, repeated: str, tail: str) -> None:
    """A member that inflates to about _BOMB bytes from a few hundred kilobytes."""
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(head.encode())
        block = (repeated * ((1 << 20) // len(repeated))).encode()
        for _ in range(_BOMB // len(block)):
            member.write(block)
        member.write(tail.encode())


def test_a_docx_whose_body_inflates_to_hundreds_of_megabytes_is_refused(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "bomb.docx"
    docx.Document().save(str(tmp_path / "plain.docx"))
    with zipfile.ZipFile(tmp_path / "plain.docx") as plain, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for info in plain.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, plain.read(info))
        body = plain.read("word/document.xml").decode()
        head, _, _tail = body.partition("<w:body>")
        _inflating_member(bomb, "word/document.xml", head + "<w:body>",
                          "<w:p><w:r><w:t>a</w:t></w:r></w:p>", "</w:body></w:document>")
    assert path.stat().st_size < 2 << 20
    import_paths_of(tmp_path, tmp_path / "plain.docx")  # the readers and the archive loaded before measuring
    tracemalloc.start()
    try:
        [result] = import_paths_of(tmp_path, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.status == "failed"
    assert "would inflate to" in (result.error or "")
    assert peak < 50 << 20


def import_paths_of(tmp_path: Path, path: Path) -> list:  # type: ignore[type-arg]
    from db import archive as archive_module

    opened = archive_module.open(tmp_path / "archive.sqlite")
    try:
        return import_paths(opened, [path], workers=0)
    finally:
        opened.close()


def _odt(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content xmlns:office="{_ODF_OFFICE}" '
            f'xmlns:text="{_ODF_TEXT}"><office:body><office:text>{body}</office:text></office:body>'
            "</office:document-content>",
        )
    return path


def test_an_odt_repeating_a_space_billions_of_times_is_read_with_the_repeat_capped(tmp_path: Path) -> None:
    path = _odt(tmp_path / "spaces.odt", '<text:p>Kyiv<text:s text:c="2200000000"/>Kharkiv</text:p>')
    assert path.stat().st_size < 1000
    tracemalloc.start()
    try:
        [source] = odt.parse(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert source.text.startswith("Kyiv ")
    assert source.text.endswith(" Kharkiv")
    assert len(source.text) < 2_000_000
    assert any("repeat" in warning for warning in source.warnings)
    assert peak < 50 << 20


def test_many_repeats_together_are_capped_too(tmp_path: Path) -> None:
    runs = '<text:s text:c="999999"/>x' * 200
    [source] = odt.parse(_odt(tmp_path / "runs.odt", f"<text:p>{runs}</text:p>"))
    assert len(source.text) < 2_000_000
    assert source.text.count("x") == 200


def test_ordinary_repeated_spaces_are_kept(tmp_path: Path) -> None:
    [source] = odt.parse(_odt(tmp_path / "ok.odt", '<text:p>Total<text:s text:c="4"/>41</text:p>'))
    assert source.text == "Total" + " " * 4 + "41"
    assert source.warnings == []


def test_a_workbook_whose_strings_inflate_to_hundreds_of_megabytes_is_refused(tmp_path: Path) -> None:
    import openpyxl

    plain_path = tmp_path / "plain.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["title", "text"])
    workbook.active.append(["Shelling in Donetsk", "Three killed."])
    workbook.save(plain_path)
    path = tmp_path / "articles.xlsx"
    with zipfile.ZipFile(plain_path) as plain, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for info in plain.infolist():
            if info.filename != "xl/sharedStrings.xml":
                bomb.writestr(info, plain.read(info))
        _inflating_member(
            bomb, "xl/sharedStrings.xml",
            '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
            "<si><t>aaaaaaaaaaaaaaaa</t></si>", "</sst>",
        )
    [result] = import_paths_of(tmp_path, path)
    assert result.status == "failed"
    assert "would inflate to" in (result.error or "")


def test_the_bound_names_the_part_and_its_size(tmp_path: Path) -> None:
    from db.ingest import _bounds

    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _inflating_member(archive, "content.xml", "<a>", "bbbbbbbbbbbbbbbb", "</a>")
    with pytest.raises(IngestError, match=r"content\.xml would inflate to 300 MB"):
        odt.parse(path).__next__()
    assert _bounds.MAX_XML_MEMBER < _BOMB
