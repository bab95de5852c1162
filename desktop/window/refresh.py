"""Filling the lists from the archive, at opening and after every write: the sources (a lazy
list), the actors, statistics and codes, and the counts in the status bar.

After a write, only the lists showing what it changed are read again (:mod:`desktop.changes`):
an annotation re-reads the codes' counts and the sources rows already loaded, not the ids of a
million sources. The statistics come in two steps, the first :data:`FIRST_STATISTICS` at once
and the rest after them, so the pane is filled in a second however many claims there are.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from db.archive import Archive
from db.rows import ActorRow, ArchiveCounts, CodeRow, StatisticRow
from desktop.changes import ACTORS, ANNOTATIONS, CODES, EVERYTHING, SOURCES, STATISTICS, Parts
from desktop.reads import actors as actor_reads
from desktop.reads import annotations as annotation_reads
from desktop.reads import sources as source_reads
from desktop.reads import statistics as statistic_reads
from desktop.tasks import TaskRunner
from desktop.views.actors import ActorsPane
from desktop.views.codes import CodesPane
from desktop.views.conflicts import ConflictsPane
from desktop.views.estimates import EstimatesPane
from desktop.views.sources import SourcesPane
from desktop.views.statistics.pane import StatisticsPane

Lists = tuple[list[ActorRow] | None, list[StatisticRow] | None, list[CodeRow] | None, ArchiveCounts]

#: claims listed at once; the rest are read after them
FIRST_STATISTICS = 1000
#: source orders and filters that a change to annotations or claims can reorder or change
_COUNTED_ORDERS = {"annotations", "statistics"}


class ListsRefresh(QObject):
    """Reloads the lists off the GUI thread; ``refreshed`` when the last of them has arrived."""

    refreshed = Signal()
    #: the statistics pane lists every claim (or could not read the rest of them)
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
        #: raised by every refresh that reads the statistics: the rest of an older one is dropped
        self._statistics_generation = 0
        #: the generation whose remaining statistics are read once every list has arrived
        self._rest: int | None = None
        sources.model.loaded.connect(self.show_counts)

    def refresh(self, parts: Parts = EVERYTHING) -> None:
        archive = self.archive
        wanted = {name: name in parts for name in (ACTORS, STATISTICS, CODES)}
        if ANNOTATIONS in parts:  # codes count their uses, actors their mentions
            wanted[CODES] = wanted[ACTORS] = True

        def job(*_: Any) -> Lists:
            return (
                actor_reads.actors(archive) if wanted[ACTORS] else None,
                statistic_reads.statistics(archive, limit=FIRST_STATISTICS) if wanted[STATISTICS] else None,
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
            self._statistics_generation += 1
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
        actors, statistics, codes, counts = result
        if actors is not None:
            self.actors.set_actors(actors)
        if statistics is not None:
            complete = len(statistics) < FIRST_STATISTICS
            self.statistics.set_statistics(statistics, complete=complete)
            if not complete:  # once the other lists are in (not to slow them down)
                self._rest = self._statistics_generation
            else:
                self.statistics_listed.emit()
        if codes is not None:
            self.codes.set_codes(codes)
        self.counts = counts
        self.show_counts()
        self._arrived()

    def _read_the_rest(self, generation: int) -> None:
        archive = self.archive
        # the claims held already (the conflicts pane's, the estimates', the first ones listed):
        # the list read again shares them rather than holding a second copy of every claim
        listed, conflicts = self.statistics.model.rows, list(self.conflicts.conflicts)
        estimated = list(self.estimates.claims.values()) if self.estimates is not None else []

        def known() -> Iterator[StatisticRow]:
            return itertools.chain(estimated, listed, (claim for conflict in conflicts for claim in conflict.claims))

        def arrived(rows: list[StatisticRow]) -> None:
            if generation == self._statistics_generation:  # else a newer list is on its way
                self.statistics.set_statistics(rows)
                self.statistics_listed.emit()

        def failed(message: str) -> None:
            self.show_status(f"Could not read the statistics: {message}", 10_000)
            self.statistics_listed.emit()

        task = self.tasks.read(lambda *_: statistic_reads.statistics(archive, known=known()),
                                "read every statistic")
        task.on_finished(arrived)
        task.on_failed(failed)

    def _failed(self, message: str) -> None:
        self.show_status(f"Could not read the archive: {message}", 10_000)
        self._arrived()

    def _arrived(self) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            if self._rest is not None:
                self._read_the_rest(self._rest)
                self._rest = None
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
