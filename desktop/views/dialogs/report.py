"""File ▸ Report…: where to write the claims dossier, which claims, by which rule, who is redacted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.dialogs.common import allow_ok_if_valid, ok_cancel
from desktop.views.estimates import RULES

SUFFIXES = (".docx", ".pdf", ".html")


@dataclass(frozen=True)
class ReportChoice:
    path: Path
    rule: str
    preferred: tuple[str, ...]
    #: None: every claim; otherwise the claims of these sources
    source_ids: tuple[int, ...] | None
    redact: tuple[str, ...]
    annotated: bool


class ReportDialog(QDialog):
    """The report's file (its suffix says the format), scope, rule and the actors to redact."""

    def __init__(self, actors: Sequence[tuple[str, str]], source: tuple[int, str] | None,
                 rule: str, preferred: Sequence[str], folder: Path, parent: QWidget | None = None) -> None:
        """``actors``: (name, kind) of every actor; ``source``: (id, title) of the source shown."""
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle("Report")
        self.resize(560, 520)
        self.path = QLineEdit(str(folder / "claims-dossier.docx"))
        self.path.setObjectName("reportPath")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.scope = QComboBox()
        self.scope.setObjectName("reportScope")
        self.scope.addItem("All claims", None)
        if source is not None:
            self.scope.addItem(f"Claims of the source shown: {source[1][:60]}", source[0])
        self.rule = QComboBox()
        self.rule.setObjectName("reportRule")
        for value, label in RULES:
            self.rule.addItem(label, value)
        self.rule.setCurrentIndex(max(0, [v for v, _ in RULES].index(rule) if rule in dict(RULES) else 0))
        self.preferred = tuple(preferred)
        self.annotated = QCheckBox("Add the annotated sources (coded segments and memos)")
        self.annotated.setObjectName("reportAnnotated")
        self.redact = QListWidget()
        self.redact.setObjectName("reportRedact")
        for name, kind in sorted(actors, key=lambda a: (a[1] != "person", a[0].casefold())):
            item = QListWidgetItem(f"{name}  ({kind.replace('_', ' ')})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.redact.addItem(item)
        self.error = QLabel()
        self.error.setObjectName("reportError")
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = ok_cancel(self, "Write Report")
        form = QFormLayout()
        form.addRow("File (.docx, .pdf or .html):", where)
        form.addRow("Claims:", self.scope)
        form.addRow("Rule:", self.rule)
        form.addRow("", self.annotated)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Redact: the actors ticked are replaced by pseudonyms everywhere, quotes included"))
        layout.addWidget(self.redact, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._check)
        self._check()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Write the report to", self.path.text(),
                                                "Word (*.docx);;PDF (*.pdf);;Web page (*.html)")
        if chosen:
            self.path.setText(chosen)

    def _validate(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            raise ValueError("Choose a file to write the report to")
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError("The file's name must end in .docx, .pdf or .html")

    def _check(self) -> None:
        allow_ok_if_valid(self._validate, self.error, self.buttons)

    def choice(self) -> ReportChoice:
        chosen = [self.redact.item(i) for i in range(self.redact.count())]
        scope = self.scope.currentData()
        return ReportChoice(
            path=Path(self.path.text().strip()),
            rule=str(self.rule.currentData()),
            preferred=self.preferred,
            source_ids=None if scope is None else (int(scope),),
            redact=tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in chosen
                         if i is not None and i.checkState() == Qt.CheckState.Checked),
            annotated=self.annotated.isChecked(),
        )
