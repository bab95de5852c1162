"""Memos on sources, actors, statistics and codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.undo import Change, Session


class EditMemo(ArchiveCommand):
    """Write (or clear, with an empty text) the memo on a source, actor, statistic or code."""

    def __init__(self, window: Window, target_kind: str, target_uuid: str, text: str,
                 parent: QUndoCommand | None = None, *, shown: str | None = None) -> None:
        super().__init__(window, "Edit memo", parent)
        self.target_kind, self.target_uuid, self.new_text = target_kind, target_uuid, text
        #: the text the memo editor showed: a colleague's save since refuses the edit
        self.shown = shown

    def write(self, session: Session) -> Change:
        return db_undo.edit_memo(session, self.target_kind, self.target_uuid, self.new_text, shown=self.shown)
