"""Who is tied to whom: actors as nodes, edges from the relations recorded between them (typed,
dated) and from co-mentions (two actors named in the same sentence, or the same source), weighted
by how many sentences or sources name them together, each edge with its evidence.

Co-mentions in a sentence need the sentences of every source that names two actors close
together; :func:`network` reads those texts in chunks and takes ``report``/``cancelled``
callbacks, as a long job does.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from sqlalchemy import String, and_, or_, select, type_coerce
from sqlalchemy.orm import Session

from db.dates import PartialDate, from_columns
from db.models import Actor, Annotation, Mention, Relation, Source
from db.queries import in_chunks
from db.text import sentences

CoMentions = Literal["sentence", "source", "none"]
EdgeKind = Literal["relation", "sentence", "source"]
#: two mentions further apart than this (code points) are never in one sentence: their source's
#: text is not split into sentences for them
SENTENCE_REACH = 1500
#: a sentence naming more actors than this is a list or a table, not a tie between them (nor is a
#: source naming more than MOST_IN_A_SOURCE): it adds no co-mentions, and the network says so
MOST_IN_A_SENTENCE = 40
MOST_IN_A_SOURCE = 250
#: at most this many co-mention ties are shown, the strongest (a window must draw them)
MOST_TIES = 20_000


@dataclass(frozen=True)
class NetworkFilter:
    """Which actors and ties the network shows."""

    #: sources published in the period, relations that overlap it (None: open)
    start: dt.date | None = None
    end: dt.date | None = None
    #: actor kinds shown (empty: every kind)
    kinds: frozenset[str] = frozenset()
    #: co-mention edges named together fewer times than this are left out (relations never are)
    min_weight: int = 1
    co_mentions: CoMentions = "sentence"


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    kind: str
    #: sources that mention the actor (in the filter's period)
    sources: int = 0


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    kind: EdgeKind
    #: sentences or sources naming both; 1 for a relation
    weight: int = 1
    #: the relation's predicate ("leader of"); empty for co-mentions
    label: str = ""
    relation_id: int | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    #: co-mention edges dropped by the minimum weight, or past MOST_TIES
    hidden: int = 0
    #: sentences (or sources) naming too many actors to tie them (lists, tables)
    crowded: int = 0


@dataclass(frozen=True)
class Evidence:
    """A passage that ties two actors: an annotation (a relation's evidence, a mention) in a source."""

    source_id: int
    title: str
    published: PartialDate | None
    start: int | None
    end: int | None
    quote: str


@dataclass
class _Mentions:
    """Mentions by source: (actor, start, end) in text order."""

    by_source: dict[int, list[tuple[int, int, int]]] = field(default_factory=lambda: defaultdict(list))


def _published_in(where: NetworkFilter) -> list[Any]:
    published = type_coerce(Source.published, String)
    conditions = []
    if where.start is not None:
        conditions.append(published >= where.start.isoformat())
    if where.end is not None:
        conditions.append(published <= where.end.isoformat())
    return conditions


def _mentions(session: Session, where: NetworkFilter, kept: set[int]) -> _Mentions:
    query = (select(Annotation.source_id, Mention.actor_id, Annotation.start, Annotation.end)
             .join(Annotation, Annotation.id == Mention.annotation_id)
             .where(Annotation.orphaned.is_(False)))
    period = _published_in(where)
    if period:
        query = query.join(Source, Source.id == Annotation.source_id).where(and_(*period))
    found = _Mentions()
    for source_id, actor_id, start, end in session.execute(query.order_by(Annotation.source_id, Annotation.start)):
        if actor_id in kept:
            found.by_source[source_id].append((actor_id, start, end))
    return found


def _close_pairs(mentions: list[tuple[int, int, int]]) -> bool:
    """Whether two different actors are named within :data:`SENTENCE_REACH` of each other."""
    for i, (actor, _start, end) in enumerate(mentions):
        for other, start, _end in mentions[i + 1:]:
            if start - end > SENTENCE_REACH:
                break
            if other != actor:
                return True
    return False


def _sentence_pairs(session: Session, mentions: _Mentions, report: Callable[[int, int, str], None],
                    cancelled: Callable[[], bool]) -> tuple[Counter[tuple[int, int]], int]:
    wanted = [s for s, found in mentions.by_source.items() if _close_pairs(found)]
    pairs: Counter[tuple[int, int]] = Counter()
    crowded = 0
    done = 0
    for chunk in in_chunks(wanted, 200):
        if cancelled():
            break
        for source_id, text in session.execute(select(Source.id, Source.text).where(Source.id.in_(chunk))):
            starts = [s for s, _e in sentences(text or "")]
            in_sentence: dict[int, set[int]] = defaultdict(set)
            for actor_id, start, _end in mentions.by_source[source_id]:
                in_sentence[bisect_right(starts, start)].add(actor_id)
            for actors in in_sentence.values():
                if len(actors) > MOST_IN_A_SENTENCE:
                    crowded += 1
                else:
                    pairs.update(combinations(sorted(actors), 2))
        done += len(chunk)
        report(done, len(wanted), "sentences")
    return pairs, crowded


def _source_pairs(mentions: _Mentions) -> tuple[Counter[tuple[int, int]], int]:
    pairs: Counter[tuple[int, int]] = Counter()
    crowded = 0
    for found in mentions.by_source.values():
        actors = {m[0] for m in found}
        if len(actors) > MOST_IN_A_SOURCE:
            crowded += 1
        else:
            pairs.update(combinations(sorted(actors), 2))
    return pairs, crowded


def _relations(session: Session, where: NetworkFilter, kept: set[int]) -> list[Edge]:
    r = Relation
    rows = session.execute(select(r.id, r.subject_id, r.object_id, r.predicate, type_coerce(r.start, String),
                                  r.start_precision, type_coerce(r.end, String), r.end_precision).order_by(r.id))
    edges = []
    for relation_id, a, b, predicate, start, start_p, end, end_p in rows:
        if a not in kept or b not in kept:
            continue
        began, ended = from_columns(start, start_p), from_columns(end, end_p)
        # a relation shows when it may overlap the period: it did not end before, nor begin after
        if where.start is not None and ended is not None and ended.last_day() < where.start:
            continue
        if where.end is not None and began is not None and began.first_day() > where.end:
            continue
        edges.append(Edge(a, b, "relation", 1, predicate, relation_id, began, ended))
    return edges


def network(session: Session, where: NetworkFilter | None = None, *,
            report: Callable[[int, int, str], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Network:
    """The actors the filter keeps that have a tie, and their ties."""
    where = where or NetworkFilter()
    report = report or (lambda _done, _total, _what: None)
    cancelled = cancelled or (lambda: False)
    query = select(Actor.id, Actor.name, Actor.kind)
    if where.kinds:
        query = query.where(Actor.kind.in_(sorted(where.kinds)))
    actors = {i: (name, kind) for i, name, kind in session.execute(query)}
    kept = set(actors)
    edges = _relations(session, where, kept)
    mentions = _mentions(session, where, kept)
    hidden = crowded = 0
    if where.co_mentions != "none":
        pairs, crowded = (_sentence_pairs(session, mentions, report, cancelled) if where.co_mentions == "sentence"
                          else _source_pairs(mentions))
        strong = sorted(((pair, weight) for pair, weight in pairs.items() if weight >= where.min_weight),
                        key=lambda item: (-item[1], item[0]))
        hidden = len(pairs) - min(len(strong), MOST_TIES)
        edges.extend(Edge(a, b, where.co_mentions, weight) for (a, b), weight in sorted(strong[:MOST_TIES]))
    sources: Counter[int] = Counter()
    for found in mentions.by_source.values():
        sources.update({m[0] for m in found})
    tied = {e.a for e in edges} | {e.b for e in edges}
    nodes = [Node(i, actors[i][0], actors[i][1], sources[i]) for i in sorted(tied)]
    return Network(nodes, edges, hidden, crowded)


def _source_row(session: Session, source_ids: Iterable[int]) -> dict[int, tuple[str, PartialDate | None]]:
    rows = session.execute(select(Source.id, Source.title, type_coerce(Source.published, String),
                                  Source.published_precision).where(Source.id.in_(sorted(set(source_ids)))))
    return {i: (title or f"Source {i}", from_columns(p, pp)) for i, title, p, pp in rows}


def evidence(session: Session, edge: Edge, where: NetworkFilter | None = None, limit: int = 200) -> list[Evidence]:
    """What ties the two actors of ``edge``: a relation's evidence annotation, or for a
    co-mention the sentences (or sources) that name both, at most ``limit``, newest first."""
    where = where or NetworkFilter()
    if edge.kind == "relation":
        row = session.execute(
            select(Annotation.source_id, Annotation.start, Annotation.end, Annotation.quote)
            .join(Relation, Relation.evidence_annotation_id == Annotation.id)
            .where(Relation.id == edge.relation_id)).first()
        if row is None:
            return []
        title, published = _source_row(session, [row[0]])[row[0]]
        return [Evidence(row[0], title, published, row[1], row[2], row[3])]
    pair = (edge.a, edge.b)
    mentions = _Mentions()
    query = (select(Annotation.source_id, Mention.actor_id, Annotation.start, Annotation.end)
             .join(Annotation, Annotation.id == Mention.annotation_id)
             .where(Annotation.orphaned.is_(False), or_(Mention.actor_id == edge.a, Mention.actor_id == edge.b)))
    period = _published_in(where)
    if period:
        query = query.join(Source, Source.id == Annotation.source_id).where(and_(*period))
    for source_id, actor_id, start, end in session.execute(query.order_by(Annotation.source_id, Annotation.start)):
        mentions.by_source[source_id].append((actor_id, start, end))
    both = [s for s, found in mentions.by_source.items() if {m[0] for m in found} >= set(pair)]
    sources = _source_row(session, both)
    found: list[Evidence] = []
    if edge.kind == "source":
        for source_id in both:
            title, published = sources[source_id]
            found.append(Evidence(source_id, title, published, None, None, title))
    else:
        for chunk in in_chunks(both, 200):
            for source_id, text in session.execute(select(Source.id, Source.text).where(Source.id.in_(chunk))):
                found.extend(_sentences_naming(source_id, text or "", mentions.by_source[source_id], pair,
                                               sources[source_id]))
    found.sort(key=lambda e: (e.published.first_day() if e.published else dt.date.min), reverse=True)
    return found[:limit]


def _sentences_naming(source_id: int, text: str, mentions: Sequence[tuple[int, int, int]], pair: tuple[int, int],
                      source: tuple[str, PartialDate | None]) -> list[Evidence]:
    spans = list(sentences(text))
    starts = [s for s, _e in spans]
    by_sentence: dict[int, set[int]] = defaultdict(set)
    for actor_id, start, _end in mentions:
        by_sentence[bisect_right(starts, start) - 1].add(actor_id)
    title, published = source
    return [Evidence(source_id, title, published, spans[i][0], spans[i][1], text[spans[i][0]:spans[i][1]])
            for i, actors in sorted(by_sentence.items()) if i >= 0 and actors >= set(pair)]
