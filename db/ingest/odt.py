"""OpenDocument text (.odt, LibreOffice and many NGOs' word processor): paragraphs, lists,
tables, document properties and comments.

The document's ``content.xml`` is read with defusedxml in document order, as the Word reader reads
its XML, so that comment ranges (``office:annotation`` ... ``office:annotation-end``) become
code-point offsets in the produced text and then annotations with the comment as the note. A
comment on no selected text notes the paragraph it sits in. Footnotes follow the text under
"Notes"; text deleted under change tracking is left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.ingest._bounds import MAX_REPEATED, check_members
from db.ingest._common import first_line_title, parse_date, read_bytes, trim_title
from db.ingest.base import Comment, IngestError, ParsedSource

EXTENSIONS: tuple[str, ...] = (".odt",)
MEDIA_TYPE = "application/vnd.oasis.opendocument.text"

PARAGRAPH_SEPARATOR = "\n\n"
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
# Not part of the text as it reads: tracked deletions, declarations, indexes' source marks.
_SKIPPED = frozenset({_TEXT + "tracked-changes", _TEXT + "sequence-decls", _TEXT + "variable-decls",
                      _TEXT + "user-field-decls", _OFFICE + "forms", _TEXT + "soft-page-break",
                      _TEXT + "bookmark", _TEXT + "bookmark-start", _TEXT + "bookmark-end"})  # fmt: skip


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one OpenDocument text as one source."""
    content, meta = _parts(read_bytes(path))
    body = _Body()
    text_root = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_root is None:
        raise IngestError("not an OpenDocument text (no text body; a spreadsheet or presentation?)")
    body.blocks(text_root)
    warnings = [] if body.repeats.left >= 0 else [
        f"runs of repeated spaces were cut short: the document repeats more than {MAX_REPEATED:,} in all"
    ]
    if body.notes:
        body.add_paragraph("Notes")
        for number, note in enumerate(body.notes, start=1):
            body.add_paragraph(f"{number}. {note}")
    text = "".join(body.parts)
    info = _properties(meta)
    yield ParsedSource(
        text=text,
        title=info.get("title") or first_line_title(text) or trim_title(path.stem),
        author=info.get("author"),
        published=parse_date(info.get("created", "")[:10] or None),
        language=info.get("language"),
        comments=body.comments(text),
        warnings=warnings + ([] if text.strip() else ["the document has no text"]),
    )


def _parts(data: bytes) -> tuple[Any, Any]:
    from defusedxml import ElementTree

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError("not an OpenDocument file: an .odt is a zip file and this is not one")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            check_members(archive, "OpenDocument file")
            if "content.xml" not in names:
                raise IngestError("not an OpenDocument file (no content.xml inside the zip)")
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest:
                raise IngestError("the document is password-protected: save it without a password to import it")
            content = ElementTree.fromstring(archive.read("content.xml"))
            meta = ElementTree.fromstring(archive.read("meta.xml")) if "meta.xml" in names else None
    except IngestError:
        raise
    except Exception as exc:  # a damaged zip, XML that does not parse, entity tricks refused
        raise IngestError(f"not a readable OpenDocument file (damaged?): {exc}") from None
    return content, meta


def _properties(meta: Any) -> dict[str, str]:
    if meta is None:
        return {}
    found: dict[str, str] = {}
    for key, tag in (("title", _DC + "title"), ("author", _META + "initial-creator"),
                     ("author", _DC + "creator"), ("created", _META + "creation-date"),
                     ("language", _DC + "language")):  # fmt: skip
        element = meta.find(f"{_OFFICE}meta/{tag}")
        value = (element.text or "").strip() if element is not None else ""
        if value and key not in found:
            found[key] = value
    for key in ("title", "author"):
        if key in found:
            found[key] = trim_title(found[key]) or ""
    if "language" in found:
        found["language"] = found["language"].split("-")[0].lower()[:3]
    return {k: v for k, v in found.items() if v}


@dataclass
class _Repeats:
    """What repeat counts may still add to the text (``left`` < 0 once some were cut short)."""

    left: int = MAX_REPEATED

    def take(self, count: int) -> int:
        """How many of ``count`` repeats are written: all while the budget lasts, then one."""
        if count <= self.left:
            self.left -= count
            return count
        self.left = -1
        return 1


