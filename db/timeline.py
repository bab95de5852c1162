"""What the timeline shows: sources by publication date, claims by their period, relations by
their start and end, each as a span of days as precise as the archive knows it.

A date known to the year is the whole year, to the month the whole month: the timeline draws a
span, not a point, where the researcher does not know the day. Everything is read with a few
column queries (no ORM objects) so a large archive's 100,000 sources and claims arrive in a
second, as plain lists the pane turns into arrays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from db.dates import from_columns
from db.models import (
    Actor,
    Annotation,
    Code,
    Mention,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)
from db.values import format_number

#: what an item's span is made of: a known day, a month, a year, or a day range of a period
DAY, MONTH, YEAR, RANGE = "day", "month", "year", "range"


@dataclass(frozen=True)
class TimelineFilter:
    """Which items the timeline shows (None: no condition)."""

    #: sources that mention, publish or hold a claim of the actor; claims it makes or is the place
    #: of; relations it is part of
    actor_id: int | None = None
    #: sources with an annotation of the code; the claims and relations drawn from them
    code_id: int | None = None
    #: claims of the measure, and the sources that hold them (relations are not filtered)
    measure: str | None = None


@dataclass
class Lane:
    """One row of the timeline: items as spans of days, ``start`` inclusive, ``end`` exclusive,
    in days since 1970-01-01 (the chart's axis counts seconds from there)."""

    ids: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    #: DAY, MONTH, YEAR or RANGE (a period from one date to another)
    precisions: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    #: the row of each item within its lane (:func:`stack`): no two spans in a row overlap
    rows: list[int] = field(default_factory=list)
    #: items without any date (not drawn; the pane says how many)
    undated: int = 0

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, item_id: int, start: int, end: int, precision: str, label: str) -> None:
        self.ids.append(item_id)
        self.starts.append(start)
        self.ends.append(end)
        self.precisions.append(precision)
        self.labels.append(label)


@dataclass(frozen=True)
class TimelineChoices:
    """What the filters offer: actors (id, name, kind), codes (id, name), measures."""

    actors: list[tuple[int, str, str]]
    codes: list[tuple[int, str]]
    measures: list[str]


@dataclass(frozen=True)
class Timeline:
    sources: Lane
    claims: Lane
    relations: Lane
    #: a relation's evidence: relation id -> (source id, start, end) of its annotation
    evidence: dict[int, tuple[int, int, int]]


_EPOCH = dt.date(1970, 1, 1).toordinal()


def _raw(column: Any) -> Any:
    """A date column as stored (text on SQLite): a hand-edited value that is no date reads as
    undated (:func:`db.dates.stored_date`) instead of failing the whole timeline."""
    return type_coerce(column, String)


def day_number(value: dt.date) -> int:
    """Days since 1970-01-01."""
    return value.toordinal() - _EPOCH


def span(value: object, precision: object) -> tuple[int, int, str] | None:
    """A stored (date, precision) pair as (first day, day after the last, precision)."""
    date = from_columns(value, precision)
    if date is None:
        return None
    return day_number(date.first_day()), day_number(date.last_day()) + 1, date.precision.value


def period(start: tuple[int, int, str] | None, end: tuple[int, int, str] | None) -> tuple[int, int, str] | None:
    """The span from one partial date to another; either alone when the other is unknown."""
    if start is None or end is None:
        return start or end
    if start == end:
        return start
    first, last = min(start[0], end[0]), max(start[1], end[1])
    return first, last, RANGE


def timeline_choices(session: Session) -> TimelineChoices:
    actors = [(i, n, k) for i, n, k in session.execute(select(Actor.id, Actor.name, Actor.kind).order_by(Actor.name))]
    codes = [(i, n) for i, n in session.execute(select(Code.id, Code.name).order_by(Code.name))]
    measures = [m for (m,) in session.execute(
        select(Statistic.measure).where(Statistic.measure != "").distinct().order_by(Statistic.measure))]
    return TimelineChoices(actors, codes, measures)


def _coded_sources(code_id: int) -> Any:
    return (select(Annotation.source_id)
            .join(annotation_codes, annotation_codes.c.annotation_id == Annotation.id)
            .where(annotation_codes.c.code_id == code_id))


def _mentioning(actor_id: int) -> Any:
    return select(Annotation.source_id).join(Mention, Mention.annotation_id == Annotation.id).where(
        Mention.actor_id == actor_id)


