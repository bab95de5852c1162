"""E-mail messages saved as .eml: the message, and each attachment Dossier can read, as sources.

The message's subject is its title, the sender its author and the date it was sent its date; the
text is the plain-text body (or the HTML body's text when there is no plain one). Attachments of a
type Dossier reads (a PDF report, a Word file, a saved page ...) become sources of their own, read
by their format's reader (:func:`db.ingest.parsing.parse_file` reads the :class:`Attachment` the
message carries); others are named in a warning. Nothing is fetched: remote images in an HTML body
are never loaded.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from db.dates import PartialDate
from db.ingest._common import date_from_datetime, first_line_title, read_bytes, trim_title
from db.ingest.base import Attachment, IngestError, ParsedSource
from db.ingest.html import page_source

EXTENSIONS: tuple[str, ...] = (".eml",)
MEDIA_TYPE = "message/rfc822"
#: its sources carry attachments (files inside an attachment are not read again)
CONTAINER = True

#: attachments read per message at most (a mailing-list digest can carry hundreds)
_MAX_ATTACHMENTS = 50


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """The message as one source, then one source per readable attachment."""
    message = email.message_from_bytes(read_bytes(path), policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"] or message["Date"]):
        raise IngestError("not an e-mail message (no From, Subject or Date header)")
    text, warnings = _body(message)
    subject = trim_title(str(message["Subject"] or "")) or None
    source = ParsedSource(
        text=text,
        title=subject or first_line_title(text) or trim_title(path.stem),
        published=_sent(message),
        author=_sender(message),
        language=_language(message),
        warnings=warnings,
        kind="email",
    )
    parts = list(_attachments(message))
    warning = f"attached to the e-mail “{source.title}”"
    notes = _attached_note(source)
    for part in parts[:_MAX_ATTACHMENTS]:
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else None
        source.attachments.append(Attachment(str(part.get_filename()), data, warning, notes))
    if len(parts) > _MAX_ATTACHMENTS:
        source.warnings.append(f"only the first {_MAX_ATTACHMENTS} of {len(parts)} attachments were read")
    yield source


def _body(message: EmailMessage) -> tuple[str, list[str]]:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", ["the message has no text"]
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown or lying charset
        payload = body.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if body.get_content_type() == "text/html":
        return page_source(str(content), "message").text, []
    return str(content).replace("\r\n", "\n").strip() + "\n", []


def _sent(message: EmailMessage) -> PartialDate | None:
    try:
        return date_from_datetime(parsedate_to_datetime(str(message["Date"]))) if message["Date"] else None
    except (TypeError, ValueError):
        return None


def _sender(message: EmailMessage) -> str | None:
    pairs = getaddresses([str(message["From"] or "")])
    if not pairs:
        return None
    name, address = pairs[0]
    return trim_title(name or address) or None


def _language(message: EmailMessage) -> str | None:
    value = str(message["Content-Language"] or "").strip()
    match = re.match(r"[A-Za-z]{2,3}\b", value)
    return match.group(0).lower() if match else None


def _attached_note(message: ParsedSource) -> str:
    sent = f", {message.published.iso()}" if message.published else ""
    sender = f" from {message.author}" if message.author else ""
    return f"Attached to the e-mail “{message.title}”{sender}{sent}"


def _attachments(message: EmailMessage) -> Iterator[Message]:
    for part in message.iter_attachments():
        if part.get_filename():
            yield part
