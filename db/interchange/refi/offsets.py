"""Where a selection's positions fall in the text: the unit each tool counts in, found per project.

REFI-QDA leaves the unit of ``startPosition``/``endPosition`` open, and tools differ: NVivo counts
UTF-16 code units (a character outside the Basic Multilingual Plane, such as an emoji, counts
two), others count code points; a text file may start with a byte-order mark that one tool counts
and another does not; and a file with CRLF line ends may have them counted as one character
(ATLAS.ti) or two (MAXQDA). Dossier stores text without a BOM and with ``\\n`` line ends, and
counts code points (see CONTRACT.md).

:func:`place_selections` tries each :class:`Convention` on every selection of the project whose
text it would change, scores how well the selections land (inside the text, on whole
characters, on word boundaries, on the selected text where the tool wrote it in ``name``),
keeps the best for the whole project and converts every position; a selection that does not
land on the text under it is returned unplaced, for the importer to report.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from db.interchange.refi.model import Selection, TextSource


@dataclass(frozen=True)
class Convention:
    utf16: bool = False
    crlf_two: bool = True
    bom_counted: bool = False

    def describe(self) -> str:
        unit = "UTF-16 code units" if self.utf16 else "code points"
        line = "CRLF as two" if self.crlf_two else "CRLF as one"
        bom = ", the byte-order mark counted" if self.bom_counted else ""
        return f"{unit}, {line}{bom}"


CONVENTIONS = tuple(
    Convention(utf16, crlf_two, bom)
    for utf16, crlf_two, bom in itertools.product((False, True), (True, False), (False, True))
)


def normalize(raw: str) -> str:
    """The text as Dossier keeps it: no BOM, ``\\n`` line ends."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class TextMap:
    """Positions in a tool's view of a text (under a convention) to code points of the
    normalized text, without building a table as long as the text."""

    def __init__(self, raw: str) -> None:
        self.bom = raw.startswith("\ufeff")
        self.text = normalize(raw)
        body = raw[1:] if self.bom else raw
        #: normalized indices of the line ends that were CRLF, and of astral characters
        self.crlf: list[int] = []
        self.astral: list[int] = []
        index = 0
        skip = False
        for position, char in enumerate(body):
            if skip:
                skip = False
                continue
            if char == "\r" and body[position + 1 : position + 2] == "\n":
                self.crlf.append(index)
                skip = True
            elif ord(char) > 0xFFFF:
                self.astral.append(index)
            index += 1

    def matters(self) -> bool:
        return self.bom or bool(self.crlf) or bool(self.astral)

    def tool_offset(self, index: int, convention: Convention) -> int:
        """Where normalized character ``index`` starts in the tool's count."""
        offset = index + (1 if self.bom and convention.bom_counted else 0)
        if convention.crlf_two:
            offset += bisect_left(self.crlf, index)  # the \r before each earlier \n
        if convention.utf16:
            offset += bisect_left(self.astral, index)
        return offset

    def index_of(self, position: int, convention: Convention, *, end: bool) -> tuple[int, bool] | None:
        """The normalized index of a tool position and whether it falls on a character's edge;
        None past the end of the text."""
        n = len(self.text)
        if position > self.tool_offset(n, convention):
            return None
        low, high = 0, n
        while low < high:  # the first index whose offset is >= position
            middle = (low + high) // 2
            if self.tool_offset(middle, convention) < position:
                low = middle + 1
            else:
                high = middle
        offset = self.tool_offset(low, convention)
        if offset == position or low == 0:
            return low, True
        return (low - 1 if end else low), False


@dataclass(frozen=True)
class Placed:
    """A selection's span in code points of the normalized text; ``None`` when it cannot be placed."""

    selection: Selection
    span: tuple[int, int] | None
    why: str | None = None


def _clean(name: str) -> str:
    name = " ".join(name.split())
    for tail in ("…", "..."):
        if name.endswith(tail):
            name = name[: -len(tail)].rstrip()
    return name


def _boundary(text: str, index: int) -> bool:
    if index <= 0 or index >= len(text):
        return True
    return not (text[index - 1].isalnum() and text[index].isalnum())


def _score(mapped: TextMap, selection: Selection, convention: Convention) -> int:
    start = mapped.index_of(selection.start, convention, end=False)
    end = mapped.index_of(selection.end, convention, end=True)
    if start is None or end is None:
        return -10
    score = (0 if start[1] else -4) + (0 if end[1] else -4)
    text = mapped.text
    score += _boundary(text, start[0]) + _boundary(text, end[0])
    if selection.name:
        name = _clean(selection.name)
        quote = " ".join(text[start[0] : end[0]].split())
        if len(name) >= 3:
            if name == quote:
                score += 6
            elif len(name) >= 4 and (quote.startswith(name) or (name.startswith(quote) and quote)):
                score += 4
            else:
                score -= 2
    return score


def choose_convention(texts: Sequence[tuple[TextMap, Sequence[Selection]]], origin: str | None = None) -> Convention:
    """The convention under which the project's selections land best on their texts.

    Where the evidence is equal, the tool's known habit decides (NVivo: UTF-16 units), then
    code points with CRLF counted as the file has it.
    """
    telling = [(m, s) for m, s in texts if m.matters() and s]
    nvivo = "nvivo" in (origin or "").casefold()
    atlas = "atlas" in (origin or "").casefold()

    def prior(convention: Convention) -> tuple[int, int, int]:
        return (
            int(convention.utf16 == nvivo),
            int(convention.crlf_two != atlas),
            int(not convention.bom_counted),
        )

    if not telling:
        return max(CONVENTIONS, key=prior)
    scores = {
        convention: sum(_score(m, s, convention) for m, selections in telling for s in selections)
        for convention in CONVENTIONS
    }
    return max(CONVENTIONS, key=lambda c: (scores[c], prior(c)))


def place(mapped: TextMap, selection: Selection, convention: Convention) -> Placed:
    start = mapped.index_of(selection.start, convention, end=False)
    end = mapped.index_of(selection.end, convention, end=True)
    length = mapped.tool_offset(len(mapped.text), convention)
    if start is None or end is None:
        return Placed(selection, None, f"positions {selection.start}-{selection.end} are past the end of the text ({length})")
    if not (start[1] and end[1]):
        return Placed(selection, None, f"positions {selection.start}-{selection.end} fall inside a character or a line end")
    return Placed(selection, (start[0], max(start[0], end[0])))


def place_selections(sources: Sequence[TextSource], origin: str | None = None) -> tuple[Convention, dict[str, TextMap], list[list[Placed]]]:
    """The project's convention, each source's normalized text (by GUID) and its selections placed."""
    maps = {s.guid: TextMap(s.raw_text or "") for s in sources}
    convention = choose_convention([(maps[s.guid], s.selections) for s in sources], origin)
    placed = [[place(maps[s.guid], sel, convention) for sel in s.selections] for s in sources]
    return convention, maps, placed
