"""Importing from the window: files or folders on the writer thread, a progress dialog with
Cancel, a password prompt for encrypted PDFs, and a summary the researcher can copy.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.archive import Archive
from db.importer import ImportOptions, ImportResult
from db.ingest.base import IngestError
from desktop import operations
from desktop.tasks import Task, TaskRunner

#: the progress dialog appears only when an import lasts longer than this (ms)
SHOW_PROGRESS_AFTER = 300
STATUSES = ("imported", "duplicate", "skipped", "failed")


def summary_text(results: Sequence[ImportResult]) -> str:
    """The tally first, then one line per file: what a researcher pastes into a note or an email.

    Files are named relative to the folder they all come from, named once under the tally.
    """
    tally = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
    head = ", ".join(f"{n} {s}{'s' if s == 'duplicate' and n > 1 else ''}" for s, n in tally.items() if n)
    head = head or "nothing to import"
    order = {s: n for n, s in enumerate(("failed", "skipped", "duplicate", "imported"))}
    folder = common_folder([r.path for r in results])
    lines = [r.describe(folder) for r in sorted(results, key=lambda r: order.get(r.status, 9))]
    return "\n".join([head, *([f"from {folder}"] if folder else []), "", *lines])


def common_folder(paths: Sequence[str]) -> Path | None:
    """The deepest folder holding every file of ``paths`` (None when they share none)."""
    files = [Path(p) for p in paths if Path(p).is_absolute()]
    if not files or len(files) < len(paths):
        return None
    try:
        common = Path(os.path.commonpath(files))
    except ValueError:  # different drives
        return None
    if common in files:  # one file, or a folder given as such
        common = common.parent
    return None if common == Path(common.anchor) else common


class ImportSummary(QDialog):
    """The result of an import, as selectable text with a Copy button; files that were already in
    the archive can be imported again from here (``import_again`` with their paths)."""

    import_again = Signal(list)

    def __init__(self, results: Sequence[ImportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle("Import finished")
        self.text = summary_text(results)
        failed = sum(1 for r in results if r.status == "failed")
        head = QLabel(self.text.split("\n", 1)[0] + (" — see the problems below." if failed else "."))
        head.setWordWrap(True)
        body = QPlainTextEdit(self.text)
        body.setReadOnly(True)
        body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text))
        #: whole files found already in the archive (rows of tables are compared row by row)
        self.duplicates = sorted({r.path for r in results if r.status == "duplicate" and r.part is None})
        self.again_button: QPushButton | None = None
        if self.duplicates:
            count = len(self.duplicates)
            label = "Import the duplicate again" if count == 1 else f"Import the {count} duplicates again"
            self.again_button = buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            self.again_button.setToolTip("Keep a second copy of each file already in the archive")
            self.again_button.clicked.connect(self._again)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _again(self) -> None:
        self.import_again.emit([Path(p) for p in self.duplicates])
        self.accept()


FIELD_LABELS = {
    "title": "Title",
    "text": "Text",
    "published": "Published",
    "outlet": "Outlet",
    "author": "Author",
    "url": "URL",
    "language": "Language",
}
NO_COLUMN = "(none)"


class TableMappingDialog(QDialog):
    """Which column of a table of articles holds the title, the text, the date ..."""

    def __init__(self, path: Path, columns: Sequence[str], guess: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tableMappingDialog")
        self.setWindowTitle("Columns of the table")
        self.columns = list(columns)
        intro = QLabel(
            f"<b>{path.name}</b> holds one article per row. Check which column is which "
            "(Dossier guessed from the headers); a row needs a title or a text."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.boxes: dict[str, QComboBox] = {}
        for field, label in FIELD_LABELS.items():
            box = QComboBox()
            box.setObjectName(f"column_{field}")
            box.addItem(NO_COLUMN)
            box.addItems(self.columns)
            chosen = getattr(guess, field, None)
            if chosen in self.columns:
                box.setCurrentIndex(self.columns.index(chosen) + 1)
            box.currentIndexChanged.connect(self._check)
            form.addRow(label, box)
            self.boxes[field] = box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    def mapping(self) -> dict[str, str]:
        return {
            field: box.currentText() for field, box in self.boxes.items() if box.currentIndex() > 0
        }

    def options(self) -> object:
        from db.ingest.table import TableOptions

        return TableOptions(**self.mapping())

    def _check(self) -> None:
        chosen = self.mapping()
        used = list(chosen.values())
        problem = ""
        if "title" not in chosen and "text" not in chosen:
            problem = "Choose the column with the title or the text."
        elif len(set(used)) < len(used):
            problem = "One column is chosen twice."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class ImportController(QObject):
    """Runs one import at a time; ``finished(results)`` after the summary (and any retries)."""

    finished = Signal(list)
    #: something was written (the window refreshes its panes)
    changed = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.window = parent
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
            for path in [p for p in others if operations.is_table(p)]:
                others.remove(path)
                try:
                    columns = operations.table_columns(path)
                except IngestError:
                    batches.append(([path], options))  # the import says what is wrong with it
                    continue
                mapping = self.ask_table_mapping(path, columns, operations.guess_table_mapping(columns))
                if mapping is not None:  # None: the researcher cancelled this table
                    batches.append(([path], replace(options, table_options=mapping)))
        if others:
            batches.insert(0, (others, options))
        if not batches:
            return None
        self._queue = batches[1:]
        return self._run(*batches[0])

    def ask_table_mapping(self, path: Path, columns: list[str], guess: object) -> object | None:
        dialog = TableMappingDialog(path, columns, guess, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()

    def _run(self, paths: list[Path], options: ImportOptions) -> Task:
        archive = self.archive

        def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            return operations.import_files(archive, paths, options, report=report, cancelled=cancelled)

        task = Task(job, "import")
        progress = QProgressDialog("Preparing the import…", "Cancel", 0, 0, self.window)
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
        progress.canceled.connect(lambda: progress.setLabelText("Cancelling after the current file…"))
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
        if current:
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
            self.changed.emit()
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
        self.changed.emit()  # a part may have been saved before the error
        self._done()

    def _done(self) -> None:
        results = self._results
        if self.interactive:
            self.summary = ImportSummary(results, self.window)
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
            self.window,
            "Password needed",
            f"{'This file is' if len(locked) == 1 else 'These files are'} encrypted:\n{names}\n\nPassword:",
            QLineEdit.EchoMode.Password,
        )
        return password if ok and password else None
