"""Two table-model bases: a lazy one over many ids, and a plain one over a short list of rows.

:class:`LazyTableModel` runs one query for the ids (filter and order done in SQL), then loads rows
in pages as the view scrolls (``canFetchMore``/``fetchMore``); ``data()`` reads only the page
cache. With a :class:`~desktop.tasks.TaskRunner` the id query and the first page run off the GUI
thread, and ``loaded`` is emitted when they arrive; without one they run at once (tests, tools).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Generic, TypeAlias, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.models.cells import PAINTED, Cell, CellCache, PaintedProxy, Roles, fill_span
from desktop.tasks import TaskRunner

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
#: the ids a lazy model lists, in order: a list, or packed (8 bytes an id)
Ids: TypeAlias = "list[int] | array[int]"

#: rows loaded per fetchMore (a screenful or two; each page is one SQL query)
PAGE_SIZE = 200
#: at most this many loaded rows are refreshed in place after a write (more: the list resets)
KEEP_LOADED = 5000


class Role(IntEnum):
    """Extra data roles every model of ours answers."""

    ID = Qt.ItemDataRole.UserRole + 1  # the row's id in the archive (int)
    ROW = Qt.ItemDataRole.UserRole + 2  # the row itself (a frozen dataclass)
    SORT = Qt.ItemDataRole.UserRole + 3  # a value to sort by in proxies


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, how to show a row, and what SQL/Python key sorts it."""

    title: str
    display: Callable[[R], Any]
    sort_key: str | None = None
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    decoration: Callable[[R], Any] | None = None
    sort_value: Callable[[R], Any] | None = None
    header_tip: str | None = None


def _painted(column: Column[Any], row: Any) -> Cell:
    """What a cell of ``column`` paints with: its text, alignment and icon."""
    horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
    cell: Cell = {Qt.ItemDataRole.TextAlignmentRole: int(horizontal | Qt.AlignmentFlag.AlignVCenter)}
    shown = column.display(row)
    if shown is not None:
        cell[Qt.ItemDataRole.DisplayRole] = shown
    if column.decoration is not None:
        icon = column.decoration(row)
        if icon is not None:
            cell[Qt.ItemDataRole.DecorationRole] = icon
    return cell


def _row_data(column: Column[Any], row: Any, role: int) -> Any:
    """A role of a cell other than those it paints with (:func:`_painted`)."""
    if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
        return column.tooltip(row)
    if role == Role.ROW:
        return row
    if role == Role.ID:
        return getattr(row, "id", None)
    if role == Role.SORT:
        return column.sort_value(row) if column.sort_value is not None else column.display(row)
    return None


class _ColumnsModel(QAbstractTableModel, Generic[R]):
    """What every table over ``columns`` and a list of row dataclasses shows, however loaded."""

    columns: Sequence[Column[R]] = ()
    _rows: list[R]

    def __init__(self) -> None:
        super().__init__()
        #: what the cells shown paint with, by (row, column): made once, until the rows change
        self.cells = CellCache(self, self._cell)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _cell(self, at: tuple[int, int]) -> Cell | None:
        row, column = at
        shown = self.row_at(row) if 0 <= column < len(self.columns) else None
        return _painted(self.columns[column], shown) if shown is not None else None

    def painted(self, index: Index) -> Cell | None:
        """What the cell at ``index`` paints with (None: no such cell)."""
        return self.cells.get((index.row(), index.column())) if index.isValid() else None

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in PAINTED:
            cell = self.painted(index)
            return cell.get(role) if cell is not None else None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self.row_at(index.row())
        return _row_data(self.columns[index.column()], row, role) if row is not None else None

    def multiData(self, index: Index, roleDataSpan: Roles) -> None:
        fill_span(roleDataSpan, self.painted(index), lambda role: self.data(index, role))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tip
        return None


