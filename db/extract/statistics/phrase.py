"""A number phrase as the word-table readers (French, Russian, Ukrainian) find it in a sentence:
where it is, its value or bounds, what it counts and who claims it; a product of a number and
its scale tidied ("8,4 млрд" is 8,400,000,000, not 8,400,000,000.000001); and the words and
clauses those readers split a sentence into."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: a word as the word-table readers take it: a letter, then letters, digits, apostrophes, hyphens
WORD = re.compile(r"[^\W\d_][\w'’-]*")

Clause = tuple[int, int]


def whole_words(sentence: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The :data:`WORD` matches in ``sentence[start:end]``, a word the window cuts at either edge
    read whole, never in part ("consacré", not "nsacré")."""
    while 0 < start < len(sentence) and sentence[start].isalnum() and (
            sentence[start - 1].isalnum() or sentence[start - 1] in "'’-"):
        start -= 1
    while end < len(sentence) and end > 0 and sentence[end - 1].isalnum() and (
            sentence[end].isalnum() or sentence[end] in "'’-"):
        end += 1
    return WORD.finditer(sentence, start, end)


def clauses(split: re.Pattern[str], sentence: str) -> list[Clause]:
    """The spans of ``sentence`` between the matches of ``split`` (a language's clause breaks:
    ";", ", mais", ", но" ...), empty ones left out."""
    spans, start = [], 0
    for match in split.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]


def clause_of(spans: list[Clause], position: int) -> Clause | None:
    """The clause of ``spans`` holding ``position``; None between clauses."""
    return next(((s, e) for s, e in spans if s <= position < e), None)


@dataclass
class NumberPhrase:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    #: "digits", "words", "approx" ("une vingtaine"), "vague" ("des centaines") or "range"
    kind: str = "digits"
    unit: str | None = None
    subject: str | None = None
    claimant: str | None = None
    claim_span: tuple[int, int] | None = None
    #: where the counted noun phrase after the number ends
    counted_end: int = 0


def tidy(value: float) -> float:
    """``value`` as a whole number when it is one but for the float's last digits."""
    return float(round(value)) if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) else value
