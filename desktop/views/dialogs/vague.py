"""How vague quantities read as numbers: the table the estimates use, edited line by line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.findings.vague import DEFAULT_TABLE, VagueRule
from desktop.views.dialogs.common import allow_ok_if_valid, ok_cancel

HEADERS = ("Phrase", "Low", "Best", "High")


class VagueTableDialog(QDialog):
    """One line per phrase; N stands for the number the phrase carries ("at least N")."""

    def __init__(self, rules: Sequence[VagueRule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vagueTableDialog")
        self.setWindowTitle("Vague quantities")
        self.resize(520, 480)
        intro = QLabel("A claim without a best estimate is read through the first phrase of its quote found "
                       "here (longer phrases first). Low, best and high are a number, N (the number in the "
                       "phrase: “at least N”) or empty (no bound).")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("vagueTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for rule in rules:
            self._add(rule)
        add, remove, defaults = QPushButton("Add Line"), QPushButton("Remove Line"), QPushButton("Defaults")
        add.clicked.connect(lambda: self._add(VagueRule("", None, None, None)))
        remove.clicked.connect(self._remove)
        defaults.clicked.connect(self._defaults)
        bar = QHBoxLayout()
        for button in (add, remove, defaults):
            bar.addWidget(button)
        bar.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("vagueError")
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = ok_cancel(self, "Save")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._check())
        self._check()

    def _add(self, rule: VagueRule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((rule.phrase, rule.low, rule.best, rule.high)):
            self.table.setItem(row, column, QTableWidgetItem(text or ""))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._check()

    def _defaults(self) -> None:
        self.table.setRowCount(0)
        for rule in DEFAULT_TABLE:
            self._add(rule)
        self._check()

    def rules(self) -> list[VagueRule]:
        def cell(row: int, column: int) -> str | None:
            item = self.table.item(row, column)
            text = item.text().strip() if item is not None else ""
            return text or None

        return [VagueRule(cell(r, 0) or "", cell(r, 1), cell(r, 2), cell(r, 3))
                for r in range(self.table.rowCount()) if any(cell(r, c) for c in range(len(HEADERS)))]

    def _validate(self) -> None:
        seen: set[str] = set()
        for rule in self.rules():
            rule.check()
            key = " ".join(rule.phrase.casefold().split())
            if key in seen:
                raise ValueError(f"“{rule.phrase}” is in the table twice")
            seen.add(key)

    def _check(self) -> None:
        allow_ok_if_valid(self._validate, self.error, self.buttons)
