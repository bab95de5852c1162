"""Reads for the command line and the panes, returning the rows of :mod:`db.rows`.

Views hold ids from one ``select`` (filter and order done in SQL) and fetch rows in pages.
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, String, and_, bindparam, cast, func, select, text
from sqlalchemy.orm import Session, aliased

from db.filters import SourceFilter, source_conditions, with_outlet
from db.models import (
    Actor,
    Alias,
    Annotation,
    Code,
    Mention,
    Source,
    Statistic,
    annotation_codes,
)
from db.packed import packed_ids
from db.rows import (
    ActorRow,
    AnnotationRow,
    ArchiveCounts,
    CodeRow,
    SourceDetail,
    SourceRow,
    StatisticRow,
    known_by_id,
    page_of,
    partial,
    same_or_new,
)
from db.search import matching_source_ids_sql

T = TypeVar("T")


def paged_sources(session: Session, source_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Where the pages start in those of ``source_ids`` that have pages (sources from PDFs)."""
    has_pages = and_(Source.page_starts.is_not(None), cast(Source.page_starts, String) != "null")
    found: dict[int, tuple[int, ...]] = {}
    for chunk in in_chunks(sorted(set(source_ids))):
        query = select(Source.id, Source.page_starts).where(Source.id.in_(chunk), has_pages)
        for source_id, starts in session.execute(query):
            if starts and len(starts) > 1:
                found[source_id] = tuple(starts)
    return found


#: values bound in one ``IN (...)`` list
IN_LIMIT = 500


