"""File ▸ Export…: the archive, the sources listed or the one selected, in another tool's format,
written on the task runner with a progress dialog whose Cancel leaves no file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.controllers.base import Dialogs, Services
from desktop.reads import interchange as reads
from desktop.tasks import Task
from desktop.views.dialogs.export import ExportDialog


class Exporting(QObject):
    def __init__(self, services: Services, dialogs: Dialogs, listed: Callable[[], list[int]],
                 selected: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.listed = listed
        self.selected = selected
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None

    def export(self) -> ExportDialog:
        archive_path = self.services.archive.path
        folder = archive_path.parent if archive_path is not None else Path.home()
        dialog = ExportDialog(reads.FORMATS, folder, len(self.listed()), self.selected(), self.dialogs.parent_widget,
                              encrypted=self.services.archive.encrypted)
        def start() -> None:
            self.start(*dialog.choice())

        return self.dialogs.show(dialog, start)

    def start(self, name: str, out: Path, which: str) -> Task | None:
        """Export in the background; ``which`` is "all", "listed" or "selected"."""
        if self.task is not None:
            return None
        chosen = self.selected()
        ids = None if which == "all" else (self.listed() if which == "listed" else ([chosen] if chosen else []))
        archive = self.services.archive
        task = self.services.tasks.read(lambda report, cancelled: reads.export(archive, name, out, ids, report, cancelled),
                                        f"export {name}")
        self.task = task
        self.progress = QProgressDialog(f"Exporting to {out.name}…", "Cancel", 0, 0, self.dialogs.parent_widget)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(task.cancel)
        task.on_progress(self._progress)
        task.on_finished(lambda count: self._done(f"Exported {int(count):,} to {out}"))
        task.on_failed(lambda error: self._failed(error, task.is_cancelled()))
        return task

    def _progress(self, done: int, total: int, current: str) -> None:
        progress = self.progress
        if progress is None:
            return
        # a modal QProgressDialog handles events in setValue: the export may finish meanwhile
        progress.setLabelText(f"Exporting: {Path(current).name if '/' in current else current}")
        progress.setMaximum(total)
        progress.setValue(min(done, total - 1) if total else 0)

    def _close(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, message: str) -> None:
        self._close()
        self.services.show_status(message, 8000)

    def _failed(self, error: str, cancelled: bool) -> None:
        self._close()
        if cancelled:
            self.services.show_status("Export cancelled; nothing was written", 8000)
        else:
            QMessageBox.warning(self.dialogs.parent_widget, "Export", error)
