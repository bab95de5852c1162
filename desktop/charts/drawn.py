"""What a chart drew: where each statistic's point is, the items of each legend series, and an
index of every value drawn to find the one under the mouse (lines included). Filled by
:mod:`desktop.charts.draw`, read by the plot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg


@dataclass
class Drawn:
    """What was drawn: where each statistic's point is, and the items of each legend series."""

    positions: dict[int, tuple[float, float]] = field(default_factory=dict)
    series: dict[str, list[Any]] = field(default_factory=dict)
    scatters: list[pg.ScatterPlotItem] = field(default_factory=list)
    references: list[pg.PlotDataItem] = field(default_factory=list)
    #: every value drawn, for hover look-ups: (x, y, statistic id, the item that shows it)
    _hover: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], Any]] = field(
        default_factory=list
    )

    def remember(self, item: Any, x: Any, y: Any, ids: Any) -> None:
        """Values shown by ``item`` (hidden with it when its legend entry is clicked)."""
        self._hover.append((np.asarray(x, float), np.asarray(y, float), np.asarray(ids, np.int64), item))

    def hover_index(self) -> HoverIndex:
        return HoverIndex(self._hover)


class HoverIndex:
    """The values on a chart sorted by x, to find the one under the mouse among millions."""

    def __init__(self, parts: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], Any]]) -> None:
        self.items = [item for *_rest, item in parts]
        if parts:
            x = np.concatenate([p[0] for p in parts])
            y = np.concatenate([p[1] for p in parts])
            ids = np.concatenate([p[2] for p in parts])
            owner = np.concatenate([np.full(len(p[0]), n) for n, p in enumerate(parts)])
        else:
            x = y = np.zeros(0)
            ids = owner = np.zeros(0, dtype=np.int64)
        order = np.argsort(x, kind="stable")
        self.x, self.y, self.ids, self.owner = x[order], y[order], ids[order], owner[order]

    def nearest(self, x: float, y: float, pixel: tuple[float, float], reach: float = 9.0) -> int | None:
        """The id of the visible value nearest (x, y) within ``reach`` pixels, or None."""
        width, height = pixel
        if not len(self.x) or width <= 0 or height <= 0:
            return None
        low = int(np.searchsorted(self.x, x - reach * width, side="left"))
        high = int(np.searchsorted(self.x, x + reach * width, side="right"))
        if high <= low or high - low > 500_000:
            return None
        shown = np.array([item.isVisible() for item in self.items], dtype=bool)
        dx = (self.x[low:high] - x) / width
        dy = (self.y[low:high] - y) / height
        distance = dx * dx + dy * dy
        distance[~shown[self.owner[low:high]]] = np.inf
        best = int(np.argmin(distance))
        if distance[best] > reach * reach:
            return None
        return int(self.ids[low + best])
