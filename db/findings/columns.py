"""The claims as columns: what every estimate is computed from, one array per field.

100,000 claims are read in one DBAPI fetch and turned into numpy arrays; each distinct measure,
subject, period, unit and date is worked out once, not once per claim. Per claim, the rules then
need only whole-array operations (:mod:`db.findings.grouping`, :mod:`db.findings.rules`): making
a Python object per claim cost more than the query itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, case, cast, func, literal, select
from sqlalchemy.orm import Session

from db.conflicts import normalise_phrase
from db.dates import PartialDate, from_columns, stored_date
from db.findings.claims import actor_names, fetch, narrowed, period_of
from db.findings.vague import VagueTable
from db.models import Annotation, Source, Statistic
from db.queries import in_chunks
from db.text import fold

if TYPE_CHECKING:
    import numpy as np

#: reliability grades, best first (the Admiralty code): rank 0 is A; ungraded ranks last
GRADES = "ABCDEF"
UNGRADED = len(GRADES)


@dataclass(frozen=True)
class GroupKey:
    """What a group of claims counts: normalised measure and subject, a place, a period."""

    measure_key: str
    subject_key: str
    place_id: int | None
    first: int | None
    last: int | None


@dataclass
class GroupInfo:
    key: GroupKey
    measure: str
    subject: str | None
    place: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    warnings: list[str]


@dataclass
class Columns:
    """One entry per claim (in id order) and one :class:`GroupInfo` per group."""

    ids: np.ndarray[Any, Any]
    group: np.ndarray[Any, Any]
    #: low, best, high as the rules read them (NaN: the claim has no number)
    lo: np.ndarray[Any, Any]
    best: np.ndarray[Any, Any]
    hi: np.ndarray[Any, Any]
    #: who first made the claim (claimant or dataset); -1 when unknown
    origin: np.ndarray[Any, Any]
    #: the source (or dataset) the claim is read from, for counting sources
    source: np.ndarray[Any, Any]
    #: publication day (ordinal; the largest for undated), for which relayed copy came first
    published: np.ndarray[Any, Any]
    #: a code per distinct unit (0: none given)
    unit: np.ndarray[Any, Any]
    #: reliability rank of the source (0 is A, UNGRADED when none)
    grade: np.ndarray[Any, Any]
    claimant: list[str | None]
    outlet: list[str | None]
    dataset: list[str | None]
    #: the units by code, as first written
    unit_names: list[str]
    groups: list[GroupInfo]

    def __len__(self) -> int:
        return len(self.ids)


#: between the parts of a group's raw key (the unit separator: in no name or date)
SEPARATOR = "\x1f"


def _query(source_ids: Sequence[int] | None, actor_ids: Sequence[int] | None,
           statistic_ids: Sequence[int] | None) -> Any:
    """The few columns the rules read, and each claim's raw group key built by the database as one
    text (measure, subject, place, period): one factorisation instead of seven."""
    parts: list[Any] = [Statistic.measure]
    for column in (Statistic.subject, Statistic.place_id, Statistic.period_start, Statistic.period_start_precision,
                   Statistic.period_end, Statistic.period_end_precision):
        parts += [literal(SEPARATOR, String), func.coalesce(cast(column, String), "")]
    key = parts[0]
    for part in parts[1:]:
        key = key.op("||")(part)
    quote = select(Annotation.quote).where(Annotation.id == Statistic.annotation_id).scalar_subquery()
    query = select(
        Statistic.id, Statistic.value, Statistic.low, Statistic.high, Statistic.unit, Statistic.claimant_id,
        Statistic.dataset, Statistic.source_id, key,
        # the quote matters only where the number must be read from it (a vague quantity)
        case((Statistic.value.is_(None), quote), else_=None),
    ).order_by(Statistic.id)
    return narrowed(query, source_ids, actor_ids, statistic_ids)


_Period = tuple[PartialDate | None, PartialDate | None, int | None, int | None]


def _parts(key: str, periods: dict[tuple[str, ...], _Period]) -> tuple[str, str | None, int | None, _Period]:
    """measure, subject, place id and period (as given, first and last day) of a raw group key;
    the periods worked out once each (an archive has few distinct ones)."""
    measure, subject, place, *dates = key.split(SEPARATOR)
    when = tuple(dates)
    period = periods.get(when)
    if period is None:
        start, start_precision, end, end_precision = dates
        period = periods[when] = period_of(from_columns(start or None, start_precision or None),
                                           from_columns(end or None, end_precision or None))
    return measure, subject or None, int(place) if place else None, period


def read_columns(
    session: Session,
    vague: VagueTable,
    *,
    source_ids: Sequence[int] | None = None,
    actor_ids: Sequence[int] | None = None,
    statistic_ids: Sequence[int] | None = None,
) -> Columns:
    """The selected claims as columns (see :func:`db.findings.claims.claims_query` for the selection)."""
    import numpy as np
    import pandas as pd

    rows = fetch(session, _query(source_ids, actor_ids, statistic_ids))
    names = actor_names(session)
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        nothing = np.zeros(0, dtype=float)
        return Columns(empty, empty, nothing, nothing, nothing, empty, empty, empty, empty, empty,
                       [], [], [], [""], [])
    ids, value, low, high, unit, claimant_id, dataset, source_id, raw_key, quote = zip(*rows, strict=True)

    # Groups: one code per distinct raw key, then the raw keys that normalise alike merged.
    raw_codes, raw_keys = pd.factorize(pd.Series(raw_key, dtype=object))
    phrases: dict[str | None, str] = {}

    def phrase(text: str | None) -> str:
        found = phrases.get(text)
        if found is None:
            found = phrases[text] = normalise_phrase(text) if text else ""
        return found

    keys: dict[GroupKey, int] = {}
    groups: list[GroupInfo] = []
    merged = np.empty(len(raw_keys), dtype=np.int64)
    periods: dict[tuple[str, ...], _Period] = {}
    for code, text in enumerate(raw_keys.tolist()):
        m, s, p, (period_start, period_end, first, last) = _parts(text, periods)
        key = GroupKey(phrase(m), phrase(s), p, first, last)
        number = keys.get(key)
        if number is None:
            number = keys[key] = len(groups)
            groups.append(GroupInfo(key, m, s, names.get(p) if p is not None else None,
                                    period_start, period_end, []))
        merged[code] = number
    group = merged[raw_codes]

    # Numbers: the claim's own where it gives a best estimate; the others one by one (vague
    # quantities, bounds alone), which are few.
    values = np.array(value, dtype=float)
    lows = np.array(low, dtype=float)
    highs = np.array(high, dtype=float)
    best = values.copy()
    lo = np.where(np.isnan(lows), values, np.fmin(lows, values))
    hi = np.where(np.isnan(highs), values, np.fmax(highs, values))
    from db.findings.rules import numbers_of

    for i in np.flatnonzero(np.isnan(values)).tolist():
        numbers = numbers_of(None, low[i], high[i], quote[i], vague)
        if numbers is not None:
            lo[i], best[i], hi[i] = numbers.low, numbers.best, numbers.high

    # Origins and sources: claimants by id, datasets by a code of their own.
    dataset_codes, _ = pd.factorize(pd.Series(dataset, dtype=object))
    claimants = np.array(claimant_id, dtype=float)
    origin = np.where(~np.isnan(claimants), np.nan_to_num(claimants, nan=0).astype(np.int64) * 2,
                      np.where(dataset_codes >= 0, dataset_codes * 2 + 1, -1))
    sources = np.nan_to_num(np.array(source_id, dtype=float), nan=-1).astype(np.int64)
    source = np.where(sources >= 0, sources * 2,
                      np.where(dataset_codes >= 0, dataset_codes * 2 + 1, -(np.arange(len(ids)) + 2)))

    # What the sources say of themselves (reliability, outlet, date), looked up by source.
    chosen = np.unique(sources[sources >= 0])
    size = int(chosen.max()) + 2 if len(chosen) else 1
    grade_of = np.full(size, UNGRADED, dtype=np.int64)
    day_of = np.full(size, dt.date.max.toordinal(), dtype=np.int64)
    outlet_of: dict[int, str | None] = {}
    grades = {g: GRADES.index(g) for g in GRADES}
    for chunk in in_chunks(chosen.tolist()):
        for sid, reliability, outlet_id, published in fetch(session, select(
                Source.id, Source.reliability, Source.outlet_id, Source.published).where(Source.id.in_(chunk))):
            grade_of[sid] = grades.get(reliability, UNGRADED)
            day = stored_date(published)
            if day is not None:
                day_of[sid] = day.toordinal()
            outlet_of[sid] = names.get(outlet_id) if outlet_id is not None else None
    at = np.where(sources >= 0, sources, size - 1)

    unit_codes, unit_uniques = pd.factorize(pd.Series(unit, dtype=object))
    unit_names = [""]
    by_fold: dict[str, int] = {}
    merged_units = np.zeros(len(unit_uniques) + 1, dtype=np.int64)
    for n, u in enumerate(unit_uniques.tolist()):
        folded = " ".join(fold(u).split())
        if not folded:
            continue
        if folded not in by_fold:
            by_fold[folded] = len(unit_names)
            unit_names.append(u)
        merged_units[n + 1] = by_fold[folded]
    return Columns(
        ids=np.asarray(ids, dtype=np.int64),
        group=group,
        lo=lo,
        best=best,
        hi=hi,
        origin=origin,
        source=source,
        published=day_of[at],
        unit=merged_units[unit_codes + 1],
        grade=grade_of[at],
        claimant=[names.get(c) if c is not None else None for c in claimant_id],
        outlet=[outlet_of.get(s) if s is not None else None for s in source_id],
        dataset=[d or None for d in dataset],
        unit_names=unit_names,
        groups=groups,
    )
