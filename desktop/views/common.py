"""Small pieces the panes share: a tidy table view and a titled pane with a filter box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.base import Role


def tidy_table(view: QTableView, fixed: tuple[int, ...] = ()) -> None:
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
    column_menu(view, fixed)


def column_menu(view: QTableView, fixed: tuple[int, ...] = ()) -> None:
    """A right-click menu on the header to show or hide columns (``fixed`` ones are left out)."""
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(point: QPoint) -> None:
        menu = QMenu(header)
        model = view.model()
        shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        for column in range(model.columnCount()):
            if column in fixed:
                continue
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(not (column in shown and len(shown) == 1))  # keep one column
            action.toggled.connect(lambda on, c=column: view.setColumnHidden(c, not on))
        menu.exec(header.mapToGlobal(point))

    header.customContextMenuRequested.connect(show_menu)


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


def heading_and_tree(name: str, columns: Sequence[str], widths: Sequence[int]) -> tuple[QLabel, QTreeWidget]:
    """A wrapping heading over a tree of rows (``{name}Heading``, ``{name}Tree``): a pane's list
    of groups with their claims below."""
    heading = QLabel()
    heading.setObjectName(f"{name}Heading")
    heading.setWordWrap(True)
    tree = QTreeWidget()
    tree.setObjectName(f"{name}Tree")
    tree.setColumnCount(len(columns))
    tree.setHeaderLabels(list(columns))
    tidy_tree(tree)
    for column, width in enumerate(widths):
        tree.setColumnWidth(column, width)
    return heading, tree


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


def tree_leaves(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The rows under the top-level rows of a two-level tree, in order."""
    leaves: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top is not None:
            leaves.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
    return leaves
