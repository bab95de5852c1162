"""Saved charts: a chart's settings kept under a name in the archive, chosen again from a list.

A passive row: the pane fills it (the saved charts with their settings come with its choices, and
each save or delete hands back the list after it) and does the writing when asked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

from db.chartdata import SavedChart


class SavedCharts(QWidget):
    """The row of saved charts: a list to open one, Save… and Delete."""

    #: a saved chart was chosen: its settings
    chosen = Signal(dict)
    #: Save… was given a name
    save_requested = Signal(str)
    #: Delete was pressed on a saved chart: its name
    delete_requested = Signal(str)
    #: the list of saved charts was replaced
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._charts: dict[str, dict[str, Any]] = {}
        self.combo = QComboBox(self)
        self.combo.setObjectName("chartSaved")
        self.combo.setPlaceholderText("Saved charts")
        self.combo.activated.connect(self._open)
        save = QPushButton("Save…", self)
        save.setObjectName("chartSave")
        save.clicked.connect(self._ask_save)
        delete = QToolButton(self)
        delete.setText("Delete")
        delete.setObjectName("chartDeleteSaved")
        delete.clicked.connect(self._delete)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(save)
        row.addWidget(delete)

    def set_charts(self, charts: list[SavedChart], current: str | None = None) -> None:
        """Show ``charts`` (by name), ``current`` chosen (none: the placeholder)."""
        self._charts = {chart.name: dict(chart.settings) for chart in charts}
        self.combo.clear()
        self.combo.addItems(list(self._charts))
        if current is None:
            self.combo.setCurrentIndex(-1)
        else:
            self.combo.setCurrentText(current)
        self.changed.emit()

    def names(self) -> list[str]:
        return list(self._charts)

    def open(self, name: str) -> bool:
        """Show the chart saved under ``name``; False when there is none."""
        settings = self._charts.get(name)
        if settings is None:
            return False
        self.chosen.emit(dict(settings))
        return True

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, "Save chart", "Name:", text=self.combo.currentText())
        if ok and name.strip():
            self.save_requested.emit(name)

    @Slot(int)
    def _open(self, index: int) -> None:
        if index >= 0:
            self.open(self.combo.itemText(index))

    def _delete(self) -> None:
        name = self.combo.currentText()
        if name:
            self.delete_requested.emit(name)
