"""The dialogs of an import: the summary a researcher can copy, and the columns of a table."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.importer.results import ImportResult

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


