"""Estimates drawn beside their claims on the time chart: a band from low to high over the
estimate's period, and a mark (a thick line) at the best estimate. Only the estimates of the
measures charted are drawn, and only over time (bars compare single claims).

All the bands are one item and all the marks another (thousands of estimates at 100,000 claims:
an item each took over a second to draw on the GUI thread); the estimate under the mouse is
found by :class:`DrawnEstimates` and described only then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from db.conflicts import normalise_phrase

if TYPE_CHECKING:
    from db.findings.estimates import Finding

BAND = QColor(13, 71, 161, 40)
BEST = "#0d47a1"
_EPOCH = dt.datetime(1970, 1, 1)
#: how near (in pixels) the mouse must be to a best estimate's mark to be on it
MARK_REACH = 5.0


def _seconds(day: dt.date) -> float:
    return (dt.datetime(day.year, day.month, day.day) - _EPOCH).total_seconds()


class DrawnEstimates:
    """The estimates drawn, and where: to find the one under the mouse."""

    def __init__(self, items: list[Any], findings: list[Finding], spans: list[tuple[float, float, float, float, float]]) -> None:
        self.items = items
        self.findings = findings
        # x0, x1, low, high, best per finding (NaN where it has none)
        self.spans = np.array(spans, dtype=float).reshape(-1, 5)

    def under(self, x: float, y: float, pixel: tuple[float, float]) -> Finding | None:
        """The estimate whose mark is nearest (x, y), else the narrowest band holding it."""
        if not len(self.spans):
            return None
        x0, x1, low, high, best = self.spans.T
        inside = (x0 <= x) & (x <= x1)
        with np.errstate(invalid="ignore"):
            near = inside & (np.abs(best - y) <= MARK_REACH * max(pixel[1], 1e-12))
            if near.any():
                candidates = np.flatnonzero(near)
                return self.findings[int(candidates[np.argmin(np.abs(best[candidates] - y))])]
            banded = inside & (low <= y) & (y <= high)
        if banded.any():
            candidates = np.flatnonzero(banded)
            return self.findings[int(candidates[np.argmin((high - low)[candidates])])]
        return None


def draw_estimates(plot: pg.PlotItem, findings: Sequence[Finding], measures: Sequence[str]) -> DrawnEstimates:
    """Add the estimates of ``measures`` to ``plot``: the bands and the marks, and where each is."""
    wanted = {normalise_phrase(m) for m in measures}
    # whether each measure is charted, worked out once a measure: a large archive's thousands of
    # estimates name a few dozen measures (normalised once an estimate: 45 of draw's 55 ms at 1M)
    charted: dict[str, bool] = {}
    shown: list[Finding] = []
    spans: list[tuple[float, float, float, float, float]] = []
    for finding in findings:
        if finding.reason:
            continue
        measure = finding.measure
        drawn = charted.get(measure)
        if drawn is None:
            drawn = charted[measure] = normalise_phrase(measure) in wanted
        if not drawn:
            continue
        start, end = finding.period_start or finding.period_end, finding.period_end or finding.period_start
        if start is None or end is None:
            continue
        banded = finding.low is not None and finding.high is not None and finding.high > finding.low
        if not banded and finding.best is None:
            continue
        x0, x1 = _seconds(start.first_day()), _seconds(end.last_day() + dt.timedelta(days=1))
        nan = float("nan")
        spans.append((x0, x1, finding.low if banded else nan, finding.high if banded else nan,  # type: ignore[arg-type]
                      finding.best if finding.best is not None else nan))
        shown.append(finding)
    items: list[Any] = []
    table = np.array(spans, dtype=float).reshape(-1, 5)
    bands = table[~np.isnan(table[:, 2])]
    if len(bands):
        band = pg.BarGraphItem(x0=bands[:, 0], width=bands[:, 1] - bands[:, 0], y0=bands[:, 2],
                               height=bands[:, 3] - bands[:, 2], brush=BAND, pen=pg.mkPen(None))
        band.setZValue(-5)
        # thousands of translucent bands (a large archive's estimates) took 30+ ms to paint each
        # time anything in the plot changed: kept as a picture until the view moves or zooms
        band.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(band, ignoreBounds=True)
        items.append(band)
    marks = table[~np.isnan(table[:, 4])]
    if len(marks):
        x = np.column_stack([marks[:, 0], marks[:, 1]]).ravel()
        y = np.repeat(marks[:, 4], 2)
        mark = pg.PlotDataItem(x, y, connect="pairs", pen=pg.mkPen(BEST, width=3))
        mark.setZValue(-4)
        plot.addItem(mark, ignoreBounds=True)
        items.append(mark)
    return DrawnEstimates(items, shown, spans)
