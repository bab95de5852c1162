"""Statistics: recording, editing and deleting them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.changes import ANNOTATIONS, STATISTICS
from desktop.undo.base import ArchiveCommand, Creation, Ref, Window

if TYPE_CHECKING:
    from db.commands import NewStatistic
    from db.undo import Change, Session


class CreateStatistic(Creation):
    """Record a statistic; undo takes its span and the claimant or place actors it made too."""
    touches = frozenset({STATISTICS, ANNOTATIONS})

    def __init__(self, window: Window, new: NewStatistic, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Record statistic", ref, parent)
        self.new = new

    def write(self, session: Session) -> Change:
        return db_undo.create_statistic(session, self.new)


class DeleteStatistic(ArchiveCommand):
    """Delete a statistic and its span."""
    touches = frozenset({STATISTICS, ANNOTATIONS})

    def __init__(self, window: Window, statistic_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Delete statistic", parent)
        self.statistic_id = statistic_id

    def write(self, session: Session) -> Change:
        return db_undo.delete_statistic(session, self.statistic_id)


class EditStatistic(ArchiveCommand):
    """Change some fields of one statistic (the table's inline edit)."""
    touches = frozenset({STATISTICS, ANNOTATIONS})

    def __init__(self, window: Window, statistic_id: int, changes: dict[str, Any],
                 text: str = "Edit statistic", parent: QUndoCommand | None = None, *,
                 expected_version: int | None = None) -> None:
        super().__init__(window, text, parent)
        self.statistic_id = statistic_id
        self.changes = dict(changes)
        #: the version the table showed: someone else's save since refuses the edit
        self.expected_version = expected_version

    def write(self, session: Session) -> Change:
        return db_undo.edit_statistic(session, self.statistic_id, self.changes,
                                      expected_version=self.expected_version)
