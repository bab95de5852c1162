"""Filling the lists from the archive, at opening and after every write: the sources (a lazy
list), the actors, statistics and codes, and the counts in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from db.archive import Archive
from db.rows import ActorRow, ArchiveCounts, CodeRow, StatisticRow
from desktop.reads import actors as actor_reads
from desktop.reads import annotations as annotation_reads
from desktop.reads import sources as source_reads
from desktop.reads import statistics as statistic_reads
from desktop.tasks import TaskRunner
from desktop.views.actors import ActorsPane
from desktop.views.codes import CodesPane
from desktop.views.sources import SourcesPane
from desktop.views.statistics.pane import StatisticsPane

Lists = tuple[list[ActorRow], list[StatisticRow], list[CodeRow], ArchiveCounts]


class ListsRefresh(QObject):
    """Reloads the lists off the GUI thread; ``refreshed`` when the last of them has arrived."""

    refreshed = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, *, sources: SourcesPane, actors: ActorsPane,
                 statistics: StatisticsPane, codes: CodesPane, counts_label: QLabel,
                 show_status: Callable[[str, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.sources, self.actors, self.statistics, self.codes = sources, actors, statistics, codes
        self.counts_label = counts_label
        self.show_status = show_status
        self.counts: ArchiveCounts | None = None
        self._pending = 0
        sources.model.loaded.connect(self.show_counts)

    def refresh(self) -> None:
        archive = self.archive

        def job(*_: Any) -> Lists:
            return (
                actor_reads.actors(archive),
                statistic_reads.statistics(archive),
                annotation_reads.codes(archive),
                source_reads.counts(archive),
            )

        self._pending += 2
        self.sources.model.loaded.connect(self._arrived, Qt.ConnectionType.SingleShotConnection)
        self.sources.reload()
        task = self.tasks.read(job, "refresh panes")
        task.on_finished(self._lists_loaded)
        task.on_failed(self._failed)

    def _lists_loaded(self, result: Lists) -> None:
        actors, statistics, codes, counts = result
        self.actors.set_actors(actors)
        self.statistics.set_statistics(statistics)
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
