"""Where a place actor is on the map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.undo import Change, Session


class SetCoordinates(ArchiveCommand):
    """Put a place at (latitude, longitude), or with None clear the coordinates set for it."""

    def __init__(self, window: Window, actor_id: int, point: tuple[float, float] | None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Set coordinates" if point is not None else "Clear coordinates", parent)
        self.actor_id, self.point = actor_id, point

    def write(self, session: Session) -> Change:
        return db_undo.set_coordinates(session, self.actor_id, self.point)
