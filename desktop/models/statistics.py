"""The statistics pane's model: every claim of the filter bar's choice, read a page at a time.

The ids come from one query (:mod:`db.claims_list`: filter, order and totals in SQL), held as an
int64 array; the view's rows are read in pages of :data:`PAGE_SIZE` when it first shows them,
and at most :data:`PAGES_KEPT` pages are kept (the least recently shown go). So the model lists
every claim (the scroll bar is the whole list at once) but holds a few thousand of them, not the
100,000 of a large archive. With a task runner the id query runs off the GUI thread and
``loaded`` is emitted when it has arrived; without one, at once (tests, tools).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from db import values
from db.archive import Archive
from db.claims_list import ORDERS, Choices, ClaimFilter, Listed, Totals
from db.rows import StatisticRow
from desktop.models.base import Column, Index, _ColumnsModel
from desktop.models.display import measure, period
from desktop.reads import statistics as reads
from desktop.tasks import TaskRunner

#: rows read at once (one SQL query), when the view first shows one of them
PAGE_SIZE = 200
#: pages kept; the least recently shown are dropped (and read again when shown again)
PAGES_KEPT = 25


def _quote(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _statistic_tooltip(stat: StatisticRow) -> str:
    lines = [f"{values.format(stat)} {measure(stat)}" + (f" — {stat.subject}" if stat.subject else "")]
    lines.append("Claimed by " + (stat.claimant or "the author"))
    if stat.quote:
        lines.append(f"“{_quote(stat.quote, 300)}”")
    if stat.source_title:
        lines.append(f"Source: {stat.source_title}")
    return "\n".join(lines)


class StatisticsModel(_ColumnsModel[StatisticRow]):
    """Every statistic: value with its range, what it counts, when, where, who says so, where from."""

    VALUE, MEASURE, SUBJECT, PERIOD, PLACE, CLAIMANT, SOURCE, PAGE = range(8)
    columns = (
        Column[StatisticRow]("Value", values.format, align_right=True, tooltip=_statistic_tooltip),
        Column[StatisticRow]("Measure", measure, tooltip=_statistic_tooltip),
        Column[StatisticRow]("Subject", lambda s: s.subject or "", tooltip=_statistic_tooltip),
        Column[StatisticRow]("Period", lambda s: period(s.period_start, s.period_end)),
        Column[StatisticRow]("Place", lambda s: s.place or ""),
        Column[StatisticRow]("Claimant", lambda s: s.claimant or "(the author)"),
        Column[StatisticRow]("Source", lambda s: s.source_title or "", tooltip=lambda s: _quote(s.quote, 300) or None),
        Column[StatisticRow]("Page", lambda s: str(s.page) if s.page else "", align_right=True),
    )

    #: a reload's ids (and first page) arrived
    loaded = Signal()
    load_failed = Signal(str)
    #: the filter bar's choices read (:meth:`read_choices`): a :class:`~db.claims_list.Choices`
    choices_arrived = Signal(object)

    def __init__(self, archive: Archive, runner: TaskRunner | None = None, page_size: int = PAGE_SIZE,
                 pages_kept: int = PAGES_KEPT) -> None:
        super().__init__()
        self.archive = archive
        self.runner = runner
        self.page_size = page_size
        self.pages_kept = pages_kept
        self.filter = ClaimFilter()
        #: what the totals are grouped by (none: no totals read)
        self.grouping: tuple[str, ...] = ()
        #: the ids listed, in order (8 bytes an id)
        self._ids: array[int] = array("q")
        self._pages: OrderedDict[int, list[StatisticRow | None]] = OrderedDict()
        self._rows: list[StatisticRow] = []  # unused: rows are found by page (see row_at)
        self._generation = 0
        self._choices_generation = 0
        self.loading = False
        #: only the first page of the list is in (the rest of its ids are on their way)
        self.partial = False
        #: how many claims the archive holds (filtered or not), and the totals of those listed
        self.everything = 0
        self.totals: Totals | None = None

    # --- loading --------------------------------------------------------------------------

    def set_filter(self, chosen: ClaimFilter, grouping: tuple[str, ...] = ()) -> bool:
        """List what ``chosen`` lets through (totalled by ``grouping``); False when that is
        what is listed already (nothing is read)."""
        order = (self.filter.order, self.filter.descending)
        chosen = replace(chosen, order=order[0], descending=order[1])
        if chosen == self.filter and grouping == self.grouping and self._generation:
            return False
        self.filter, self.grouping = chosen, grouping
        self.reload()
        return True

    def reload(self) -> None:
        """Read the ids (and totals) again, off the GUI thread with a runner. When they come back
        the same, the rows kept are replaced by their new reading in place (no reset: the view
        keeps its scroll and selection)."""
        self._generation += 1
        generation = self._generation
        archive, chosen, grouping = self.archive, self.filter, self.grouping
        kept = [(page, [r.id for r in rows if r is not None]) for page, rows in self._pages.items()]
        size = self.page_size

        def job(*_: Any) -> tuple[Listed, list[StatisticRow], dict[int, list[StatisticRow]]]:
            listed = reads.listed(archive, chosen, grouping)
            first = reads.statistics(archive, ids=listed.ids[:size])
            # the pages kept, read anew: shown in place if the list comes back the same
            held = {page: reads.statistics(archive, ids=ids) for page, ids in kept}
            return listed, first, held

        self.loading = True
        runner = self.runner
        if runner is None:
            self._apply(generation, job())
            return

        def whole_list() -> None:
            task = runner.read(job, "load the statistics")
            task.on_finished(lambda result: self._apply(generation, result))
            task.on_failed(lambda message: self._failed(generation, message))

        if self._generation > 1 or grouping:  # listed before, or totals wanted: the whole list
            whole_list()
            return

        # the first list: its first page at once, then the rest of the ids (100,000 claims at a
        # million sources); a list of one page is whole from the first read
        def first_page(*_: Any) -> tuple[Listed, list[StatisticRow], dict[int, list[StatisticRow]]]:
            listed = reads.listed(archive, chosen, limit=size)
            return listed, reads.statistics(archive, ids=listed.ids), {}

        def arrived(result: tuple[Listed, list[StatisticRow], dict[int, list[StatisticRow]]]) -> None:
            if generation != self._generation:
                return
            whole = len(result[0].ids) < size
            self._apply(generation, result, partial=not whole)
            if not whole:
                whole_list()

        task = runner.read(first_page, "first page of the statistics")
        task.on_finished(arrived)
        task.on_failed(lambda message: self._failed(generation, message))

    def _apply(self, generation: int,
               result: tuple[Listed, list[StatisticRow], dict[int, list[StatisticRow]]], *,
               partial: bool = False) -> None:
        if generation != self._generation:  # a newer reload is on its way
            return
        listed, first, held = result
        ids = listed.ids
        self.everything, self.totals = listed.everything, listed.totals
        shown = len(self._ids)
        if ids == self._ids and len(ids):
            for page, rows in held.items():
                self._pages[page] = self._in_order(page, rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, self.columnCount() - 1))
        elif self.partial and shown and ids[:shown] == self._ids:
            # the rest of the list after its first page: added below it (no reset: the view
            # keeps its scroll and selection)
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self._pages[0] = self._in_order(0, first)
            self.endResetModel()
        self.partial = partial
        self.loading = partial
        self.loaded.emit()

    def read_choices(self, keep: dict[str, str | None]) -> None:
        """Read what the filter bar offers (keeping the choices made in ``keep`` offered);
        ``choices_arrived`` when they are in (a newer read's only)."""
        self._choices_generation += 1
        generation, archive = self._choices_generation, self.archive

        def arrived(choices: Choices) -> None:
            if generation == self._choices_generation:
                self.choices_arrived.emit(choices)

        if self.runner is None:
            arrived(reads.choices(archive, keep))
            return
        # the lists a person waits for at opening go first
        self.runner.read(lambda *_: reads.choices(archive, keep), "statistics filter choices",
                         later=True).on_finished(arrived)

    def exists(self, statistic_id: int) -> bool:
        """Whether the archive holds this claim (listed or not)."""
        return bool(reads.statistics(self.archive, ids=[statistic_id]))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = self.partial = False
            self.load_failed.emit(message)

    def _in_order(self, page: int, rows: Sequence[StatisticRow]) -> list[StatisticRow | None]:
        """The rows of a page in the list's order (None for a claim deleted meanwhile)."""
        by_id = {r.id: r for r in rows}
        first = page * self.page_size
        return [by_id.get(i) for i in self._ids[first : first + self.page_size]]

    def _page(self, page: int) -> list[StatisticRow | None]:
        rows = self._pages.get(page)
        if rows is None:
            first = page * self.page_size
            rows = self._in_order(page, reads.statistics(self.archive, ids=self._ids[first : first + self.page_size].tolist()))
            self._pages[page] = rows
            self.cells.forget()  # read anew: what its cells showed before may have changed
            while len(self._pages) > self.pages_kept:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows

    # --- access ---------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many claims are listed (read or not)."""
        return len(self._ids)

    @property
    def ids(self) -> list[int]:
        return self._ids.tolist()

    @property
    def held(self) -> list[StatisticRow]:
        """The rows read and kept now (a few pages)."""
        return [r for rows in self._pages.values() for r in rows if r is not None]

    def row_at(self, row: int) -> StatisticRow | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._page(row // self.page_size)[row % self.page_size]

    def row_of(self, statistic_id: int) -> int | None:
        """The row number of a claim, None when it is not listed."""
        try:
            return self._ids.index(statistic_id)
        except ValueError:
            return None

    def rows_of(self, ids: Sequence[int]) -> list[StatisticRow]:
        """The rows of some claims (read now, in their order), e.g. those a filter lets through."""
        by_id = {r.id: r for n in range(0, len(ids), 5000)
                 for r in reads.statistics(self.archive, ids=list(ids[n : n + 5000]))}
        return [by_id[i] for i in ids if i in by_id]

    def rows_later(self, ids: Sequence[int], done: Callable[[list[StatisticRow]], None]) -> None:
        """``done(rows)`` with :meth:`rows_of` ``ids``, read off the GUI thread when the model has
        a runner (the claims of a page of conflicts: thousands at a million sources)."""
        wanted = list(ids)
        if self.runner is None:
            done(self.rows_of(wanted))
            return
        self.runner.read(lambda *_: self.rows_of(wanted), "claims").on_finished(done)

    # --- Qt overrides ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(ORDERS):
            return
        self.filter = replace(self.filter, order=ORDERS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if self._generation:  # before the first load (a view restoring its header): only remember
            self.reload()

