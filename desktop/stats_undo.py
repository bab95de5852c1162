"""Undoable edits of statistics and actors (on ``window.undo_stack``, run on the writer thread).

Built on :class:`desktop.undo.ArchiveCommand`: ``apply``/``revert`` run in one transaction on
the writer thread and the window refreshes its panes afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy import delete
from sqlalchemy.orm import Session

from db.actors import ActorState, MergeRecord, apply_actor_state, merge_actors, unmerge
from db.commands import CommandError
from db.models import RejectedSuggestion
from db.snapshots import Snapshot, capture_and_delete, restore
from db.statistic_edits import update_statistic
from db.suggestions import reject_suggestion
from desktop.undo import ArchiveCommand, Window

if TYPE_CHECKING:
    # pandas loads only when a table is imported (it costs ~0.4 s at start-up)
    from db.interchange.tables import ReferenceImport, TableMapping


class EditStatistic(ArchiveCommand):
    """Change some fields of one statistic (the table's inline edit)."""

    def __init__(self, window: Window, statistic_id: int, changes: dict[str, Any],
                 text: str = "Edit statistic", parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.statistic_id = statistic_id
        self.changes = dict(changes)
        self.previous: dict[str, Any] | None = None

    def apply(self, session: Session) -> None:
        self.previous = update_statistic(session, self.statistic_id, self.changes)

    def revert(self, session: Session) -> None:
        if self.previous is not None:
            update_statistic(session, self.statistic_id, self.previous)


class MergeActors(ArchiveCommand):
    """Fold one actor into another; undo brings it back with everything that was its own."""

    def __init__(self, window: Window, survivor_id: int, merged_id: int, text: str = "Merge actors",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.survivor_id, self.merged_id = survivor_id, merged_id
        self.record: MergeRecord | None = None

    def apply(self, session: Session) -> None:
        self.record = merge_actors(session, self.survivor_id, self.merged_id)

    def revert(self, session: Session) -> None:
        if self.record is not None:
            self.merged_id = unmerge(session, self.record)
            self.record = None


class EditActorRecord(ArchiveCommand):
    """Apply the actor editor's result (fields, aliases, relations); undo applies the old state."""

    def __init__(self, window: Window, actor_id: int, before: ActorState, after: ActorState,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Edit actor {after.name}", parent)
        self.actor_id, self.before, self.after = actor_id, before, after

    def apply(self, session: Session) -> None:
        apply_actor_state(session, self.actor_id, self.after)

    def revert(self, session: Session) -> None:
        apply_actor_state(session, self.actor_id, self.before)


class DeleteActor(ArchiveCommand):
    """Delete an actor (its aliases, mentions and relations go too); undo restores all of it."""

    def __init__(self, window: Window, actor_id: int, name: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Delete actor {name}".strip(), parent)
        self.actor_id = actor_id
        self.snapshot: Snapshot | None = None

    def apply(self, session: Session) -> None:
        self.snapshot = capture_and_delete(session, [("actors", self.actor_id)])

    def revert(self, session: Session) -> None:
        if self.snapshot is not None:
            moved = restore(session, self.snapshot)
            self.actor_id = moved.get(("actors", self.actor_id), self.actor_id)
            self.snapshot = None


class RejectSuggestion(ArchiveCommand):
    """Turn a suggestion down (remembered, not offered again); undo offers it again."""

    def __init__(self, window: Window, source_id: int, kind: str, start: int, end: int, key: str,
                 text: str = "Reject suggestion", parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.source_id, self.kind, self.start, self.end, self.key = source_id, kind, start, end, key

    def apply(self, session: Session) -> None:
        reject_suggestion(session, self.source_id, self.kind, self.start, self.end, self.key)

    def revert(self, session: Session) -> None:
        session.execute(
            delete(RejectedSuggestion).where(
                RejectedSuggestion.source_id == self.source_id,
                RejectedSuggestion.kind == self.kind,
                RejectedSuggestion.start == self.start,
                RejectedSuggestion.end == self.end,
                RejectedSuggestion.key == self.key,
            )
        )


class ImportReferenceData(ArchiveCommand):
    """Import a table as reference data; undo removes its statistics and the places it created."""

    def __init__(self, window: Window, path: Path, dataset: str, mapping: TableMapping | None = None,
                 *, measure: str | None = None, replace_existing: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Import reference data {dataset}", parent)
        self.path, self.dataset, self.mapping = path, dataset, mapping
        self.measure, self.replace_existing = measure, replace_existing
        self.summary: ReferenceImport | None = None

    def apply(self, session: Session) -> None:
        from db.interchange.tables import import_reference_table

        self.summary = import_reference_table(
            session, self.path, self.dataset, self.mapping, measure=self.measure,
            replace_existing=self.replace_existing,
        )
        # the same columns on redo, even if the guess would change with the archive's places
        self.mapping = self.summary.mapping

    def revert(self, session: Session) -> None:
        if self.summary is None:
            raise CommandError("the import did not finish; nothing to undo")
        from db.interchange.tables import undo_reference_import

        undo_reference_import(session, self.summary)
        self.summary = None
