"""The map's plot: the basemap (land, borders and coasts, disputed borders dashed) and each place
as marks sized by what concerns it, claims (orange) over sources (blue).

Longitude and latitude in degrees, drawn plate carrée with the aspect of the latitude the places
are around (so the North Caucasus is not squashed). Every place is one point of two scatters,
so 5,000 places pan and zoom as fast as five. A click on a place emits ``place_clicked(id)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

from db.places import GAZETTEER, PlaceRow
from desktop.charts.holder import PlotHolder
from desktop.charts.map.basemap import Basemap, Outlines

SOURCES_COLOUR, CLAIMS_COLOUR = "#1f77b4", "#e6780b"
#: wider views than this (degrees of longitude) draw the 1:110m outlines, narrower the 1:50m
COARSE_ABOVE = 45.0
#: names written beside this many of the places most concerned
LABELS = 30
#: where a name may stand beside its mark (pyqtgraph TextItem anchors), in the order tried:
#: right, left, above, below
LABEL_ANCHORS = ((-0.15, 0.5), (1.15, 0.5), (0.5, 1.15), (0.5, -0.15))

Box = tuple[float, float, float, float]


def place_labels(points: list[tuple[float, float]], sizes: list[tuple[float, float]],
                 marks: Sequence[Box] = ()) -> list[tuple[float, float] | None]:
    """Where each name stands (an anchor of :data:`LABEL_ANCHORS`), or None when every place
    beside its mark is taken: names in their order of importance, each at the first anchor
    whose box (on the screen: x right, y down) meets no name placed before it and no mark of
    ``marks`` but its own (the mark at ``points[i]``)."""
    def meets(a: Box, b: Box) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    placed: list[Box] = []
    chosen: list[tuple[float, float] | None] = []
    for (x, y), (width, height) in zip(points, sizes, strict=True):
        others = [m for m in marks if not m[0] <= x <= m[2] or not m[1] <= y <= m[3]]
        for ax, ay in LABEL_ANCHORS:
            box = (x - ax * width, y - ay * height, x - ax * width + width, y - ay * height + height)
            if not any(meets(box, b) for b in placed) and not any(meets(box, m) for m in others):
                placed.append(box)
                chosen.append((ax, ay))
                break
        else:
            chosen.append(None)
    return chosen


def mark_size(count: int) -> float:
    """A mark's diameter in pixels: its area grows with the count."""
    return 7 + 5 * math.sqrt(count)


