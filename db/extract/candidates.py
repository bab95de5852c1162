"""What the extractors offer, whatever the language they read: a mention of an actor, a statistic.

Plain records, kept apart from the extractors so that the window, which shows and accepts them,
does not load the extractors' rules and models until it first asks for suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.dates import PartialDate


@dataclass(frozen=True)
class MentionCandidate:
    """A suggested mention; ``text[start:end] == quote`` (code points)."""

    name: str
    kind: str | None
    actor_id: int | None
    start: int
    end: int
    quote: str


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
