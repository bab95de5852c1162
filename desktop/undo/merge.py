"""Merging another researcher's archive: one step on the undo stack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db.undo.merge import merge_archive
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.merge import Decisions, MergeResult
    from db.undo import Change, Session


class MergeArchive(ArchiveCommand):
    """Merge ``other`` into the window's archive; undo takes the whole merge back, redo makes it
    again from what it recorded (the other file is not read again)."""

    def __init__(self, window: Window, other: Path, decisions: Decisions,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Merge {other.name}", parent)
        self.other, self.decisions = other, decisions
        #: what the merge did (once it has run)
        self.result: MergeResult | None = None

    def write(self, session: Session) -> Change:
        change, self.result = merge_archive(session, self.window.archive, self.other, self.decisions)
        return change
