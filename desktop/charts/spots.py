"""Scatter points that share one look, made without pyqtgraph's spot-by-spot styling.

pyqtgraph 0.14's ``ScatterPlotItem.updateSpots`` works out every new spot's symbol, size, pen
and brush as a Python tuple and looks each up in its symbol atlas, even when all of them use the
item's own (one) style: 0.4-0.5 s of the GUI thread for 100,000 claims, the chart's longest
stall at a million sources. :class:`AlikeSpots` gives every such spot the one atlas entry at once
(0.1 s, the same pixels); spots with a look of their own, or hovered, go pyqtgraph's way.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import _DEFAULT_STYLE

#: what sets a spot's picture in the atlas, in the order the atlas takes it
LOOK = ("symbol", "size", "pen", "brush")


class AlikeSpots(pg.ScatterPlotItem):  # type: ignore[misc]
    """A ``ScatterPlotItem`` whose spots in the item's own style are styled together."""

    def updateSpots(self, dataSet: Any = None) -> None:
        data = self.data if dataSet is None else dataSet
        if not (self.opts["pxMode"] and self.opts["useCache"]) or not self._alike(data):
            super().updateSpots(dataSet)
            return
        new = data["sourceRect"]["w"] == 0
        drawn_anew = bool(new.any())
        if drawn_anew:
            data["sourceRect"][new] = self.fragmentAtlas[[tuple(self.opts[key] for key in LOOK)]][0]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=data)
        if drawn_anew:
            self.invalidate()

    def _alike(self, data: Any) -> bool:
        """No spot has a look of its own (each takes the item's) and none is hovered."""
        if self.opts["hoverable"] and data["hovered"].any():
            return False
        return all(bool(np.equal(data[key], _DEFAULT_STYLE[key]).all()) for key in LOOK)
