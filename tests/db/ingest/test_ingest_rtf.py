"""Rich Text Format (.rtf): Russian documents as Word and LibreOffice write them (code page 1251
bytes, \\uN escapes), the \\info properties, pictures and binary data, a file cut short."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import rtf
from db.ingest.base import IngestError, ParsedSource
from db.ingest.parsing import parse_file
from tests.db.ingest.conftest import rtf_bytes, rtf_unicode

TITLE = "Обстрел Донецка, 12 мая"
AUTHOR = "Анна Петрова"
# A picture as Word keeps it (hex), and one as raw \bin bytes that hold braces: neither is text.
PICTURES = ("{\\*\\shppict{\\pict\\pngblip\\picw10\\pich10 89504e470d0a1a0a0000000d49484452}}"
            "{\\pict\\wmetafile8\\bin6 }{{}\\}}")


def word_rtf(font_charset: int = 204) -> str:
    """A Russian report as Word 2003 saves it: \\ansicpg1251, Cyrillic as cp1251 bytes."""
    return (
        "{\\rtf1\\ansi\\ansicpg1251\\deff0\\deflang1049"
        f"{{\\fonttbl{{\\f0\\froman\\fcharset{font_charset}\\fprq2 Times New Roman;}}{{\\f1\\fswiss\\fcharset0 Arial;}}}}"
        "{\\colortbl;\\red0\\green0\\blue0;}"
        f"{{\\info{{\\title {rtf_bytes(TITLE)}}}{{\\author {rtf_bytes(AUTHOR)}}}"
        "{\\creatim\\yr2014\\mo5\\dy12\\hr18\\min30}{\\printim\\yr0\\mo0\\dy0}}"
        f"\\pard\\plain\\f0\\fs24 {rtf_bytes('Обстрел Донецка')}\\par "
        f"{rtf_bytes('Свидетели насчитали сорок снарядов до полудня; миссия ОБСЕ не смогла')}\\line "
        f"{rtf_bytes('подтвердить цифры.')}{PICTURES}\\par "
        f"\\trowd\\cellx3000\\cellx6000 {rtf_bytes('Район')}\\cell {rtf_bytes('Снаряды')}\\cell \\row "
        f"\\trowd\\cellx3000\\cellx6000 {rtf_bytes('Киевский')}\\cell 40\\cell \\row "
        "\\pard\\f1 12 people were detained \\{sic\\}.\\par}"
    )


EXPECTED = ("Обстрел Донецка\n\nСвидетели насчитали сорок снарядов до полудня; миссия ОБСЕ не смогла\n"
            "подтвердить цифры.\n\nРайон\tСнаряды\n\nКиевский\t40\n\n12 people were detained {sic}.")


def read(path: Path) -> ParsedSource:
    [source] = list(rtf.parse(path))
    return source


@pytest.mark.parametrize("font_charset", [204, 1], ids=["cyrillic-font", "default-charset-font"])
def test_a_russian_word_rtf_reads_as_russian_with_its_properties(tmp_path: Path, font_charset: int) -> None:
    path = tmp_path / "svodka.rtf"
    path.write_text(word_rtf(font_charset), encoding="ascii")
    source = read(path)
    assert source.text == EXPECTED
    assert source.title == TITLE
    assert source.author == AUTHOR
    assert source.published == PartialDate(2014, 5, 12)
    assert source.warnings == []


def test_unicode_escapes_and_libreoffice_properties(tmp_path: Path) -> None:
    """LibreOffice writes \\uN with "?" fallbacks, and each property twice: an ANSI copy (all
    "?" for Cyrillic) and a Unicode one in \\*\\ud."""
    path = tmp_path / "report.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\deff0\\uc1{\\fonttbl{\\f0\\fnil\\fcharset0 Liberation Serif;}}"
        f"{{\\info{{\\upr{{\\title {rtf_bytes('??????? ???????')}}}{{\\*\\ud{{\\title {rtf_unicode(TITLE)}}}}}}}"
        f"{{\\author {rtf_unicode(AUTHOR)}}}{{\\creatim\\yr2015\\mo3}}}}"
        f"\\pard {rtf_unicode('Отчёт')} \\u8212\\'3f {rtf_unicode('emoji 😀 kept whole')}\\par}}",
        encoding="ascii",
    )
    source = read(path)
    assert source.text == "Отчёт — emoji 😀 kept whole"
    assert source.title == TITLE
    assert source.author == AUTHOR
    assert source.published == PartialDate(2015, 3)


def test_without_properties_the_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_text("{\\rtf1\\ansi\\ansicpg1251 {\\fonttbl{\\f0 Arial;}}\\f0 "
                    f"{rtf_bytes('Блокпост закрыт')}\\par {rtf_bytes('Второй абзац.')}\\par}}", encoding="ascii")
    source = read(path)
    assert source.title == "Блокпост закрыт"
    assert source.text == "Блокпост закрыт\n\nВторой абзац."
    assert source.author is None
    assert source.published is None


def test_a_file_cut_short_keeps_its_text_so_far_and_says_so(tmp_path: Path) -> None:
    whole = word_rtf()
    path = tmp_path / "cut.rtf"
    path.write_text(whole[: whole.index("\\trowd")], encoding="ascii")
    source = read(path)
    assert source.text.startswith("Обстрел Донецка\n\nСвидетели насчитали")
    assert "Район" not in source.text
    assert any("cut short" in warning for warning in source.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Word .doc"),
        (b"PK\x03\x04" + bytes(200), "zip file"),
        (bytes(range(256)) * 40, "not an RTF file"),
    ],
    ids=["doc", "zip", "noise"],
)
def test_files_that_are_not_rtf_fail_with_what_they_are(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "letter.rtf"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read(path)
    assert message in (parse_file(path).error or "")
