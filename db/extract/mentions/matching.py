"""Mentions of known actors: their names and aliases found in a text.

Known names are matched with one Aho-Corasick automaton (pyahocorasick) over a normalised copy
of the text: case folded, diacritics removed ("Sámi" = "Sami"), typographic quotes and dashes
made plain, runs of white space made one space. Offsets are mapped back to the original code
points, so ``text[start:end] == quote`` always holds, emoji and other characters beyond the BMP
included. A match must stand as whole words, except at the edge of scripts written without
spaces (Chinese, Japanese), and the longest match wins where matches overlap. A name in an
inflected language (Russian, Ukrainian) is also found in its other case forms, the words
agreeing ("в Дагестане", "Северного Кавказа", "Рамзана Кадырова"; :mod:`db.language.morphology`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable

import ahocorasick

from db.extract.candidates import MentionCandidate
from db.language import name_forms

_PLAIN = {"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
          "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
          "ـ": ""}  # fmt: skip
_CHAR_CACHE: dict[str, str] = {}
_ASCII_SPECIAL = re.compile(r"\s\s|[\t\n\r\f\v]")
_SPECIAL = re.compile(r"\s{2,}|[^\S ]|[^\x00-\x7f]+")


def _normal_char(char: str) -> str:
    """What one character becomes in the normalised text (possibly nothing or several)."""
    cached = _CHAR_CACHE.get(char)
    if cached is not None:
        return cached
    if char.isspace():
        result = " "
    elif char in _PLAIN:
        result = _PLAIN[char]
    else:
        decomposed = unicodedata.normalize("NFKD", char.casefold())
        result = "".join(c for c in decomposed if not unicodedata.combining(c))
        result = unicodedata.normalize("NFKD", result.casefold())
        result = "".join(c for c in result if not unicodedata.combining(c))
    _CHAR_CACHE[char] = result
    return result


def normalise(text: str) -> str:
    """The form names are compared in: case folded, no diacritics, single spaces."""
    return _Normalised(text).text.strip()


class _Normalised:
    """A normalised copy of a text and the map from its positions back to the original.

    The copy is built from pieces: plain ASCII stretches are lower-cased in bulk (same length,
    a linear map); other characters one by one; each run of white space becomes one space."""

    __slots__ = ("_lengths", "_norm_starts", "_orig_starts", "text")

    def __init__(self, text: str) -> None:
        if text.isascii() and _ASCII_SPECIAL.search(text) is None:
            # The common case: plain ASCII with single spaces maps one to one.
            self.text = text.lower()
            self._norm_starts = [0]
            self._orig_starts = [0]
            self._lengths = [-1]
            return
        parts: list[str] = []
        norm_starts: list[int] = []
        orig_starts: list[int] = []
        lengths: list[int] = []  # original length of the piece; -1 marks a linear piece
        norm_pos = 0
        pos = 0

        def linear(start: int, end: int) -> None:
            nonlocal norm_pos
            if end > start:
                parts.append(text[start:end].lower())
                norm_starts.append(norm_pos)
                orig_starts.append(start)
                lengths.append(-1)
                norm_pos += end - start

        previous_space = False
        for special in _SPECIAL.finditer(text):
            linear(pos, special.start())
            if special.start() > pos:
                previous_space = text[special.start() - 1] == " "
            run = special.group(0)
            if run.isspace():
                if not previous_space:
                    parts.append(" ")
                    norm_starts.append(norm_pos)
                    orig_starts.append(special.start())
                    lengths.append(len(run))
                    norm_pos += 1
                previous_space = True
            else:
                for offset, char in enumerate(run):
                    piece = _normal_char(char)
                    if piece == " " and previous_space:
                        continue
                    previous_space = piece == " "
                    if piece:
                        parts.append(piece)
                        norm_starts.append(norm_pos)
                        orig_starts.append(special.start() + offset)
                        lengths.append(1)
                        norm_pos += len(piece)
            pos = special.end()
        linear(pos, len(text))
        self.text = "".join(parts)
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts
        self._lengths = lengths

    def original_start(self, norm: int) -> int:
        index = bisect_right(self._norm_starts, norm) - 1
        if self._lengths[index] == -1:
            return self._orig_starts[index] + norm - self._norm_starts[index]
        return self._orig_starts[index]

    def original_end(self, norm_last: int) -> int:
        """Original end (exclusive) of the character at normalised position ``norm_last``."""
        index = bisect_right(self._norm_starts, norm_last) - 1
        if self._lengths[index] == -1:
            return self._orig_starts[index] + norm_last - self._norm_starts[index] + 1
        return self._orig_starts[index] + self._lengths[index]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


def _spaceless(char: str) -> bool:
    """Characters of scripts written without spaces between words (CJK, kana, Thai)."""
    code = ord(char)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF or 0x0E00 <= code <= 0x0E7F)


class ActorMatcher:
    """Finds mentions of known actors by any of their names or aliases."""

    def __init__(self, names: Iterable[tuple[int, str, str, str | None]]) -> None:
        """``names``: (actor_id, name_or_alias, canonical_name, kind) for every name to find."""
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[int, str, str | None]]] = {}
        for actor_id, alias, canonical, kind in names:
            # a name in an inflected language is found in every case ("в Дагестане")
            for written in (alias, *sorted(name_forms(alias))):
                key = normalise(written)
                if not key:
                    continue
                bucket = entries.setdefault(key, [])
                if all(actor_id != existing[0] for existing in bucket):
                    bucket.append((actor_id, canonical, kind))
        for key, actors in entries.items():
            self._automaton.add_word(key, (len(key), tuple(actors)))
        self._keys = frozenset(entries)
        self._empty = not entries
        if not self._empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._keys)

    def knows(self, name: str) -> bool:
        """True when ``name`` (normalised) is one of the known names or aliases."""
        return normalise(name) in self._keys

    def find(self, text: str) -> list[MentionCandidate]:
        """Every mention of a known name in ``text``, in reading order."""
        if self._empty or not text:
            return []
        norm = _Normalised(text)
        haystack = norm.text
        size = len(haystack)
        hits: list[tuple[int, int, tuple[tuple[int, str, str | None], ...]]] = []
        for last, (length, actors) in self._automaton.iter(haystack):
            first = last - length + 1
            head, tail = haystack[first], haystack[last]
            if first > 0 and _is_word_char(head) and not _spaceless(head):
                before = haystack[first - 1]
                if _is_word_char(before) and not _spaceless(before):
                    continue
            if last + 1 < size and _is_word_char(tail) and not _spaceless(tail):
                after = haystack[last + 1]
                if _is_word_char(after) and not _spaceless(after):
                    continue
            hits.append((first, last, actors))
        # Longest match wins; between equals, the earlier one.
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken = bytearray(size)  # positions already inside a chosen (longer) match
        chosen: list[tuple[int, int, tuple[tuple[int, str, str | None], ...]]] = []
        for first, last, actors in hits:
            if any(taken[first:last + 1]):
                continue
            taken[first:last + 1] = b"\x01" * (last + 1 - first)
            chosen.append((first, last, actors))
        chosen.sort(key=lambda h: h[0])
        found: list[MentionCandidate] = []
        for first, last, actors in chosen:
            start = norm.original_start(first)
            end = norm.original_end(last)
            for actor_id, canonical, kind in actors:
                found.append(MentionCandidate(canonical, kind, actor_id, start, end,
                                              text[start:end]))
        return found
