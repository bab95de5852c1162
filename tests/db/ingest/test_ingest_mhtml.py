"""Web pages saved as one file (.mhtml), written here the way Chrome writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.dates import PartialDate
from db.ingest import mhtml
from db.ingest.base import IngestError, ParsedSource
from tests.db.ingest.conftest import write_mhtml
from tests.db.ingest.test_ingest_html import ARTICLE


def read(path: Path) -> ParsedSource:
    sources = list(mhtml.parse(path))
    assert len(sources) == 1
    return sources[0]


def test_the_page_inside_gives_text_and_metadata(tmp_path: Path, no_network: list[Any]) -> None:
    page = ARTICLE.format(extra="Investigators are still at work.")
    source = read(write_mhtml(tmp_path / "beslan.mhtml", page, frame="<p>ADVERT-IN-A-FRAME</p>"))
    assert "The siege of School Number One in Beslan ended" in source.text
    assert "ADVERT-IN-A-FRAME" not in source.text
    assert "ADVERT-BUY-NOW" not in source.text
    assert "=\r\n" not in source.text  # quoted-printable undone
    assert source.title == "Siege ends in Beslan"
    assert source.published == PartialDate(2004, 9, 3)
    assert source.outlet == "Example Times"
    assert source.url == "https://example.org/2004/beslan"  # the page's canonical address
    assert no_network == []


def test_a_cyrillic_page_without_declarations_keeps_its_letters(tmp_path: Path) -> None:
    page = ("<html><head><title>Обстрел Донецка</title></head><body><article><p>В Донецке в "
            "результате обстрела погибли 12 человек, сообщили местные власти.</p></article></body></html>")
    source = read(write_mhtml(tmp_path / "donetsk.mht", page, charset="windows-1251",
                              saved_from="https://example.org/news/1"))
    assert "погибли 12 человек" in source.text
    assert source.title == "Обстрел Донецка"
    assert source.url == "https://example.org/news/1"  # from where it was saved


@pytest.mark.parametrize("content", [b"just some text\n", b"\x00\x01\x02binary", b"Content-Type: image/png\r\n\r\nxx"])
def test_files_without_a_page_inside_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.mhtml"
    path.write_bytes(content)
    with pytest.raises(IngestError, match="no web page inside"):
        read(path)
