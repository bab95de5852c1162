"""An actor's record: everything known about it, its relations, and editing it as a whole.

Writes take the caller's Session (one unit of work) and return what undoes them:
:func:`update_relation` and :func:`delete_relation` return the relation as it was, which
:func:`restore_relation` puts back; :func:`actor_state` is an editor's before (and after) that
:func:`apply_actor_state` makes true.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import new_uuid
from db.commands import CommandError, add_alias
from db.dates import PartialDate
from db.models import Actor, Annotation, Mention, Relation, Source
from db.queries import list_statistics, source_rows
from db.rows import SourceRow, StatisticRow, partial
from db.text import fold
from db.vocabulary import ActorKind

# --- reading an actor ------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasRow:
    id: int
    name: str
    language: str | None


@dataclass(frozen=True)
class RelationRow:
    """A relation seen from one actor: ``outgoing`` when that actor is the subject."""

    id: int
    uuid: str
    subject_id: int
    subject: str
    predicate: str
    object_id: int
    object: str
    start: PartialDate | None
    end: PartialDate | None
    evidence_annotation_id: int | None
    evidence_source_id: int | None
    evidence_quote: str | None
    notes: str | None
    outgoing: bool

    def other(self) -> tuple[int, str]:
        """The actor at the other end (id, name)."""
        return (self.object_id, self.object) if self.outgoing else (self.subject_id, self.subject)

    def describe(self) -> str:
        dates = _describe_period(self.start, self.end)
        return f"{self.subject} {self.predicate} {self.object}{dates}"


def _describe_period(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None and end is None:
        return ""
    if end is None:
        return f" (from {start})"
    if start is None:
        return f" (until {end})"
    return f" ({start})" if start == end else f" ({start} to {end})"


@dataclass(frozen=True)
class MentioningSource:
    source: SourceRow
    mentions: int


@dataclass(frozen=True)
class ActorDetail:
    """Everything the archive knows about one actor."""

    id: int
    uuid: str
    name: str
    kind: str
    description: str | None
    notes: str | None
    aliases: tuple[AliasRow, ...]
    relations: tuple[RelationRow, ...]
    sources: tuple[MentioningSource, ...]
    #: sources whose outlet the actor is
    outlet_of: tuple[SourceRow, ...]
    statistics_as_place: tuple[StatisticRow, ...]
    statistics_as_claimant: tuple[StatisticRow, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *(a.name for a in self.aliases))


def relations_of(session: Session, actor_id: int) -> list[RelationRow]:
    """The actor's relations in both directions, with dates and the evidence quote."""
    names = dict(session.execute(select(Actor.id, Actor.name)).all())
    query = (
        select(Relation, Annotation.source_id, Annotation.quote)
        .outerjoin(Annotation, Annotation.id == Relation.evidence_annotation_id)
        .where((Relation.subject_id == actor_id) | (Relation.object_id == actor_id))
        .order_by(Relation.start.is_(None), Relation.start, Relation.id)
    )
    rows = []
    for relation, source_id, quote in session.execute(query):
        rows.append(
            RelationRow(
                id=relation.id,
                uuid=relation.uuid,
                subject_id=relation.subject_id,
                subject=names.get(relation.subject_id, "?"),
                predicate=relation.predicate,
                object_id=relation.object_id,
                object=names.get(relation.object_id, "?"),
                start=partial(relation.start, relation.start_precision),
                end=partial(relation.end, relation.end_precision),
                evidence_annotation_id=relation.evidence_annotation_id,
                evidence_source_id=source_id,
                evidence_quote=quote,
                notes=relation.notes,
                outgoing=relation.subject_id == actor_id,
            )
        )
    return rows


