"""The sources pane: a lazy table of sources, a filter box and the full-text search box."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

from desktop.models.sources import SNIPPET_MARKS, SNIPPET_ROLE, SourcesModel
from desktop.views.column_fit import FittedColumns
from desktop.views.common import filter_box, pane_layout, select_row, selected_id, tidy_table

#: ms to wait after the last key press before filtering or searching
TYPING_PAUSE = 250
#: columns hidden while searching (outlet, kind, counts): the snippets need the width
SEARCH_HIDES = (2, 3, 4, 5, 6)


class TitleDelegate(QStyledItemDelegate):
    """The title; during a search, the matching snippet under it with the hits in bold."""

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        snippet = index.data(SNIPPET_ROLE) if self.model.searching else ""
        if not snippet:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        opened, closed = SNIPPET_MARKS
        flat = " ".join(snippet.split())
        markup = html.escape(flat).replace(html.escape(opened), "<b>").replace(html.escape(closed), "</b>")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = text_colour if selected else option.palette.color(QPalette.ColorRole.PlaceholderText)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(
            f"<div style='white-space:pre; color:{text_colour.name()}'>{html.escape(title)}</div>"
            f"<div style='white-space:pre; color:{quiet.name()}'>{markup}</div>"
        )
        context = QAbstractTextDocumentLayout.PaintContext()
        painter.save()
        rect = option.rect.adjusted(4, 2, -2, -2)
        painter.translate(rect.left(), rect.top())
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if self.model.searching:
            hint.setHeight(2 * option.fontMetrics.height() + 8)
        return hint


class SourcesPane(QWidget):
    """Sources filtered and sorted in SQL; a search shows ranked hits with their snippet."""

    source_selected = Signal(int)
    #: the actor filter was cleared from this pane
    actor_filter_cleared = Signal()

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesView")
        self.model = model
        self.search_edit = filter_box("Search the texts…  (Ctrl+F)", "searchEdit")
        self.search_edit.setToolTip(
            'All words must occur; "quoted phrase"; prefix*; -excluded. Best matches first.'
        )
        self.filter_edit = filter_box("Filter by title, outlet or author", "sourcesFilter")
        self.view = QTableView()
        self.view.setObjectName("sourcesTable")
        tidy_table(self.view, fixed=(SourcesModel.SNIPPET_COLUMN,))
        self.view.setModel(self.model)
        # the indicator first, so enabling sorting asks for the order the model already has
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        widths = {1: 82, 2: 110, 3: 42, 4: 62, 5: 42, 6: 42, 7: 280}
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
        #: the date, outlet, language, kind and counts as wide as the rows on screen need
        self.fitted = FittedColumns(self.view, {c: w for c, w in widths.items() if c != SourcesModel.SNIPPET_COLUMN},
                                    "sources")
        self.view.setColumnHidden(4, True)  # the kind: one right-click on the header away
        #: the titles' delegate, set while searching (see :meth:`_show_match_column`)
        self.titles = TitleDelegate(self.model, self.view)

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
        self.count_label.setStyleSheet("color: #6a6a6a;")
        self.count_label.setWordWrap(True)

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
        #: which columns were hidden before a search hid some to make room for the snippets
        self._hidden_before_search: dict[int, bool] | None = None
        # the snippet is drawn under the title while searching (a column of its own is too narrow)
        self.view.setColumnHidden(SourcesModel.SNIPPET_COLUMN, True)

    # --- public ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._pending_select = self.selected_source()
        self.model.reload()

    def selected_source(self) -> int | None:
        return selected_id(self.view)

    def select_source(self, source_id: int) -> bool:
        """Select a source's row if it is in the list (quietly: no ``source_selected``)."""
        if self.model.loading:  # the list is being replaced: select it when it arrives
            self._pending_select = source_id
        row = self.model.row_of(source_id)
        if row is None:  # not in the list (filtered out, or far down a long one)
            self.view.selectionModel().blockSignals(True)
            self.view.clearSelection()
            self.view.selectionModel().blockSignals(False)
            self.view.viewport().update()
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the snippets of as many rows as the list shows come with a search's hits
        self.model.rows_shown = self.view.height() // self._row_height(2) + 2

    def _row_height(self, lines: int) -> int:
        return lines * self.view.fontMetrics().height() + (8 if lines == 1 else 10)

    def _show_match_column(self) -> None:
        """While searching, rows are two lines (title and snippet) and the counts step aside."""
        searching = self.model.searching
        self.view.verticalHeader().setDefaultSectionSize(self._row_height(2 if searching else 1))
        # otherwise the title paints as Qt paints any cell: no call into Python a title (each
        # waiting its turn for the GIL while a reader runs)
        self.view.setItemDelegateForColumn(0, self.titles if searching else None)  # type: ignore[arg-type]
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(not (searching and self.model.ranked))
        if searching and self._hidden_before_search is None:
            self._hidden_before_search = {c: self.view.isColumnHidden(c) for c in SEARCH_HIDES}
            for column in SEARCH_HIDES:
                self.view.setColumnHidden(column, True)
        elif not searching and self._hidden_before_search is not None:
            for column, hidden in self._hidden_before_search.items():
                self.view.setColumnHidden(column, hidden)
            self._hidden_before_search = None

    def _loaded(self) -> None:
        self._show_match_column()
        if not self.model.searching:
            self.fitted.fit(min(self.model.rowCount(), self.model.rows_shown))
        self._show_count()
        # a source further down than the first page is selected once the whole list is in
        if self._pending_select is not None and (self.select_source(self._pending_select) or not self.model.partial):
            self._pending_select = None

    def _show_count(self) -> None:
        total = self.model.total
        noun = "source" if total == 1 else "sources"
        if self.model.partial:
            text = "Listing sources…"
        elif self.model.searching:
            text = f"{total:,} matching {noun}, best first" if self.model.ranked else f"{total:,} matching {noun}"
        elif self.model.filter.actor_id is not None or self.model.filter.text.strip():
            text = f"{total:,} {noun} shown"
        elif total == 0:
            text = "No sources yet: File ▸ Import…, or drop files and folders on the window."
        else:
            text = f"{total:,} {noun}"
        self.count_label.setText(text)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        source_id = self.selected_source()
        if source_id is not None:
            self.source_selected.emit(source_id)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
