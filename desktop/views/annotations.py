"""The annotations pane: what is marked in the source shown in the reader."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMenu, QTableView, QWidget

from db.rows import AnnotationRow
from desktop.models.base import FilterOnlyProxy
from desktop.models.lists import AnnotationsModel
from desktop.views.common import pane_layout, select_row, selected_id, tidy_table


class AnnotationsPane(QWidget):
    """Selecting an annotation emits ``annotation_selected(id)``; the reader shows its span.

    Double-click emits ``activated(id)``; the context menu and the Delete key ask for an edit or a
    deletion (``edit_requested(id)``, ``delete_requested(id)``): the pane changes nothing itself.
    """

    annotation_selected = Signal(int)
    activated = Signal(int)
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsView")
        self.model = AnnotationsModel()
        self.proxy = FilterOnlyProxy(self)  # the model sorts itself
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("annotationsTable")
        tidy_table(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((260, 74, 130, 160, 50)):
            self.view.setColumnWidth(column, width)
        self.empty = QLabel("No source shown.")
        self.empty.setStyleSheet("color: #6a6a6a;")
        self.show_mentions = QCheckBox("Mentions")
        self.show_mentions.setObjectName("showMentions")
        self.show_mentions.setToolTip("List the mentions of actors too (they are underlined in the text)")
        footer = QHBoxLayout()
        footer.addWidget(self.empty, 1)
        footer.addWidget(self.show_mentions)
        layout = pane_layout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self._rows: list[AnnotationRow] | None = None
        self.show_mentions.toggled.connect(lambda _on: self._fill())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(lambda _index: self._ask(self.activated))
        self.delete_action = QAction("Delete", self.view)
        self.delete_action.setObjectName("actionDeleteAnnotation")
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(lambda: self._ask(self.delete_requested))
        self.view.addAction(self.delete_action)

    def set_annotations(self, rows: tuple[AnnotationRow, ...] | list[AnnotationRow] | None) -> None:
        """The annotations of the shown source (None: no source)."""
        self._rows = list(rows) if rows is not None else None
        self._fill()

    def _fill(self) -> None:
        rows = self._rows
        mentions = self.show_mentions.isChecked()
        shown = [
            a for a in rows or ()
            # a bare mention is listed only on request; a coded or noted one always
            if mentions or a.mention_id is None or a.codes or a.note
        ]
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(shown)
        self.view.selectionModel().blockSignals(False)
        if rows is None:
            self.empty.setText("No source shown.")
        else:
            hidden = len(rows) - len(shown)
            text = f"{len(shown)} annotation{'s' if len(shown) != 1 else ''}"
            self.empty.setText(text + (f" (+{hidden} mentions)" if hidden else ""))

    def selected_annotation(self) -> int | None:
        return selected_id(self.view)

    def select_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is None and self._rows and any(a.id == annotation_id for a in self._rows):
            self.show_mentions.setChecked(True)
            row = self.model.row_of(annotation_id)
        if row is not None:
            self.view.selectionModel().blockSignals(True)
            select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)))
            self.view.selectionModel().blockSignals(False)
            self.view.viewport().update()

    def _ask(self, signal: SignalInstance) -> None:
        selected = self.selected_annotation()
        if selected is not None:
            signal.emit(selected)

    def _menu(self, point: QPoint) -> None:
        selected = self.selected_annotation()
        if selected is None:
            return
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Edit codes and note…", lambda: self.edit_requested.emit(selected))
        menu.addAction("Delete", lambda: self.delete_requested.emit(selected))
        menu.popup(self.view.viewport().mapToGlobal(point))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        annotation_id = self.selected_annotation()
        if annotation_id is not None:
            self.annotation_selected.emit(annotation_id)
