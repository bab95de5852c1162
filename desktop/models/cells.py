"""A cell's painted roles answered in one call into Python, and kept until its row changes.

Qt's item delegate asks every cell it paints for seven roles (font, alignment, colour, check
state, icon, text, background) in one ``multiData`` call, which a model that only overrides
``data()`` answers with seven calls into Python: some 1,700 a first paint of the window's lists,
each waiting its turn for the GIL while a reader thread runs Python (issue 18). Our models answer
``multiData`` instead, from a cache of what each cell paints with (made once, dropped when the
model says its rows changed); the proxies over them pass the call on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
#: what a cell is painted with (Qt's ``QStyledItemDelegate::initStyleOption`` asks these)
PAINTED = frozenset({
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.CheckStateRole,
})
#: cells kept at most (a few screenfuls); past this the cache starts again
CELLS_KEPT = 4000

#: the roles a ``multiData`` call asks for (from Qt: always a span)
Roles = QModelRoleDataSpan | QModelRoleData
#: a cell's painted roles that are set (a role left out paints as Qt's default)
Cell = dict[int, Any]


def fill_span(span: Roles, cell: Cell | None, other: Callable[[int], Any]) -> None:
    """Answer a ``multiData`` call: the painted roles from ``cell``, any other by ``other(role)``."""
    # a span is a sequence (``__getitem__`` and ``__len__``), which the stubs do not say
    for wanted in (span,) if isinstance(span, QModelRoleData) else cast("Iterable[QModelRoleData]", span):
        role = wanted.role()
        if cell is not None and role in cell:
            wanted.setData(cell[role])
        elif role in PAINTED:
            wanted.clearData()
        else:
            wanted.setData(other(role))


class CellCache:
    """The painted roles of the cells shown, by key, made once by ``make(key)``; emptied by
    :meth:`forget` (connected to the model's signals that say its rows changed)."""

    def __init__(self, model: QAbstractItemModel, make: Callable[[Any], Cell | None]) -> None:
        self._make = make
        self._cells: dict[Any, Cell | None] = {}
        # connected by the model's constructor, before any view: the cells are forgotten before
        # a view asks for them again
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved, model.rowsMoved, model.columnsInserted, model.columnsRemoved):
            signal.connect(self.forget)

    def get(self, key: Any) -> Cell | None:
        try:
            return self._cells[key]
        except KeyError:
            pass
        cell = self._make(key)
        if len(self._cells) >= CELLS_KEPT:
            self._cells.clear()
        self._cells[key] = cell
        return cell

    def forget(self, *_: Any) -> None:
        self._cells.clear()

    def __len__(self) -> int:
        return len(self._cells)


class PaintedProxy(QSortFilterProxyModel):
    """A sort and filter proxy that passes a cell's ``multiData`` call on to its model (Qt's
    proxies answer it with one ``data()`` call a role)."""

    def multiData(self, index: Index, roleDataSpan: Roles) -> None:
        model = self.sourceModel()
        if model is None or not index.isValid():
            super().multiData(index, roleDataSpan)
            return
        model.multiData(self.mapToSource(index), roleDataSpan)
