"""Plain-text helpers shared by the archive core: the key names are compared by, and sentences.

:func:`fold` is the one form in which names are matched (actors, aliases, places of reference
tables, measures and subjects of claims). :func:`sentences` splits a text into sentences the way
the statistic suggester reads it; :func:`sentence_around` gives the sentence(s) holding a span,
for the statistic form and the actor-kind guess.

The sentence rules are English (abbreviations, initials); they are kept together here as named
constants so that a later step can move them behind a per-language interface.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

__all__ = ["ABBREVIATIONS", "fold", "sentence_around", "sentences", "trimmed"]


def fold(name: str) -> str:
    """Case- and diacritics-insensitive key of a name, runs of white space made one space:
    ``fold("  Sámi  Parliament") == "sami parliament"``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


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
_STOP = re.compile(r"[.!?…]+[\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[^\W_])")
_LAST_WORD = re.compile(r"([\w'’]+)\.?$")
_INITIALS = re.compile(r"(?:\b\w\.)+\w$")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``text``, in order, without surrounding white space.

    A blank line always ends a sentence; so does ``.``, ``!``, ``?`` or ``…`` before a capital, a
    digit or an opening quote, unless the word before the full stop is a known abbreviation
    (:data:`ABBREVIATIONS`) or an initial ("U.S.", "J. Smith")."""
    for paragraph in _PARAGRAPH.finditer(text):
        p_start, p_end = paragraph.span()
        start = p_start
        for stop in _STOP.finditer(paragraph.group(0)):
            cut = p_start + stop.start(1)
            following = text[p_start + stop.end(1):p_start + stop.end(1) + 1]
            if not (following.isupper() or following.isdigit() or following in "\"'“‘(["
                    or not following.isalpha()):
                continue
            head = text[max(start, p_start + stop.start() - 40):p_start + stop.start()]
            word = _LAST_WORD.search(head)
            if stop.group(0).startswith(".") and word:
                token = word.group(1).lower()
                if token in ABBREVIATIONS or _INITIALS.search(head):
                    continue
                if len(token) == 1 and token.isalpha():
                    continue
            yield trimmed(text, start, cut)
            start = p_start + stop.end(1)
        yield trimmed(text, start, p_end)


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