def in_chunks(items: Sequence[T], size: int = IN_LIMIT) -> Iterator[Sequence[T]]:
    """``items`` a slice of ``size`` at a time, for ``IN (...)`` lists of bounded length."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- sources ---------------------------------------------------------------------------------

def _annotation_count() -> Any:
    return (
        select(func.count(Annotation.id))
        .where(Annotation.source_id == Source.id)
        .correlate(Source)
        .scalar_subquery()
    )


def _statistic_count() -> Any:
    return (
        select(func.count(Statistic.id))
        .where(Statistic.source_id == Source.id)
        .correlate(Source)
        .scalar_subquery()
    )


def source_ids(session: Session, where: SourceFilter | None = None) -> list[int]:
    """Ids of the sources to show, filtered and ordered in SQL."""
    return source_id_array(session, where).tolist()


def source_id_array(session: Session, where: SourceFilter | None = None, limit: int | None = None) -> array[int]:
    """:func:`source_ids` packed (:mod:`db.packed`: a million in 8 MB, read in a third of the
    time); only the first ``limit`` when given (a list's first page, at once)."""
    query = _source_ids_query(session, where or SourceFilter())
    if query is None:
        return array("q")
    return packed_ids(session, query if limit is None else query.limit(limit))


def _source_ids_query(session: Session, where: SourceFilter) -> Select[Any] | None:
    """The ``select`` of the ids :func:`source_ids` reads; None when the search finds nothing."""
    query, outlet = with_outlet(select(Source.id), where)
    conditions = source_conditions(where, outlet)
    if where.search.strip():
        fragment = matching_source_ids_sql(session, where.search)
        if fragment is None:
            return None
        sql, params = fragment
        conditions.append(Source.id.in_(text(sql).bindparams(**params)))
    if conditions:
        query = query.where(and_(*conditions))
    column: Any = {
        "title": func.lower(Source.title),
        "published": Source.published,
        "outlet": func.lower(outlet.name) if outlet is not None else None,
        "kind": Source.kind,
        "language": Source.language,
        "annotations": _annotation_count(),
        "statistics": _statistic_count(),
        "id": Source.id,
    }[where.sort]
    order = column.desc() if where.descending else column.asc()
    # NULLs last either way: an undated source is not the "oldest"
    return query.order_by(order.nulls_last(), Source.id)


@functools.cache
def _source_rows_query() -> Any:
    """The statement (a Select) of :func:`source_rows`, built once (building it again for every page of a
    lazy list cost more than SQLite's reading the page); ``ids`` expand at execution."""
    outlet = aliased(Actor)
    return (
        select(
            Source.id,
            Source.uuid,
            Source.title,
            Source.published,
            Source.published_precision,
            outlet.name,
            Source.outlet_id,
            Source.author,
            Source.url,
            Source.language,
            Source.kind,
            Source.sha256,
            _annotation_count(),
            _statistic_count(),
        )
        .outerjoin(outlet, outlet.id == Source.outlet_id)
        .where(Source.id.in_(bindparam("ids", expanding=True)))
    )


def source_rows(session: Session, ids: Sequence[int]) -> list[SourceRow]:
    """The rows for ``ids``, in the order given (one page of a lazy view)."""
    if not ids:
        return []
    by_id: dict[int, SourceRow] = {}
    for r in session.execute(_source_rows_query(), {"ids": list(ids)}):
        by_id[r[0]] = SourceRow(
            id=r[0],
            uuid=r[1],
            title=r[2],
            published=partial(r[3], r[4]),
            outlet=r[5],
            outlet_id=r[6],
            author=r[7],
            url=r[8],
            language=r[9],
            kind=r[10],
            sha256=r[11],
            annotation_count=r[12],
            statistic_count=r[13],
        )
    return [by_id[i] for i in ids if i in by_id]


def list_sources(session: Session, where: SourceFilter | None = None) -> list[SourceRow]:
    return source_rows(session, source_ids(session, where))


def source_detail(session: Session, source_id: int) -> SourceDetail | None:
    source = session.get(Source, source_id)
    if source is None:
        return None
    row = source_rows(session, [source_id])[0]
    return SourceDetail(
        row=row,
        text=source.text,
        reliability=source.reliability,
        credibility=source.credibility,
        notes=source.notes,
        page_starts=tuple(source.page_starts or ()),
        original_file_name=source.original_file.file_name if source.original_file else None,
        annotations=tuple(annotations_of(session, source_id)),
        statistics=tuple(list_statistics(session, source_id=source_id)),
    )


def source_text(session: Session, source_id: int) -> str | None:
    return session.scalar(select(Source.text).where(Source.id == source_id))


# --- annotations -----------------------------------------------------------------------------


def annotations_of(session: Session, source_id: int) -> list[AnnotationRow]:
    """Every annotation of a source, in text order, with codes, mention and statistic links."""
    # Core rows, not ORM: a source with thousands of annotations opens in the reader at once.
    connection = session.connection()
    rows = connection.execute(
        select(
            Annotation.id,
            Annotation.uuid,
            Annotation.start,
            Annotation.end,
            Annotation.quote,
            Annotation.note,
            Annotation.orphaned,
        )
        .where(Annotation.source_id == source_id)
        .order_by(Annotation.start, Annotation.end, Annotation.id)
    ).all()
    ids = [r[0] for r in rows]
    codes: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    mentions: dict[int, tuple[int, int, str]] = {}
    statistics: dict[int, int] = {}
    if ids:
        for annotation_id, code_id, name, color in connection.execute(
            select(annotation_codes.c.annotation_id, Code.id, Code.name, Code.color)
            .join(Code, Code.id == annotation_codes.c.code_id)
            .join(Annotation, Annotation.id == annotation_codes.c.annotation_id)
            .where(Annotation.source_id == source_id)
            .order_by(Code.name)
        ):
            codes[annotation_id].append((code_id, name, color))
        for mention_id, annotation_id, actor_id, actor_name in connection.execute(
            select(Mention.id, Mention.annotation_id, Actor.id, Actor.name)
            .join(Actor, Actor.id == Mention.actor_id)
            .join(Annotation, Annotation.id == Mention.annotation_id)
            .where(Annotation.source_id == source_id)
        ):
            mentions[annotation_id] = (mention_id, actor_id, actor_name)
        for statistic_id, annotation_id in connection.execute(
            select(Statistic.id, Statistic.annotation_id).where(Statistic.source_id == source_id)
        ):
            if annotation_id is not None:
                statistics[annotation_id] = statistic_id
    result = []
    for r in rows:
        mention = mentions.get(r[0])
        code_list = codes.get(r[0], [])
        result.append(
            AnnotationRow(
                id=r[0],
                uuid=r[1],
                source_id=source_id,
                start=r[2],
                end=r[3],
                quote=r[4],
                note=r[5],
                orphaned=bool(r[6]),
                codes=tuple(c[1] for c in code_list),
                code_ids=tuple(c[0] for c in code_list),
                colors=tuple(c[2] for c in code_list),
                mention_id=mention[0] if mention else None,
                actor_id=mention[1] if mention else None,
                actor=mention[2] if mention else None,
                statistic_id=statistics.get(r[0]),
            )
        )
    return result


def list_codes(session: Session) -> list[CodeRow]:
    count = (
        select(func.count())
        .select_from(annotation_codes)
        .where(annotation_codes.c.code_id == Code.id)
        .correlate(Code)
        .scalar_subquery()
    )
    query = select(
        Code.id, Code.uuid, Code.parent_id, Code.name, Code.color, Code.description, count
    ).order_by(func.lower(Code.name))
    return [CodeRow(*r) for r in session.execute(query)]


# --- actors ----------------------------------------------------------------------------------


def list_actors(session: Session, *, kind: str | None = None) -> list[ActorRow]:
    mention_count = (
        select(func.count(Mention.id)).where(Mention.actor_id == Actor.id).correlate(Actor).scalar_subquery()
    )
    source_count = (
        select(func.count(func.distinct(Annotation.source_id)))
        .join(Mention, Mention.annotation_id == Annotation.id)
        .where(Mention.actor_id == Actor.id)
        .correlate(Actor)
        .scalar_subquery()
    )
    query = select(
        Actor.id, Actor.uuid, Actor.name, Actor.kind, Actor.description, mention_count, source_count
    ).order_by(func.lower(Actor.name), Actor.id)
    if kind is not None:
        query = query.where(Actor.kind == kind)
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, name in session.execute(select(Alias.actor_id, Alias.name).order_by(Alias.id)):
        aliases[actor_id].append(name)
    return [
        ActorRow(
            id=r[0],
            uuid=r[1],
            name=r[2],
            kind=r[3],
            description=r[4],
            aliases=tuple(aliases.get(r[0], ())),
            mention_count=r[5],
            source_count=r[6],
        )
        for r in session.execute(query)
    ]


def actor_names(session: Session) -> list[tuple[int, str, str, str | None]]:
    """(actor id, name or alias, canonical name, kind) for every name an actor is known by."""
    names: list[tuple[int, str, str, str | None]] = []
    canonical = dict(session.execute(select(Actor.id, Actor.name)).all())
    kinds = dict(session.execute(select(Actor.id, Actor.kind)).all())
    for actor_id, name in canonical.items():
        names.append((actor_id, name, name, kinds[actor_id]))
    for actor_id, alias in session.execute(select(Alias.actor_id, Alias.name)):
        names.append((actor_id, alias, canonical[actor_id], kinds[actor_id]))
    return names


# --- statistics ------------------------------------------------------------------------------


#: the columns of a statistic the list reads (plain values: no ORM objects, ~5x faster at 100k)
_STATISTIC_COLUMNS = (
    Statistic.id, Statistic.uuid, Statistic.value, Statistic.low, Statistic.high, Statistic.approximate,
    Statistic.measure, Statistic.unit, Statistic.subject, Statistic.period_start,
    Statistic.period_start_precision, Statistic.period_end, Statistic.period_end_precision,
    Statistic.place_id, Statistic.claimant_id, Statistic.source_id, Statistic.annotation_id,
    Statistic.confidence, Statistic.dataset, Statistic.notes, Statistic.version,
)


def list_statistics(
    session: Session,
    *,
    source_id: int | None = None,
    measure: str | None = None,
    claimant_id: int | None = None,
    place_id: int | None = None,
    ids: Sequence[int] | None = None,
    limit: int | None = None,
    known: Iterable[StatisticRow] | Mapping[int, StatisticRow] = (),
) -> list[StatisticRow]:
    """The statistics with their names, titles and quotes, by period (those of ``ids``; the first
    ``limit``); a claim read the same as one of ``known`` (rows held already) is that object,
    the copy read dropped at once."""
    known = known_by_id(known)
    place = aliased(Actor)
    claimant = aliased(Actor)
    query = (
        select(
            *_STATISTIC_COLUMNS,
            place.name,
            claimant.name,
            Source.title,
            Source.page_starts,
            Annotation.start,
            Annotation.end,
            Annotation.quote,
        )
        .outerjoin(place, place.id == Statistic.place_id)
        .outerjoin(claimant, claimant.id == Statistic.claimant_id)
        .outerjoin(Source, Source.id == Statistic.source_id)
        .outerjoin(Annotation, Annotation.id == Statistic.annotation_id)
        .order_by(Statistic.period_start.is_(None), Statistic.period_start, Statistic.id)
    )
    if source_id is not None:
        query = query.where(Statistic.source_id == source_id)
    if measure is not None:
        query = query.where(Statistic.measure == measure)
    if claimant_id is not None:
        query = query.where(Statistic.claimant_id == claimant_id)
    if place_id is not None:
        query = query.where(Statistic.place_id == place_id)
    if ids is not None:
        query = query.where(Statistic.id.in_(list(ids)))
    if limit is not None:
        query = query.limit(limit)
    result = []
    # the names repeat (a few measures, claimants and places, several claims a source): one string
    # each, not one a row, as the statistics pane holds every claim of the archive
    same: dict[Any, Any] = {}
    one = same.setdefault
    for (stat_id, uuid, value, low, high, approximate, measure_, unit, subject, period_start, start_precision,
         period_end, end_precision, place_id_, claimant_id_, source_id_, annotation_id, confidence, dataset,
         notes, version, place_name, claimant_name, title, page_starts, start, end, quote) in session.execute(
            # fetched and turned into rows a chunk at a time: all at once, 100,000 claims passed
            # through some 60 MB of raw rows, freed after but leaving Python's arenas held
            query.execution_options(yield_per=2000)):
        starts = tuple(page_starts) if page_starts and len(page_starts) > 1 else ()
        result.append(same_or_new(
            StatisticRow(
                id=stat_id,
                uuid=uuid,
                value=value,
                low=low,
                high=high,
                approximate=bool(approximate),
                measure=one(measure_, measure_),
                unit=one(unit, unit),
                subject=one(subject, subject),
                period_start=partial(period_start, start_precision),
                period_end=partial(period_end, end_precision),
                place=one(place_name, place_name),
                place_id=place_id_,
                claimant=one(claimant_name, claimant_name),
                claimant_id=claimant_id_,
                source_id=source_id_,
                source_title=one(title, title),
                annotation_id=annotation_id,
                start=start,
                end=end,
                quote=quote,
                confidence=confidence,
                dataset=one(dataset, dataset),
                notes=notes,
                page=page_of(starts, start) if start is not None and starts else None,
                version=version,
            ), known))
    return result


def counts(session: Session) -> ArchiveCounts:
    """How many of each the archive holds. ``count(*)``, not ``count(id)``: SQLite counts a whole
    table from its smallest b-tree only for the first (a million sources: 8 ms against 390)."""
    def rows(table: type[Any]) -> int:
        return session.scalar(select(func.count()).select_from(table)) or 0

    return ArchiveCounts(sources=rows(Source), actors=rows(Actor), statistics=rows(Statistic),
                         annotations=rows(Annotation))


def sources_by_sha256(session: Session, digests: Sequence[str]) -> dict[str, int]:
    """For each digest already in the archive, the id of (one of) its sources."""
    found: dict[str, int] = {}
    for chunk in in_chunks(digests):
        for digest, source_id in session.execute(
            select(Source.sha256, func.min(Source.id)).where(Source.sha256.in_(chunk)).group_by(Source.sha256)
        ):
            if digest is not None:
                found[digest] = source_id
    return found