def actor_detail(session: Session, actor_id: int) -> ActorDetail | None:
    """The actor with aliases, relations, the sources that mention it and its statistics."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        return None
    mention_counts = session.execute(
        select(Annotation.source_id, func.count(Mention.id))
        .join(Mention, Mention.annotation_id == Annotation.id)
        .where(Mention.actor_id == actor_id)
        .group_by(Annotation.source_id)
    ).all()
    counts = dict(mention_counts)
    mentioning = source_rows(session, sorted(counts))
    outlet_ids = list(session.scalars(select(Source.id).where(Source.outlet_id == actor_id)))
    return ActorDetail(
        id=actor.id,
        uuid=actor.uuid,
        name=actor.name,
        kind=actor.kind,
        description=actor.description,
        notes=actor.notes,
        aliases=tuple(AliasRow(a.id, a.name, a.language) for a in actor.aliases),
        relations=tuple(relations_of(session, actor_id)),
        sources=tuple(MentioningSource(row, counts[row.id]) for row in mentioning),
        outlet_of=tuple(source_rows(session, outlet_ids)),
        statistics_as_place=tuple(list_statistics(session, place_id=actor_id)),
        statistics_as_claimant=tuple(list_statistics(session, claimant_id=actor_id)),
    )


# --- relations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelationData:
    """A relation as plain values: what an editor changes and what undo puts back."""

    subject_id: int
    predicate: str
    object_id: int
    start: PartialDate | None = None
    end: PartialDate | None = None
    evidence_annotation_id: int | None = None
    notes: str | None = None
    #: kept so that a relation deleted and restored is the same relation
    uuid: str = field(default_factory=new_uuid)
    id: int | None = None


def _relation_data(relation: Relation) -> RelationData:
    return RelationData(
        subject_id=relation.subject_id,
        predicate=relation.predicate,
        object_id=relation.object_id,
        start=partial(relation.start, relation.start_precision),
        end=partial(relation.end, relation.end_precision),
        evidence_annotation_id=relation.evidence_annotation_id,
        notes=relation.notes,
        uuid=relation.uuid,
        id=relation.id,
    )


def _check_relation(data: RelationData) -> None:
    if data.subject_id == data.object_id:
        raise CommandError("an actor cannot be in a relation with itself")
    if not data.predicate.strip():
        raise CommandError("a relation needs a predicate, such as 'member of'")
    if data.start is not None and data.end is not None and data.end.last_day() < data.start.first_day():
        raise CommandError(f"the relation ends ({data.end}) before it starts ({data.start})")


def _write_relation(relation: Relation, data: RelationData) -> None:
    relation.subject_id = data.subject_id
    relation.predicate = " ".join(data.predicate.split())
    relation.object_id = data.object_id
    relation.start = data.start.first_day() if data.start else None
    relation.start_precision = data.start.precision.value if data.start else None
    relation.end = data.end.first_day() if data.end else None
    relation.end_precision = data.end.precision.value if data.end else None
    relation.evidence_annotation_id = data.evidence_annotation_id
    relation.notes = data.notes


def update_relation(session: Session, relation_id: int, data: RelationData) -> RelationData:
    """Change a relation (actors, predicate, dates, evidence, notes); returns the previous values."""
    relation = session.get(Relation, relation_id)
    if relation is None:
        raise CommandError(f"no relation {relation_id}")
    _check_relation(data)
    before = _relation_data(relation)
    _write_relation(relation, data)
    session.flush()
    return before


def delete_relation(session: Session, relation_id: int) -> RelationData:
    """Delete a relation; returns it so :func:`restore_relation` can put it back."""
    relation = session.get(Relation, relation_id)
    if relation is None:
        raise CommandError(f"no relation {relation_id}")
    data = _relation_data(relation)
    session.delete(relation)
    session.flush()
    return data


def restore_relation(session: Session, data: RelationData) -> int:
    """Create (or re-create, with its old id and UUID when free) a relation; returns its id."""
    _check_relation(data)
    relation = Relation(uuid=data.uuid)
    if data.id is not None and session.get(Relation, data.id) is None:
        relation.id = data.id
    _write_relation(relation, data)
    session.add(relation)
    session.flush()
    return relation.id


# --- editing an actor as a whole -------------------------------------------------------------


@dataclass(frozen=True)
class ActorState:
    """An actor's editable fields, aliases and relations: an editor's before and after."""

    name: str
    kind: str
    description: str | None = None
    notes: str | None = None
    #: (alias, language)
    aliases: tuple[tuple[str, str | None], ...] = ()
    relations: tuple[RelationData, ...] = ()


def actor_state(session: Session, actor_id: int) -> ActorState:
    """The actor's record as it is (relations in the order they were made)."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise CommandError(f"no actor {actor_id}")
    relations = session.scalars(
        select(Relation)
        .where((Relation.subject_id == actor_id) | (Relation.object_id == actor_id))
        .order_by(Relation.id)
    )
    return ActorState(
        name=actor.name,
        kind=actor.kind,
        description=actor.description,
        notes=actor.notes,
        aliases=tuple((a.name, a.language) for a in actor.aliases),
        relations=tuple(_relation_data(r) for r in relations),
    )


def apply_actor_state(session: Session, actor_id: int, state: ActorState) -> None:
    """Make the actor look like ``state``: fields, aliases and relations (matched by UUID)."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise CommandError(f"no actor {actor_id}")
    name = " ".join(state.name.split())
    if not name:
        raise CommandError("an actor needs a name")
    try:
        kind = ActorKind(state.kind).value
    except ValueError as error:
        raise CommandError(f"unknown kind of actor {state.kind!r}") from error
    actor.name, actor.kind = name, kind
    actor.description = state.description or None
    actor.notes = state.notes or None
    # Aliases: replace the set, keeping rows whose name did not change (their ids and UUIDs).
    wanted = {fold(a): (a, lang) for a, lang in state.aliases if a.strip()}
    for alias in list(actor.aliases):
        key = fold(alias.name)
        if key in wanted and key != fold(name):
            alias.language = wanted.pop(key)[1]
        else:
            session.delete(alias)
    session.flush()
    session.expire(actor, ["aliases"])
    for alias_name, language in wanted.values():
        add_alias(session, actor_id, alias_name, language)
    # Relations touching this actor: delete the ones no longer wanted, update or create the rest.
    for data in state.relations:
        if actor_id not in (data.subject_id, data.object_id):
            raise CommandError("a relation in the actor's record must involve the actor")
    wanted_relations = {r.uuid: r for r in state.relations}
    existing = session.scalars(
        select(Relation).where((Relation.subject_id == actor_id) | (Relation.object_id == actor_id))
    ).all()
    for relation in existing:
        if relation.uuid not in wanted_relations:
            session.delete(relation)
            continue
        data = wanted_relations.pop(relation.uuid)
        _check_relation(data)
        _write_relation(relation, data)
    for data in wanted_relations.values():
        by_uuid = session.scalar(select(Relation).where(Relation.uuid == data.uuid))
        if by_uuid is not None:
            _check_relation(data)
            _write_relation(by_uuid, data)
        else:
            restore_relation(session, data)
    session.flush()


__all__ = [
    "ActorDetail",
    "ActorState",
    "AliasRow",
    "MentioningSource",
    "RelationData",
    "RelationRow",
    "actor_detail",
    "actor_state",
    "apply_actor_state",
    "delete_relation",
    "relations_of",
    "restore_relation",
    "update_relation",
]