class LazyTableModel(_ColumnsModel[R]):
    """Ids from one query, rows in pages. Subclasses give the columns and two loaders."""

    #: the ids (and the first page) of a reload arrived; the model was reset
    loaded = Signal()
    #: a reload failed (the message is for people)
    load_failed = Signal(str)

    columns: Sequence[Column[R]] = ()

    def __init__(self, runner: TaskRunner | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self.runner = runner
        self.page_size = page_size
        #: the ids in order; an int64 array takes 8 bytes an id (a list of ints about 36)
        self._ids: array[int] = array("q")
        self._rows: list[R] = []
        self._generation = 0
        self.loading = False
        #: only the first page of the list is in (the whole list is on its way)
        self.partial = False

    # --- what subclasses provide ----------------------------------------------------------

    def ids_loader(self) -> Callable[[], Ids | tuple[Ids, Any]]:
        """A function (safe on a worker thread) returning the ids to show, in order (a list, or
        an int64 ``array`` as the model keeps them).

        It may return ``(ids, extra)``; ``extra`` is handed to :meth:`accept_extra` on the GUI
        thread inside the model reset (the sources model passes search snippets this way).
        """
        raise NotImplementedError

    def first_page_loader(self) -> Callable[[int], Ids] | None:
        """A function (safe on a worker thread) returning the first ``n`` ids of the list, much
        sooner than the whole list on a large archive; None (the default) when there is none."""
        return None

    def accept_extra(self, extra: Any) -> None:
        """Keep what the id loader returned besides the ids (called inside the reset)."""

    def rows_loader(self) -> Callable[[Sequence[int]], list[R]]:
        """A function (safe on a worker thread) returning the rows of some ids, in that order."""
        raise NotImplementedError

    def sort_column(self, column: int, order: Qt.SortOrder) -> bool:
        """Remember a new order for :meth:`ids_loader`; False when the column cannot sort."""
        return False

    # --- loading --------------------------------------------------------------------------

    def reload(self, *, fresh: bool = False) -> None:
        """Run the id query again (off the GUI thread when the model has a runner).

        When the ids come back the same and in the same order (a write changed a count or a
        title, not the list), the rows already loaded are updated in place: no reset, so the
        view keeps its scroll position and selection. A list shown anew (at first, or ``fresh``:
        another order or filter) comes in two steps where the model has a
        :meth:`first_page_loader`: its first page at once, then the rest of its ids, without a
        reset when they begin with that page (a million ids take a second to read).
        """
        self._generation += 1
        generation = self._generation
        load_ids, load_rows = self.ids_loader(), self.rows_loader()
        # as many rows as are loaded now (within reason), so an in-place update can cover them
        depth = min(max(len(self._rows), self.page_size), KEEP_LOADED)

        def job(*_: Any) -> tuple[array[int], list[R], Any]:
            found = load_ids()
            ids, extra = found if isinstance(found, tuple) else (found, None)
            packed = _packed(ids)
            return packed, load_rows(packed[:depth]), extra

        self.loading = True
        if self.runner is None:
            self._apply(generation, job())
            return
        runner, name = self.runner, type(self).__name__

        def whole_list() -> None:
            task = runner.read(job, "load " + name)
            task.on_finished(lambda result: self._apply(generation, result))
            task.on_failed(lambda message: self._failed(generation, message))

        first_page = self.first_page_loader() if fresh or not self._rows else None
        if first_page is None:
            whole_list()
            return
        size = self.page_size

        def quick(*_: Any) -> tuple[array[int], list[R]]:
            packed = _packed(first_page(size))
            return packed, load_rows(packed)

        def arrived(result: tuple[array[int], list[R]]) -> None:
            if generation != self._generation:
                return
            ids, rows = result
            if len(ids) < size:  # the whole list fits in a page: nothing more to read
                self._apply(generation, (ids, rows, None))
                return
            self.beginResetModel()
            self._ids, self._rows = ids, list(rows)
            self.partial = True
            self.endResetModel()
            self.loaded.emit()
            whole_list()

        def failed(_message: str) -> None:  # then the whole list, as without a first page
            if generation == self._generation:
                whole_list()

        task = runner.read(quick, "first page of " + name)
        task.on_finished(arrived)
        task.on_failed(failed)

    def refresh_loaded(self) -> None:
        """Read the loaded rows again, not the ids: a write changed what some rows say (a count),
        not which rows are listed or their order. No reset: scroll and selection stay."""
        if not self._rows:
            return
        generation = self._generation
        ids = [cast(Any, r).id for r in self._rows]
        load_rows = self.rows_loader()

        def job(*_: Any) -> list[R]:
            return load_rows(ids)

        def arrived(rows: list[R]) -> None:
            # a reload since, or rows gone meanwhile: the reload (or the next write's) shows it
            if generation != self._generation or [cast(Any, r).id for r in rows] != ids:
                return
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))

        if self.runner is None:
            arrived(job())
            return
        self.runner.read(job, "refresh " + type(self).__name__).on_finished(arrived)

    def _apply(self, generation: int, result: tuple[array[int], list[R], Any]) -> None:
        if generation != self._generation:  # a newer reload is on its way; drop this one
            return
        ids, rows, extra = result
        loaded = len(self._rows)
        # the whole list after its first page: the same rows first, only more ids after them
        rest = self.partial and ids[: len(self._ids)] == self._ids
        self.partial = False
        if loaded and (rest or ids == self._ids) and len(rows) >= loaded:
            self.accept_extra(extra)
            self._ids = ids
            self._rows = list(rows[:loaded])
            last = self.index(loaded - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self.accept_extra(extra)
            self._ids = ids
            self._rows = list(rows[: self.page_size])
            if len(self._rows) < min(len(ids), self.page_size):  # vanished between the queries
                kept = array("q", [cast(Any, r).id for r in self._rows])
                self._ids = kept + self._ids[self.page_size :]
            self.endResetModel()
        self.loading = False
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = self.partial = False
            self.load_failed.emit(message)

    # --- access ---------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows the query found (loaded or not)."""
        return len(self._ids)

    @property
    def ids(self) -> list[int]:
        return self._ids.tolist()

    def row_of(self, row_id: int, max_pages: int = 10) -> int | None:
        """The row number of an id, loading up to ``max_pages`` more pages to reach it.

        None when it is not in the list, or further down than that (loading hundreds of pages
        to highlight one row would freeze the window on a large archive).
        """
        try:
            position = self._ids.index(row_id)
        except ValueError:
            return None
        if position >= len(self._rows) + max_pages * self.page_size:
            return None
        while position >= len(self._rows) and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return position if position < len(self._rows) else None

    # --- Qt overrides ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        first = len(self._rows)
        wanted = self._ids[first : first + self.page_size].tolist()
        rows = self.rows_loader()(wanted)
        if len(rows) < len(wanted):  # deleted meanwhile: forget those ids
            self._ids[first : first + len(wanted)] = array("q", [cast(Any, r).id for r in rows])
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()


    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # before the first load (a view restoring its header), only remember the order
        if self.sort_column(column, order) and self._generation > 0:
            self.reload(fresh=True)


def _packed(ids: Ids) -> array[int]:
    """A loader's ids as the model keeps them (an int64 ``array``)."""
    return ids if isinstance(ids, array) else array("q", ids)


def _sort_key(column: Column[Any]) -> Callable[[Any], Any]:
    """A Python key for a column: its sort value, or its text without regard to case."""
    if column.sort_value is not None:
        return column.sort_value

    def key(row: Any) -> Any:
        shown = column.display(row)
        return (0, shown.casefold()) if isinstance(shown, str) else (1, shown)

    return key


class RowsTableModel(_ColumnsModel[R]):
    """A table over a list of rows that fits in memory (statistics, annotations, codes).

    It sorts itself, in Python with one key a row (a sort proxy would ask ``data()`` twice a
    comparison: seconds for 100,000 rows); its rows are kept in the chosen order, so a proxy over
    it only filters.
    """

    columns: Sequence[Column[R]] = ()

    def __init__(self, rows: Sequence[R] = ()) -> None:
        super().__init__()
        self._rows: list[R] = list(rows)
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: Sequence[R]) -> list[R]:
        if self._order is None or not 0 <= self._order[0] < len(self.columns):
            return list(rows)
        column, order = self._order
        return sorted(rows, key=_sort_key(self.columns[column]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows = self._sorted(self._rows)
        where = {id(row): n for n, row in enumerate(rows)}
        self.changePersistentIndexList(
            before, [self.index(where[id(self._rows[i.row()])], i.column()) for i in before])
        self._rows = rows
        self.layoutChanged.emit()

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_of(self, row_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if getattr(row, "id", None) == row_id:
                return n
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)



class FilterOnlyProxy(PaintedProxy):
    """A proxy over a :class:`RowsTableModel` that filters and leaves the sorting to the model
    (one Python key a row, instead of ``data()`` twice a comparison from C++: with a busy reader
    thread holding the GIL, each of those calls waits its turn)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)
