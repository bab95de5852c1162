"""Telegram channel and chat exports (Telegram Desktop ▸ Export chat history ▸ JSON, ``result.json``):
one source per message.

Each message with text becomes a source: its first line the title, its date the published date,
the channel or chat the outlet, the signature or sender the author, the channel it was forwarded
from in its notes, and "message 123" its part,
so that importing a later export of the same channel adds only the new messages. Service messages
(joins, pins) and photos without a caption have no text and are left out. Any other JSON file is
not a Telegram export and is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from db.ingest._common import (
    check_regular_file,
    first_line_title,
    parse_date,
    read_bytes,
    trim_title,
)
from db.ingest.base import ParsedSource, UnsupportedFile

EXTENSIONS: tuple[str, ...] = (".json",)
MEDIA_TYPE = "application/json"
#: one source per message, stored in chunks like the rows of a table of articles
TABLE = True


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """The messages of an export. Raises before anything is read as a source when the file is
    not a Telegram export (UnsupportedFile) or not valid JSON."""
    if check_regular_file(path) == 0:
        raise UnsupportedFile("an empty JSON file, not a Telegram export")
    data = read_bytes(path)
    try:
        export = json.loads(data)
    except (ValueError, RecursionError):
        raise UnsupportedFile("a JSON file Dossier does not read (not a Telegram export)") from None
    del data
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        raise UnsupportedFile("a JSON file Dossier does not read (not a Telegram export)")
    channel = trim_title(export.get("name")) if isinstance(export.get("name"), str) else None
    return _messages(messages, channel)


def _messages(messages: list[Any], channel: str | None) -> Iterator[ParsedSource]:
    for message in messages:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        text = _text(message.get("text")).strip()
        if not text:
            continue
        number = message.get("id")
        forwarded = message.get("forwarded_from")
        notes = f"Forwarded from {forwarded.strip()}" if isinstance(forwarded, str) and forwarded.strip() else None
        sender = message.get("author") or message.get("from")
        author = trim_title(sender) if isinstance(sender, str) and sender != channel else None
        yield ParsedSource(
            text=text + "\n",
            title=first_line_title(text) or f"{channel or 'Telegram'} message {number}",
            published=parse_date(message["date"]) if isinstance(message.get("date"), str) else None,
            outlet=channel,
            author=author,
            kind="post",
            part=f"message {number}",
            notes=notes,
        )


def _text(value: object) -> str:
    """A message's text: a string, or a list of strings and entities ({"type": "link", "text": …})."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
            for part in value
        )
    return ""
