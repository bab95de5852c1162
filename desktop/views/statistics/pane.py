"""The statistics pane: every claim with its value, range, period, place, claimant and source.

Above the table, a filter box and a filter bar (measure, place, claimant, source, years, conflicts
only, grouping); below it, totals per group. The list is lazy (:mod:`desktop.models.statistics`):
filter, order and totals are worked out in SQL off the GUI thread, and the rows are read a page
at a time as the table shows them. Cells can be edited (double-click or F2): the pane asks with
``edit_requested(statistic_id, changes, text, version)`` and never writes itself; the context
menu and the Delete key ask likewise (``show_requested``, ``memo_requested``, ``delete_requested``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from db.claims_list import ClaimFilter
from db.rows import StatisticRow
from desktop.models.statistics import StatisticsModel
from desktop.views.common import filter_box, pane_layout, select_row, selected_id, tidy_table
from desktop.views.statistics.filtering import ConflictingIds, StatisticsFilterProxy
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

    #: a list asked for (a reload, a filter) has arrived and is shown, its totals and summary too
    listed = Signal()

    def __init__(self, model: StatisticsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self.model = model
        #: True until the first list arrives (the summary says so instead of "0 of 0")
        self.loading = True
        #: a claim to select once the list on its way has arrived: (id, quietly)
        self._to_select: tuple[int, bool] | None = None
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

        self.filter_edit.textChanged.connect(lambda _text: self.update_view())
        self.model.loaded.connect(self._listed)
        self.model.choices_arrived.connect(self.tools.set_choices)
        # a new list (a sort, a filter, a write) keeps the claim selected, where it is listed still
        self.model.modelAboutToBeReset.connect(self._keep_selected)
        self.model.load_failed.connect(self._load_failed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tools.changed.connect(self.update_view)
        self.proxy.edit_requested.connect(self.edit_requested)
        self.proxy.edit_refused.connect(self.edit_refused)

    # --- what is shown --------------------------------------------------------------------

    def _keep_selected(self) -> None:
        current = self.selected_statistic()
        if current is not None and self._to_select is None:
            self._to_select = (current, True)

    def reload(self) -> None:
        """Read the list, its totals and the filter bar's choices again (after a write)."""
        if self.loading:  # the first list on its way: said, not an empty pane
            self.tools.summary.setText("Loading statistics…")
        if not self.model.set_filter(self.claim_filter(), self.tools.grouping_keys()):
            self.model.reload()
        self.model.read_choices(self.tools.chosen())

    def claim_filter(self) -> ClaimFilter:
        """What the filter box and bar ask for, in the table's order (a query for the archive)."""
        chosen = self.tools.criteria().claims(self.filter_edit.text(), self.proxy.conflicting)
        return replace(chosen, order=self.model.filter.order, descending=self.model.filter.descending)

    def set_conflicts(self, flagged: ConflictingIds) -> None:
        """Flag the claims that conflict (and offer "Conflicts only"); their ids are packed off
        the GUI thread."""
        self.proxy.set_conflicts(flagged)
        self.view.viewport().update()  # the flags drawn anew
        if self.tools.conflicts_only.isChecked():  # the claims listed change
            self.update_view()
        elif not self.loading:
            self._show_summary()

    def update_view(self) -> None:
        """Apply the filter bar (the list and its totals are read again when it changed)."""
        if self.model.set_filter(self.claim_filter(), self.tools.grouping_keys()):
            self.tools.summary.setText("Loading statistics…" if self.loading else "Filtering…")

    def _listed(self) -> None:
        self.loading = self.model.partial  # its first page only: the rest of the list on its way
        self._show_summary()
        if self._to_select is not None:
            (statistic_id, quietly), self._to_select = self._to_select, None
            self._select(statistic_id, quietly)
        self.listed.emit()

    def _load_failed(self, message: str) -> None:
        self.tools.summary.setText(f"Could not read the statistics: {message}")
        self.listed.emit()

    def _show_summary(self) -> None:
        model = self.model
        if model.partial:
            self.tools.summary.setText(f"Listing… of {model.everything:,}")
            return
        conflicting = self.proxy.conflicting
        self.tools.summary.setText(
            f"{model.total:,} of {model.everything:,}"
            + (f" · {len(conflicting):,} in conflict" if conflicting else "")
        )
        self.totals.show_totals(model.totals)

    def visible_ids(self) -> list[int]:
        """The ids of the statistics shown, filters applied, in the table's order."""
        return self.model.ids

    def visible_rows(self) -> list[StatisticRow]:
        """The statistics shown, in the table's order, read now (every one of them: for a short
        list, a test; a large archive's list is read a page at a time instead)."""
        return self.model.rows_of(self.model.ids)

    def with_criteria(self, **changes: Any) -> None:
        """Set filters by value (links from other panes, tests): measure=, place=, claimant= …"""
        criteria = replace(self.tools.criteria(), **changes)
        tools = self.tools
        tools.blockSignals(True)
        for name in ("measure", "place", "claimant", "source"):
            tools.choose(getattr(tools, name), getattr(criteria, name))
        tools.conflicts_only.setChecked(criteria.conflicts_only)
        tools.blockSignals(False)
        self.update_view()

    # --- selection ------------------------------------------------------------------------

    def selected_statistic(self) -> int | None:
        return selected_id(self.view)

    def select_statistic(self, statistic_id: int, *, quietly: bool = False) -> bool:
        """Select a claim, wherever it is in the list (its page is read); one the filters leave
        out is shown by clearing them, and selected once the list has arrived. False when
        the archive has no such claim."""
        if self.model.loading:
            self._to_select = (statistic_id, quietly)
            return True
        if self._select(statistic_id, quietly):
            return True
        if not self.model.exists(statistic_id):
            return False
        self._to_select = (statistic_id, quietly)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.tools.clear()  # the list is read again, unfiltered
        if not self.model.loading:  # nothing was filtering it out (a claim added meanwhile)
            self.model.reload()
        return True

    def _select(self, statistic_id: int, quietly: bool) -> bool:
        row = self.model.row_of(statistic_id)
        if row is None:
            return False
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
