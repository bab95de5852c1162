"""The statistics pane: every claim with its value, range, period, place, claimant and source.

Above the table, a filter box and a filter bar (measure, place, claimant, source, years, conflicts
only, grouping); below it, totals per group. Cells can be edited (double-click or F2): the pane
asks with ``edit_requested(statistic_id, changes, text, version)`` and never writes itself; the context
menu and the Delete key ask likewise (``show_requested``, ``memo_requested``, ``delete_requested``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from db.conflicts import Conflict
from db.rows import StatisticRow
from desktop.models.lists import StatisticsModel
from desktop.views.common import filter_box, pane_layout, select_row, selected_id, tidy_table
from desktop.views.statistics.filtering import StatisticsFilterProxy
from desktop.views.statistics.tools import StatisticsTools, TotalsView


class StatisticsPane(QWidget):
    """Selecting a row emits ``statistic_selected(id)``; the window opens its sentence."""

    statistic_selected = Signal(int)
    #: a cell was edited: (statistic id, fields to change, what to call the edit)
    edit_requested = Signal(int, dict, str, object)
    #: a cell edit could not be read (the reason)
    edit_refused = Signal(str)
    show_requested = Signal(int)
    memo_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self.model = StatisticsModel()
        #: True until the first list arrives (the summary says so instead of "0 of 0")
        self.loading = True
        #: True while only the first claims are listed (the rest are being read)
        self.partial = False
        self.proxy = StatisticsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = filter_box("Filter statistics (measure, subject, place, claimant…)", "statisticsFilter")
        self.tools = StatisticsTools(self)
        self.view = QTableView()
        self.view.setObjectName("statisticsTable")
        tidy_table(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(StatisticsModel.PERIOD, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed  # F2; typing alone never starts an edit
        )
        for column, width in enumerate((96, 106, 150, 118, 108, 118, 200)):
            self.view.setColumnWidth(column, width)
        self.totals = TotalsView(self)
        layout = pane_layout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)

        self.delete_action = QAction("Delete Statistic", self.view)
        self.delete_action.setObjectName("actionDeleteStatistic")
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_selected)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_edit.textChanged.connect(lambda _text: self.update_view())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tools.changed.connect(self.update_view)
        self.proxy.edit_requested.connect(self.edit_requested)
        self.proxy.edit_refused.connect(self.edit_refused)
        self.update_view()

    # --- what is shown --------------------------------------------------------------------

    def set_statistics(self, rows: list[StatisticRow], *, complete: bool = True) -> None:
        """Show these claims; not ``complete``: the first of them, the rest on their way."""
        self.partial = not complete
        current = self.selected_statistic()
        self.view.selectionModel().blockSignals(True)
        self.proxy.rows_changed()
        self.model.set_rows(rows)
        self.loading = False
        if current is not None:
            self.select_statistic(current, quietly=True)
        self.view.selectionModel().blockSignals(False)
        self.tools.set_rows(self.model.rows)
        self.update_view()

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        """Flag the claims that conflict (and offer "Conflicts only")."""
        self.proxy.set_conflicts(conflicts)
        self.view.viewport().update()  # the flags drawn anew
        self.update_view()

    def update_view(self) -> None:
        """Apply the filter bar, count what is shown, total it."""
        self.proxy.set_criteria(self.tools.criteria())
        if self.loading:
            self.tools.summary.setText("Loading statistics…")
            self.totals.hide()
            return
        rows = self.proxy.visible_rows()
        conflicting = self.proxy.conflicting
        if self.partial:  # totals of a part would mislead
            self.tools.summary.setText(f"{len(rows):,} of the first {self.model.rowCount():,} · loading…")
            self.totals.hide()
            return
        self.tools.summary.setText(
            f"{len(rows):,} of {self.model.rowCount():,}"
            + (f" · {len(conflicting)} in conflict" if conflicting else "")
        )
        self.totals.show_totals(rows, self.tools.grouping_keys())

    def visible_rows(self) -> list[StatisticRow]:
        """The statistics shown, filters applied, in the table's order."""
        return self.proxy.visible_rows()

    def with_criteria(self, **changes: Any) -> None:
        """Set filters by value (links from other panes, tests): measure=, place=, claimant= …"""
        criteria = replace(self.tools.criteria(), **changes)
        tools = self.tools
        for name in ("measure", "place", "claimant", "source"):
            tools.choose(getattr(tools, name), getattr(criteria, name))
        tools.conflicts_only.setChecked(criteria.conflicts_only)
        self.update_view()

    # --- selection ------------------------------------------------------------------------

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

    # --- asking for changes ---------------------------------------------------------------

    def _delete_selected(self) -> None:
        selected = self.selected_statistic()
        if selected is not None:
            self.delete_requested.emit(selected)

    def _menu(self, point: QPoint) -> None:
        selected = self.selected_statistic()
        if selected is None:
            return
        menu = QMenu(self.view)
        menu.setObjectName("statisticsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Show in the Reader", lambda: self.show_requested.emit(selected))
        menu.addAction("Memo…", lambda: self.memo_requested.emit(selected))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.view.viewport().mapToGlobal(point))
