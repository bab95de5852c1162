"""The actor registry: an actor's full record, relations, likely duplicates, merging and undoing.

Every write takes the caller's Session (one unit of work) and returns what is needed to undo it:
:func:`merge_actors` returns a :class:`MergeRecord` that :func:`unmerge` reverses,
:func:`remove_actor` an :class:`ActorSnapshot` that :func:`restore_actor` puts back, and
:func:`actor_state`/:func:`apply_actor_state` give an editor's before and after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from db.base import new_uuid
from db.commands import CommandError, add_alias
from db.dates import PartialDate
from db.models import Actor, Alias, Annotation, Mention, Relation, Source, Statistic
from db.queries import SourceRow, StatisticRow, list_statistics, partial, source_rows
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


def relation_data(session: Session, relation_id: int) -> RelationData:
    relation = session.get(Relation, relation_id)
    if relation is None:
        raise CommandError(f"no relation {relation_id}")
    return _relation_data(relation)


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


def _actor_with_relations(session: Session, actor_id: int) -> tuple[Actor, list[Relation]]:
    """An actor and every relation it is in, either side, in the order they were made."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise CommandError(f"no actor {actor_id}")
    relations = session.scalars(
        select(Relation)
        .where((Relation.subject_id == actor_id) | (Relation.object_id == actor_id))
        .order_by(Relation.id)
    ).all()
    return actor, list(relations)


def actor_state(session: Session, actor_id: int) -> ActorState:
    actor, relations = _actor_with_relations(session, actor_id)
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


# --- removing and restoring an actor ---------------------------------------------------------


@dataclass(frozen=True)
class ActorSnapshot:
    """An actor and everything that pointed at it, enough to put it back after a delete."""

    id: int
    uuid: str
    name: str
    kind: str
    description: str | None
    notes: str | None
    created_at: dt.datetime
    created_by: str | None
    #: (id, uuid, name, language)
    aliases: tuple[tuple[int, str, str, str | None], ...]
    #: (id, uuid, annotation id)
    mentions: tuple[tuple[int, str, int], ...]
    relations: tuple[RelationData, ...]
    place_of: tuple[int, ...]
    claimant_of: tuple[int, ...]
    outlet_of: tuple[int, ...]


def _snapshot(session: Session, actor_id: int) -> ActorSnapshot:
    actor, relations = _actor_with_relations(session, actor_id)
    return ActorSnapshot(
        id=actor.id,
        uuid=actor.uuid,
        name=actor.name,
        kind=actor.kind,
        description=actor.description,
        notes=actor.notes,
        created_at=actor.created_at,
        created_by=actor.created_by,
        aliases=tuple((a.id, a.uuid, a.name, a.language) for a in actor.aliases),
        mentions=tuple(
            session.execute(
                select(Mention.id, Mention.uuid, Mention.annotation_id).where(
                    Mention.actor_id == actor_id
                )
            )
        ),
        relations=tuple(_relation_data(r) for r in relations),
        place_of=tuple(session.scalars(select(Statistic.id).where(Statistic.place_id == actor_id))),
        claimant_of=tuple(
            session.scalars(select(Statistic.id).where(Statistic.claimant_id == actor_id))
        ),
        outlet_of=tuple(session.scalars(select(Source.id).where(Source.outlet_id == actor_id))),
    )


def remove_actor(session: Session, actor_id: int) -> ActorSnapshot:
    """Delete an actor (its aliases, mentions and relations go with it); returns the snapshot."""
    snapshot = _snapshot(session, actor_id)
    _delete_actor_row(session, actor_id)
    return snapshot


def _delete_actor_row(session: Session, actor_id: int) -> None:
    # Rows the database deletes by cascade must leave the session too, or a restored row that
    # gets the same id would clash with the stale object.
    for obj in list(session.identity_map.values()):
        if (
            (isinstance(obj, Alias | Mention) and obj.actor_id == actor_id)
            or (isinstance(obj, Relation) and actor_id in (obj.subject_id, obj.object_id))
            or (isinstance(obj, Actor) and obj.id == actor_id)
        ):
            session.expunge(obj)
    # Outlet links first: the search index trigger reads the outlet's name as it goes.
    session.execute(update(Source).where(Source.outlet_id == actor_id).values(outlet_id=None))
    session.execute(update(Statistic).where(Statistic.place_id == actor_id).values(place_id=None))
    session.execute(
        update(Statistic).where(Statistic.claimant_id == actor_id).values(claimant_id=None)
    )
    session.execute(delete(Actor).where(Actor.id == actor_id))
    session.flush()


