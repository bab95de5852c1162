"""Claims grouped by what they count: measure, subject, place and period.

Measures and subjects are compared as :func:`db.conflicts.normalise_phrase` reads them
("Militants killed" = "militant killed"). A group is one place (or none) and one period exactly:
"2014" and "January to June 2014" are different groups, since a count for half a year is not a
count for the year. Groups that overlap without being the same (periods that share days, a place
within another place: "Dagestan" *part of* "North Caucasus") are never summed or merged; each
is warned about the other so the researcher sees why two findings may not add up.

Within a group, claims relayed from one original source (the same claimant, or the same dataset,
giving the same figure through several outlets: a reprint, an "according to" chain) count once;
the earliest published is kept and the others are left out, saying which claim they relay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.conflicts import normalise_phrase
from db.dates import PartialDate
from db.findings.claims import Claim
from db.findings.rules import Numbers, describe_number, numbers_of
from db.findings.vague import VagueTable
from db.models import Actor, Relation
from db.text import fold
from db.vocabulary import ActorKind

#: relations that put one place inside another ("Dagestan" part of "North Caucasus")
NESTING_PREDICATES = frozenset({"part of", "located in", "in", "within", "region of", "province of", "district of"})
#: how many other groups a warning names before "and N more"
NAMED_IN_WARNING = 3


@dataclass
class Group:
    """The claims about one measure and subject, in one place and one period."""

    key: tuple[str, str, int | None, int | None, int | None]
    measure: str
    subject: str | None
    place_id: int | None
    place: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    first: int | None
    last: int | None
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def label(self) -> str:
        """ "militants killed, North Caucasus, 2014" — how a warning names the group."""
        what = " ".join(p for p in (self.subject, self.measure) if p) or "statistic"
        return ", ".join(p for p in (what, self.place, period_label(self.period_start, self.period_end)) if p)


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


def group_claims(claims: Iterable[Claim]) -> list[Group]:
    """The groups, in a stable order (measure, subject, place, period)."""
    keys: dict[tuple[str, str | None], tuple[str, str]] = {}
    groups: dict[tuple[str, str, int | None, int | None, int | None], Group] = {}
    for claim in claims:
        what = keys.get((claim.measure, claim.subject))
        if what is None:
            what = keys[(claim.measure, claim.subject)] = (
                normalise_phrase(claim.measure), normalise_phrase(claim.subject) if claim.subject else ""
            )
        key = (*what, claim.place_id, claim.first, claim.last)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(
                key, claim.measure, claim.subject, claim.place_id, claim.place,
                claim.period_start, claim.period_end, claim.first, claim.last,
            )
        group.claims.append(claim)
    return sorted(
        groups.values(),
        key=lambda g: (g.key[0], g.key[1], fold(g.place or ""), g.first or 0, g.last or 0, g.place_id or 0),
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


def _add_warnings(found: dict[int, list[str]], groups: Sequence[Group], what: str) -> None:
    for position, others in found.items():
        named = others[:NAMED_IN_WARNING]
        more = f" and {len(others) - NAMED_IN_WARNING} more" if len(others) > NAMED_IN_WARNING else ""
        groups[position].warnings.append(f"{what}: {'; '.join(named)}{more} (not summed)")


def warn_about_overlaps(groups: Sequence[Group], parents: dict[int, set[int]]) -> None:
    """Add a warning to every group whose period overlaps another's (same measure, subject and
    place), and to every group whose place lies within, or contains, another's (same period)."""
    by_place: dict[tuple[str, str, int | None], list[int]] = defaultdict(list)
    by_period: dict[tuple[str, str, int | None, int | None], list[int]] = defaultdict(list)
    for position, group in enumerate(groups):
        if group.first is not None:
            by_place[group.key[:3]].append(position)
        by_period[(group.key[0], group.key[1], group.first, group.last)].append(position)

    labels = [period_label(g.period_start, g.period_end) for g in groups]
    overlapping: dict[int, list[str]] = defaultdict(list)
    for positions in by_place.values():
        if len(positions) < 2:
            continue
        # A sweep over the periods in order of their first day: only neighbours can overlap.
        ordered = sorted(positions, key=lambda p: (groups[p].first or 0, groups[p].last or 0))
        for n, i in enumerate(ordered):
            a = groups[i]
            assert a.last is not None
            for j in ordered[n + 1 :]:
                b = groups[j]
                assert b.first is not None
                if b.first > a.last:
                    break
                overlapping[i].append(labels[j])
                overlapping[j].append(labels[i])
    _add_warnings(overlapping, groups, "the period overlaps other estimates for")

    within: dict[int, list[str]] = defaultdict(list)
    containing: dict[int, list[str]] = defaultdict(list)
    for positions in by_period.values():
        placed: dict[int, int] = {}
        for p in positions:
            if (place := groups[p].place_id) is not None:
                placed[place] = p
        for place_id, position in placed.items():
            for parent in sorted(parents.get(place_id, ())):
                if parent in placed:
                    outer = placed[parent]
                    within[position].append(groups[outer].place or "?")
                    containing[outer].append(groups[position].place or "?")
    _add_warnings(within, groups, "the place lies within")
    _add_warnings(containing, groups, "the place contains")


