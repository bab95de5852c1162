"""Keeping the archive safe from the window: the quick check (and the day's backup) when it
opens, File ▸ Check the Archive… (the full check, with progress), File ▸ Restore from Backup…,
and, when a check finds damage, the way back: rebuild the search index when only it is damaged,
or restore the newest whole backup.

Restoring replaces the open archive, so the window itself does it (``restore_requested``): it
closes this archive, and opens a new window on the restored one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from db.integrity import CheckCancelled, CheckResult, rebuild_search_indexes
from desktop.controllers.base import Dialogs, Services
from desktop.reads import protection as reads
from desktop.tasks import Task
from desktop.views.dialogs.restore import RestoreDialog, damage_box

#: what SQLite says when a search meets a damaged or missing search index
_INDEX_DAMAGE = ("malformed", "corrupt", "fts5", "vtable constructor failed", "no such table: source_fts",
                 "no such table: source_stem")


@dataclass(frozen=True)
class ReadOnly:
    """Why the archive is read-only now, and the text of the button that mends it (None: none here)."""

    reason: str
    mend: str | None = None


class Protection(QObject):
    """Checks, the damage message, the restore dialog and the index rebuild; while a check has
    found the archive unsafe to write (its search index or its file damaged), every write is
    refused (:meth:`db.archive.Archive.refuse_writes`) until it is mended."""

    #: a check finished: its result
    checked = Signal(object)
    #: the researcher confirmed restoring this backup (the window replaces the archive)
    restore_requested = Signal(Path)
    #: the search index was rebuilt
    rebuilt = Signal()
    #: the archive became read-only (a :class:`ReadOnly`), or can be changed again (None)
    read_only_changed = Signal(object)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.dialogs = services, dialogs
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        #: the damage message showing now (tests press its buttons)
        self.box: QMessageBox | None = None
        #: why the archive is read-only now (None: it can be changed)
        self.read_only: ReadOnly | None = None
        self._mend: Callable[[], object] | None = None
        self._index_refused = False

    def _name(self) -> str:
        archive = self.services.archive
        return archive.path.name if archive.path is not None else archive.location

    # --- checks ----------------------------------------------------------------------------

    def check_on_opening(self) -> Task:
        """The quick check on a reader thread; a message only when something is wrong."""
        archive = self.services.archive
        task = Task(lambda _report, _cancelled: reads.check_on_opening(archive), "check on opening")
        task.on_finished(self._checked).on_failed(lambda message: None)
        return self.services.tasks.read(task, background=True)

    def check_archive(self) -> Task | None:
        """File ▸ Check the Archive…: the full check on the writer thread (the search index's
        check holds the write lock), with progress and Cancel; then what it found."""
        if self.task is not None:
            return None
        archive = self.services.archive

        def job(report: Any, cancelled: Any) -> CheckResult | None:
            try:
                return reads.check(archive, quick=False, report=report, cancelled=cancelled)
            except CheckCancelled:
                return None

        task = Task(job, "check the archive")
        self._start_progress(task, "Checking the archive…", "checkProgress")
        task.on_finished(self._full_check_done).on_failed(self._failed)
        self.task = task
        return self.services.tasks.write(task)

    def _start_progress(self, task: Task, label: str, name: str) -> None:
        progress = QProgressDialog(label, "Cancel", 0, 0, self.dialogs.parent_widget)
        progress.setObjectName(name)
        progress.setWindowTitle("Dossier")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.canceled.connect(task.cancel)

        def step(done: int, total: int, what: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, max(total, 1)))
            progress.setLabelText(f"{what[:1].upper()}{what[1:]}…" if what else label)

        task.on_progress(step)
        self.progress = progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.task = self.progress = None

    def _failed(self, message: str) -> None:
        self._close_progress()
        self.services.show_status(f"The check could not finish: {message}", 0)

    def _full_check_done(self, result: CheckResult | None) -> None:
        self._close_progress()
        if result is None:
            self.services.show_status("Check cancelled; nothing was changed")
            return
        if result.ok:
            self.services.show_status(f"{self._name()} is whole: every page, reference, index entry, "
                                      "quote and original checked.", 0)
        self._checked(result)

    def _checked(self, result: CheckResult) -> None:
        self.checked.emit(result)
        if not result.ok:
            self.refuse_writes(result)
            self.show_damage(result)

    # --- read-only until mended ------------------------------------------------------------

    def announce_read_only(self) -> None:
        """An archive opened read-only (read-only media, a file not the user's): every write is
        refused with that reason, and the window says so."""
        archive = self.services.archive
        if archive.read_only:
            archive.refuse_writes(f"{self._name()} is read-only (on read-only media, or not yours to change)")
            self._set_read_only(ReadOnly(f"{self._name()} is read-only: it is on read-only media, or not "
                                         "yours to change. Copy it to a folder of yours to change it."))

    def refuse_writes(self, result: CheckResult) -> None:
        """Refuse every write while what the check found makes writing unsafe."""
        unsafe = result.unsafe_to_write
        archive = self.services.archive
        if unsafe is None or archive.read_only:
            return
        name = self._name()
        archive.refuse_writes(f"{name} is read-only: {unsafe}")
        if result.only_the_index:
            self._index_refused = True
            self._mend = self.rebuild_index
            self._set_read_only(ReadOnly(
                f"{name} is read-only until its search index is rebuilt: the index is damaged. Your "
                "sources, annotations and statistics are whole and can be read; searches may fail.",
                "Rebuild the Index"))
        else:
            backup = result.backup
            self._mend = (lambda: self.restore_from_backup(backup)) if backup is not None else None
            self._set_read_only(ReadOnly(
                f"{name} is read-only: its file is damaged, and changing it could spread the damage. "
                + ("Restore the newest whole backup to go on working." if backup is not None else
                   "There is no whole backup of it; File ▸ Restore from Backup… lists what there is."),
                "Restore the Backup…" if backup is not None else None))

    def mend(self) -> None:
        """What the read-only bar's button does: rebuild the index, or restore the backup."""
        if self._mend is not None:
            self._mend()

    def _set_read_only(self, state: ReadOnly | None) -> None:
        self.read_only = state
        self.read_only_changed.emit(state)

    def list_failed(self, message: str, searching: bool) -> None:
        """The sources could not be listed: a search the search index could not answer (it is
        damaged or missing) offers the index's rebuild; anything else is said in the status bar."""
        reason = " ".join(message.split("[SQL:")[0].split())
        if searching and any(word in reason.lower() for word in _INDEX_DAMAGE):
            problem = (f"{self._name()}: the search index is damaged ({reason}); "
                       "rebuilding the index mends it")
            result = CheckResult(self.services.archive.location, problems=[problem],
                                 index_problems=[problem], quick=True)
            self.refuse_writes(result)
            self.show_damage(result)
        else:
            self.services.show_status(f"Could not list the sources: {reason}", 10_000)

    def show_damage(self, result: CheckResult) -> QMessageBox:
        """What was found, and the way back (shown, not waited for)."""
        when = None
        if result.backup is not None:
            when = dt.datetime.fromtimestamp(result.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        box, rebuild, restore = damage_box(self.dialogs.parent_widget, self._name(), result.problems,
                                           only_the_index=result.only_the_index, backup=result.backup, when=when)
        if rebuild is not None:
            rebuild.clicked.connect(self.rebuild_index)
        if restore is not None:
            restore.clicked.connect(lambda: self.restore_from_backup(result.backup))
        self.box = box
        box.open()
        return box

    # --- mending ---------------------------------------------------------------------------

    def rebuild_index(self) -> Task | None:
        """Build the search indexes again from the texts, with progress (Cancel keeps what the
        stemmed index has; the rest is built the next time the archive opens)."""
        if self.task is not None:
            return None
        archive = self.services.archive
        lift = self._index_refused
        refused = archive.writes_refused

        def job(report: Any, cancelled: Any) -> int:
            if lift:  # the rebuild is the one write let through (the writer thread runs one at a time)
                archive.refuse_writes(None)
            try:
                return rebuild_search_indexes(archive, report, cancelled)
            except BaseException:
                if lift:
                    archive.refuse_writes(refused)
                raise

        task = Task(job, "rebuild index")
        self._start_progress(task, "Rebuilding the search index…", "rebuildProgress")
        task.on_finished(self._rebuilt).on_failed(self._failed)
        self.task = task
        return self.services.tasks.write(task)

    def _rebuilt(self, count: object) -> None:
        self._close_progress()
        self.services.show_status(f"Search index rebuilt ({count:,} sources).", 0)
        if self._index_refused:
            self._index_refused, self._mend = False, None
            self._set_read_only(None)
        self.rebuilt.emit()

    def restore_from_backup(self, selected: Path | None = None) -> RestoreDialog:
        """File ▸ Restore from Backup…: the backups of this archive; one chosen and confirmed is
        handed to the window to put in place."""
        dialog = RestoreDialog(self._name(), reads.backups_of(self.services.archive),
                               self.dialogs.parent_widget, selected)

        def accepted() -> None:
            chosen = dialog.chosen
            if chosen is not None:
                self.restore_requested.emit(chosen.path)

        return self.dialogs.show(dialog, accepted)