class MapPlot(PlotHolder):
    place_clicked = Signal(int)
    redrawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("mapPlot", parent, background="#dfe9f2")
        self.view.setAspectLocked(True, ratio=math.cos(math.radians(45)))
        self.view.setLimits(xMin=-200, xMax=220, yMin=-95, yMax=95, minXRange=0.05)
        self.land = QGraphicsPathItem()
        self.land.setBrush(QBrush(QColor("#f4f2ec")))
        self.land.setPen(QPen(Qt.PenStyle.NoPen))
        self.land.setZValue(-3)
        # panning moves the land's cached pixels instead of filling 100,000 points again
        self.land.setCacheMode(QGraphicsPathItem.CacheMode.DeviceCoordinateCache)
        self.view.addItem(self.land, ignoreBounds=True)
        self.lines = pg.PlotCurveItem(pen=pg.mkPen("#a9a9a9", width=0.8), connect="finite", skipFiniteCheck=True)
        self.disputed = pg.PlotCurveItem(pen=pg.mkPen("#555555", width=1.3, style=Qt.PenStyle.DashLine),
                                         connect="finite", skipFiniteCheck=True)
        for item in (self.lines, self.disputed):
            item.setZValue(-2)
            item.setCacheMode(QGraphicsPathItem.CacheMode.DeviceCoordinateCache)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.plot.addItem(item, ignoreBounds=True)
        self.sources = pg.ScatterPlotItem(pxMode=True, pen=pg.mkPen("w", width=0.8))
        self.claims = pg.ScatterPlotItem(pxMode=True, pen=pg.mkPen("w", width=0.8))
        for number, item in enumerate((self.sources, self.claims)):
            item.setZValue(number + 1)
            item.sigClicked.connect(self._clicked)
            self.plot.addItem(item)
        self.ring = pg.ScatterPlotItem(symbol="o", size=24, pen=pg.mkPen("#D62728", width=3), brush=None)
        self.ring.setZValue(5)
        self.ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.plot.addItem(self.ring)
        self.outlines: dict[str, Basemap] = {}
        self.scale: str | None = None
        #: the box (x0, x1, y0, y1) whose outlines are drawn now: three views wide, so a pan
        #: redraws what is there until it leaves the box
        self.drawn_box: tuple[float, float, float, float] | None = None
        self.view.sigRangeChanged.connect(self._choose_outlines)
        self.view.sigRangeChanged.connect(self._declutter)
        self.view.sigResized.connect(self._declutter)
        self.rows: list[PlaceRow] = []
        self.shown: list[PlaceRow] = []
        self._labels: list[pg.TextItem] = []
        self._highlighted: int | None = None
        self.plot.scene().sigMouseMoved.connect(self._hovered)

    def set_basemap(self, outlines: dict[str, Basemap]) -> None:
        """The outlines by scale ("50m", "110m"); the one for the view is drawn."""
        self.outlines = dict(outlines)
        self.scale = self.drawn_box = None
        self._choose_outlines()

    @Slot()
    def _choose_outlines(self) -> None:
        if not self.outlines:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        wanted = "110m" if x1 - x0 > COARSE_ABOVE and "110m" in self.outlines else next(iter(self.outlines))
        box = self.drawn_box
        inside = box is not None and box[0] <= x0 and x1 <= box[1] and box[2] <= y0 and y1 <= box[3]
        if wanted != self.scale or not inside:
            self.scale = wanted
            w, h = x1 - x0, y1 - y0
            self.drawn_box = (x0 - w, x1 + w, y0 - h, y1 + h)
            self._draw_outlines(self.outlines[wanted].within(*self.drawn_box))

    def _draw_outlines(self, outlines: Outlines) -> None:
        path: QPainterPath = pg.arrayToQPath(outlines.land_x, outlines.land_y, connect="finite")
        path.setFillRule(Qt.FillRule.OddEvenFill)
        self.land.setPath(path)
        self.lines.setData(outlines.lines_x, outlines.lines_y, connect="finite")
        self.disputed.setData(outlines.disputed_x, outlines.disputed_y, connect="finite")

    def draw(self, rows: list[PlaceRow], *, keep_view: bool) -> None:
        """Show the places of ``rows`` that are on the map."""
        self.rows = rows
        self.shown = [r for r in rows if r.on_map]
        xs = np.array([r.longitude for r in self.shown], dtype=np.float64)
        ys = np.array([r.latitude for r in self.shown], dtype=np.float64)
        ids = [r.actor_id for r in self.shown]
        faint = pg.mkBrush(31, 119, 180, 110)
        sizes = [mark_size(r.sources) for r in self.shown]
        self.sources.setData(x=xs, y=ys, size=[round(s) for s in sizes], data=ids, brush=faint, symbol="o")
        claimed = [i for i, r in enumerate(self.shown) if r.claims]
        self.claims.setData(x=xs[claimed], y=ys[claimed], size=[round(mark_size(self.shown[i].claims) * 0.7) for i in claimed],
                            data=[ids[i] for i in claimed], brush=pg.mkBrush(CLAIMS_COLOUR), symbol="o")
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        for row in sorted(self.shown, key=lambda r: (-(r.claims + r.sources), r.name))[:LABELS]:
            label = pg.TextItem(row.name, color="#222222", anchor=LABEL_ANCHORS[0])
            label.setPos(row.longitude, row.latitude)
            label.setZValue(4)
            self.plot.addItem(label)
            self._labels.append(label)
        self._declutter()
        if self.shown:
            middle = float(np.clip(np.median(ys), -70, 70))
            self.view.setAspectLocked(True, ratio=math.cos(math.radians(middle)))
        self._place_ring()
        if not keep_view:
            self.reset_view()
        self.redrawn.emit()

    @Slot()
    def _declutter(self) -> None:
        """Names that would overlap at this zoom moved to another side of their mark, or hidden
        (the mark's tooltip still names it; zooming in shows it again)."""
        if not self._labels:
            return
        points, sizes = [], []
        for label in self._labels:
            at = self.view.mapViewToScene(label.pos())
            rect = label.textItem.boundingRect()
            points.append((at.x(), at.y()))
            sizes.append((rect.width(), rect.height()))
        marks = []
        for row in self.shown:
            at = self.view.mapViewToScene(pg.Point(row.longitude, row.latitude))
            radius = mark_size(row.sources) / 2
            marks.append((at.x() - radius, at.y() - radius, at.x() + radius, at.y() + radius))
        for label, anchor in zip(self._labels, place_labels(points, sizes, marks), strict=True):
            label.setVisible(anchor is not None)
            if anchor is not None and tuple(label.anchor) != anchor:
                label.setAnchor(anchor)

    def visible_labels(self) -> list[tuple[str, Box]]:
        """The names written on the map now and their boxes on the screen."""
        found = []
        for label in self._labels:
            if label.isVisible():
                rect = label.mapRectToScene(label.boundingRect())
                found.append((label.toPlainText(), (rect.left(), rect.top(), rect.right(), rect.bottom())))
        return found

    @Slot()
    def reset_view(self) -> None:
        """Every place on the map in view (the world when there is none)."""
        if not self.shown:
            self.view.setRange(xRange=(-180, 180), yRange=(-60, 85), padding=0)
            return
        xs = [r.longitude for r in self.shown if r.longitude is not None]
        ys = [r.latitude for r in self.shown if r.latitude is not None]
        margin = max(4.0, (max(xs) - min(xs)) * 0.15, (max(ys) - min(ys)) * 0.15)
        self.view.setRange(xRange=(min(xs) - margin, max(xs) + margin),
                           yRange=(min(ys) - margin, max(ys) + margin), padding=0)

    # --- the mouse and the highlight -----------------------------------------------------------

    @Slot(object, object, object)
    def _clicked(self, _item: Any, points: Any, _event: Any) -> None:
        if len(points):
            actor = int(points[0].data())
            self.highlight_place(actor)
            self.place_clicked.emit(actor)

    def describe(self, row: PlaceRow) -> str:
        where = (f"{row.latitude:.3f}, {row.longitude:.3f}" if row.on_map else "not on the map")
        origin = f" — from the gazetteer: {row.matched}" if row.origin == GAZETTEER else (
            " — set by hand" if row.on_map else "")
        also = f" ({row.alternatives} other places of this name)" if row.alternatives and row.origin == GAZETTEER else ""
        return (f"{row.name}: {row.claims:,} claim{'' if row.claims == 1 else 's'}, {row.sources:,} "
                f"source{'' if row.sources == 1 else 's'}\n{where}{origin}{also}")

    @Slot(object)
    def _hovered(self, scene_position: Any) -> None:
        text = ""
        if self.view.sceneBoundingRect().contains(scene_position):
            point = self.view.mapSceneToView(scene_position)
            for item in (self.claims, self.sources):
                found = item.pointsAt(point)
                if len(found):
                    actor = int(found[0].data())
                    row = next((r for r in self.shown if r.actor_id == actor), None)
                    text = self.describe(row) if row is not None else ""
                    break
        if self.view.toolTip() != text:
            self.view.setToolTip(text)

    def highlight_place(self, actor_id: int | None) -> bool:
        """Ring a place (selected elsewhere); False when it is not on the map."""
        self._highlighted = actor_id
        return self._place_ring(scroll=True)

    def highlighted(self) -> int | None:
        return self._highlighted if any(r.actor_id == self._highlighted for r in self.shown) else None

    def _place_ring(self, *, scroll: bool = False) -> bool:
        row = next((r for r in self.shown if r.actor_id == self._highlighted), None)
        if row is None or row.longitude is None or row.latitude is None:
            self.ring.setData([], [])
            return False
        self.ring.setData([row.longitude], [row.latitude])
        if scroll:
            (x0, x1), (y0, y1) = self.view.viewRange()
            if not (x0 <= row.longitude <= x1 and y0 <= row.latitude <= y1):
                self.view.translateBy(x=row.longitude - (x0 + x1) / 2, y=row.latitude - (y0 + y1) / 2)
        return True
