"""Conflicting claims: statistics about the same thing whose values cannot both be right.

Two statistics are *comparable* when

- their measures and subjects are the same once normalised (case, diacritics, whitespace and a
  simple plural: "Militants killed" = "militant killed"),
- their units are the same, or either has none,
- their periods overlap (a statistic without a period is compared with every period), and
- their places are the same, or either has none.

Comparable statistics *conflict* when their value ranges do not meet. A statistic's range is
``[low, high]`` when both bounds are given, open on one side when only one is ("more than 430"
allows anything above 430), otherwise the value itself. An approximate value
("some 2,200", "an estimated 5,000") is widened by ``APPROXIMATE_TOLERANCE`` (10 %) of itself on
each side, so "some 2,200" does not conflict with 2,100 but does with 1,500; two approximate
claims each get their own margin. Reference data (imported tables,
``dataset`` set) takes part like any other claim.

Known limit: periods are compared by overlap only, so a cumulative count over several years
("5,816 killed since 2010") is flagged against a one-year count of the same measure, subject and
place that is smaller. A researcher who records such claims under different subjects or
measures avoids it; a rule for nested periods (the longer period's count may not be smaller)
would have to change ``db.chartdata`` in step (a test holds the two equal).

A :class:`Conflict` groups the claims that are linked by disagreements (the connected
components of the "conflicts with" graph), with each claim's claimant and source side by side.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.queries import StatisticRow, list_statistics

#: how far an approximate value may be from the truth, as a share of the value
APPROXIMATE_TOLERANCE = 0.10

_WORD = re.compile(r"\w+")


def _fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _singular(word: str) -> str:
    """A simple English singular, enough to match "militants" with "militant"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_phrase(text: str | None) -> str:
    """The key two measures or subjects are compared by ("Militants  Killed" -> "militant killed")."""
    return " ".join(_singular(w) for w in _WORD.findall(_fold(text)))


@dataclass(frozen=True)
class ValueRange:
    """The values a claim allows; ``-inf``/``inf`` for an open side."""

    low: float
    high: float

    def meets(self, other: ValueRange) -> bool:
        return self.low <= other.high and other.low <= self.high


def value_range(row: StatisticRow, tolerance: float = APPROXIMATE_TOLERANCE) -> ValueRange | None:
    """The range of values a statistic allows, widened when it is approximate.

    Both bounds given: ``[low, high]``. One bound only ("more than 430", "at least 19"): open on
    the other side, whatever the best estimate. No bound: the value itself.
    """
    if row.low is None and row.high is None:
        if row.value is None:
            return None
        low = high = float(row.value)
    else:
        low = -math.inf if row.low is None else float(row.low)
        high = math.inf if row.high is None else float(row.high)
    if row.approximate:
        if math.isfinite(low):
            low -= abs(low) * tolerance
        if math.isfinite(high):
            high += abs(high) * tolerance
    return ValueRange(min(low, high), max(low, high))


def _period(row: StatisticRow) -> tuple[dt.date, dt.date] | None:
    start = row.period_start or row.period_end
    end = row.period_end or row.period_start
    if start is None or end is None:
        return None
    return start.first_day(), end.last_day()


@dataclass(frozen=True)
class Conflict:
    """Claims about the same measure and subject whose values disagree."""

    measure: str
    subject: str | None
    claims: tuple[StatisticRow, ...]
    #: the pairs of statistic ids that disagree (smaller id first)
    pairs: tuple[tuple[int, int], ...]

    @property
    def statistic_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.claims)

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(sorted({c.place for c in self.claims if c.place}))

    def describe(self) -> str:
        """One line for a list: "militants killed (Dagestan): 249 vs 300"."""
        what = " ".join(p for p in (self.subject, self.measure) if p) or "statistic"
        where = f" ({', '.join(self.places)})" if self.places else ""
        values = " vs ".join(_format_claim_value(c) for c in self.claims)
        return f"{what}{where}: {values}"


def _format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _format_claim_value(row: StatisticRow) -> str:
    if row.value is not None:
        text = _format_number(row.value)
    elif row.low is not None and row.high is not None:
        text = f"{_format_number(row.low)}-{_format_number(row.high)}"
    elif row.low is not None:
        text = f">={_format_number(row.low)}"
    elif row.high is not None:
        text = f"<={_format_number(row.high)}"
    else:
        text = "?"
    return f"~{text}" if row.approximate else text


