"""Estimates: the claims of each group reconciled by a rule, with the claims used and left out.

:func:`estimate` is ``dossier estimate`` and the window's estimates: read the claims
(:mod:`db.findings.claims`), group them (:mod:`db.findings.grouping`), reconcile each group by
the chosen rule (:mod:`db.findings.rules`). A group whose claims are in different units is not
reconciled; its estimate says why and leaves every claim out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.conflicts import normalise_phrase
from db.dates import PartialDate, iso_or_none
from db.findings.claims import Claim
from db.findings.columns import Columns, read_columns
from db.findings.grouping import (
    group_order,
    group_units,
    mixed_units,
    period_label,
    place_parents,
    relays,
    units_of,
    warn_about_overlaps,
)
from db.findings.rules import Rule, apply, describe_number
from db.findings.vague import vague_table
from db.models import Actor, Alias
from db.text import fold, isolated
from db.values import format_number

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Selection:
    """Which estimates to make: filters on what the claims count, and which claims to read."""

    measure: str | None = None
    subject: str | None = None
    place: str | None = None
    #: an ISO partial date ("2014", "2015-06"): groups whose period lies within it
    period: str | None = None
    source_ids: tuple[int, ...] | None = None
    #: claims whose claimant or place is one of these actors
    actor_ids: tuple[int, ...] | None = None
    statistic_ids: tuple[int, ...] | None = None


class Finding(NamedTuple):
    """One group of claims reconciled (or not, with ``reason``). A named tuple: an estimate of
    100,000 claims makes some 15,000 of them."""

    measure: str
    subject: str | None
    unit: str | None
    place_id: int | None
    place: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    rule: Rule
    preferred: tuple[str, ...]
    low: float | None
    best: float | None
    high: float | None
    #: statistic ids used, and (id, why) of those left out
    claims: tuple[int, ...]
    excluded: tuple[tuple[int, str], ...]
    reason: str | None
    warnings: tuple[str, ...]
    #: distinct sources (or datasets) among the group's claims, and distinct origins among those used
    sources: int
    independent: int
    #: digest of the group's claims as they are now (a saved estimate compares it; worked out
    #: only when asked for, see :mod:`db.findings.saved`)
    fingerprint: str = ""

    @property
    def statistic_ids(self) -> tuple[int, ...]:
        return self.claims + tuple(i for i, _ in self.excluded)

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)

    def title(self) -> str:
        """ "militants killed — North Caucasus — 2014" """
        what = " ".join(p for p in (self.subject, self.measure) if p) or "statistic"
        return " — ".join(p for p in (what, self.place, self.period) if p)

    def describe(self) -> str:
        """The finding in words: "between 240 and 260 militants killed in North Caucasus, 2014
        (best estimate 249; 3 sources, 2 independent)"."""
        what = isolated(" ".join(p for p in (self.subject, self.measure) if p)) or "statistic"
        where = f" in {isolated(self.place)}" if self.place else ""
        when = f", {self.period}" if self.period else ""
        if self.reason:
            return f"{what}{where}{when}: not reconciled ({self.reason})"
        low, best, high = (format_number(n) if n is not None else None for n in (self.low, self.best, self.high))
        if low is not None and high is not None and low != high:
            figure = f"between {low} and {high}"
        else:
            figure = low or best or high or "?"
        unit = f" {self.unit}" if self.unit and self.unit != "people" else ""
        counts = f"{self.sources} source{'s' if self.sources != 1 else ''}, {self.independent} independent"
        best_part = f"best estimate {best}; " if best is not None and figure != best else ""
        return f"{figure}{unit} {what}{where}{when} ({best_part}{counts})"

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "subject": self.subject,
            "place": self.place,
            "period_start": iso_or_none(self.period_start),
            "period_end": iso_or_none(self.period_end),
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "rule": self.rule.value,
            "claims": list(self.claims),
            "excluded": [{"id": i, "why": why} for i, why in self.excluded],
            # beyond the contract's keys
            "unit": self.unit,
            "preferred": list(self.preferred),
            "reason": self.reason,
            "warnings": list(self.warnings),
            "sources": self.sources,
            "independent": self.independent,
        }


def fingerprint(claims: Sequence[Claim]) -> str:
    """A digest of what the rules read from the claims: it changes when one of them does."""
    digest = hashlib.sha256()
    for c in sorted(claims, key=lambda c: c.id):
        digest.update(repr((c.id, c.value, c.low, c.high, c.approximate, c.unit, c.claimant_id, c.dataset,
                            c.source_id, c.reliability, c.quote)).encode())
    return digest.hexdigest()


def actor_ids_named(session: Session, name: str) -> set[int]:
    """The actors called ``name`` (folded), by name or alias."""
    key = fold(name)
    ids = {i for i, n in session.execute(select(Actor.id, Actor.name)) if fold(n) == key}
    ids |= {i for i, n in session.execute(select(Alias.actor_id, Alias.name)) if fold(n) == key}
    return ids


def _period_filter(period: str) -> tuple[int, int]:
    try:
        within = PartialDate.from_iso(period)
    except ValueError:
        raise ValueError(f"“{period}” is not a period: write a year, a month or a day (2014, 2014-06, 2014-06-30)") from None
    return within.first_day().toordinal(), within.last_day().toordinal()


