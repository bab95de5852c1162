"""A statistic the suggester offers, whatever the language it was read in."""

from __future__ import annotations

from dataclasses import dataclass

from db.dates import PartialDate


@dataclass(frozen=True)
class StatisticCandidate:
    """A suggested statistic; ``text[start:end] == quote`` (code points)."""

    start: int
    end: int
    quote: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    measure: str | None
    unit: str | None
    subject: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    place: str | None
    claimant: str | None