def _restore_actor_row(session: Session, snapshot: ActorSnapshot) -> int:
    actor = Actor(
        uuid=snapshot.uuid,
        name=snapshot.name,
        kind=snapshot.kind,
        description=snapshot.description,
        notes=snapshot.notes,
        created_at=snapshot.created_at,
        created_by=snapshot.created_by,
    )
    if session.scalar(select(Actor.id).where(Actor.id == snapshot.id)) is None:
        actor.id = snapshot.id
    session.add(actor)
    session.flush()
    taken = set(
        session.scalars(select(Alias.id).where(Alias.id.in_([a[0] for a in snapshot.aliases])))
    )
    for alias_id, uuid, name, language in snapshot.aliases:
        alias = Alias(uuid=uuid, actor_id=actor.id, name=name, language=language)
        if alias_id not in taken:
            alias.id = alias_id
        session.add(alias)
    session.flush()
    return actor.id


def _point_statistics(session: Session, snapshot: ActorSnapshot, actor_id: int) -> None:
    if snapshot.place_of:
        session.execute(
            update(Statistic).where(Statistic.id.in_(snapshot.place_of)).values(place_id=actor_id)
        )
    if snapshot.claimant_of:
        session.execute(
            update(Statistic)
            .where(Statistic.id.in_(snapshot.claimant_of))
            .values(claimant_id=actor_id)
        )
    if snapshot.outlet_of:
        session.execute(
            update(Source).where(Source.id.in_(snapshot.outlet_of)).values(outlet_id=actor_id)
        )


def restore_actor(session: Session, snapshot: ActorSnapshot) -> int:
    """Put back an actor removed by :func:`remove_actor`, with its id when still free."""
    actor_id = _restore_actor_row(session, snapshot)
    existing_annotations = set(
        session.scalars(
            select(Annotation.id).where(Annotation.id.in_([m[2] for m in snapshot.mentions]))
        )
    )
    taken = set(
        session.scalars(select(Mention.id).where(Mention.id.in_([m[0] for m in snapshot.mentions])))
    )
    for mention_id, uuid, annotation_id in snapshot.mentions:
        if annotation_id in existing_annotations:
            mention = Mention(uuid=uuid, annotation_id=annotation_id, actor_id=actor_id)
            if mention_id not in taken:
                mention.id = mention_id
            session.add(mention)
    session.flush()
    for data in snapshot.relations:
        restore_relation(session, _remap(data, snapshot.id, actor_id))
    _point_statistics(session, snapshot, actor_id)
    session.flush()
    return actor_id


def _remap(data: RelationData, old: int, new: int) -> RelationData:
    return replace(
        data,
        subject_id=new if data.subject_id == old else data.subject_id,
        object_id=new if data.object_id == old else data.object_id,
    )


# --- merging ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeRecord:
    """What :func:`merge_actors` changed, so that :func:`unmerge` can reverse it exactly."""

    survivor_id: int
    merged: ActorSnapshot
    #: the survivor's description and notes before the merge (the merged actor's fill gaps)
    survivor_description: str | None
    survivor_notes: str | None
    #: aliases created on the survivor (the merged actor's name and aliases), by UUID
    new_alias_uuids: tuple[str, ...]
    #: mentions moved to the survivor, by UUID
    moved_mentions: tuple[str, ...]
    #: relations moved to the survivor (UUIDs); relations between the two are dropped and restored
    moved_relations: tuple[str, ...]
    dropped_relations: tuple[str, ...]

    @property
    def merged_name(self) -> str:
        return self.merged.name


