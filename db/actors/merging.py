"""Merging two records of the same actor, and taking a merge back.

:func:`merge_actors` folds one actor into another and returns a :class:`MergeRecord`;
:func:`unmerge` reverses it exactly from that record. The merged actor's row (with its aliases,
and the relations between the two, which the merge drops) comes back through
:mod:`db.snapshots` with its id, uuid and timestamps; what moved to the survivor (mentions,
relations, statistics, sources) moves back as the same rows, so edits made to them since stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db.commands import CommandError, add_alias
from db.models import Actor, Alias, Mention, Relation, Source, Statistic, Tombstone
from db.queries import in_chunks
from db.snapshots import Snapshot, capture_and_delete, restore


@dataclass(frozen=True)
class MergeRecord:
    """What :func:`merge_actors` changed, so that :func:`unmerge` can reverse it exactly."""

    survivor_id: int
    merged_id: int
    #: the merged actor as it was deleted: its row, its aliases, the relations between the two
    merged: Snapshot
    #: the survivor's description and notes before the merge (the merged actor's fill gaps)
    survivor_description: str | None
    survivor_notes: str | None
    #: aliases created on the survivor (the merged actor's name and aliases), by UUID
    new_alias_uuids: tuple[str, ...]
    #: mentions moved to the survivor, by UUID
    moved_mentions: tuple[str, ...]
    #: relations moved to the survivor: (UUID, the column that named the merged actor)
    moved_relations: tuple[tuple[str, str], ...]
    #: the statistics whose place or claimant, and the sources whose outlet, it was (ids)
    place_of: tuple[int, ...]
    claimant_of: tuple[int, ...]
    outlet_of: tuple[int, ...]


def merge_actors(session: Session, survivor_id: int, merged_id: int) -> MergeRecord:
    """Fold ``merged_id`` into ``survivor_id`` and delete it.

    The merged actor's name and aliases become aliases of the survivor; its mentions, relations,
    statistics (as place or claimant) and sources (as outlet) move to the survivor. The
    survivor's empty description or notes are filled from the merged actor's. A relation
    between the two means nothing once they are one, and goes.
    """
    if survivor_id == merged_id:
        raise CommandError("an actor cannot be merged with itself")
    survivor = session.get(Actor, survivor_id)
    if survivor is None:
        raise CommandError(f"no actor {survivor_id}")
    merged = session.get(Actor, merged_id)
    if merged is None:
        raise CommandError(f"no actor {merged_id}")
    before_description, before_notes = survivor.description, survivor.notes
    merged_uuid, survivor_uuid = merged.uuid, survivor.uuid
    if not survivor.description and merged.description:
        survivor.description = merged.description
    if not survivor.notes and merged.notes:
        survivor.notes = merged.notes
    elif merged.notes and merged.notes != survivor.notes:
        survivor.notes = f"{survivor.notes}\n\n{merged.name}: {merged.notes}"

    new_aliases: list[str] = []
    for name, language in [(merged.name, None), *((a.name, a.language) for a in merged.aliases)]:
        alias_id = add_alias(session, survivor_id, name, language)
        if alias_id is not None:
            alias = session.get(Alias, alias_id)
            assert alias is not None
            new_aliases.append(alias.uuid)

    mentions = tuple(session.scalars(select(Mention.uuid).where(Mention.actor_id == merged_id)))
    session.execute(update(Mention).where(Mention.actor_id == merged_id).values(actor_id=survivor_id))
    moved_relations: list[tuple[str, str]] = []
    for uuid, subject_id, object_id in session.execute(
        select(Relation.uuid, Relation.subject_id, Relation.object_id)
        .where((Relation.subject_id == merged_id) | (Relation.object_id == merged_id))
        .order_by(Relation.id)
    ).all():
        if {subject_id, object_id} - {merged_id} == {survivor_id}:
            continue  # between the two: deleted with the merged actor (and kept in its snapshot)
        column = "subject_id" if subject_id == merged_id else "object_id"
        session.execute(update(Relation).where(Relation.uuid == uuid).values({column: survivor_id}))
        moved_relations.append((uuid, column))
    place_of = tuple(session.scalars(select(Statistic.id).where(Statistic.place_id == merged_id)))
    claimant_of = tuple(
        session.scalars(select(Statistic.id).where(Statistic.claimant_id == merged_id))
    )
    outlet_of = tuple(session.scalars(select(Source.id).where(Source.outlet_id == merged_id)))
    _point(session, place_of, claimant_of, outlet_of, survivor_id)
    session.flush()
    snapshot = capture_and_delete(session, [("actors", merged_id)])
    # the deletion's tombstone says where the actor went: merging archives follows it
    session.execute(update(Tombstone).where(Tombstone.uuid == merged_uuid).values(replaced_by=survivor_uuid))
    return MergeRecord(
        survivor_id=survivor_id,
        merged_id=merged_id,
        merged=snapshot,
        survivor_description=before_description,
        survivor_notes=before_notes,
        new_alias_uuids=tuple(new_aliases),
        moved_mentions=mentions,
        moved_relations=tuple(moved_relations),
        place_of=place_of,
        claimant_of=claimant_of,
        outlet_of=outlet_of,
    )


def _point(
    session: Session,
    place_of: tuple[int, ...],
    claimant_of: tuple[int, ...],
    outlet_of: tuple[int, ...],
    actor_id: int,
) -> None:
    """Make ``actor_id`` the place, claimant or outlet of these statistics and sources."""
    for model, column, ids in (
        (Statistic, "place_id", place_of),
        (Statistic, "claimant_id", claimant_of),
        (Source, "outlet_id", outlet_of),
    ):
        for chunk in in_chunks(ids):
            session.execute(update(model).where(model.id.in_(chunk)).values({column: actor_id}))


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
        session.execute(delete(Alias).where(Alias.uuid.in_(record.new_alias_uuids)))
    session.flush()
    moved = restore(session, record.merged)
    merged_id = moved.get(("actors", record.merged_id), record.merged_id)
    for chunk in in_chunks(record.moved_mentions):
        session.execute(update(Mention).where(Mention.uuid.in_(chunk)).values(actor_id=merged_id))
    for uuid, column in record.moved_relations:
        session.execute(update(Relation).where(Relation.uuid == uuid).values({column: merged_id}))
    _point(session, record.place_of, record.claimant_of, record.outlet_of, merged_id)
    session.flush()
    return merged_id


__all__ = ["MergeRecord", "merge_actors", "unmerge"]