def _sources(session: Session, where: TimelineFilter) -> Lane:
    query = select(Source.id, _raw(Source.published), Source.published_precision, Source.title)
    if where.actor_id is not None:
        query = query.where(or_(
            Source.id.in_(_mentioning(where.actor_id)),
            Source.outlet_id == where.actor_id,
            Source.id.in_(select(Statistic.source_id).where(or_(
                Statistic.claimant_id == where.actor_id, Statistic.place_id == where.actor_id))),
        ))
    if where.code_id is not None:
        query = query.where(Source.id.in_(_coded_sources(where.code_id)))
    if where.measure is not None:
        query = query.where(Source.id.in_(select(Statistic.source_id).where(Statistic.measure == where.measure)))
    lane = Lane()
    for source_id, published, precision, title in session.execute(query.order_by(Source.published, Source.id)):
        drawn = span(published, precision)
        if drawn is None:
            lane.undated += 1
        else:
            lane.add(source_id, *drawn, title or f"Source {source_id}")
    return lane


def _claim_label(measure: str, value: float | None, subject: str | None) -> str:
    number = format_number(value) if value is not None else "?"
    return " ".join(p for p in (number, subject or "", measure) if p)


def _claims(session: Session, where: TimelineFilter) -> Lane:
    s = Statistic
    query = select(s.id, _raw(s.period_start), s.period_start_precision, _raw(s.period_end), s.period_end_precision,
                   s.measure, s.value, s.subject)
    if where.actor_id is not None:
        query = query.where(or_(s.claimant_id == where.actor_id, s.place_id == where.actor_id))
    if where.code_id is not None:
        query = query.where(s.source_id.in_(_coded_sources(where.code_id)))
    if where.measure is not None:
        query = query.where(s.measure == where.measure)
    lane = Lane()
    rows = session.execute(query.order_by(s.period_start, s.id))
    for claim_id, start, start_p, end, end_p, measure, value, subject in rows:
        drawn = period(span(start, start_p), span(end, end_p))
        if drawn is None:
            lane.undated += 1
        else:
            lane.add(claim_id, *drawn, _claim_label(measure, value, subject))
    return lane


def _relations(session: Session, where: TimelineFilter) -> tuple[Lane, dict[int, tuple[int, int, int]]]:
    subject, obj = Actor.__table__.alias("subject"), Actor.__table__.alias("object")
    r = Relation
    query = (select(r.id, _raw(r.start), r.start_precision, _raw(r.end), r.end_precision, subject.c.name, r.predicate,
                    obj.c.name, Annotation.source_id, Annotation.start, Annotation.end)
             .join(subject, subject.c.id == r.subject_id).join(obj, obj.c.id == r.object_id)
             .outerjoin(Annotation, Annotation.id == r.evidence_annotation_id))
    if where.actor_id is not None:
        query = query.where(or_(r.subject_id == where.actor_id, r.object_id == where.actor_id))
    if where.code_id is not None:
        query = query.where(Annotation.source_id.in_(_coded_sources(where.code_id)))
    lane = Lane()
    evidence: dict[int, tuple[int, int, int]] = {}
    for row in session.execute(query.order_by(r.start, r.id)):
        relation_id, start, start_p, end, end_p, a, predicate, b, source_id, a_start, a_end = row
        drawn = period(span(start, start_p), span(end, end_p))
        if source_id is not None:
            evidence[relation_id] = (source_id, a_start, a_end)
        if drawn is None:
            lane.undated += 1
        else:
            lane.add(relation_id, *drawn, f"{a} {predicate} {b}")
    return lane, evidence


#: rows a lane is stacked into: more overlapping items share the last rows
ROWS = 12
#: days kept free after a span before another may start in its row (so neighbours do not touch)
GAP_DAYS = 3


def stack(lane: Lane, rows: int = ROWS) -> Lane:
    """Give each item of ``lane`` (in order of start) the lowest row free at its start, or the
    row free soonest when none is: items that overlap in time sit in different rows while there
    are rows to spare. Computed once for the whole lane, so rows stay put while the researcher
    zooms."""
    free_from = [-(2**62)] * rows
    lane.rows = []
    for start, end in zip(lane.starts, lane.ends, strict=True):
        row = next((r for r in range(rows) if free_from[r] <= start), None)
        if row is None:
            row = free_from.index(min(free_from))
        free_from[row] = max(end, start + 1) + GAP_DAYS
        lane.rows.append(row)
    return lane


def timeline(session: Session, where: TimelineFilter | None = None) -> Timeline:
    """Every dated source, claim and relation the filter keeps, each lane in order of its start
    and stacked into rows."""
    where = where or TimelineFilter()
    relations, evidence = _relations(session, where)
    return Timeline(stack(_sources(session, where)), stack(_claims(session, where)), stack(relations), evidence)
