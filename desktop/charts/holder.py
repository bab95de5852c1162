"""A pyqtgraph plot held in a plain widget: what the timeline, network and map plots are built
on (the plot item, its view box, axes in the house's greys)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


class PlotHolder(QWidget):
    """``widget`` (the PlotWidget, named ``name``), ``plot`` (its PlotItem), ``view`` (its ViewBox)."""

    def __init__(self, name: str, parent: QWidget | None = None, *, background: str = "w",
                 axes: bool = True) -> None:
        super().__init__(parent)
        self.widget = pg.PlotWidget(parent=self, background=background)
        self.widget.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        for axis in ("left", "bottom"):
            if axes:
                self.plot.getAxis(axis).setTextPen("#333333")
                self.plot.getAxis(axis).setPen("#666666")
            else:
                self.plot.hideAxis(axis)
        self.view: pg.ViewBox = self.plot.getViewBox()


def beside(parent: QWidget, main: QWidget, side: list[QWidget], width: int = 240) -> QSplitter:
    """``main`` with a column of ``side`` widgets on its right (the second one, a list under its
    title, takes the height), in a splitter the researcher can drag."""
    column_widget = QWidget(parent)
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(side):
        column.addWidget(widget, 1 if number == 1 else 0)
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.addWidget(main)
    splitter.addWidget(column_widget)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes([900 - width, width])
    return splitter