# --- claims counted once ----------------------------------------------------------------------


@dataclass(frozen=True)
class Sorted:
    """A group's claims sorted out: those the rule is to use, and those left out with why."""

    used: tuple[tuple[Claim, Numbers], ...]
    left_out: tuple[tuple[int, str], ...]
    units: tuple[str, ...]


def sort_out(group: Group, vague: VagueTable) -> Sorted:
    """Read each claim's numbers, count relayed claims once, note the units.

    Of the claims relayed from one origin, the earliest published is the original (the lowest
    id among those published the same day, or never dated).
    """
    used: list[tuple[Claim, Numbers]] = []
    left_out: list[tuple[int, str]] = []
    seen: dict[tuple[object, ...], int] = {}
    relays: list[tuple[Claim, tuple[object, ...]]] = []
    for claim in group.claims:
        value = claim.value
        if value is not None and claim.low is None and claim.high is None:
            numbers = Numbers(value, value, value)
        else:
            found = numbers_of(claim, vague)
            if found is None:
                left_out.append((claim.id, "no number"))
                continue
            numbers = found
        if claim.claimant_id is not None:
            key: tuple[object, ...] = (claim.claimant_id, None, numbers[0], numbers[1], numbers[2])
        elif claim.dataset:
            key = (None, claim.dataset, numbers[0], numbers[1], numbers[2])
        else:
            used.append((claim, numbers))
            continue
        at = seen.get(key)
        if at is None:
            seen[key] = len(used)
            used.append((claim, numbers))
            continue
        original = used[at][0]
        if _published_first(claim) < _published_first(original):
            used[at] = (claim, numbers)
            claim = original
        relays.append((claim, key))
    for claim, key in relays:
        original = used[seen[key]][0]
        who = claim.claimant or claim.dataset or "the same source"
        left_out.append(
            (claim.id, f"relays claim #{original.id} ({who}, {describe_number(original.value if original.value is not None else used[seen[key]][1].best)}): counted once")
        )
    given = {c.unit for c in group.claims if c.unit}
    if len(given) <= 1:
        return Sorted(tuple(used), tuple(left_out), tuple(given))
    units: dict[str, str] = {}
    for unit in sorted(given):
        units.setdefault(_unit_key(unit), unit)
    return Sorted(tuple(used), tuple(left_out), tuple(units[k] for k in sorted(units)))


def _published_first(claim: Claim) -> tuple[date, int]:
    return (claim.published or date.max, claim.id)


@lru_cache(maxsize=1024)
def _unit_key(unit: str) -> str:
    return " ".join(fold(unit).split())
