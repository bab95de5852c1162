"""The claims the estimates are made of, read in one pass as light rows.

Reading 100,000 statistics as ORM objects (or as :class:`db.rows.StatisticRow`, with its joins)
costs seconds; the rules need a few columns, so they are fetched as plain tuples through the
DBAPI cursor, dates parsed once per distinct value and actor names looked up in one dict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from db.dates import PartialDate, from_columns, stored_date
from db.frames import read_rows
from db.models import Actor, Annotation, Source, Statistic


class Claim(NamedTuple):
    """One statistic as the rules see it (a named tuple: 100,000 are made in one go)."""

    id: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    measure: str
    unit: str | None
    subject: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    #: the period's first and last day (proleptic ordinals), None without a period
    first: int | None
    last: int | None
    place_id: int | None
    place: str | None
    claimant_id: int | None
    claimant: str | None
    dataset: str | None
    source_id: int | None
    #: the source's reliability grade (A best … F), its outlet and publication date
    reliability: str | None
    outlet: str | None
    published: dt.date | None
    quote: str | None

    @property
    def origin(self) -> tuple[str, object] | None:
        """Who first made the claim, when the archive knows: its claimant, or the dataset it
        comes from. Claims with the same origin and number are one claim relayed."""
        if self.claimant_id is not None:
            return ("claimant", self.claimant_id)
        if self.dataset:
            return ("dataset", self.dataset)
        return None


_COLUMNS = (
    Statistic.id,
    Statistic.value,
    Statistic.low,
    Statistic.high,
    Statistic.approximate,
    Statistic.measure,
    Statistic.unit,
    Statistic.subject,
    Statistic.period_start,
    Statistic.period_start_precision,
    Statistic.period_end,
    Statistic.period_end_precision,
    Statistic.place_id,
    Statistic.claimant_id,
    Statistic.dataset,
    Statistic.source_id,
    Source.reliability,
    Source.outlet_id,
    Source.published,
    # the quote matters only where the number must be read from it (a vague quantity)
    case((Statistic.value.is_(None), Annotation.quote), else_=None),
)


def fetch(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """Plain tuples straight from the DBAPI cursor (SQLAlchemy's Row objects cost more than the
    query itself for 100,000 rows)."""
    return read_rows(session, query)[1]


def narrowed(
    query: Any,
    source_ids: Sequence[int] | None = None,
    actor_ids: Sequence[int] | None = None,
    statistic_ids: Sequence[int] | None = None,
) -> Any:
    """``query`` on statistics kept to the claims of the given sources, those whose claimant or
    place is one of ``actor_ids``, or the given statistics."""
    if source_ids is not None:
        query = query.where(Statistic.source_id.in_(list(source_ids)))
    if actor_ids is not None:
        chosen = list(actor_ids)
        query = query.where(Statistic.claimant_id.in_(chosen) | Statistic.place_id.in_(chosen))
    if statistic_ids is not None:
        query = query.where(Statistic.id.in_(list(statistic_ids)))
    return query


def actor_names(session: Session) -> dict[int, str]:
    return dict(fetch(session, select(Actor.id, Actor.name)))


def claims_query(
    source_ids: Sequence[int] | None = None,
    actor_ids: Sequence[int] | None = None,
    statistic_ids: Sequence[int] | None = None,
) -> Any:
    """The claims' columns, in id order: every claim, or those of the given sources, those whose
    claimant or place is one of ``actor_ids``, or the given statistics."""
    query = (
        select(*_COLUMNS)
        .outerjoin(Source, Source.id == Statistic.source_id)
        .outerjoin(Annotation, Annotation.id == Statistic.annotation_id)
        .order_by(Statistic.id)
    )
    return narrowed(query, source_ids, actor_ids, statistic_ids)


def read_claims(
    session: Session,
    *,
    source_ids: Sequence[int] | None = None,
    actor_ids: Sequence[int] | None = None,
    statistic_ids: Sequence[int] | None = None,
) -> list[Claim]:
    """The claims of :func:`claims_query` as rows (for the few a saved estimate digests)."""
    query = claims_query(source_ids, actor_ids, statistic_ids)
    rows = fetch(session, query)
    names = actor_names(session)
    periods: dict[tuple[Any, ...], tuple[PartialDate | None, PartialDate | None, int | None, int | None]] = {}
    days: dict[Any, dt.date | None] = {}
    claims: list[Claim] = []
    append = claims.append
    make = Claim._make
    for (id_, value, low, high, approximate, measure, unit, subject, start, start_precision,
         end, end_precision, place_id, claimant_id, dataset, source_id, reliability, outlet_id,
         published, quote) in rows:
        key = (start, start_precision, end, end_precision)
        period = periods.get(key)
        if period is None:
            period = periods[key] = period_of(from_columns(start, start_precision), from_columns(end, end_precision))
        if published in days:
            day = days[published]
        else:
            day = days[published] = stored_date(published)
        append(make((
            id_, value, low, high, bool(approximate), measure or "", unit or None, subject or None,
            *period,
            place_id, names.get(place_id) if place_id is not None else None,
            claimant_id, names.get(claimant_id) if claimant_id is not None else None,
            dataset or None, source_id, reliability,
            names.get(outlet_id) if outlet_id is not None else None,
            day, quote,
        )))
    return claims


def period_of(
    start: PartialDate | None, end: PartialDate | None
) -> tuple[PartialDate | None, PartialDate | None, int | None, int | None]:
    """The period as given, and its first and last day: "2014" is the whole year; one end given
    stands for both (a total "by July 2015" has no first day of its own, and is grouped as that
    day). The dates are kept as the claim gives them, for showing."""
    first, last = start or end, end or start
    if first is None or last is None:
        return None, None, None, None
    return start, end, first.first_day().toordinal(), last.last_day().toordinal()
