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
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.conflicts import normalise_phrase
from db.dates import PartialDate, iso_or_none
from db.findings.claims import Claim, read_claims
from db.findings.grouping import (
    Group,
    group_claims,
    period_label,
    place_parents,
    sort_out,
    warn_about_overlaps,
)
from db.findings.rules import Rule, apply
from db.findings.vague import VagueTable, vague_table
from db.models import Actor, Alias
from db.text import fold
from db.values import format_number


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
    #: only when asked for, see :func:`reconcile`)
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
        what = " ".join(p for p in (self.subject, self.measure) if p) or "statistic"
        where = f" in {self.place}" if self.place else ""
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


def reconcile(
    group: Group, rule: Rule, preferred: Sequence[str], vague: VagueTable, *, fingerprinted: bool = False
) -> Finding:
    """One group's estimate (with the digest of its claims when ``fingerprinted``)."""
    sorted_out = sort_out(group, vague)
    reason = None
    left_out = list(sorted_out.left_out)
    low = best = high = None
    used: tuple[int, ...] = ()
    if len(sorted_out.units) > 1:
        reason = f"the claims are in different units ({', '.join(sorted_out.units)})"
        left_out += [(c.id, f"in {c.unit or 'no unit'}: the group mixes units") for c, _ in sorted_out.used]
    else:
        outcome = apply(rule, sorted_out.used, preferred)
        low, best, high, reason = outcome.low, outcome.best, outcome.high, outcome.reason
        dropped = {i for i, _ in outcome.left_out}
        used = tuple(c.id for c, _ in sorted_out.used if c.id not in dropped) if reason is None else ()
        if reason is not None:
            left_out += [(c.id, reason) for c, _ in sorted_out.used]
        left_out += list(outcome.left_out)
    numberless = {i for i, w in sorted_out.left_out if w == "no number"}
    sources = {
        ("source", c.source_id) if c.source_id is not None else ("dataset", c.dataset or c.id)
        for c in group.claims
        if c.id not in numberless
    }
    kept = set(used)
    origins = {c.origin or ("claim", c.id) for c, _ in sorted_out.used if c.id in kept}
    return Finding(
        measure=group.measure,
        subject=group.subject,
        unit=sorted_out.units[0] if len(sorted_out.units) == 1 else None,
        place_id=group.place_id,
        place=group.place,
        period_start=group.period_start,
        period_end=group.period_end,
        rule=rule,
        preferred=tuple(preferred),
        low=low,
        best=best,
        high=high,
        claims=used,
        excluded=tuple(sorted(left_out)),
        reason=reason,
        warnings=tuple(group.warnings),
        sources=len(sources),
        independent=len(origins),
        fingerprint=fingerprint(group.claims) if fingerprinted else "",
    )


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


def selected_groups(session: Session, selection: Selection) -> list[Group]:
    """The groups of the selected claims, with their warnings, filtered as ``selection`` says.

    Warnings are worked out over every group of the selected claims, so a group filtered out
    still warns about one kept.
    """
    claims = read_claims(
        session,
        source_ids=selection.source_ids,
        actor_ids=selection.actor_ids,
        statistic_ids=selection.statistic_ids,
    )
    groups = group_claims(claims)
    warn_about_overlaps(groups, place_parents(session))
    if selection.measure:
        groups = [g for g in groups if g.key[0] == normalise_phrase(selection.measure)]
    if selection.subject:
        groups = [g for g in groups if g.key[1] == normalise_phrase(selection.subject)]
    if selection.place:
        places = actor_ids_named(session, selection.place)
        groups = [g for g in groups if g.place_id in places]
    if selection.period:
        first, last = _period_filter(selection.period)
        groups = [g for g in groups if g.first is not None and g.last is not None and first <= g.first and g.last <= last]
    return groups


def estimate(
    session: Session,
    selection: Selection = Selection(),
    rule: Rule | str = Rule.UCDP,
    preferred: Sequence[str] = (),
) -> list[Finding]:
    """An estimate for every group of the selected claims (see the module notes).

    Raises ValueError for a rule or a period that cannot be read.
    """
    try:
        chosen = Rule(rule)
    except ValueError:
        raise ValueError(f"“{rule}” is not a rule: one of {', '.join(r.value for r in Rule)}") from None
    if selection.period:
        _period_filter(selection.period)
    vague = vague_table(session)
    return [reconcile(g, chosen, preferred, vague) for g in selected_groups(session, selection)]
