"""The sources pane's model: lazy, filtered and sorted in SQL, or ranked by a full-text search.

A search's hits are listed with the snippets of the rows the view shows, made in the same read;
those of the other rows loaded, and of each page fetched later, are made off the GUI thread and
kept only if no newer search (or reload) came meanwhile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from db.archive import Archive
from db.filters import SourceFilter
from db.rows import SourceRow
from desktop.models.base import Column, LazyTableModel, Role
from desktop.models.display import date, language_name, source_kind
from desktop.reads import sources as reads
from desktop.tasks import TaskRunner

#: search hits kept (ranked); a researcher refines the query rather than scrolls past this
SEARCH_LIMIT = 1000
#: snippets made with the hits, before the list shows them, until the view says how many rows
#: it shows (:attr:`SourcesModel.rows_shown`; each costs about 0.1 ms); those of the other rows
#: loaded follow off the GUI thread, and those of each page as it is fetched
FIRST_SNIPPETS = 30
SNIPPET_ROLE = Role.SORT + 1
#: marks around the matching words in search snippets (the sources pane draws them in bold)
SNIPPET_MARKS = ("\x02", "\x03")


def _tooltip(row: SourceRow) -> str:
    parts = [row.title, " · ".join(x for x in (date(row.published), row.outlet or "", row.author or "") if x)]
    return "\n".join(p for p in parts if p)


class SourcesModel(LazyTableModel[SourceRow]):
    """Title, date, outlet, kind and counts; with a search, also the matching snippet."""

    SNIPPET_COLUMN = 7

    def __init__(self, archive: Archive, runner: TaskRunner | None = None) -> None:
        self._snippets: dict[int, str] = {}
        #: the search the snippets are of, and the ids whose snippets are made or on their way
        self._snippet_query = ""
        self._asked: set[int] = set()
        #: snippet reads on their way (for a benchmark or a test to wait on)
        self.snippets_waiting = 0
        #: how many rows the view shows at once: their snippets come with the hits
        self.rows_shown = FIRST_SNIPPETS
        self.columns = (
            Column[SourceRow]("Title", lambda r: r.title, "title", tooltip=_tooltip),
            Column[SourceRow]("Published", lambda r: date(r.published), "published"),
            Column[SourceRow]("Outlet", lambda r: r.outlet or "", "outlet"),
            Column[SourceRow]("Lang.", lambda r: r.language or "", "language",
                              tooltip=lambda r: language_name(r.language),
                              header_tip="The language of the source (detected at import when "
                                         "its file does not say; Annotate ▸ Source Language…)"),
            Column[SourceRow]("Kind", lambda r: source_kind(r.kind), "kind"),
            Column[SourceRow]("Ann.", lambda r: r.annotation_count, "annotations", align_right=True,
                              header_tip="Annotations (coded passages, mentions and statistic spans)"),
            Column[SourceRow]("Stat.", lambda r: r.statistic_count, "statistics", align_right=True,
                              header_tip="Statistics recorded from this source"),
            Column[SourceRow]("Match", self._snippet_text, None, tooltip=self._snippet_text),
        )
        super().__init__(runner)
        self.archive = archive
        self.filter = SourceFilter(sort="published", descending=True)
        #: with a search: True = best match first; False = the user sorted by a column
        self.ranked = True
        self.loaded.connect(self._snippets_of_loaded)
        self.rowsInserted.connect(self._snippets_of_inserted)

    @property
    def searching(self) -> bool:
        return bool(self.filter.search.strip())

    def set_filter(self, **changes: Any) -> None:
        """Change the filter (``text``, ``search``, ``actor_id``, ``kind``) and reload."""
        if "search" in changes and changes["search"] != self.filter.search:
            self.ranked = True
        self.filter = dataclasses.replace(self.filter, **changes)
        self.reload()

    def snippet(self, source_id: int) -> str:
        """The search snippet with the hit marked by :data:`SNIPPET_MARKS`."""
        return self._snippets.get(source_id, "")

    def _snippet_text(self, row: SourceRow) -> str:
        start, end = SNIPPET_MARKS
        return " ".join(self.snippet(row.id).replace(start, "").replace(end, "").split())

    def ids_loader(self) -> Callable[[], Sequence[int] | tuple[Sequence[int], Any]]:
        archive, where, ranked, first_rows = self.archive, self.filter, self.ranked, self.rows_shown

        def load() -> tuple[Sequence[int], tuple[str, dict[int, str]]]:
            if not where.search.strip():
                return reads.source_ids(archive, where), ("", {})
            # listed at once with the snippets of a screenful; the other rows' follow
            hits, first = reads.listed_hits(archive, where, SEARCH_LIMIT, ranked, first_rows, SNIPPET_MARKS)
            return hits, (where.search, first)

        return load

    def accept_extra(self, extra: Any) -> None:
        query, made = extra or ("", {})
        if query != self._snippet_query:
            self._snippets = {}
        self._snippet_query = query
        # the same search again (a write reloaded it): the snippets of before stay shown until
        # theirs are made anew (no flicker); those still on their way from before are dropped
        # (their generation is gone)
        self._snippets.update(made)
        self._asked = set(made)

    # --- snippets of the rows loaded, off the GUI thread --------------------------------------

    def _snippets_of_loaded(self) -> None:
        self._ask_snippets([r.id for r in self._rows])

    def _snippets_of_inserted(self, _parent: Any, first: int, last: int) -> None:
        self._ask_snippets([r.id for r in self._rows[first:last + 1]])

    def _ask_snippets(self, ids: list[int]) -> None:
        """Make the snippets of ``ids`` not made yet; they arrive for this search only (a newer
        search or reload drops them)."""
        if not self.searching:
            return
        wanted = [i for i in ids if i not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        archive, query, generation = self.archive, self._snippet_query, self._generation

        def job(*_: Any) -> dict[int, str]:
            return reads.snippets(archive, query, wanted, SNIPPET_MARKS)

        if self.runner is None:
            self._snippets_arrived(generation, job())
            return
        self.snippets_waiting += 1
        task = self.runner.read(job, "snippets " + type(self).__name__)
        task.on_finished(lambda made: self._snippets_arrived(generation, made, waited=True))
        task.on_failed(lambda _message: self._snippets_failed(wanted))

    def _snippets_failed(self, wanted: list[int]) -> None:
        self.snippets_waiting -= 1
        self._asked.difference_update(wanted)  # asked again with the next page

    def _snippets_arrived(self, generation: int, made: dict[int, str], waited: bool = False) -> None:
        if waited:
            self.snippets_waiting -= 1
        if generation != self._generation or not made:  # a newer search (or reload) since
            return
        self._snippets.update(made)
        rows = [n for n, r in enumerate(self._rows) if r.id in made]
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], self.columnCount() - 1))

    def rows_loader(self) -> Callable[[Sequence[int]], list[SourceRow]]:
        archive = self.archive
        return lambda ids: reads.source_rows(archive, ids)

    def sort_column(self, column: int, order: Qt.SortOrder) -> bool:
        if not 0 <= column < len(self.columns):
            return False
        key = self.columns[column].sort_key
        if key is None:  # the Match column: back to best match first
            if not self.ranked:
                self.ranked = True
                return True
            return False
        descending = order == Qt.SortOrder.DescendingOrder
        unchanged = key == self.filter.sort and descending == self.filter.descending
        if unchanged and not (self.searching and self.ranked):
            return False
        self.ranked = False
        self.filter = dataclasses.replace(self.filter, sort=key, descending=descending)  # type: ignore[arg-type]
        return True

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SNIPPET_ROLE and index.isValid():
            row = self.row_at(index.row())
            return self.snippet(row.id) if row is not None else None
        return super().data(index, role)
