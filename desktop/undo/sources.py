"""A source's metadata edited in the window: its language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.undo import Change, Session


class SetSourceLanguage(ArchiveCommand):
    """The researcher says which language a source is in (or that it is not known)."""

    def __init__(self, window: Window, source_id: int, code: str | None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Set the language", parent)
        self.source_id, self.code = source_id, code

    def write(self, session: Session) -> Change:
        return db_undo.set_source_language(session, self.source_id, self.code)