def merge_actors(session: Session, survivor_id: int, merged_id: int) -> MergeRecord:
    """Fold ``merged_id`` into ``survivor_id`` and delete it.

    The merged actor's name and aliases become aliases of the survivor; its mentions, relations,
    statistics (as place or claimant) and sources (as outlet) move to the survivor. The
    survivor's empty description or notes are filled from the merged actor's.
    """
    if survivor_id == merged_id:
        raise CommandError("an actor cannot be merged with itself")
    survivor = session.get(Actor, survivor_id)
    if survivor is None:
        raise CommandError(f"no actor {survivor_id}")
    snapshot = _snapshot(session, merged_id)
    before_description, before_notes = survivor.description, survivor.notes
    if not survivor.description and snapshot.description:
        survivor.description = snapshot.description
    if not survivor.notes and snapshot.notes:
        survivor.notes = snapshot.notes
    elif snapshot.notes and snapshot.notes != survivor.notes:
        survivor.notes = f"{survivor.notes}\n\n{snapshot.name}: {snapshot.notes}"

    new_aliases: list[str] = []
    for name, language in [(snapshot.name, None), *((n, lang) for _i, _u, n, lang in snapshot.aliases)]:
        alias_id = add_alias(session, survivor_id, name, language)
        if alias_id is not None:
            alias = session.get(Alias, alias_id)
            assert alias is not None
            new_aliases.append(alias.uuid)

    session.execute(update(Mention).where(Mention.actor_id == merged_id).values(actor_id=survivor_id))
    moved_relations: list[str] = []
    dropped_relations: list[str] = []
    for data in snapshot.relations:
        other = {data.subject_id, data.object_id} - {merged_id}
        if other == {survivor_id}:
            dropped_relations.append(data.uuid)
            session.execute(delete(Relation).where(Relation.uuid == data.uuid))
        else:
            moved_relations.append(data.uuid)
            moved = _remap(data, merged_id, survivor_id)
            session.execute(
                update(Relation)
                .where(Relation.uuid == data.uuid)
                .values(subject_id=moved.subject_id, object_id=moved.object_id)
            )
    _point_statistics(session, snapshot, survivor_id)
    session.flush()
    _delete_actor_row(session, merged_id)
    return MergeRecord(
        survivor_id=survivor_id,
        merged=snapshot,
        survivor_description=before_description,
        survivor_notes=before_notes,
        new_alias_uuids=tuple(new_aliases),
        moved_mentions=tuple(u for _i, u, _a in snapshot.mentions),
        moved_relations=tuple(moved_relations),
        dropped_relations=tuple(dropped_relations),
    )


def unmerge(session: Session, record: MergeRecord) -> int:
    """Reverse a merge: the merged actor comes back with everything that was its own.

    Returns the merged actor's id (its old id when still free).
    """
    survivor = session.get(Actor, record.survivor_id)
    if survivor is None:
        raise CommandError(f"no actor {record.survivor_id}: cannot undo the merge")
    survivor.description = record.survivor_description
    survivor.notes = record.survivor_notes
    if record.new_alias_uuids:
        for alias in session.scalars(select(Alias).where(Alias.uuid.in_(record.new_alias_uuids))):
            session.delete(alias)
    session.flush()
    merged_id = _restore_actor_row(session, record.merged)
    # The mentions and relations are still the same rows (same UUIDs) on the survivor: move them
    # back rather than re-create them, so anything edited since the merge keeps its edits.
    if record.moved_mentions:
        session.execute(
            update(Mention).where(Mention.uuid.in_(record.moved_mentions)).values(actor_id=merged_id)
        )
    for data in record.merged.relations:
        if data.uuid in record.dropped_relations:
            restore_relation(session, _remap(data, record.merged.id, merged_id))
        elif data.uuid in record.moved_relations:
            values: dict[str, int] = {}
            if data.subject_id == record.merged.id:
                values["subject_id"] = merged_id
            if data.object_id == record.merged.id:
                values["object_id"] = merged_id
            session.execute(update(Relation).where(Relation.uuid == data.uuid).values(values))
    _point_statistics(session, record.merged, merged_id)
    session.flush()
    return merged_id