def _compatible(a: StatisticRow, b: StatisticRow) -> bool:
    if a.place_id is not None and b.place_id is not None and a.place_id != b.place_id:
        return False
    unit_a, unit_b = normalise_phrase(a.unit), normalise_phrase(b.unit)
    if unit_a and unit_b and unit_a != unit_b:
        return False
    period_a, period_b = _period(a), _period(b)
    return period_a is None or period_b is None or (
        period_a[0] <= period_b[1] and period_b[0] <= period_a[1]
    )


def _disagreeing_pairs(rows: Sequence[StatisticRow], tolerance: float) -> list[tuple[int, int]]:
    """Pairs (by index) of comparable rows whose value ranges do not meet.

    Rows are swept in period order so that long runs of yearly reference data only meet their
    overlapping neighbours instead of every other row.
    """
    ranges = [value_range(r, tolerance) for r in rows]
    periods = [_period(r) for r in rows]
    undated = [i for i, p in enumerate(periods) if p is None]
    dated = sorted(
        ((p, i) for i, p in enumerate(periods) if p is not None), key=lambda item: item[0]
    )
    candidates: set[tuple[int, int]] = set()
    active: list[tuple[dt.date, int]] = []
    for (start, end), i in dated:
        active = [(e, j) for e, j in active if e >= start]
        candidates.update((min(i, j), max(i, j)) for _e, j in active)
        active.append((end, i))
    for i in undated:
        candidates.update((min(i, j), max(i, j)) for j in range(len(rows)) if j != i)
    pairs = []
    for i, j in sorted(candidates):
        range_i, range_j = ranges[i], ranges[j]
        if range_i is None or range_j is None or range_i.meets(range_j):
            continue
        if _compatible(rows[i], rows[j]):
            pairs.append((i, j))
    return pairs


def conflicts_among(
    rows: Iterable[StatisticRow], tolerance: float = APPROXIMATE_TOLERANCE
) -> list[Conflict]:
    """The conflicts among the given statistics (no database needed)."""
    groups: dict[tuple[str, str], list[StatisticRow]] = defaultdict(list)
    for row in rows:
        groups[(normalise_phrase(row.measure), normalise_phrase(row.subject))].append(row)
    conflicts: list[Conflict] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        # Split by place first: rows with different places never meet, rows without one meet all.
        by_place: dict[int | None, list[StatisticRow]] = defaultdict(list)
        for row in members:
            by_place[row.place_id].append(row)
        placeless = by_place.pop(None, [])
        buckets = [rows_ + placeless for rows_ in by_place.values()] or [placeless]
        edges: set[tuple[int, int]] = set()
        by_id = {r.id: r for r in members}
        for bucket in buckets:
            for i, j in _disagreeing_pairs(bucket, tolerance):
                a, b = bucket[i].id, bucket[j].id
                edges.add((min(a, b), max(a, b)))
        conflicts.extend(_components(edges, by_id))
    conflicts.sort(key=lambda c: (normalise_phrase(c.measure), c.subject or "", c.statistic_ids))
    return conflicts


def _components(edges: set[tuple[int, int]], by_id: dict[int, StatisticRow]) -> list[Conflict]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    members: dict[int, list[int]] = defaultdict(list)
    for node in parent:
        members[find(node)].append(node)
    result = []
    for ids in members.values():
        claims = tuple(sorted((by_id[i] for i in ids), key=_claim_order))
        component = set(ids)
        pairs = tuple(sorted(e for e in edges if e[0] in component))
        first = claims[0]
        result.append(Conflict(first.measure, first.subject, claims, pairs))
    return result


def _claim_order(row: StatisticRow) -> tuple[object, ...]:
    period = _period(row)
    return (period is None, period or (dt.date.min, dt.date.min), row.id)


def find_conflicts(session: Session, tolerance: float = APPROXIMATE_TOLERANCE) -> list[Conflict]:
    """Every group of conflicting claims in the archive."""
    return conflicts_among(list_statistics(session), tolerance)


def conflicting_statistic_ids(
    session: Session, tolerance: float = APPROXIMATE_TOLERANCE
) -> set[int]:
    """Ids of the statistics that conflict with at least one other (for flags in tables and charts)."""
    return {i for conflict in find_conflicts(session, tolerance) for i in conflict.statistic_ids}
