"""The panes that see the archive whole: the timeline, the actor network and the map.

Each waits behind a placeholder (with the pane's object name) until its dock is first shown,
then loads pyqtgraph's pane in place of it; a pane refreshes on ``archive_changed`` only while
it is on screen, and once more when it comes back into view after a change (a network of a
large archive takes seconds to lay out: it is not redone for a hidden tab).
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from db.archive import Archive
from desktop.tasks import TaskRunner
from desktop.window.layout import SEEING, Docks

_TITLES = {"timeline": "Timeline", "network": "Network", "map": "Map"}


#: each pane's module and class (imported when first shown: they load pyqtgraph)
_PANES = {"timeline": ("desktop.charts.timeline.pane", "TimelinePane"),
          "network": ("desktop.charts.network.pane", "NetworkPane"),
          "map": ("desktop.charts.map.pane", "MapPane")}


def _build(key: str, archive: Archive, tasks: TaskRunner) -> QWidget:
    module, name = _PANES[key]
    pane: QWidget = getattr(importlib.import_module(module), name)(archive, tasks)
    return pane


class SeeingPanes(QObject):
    """The three panes, created when first shown; ``created(key, pane)`` for the wiring."""

    created = Signal(str, object)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.panes: dict[str, Any] = {}
        self.placeholders: dict[str, QLabel] = {}
        self._stale: set[str] = set()
        self._docks: dict[str, QDockWidget] = {}
        #: the last selection made elsewhere, shown by a pane created after it
        self._selected: dict[str, int | None] = {}
        for key in SEEING:
            label = QLabel(f"Loading the {_TITLES[key].lower()}…")
            label.setObjectName(f"{key}View")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.placeholders[key] = label

    def titles(self) -> dict[str, tuple[str, QWidget]]:
        return {key: (_TITLES[key], self.placeholders[key]) for key in SEEING}

    def attach(self, docks: Docks) -> None:
        """Create each pane when its dock first shows, refresh it when it shows again after a change."""
        for key in SEEING:
            dock = docks[key]
            self._docks[key] = dock
            dock.visibilityChanged.connect(partial(self._visibility_changed, key))

    def on_screen(self, key: str) -> bool:
        dock = self._docks.get(key)
        return dock is not None and dock.isVisible() and not dock.visibleRegion().isEmpty()

    def _visibility_changed(self, key: str, visible: bool) -> None:
        if not visible:
            return
        if key not in self.panes:
            self.create(key)
        elif key in self._stale:
            self._stale.discard(key)
            self.panes[key].refresh()

    def create(self, key: str) -> Any:
        """The pane of ``key``, built now if it is not yet (it reads the archive at once)."""
        if key in self.panes:
            return self.panes[key]
        placeholder = self.placeholders[key]
        try:
            pane = _build(key, self.archive, self.tasks)
        except Exception as error:  # a broken pane must not take the window down with it
            traceback.print_exc()
            placeholder.setText(f"The {_TITLES[key].lower()} could not be drawn:\n{error}")
            return None
        self.panes[key] = pane
        self._stale.discard(key)
        dock = self._docks.get(key)
        if dock is not None:
            dock.setWidget(pane)
        placeholder.deleteLater()
        self.created.emit(key, pane)
        self._apply_selection(key, pane)
        return pane

    def refresh(self) -> None:
        """After a write: panes on screen read again, hidden ones when they are next shown."""
        for key, pane in self.panes.items():
            if self.on_screen(key):
                pane.refresh()
            else:
                self._stale.add(key)

    # --- following the selection elsewhere ---------------------------------------------------

    def _each(self, method: str, *args: Any) -> None:
        for pane in self.panes.values():
            call: Callable[..., Any] | None = getattr(pane, method, None)
            if call is not None:
                call(*args)

    def highlight_source(self, source_id: int) -> None:
        self._selected["source"] = source_id
        self._each("highlight_source", source_id)

    def highlight_statistic(self, statistic_id: int) -> None:
        self._selected["statistic"] = statistic_id
        self._each("highlight_statistic", statistic_id)

    def highlight_actor(self, actor_id: int | None) -> None:
        self._selected["actor"] = actor_id
        self._each("highlight_actor", actor_id)

    def _apply_selection(self, _key: str, pane: Any) -> None:
        for kind in ("source", "statistic", "actor"):
            chosen = self._selected.get(kind)
            call = getattr(pane, f"highlight_{kind}", None)
            if call is not None and (chosen is not None or kind == "actor") and kind in self._selected:
                call(chosen)
