"""A source's text: correcting it (every annotation anchored again), placing an orphan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.anchors import ReanchorReport
    from db.undo import Change, Session


class ReplaceText(ArchiveCommand):
    """Correct a source's text; every annotation is anchored again (see :mod:`db.anchors`)."""

    def __init__(self, window: Window, source_id: int, text: str,
                 parent: QUndoCommand | None = None, *, shown: str | None = None) -> None:
        super().__init__(window, "Correct the text", parent)
        self.source_id, self.new_text = source_id, text
        #: the text the editor showed: a colleague's correction since refuses this one
        self.shown = shown
        #: what the correction did to the annotations while it is applied (None once undone)
        self.report: ReanchorReport | None = None

    def write(self, session: Session) -> Change:
        return db_undo.replace_text(session, self.source_id, self.new_text, shown=self.shown)

    def applied(self, change: Change) -> None:
        if isinstance(change, db_undo.AnchorsChanged):
            self.report = change.report

    def reverted(self, change: Change) -> None:
        self.report = None


class PlaceOrphan(ArchiveCommand):
    """The researcher places an annotation that re-anchoring could not place."""

    def __init__(self, window: Window, annotation_id: int, start: int, end: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Place annotation", parent)
        self.annotation_id, self.start, self.end = annotation_id, start, end

    def write(self, session: Session) -> Change:
        return db_undo.place_orphan(session, self.annotation_id, self.start, self.end)
