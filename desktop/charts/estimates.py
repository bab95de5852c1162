"""Estimates drawn beside their claims on the time chart: a band from low to high over the
estimate's period, and a mark (a thick line) at the best estimate. Only the estimates of the
measures charted are drawn, and only over time (bars compare single claims)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from db.conflicts import normalise_phrase

if TYPE_CHECKING:
    from db.findings.estimates import Finding

BAND = QColor(13, 71, 161, 40)
BEST = "#0d47a1"
_EPOCH = dt.datetime(1970, 1, 1)


def _seconds(day: dt.date) -> float:
    return (dt.datetime(day.year, day.month, day.day) - _EPOCH).total_seconds()


def draw_estimates(plot: pg.PlotItem, findings: Sequence[Finding], measures: Sequence[str]) -> list[Any]:
    """Add the estimates of ``measures`` to ``plot``; the items added (to remove them again)."""
    wanted = {normalise_phrase(m) for m in measures}
    items: list[Any] = []
    for finding in findings:
        if finding.reason or normalise_phrase(finding.measure) not in wanted:
            continue
        start, end = finding.period_start or finding.period_end, finding.period_end or finding.period_start
        if start is None or end is None:
            continue
        x0, x1 = _seconds(start.first_day()), _seconds(end.last_day() + dt.timedelta(days=1))
        if finding.low is not None and finding.high is not None and finding.high > finding.low:
            band = QGraphicsRectItem(x0, finding.low, x1 - x0, finding.high - finding.low)
            band.setBrush(QBrush(BAND))
            band.setPen(QPen(QColor(0, 0, 0, 0)))
            band.setZValue(-5)
            band.setToolTip(finding.describe())
            plot.addItem(band, ignoreBounds=True)
            items.append(band)
        if finding.best is not None:
            mark = pg.PlotDataItem([x0, x1], [finding.best, finding.best], pen=pg.mkPen(BEST, width=3))
            mark.setToolTip(finding.describe())
            mark.setZValue(-4)
            plot.addItem(mark, ignoreBounds=True)
            items.append(mark)
    return items
