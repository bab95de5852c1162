"""Small pieces the panes share: a tidy table view and a titled pane with a filter box."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.base import Role


def tidy_table(view: QTableView) -> None:
    """Row selection, no row numbers, compact rows, last column stretched, text elided."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(36)


def tidy_tree(view: QTreeView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.header().setStretchLastSection(True)


def filter_box(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def pane_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    return layout


def selected_id(view: QAbstractItemView) -> int | None:
    """The archive id of the selected row (through any proxy), or None."""
    model = view.selectionModel()
    if model is None:
        return None
    rows = model.selectedRows()
    if not rows:
        return None
    value = rows[0].data(Role.ID)
    return int(value) if value is not None else None


def select_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Select and show one row (``index`` is in the view's model)."""
    if not index.isValid():
        return
    model: QAbstractItemModel = view.model()
    first = model.index(index.row(), 0, index.parent())
    view.setCurrentIndex(first)
    view.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)
