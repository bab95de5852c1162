"""A REFI-QDA project as plain data, between the XML (``reader``/``writer``) and the archive
(``from_archive``/``to_archive``).

Identifiers are the project's GUIDs as lower-case ``8-4-4-4-12`` strings (:func:`guid_of` turns
what other tools write: braces, upper case, or ids that are not GUIDs at all, into one).
Positions in a :class:`Selection` are what the file says: the unit is the tool's (see
:mod:`db.interchange.refi.offsets`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
#: the namespace of GUIDs derived from identifiers that are not GUIDs (and of Dossier's own derived ones)
DERIVED = uuid.UUID("6f1c2b8e-8d3a-4c55-9f0e-d05513e15015")


def guid_of(value: str | None, scope: str = "") -> str | None:
    """A GUID as Dossier stores it: lower case, no braces. An id that is not a GUID ("s1",
    "code-1") becomes a GUID derived from it and ``scope`` (the project), so importing the same
    project again finds the same rows."""
    if value is None or not value.strip():
        return None
    match = _GUID.match(value.strip())
    if match:
        return match.group(1).lower()
    return str(uuid.uuid5(DERIVED, f"{scope}\x1f{value.strip()}"))


def derived_guid(*parts: str) -> str:
    """A GUID for something Dossier has no row id for (a coding, a note of a memo), stable across
    exports of the same rows."""
    return str(uuid.uuid5(DERIVED, "\x1f".join(parts)))


@dataclass
class User:
    guid: str
    name: str


@dataclass
class Code:
    guid: str
    name: str
    color: str | None = None
    description: str | None = None
    codable: bool = True
    children: list[Code] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass
class Selection:
    """A ``PlainTextSelection``: a span of a text source with its codes and notes."""

    guid: str
    start: int
    end: int
    #: what the tool wrote in ``name`` (often the selected text, sometimes cut short)
    name: str | None = None
    description: str | None = None
    code_refs: list[str] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)
    creating_user: str | None = None
    created: str | None = None


@dataclass
class TextSource:
    """A text source; for a ``PDFSource``, its text representation (``pdf_path`` set)."""

    guid: str
    name: str
    #: the plain text as the file holds it (a BOM and CRLF line ends kept, for the offsets)
    raw_text: str | None = None
    plain_text_path: str | None = None
    rich_text_path: str | None = None
    pdf_path: str | None = None
    description: str | None = None
    selections: list[Selection] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)
    creating_user: str | None = None
    created: str | None = None
    #: the original file's bytes and name (a Word file, a PDF), when the project has it
    original: bytes | None = None
    original_name: str | None = None
    #: why this source cannot be imported (no text, a missing file), None when it can
    problem: str | None = None


@dataclass
class Note:
    guid: str
    name: str | None = None
    text: str = ""
    creating_user: str | None = None
    #: NVivo keeps annotations as notes with their own selection of a source
    selections: list[Selection] = field(default_factory=list)


@dataclass
class Case:
    guid: str
    name: str | None = None
    description: str | None = None
    selection_refs: list[str] = field(default_factory=list)
    source_refs: list[str] = field(default_factory=list)
    code_refs: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)


@dataclass
class Link:
    guid: str
    name: str | None
    origin: str | None
    target: str | None
    direction: str | None = None


@dataclass
class Project:
    name: str = "Dossier"
    origin: str | None = None
    users: list[User] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    sources: list[TextSource] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: note GUIDs that apply to the project as a whole
    note_refs: list[str] = field(default_factory=list)
    description: str | None = None
    #: Dossier's own rows that REFI has no element for (``dossier.json`` in a .qdpx)
    extras: dict[str, Any] | None = None
    #: what could not be read, in the researcher's words ("source X: its text file is missing")
    problems: list[str] = field(default_factory=list)
    #: sources, notes and other parts that were not imported (pictures, audio, video)
    skipped: list[str] = field(default_factory=list)

    def all_codes(self) -> list[Code]:
        found: list[Code] = []
        stack = list(reversed(self.codes))
        while stack:
            code = stack.pop()
            found.append(code)
            stack.extend(reversed(code.children))
        return found
