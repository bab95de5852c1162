"""The statistics pane: every claim with its value, range, period, place, claimant and source."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from db.queries import StatisticRow
from desktop.models.base import Role
from desktop.models.tables import StatisticsModel
from desktop.views.common import filter_box, pane_layout, select_row, selected_id, tidy_table


class StatisticsPane(QWidget):
    """Selecting a row emits ``statistic_selected(id)``; the window opens its sentence."""

    statistic_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self.model = StatisticsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Role.SORT)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_edit = filter_box("Filter statistics (measure, subject, place, claimant…)", "statisticsFilter")
        self.view = QTableView()
        self.view.setObjectName("statisticsTable")
        tidy_table(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(StatisticsModel.PERIOD, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((96, 106, 150, 118, 108, 118, 200)):
            self.view.setColumnWidth(column, width)
        layout = pane_layout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_statistics(self, rows: list[StatisticRow]) -> None:
        current = self.selected_statistic()
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        if current is not None:
            self.select_statistic(current, quietly=True)
        self.view.selectionModel().blockSignals(False)

    def selected_statistic(self) -> int | None:
        return selected_id(self.view)

    def select_statistic(self, statistic_id: int, *, quietly: bool = False) -> bool:
        row = self.model.row_of(statistic_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: show it anyway
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.view.selectionModel()
        if quietly:
            selection.blockSignals(True)
        select_row(self.view, index)
        if quietly:
            selection.blockSignals(False)
            self.view.viewport().update()
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        statistic_id = self.selected_statistic()
        if statistic_id is not None:
            self.statistic_selected.emit(statistic_id)
