"""Claims grouped by what they count: measure, subject, place and period.

Measures and subjects are compared as :func:`db.conflicts.normalise_phrase` reads them
("Militants killed" = "militant killed"). A group is one place (or none) and one period exactly:
"2014" and "January to June 2014" are different groups, since a count for half a year is not a
count for the year. Groups that overlap without being the same (periods that share days, a place
within another place: "Dagestan" *part of* "North Caucasus") are never summed or merged; each
is warned about the other so the researcher sees why two findings may not add up.

Within a group, claims relayed from one original source (the same claimant, or the same dataset,
giving the same figure through several outlets: a reprint, an "according to" chain) count once;
the earliest published is kept (the lowest id among those of the same day, or undated) and the
others are left out, saying which claim they relay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import PartialDate
from db.findings.columns import Columns, GroupInfo
from db.models import Actor, Relation
from db.text import fold
from db.vocabulary import ActorKind

if TYPE_CHECKING:
    import numpy as np

#: relations that put one place inside another ("Dagestan" part of "North Caucasus")
NESTING_PREDICATES = frozenset({"part of", "located in", "in", "within", "region of", "province of", "district of"})
#: how many other groups a warning names before "and N more"
NAMED_IN_WARNING = 3


def period_label(start: PartialDate | None, end: PartialDate | None) -> str:
    """ "2014", "2010 to 2015-07-11", "to 2015-07-11" (a total up to a day), "from 2010"."""
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return f"to {end.iso()}"
    if end is None or start == end:
        return start.iso() if end is not None else f"from {start.iso()}"
    return f"{start.iso()} to {end.iso()}"


def group_order(groups: Sequence[GroupInfo]) -> list[int]:
    """Positions of the groups in a stable reading order: measure, subject, place, period."""
    return sorted(
        range(len(groups)),
        key=lambda n: (groups[n].key.measure_key, groups[n].key.subject_key, fold(groups[n].place or ""),
                       groups[n].key.first or 0, groups[n].key.last or 0, groups[n].key.place_id or 0),
    )


# --- warnings -------------------------------------------------------------------------------


def place_parents(session: Session) -> dict[int, set[int]]:
    """For each place, the places it lies within, directly or through others."""
    place_ids = set(session.scalars(select(Actor.id).where(Actor.kind == ActorKind.PLACE.value)))
    direct: dict[int, set[int]] = defaultdict(set)
    for subject_id, predicate, object_id in session.execute(
        select(Relation.subject_id, Relation.predicate, Relation.object_id)
    ):
        if subject_id in place_ids and object_id in place_ids and fold(predicate) in NESTING_PREDICATES:
            direct[subject_id].add(object_id)
    closed: dict[int, set[int]] = {}
    for place in direct:
        seen: set[int] = set()
        todo = list(direct[place])
        while todo:
            parent = todo.pop()
            if parent not in seen and parent != place:
                seen.add(parent)
                todo.extend(direct.get(parent, ()))
        closed[place] = seen
    return closed


def _add_warnings(found: dict[int, list[str]], groups: Sequence[GroupInfo], what: str) -> None:
    for position, others in found.items():
        named = others[:NAMED_IN_WARNING]
        more = f" and {len(others) - NAMED_IN_WARNING} more" if len(others) > NAMED_IN_WARNING else ""
        groups[position].warnings.append(f"{what}: {'; '.join(named)}{more} (not summed)")


def warn_about_overlaps(groups: Sequence[GroupInfo], parents: dict[int, set[int]]) -> None:
    """Add a warning to every group whose period overlaps another's (same measure, subject and
    place), and to every group whose place lies within, or contains, another's (same period)."""
    by_place: dict[tuple[str, str, int | None], list[int]] = defaultdict(list)
    by_period: dict[tuple[str, str, int | None, int | None], list[int]] = defaultdict(list)
    for position, group in enumerate(groups):
        key = group.key
        if key.first is not None:
            by_place[(key.measure_key, key.subject_key, key.place_id)].append(position)
        by_period[(key.measure_key, key.subject_key, key.first, key.last)].append(position)

    overlapping: dict[int, list[str]] = defaultdict(list)
    for positions in by_place.values():
        if len(positions) < 2:
            continue
        # A sweep over the periods in order of their first day: only neighbours can overlap.
        ordered = sorted(positions, key=lambda p: (groups[p].key.first or 0, groups[p].key.last or 0))
        labels = {p: period_label(groups[p].period_start, groups[p].period_end) for p in ordered}
        for n, i in enumerate(ordered):
            last = groups[i].key.last
            assert last is not None
            for j in ordered[n + 1 :]:
                first = groups[j].key.first
                assert first is not None
                if first > last:
                    break
                overlapping[i].append(labels[j])
                overlapping[j].append(labels[i])
    _add_warnings(overlapping, groups, "the period overlaps other estimates for")

    within: dict[int, list[str]] = defaultdict(list)
    containing: dict[int, list[str]] = defaultdict(list)
    for positions in by_period.values():
        placed: dict[int, int] = {}
        for p in positions:
            if (place := groups[p].key.place_id) is not None:
                placed[place] = p
        for place_id, position in placed.items():
            for parent in sorted(parents.get(place_id, ())):
                if parent in placed:
                    outer = placed[parent]
                    within[position].append(groups[outer].place or "?")
                    containing[outer].append(groups[position].place or "?")
    _add_warnings(within, groups, "the place lies within")
    _add_warnings(containing, groups, "the place contains")


