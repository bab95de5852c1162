"""The timeline's plot: three lanes (sources, claims, relations) over a date axis that zooms from
decades to days.

Each redraw draws only what is in view: up to :data:`MAX_ITEMS` items a lane as themselves (a
day-precise date a dot, a month, a year or a period a bar across its span), more than that as a
histogram of how many fall in each stretch of the view (each spread over its span), so a lane
of 100,000 items redraws in milliseconds. A click on an item emits ``item_clicked(lane, id)``; a click on a histogram
zooms into it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from db.timeline import Lane
from desktop.charts.holder import PlotHolder
from desktop.charts.timeline.arrays import (
    DAY_SECONDS,
    PRECISION_CODES,
    LaneArrays,
    density,
    in_view,
    nearest,
)

#: lanes from top to bottom: key, title, colour
LANES = (("sources", "Sources", "#1f77b4"), ("claims", "Claims", "#e6780b"),
         ("relations", "Relations", "#2a9d3a"))
#: more items than this in view in one lane are drawn as a histogram
MAX_ITEMS = 4000
#: histogram bars across the view
BINS = 240
#: with no more items than this in view, each is captioned with its title or claim
CAPTIONS = 40
#: a month drawn darker than a year: the less precise, the lighter
_ALPHA = {PRECISION_CODES["month"]: 200, PRECISION_CODES["year"]: 110, PRECISION_CODES["range"]: 160}
_MIN_RANGE = 3 * DAY_SECONDS
_MAX_RANGE = 150 * 365.25 * DAY_SECONDS


def span_text(start: float, end: float, precision: int) -> str:
    """The dates of an item as the researcher gave them ("2015-07-11", "2015-06", "2014",
    "2010 – 2015-07-11")."""
    first = dt.date(1970, 1, 1) + dt.timedelta(seconds=start)
    last = dt.date(1970, 1, 1) + dt.timedelta(seconds=end - DAY_SECONDS)
    if precision == PRECISION_CODES["day"]:
        return first.isoformat()
    if precision == PRECISION_CODES["month"]:
        return first.strftime("%Y-%m")
    if precision == PRECISION_CODES["year"]:
        return str(first.year)
    return f"{first.isoformat()} – {last.isoformat()}"


class _Lane:
    """The items that draw one lane: a bar curve per precision, the dots, the histogram."""

    def __init__(self, plot: pg.PlotItem, colour: str) -> None:
        base = pg.mkColor(colour)
        self.bars: dict[int, pg.PlotCurveItem] = {}
        for code, alpha in _ALPHA.items():
            tint = pg.mkColor(base)
            tint.setAlpha(alpha)
            pen = pg.mkPen(tint, width=6, cap=Qt.PenCapStyle.FlatCap)
            self.bars[code] = pg.PlotCurveItem(pen=pen, connect="pairs", skipFiniteCheck=True)
        self.dots = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8), brush=pg.mkBrush(base),
                                       antialias=False)
        fill = pg.mkColor(base)
        fill.setAlpha(90)
        self.histogram = pg.PlotCurveItem(pen=pg.mkPen(base, width=1), brush=pg.mkBrush(fill),
                                          skipFiniteCheck=True)
        for item in (*self.bars.values(), self.dots, self.histogram):
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            plot.addItem(item)

    def show_items(self, lane: LaneArrays, shown: Any, base: float) -> None:
        self.histogram.setData([], [], stepMode=None, fillLevel=None)
        self.histogram.setVisible(False)
        for code, curve in self.bars.items():
            picked = shown[lane.precisions[shown] == code]
            if len(picked):
                xs = np.column_stack((lane.starts[picked], lane.ends[picked])).ravel()
                ys = np.repeat(base + lane.rows[picked].astype(np.float64), 2)
                curve.setData(xs, ys, connect="pairs")
            else:
                curve.setData([], [])
        days = shown[lane.precisions[shown] == PRECISION_CODES["day"]]
        self.dots.setData(lane.starts[days] + DAY_SECONDS / 2, base + lane.rows[days].astype(np.float64))

    def show_histogram(self, edges: Any, counts: Any, base: float, height: float) -> None:
        for curve in self.bars.values():
            curve.setData([], [])
        self.dots.setData([], [])
        top = float(counts.max()) or 1.0
        self.histogram.setData(edges, base - 0.45 + counts / top * (height - 0.1), stepMode="center",
                               fillLevel=base - 0.45)
        self.histogram.setVisible(True)


class TimelinePlot(PlotHolder):
    """Lanes of items over time; ``item_clicked(lane key, id)`` when one is clicked."""

    item_clicked = Signal(str, int)
    #: redrawn after data or a change of view (for tests and benchmarks)
    redrawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("timelinePlot", parent)
        dates = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        self.plot.setAxisItems({"bottom": dates})
        dates.setTextPen("#333333")
        dates.setPen("#666666")
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getAxis("left").setWidth(72)  # the lanes' names, whatever the first draw was
        self.view.setMouseEnabled(x=True, y=False)
        self.view.setLimits(minXRange=_MIN_RANGE, maxXRange=_MAX_RANGE)
        self.lanes: dict[str, LaneArrays] = {}
        self._drawers = {key: _Lane(self.plot, colour) for key, _title, colour in LANES}
        #: lane key -> (base y, height in rows)
        self.bands: dict[str, tuple[float, float]] = {}
        #: the indexes in view of each lane, and whether it is drawn as a histogram
        self.shown: dict[str, Any] = {}
        self.as_histogram: dict[str, bool] = {}
        self.highlight = pg.ScatterPlotItem(symbol="o", size=20, pen=pg.mkPen("#D62728", width=3), brush=None)
        self.highlight.setZValue(10)
        self.highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.plot.addItem(self.highlight, ignoreBounds=True)
        self._highlighted: dict[str, int] = {}
        self._captions: list[pg.TextItem] = []
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.redraw)
        self.view.sigXRangeChanged.connect(lambda *_: self._pending.start())
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)

    # --- data ----------------------------------------------------------------------------------

    def set_lanes(self, lanes: dict[str, LaneArrays], *, keep_view: bool) -> None:
        """Show ``lanes`` (keyed as :data:`LANES`); the view stays where it is with ``keep_view``."""
        self.lanes = lanes
        self.bands = {}
        base = 0.0
        for key, _title, _colour in reversed(LANES):
            lane = lanes.get(key)
            height = float(lane.rows.max()) + 1 if lane is not None and len(lane) else 1.0
            self.bands[key] = (base, height)
            base += height + 1.5
        ticks = [(b + (h - 1) / 2, title) for (key, title, _c) in LANES for b, h in [self.bands[key]]]
        self.plot.getAxis("left").setTicks([ticks, []])
        self.view.setYRange(-1.0, base - 1.0, padding=0)
        if not keep_view or not self._has_view():
            self.reset_view()
        self.redraw()

    def _has_view(self) -> bool:
        x0, x1 = self.view.viewRange()[0]
        return x1 - x0 < _MAX_RANGE and self.extent() is not None

    def extent(self) -> tuple[float, float] | None:
        spans = [e for lane in self.lanes.values() if (e := lane.extent()) is not None]
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)

    @Slot()
    def reset_view(self) -> None:
        """Every dated item in view."""
        extent = self.extent()
        if extent is None:
            today = dt.date.today()
            start = (dt.date(today.year - 1, 1, 1) - dt.date(1970, 1, 1)).days * DAY_SECONDS
            extent = (start, start + 2 * 365 * DAY_SECONDS)
        first, last = extent
        margin = max((last - first) * 0.04, 15 * DAY_SECONDS)
        self.view.setXRange(first - margin, last + margin, padding=0)

    # --- drawing -------------------------------------------------------------------------------

    @Slot()
    def redraw(self) -> None:
        """Draw what is in view now."""
        self._pending.stop()
        x0, x1 = self.view.viewRange()[0]
        for key, drawer in self._drawers.items():
            lane = self.lanes.get(key)
            base, height = self.bands.get(key, (0.0, 1.0))
            if lane is None or not len(lane):
                drawer.show_items(_EMPTY, np.zeros(0, dtype=np.int64), base)
                self.shown[key], self.as_histogram[key] = np.zeros(0, dtype=np.int64), False
                continue
            shown = in_view(lane, x0, x1)
            self.shown[key] = shown
            self.as_histogram[key] = len(shown) > MAX_ITEMS
            if self.as_histogram[key]:
                edges, counts = density(lane, x0, x1, BINS)
                drawer.show_histogram(edges, counts, base, height)
            else:
                drawer.show_items(lane, shown, base)
        self._caption()
        self._place_highlight(scroll=None)
        self.redrawn.emit()

    def _caption(self) -> None:
        """Name the items in view when there are few (a pool of labels, reused)."""
        wanted = [(key, int(i)) for key, shown in self.shown.items() if not self.as_histogram.get(key)
                  for i in shown]
        if len(wanted) > CAPTIONS:
            wanted = []
        while len(self._captions) < len(wanted):
            caption = pg.TextItem(color="#333333", anchor=(0, 1.05))
            caption.setZValue(3)
            self.plot.addItem(caption, ignoreBounds=True)
            self._captions.append(caption)
        x0, x1 = self.view.viewRange()[0]
        for caption, (key, index) in zip(self._captions, wanted, strict=False):
            lane = self.lanes[key]
            text = lane.labels[index]
            caption.setText(text if len(text) <= 48 else text[:47] + "…")
            y = self.bands[key][0] + float(lane.rows[index])
            start, end = float(lane.starts[index]), float(lane.ends[index])
            if start > x0 + 0.6 * (x1 - x0):  # near the right edge: the caption ends where the item does
                caption.setAnchor((1, 1.05))
                caption.setPos(min(end, x1), y)
            else:
                caption.setAnchor((0, 1.05))
                caption.setPos(max(start, x0), y)
            caption.setVisible(True)
        for caption in self._captions[len(wanted):]:
            caption.setVisible(False)

    # --- the mouse -----------------------------------------------------------------------------

    def item_at(self, scene_position: QPointF) -> tuple[str, int] | None:
        """(lane key, index) of the item under a point of the scene."""
        if not self.view.sceneBoundingRect().contains(scene_position):
            return None
        point = self.view.mapSceneToView(scene_position)
        for key, (base, height) in self.bands.items():
            if base - 0.6 <= point.y() <= base + height - 0.4 and key in self.lanes:
                if self.as_histogram.get(key):
                    return None
                slack = self.view.viewPixelSize()[0] * 5
                index = nearest(self.lanes[key], self.shown.get(key, np.zeros(0, dtype=np.int64)),
                                point.x(), point.y() - base, slack)
                return None if index is None else (key, index)
        return None

    def describe(self, key: str, index: int) -> str:
        lane = self.lanes[key]
        when = span_text(float(lane.starts[index]), float(lane.ends[index]), int(lane.precisions[index]))
        return f"{when}\n{lane.labels[index]}"

    @Slot(object)
    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.scenePos()
        found = self.item_at(position)
        if found is not None:
            key, index = found
            item_id = int(self.lanes[key].ids[index])
            self.highlight_item(key, item_id, scroll=False)
            self.item_clicked.emit(key, item_id)
            return
        point = self.view.mapSceneToView(position)
        if any(self.as_histogram.values()) and self.view.sceneBoundingRect().contains(position):
            x0, x1 = self.view.viewRange()[0]
            width = (x1 - x0) / 8
            self.view.setXRange(point.x() - width / 2, point.x() + width / 2, padding=0)

    @Slot(object)
    def _hovered(self, scene_position: Any) -> None:
        found = self.item_at(scene_position)
        text = self.describe(*found) if found is not None else ""
        if self.view.toolTip() != text:
            self.view.setToolTip(text)

    # --- highlight -----------------------------------------------------------------------------

    def highlight_item(self, key: str, item_id: int, *, scroll: bool = True) -> bool:
        """Ring an item of lane ``key`` (selected elsewhere; one a lane) and bring it into view;
        False when it is not drawn."""
        self._highlighted[key] = item_id
        return self._place_highlight(scroll=key if scroll else None)

    def highlighted(self, key: str) -> int | None:
        """The item ringed in lane ``key``, if it is drawn."""
        item_id = self._highlighted.get(key)
        lane = self.lanes.get(key)
        return item_id if item_id is not None and lane is not None and lane.index_of(item_id) is not None else None

    def _place_highlight(self, *, scroll: str | None) -> bool:
        xs, ys = [], []
        scroll_to = None
        for key, item_id in self._highlighted.items():
            lane = self.lanes.get(key)
            index = lane.index_of(item_id) if lane is not None else None
            if lane is None or index is None:
                continue
            x = (float(lane.starts[index]) + float(lane.ends[index])) / 2
            xs.append(x)
            ys.append(self.bands[key][0] + float(lane.rows[index]))
            if key == scroll:
                scroll_to = x
        self.highlight.setData(xs, ys)
        self.highlight.setVisible(bool(xs))
        if scroll_to is not None:
            x0, x1 = self.view.viewRange()[0]
            if not (x0 <= scroll_to <= x1):
                self.view.translateBy(x=scroll_to - (x0 + x1) / 2)
        return scroll is None or scroll_to is not None


_EMPTY = LaneArrays.of(Lane())
