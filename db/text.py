"""Plain-text helpers shared by the archive core: the key names are compared by, and sentences.

:func:`fold` is the one form in which names are matched (actors, aliases, places of reference
tables, measures and subjects of claims). :func:`sentences` splits a text into sentences the way
the statistic suggester reads it; :func:`sentence_around` gives the sentence(s) holding a span,
for the statistic form and the actor-kind guess.

Sentences end at the full stops of many scripts (Arabic, Devanagari, Armenian, Chinese ...),
before a capital or a letter of a script without capitals, and at the line ends of text written
a paragraph or a headline a line (not at those of lines wrapped to a width). The abbreviations
that do not end a sentence are English and Russian ones, kept together here as named constants.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

__all__ = ["ABBREVIATIONS", "fold", "isolated", "sentence_around", "sentences", "trimmed"]


def fold(name: str) -> str:
    """Case- and diacritics-insensitive key of a name, runs of white space made one space:
    ``fold("  Sámi  Parliament") == "sami parliament"``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


#: Unicode's first-strong isolate and its end: a run between them is laid out in its own direction
#: and does not decide the direction of the line around it
FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def isolated(value: str) -> str:
    """``value`` set apart for a line of another direction: an Arabic or Hebrew name inside an
    English sentence ("249 ⁨مسلحون قتل⁩ in ⁨داغستان⁩ (1 source)") keeps the sentence left to
    right, its parentheses in place; other values are returned as they are."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in value):
        return f"{FIRST_STRONG_ISOLATE}{value}{POP_ISOLATE}"
    return value


# ---------------------------------------------------------------------------------------------
# Sentences

#: words that end in a full stop without ending the sentence ("Gen.", "Jan.", "Calif.")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "adm",
    "gov", "sen", "rep", "st", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "nos", "vs", "etc", "jr",
    "sr", "ga", "fla", "calif", "ont", "mass", "ky", "kan", "wis", "ill", "tex", "ariz",
    "colo", "conn", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "va", "vt", "wash", "wyo", "approx", "est", "dept", "univ", "ft", "fig",
    "al", "bros", "gov't", "govt", "messrs", "rev", "supt", "pres", "vol",
    # Russian: articles of a law, scales and currencies, "гг." after years, addresses
    "ст", "пп", "тыс", "млн", "млрд", "трлн", "руб", "долл", "гг", "им", "ул", "обл", "пос", "корр",
})  # fmt: skip

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# A footnote marker after a sentence's end: set raised ("killed.² The"), or on the line after a
# word's stop, closing bracket or quote ("civilians.12 Another", "violence).2 Compared"); after a
# figure's point it is a decimal ("4.5 billion").
_MARKER = (r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[^\W\d_][.!?])\d{1,3}|(?<=[^\W\d_][.!?][\"'”’»)\]])\d{1,3}"
           r"|(?<=[^\W\d_][\"'”’»)\]][.!?])\d{1,3}")
#: sentence ends followed by white space (full stops, question and exclamation marks of the
#: Latin, Cyrillic, Greek, Arabic, Urdu, Devanagari, Armenian and Ethiopic scripts; "․", a
#: one-dot leader, is typed for a full stop), then what may close a quotation or a bracket
#: and a footnote marker
_STOP = re.compile(
    r"(?:[.!?…؟۔।॥։․።‼⁇⁈⁉]+[\"'”’»)\]]*(?:" + _MARKER + r")?(?P<gap>\s+)(?=[\"'“‘«(\[]?[^\W_]))"
    # Chinese and Japanese stops end a sentence with no space after them
    r"|(?:[。！？｡]+[\"'”’」』）)\]]*(?P<wide>\s*))")
_LAST_WORD = re.compile(r"([\w'’]+)\.?$")
_INITIALS = re.compile(r"(?:\b\w\.)+\w$")
#: a line this long was not wrapped to a width: a paragraph whose lines reach it is written a
#: paragraph (or a headline) a line, and each of its line ends ends a sentence
LOGICAL_LINE = 150
#: what a line may end with when the next goes on with the same sentence
_GOES_ON = ",-‐(/&+"
#: a line starting a new paragraph or item inside a block of lines: indented, or a bullet
_NEW_LINE_ITEM = re.compile(r"(?:[ \t]{2,}|\t|\s*[-–—•·‣▪*]\s)")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``text``, in order, without surrounding white space.

    A blank line always ends a sentence; so does a line end before an indented line or a bullet,
    and every line end of a paragraph written a paragraph a line (:data:`LOGICAL_LINE`), unless
    the line ends with a comma or a hyphen or the next starts in lower case. Within a line
    (or lines wrapped to a width) a sentence ends at a full stop, question or exclamation mark
    of any of the scripts in :data:`_STOP`, unless a lower-case letter follows or the word before
    the full stop is a known abbreviation (:data:`ABBREVIATIONS`) or an initial ("U.S.",
    "J. Smith")."""
    for paragraph in _PARAGRAPH.finditer(text):
        for b_start, b_end in _line_blocks(text, *paragraph.span()):
            yield from _block_sentences(text, b_start, b_end)


