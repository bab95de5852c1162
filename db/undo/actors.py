"""Actors: creating one, adding an alias, editing the record, merging two, deleting, undoably."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import commands
from db.actors import ActorState, MergeRecord, actor_state, apply_actor_state, merging
from db.undo.base import Change, Deleted, Inserted, delete_rows


def create_actor(session: Session, name: str, kind: str, aliases: Sequence[str] = ()) -> Inserted:
    """A new actor (with its aliases, which go with it)."""
    return Inserted((("actors", commands.add_actor(session, name, kind, aliases=aliases)),))


def add_alias(session: Session, actor_id: int, name: str) -> Inserted:
    """Another name of an actor; nothing (no rows) when the actor has that name already."""
    alias_id = commands.add_alias(session, actor_id, name)
    return Inserted((("aliases", alias_id),) if alias_id is not None else ())


def delete_actor(session: Session, actor_id: int) -> Deleted:
    """Delete an actor: its aliases, mentions and relations go; statistics and sources that
    named it as claimant, place or outlet lose it (all of it comes back on revert)."""
    return delete_rows(session, [("actors", actor_id)])


@dataclass(frozen=True)
class ActorEdited(Change):
    """An actor's record (fields, aliases, relations) before an edit."""

    actor_id: int
    state: ActorState

    def revert(self, session: Session) -> ActorEdited:
        return edit_actor(session, self.actor_id, self.state)


def edit_actor(session: Session, actor_id: int, state: ActorState, *,
               expected_version: int | None = None) -> ActorEdited:
    """Make the actor's record look like ``state`` (the actor editor's result); with the
    ``expected_version`` the editor showed, refused when someone else saved it meanwhile."""
    from db.models import Actor
    from db.versions import expect_version

    expect_version(session, Actor, actor_id, expected_version)
    before = actor_state(session, actor_id)
    apply_actor_state(session, actor_id, state)
    return ActorEdited(actor_id, before)


@dataclass(frozen=True)
class ActorsMerged(Change):
    """One actor folded into another; reverting brings it back with what was its own."""

    record: MergeRecord

    def revert(self, session: Session) -> ActorsUnmerged:
        return ActorsUnmerged(self.record.survivor_id, merging.unmerge(session, self.record))


@dataclass(frozen=True)
class ActorsUnmerged(Change):
    """A merge taken back (``merged_id``: the merged actor's id again); reverting merges again."""

    survivor_id: int
    merged_id: int

    def revert(self, session: Session) -> ActorsMerged:
        return merge_actors(session, self.survivor_id, self.merged_id)


def merge_actors(session: Session, survivor_id: int, merged_id: int) -> ActorsMerged:
    """Fold ``merged_id`` into ``survivor_id`` (see :func:`db.actors.merge_actors`)."""
    return ActorsMerged(merging.merge_actors(session, survivor_id, merged_id))


__all__ = [
    "ActorEdited",
    "ActorsMerged",
    "ActorsUnmerged",
    "add_alias",
    "create_actor",
    "delete_actor",
    "edit_actor",
    "merge_actors",
]