# --- claims counted once, units -----------------------------------------------------------------


def relays(columns: Columns, numbered: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Which claims relay another (same group, origin and numbers), and the row each relays.

    Returns a mask of the relayed copies and, for each row, the row of its original (itself
    when it is one).
    """
    import numpy as np

    c = columns
    original = np.arange(len(c))
    relayed = np.zeros(len(c), dtype=bool)
    candidates = np.flatnonzero(numbered & (c.origin >= 0))
    if len(candidates) < 2:
        return relayed, original
    # Rows of the same (group, origin, low, best, high) next to each other, earliest first.
    order = candidates[np.lexsort((c.ids[candidates], c.published[candidates], c.hi[candidates],
                                   c.best[candidates], c.lo[candidates], c.origin[candidates],
                                   c.group[candidates]))]
    same = np.ones(len(order), dtype=bool)
    same[0] = False
    for column in (c.group, c.origin, c.lo, c.best, c.hi):
        same[1:] &= column[order][1:] == column[order][:-1]
    if not same.any():
        return relayed, original
    run_start = np.maximum.accumulate(np.where(same, 0, np.arange(len(order))))
    relayed[order[same]] = True
    original[order] = order[run_start]
    return relayed, original


def mixed_units(columns: Columns) -> np.ndarray[Any, Any]:
    """For each group, whether its claims give more than one unit (claims without one don't count)."""
    import numpy as np

    groups = len(columns.groups)
    given = columns.unit > 0
    pairs = np.unique(columns.group[given] * (len(columns.unit_names) + 1) + columns.unit[given])
    counts = np.bincount(pairs // (len(columns.unit_names) + 1), minlength=groups)
    return counts > 1


def group_units(columns: Columns) -> np.ndarray[Any, Any]:
    """For each group, the code of a unit its claims give (0: none); for a group of one unit, its unit."""
    import numpy as np

    out = np.zeros(len(columns.groups), dtype=np.int64)
    np.maximum.at(out, columns.group, columns.unit)
    return out


def units_of(columns: Columns, rows: np.ndarray[Any, Any]) -> tuple[str, ...]:
    """The distinct units of some claims, sorted, as first written."""
    return tuple(sorted(columns.unit_names[u] for u in set(columns.unit[rows].tolist()) if u > 0))
