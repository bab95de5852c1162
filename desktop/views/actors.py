"""The actors pane: actors grouped by kind, with mention counts and aliases."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QTreeView, QWidget

from db.rows import ActorRow
from desktop.models.actors import ActorsModel
from desktop.models.base import Role
from desktop.models.cells import PaintedProxy
from desktop.views.common import filter_box, pane_layout, tidy_tree


class ActorsPane(QWidget):
    """Selecting an actor emits ``actor_selected(id)``; selecting a kind or nothing emits -1."""

    actor_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorsView")
        self.model = ActorsModel()
        self.proxy = PaintedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # names and aliases
        self.proxy.setSortRole(Role.SORT)
        self.filter_edit = filter_box("Filter actors and aliases", "actorsFilter")
        self.view = QTreeView()
        self.view.setObjectName("actorsTree")
        tidy_tree(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setColumnWidth(0, 180)
        self.view.setColumnWidth(1, 68)
        layout = pane_layout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.filter_edit.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_actors(self, actors: list[ActorRow]) -> None:
        """New rows (after a change), keeping the expanded kinds and the selection."""
        current = self.selected_actor()
        expanded = {
            self.proxy.index(r, 0).data(Role.SORT)
            for r in range(self.proxy.rowCount())
            if self.view.isExpanded(self.proxy.index(r, 0))
        }
        first_fill = self.model.rowCount() == 0
        self.view.selectionModel().blockSignals(True)
        self.model.set_actors(actors)
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if first_fill or index.data(Role.SORT) in expanded:
                self.view.setExpanded(index, True)
        if current is not None:
            self._select_quietly(current)
        self.view.selectionModel().blockSignals(False)

    def selected_actor(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(Role.ID)
        return int(value) if value is not None else None

    def selected_actor_row(self) -> ActorRow | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(Role.ROW) if rows else None

    def select_actor(self, actor_id: int | None) -> None:
        """Select an actor (emits ``actor_selected``); None clears the selection."""
        if actor_id is None:
            self.view.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index_of_actor(actor_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _select_quietly(self, actor_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_of_actor(actor_id))
        if index.isValid():
            self.view.setCurrentIndex(index)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        actor_id = self.selected_actor()
        self.actor_selected.emit(actor_id if actor_id is not None else -1)

    def index_of(self, actor_id: int) -> QModelIndex:
        """The view's index of an actor (for tests and keyboard navigation)."""
        return self.proxy.mapFromSource(self.model.index_of_actor(actor_id))