def _reconcile(columns: Columns, rule: Rule, preferred: Sequence[str], wanted: Sequence[int]) -> list[Finding]:
    """The estimates of the groups ``wanted`` (positions in ``columns.groups``), in that order."""
    import numpy as np

    c = columns
    numbered = ~np.isnan(c.best)
    relayed, original = relays(c, numbered)
    mixed = mixed_units(c)
    used = numbered & ~relayed & ~mixed[c.group]
    outcome = apply(rule, c, used, preferred)
    # why each claim left out was left out
    why: dict[int, str] = dict.fromkeys(np.flatnonzero(~numbered).tolist(), "no number")
    for row in np.flatnonzero(relayed).tolist():
        first = int(original[row])
        who = c.claimant[row] or c.dataset[row] or "the same source"
        why[row] = f"relays claim #{c.ids[first]} ({who}, {describe_number(float(c.best[first]))}): counted once"
    for row in np.flatnonzero(numbered & ~relayed & mixed[c.group]).tolist():
        unit = c.unit_names[c.unit[row]] or "no unit"
        why[row] = f"in {unit}: the group mixes units"
    why.update(outcome.left_out)
    for row in np.flatnonzero(used).tolist():
        unreconciled = outcome.reason.get(int(c.group[row]))
        if unreconciled is not None:
            why[row] = unreconciled
    final = used.copy()
    final[list(why)] = False
    # the rows of each group, in id order
    order = np.argsort(c.group, kind="stable")
    counts = np.bincount(c.group, minlength=len(c.groups))
    starts = np.concatenate(([0], np.cumsum(counts)))
    ids = c.ids[order].tolist()
    rows = order.tolist()
    kept = final[order].tolist()
    sources = _distinct_per_group(c.group[numbered], c.source[numbered], len(c.groups))
    origins = np.where(c.origin >= 0, c.origin, -(np.arange(len(c)) + 2))
    independent = _distinct_per_group(c.group[final], origins[final], len(c.groups))
    unit_codes = group_units(c).tolist()
    lows, bests, highs = outcome.low.tolist(), outcome.best.tolist(), outcome.high.tolist()
    bounds, source_counts, origin_counts = starts.tolist(), sources.tolist(), independent.tolist()
    left_out = np.bincount(c.group[list(why)], minlength=len(c.groups)).tolist() if why else [0] * len(c.groups)
    hierarchy = tuple(preferred)
    found = []
    for n in wanted:
        group = c.groups[n]
        a, b = bounds[n], bounds[n + 1]
        reason: str | None
        if mixed[n]:
            reason = f"the claims are in different units ({', '.join(units_of(c, order[a:b]))})"
            unit = None
        else:
            reason = outcome.reason.get(n)
            unit = c.unit_names[unit_codes[n]] or None
        low, best, high = lows[n], bests[n], highs[n]
        if reason is not None:
            low = best = high = None
        found.append(Finding(
            group.measure, group.subject, unit, group.key.place_id,
            group.place, group.period_start, group.period_end, rule, hierarchy,
            None if low != low else low, None if best != best else best, None if high != high else high,
            tuple(compress(ids[a:b], kept[a:b])),
            tuple((i, why[r]) for i, r in zip(ids[a:b], rows[a:b], strict=True) if r in why)
            if left_out[n] else (),
            reason, tuple(group.warnings), source_counts[n], origin_counts[n],
        ))
    return found


def _distinct_per_group(groups: np.ndarray[Any, Any], keys: np.ndarray[Any, Any], size: int) -> np.ndarray[Any, Any]:
    import numpy as np

    if not len(groups):
        return np.zeros(size, dtype=np.int64)
    shifted = keys - keys.min()
    pairs = np.unique(groups * (int(shifted.max()) + 1) + shifted)  # one number per (group, key)
    return np.bincount(pairs // (int(shifted.max()) + 1), minlength=size)


def _wanted(session: Session, columns: Columns, selection: Selection) -> list[int]:
    """The groups ``selection`` keeps, in reading order."""
    keep = group_order(columns.groups)
    groups = columns.groups
    if selection.measure:
        measure = normalise_phrase(selection.measure)
        keep = [n for n in keep if groups[n].key.measure_key == measure]
    if selection.subject:
        subject = normalise_phrase(selection.subject)
        keep = [n for n in keep if groups[n].key.subject_key == subject]
    if selection.place:
        places = actor_ids_named(session, selection.place)
        keep = [n for n in keep if groups[n].key.place_id in places]
    if selection.period:
        first, last = _period_filter(selection.period)
        keep = [n for n in keep if (f := groups[n].key.first) is not None and (t := groups[n].key.last) is not None
                and first <= f and t <= last]
    return keep


def estimate(
    session: Session,
    selection: Selection = Selection(),
    rule: Rule | str = Rule.UCDP,
    preferred: Sequence[str] = (),
) -> list[Finding]:
    """An estimate for every group of the selected claims (see the module notes).

    Warnings are worked out over every group of the selected claims, so a group filtered out
    still warns about one kept. Raises ValueError for a rule or a period that cannot be read.
    """
    try:
        chosen = Rule(rule)
    except ValueError:
        raise ValueError(f"“{rule}” is not a rule: one of {', '.join(r.value for r in Rule)}") from None
    if selection.period:
        _period_filter(selection.period)
    columns = read_columns(session, vague_table(session), source_ids=selection.source_ids,
                           actor_ids=selection.actor_ids, statistic_ids=selection.statistic_ids)
    warn_about_overlaps(columns.groups, place_parents(session))
    return _reconcile(columns, chosen, preferred, _wanted(session, columns, selection))
