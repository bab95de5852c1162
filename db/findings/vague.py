"""Vague quantities read as numbers through a table the researcher can edit.

A claim that gives no best estimate ("dozens of civilians", "at least 19 killed") still counts:
the first phrase of the table found in its quote gives its low, best and high. Each of these is a
number, ``N`` (the number the phrase carries: "at least N") or empty (no bound on that side).
The archive keeps its own table (``vague_quantities``); an archive without one uses
:data:`DEFAULT_TABLE`. Longer phrases are tried first, so "tens of thousands" wins over
"thousands".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import VagueQuantity
from db.text import fold
from db.values import read_number

#: a number as a person writes it inside a phrase ("at least 1,200")
_NUMBER = r"\d{1,3}(?:[, \u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class VagueRule:
    """One line of the table: the phrase, and its low, best and high ("N", a number or None)."""

    phrase: str
    low: str | None
    best: str | None
    high: str | None

    def check(self) -> None:
        """Raise ValueError saying what is wrong with the line."""
        if not self.phrase.strip():
            raise ValueError("a vague quantity needs a phrase")
        has_n = "N" in self.phrase.split()
        for name, part in (("low", self.low), ("best", self.best), ("high", self.high)):
            if part is None or part.strip() == "":
                continue
            if part.strip() == "N":
                if not has_n:
                    raise ValueError(f"“{self.phrase}”: {name} is N but the phrase has no N")
                continue
            try:
                read_number(part)
            except ValueError as error:
                raise ValueError(f"“{self.phrase}”: {name}: {error}") from None
        if not any((self.low, self.best, self.high)):
            raise ValueError(f"“{self.phrase}”: give at least one of low, best and high")


#: what an archive without a table of its own uses
DEFAULT_TABLE: tuple[VagueRule, ...] = (
    VagueRule("a few", "2", "3", "5"),
    VagueRule("several", "3", "5", "9"),
    VagueRule("a dozen", "10", "12", "15"),
    VagueRule("dozens", "24", "36", "99"),
    VagueRule("scores", "40", "60", "99"),
    VagueRule("hundreds", "200", "300", "999"),
    VagueRule("thousands", "2000", "3000", "9999"),
    VagueRule("tens of thousands", "20000", "30000", "99999"),
    VagueRule("at least N", "N", "N", None),
    VagueRule("more than N", "N", "N", None),
    VagueRule("over N", "N", "N", None),
    VagueRule("up to N", None, "N", "N"),
    VagueRule("at most N", None, "N", "N"),
    VagueRule("nearly N", None, "N", "N"),
    VagueRule("almost N", None, "N", "N"),
)


@dataclass(frozen=True)
class Reading:
    """What a vague phrase of a quote stands for."""

    phrase: str
    low: float | None
    best: float | None
    high: float | None


class VagueTable:
    """The table compiled: :meth:`read` finds the first phrase in a quote."""

    def __init__(self, rules: Iterable[VagueRule]) -> None:
        self.rules = tuple(rules)
        ordered = sorted(self.rules, key=lambda r: (-len(r.phrase), r.phrase))
        self._patterns = [(rule, _pattern(rule.phrase)) for rule in ordered]

    def read(self, quote: str | None) -> Reading | None:
        if not quote:
            return None
        text = fold(quote)
        for rule, pattern in self._patterns:
            match = pattern.search(text)
            if match is None:
                continue
            number = read_number(match.group("n")) if "n" in match.groupdict() else None
            return Reading(
                rule.phrase, _part(rule.low, number), _part(rule.best, number), _part(rule.high, number)
            )
        return None


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = fold(phrase).split()
    parts = [f"(?P<n>{_NUMBER})" if word == "n" else re.escape(word) for word in words]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def _part(part: str | None, number: float | None) -> float | None:
    if part is None or not part.strip():
        return None
    if part.strip() == "N":
        return number
    return read_number(part)


def vague_rules(session: Session) -> tuple[VagueRule, ...]:
    """The archive's table, or :data:`DEFAULT_TABLE` when it has none."""
    stored = session.scalars(select(VagueQuantity).order_by(VagueQuantity.id)).all()
    if not stored:
        return DEFAULT_TABLE
    return tuple(VagueRule(v.phrase, v.low, v.best, v.high) for v in stored)


def vague_table(session: Session) -> VagueTable:
    return VagueTable(vague_rules(session))


def set_vague_rules(session: Session, rules: Sequence[VagueRule]) -> tuple[VagueRule, ...]:
    """Replace the archive's table; returns the table it had (for undo).

    Raises ValueError (naming the line) when a line is wrong or a phrase comes twice; nothing is
    changed then.
    """
    seen: set[str] = set()
    for rule in rules:
        rule.check()
        key = " ".join(fold(rule.phrase).split())
        if key in seen:
            raise ValueError(f"“{rule.phrase}” is in the table twice")
        seen.add(key)
    previous = vague_rules(session)
    session.execute(delete(VagueQuantity))
    session.flush()
    for rule in rules:
        session.add(
            VagueQuantity(
                phrase=" ".join(rule.phrase.split()),
                low=_blank(rule.low),
                best=_blank(rule.best),
                high=_blank(rule.high),
            )
        )
    session.flush()
    return previous


def _blank(part: str | None) -> str | None:
    return part.strip() if part and part.strip() else None
