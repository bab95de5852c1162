"""Opening the timeline, network and map panes and waiting for what they read; clicking their
plots where an item is drawn."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot


def loaded(qtbot: QtBot, pane: Any) -> Any:
    """Wait until the pane has shown the newest of the reads it started."""
    while pane.loading:
        with qtbot.waitSignal(pane.ready, timeout=20_000):
            pass
    return pane


def shown(qtbot: QtBot, pane: Any, size: tuple[int, int] = (1000, 520)) -> Any:
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    return loaded(qtbot, pane)


def on_screen(widget: Any, view: Any, x: float, y: float) -> QPoint:
    """Where the data point (x, y) of ``view`` (a ViewBox) is in ``widget``'s viewport."""
    return widget.mapFromScene(view.mapViewToScene(QPointF(x, y)))


def click(qtbot: QtBot, widget: Any, position: QPoint) -> None:
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=position)
