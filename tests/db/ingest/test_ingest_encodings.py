"""Encodings of plain texts (issue 21, defect 7): UTF-8 with a damaged byte is UTF-8, not
"binary"; Windows Cyrillic (cp1251) is not read as Mac Cyrillic or as a Chinese code page."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.ingest import text as text_reader
from db.ingest.text import read_text

REPORT = (
    "Донецк, 12 мая 2014 года.\n\n"
    "Наблюдатели миссии насчитали 40 разрушенных домов в Киевском районе. "
    "Жители сообщили, что обстрел продолжался всю ночь; данные не подтверждены.\n"
)


def test_utf8_with_one_damaged_byte_is_read_as_utf8(tmp_path: Path) -> None:
    data = bytearray(REPORT.encode("utf-8"))
    data[60] = 0xFF  # one byte of a letter damaged (a bad copy, a truncated download)
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(data))
    text, warnings = read_text(path)
    assert text.startswith("Донецк, 12 мая 2014 года.")
    assert "Киевском районе" in text
    assert text.count("\ufffd") <= 2
    assert any("not valid UTF-8" in w for w in warnings)


@pytest.mark.parametrize(
    "content",
    [
        "Москва.\nМинск.\nМагадан.\nМурманск.\nМосква.\n" * 5,  # charset-normalizer: mac_cyrillic
        "Москва 2014",  # charset-normalizer: big5
        "Маша и Миша",  # charset-normalizer: cp1250
        REPORT,
    ],
)
def test_windows_cyrillic_is_read_as_windows_cyrillic(tmp_path: Path, content: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content.encode("cp1251"))
    text, warnings = read_text(path)
    assert text == content
    assert warnings == ["not UTF-8; the encoding was guessed as cp1251"]


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Москва.\nМинск.\nМагадан.\nМурманск.\n" * 5, "koi8_r"),
        ("Le café de la gare a été fermé. Réfugiés à Calais : 1 200 personnes.\n", "cp1252"),
        ("Die Flüchtlinge in München: 300 Menschen übernachteten im Bahnhof.\n", "cp1252"),
    ],
)
def test_other_code_pages_are_still_told_apart(tmp_path: Path, content: str, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content.encode(encoding))
    text, _ = read_text(path)
    assert text == content


def test_a_binary_file_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(1, 256)) * 50)
    with pytest.raises(text_reader.IngestError, match="binary"):
        read_text(path)
