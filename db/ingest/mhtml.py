"""Web pages saved as one file (.mhtml, .mht: "Webpage, Single File" in Chrome, Edge and Opera).

An MHTML file is a MIME message: the page's HTML is its first ``text/html`` part (later ones are
frames, often ads), followed by images and styles. The HTML is read like any saved page
(:mod:`db.ingest.html`); the address the page was saved from comes from the message's headers
when the page itself does not declare one. Nothing in the file is fetched or run.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from db.ingest._common import read_bytes
from db.ingest.base import IngestError, ParsedSource
from db.ingest.html import page_source

EXTENSIONS: tuple[str, ...] = (".mhtml", ".mht")
MEDIA_TYPE = "multipart/related"

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one single-file web page as one source."""
    message = email.message_from_bytes(read_bytes(path), policy=email.policy.default)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise IngestError("no web page inside this file (it has no HTML part)")
    html = _html_of(page)
    if not html.strip():
        raise IngestError("the web page inside this file is empty")
    address = message.get("Snapshot-Content-Location") or page.get("Content-Location")
    url = str(address).strip() if address and str(address).startswith(("http://", "https://")) else None
    yield page_source(html, path.stem, url)


def _html_of(part: Message) -> bytes | str:
    """The part's HTML, transfer encoding undone: text when the part names its charset (the
    page's own declaration may be wrong for the saved bytes), bytes otherwise."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset is None:
        return payload
    try:
        text = payload.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: let the page's declaration decide
        return payload
    return _XML_DECLARATION.sub("", text, count=1)
