"""Filling the lists from the archive, at opening and after every write: the sources (a lazy
list), the actors, statistics and codes, and the counts in the status bar.

After a write, only the lists showing what it changed are read again (:mod:`desktop.changes`):
an annotation re-reads the codes' counts and the sources rows already loaded, not the ids of a
million sources. The statistics pane is lazy too (ids and totals in SQL, rows read a page at a
time): it reads its list again, and its filter bar's choices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from db.archive import Archive
from db.rows import ActorRow, ArchiveCounts, CodeRow
from desktop.changes import (
    ACTORS,
    ACTORS_ADDED,
    ANNOTATIONS,
    CODES,
    EVERYTHING,
    SOURCES,
    STATISTICS,
    Parts,
)
from desktop.reads import actors as actor_reads
from desktop.reads import annotations as annotation_reads
from desktop.reads import sources as source_reads
from desktop.tasks import TaskRunner
from desktop.views.actors import ActorsPane
from desktop.views.codes import CodesPane
from desktop.views.conflicts import ConflictsPane
from desktop.views.estimates import EstimatesPane
from desktop.views.sources import SourcesPane
from desktop.views.statistics.pane import StatisticsPane

Lists = tuple[list[ActorRow] | None, list[CodeRow] | None, ArchiveCounts]

#: source orders and filters that a change to annotations or claims can reorder or change
_COUNTED_ORDERS = {"annotations", "statistics"}


class ListsRefresh(QObject):
    """Reloads the lists off the GUI thread; ``refreshed`` when the last of them has arrived."""

    refreshed = Signal()
    #: the statistics pane lists the claims (or could not read them)
    statistics_listed = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, *, sources: SourcesPane, actors: ActorsPane,
                 statistics: StatisticsPane, codes: CodesPane, conflicts: ConflictsPane, counts_label: QLabel,
                 estimates: EstimatesPane | None = None,
                 show_status: Callable[[str, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.sources, self.actors, self.statistics, self.codes = sources, actors, statistics, codes
        self.conflicts, self.estimates = conflicts, estimates
        self.counts_label = counts_label
        self.show_status = show_status
        self.counts: ArchiveCounts | None = None
        self._pending = 0
        sources.model.loaded.connect(self.show_counts)
        statistics.listed.connect(self.statistics_listed)

    def refresh(self, parts: Parts = EVERYTHING) -> None:
        archive = self.archive
        wanted = {name: name in parts for name in (ACTORS, STATISTICS, CODES)}
        wanted[ACTORS] = wanted[ACTORS] or ACTORS_ADDED in parts
        if ANNOTATIONS in parts:  # codes count their uses, actors their mentions
            wanted[CODES] = wanted[ACTORS] = True

        def job(*_: Any) -> Lists:
            return (
                actor_reads.actors(archive) if wanted[ACTORS] else None,
                annotation_reads.codes(archive) if wanted[CODES] else None,
                source_reads.counts(archive),
            )

        self._pending += 1
        if self._sources_listed_anew(parts):
            self._pending += 1
            self.sources.model.loaded.connect(self._arrived, Qt.ConnectionType.SingleShotConnection)
            self.sources.reload()
        elif parts & {ANNOTATIONS, STATISTICS, ACTORS}:
            self.sources.model.refresh_loaded()  # their counts of annotations and claims
        if wanted[STATISTICS]:
            self._pending += 1
            self.statistics.listed.connect(self._arrived, Qt.ConnectionType.SingleShotConnection)
            self.statistics.reload()
        task = self.tasks.read(job, "refresh panes")
        task.on_finished(self._lists_loaded)
        task.on_failed(self._failed)

    def _sources_listed_anew(self, parts: Parts) -> bool:
        """Whether the change can alter which sources are listed, or their order."""
        if SOURCES in parts:
            return True
        where = self.sources.model.filter
        counted = where.sort in _COUNTED_ORDERS or where.actor_id is not None
        return counted and bool(parts & {ANNOTATIONS, STATISTICS, ACTORS})

    def _lists_loaded(self, result: Lists) -> None:
        actors, codes, counts = result
        if actors is not None:
            self.actors.set_actors(actors)
        if codes is not None:
            self.codes.set_codes(codes)
        self.counts = counts
        self.show_counts()
        self._arrived()

    def _failed(self, message: str) -> None:
        self.show_status(f"Could not read the archive: {message}", 10_000)
        self._arrived()

    def _arrived(self) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.refreshed.emit()

    def show_counts(self) -> None:
        counts = self.counts
        if counts is None:
            return

        def n(value: int, noun: str) -> str:
            return f"{value:,} {noun}{'' if value == 1 else 's'}"

        self.counts_label.setText(
            " · ".join((n(counts.sources, "source"), n(counts.actors, "actor"),
                        n(counts.statistics, "statistic"), n(counts.annotations, "annotation")))
        )
