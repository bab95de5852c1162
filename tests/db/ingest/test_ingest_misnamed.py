"""Binary files named .html are refused, not imported as garbage (issue 21, defect 9)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from db.archive import Archive
from db.importer import import_paths

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(400)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.html", PNG),
        ("archive.htm", b"PK\x03\x04" + bytes(range(256)) * 8),
        ("noise.html", random.Random(21).randbytes(20000)),
        ("program.xhtml", b"\x7fELF\x02\x01\x01" + bytes(2000)),
    ],
)
def test_a_binary_file_named_html_fails_with_a_reason(archive: Archive, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [result] = import_paths(archive, [path], workers=0)
    assert result.status == "failed"
    assert "not a web page" in (result.error or "")


def test_a_utf16_page_is_still_a_page(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<html><head><title>Отчёт</title></head><body><article><p>Сорок человек задержаны у блокпоста ночью."
                     "</p></article></body></html>".encode("utf-16"))
    [result] = import_paths(archive, [path], workers=0)
    assert result.status == "imported"
