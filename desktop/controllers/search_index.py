"""The stemmed search index of an archive upgraded from before it existed: built on the writer
thread when the window opens, with its progress in the status bar (search meanwhile matches the
words as written)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.controllers.base import Services
from desktop.reads import sources as reads
from desktop.tasks import Task


class SearchIndex(QObject):
    """Builds what the stemmed index lacks; ``built`` when done (the panes search again)."""

    built = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.task: Task | None = None

    def build_if_needed(self) -> Task | None:
        """Start building when sources wait for the index; None when none does."""
        if self.task is not None:
            return self.task
        archive = self.services.archive
        if reads.search_index_complete(archive):  # one row looked at, whatever the archive's size
            return None
        from db.search_index import build_stem_index

        def job(report: Any, cancelled: Any) -> int:
            return build_stem_index(archive.sessions, report, cancelled)

        task = Task(job, "search index")
        task.on_progress(self._progress).on_finished(self._finished).on_failed(self._failed)
        self.task = self.services.tasks.write(task)
        return self.task

    def _progress(self, done: int, total: int, _current: str) -> None:
        self.services.show_status(f"Building the search index: {done:,} of {total:,} sources…", 0)

    def _finished(self, count: object) -> None:
        self.task = None
        self.services.show_status(f"Search index built ({count:,} sources): every form of a word "
                                  "is found now.")
        self.built.emit()

    def _failed(self, message: str) -> None:
        self.task = None
        self.services.show_status(f"The search index could not be built: {message}", 0)
