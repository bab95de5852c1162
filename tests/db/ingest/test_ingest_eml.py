"""E-mail messages (.eml): the message and its readable attachments as sources."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import eml
from db.ingest.base import IngestError
from db.ingest.parsing import parse_file
from tests.db.ingest.conftest import write_message, write_pdf


def test_the_message_gives_title_author_date_and_text(tmp_path: Path) -> None:
    [source] = list(eml.parse(write_message(tmp_path / "report.eml",
                                            html="<p>HTML-VERSION <img src='https://tracker.example/p.gif'></p>")))
    assert source.title == "Отчёт: обстрел Донецка, 12 мая"
    assert source.author == "Anna Petrova"
    assert source.published == PartialDate(2014, 5, 12)
    assert source.kind == "email"
    assert "Forty shells hit the Kyivskyi district" in source.text
    assert "HTML-VERSION" not in source.text  # the plain text is preferred


def test_an_html_only_message_gives_its_visible_text(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "desk@example.org"
    message["Subject"] = "Update"
    message.set_content("<html><body><p>Two journalists were detained on Monday.</p>"
                        "<script>STOLEN()</script></body></html>", subtype="html")
    path = tmp_path / "update.eml"
    path.write_bytes(bytes(message))
    [source] = list(eml.parse(path))
    assert "Two journalists were detained on Monday." in source.text
    assert "STOLEN" not in source.text


def test_readable_attachments_become_sources_of_their_own(tmp_path: Path) -> None:
    report = write_pdf(tmp_path / "OSCE report.pdf", ["Shelling counted: 40 shells.", "Annex."], title="Daily report")
    locked = write_pdf(tmp_path / "list.pdf", ["Names of the detained."], password="secret")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    path = write_message(tmp_path / "with-files.eml", attachments=[report, locked, photo])

    message, attached = parse_file(path).sources
    assert attached.title == "Daily report"
    assert attached.text.startswith("Shelling counted: 40 shells.")
    assert len(attached.page_starts) == 2
    assert attached.warnings[0] == "attached to the e-mail “Отчёт: обстрел Донецка, 12 мая”"
    assert attached.notes == "Attached to the e-mail “Отчёт: обстрел Донецка, 12 мая” from Anna Petrova, 2014-05-12"
    assert any("list.pdf could not be read" in w and "password" in w for w in message.warnings)
    assert any("photo.jpg" in w for w in message.warnings)

    message, attached, opened = parse_file(path, password="secret").sources
    assert opened.text == "Names of the detained."
    assert opened.title == "Names of the detained."


@pytest.mark.parametrize("content", [b"", b"just a note, not an e-mail\n", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_what_is_not_an_email_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "note.eml"
    path.write_bytes(content)
    with pytest.raises(IngestError):
        list(eml.parse(path))
