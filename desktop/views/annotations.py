"""The annotations pane: what is marked in the source shown in the reader."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from db.queries import AnnotationRow
from desktop.models.base import Role
from desktop.models.tables import AnnotationsModel
from desktop.views.common import pane_layout, select_row, selected_id, tidy_table


class AnnotationsPane(QWidget):
    """Selecting an annotation emits ``annotation_selected(id)``; the reader shows its span."""

    annotation_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsView")
        self.model = AnnotationsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Role.SORT)
        self.view = QTableView()
        self.view.setObjectName("annotationsTable")
        tidy_table(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((260, 74, 130, 160, 50)):
            self.view.setColumnWidth(column, width)
        self.empty = QLabel("No source shown.")
        self.empty.setStyleSheet("color: palette(mid);")
        layout = pane_layout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_annotations(self, rows: tuple[AnnotationRow, ...] | list[AnnotationRow] | None) -> None:
        """The annotations of the shown source (None: no source)."""
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(list(rows or ()))
        self.view.selectionModel().blockSignals(False)
        if rows is None:
            self.empty.setText("No source shown.")
        else:
            n = len(rows)
            self.empty.setText(f"{n} annotation{'s' if n != 1 else ''} in this source")

    def selected_annotation(self) -> int | None:
        return selected_id(self.view)

    def select_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            self.view.selectionModel().blockSignals(True)
            select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)))
            self.view.selectionModel().blockSignals(False)
            self.view.viewport().update()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        annotation_id = self.selected_annotation()
        if annotation_id is not None:
            self.annotation_selected.emit(annotation_id)
