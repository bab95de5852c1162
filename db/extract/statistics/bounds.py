"""The words before a number that bound or blur it ("at least 24", "up to 40", "nearly 300",
"about 1,200"), read the same way in every language: a language names its four kinds of words
and gets one reader that sets a number's ``low``, ``high`` and ``approximate``."""

from __future__ import annotations

import re
from typing import Protocol


class Bounded(Protocol):
    value: float | None
    low: float | None
    high: float | None
    approximate: bool


class BoundWords:
    """A language's bound words, each kind a regular expression of alternatives: ``low`` ("at
    least": the number is the low end), ``high`` ("up to": the high end), ``approx_high``
    ("nearly": the high end, approximate) and ``approx`` ("about"). ``gap``: what may stand
    between the word and the number."""

    def __init__(self, low: str, high: str, approx_high: str, approx: str, gap: str = r"\s+") -> None:
        self._before = re.compile(rf"(?:^|[\s(«\"—–-])(?P<mod>{low}|{high}|{approx_high}|{approx}){gap}$",
                                  re.IGNORECASE)
        self._kinds = [(re.compile(rf"^(?:{words})$", re.IGNORECASE), kind)
                       for words, kind in ((low, "low"), (high, "high"), (approx_high, "approx-high"))]

    def apply(self, before: str, number: Bounded) -> None:
        """Bound ``number`` by the word ``before`` (the text up to it) ends with, if any."""
        modifier = self._before.search(before)
        if modifier is None or number.value is None:
            return
        word = " ".join(modifier.group("mod").lower().split()).replace("’", "'")
        kind = next((k for pattern, k in self._kinds if pattern.match(word)), "approx")
        if kind == "low":
            number.low = number.value
        elif kind == "high":
            number.high = number.value
        elif kind == "approx-high":
            number.high, number.approximate = number.value, True
        else:
            number.approximate = True