@dataclass
class _Body:
    """The text in reading order, where comment ranges start and end, and the footnotes."""

    repeats: _Repeats = field(default_factory=_Repeats)
    parts: list[str] = field(default_factory=list)
    length: int = 0
    notes: list[str] = field(default_factory=list)
    #: comment name -> (note, author, start); ends by name
    opened: dict[str, tuple[str, str | None, int]] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)
    #: comments on no selection: the paragraph they sit in
    points: list[tuple[str, str | None, int, int]] = field(default_factory=list)

    def add_paragraph(self, text: str) -> int:
        """Append a paragraph; where it starts."""
        if self.parts:
            self.parts.append(PARAGRAPH_SEPARATOR)
            self.length += len(PARAGRAPH_SEPARATOR)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def blocks(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag in _PARAGRAPHS:
                self.paragraph(child)
            elif tag in _SKIPPED or tag == _OFFICE + "annotation":
                continue
            elif tag == _TABLE + "table-header-rows" or tag.startswith(_TABLE) or tag.startswith(_TEXT):
                self.blocks(child)  # lists, list items, sections, tables, rows, cells, indexes

    def paragraph(self, element: Any) -> None:
        line = _Line(repeats=self.repeats)
        line.inline(element, self.notes)
        text = "".join(line.pieces)
        has_text = bool(text.strip())
        base = self.add_paragraph(text) if has_text else self.length
        for kind, name, local, note, author in line.marks:
            offset = base + local if has_text else self.length
            if kind == "start":
                self.opened.setdefault(name, (note, author, offset))
            elif kind == "end":
                self.ends.setdefault(name, offset)
            elif has_text:  # a comment on the paragraph as a whole
                self.points.append((note, author, base, base + len(text)))

    def comments(self, text: str) -> list[Comment]:
        found: list[Comment] = []
        for name, (note, author, start) in self.opened.items():
            end = self.ends.get(name, start)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and note:
                found.append(Comment(start, end, note, author))
        found += [Comment(start, end, note, author) for note, author, start, end in self.points if note]
        return sorted(found, key=lambda c: (c.start, c.end))


@dataclass
class _Line:
    """One paragraph's text, and the comment marks met in it (offsets within the paragraph)."""

    repeats: _Repeats = field(default_factory=_Repeats)
    pieces: list[str] = field(default_factory=list)
    size: int = 0
    marks: list[tuple[str, str, int, str, str | None]] = field(default_factory=list)
    #: the text so far ends in a space that came from collapsed white space
    spaced: bool = False

    def add(self, text: str) -> None:
        """Text an element stands for (text:s, text:tab ...): taken as it is."""
        self.pieces.append(text)
        self.size += len(text)
        self.spaced = False

    def add_characters(self, raw: str) -> None:
        """Characters of the XML: white space runs count as one space, none at the start (ODF's
        white-space rule; spaces the author typed twice are text:s elements)."""
        text = _WHITE_SPACE.sub(" ", raw)
        if text.startswith(" ") and (self.size == 0 or self.spaced):
            text = text[1:]
        if text:
            self.pieces.append(text)
            self.size += len(text)
            self.spaced = text.endswith(" ")

    def inline(self, element: Any, notes: list[str]) -> None:
        if element.text:
            self.add_characters(element.text)
        for child in element:
            tag = child.tag
            if tag == _TEXT + "s":
                count = child.get(_TEXT + "c", "1")
                self.add(" " * self.repeats.take(int(count) if count.isdigit() else 1))
            elif tag == _TEXT + "tab":
                self.add("\t")
            elif tag == _TEXT + "line-break":
                self.add("\n")
            elif tag == _OFFICE + "annotation":
                note = "\n".join("".join(p.itertext()).strip() for p in child.iter(_TEXT + "p")).strip()
                creator = child.find(_DC + "creator")
                author = ((creator.text or "").strip() or None) if creator is not None else None
                name = child.get(_OFFICE + "name")
                self.marks.append(("start" if name else "point", name or "", self.size, note, author))
            elif tag == _OFFICE + "annotation-end":
                self.marks.append(("end", child.get(_OFFICE + "name", ""), self.size, "", None))
            elif tag == _TEXT + "note":
                body = child.find(_TEXT + "note-body")
                if body is not None:
                    notes.append(" ".join("".join(body.itertext()).split()))
                self.add(f"[{len(notes)}]")
            elif tag in _SKIPPED or tag.startswith(_DRAW):
                pass  # images and shapes
            else:
                self.inline(child, notes)  # spans, links, fields ...
            if child.tail:
                self.add_characters(child.tail)
