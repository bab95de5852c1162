"""The sources pane: a lazy table of sources, a filter box and the full-text search box."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

from db.archive import Archive
from desktop.models.sources import SourcesModel
from desktop.tasks import TaskRunner
from desktop.views.common import filter_box, pane_layout, select_row, selected_id, tidy_table

#: ms to wait after the last key press before filtering or searching
TYPING_PAUSE = 250


class SourcesPane(QWidget):
    """Sources filtered and sorted in SQL; a search shows ranked hits with their snippet."""

    source_selected = Signal(int)
    #: the actor filter was cleared from this pane
    actor_filter_cleared = Signal()

    def __init__(self, archive: Archive, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesView")
        self.model = SourcesModel(archive, runner)
        self.search_edit = filter_box("Search the texts…  (Ctrl+F)", "searchEdit")
        self.search_edit.setToolTip(
            'All words must occur; "quoted phrase"; prefix*; -excluded. Best matches first.'
        )
        self.filter_edit = filter_box("Filter by title, outlet or author", "sourcesFilter")
        self.view = QTableView()
        self.view.setObjectName("sourcesTable")
        tidy_table(self.view)
        self.view.setModel(self.model)
        # the indicator first, so enabling sorting asks for the order the model already has
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, self.view.horizontalHeader().ResizeMode.Stretch)
        for column, width in ((1, 82), (2, 110), (3, 62), (4, 42), (5, 42), (6, 280)):
            self.view.setColumnWidth(column, width)

        self.actor_label = QLabel()
        self.actor_label.setObjectName("actorFilterLabel")
        self.clear_actor = QToolButton()
        self.clear_actor.setText("✕")
        self.clear_actor.setToolTip("Show sources of every actor")
        self.clear_actor.setAutoRaise(True)
        self.actor_bar = QWidget()
        bar = QHBoxLayout(self.actor_bar)
        bar.setContentsMargins(2, 0, 2, 0)
        bar.addWidget(self.actor_label, 1)
        bar.addWidget(self.clear_actor)
        self.actor_bar.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("sourcesCount")
        self.count_label.setStyleSheet("color: palette(mid);")

        layout = pane_layout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.actor_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE)
        self._search_timer.timeout.connect(self._apply_search)
        self._filter_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(text=self.filter_edit.text()))
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._apply_search)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.clear_actor.clicked.connect(self._clear_actor)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loaded.connect(self._loaded)
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self._pending_select: int | None = None
        self._show_match_column()

    # --- public ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._pending_select = self.selected_source()
        self.model.reload()

    def selected_source(self) -> int | None:
        return selected_id(self.view)

    def select_source(self, source_id: int) -> bool:
        """Select a source's row if it is in the list (quietly: no ``source_selected``)."""
        row = self.model.row_of(source_id)
        if row is None:
            return False
        self.view.blockSignals(True)
        self.view.selectionModel().blockSignals(True)
        select_row(self.view, self.model.index(row, 0))
        self.view.selectionModel().blockSignals(False)
        self.view.blockSignals(False)
        self.view.viewport().update()
        return True

    def set_actor_filter(self, actor_id: int | None, name: str = "") -> None:
        self.actor_bar.setVisible(actor_id is not None)
        self.actor_label.setText(f"Mentioning <b>{name}</b>" if actor_id is not None else "")
        if actor_id != self.model.filter.actor_id:
            self._pending_select = self.selected_source()
            self.model.set_filter(actor_id=actor_id)

    # --- internals ------------------------------------------------------------------------

    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text()
        if text != self.model.filter.search:
            self.model.set_filter(search=text)

    def _clear_actor(self) -> None:
        self.set_actor_filter(None)
        self.actor_filter_cleared.emit()

    def _show_match_column(self) -> None:
        self.view.setColumnHidden(SourcesModel.SNIPPET_COLUMN, not self.model.searching)
        header = self.view.horizontalHeader()
        if self.model.searching and self.model.ranked:
            header.setSortIndicatorShown(False)
        else:
            header.setSortIndicatorShown(True)

    def _loaded(self) -> None:
        self._show_match_column()
        self._show_count()
        if self._pending_select is not None:
            self.select_source(self._pending_select)
            self._pending_select = None

    def _show_count(self) -> None:
        total = self.model.total
        noun = "source" if total == 1 else "sources"
        if self.model.searching:
            text = f"{total:,} matching {noun}, best first" if self.model.ranked else f"{total:,} matching {noun}"
        elif self.model.filter.actor_id is not None or self.model.filter.text.strip():
            text = f"{total:,} {noun} shown"
        else:
            text = f"{total:,} {noun}"
        self.count_label.setText(text)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        source_id = self.selected_source()
        if source_id is not None:
            self.source_selected.emit(source_id)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
