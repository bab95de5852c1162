"""Actors: creating one, adding an alias, editing the record, merging two, deleting one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Creation, IdOrRef, Ref, Window, resolve

if TYPE_CHECKING:
    from db.actors import ActorState
    from db.undo import Change, Session


class CreateActor(Creation):
    def __init__(self, window: Window, name: str, kind: str, aliases: Sequence[str] = (),
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Create actor {name}", ref, parent)
        self.name, self.kind, self.aliases = name, kind, list(aliases)

    def write(self, session: Session) -> Change:
        return db_undo.create_actor(session, self.name, self.kind, self.aliases)


class AddAlias(Creation):
    """Add another name to an actor (nothing, when it has that name already)."""

    def __init__(self, window: Window, actor: IdOrRef, name: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Add alias {name}", None, parent)
        self.actor, self.name = actor, name

    def write(self, session: Session) -> Change:
        return db_undo.add_alias(session, resolve(self.actor), self.name)


class EditActorRecord(ArchiveCommand):
    """Apply the actor editor's result (fields, aliases, relations); undo puts back the record
    as it was when the edit was applied (``before``: as the editor showed it)."""

    def __init__(self, window: Window, actor_id: int, before: ActorState, after: ActorState,
                 parent: QUndoCommand | None = None, *, expected_version: int | None = None) -> None:
        super().__init__(window, f"Edit actor {after.name}", parent)
        self.actor_id, self.before, self.after = actor_id, before, after
        #: the actor's version the editor showed: someone else's save since refuses the edit
        self.expected_version = expected_version

    def write(self, session: Session) -> Change:
        return db_undo.edit_actor(session, self.actor_id, self.after, expected_version=self.expected_version)


class MergeActors(ArchiveCommand):
    """Fold one actor into another; undo brings it back with everything that was its own."""

    def __init__(self, window: Window, survivor_id: int, merged_id: int, text: str = "Merge actors",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.survivor_id, self.merged_id = survivor_id, merged_id

    def write(self, session: Session) -> Change:
        return db_undo.merge_actors(session, self.survivor_id, self.merged_id)

    def reverted(self, change: Change) -> None:
        if isinstance(change, db_undo.ActorsUnmerged):  # back, under a new id if its was taken
            self.merged_id = change.merged_id


class DeleteActor(ArchiveCommand):
    """Delete an actor (its aliases, mentions and relations go too); undo restores all of it."""

    def __init__(self, window: Window, actor_id: int, name: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Delete actor {name}".strip(), parent)
        self.actor_id = actor_id

    def write(self, session: Session) -> Change:
        return db_undo.delete_actor(session, self.actor_id)

    def reverted(self, change: Change) -> None:
        if isinstance(change, db_undo.Inserted):
            self.actor_id = change.id
