"""Chart points that share one look are styled together (one look-up in pyqtgraph's symbol atlas
instead of one a point: 0.4-0.5 s of the GUI thread for 100,000 claims), and look exactly as
pyqtgraph draws them; points with looks of their own, and a hovered point, still look their own."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest
from pyqtgraph.graphicsItems.ScatterPlotItem import SymbolAtlas
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop.charts.spots import AlikeSpots

COUNT = 3000


def _drawn(qtbot: QtBot, kind: type, **style: Any) -> tuple[QImage, Any, pg.PlotWidget]:
    rng = np.random.default_rng(4)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    spots = kind(x=rng.uniform(0, 100, COUNT), y=rng.uniform(0, 50, COUNT), data=np.arange(COUNT),
                 size=11, pen=pg.mkPen("#336699", width=2), hoverable=True,
                 hoverPen=pg.mkPen("#000000", width=2), hoverSize=15, tip=None, antialias=True, **style)
    widget.addItem(spots)
    widget.setXRange(0, 100, padding=0)
    widget.setYRange(0, 50, padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage(), spots, widget


@pytest.fixture
def looks_asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many looks each request to the symbol atlas named."""
    asked: list[int] = []
    original = SymbolAtlas.__getitem__

    def counted(self: SymbolAtlas, styles: Any) -> Any:
        styles = list(styles)
        asked.append(len(styles))
        return original(self, styles)

    monkeypatch.setattr(SymbolAtlas, "__getitem__", counted)
    return asked


def test_points_alike_are_styled_at_once_and_drawn_the_same(qtbot: QtBot, looks_asked: list[int]) -> None:
    ours, _, _ = _drawn(qtbot, AlikeSpots, symbol="o", brush=pg.mkBrush("#336699"))
    assert looks_asked == [1]
    looks_asked.clear()
    theirs, _, _ = _drawn(qtbot, pg.ScatterPlotItem, symbol="o", brush=pg.mkBrush("#336699"))
    assert looks_asked == [COUNT]
    assert ours == theirs


def test_points_of_their_own_looks_are_drawn_as_pyqtgraph_draws_them(qtbot: QtBot) -> None:
    brushes = [pg.mkBrush("#336699") if n % 2 else pg.mkBrush(0, 0, 0, 0) for n in range(COUNT)]
    symbols = ["o" if n % 3 else "s" for n in range(COUNT)]
    ours, _, _ = _drawn(qtbot, AlikeSpots, symbol=symbols, brush=brushes)
    theirs, _, _ = _drawn(qtbot, pg.ScatterPlotItem, symbol=symbols, brush=brushes)
    assert ours == theirs


def test_a_hovered_point_is_drawn_larger(qtbot: QtBot) -> None:
    before, spots, widget = _drawn(qtbot, AlikeSpots, symbol="o", brush=pg.mkBrush("#336699"))
    spots.data["hovered"][-1] = True  # the last: drawn over the others
    spots.data["sourceRect"][-1] = 0
    spots.updateSpots()
    spots.update()
    after = widget.grab().toImage()
    assert spots.data["sourceRect"]["w"][-1] > spots.data["sourceRect"]["w"][0]
    assert after != before