def _line_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of the paragraph ``start``..``end`` that its line ends separate."""
    if text.find("\n", start, end) < 0:
        yield start, end
        return
    lines: list[tuple[int, int]] = []
    at = start
    while at <= end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        lines.append((at, stop))
        at = stop + 1
    logical = any(e - s > LOGICAL_LINE for s, e in lines) or _unwrapped(text, lines)
    block = start
    for (s1, e1), (s2, e2) in pairwise(lines):
        before = text[s1:e1].rstrip()
        after = text[s2:e2]
        first = after.lstrip()[:1]
        if not before or not first or before[-1] in _GOES_ON or first.islower():
            continue
        if logical or _NEW_LINE_ITEM.match(after):
            yield block, e1
            block = s2
    yield block, end


def _unwrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether short lines were ended by hand, not wrapped to a width: no line goes on in lower
    case, and the first word of every line would have fitted on the line before it."""
    width = max(e - s for s, e in lines)
    for (s1, e1), (s2, e2) in pairwise(lines):
        after = text[s2:e2].strip()
        if after[:1].islower():
            return False
        word = after.split(maxsplit=1)[0] if after else ""
        if len(text[s1:e1].rstrip()) + 1 + len(word) > width:
            return False
    return True


def _block_sentences(text: str, b_start: int, b_end: int) -> Iterator[tuple[int, int]]:
    start = b_start
    for stop in _STOP.finditer(text, b_start, b_end):
        gap = "gap" if stop.start("gap") >= 0 else "wide"
        cut = stop.start(gap)
        following = text[stop.end(gap):stop.end(gap) + 1]
        if following.islower():
            continue
        head = text[max(start, stop.start() - 40):stop.start()]
        word = _LAST_WORD.search(head)
        if stop.group(0).startswith(".") and word:
            token = word.group(1).lower()
            if token in ABBREVIATIONS or _INITIALS.search(head):
                continue
            if len(token) == 1 and token.isalpha():
                continue
        piece = trimmed(text, start, cut)
        if piece[1] > piece[0]:
            yield piece
        start = stop.end(gap)
    piece = trimmed(text, start, b_end)
    if piece[1] > piece[0]:
        yield piece


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding the span ``start``..``end``, as a span of ``text``
    that contains the span itself."""
    first: int | None = None
    last = end
    for s_start, s_end in sentences(text):
        if s_start > end or (s_start == end and end > start):
            break
        holds = s_start < end and s_end > start if end > start else s_start <= start <= s_end
        if holds:
            first = s_start if first is None else first
            last = max(last, s_end)
    if first is None:
        return start, end
    return min(first, start), last


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start``..``end`` without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
