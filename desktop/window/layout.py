"""Where the panes sit: docks around the reader, their default proportions, and the layout (and
column widths) kept between sessions in QSettings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QHeaderView, QMainWindow, QWidget

from desktop import settings

LEFT, RIGHT, BOTTOM = (
    Qt.DockWidgetArea.LeftDockWidgetArea,
    Qt.DockWidgetArea.RightDockWidgetArea,
    Qt.DockWidgetArea.BottomDockWidgetArea,
)
#: bump when the docks change so much that an old saved layout would look broken
STATE_VERSION = 2
#: the View menu's order
ORDER = ("sources", "actors", "statistics", "estimates", "chart", "timeline", "network", "map",
         "annotations", "codes", "conflicts", "suggestions")
#: the panes that see the archive as a whole share the chart's place, as tabs behind it
SEEING = ("timeline", "network", "map")


class Docks:
    """The window's docks by key ("sources", "chart" …), laid out as Dossier starts."""

    def __init__(self, window: QMainWindow, panes: dict[str, tuple[str, QWidget]]) -> None:
        """``panes`` maps each key of :data:`ORDER` to its title and widget."""
        self.window = window
        self.docks: dict[str, QDockWidget] = {}
        # the bottom row (statistics and chart) runs the full width of the window
        window.setCorner(Qt.Corner.BottomLeftCorner, BOTTOM)
        window.setCorner(Qt.Corner.BottomRightCorner, BOTTOM)
        window.setDockNestingEnabled(True)
        window.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        areas = {"sources": LEFT, "actors": RIGHT, "annotations": RIGHT, "codes": RIGHT,
                 "suggestions": RIGHT, "statistics": BOTTOM, "chart": BOTTOM, "conflicts": BOTTOM,
                 "estimates": BOTTOM, "timeline": BOTTOM, "network": BOTTOM, "map": BOTTOM}
        for key in ("sources", "actors", "annotations", "codes", "statistics", "chart", *SEEING, "conflicts",
                    "estimates", "suggestions"):
            title, widget = panes[key]
            self._add(key, title, widget, areas[key])
        d = self.docks
        window.splitDockWidget(d["actors"], d["annotations"], Qt.Orientation.Vertical)
        window.tabifyDockWidget(d["annotations"], d["codes"])
        window.tabifyDockWidget(d["annotations"], d["suggestions"])
        window.splitDockWidget(d["statistics"], d["chart"], Qt.Orientation.Horizontal)
        window.tabifyDockWidget(d["statistics"], d["conflicts"])
        window.tabifyDockWidget(d["statistics"], d["estimates"])
        for key in SEEING:
            window.tabifyDockWidget(d["chart"], d[key])
        self.raise_defaults()
        self._default_state = window.saveState(STATE_VERSION)

    def _add(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(area, dock)
        self.docks[key] = dock

    def __getitem__(self, key: str) -> QDockWidget:
        return self.docks[key]

    def toggles(self) -> list[QAction]:
        """Show/hide actions for the View menu, named ``actionShowSources`` …"""
        made = []
        for key in ORDER:
            toggle = self.docks[key].toggleViewAction()
            toggle.setObjectName(f"actionShow{key.capitalize()}")
            made.append(toggle)
        return made

    def show(self, key: str) -> None:
        """Show a pane and bring its tab to the front."""
        self.docks[key].show()
        self.docks[key].raise_()

    def raise_defaults(self) -> None:
        self.docks["chart"].raise_()
        self.docks["statistics"].raise_()
        self.docks["annotations"].raise_()

    def default_sizes(self) -> None:
        """The default proportions (after the window has its size, or they are scaled away)."""
        d, window = self.docks, self.window
        window.resizeDocks([d["sources"], d["actors"]], [440, 360], Qt.Orientation.Horizontal)
        # the chart's controls need about 370 px of height
        window.resizeDocks([d["statistics"]], [400], Qt.Orientation.Vertical)
        window.resizeDocks([d["actors"], d["annotations"]], [330, 260], Qt.Orientation.Vertical)
        window.resizeDocks([d["statistics"], d["chart"]], [590, 810], Qt.Orientation.Horizontal)

    def reset(self) -> None:
        """Every pane back where it started."""
        self.window.restoreState(self._default_state, STATE_VERSION)
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.raise_defaults()
        self.default_sizes()

    def restore(self, headers: dict[str, QHeaderView]) -> bool:
        """Geometry, docks and columns as saved; True when a saved dock layout was found."""
        window = self.window
        geometry = settings.read_bytes("window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        state = settings.read_bytes("window/state")
        restored = state is not None and window.restoreState(state, STATE_VERSION)
        for key, header in headers.items():
            saved = settings.read_bytes(f"columns/{key}")
            if saved is not None:
                header.restoreState(saved)
        return restored

    def save(self, headers: dict[str, QHeaderView]) -> None:
        window = self.window
        settings.write_bytes("window/geometry", window.saveGeometry())
        settings.write_bytes("window/state", window.saveState(STATE_VERSION))
        for key, header in headers.items():
            settings.write_bytes(f"columns/{key}", header.saveState())
