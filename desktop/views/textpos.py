"""Offsets between the archive (Unicode code points) and Qt's text classes (UTF-16 units).

The archive counts code points (``text[start:end] == quote``); QTextDocument counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, some CJK, mathematical
letters, historic scripts) takes two positions in Qt. Cyrillic, Arabic and other BMP scripts take
one unit each, like ASCII. These are pure functions (no Qt) so that every pane converts the same way.

An :class:`OffsetMap` indexes a text once (where its astral characters are) and then converts in
O(log n) by bisection, so the reader converts thousands of spans of a 1 MB text cheaply.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_offsets(text: str) -> list[int]:
    """Code-point offsets of the characters of ``text`` that take two UTF-16 units."""
    if text.isascii():
        return []
    # One encode is much cheaper than a scan, and most texts have no astral character at all.
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


class OffsetMap:
    """Converts offsets in one text both ways in O(log n) (n = characters outside the BMP)."""

    __slots__ = ("_astral", "_astral_starts", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        #: code-point offsets of the characters that take two UTF-16 units
        self._astral = astral_offsets(text)
        #: UTF-16 offset at which each such character starts
        self._astral_starts = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def has_astral(self) -> bool:
        """True when the two counts differ somewhere in the text."""
        return bool(self._astral)

    def to_utf16(self, codepoint: int) -> int:
        """The UTF-16 offset of code-point offset ``codepoint`` (clamped to the text)."""
        codepoint = max(0, min(codepoint, self.length))
        if not self._astral:
            return codepoint
        return codepoint + bisect_left(self._astral, codepoint)

    def to_codepoint(self, utf16: int, *, round_down: bool = False) -> int:
        """The code-point offset of UTF-16 offset ``utf16`` (clamped to the text).

        An offset between the two halves of a surrogate pair is no character boundary: it rounds
        up to the end of that character (so a selection never cuts a character in half), or down
        to its start with ``round_down`` (for the start of a span).
        """
        utf16 = max(0, min(utf16, self.utf16_length))
        if not self._astral:
            return utf16
        before = bisect_right(self._astral_starts, utf16 - 1)  # astral characters starting earlier
        if before and self._astral_starts[before - 1] + 1 == utf16:
            start = self._astral[before - 1]
            return start if round_down else start + 1
        return utf16 - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span ``[start, end)`` as a UTF-16 span."""
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_codepoints(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 span (either order) as a code-point span widened to whole characters."""
        if start > end:
            start, end = end, start
        return self.to_codepoint(start, round_down=True), self.to_codepoint(end)


@lru_cache(maxsize=8)
def offset_map(text: str) -> OffsetMap:
    """A cached :class:`OffsetMap` (the reader converts many offsets of the same text)."""
    return OffsetMap(text)


def to_utf16(text: str, codepoint: int) -> int:
    """Code-point offset in ``text`` -> UTF-16 offset (what QTextCursor.setPosition takes)."""
    return offset_map(text).to_utf16(codepoint)


def to_codepoint(text: str, utf16: int, *, round_down: bool = False) -> int:
    """UTF-16 offset in ``text`` (what QTextCursor.position gives) -> code-point offset."""
    return offset_map(text).to_codepoint(utf16, round_down=round_down)


def utf16_length(text: str) -> int:
    """How many UTF-16 units Qt counts for ``text``."""
    return offset_map(text).utf16_length


def display_text(text: str) -> str:
    """``text`` as the reader shows it, with the same length in code points.

    QTextDocument turns a carriage return into a paragraph break and a CRLF into one break (two
    code points become one position). Replacing the CR of a CRLF by a space (and a lone CR by a
    newline) keeps every offset valid.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")
