"""Suggestions: turning one down, so it is not offered again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.undo import Change, Session


class RejectSuggestion(ArchiveCommand):
    """Turn a suggestion down (remembered, not offered again); undo offers it again."""

    def __init__(self, window: Window, source_id: int, kind: str, start: int, end: int, key: str,
                 text: str = "Reject suggestion", parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.source_id, self.kind, self.start, self.end, self.key = source_id, kind, start, end, key

    def write(self, session: Session) -> Change:
        return db_undo.reject_suggestion(session, self.source_id, self.kind, self.start, self.end, self.key)
