"""Team work from the window: File ▸ Merge Archive… (a preview, then one undoable step) and
File ▸ Send a Copy to a Colleague… (a copy both remember as the ancestor of the next merge)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.tasks import Task

if TYPE_CHECKING:
    from db.merge import Decisions, MergeResult
    from desktop.views.dialogs.merge import MergePreviewDialog

ARCHIVE_FILTER = "Dossier archives (*.sqlite *.db *.dossier);;All files (*)"


class Merging(QObject):
    """Runs the preview on a reader thread (progress, Cancel), then the merge as an undo command."""

    #: the preview is showing, its MergePreviewDialog (tests fill it in)
    previewed = Signal(object)
    #: a merge finished: its result
    merged = Signal(object)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.dialogs = services, dialogs
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None

    def merge_archive(self, path: Path | None = None) -> Task | None:
        """Choose a colleague's archive and preview what merging it would do."""
        if self.task is not None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.dialogs.parent_widget, "Merge Archive", str(Path.home()),
                                                    ARCHIVE_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        archive = self.services.archive
        # merging is loaded when first asked for: the window's start-up does not wait for it
        from db.merge import MergeCancelled
        from desktop.reads import merging as reads

        def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> MergeResult:
            def step(done: int, total: int, current: str) -> None:
                if cancelled():
                    raise MergeCancelled("cancelled")
                report(done, total, current)

            return reads.preview(archive, path, step)

        task = Task(job, "preview merge")
        progress = QProgressDialog(f"Reading {path.name} and this archive…", "Cancel", 0, 0, self.dialogs.parent_widget)
        progress.setObjectName("mergeProgress")
        progress.setWindowTitle("Merge Archive")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.canceled.connect(task.cancel)
        task.on_progress(lambda _d, _t, current: progress.setLabelText(f"Comparing {current.split(': ')[-1]}…"))
        task.on_finished(lambda result: self._previewed(path, result))
        task.on_failed(self._failed)
        self.task, self.progress = task, progress
        self.services.tasks.read(task)
        return task

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        cancelled = self.task is not None and self.task.is_cancelled()
        self.task = self.progress = None
        if cancelled:
            self.services.show_status("Merge cancelled; nothing was changed")

    def _failed(self, message: str) -> None:
        was_cancelled = self.task is not None and self.task.is_cancelled()
        self._close_progress()
        if not was_cancelled:
            box = QMessageBox(QMessageBox.Icon.Warning, "Cannot merge", message, QMessageBox.StandardButton.Ok,
                              self.dialogs.parent_widget)
            box.setObjectName("mergeRefused")
            self.dialogs.show(box)

    def _previewed(self, path: Path, result: MergeResult) -> None:
        from desktop.views.dialogs.merge import MergePreviewDialog

        self._close_progress()
        name = self.services.archive.path.name if self.services.archive.path else self.services.archive.location
        dialog = MergePreviewDialog(result, name, self.dialogs.parent_widget)
        self.dialogs.show(dialog, lambda: self._merge_chosen(path, dialog))
        self.previewed.emit(dialog)

    def _merge_chosen(self, path: Path, dialog: MergePreviewDialog) -> None:
        self.merge(path, dialog.decisions())

    def merge(self, path: Path, decisions: Decisions) -> undo.MergeArchive:
        """Merge ``path`` with the researcher's decisions: one step of the undo stack."""
        command = undo.MergeArchive(self.services, path, decisions)
        command.on_done = self._done
        self.services.show_status(f"Merging {path.name}…", 60_000)
        self.services.undo_stack.push(command)
        return command

    def _done(self, command: Any) -> None:
        result = command.result
        if result is None:
            return
        added, updated = sum(result.added.values()), sum(result.updated.values())
        deleted = sum(result.deleted.values())
        self.services.show_status(
            f"Merged {Path(result.other).name}: {added:,} new, {updated:,} changed, {deleted:,} deleted, "
            f"{len(result.conflicts)} conflict{'' if len(result.conflicts) == 1 else 's'} (Edit ▸ Undo takes it back"
            + (f"; the archive before it is kept in {result.backup}" if result.backup else "") + ")", 12_000)
        self.merged.emit(result)

    def send_copy(self, path: Path | None = None) -> Task | None:
        """Write a copy for a colleague, remembered as the ancestor of the next merge."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.dialogs.parent_widget, "Send a Copy to a Colleague",
                                                    str(Path.home() / "copy.sqlite"), ARCHIVE_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        from db.merge.sending import send_copy

        archive, out = self.services.archive, path
        task = Task(lambda _report, _cancelled: send_copy(archive, out), "send a copy")
        task.on_finished(lambda _r: self.services.show_status(
            f"{out.name} is ready to send; merge it back with File ▸ Merge Archive…", 10_000))
        task.on_failed(lambda message: self.services.show_status(f"Cannot write the copy: {message}", 10_000))
        self.services.tasks.write(task)
        return task
