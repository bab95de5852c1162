"""Word documents (.docx): paragraphs, tables, core properties and Word comments.

The body is read from its XML in document order so that comment ranges
(``w:commentRangeStart``/``w:commentRangeEnd``) can be turned into code-point offsets of the
produced text, where they become annotations with the comment as the note.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.ingest._bounds import check_members
from db.ingest._common import date_from_datetime, first_line_title, read_bytes, trim_title
from db.ingest.base import Comment, IngestError, ParsedSource

EXTENSIONS: tuple[str, ...] = (".docx",)
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

PARAGRAPH_SEPARATOR = "\n\n"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Deleted and moved-away text is not part of the document as it reads now.
_SKIPPED = frozenset(
    {
        _W + "del",
        _W + "moveFrom",
        _W + "rPr",
        _W + "pPr",
        _W + "instrText",
        _W + "delInstrText",
        _MC_FALLBACK,
    }
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one Word document as one source."""
    document = _open(read_bytes(path))
    body = _Body()
    body.blocks(document.element.body)
    text = "".join(body.parts)
    comments, warnings = _comments(document, body, text)
    props = document.core_properties
    language = (props.language or "").split("-")[0].strip().lower() or None
    yield ParsedSource(
        text=text,
        title=trim_title(props.title) or first_line_title(text) or trim_title(path.stem),
        author=trim_title(props.author),
        published=date_from_datetime(props.created),
        language=language if language and len(language) <= 3 else None,
        comments=comments,
        warnings=warnings,
    )


def _open(data: bytes) -> Any:
    import docx

    if data.startswith(_OLE_MAGIC):
        raise IngestError("an old Word .doc (or encrypted) file, not .docx: save it as .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError("not a Word document: a .docx is a zip file and this is not one")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_members(archive, "Word document")
    other = _other_office_file(data)
    if other is not None:
        raise IngestError(f"not a Word document: this is {other} with a .docx name")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, package errors ...
        raise IngestError(f"not a Word document (a zip of something else?): {exc}") from None


# Parts that name what a zip-based office file really is.
_OTHER_PARTS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods)"),
    ("META-INF/container.xml", "an e-book (.epub)"),
)


def _other_office_file(data: bytes) -> str | None:
    """What a zip named .docx really is, when it is another kind of document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return None
    return next((what for part, what in _OTHER_PARTS if part in names), None)


@dataclass
class _Body:
    """Text of the body in reading order, and where each comment range starts and ends."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    starts: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)

    def blocks(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                for row in child.iterchildren(_W + "tr"):
                    for cell in row.iterchildren(_W + "tc"):
                        self.blocks(cell)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.blocks(child)
            elif tag == _W + "commentRangeStart":
                self.starts.setdefault(child.get(_W + "id", ""), self.length)
            elif tag == _W + "commentRangeEnd":
                self.ends.setdefault(child.get(_W + "id", ""), self.length)

    def paragraph(self, element: Any) -> None:
        pieces: list[str] = []
        marks: list[tuple[str, str, int]] = []
        self._inline(element, pieces, marks, [0])
        text = "".join(pieces)
        base = self.length
        if text.strip():
            if self.parts:
                self.parts.append(PARAGRAPH_SEPARATOR)
                self.length += len(PARAGRAPH_SEPARATOR)
            base = self.length
            self.parts.append(text)
            self.length += len(text)
        for kind, comment_id, local in marks:
            offset = base + local if text.strip() else self.length
            target = self.starts if kind == "start" else self.ends
            target.setdefault(comment_id, offset)

    def _inline(
        self, element: Any, pieces: list[str], marks: list[tuple[str, str, int]], size: list[int]
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _W + "t":
                value = child.text or ""
                pieces.append(value)
                size[0] += len(value)
            elif tag == _W + "tab":
                pieces.append("\t")
                size[0] += 1
            elif tag in (_W + "br", _W + "cr"):
                pieces.append("\n")
                size[0] += 1
            elif tag == _W + "noBreakHyphen":
                pieces.append("-")
                size[0] += 1
            elif tag == _W + "commentRangeStart":
                marks.append(("start", child.get(_W + "id", ""), size[0]))
            elif tag == _W + "commentRangeEnd":
                marks.append(("end", child.get(_W + "id", ""), size[0]))
            else:
                if tag == _W + "p" and size[0]:
                    # A paragraph inside a text box: keep it on its own line.
                    pieces.append("\n")
                    size[0] += 1
                self._inline(child, pieces, marks, size)


def _comments(document: Any, body: _Body, text: str) -> tuple[list[Comment], list[str]]:
    comments: list[Comment] = []
    warnings: list[str] = []
    if not body.starts and not body.ends:
        return comments, warnings
    try:
        part = document.comments
    except Exception:
        return comments, ["the document's comments could not be read"]
    for comment_id, start in body.starts.items():
        end = body.ends.get(comment_id, start)
        # Trim the blank space a range picks up at paragraph edges.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        try:
            comment = part.get(int(comment_id))
        except (ValueError, KeyError):
            comment = None
        if comment is None:
            continue
        note = (comment.text or "").strip()
        if end <= start:
            warnings.append(f"a comment on no text was left out: {trim_title(note)}")
            continue
        comments.append(Comment(start=start, end=end, note=note, author=comment.author or None))
    comments.sort(key=lambda c: (c.start, c.end))
    return comments, warnings
