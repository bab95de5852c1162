"""Reference data: importing a table of figures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    # pandas loads only when a table is imported (it costs ~0.4 s at start-up)
    from db.interchange.layouts import TableMapping
    from db.interchange.reference import ReferenceImport
    from db.undo import Change, Session


class ImportReferenceData(ArchiveCommand):
    """Import a table as reference data; undo removes its statistics and the places it created
    (and brings back the ones it replaced); redo restores them without reading the file."""

    def __init__(self, window: Window, path: Path, dataset: str, mapping: TableMapping | None = None,
                 *, measure: str | None = None, replace_existing: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Import reference data {dataset}", parent)
        self.path, self.dataset, self.mapping = path, dataset, mapping
        self.measure, self.replace_existing = measure, replace_existing
        #: what the import stored (once it has run)
        self.summary: ReferenceImport | None = None

    def write(self, session: Session) -> Change:
        return db_undo.import_reference(
            session, self.path, self.dataset, self.mapping, measure=self.measure,
            replace_existing=self.replace_existing,
        )

    def applied(self, change: Change) -> None:
        if isinstance(change, db_undo.ReferenceImported):
            self.summary = change.summary