# --- likely duplicates -----------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,]+")
# Apostrophes transliterate a soft sign or an ayn ("Asil'derov", "Ma'ruf"): dropped, not split on.
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "the", "ibn", "bin"}
# Transliteration variants of the same sound, mostly Russian and Arabic into Latin letters.
_SPELLINGS = (
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("ij", "i"),
    ("y", "i"),
    ("kh", "h"),
    ("dzh", "j"),
    ("zh", "j"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("e", "e"),
)


def _words(name: str) -> list[str]:
    return [w for w in _SEPARATORS.split(_APOSTROPHES.sub("", fold(name))) if w]


def name_key(name: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form of a name."""
    return " ".join(_words(name))


def skeleton(name: str) -> str:
    """A rough transliteration-insensitive form: "al-Kadarskii" and "Kadarsky" both give "kadarski"."""
    words = [w for w in _words(name) if w not in _ARTICLES] or _words(name)
    result = []
    for word in words:
        for old, new in _SPELLINGS:
            word = word.replace(old, new)
        # doubled letters ("Mukhammad"/"Muhamad")
        word = re.sub(r"(.)\1+", r"\1", word)
        result.append(word)
    return " ".join(result)


def _initials_match(a: list[str], b: list[str]) -> bool:
    """"R Asilderov" and "Rustam Asilderov": same last word, the rest initials of each other."""
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1] or len(a[-1]) < 3:
        return False
    abbreviated = False
    for x, y in zip(a[:-1], b[:-1], strict=True):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            abbreviated = True
            continue
        return False
    return abbreviated


@dataclass(frozen=True)
class DuplicateCandidate:
    """Two actors that are probably the same, with the names that matched and how well (0-100)."""

    first_id: int
    first: str
    second_id: int
    second: str
    kind: str
    score: float
    first_name: str
    second_name: str
    reason: str


#: kinds that can be the same as anything (an actor saved before its kind was known)
_ANY_KIND = {ActorKind.OTHER.value}


def likely_duplicates(
    session: Session, threshold: float = 88.0, *, min_length: int = 4
) -> list[DuplicateCandidate]:
    """Pairs of actors that are probably the same, best first.

    Every name and alias of one actor is compared with every name and alias of the others: the
    same name once case, diacritics and punctuation are ignored scores 100; initials
    ("R. Asilderov") score 95; otherwise the better rapidfuzz ``token_sort_ratio`` of the folded
    names and of their transliteration skeletons (see :func:`skeleton`). Actors of different
    kinds are not paired unless one is "other". Names shorter than ``min_length`` only match
    exactly (short acronyms are too easily alike).
    """
    actors = dict(session.execute(select(Actor.id, Actor.name)).all())
    kinds = dict(session.execute(select(Actor.id, Actor.kind)).all())
    entries: list[tuple[int, str]] = [(i, n) for i, n in actors.items()]
    entries += list(session.execute(select(Alias.actor_id, Alias.name)))
    keys = [name_key(n) for _i, n in entries]
    skeletons = [skeleton(n) for _i, n in entries]
    best: dict[tuple[int, int], tuple[float, int, int, str]] = {}

    def consider(i: int, j: int, score: float, reason: str) -> None:
        a, b = entries[i][0], entries[j][0]
        if a == b or score < threshold:
            return
        ka, kb = kinds[a], kinds[b]
        if ka != kb and ka not in _ANY_KIND and kb not in _ANY_KIND:
            return
        pair = (min(a, b), max(a, b))
        if i > j:
            i, j = j, i
        if entries[i][0] != pair[0]:
            i, j = j, i
        if pair not in best or score > best[pair][0]:
            best[pair] = (score, i, j, reason)

    # Exact keys and initials by grouping (cheap); fuzzy scores by rapidfuzz's cdist in blocks.
    by_key: dict[str, list[int]] = defaultdict(list)
    by_last: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
        words = key.split()
        if len(words) >= 2:
            by_last[words[-1]].append(index)
    for group in by_key.values():
        for x in group:
            for y in group:
                if x < y:
                    consider(x, y, 100.0, "same name")
    for group in by_last.values():
        for x in group:
            for y in group:
                if x < y and _initials_match(keys[x].split(), keys[y].split()):
                    consider(x, y, 95.0, "initials")
    fuzzy = [i for i, k in enumerate(keys) if len(k) >= min_length]
    for choices, reason in (([keys[i] for i in fuzzy], "similar spelling"),
                            ([skeletons[i] for i in fuzzy], "transliteration")):
        for block_start in range(0, len(fuzzy), 500):
            block = choices[block_start : block_start + 500]
            # only the names from this block on: the pairs before it were scored already
            matrix = process.cdist(
                block, choices[block_start:], scorer=fuzz.token_sort_ratio,
                score_cutoff=threshold, dtype="float32", workers=-1,
            )
            rows, cols = matrix.nonzero()
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                x, y = fuzzy[block_start + r], fuzzy[block_start + c]
                if x < y:
                    consider(x, y, float(matrix[r, c]), reason)
    result = []
    for (a, b), (score, i, j, reason) in best.items():
        kind = kinds[a] if kinds[a] not in _ANY_KIND else kinds[b]
        result.append(
            DuplicateCandidate(
                first_id=a,
                first=actors[a],
                second_id=b,
                second=actors[b],
                kind=kind,
                score=round(score, 1),
                first_name=entries[i][1],
                second_name=entries[j][1],
                reason=reason,
            )
        )
    result.sort(key=lambda d: (-d.score, d.first.casefold(), d.second.casefold()))
    return result


def names_for(session: Session, actor_ids: Iterable[int]) -> dict[int, str]:
    ids = list(actor_ids)
    return dict(session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(ids))).all())


__all__ = [
    "ActorDetail",
    "ActorSnapshot",
    "ActorState",
    "AliasRow",
    "DuplicateCandidate",
    "MentioningSource",
    "MergeRecord",
    "RelationData",
    "RelationRow",
    "actor_detail",
    "actor_state",
    "apply_actor_state",
    "delete_relation",
    "likely_duplicates",
    "merge_actors",
    "name_key",
    "relation_data",
    "relations_of",
    "remove_actor",
    "restore_actor",
    "restore_relation",
    "skeleton",
    "unmerge",
    "update_relation",
]
