"""File ▸ Export…: a format, which sources, and where to save."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ExportDialog(QDialog):
    """Asks for a format (``formats``: name, label, suffix), the sources (all, those listed, the
    one selected) and a file; :meth:`choice` gives them back."""

    def __init__(self, formats: Sequence[tuple[str, str, str]], folder: Path, listed: int, selected: int | None,
                 parent: QWidget | None = None, *, encrypted: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.formats = list(formats)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for _name, label, _suffix in self.formats:
            self.format.addItem(label)
        self.everything = QRadioButton("All sources")
        self.listed = QRadioButton(f"The {listed:,} source{'' if listed == 1 else 's'} listed (as searched and filtered)")
        self.selected = QRadioButton("The selected source")
        for button, name in ((self.everything, "exportAll"), (self.listed, "exportListed"), (self.selected, "exportSelected")):
            button.setObjectName(name)
        self.selected.setEnabled(selected is not None)
        self.everything.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.everything, self.listed, self.selected):
            group.addButton(button)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.folder = folder
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format:", self.format)
        sources = QVBoxLayout()
        for button in (self.everything, self.listed, self.selected):
            sources.addWidget(button)
        form.addRow("Sources:", sources)
        form.addRow("Save as:", row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if encrypted:  # the archive is encrypted; what is exported from it is not
            warning = QLabel("⚠ The exported file is not encrypted: anyone who gets it can read it, "
                             "although the archive itself is encrypted.")
            warning.setObjectName("exportNotEncrypted")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #8a5300;")
            layout.addWidget(warning)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._suggest_name)
        self.path.textChanged.connect(self._check)
        self._suggest_name()
        self.resize(560, self.sizeHint().height())

    def _suffix(self) -> str:
        return self.formats[self.format.currentIndex()][2]

    def _suggest_name(self) -> None:
        current = Path(self.path.text()) if self.path.text() else self.folder / "dossier-export"
        self.path.setText(str(current.with_suffix(self._suffix())))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), f"*{self._suffix()}")
        if chosen:
            self.path.setText(str(Path(chosen).with_suffix(self._suffix())))

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path.text().strip()))

    def choice(self) -> tuple[str, Path, str]:
        """(format name, file, "all" | "listed" | "selected")."""
        which = "all" if self.everything.isChecked() else ("listed" if self.listed.isChecked() else "selected")
        return self.formats[self.format.currentIndex()][0], Path(self.path.text().strip()), which
