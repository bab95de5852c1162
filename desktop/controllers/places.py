"""Places on the map: saying where a place is, undoably."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import actors as actor_reads
from desktop.reads import places as reads
from desktop.views.dialogs.coordinates import CoordinatesDialog


class Places(QObject):
    """Sets (or clears) a place actor's coordinates through the coordinates dialog."""

    def __init__(self, services: Services, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs

    def set_coordinates(self, actor_id: int) -> CoordinatesDialog | None:
        """Ask where place ``actor_id`` is and put it there (Edit ▸ Undo takes it back)."""
        archive = self.services.archive
        record = actor_reads.actor_record(archive, actor_id)
        before = reads.place_point(archive, actor_id)
        dialog = CoordinatesDialog(record.name, before, reads.search_gazetteer, parent=self.dialogs.parent_widget)

        def accepted() -> None:
            point = dialog.point()
            if point != before:
                self.services.undo_stack.push(undo.SetCoordinates(self.services, actor_id, point))

        return self.dialogs.show(dialog, accepted)
