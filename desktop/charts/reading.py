"""What the timeline, network and map panes share: reading on the window's task runner (only the
newest read is shown; a pane closed meanwhile is told nothing), a line saying what is shown or
being read, and a bar of tools with an Export menu.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from desktop.charts import export
from desktop.tasks import Cancelled, Report, Task, TaskRunner


class ReadingPane(QWidget):
    """A pane that reads in the background; ``ready`` after each read it shows."""

    ready = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._generation = 0
        self._task: Task | None = None
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #555555;")
        self.status_label.setWordWrap(True)

    @property
    def loading(self) -> bool:
        """Whether a read is under way whose result is not shown yet (``ready`` will follow)."""
        return self._task is not None

    def read(self, job: Callable[[Report, Cancelled], Any], name: str, arrived: Callable[[Any], None],
             *, saying: str = "Reading…", writer: bool = False) -> Task:
        """Run ``job`` on the task runner; ``arrived(result)`` unless a newer read started since."""
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.cancel()  # still queued, it is skipped; its result would be dropped anyway
        self.status_label.setText(saying)
        task = Task(job, name)

        def finished(result: Any) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            self._task = None
            if result is not None:
                arrived(result)
            self.ready.emit()

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._task = None
                self.status_label.setText(f"Could not read the archive: {message}")
                self.ready.emit()

        def progress(done: int, total: int, what: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation and total:
                self.status_label.setText(f"{saying} ({what}: {100 * done // total}%)")

        task.on_finished(finished)
        task.on_failed(failed)
        task.on_progress(progress)
        self._task = task
        return self.tasks.write(task) if writer else self.tasks.read(task, background=True)

    def tool_bar(self, *, title: str, exports: dict[str, tuple[str, Callable[[str], Path]]],
                 reset: Callable[[], None] | None = None) -> QHBoxLayout:
        """The status line, a Reset view button and an Export menu of ``exports`` (suffix ->
        (menu text, writer of a path))."""
        bar = QHBoxLayout()
        bar.addWidget(self.status_label, 1)
        name = self.objectName().removesuffix("View")
        if reset is not None:
            button = QToolButton(self)
            button.setObjectName(f"{name}ResetView")
            button.setText("Reset view")
            button.setToolTip("Show everything again after zooming or panning")
            button.clicked.connect(lambda _checked=False: reset())
            bar.addWidget(button)
        menu_button = QToolButton(self)
        menu_button.setObjectName(f"{name}Export")
        menu_button.setText("Export")
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(menu_button)
        for suffix, (text, write) in exports.items():
            menu.addAction(text, partial(export.ask_and_export, self, suffix, write, title=title))
        menu_button.setMenu(menu)
        bar.addWidget(menu_button)
        return bar
