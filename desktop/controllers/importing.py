"""Importing from the window: files or folders on the writer thread, a progress dialog with
Cancel, the columns of a table confirmed, a password prompt for encrypted files, and a summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QProgressDialog, QWidget

from db.archive import Archive
from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import OCR_PAGE
from desktop.changes import EVERYTHING, SOURCES_IMPORTED
from desktop.tasks import Task, TaskRunner

if TYPE_CHECKING:  # the readers and the import's dialogs are loaded on the first import
    from desktop.views.dialogs.importing import ImportSummary

#: the progress dialog appears only when an import lasts longer than this (ms)
SHOW_PROGRESS_AFTER = 300


def import_file_filter() -> str:
    """The file dialog's filter: every type a reader exists for, projects and bibliographies
    from other tools (REFI-QDA, RIS, BibTeX, Web Annotations), then all files."""
    from db.ingest.formats import PROJECT_FORMATS, READERS

    patterns = " ".join(dict.fromkeys(f"*{suffix}" for reader in READERS for suffix in reader.EXTENSIONS))
    projects = " ".join(f"*{suffix}" for suffix in PROJECT_FORMATS)
    return (f"Documents and projects ({patterns} {projects});;"
            f"Projects and bibliographies ({projects} *.json);;All files (*)")


def is_table(path: Path) -> bool:
    """A table of articles (one source per row), whose columns the researcher can map."""
    from db.ingest import table

    return path.is_file() and path.suffix.lower() in table.EXTENSIONS


def table_columns(path: Path) -> list[str]:
    """The header of a table of articles, as the import will read it (IngestError when it
    cannot be read)."""
    from db.ingest.tablefile import read_header

    return read_header(path)


class ImportController(QObject):
    """Runs one import at a time; ``finished(results)`` after the summary (and any retries)."""

    finished = Signal(list)
    #: something was written: what (desktop.changes Parts; the window refreshes those panes)
    changed = Signal(object)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        #: what the progress and the dialogs are shown over
        self.parent_widget = parent
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.summary: ImportSummary | None = None
        #: ask for passwords and show the summary (tests switch this off to drive it themselves)
        self.interactive = True
        self._results: list[ImportResult] = []
        #: imports still to run after the current one (a table with its own column mapping)
        self._queue: list[tuple[list[Path], ImportOptions]] = []

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, paths: Sequence[Path], options: ImportOptions | None = None) -> Task | None:
        """Import ``paths`` (files or folders) on the writer thread.

        Interactively, each table of articles given directly first gets its column mapping
        confirmed (tables inside folders use the importer's guess).
        """
        if self.task is not None or not paths:
            return None
        options = options or ImportOptions()
        self._results = []
        batches: list[tuple[list[Path], ImportOptions]] = []
        others = [Path(p) for p in paths]
        if self.interactive and options.table_options is None:
            from db.ingest.base import IngestError

            for path in [p for p in others if is_table(p)]:
                others.remove(path)
                try:
                    columns = table_columns(path)
                except IngestError:
                    batches.append(([path], options))  # the import says what is wrong with it
                    continue
                from db.ingest.table import guess_mapping

                mapping = self.ask_table_mapping(path, columns, guess_mapping(columns))
                if mapping is not None:  # None: the researcher cancelled this table
                    batches.append(([path], replace(options, table_options=mapping)))
        if others:
            batches.insert(0, (others, options))
        if not batches:
            return None
        self._queue = batches[1:]
        return self._run(*batches[0])

    def ask_table_mapping(self, path: Path, columns: list[str], guess: object) -> object | None:
        from desktop.views.dialogs.importing import TableMappingDialog

        dialog = TableMappingDialog(path, columns, guess, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()

    def _run(self, paths: list[Path], options: ImportOptions) -> Task:
        archive = self.archive

        def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            from db.importer.run import import_paths  # the readers load with the first import

            return import_paths(archive, paths, options, report=report, cancelled=cancelled)

        task = Task(job, "import")
        progress = QProgressDialog("Preparing the import…", "Cancel", 0, 0, self.parent_widget)
        progress.setObjectName("importProgress")
        progress.setWindowTitle("Importing")
        # not modal: a modal QProgressDialog runs processEvents() inside setValue(); the window
        # stays usable instead (edits queue behind the import on the writer thread)
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(460)
        progress.canceled.connect(task.cancel)
        progress.canceled.connect(lambda: progress.setLabelText("Cancelling after the current file or page…"))
        task.on_progress(self._progress)
        task.on_finished(self._finished)
        task.on_failed(self._failed)
        self.progress = progress
        self.task = task
        self.tasks.write(task)
        return task

    def _progress(self, done: int, total: int, current: str) -> None:
        if self.progress is None or self.task is None or self.task.is_cancelled():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if current and OCR_PAGE in current:  # the count is of a scan's pages while OCR reads them
            path, _, page = current.partition(OCR_PAGE)
            self.progress.setLabelText(f"Reading scanned pages (OCR):\n{Path(path).name}, page {page}")
        elif current:
            name = Path(current).name
            self.progress.setLabelText(f"Importing {done + 1:,} of {total:,}:\n{name}")

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None

    def _finished(self, results: list[ImportResult]) -> None:
        self._close_progress()
        self._results.extend(results)
        if any(r.status == "imported" for r in results):
            self.changed.emit(EVERYTHING if any(r.beyond_sources for r in results) else SOURCES_IMPORTED)
        if self._queue:
            self._run(*self._queue.pop(0))
            return
        locked = [r for r in self._results if r.needs_password]
        if locked and self.interactive:
            password = self.ask_password(locked)
            if password:
                # forget the failures we are about to retry
                retry = {r.path for r in locked}
                self._results = [r for r in self._results if not (r.needs_password and r.path in retry)]
                self._run([Path(p) for p in sorted(retry)], ImportOptions(password=password))
                return
        self._done()

    def _failed(self, message: str) -> None:
        self._close_progress()
        self._results.append(ImportResult("(import)", "failed", error=message))
        self.changed.emit(EVERYTHING)  # a part may have been saved before the error
        self._done()

    def _done(self) -> None:
        results = self._results
        if self.interactive:
            from desktop.views.dialogs.importing import ImportSummary

            self.summary = ImportSummary(results, self.parent_widget)
            self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.summary.import_again.connect(self.import_again)
            self.summary.show()
        self.finished.emit(results)

    def import_again(self, paths: list[Path]) -> Task | None:
        """Import files the archive already has, keeping both copies (the researcher asked)."""
        return self.start(paths, ImportOptions(keep_duplicates=True))

    def ask_password(self, locked: Sequence[ImportResult]) -> str | None:
        names = "\n".join(Path(r.path).name for r in locked[:8]) + ("\n…" if len(locked) > 8 else "")
        password, ok = QInputDialog.getText(
            self.parent_widget,
            "Password needed",
            f"{'This file is' if len(locked) == 1 else 'These files are'} encrypted:\n{names}\n\nPassword:",
            QLineEdit.EchoMode.Password,
        )
        return password if ok and password else None
