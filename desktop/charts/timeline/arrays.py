"""A timeline lane as numpy arrays: what is in view, how many per stretch of time, what is under
the mouse. No Qt here; the plot draws what these functions return.

Positions are seconds since 1970-01-01 (what pyqtgraph's date axis counts); a lane's items are
in order of their start, so the items in view are found by bisection, not by a scan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from db.timeline import DAY, MONTH, RANGE, YEAR, Lane

DAY_SECONDS = 86_400.0
#: precisions as small integers (the plot draws each kind with its own pen)
PRECISION_CODES = {DAY: 0, MONTH: 1, YEAR: 2, RANGE: 3}

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass
class LaneArrays:
    """One lane's items: ids, spans in seconds, precision codes, rows and labels."""

    ids: Ints
    starts: Floats
    ends: Floats
    precisions: npt.NDArray[np.int8]
    rows: Ints
    labels: list[str]
    undated: int = 0

    def __post_init__(self) -> None:
        # for density(): each item's weight (1 / its length) and running sums in order of start
        # and of end, so the items in any stretch of time are counted by bisection
        weights = 1.0 / np.maximum(self.ends - self.starts, 1.0)
        self._by_end = np.argsort(self.ends, kind="stable")
        self._sorted_ends = self.ends[self._by_end]
        self._w_start = np.concatenate(([0.0], np.cumsum(weights)))
        self._sw_start = np.concatenate(([0.0], np.cumsum(weights * self.starts)))
        self._w_end = np.concatenate(([0.0], np.cumsum(weights[self._by_end])))
        self._ew_end = np.concatenate(([0.0], np.cumsum((weights * self.ends)[self._by_end])))

    def spread(self, x: Floats) -> Floats:
        """How many items lie before each time of ``x``, each item spread evenly over its span
        (a year-precise date counts a twelfth in each month of its year)."""
        began = np.searchsorted(self.starts, x, side="left")
        ended = np.searchsorted(self._sorted_ends, x, side="left")
        inside = x * self._w_start[began] - self._sw_start[began]
        past = x * self._w_end[ended] - self._ew_end[ended]
        result: Floats = inside - past
        return result

    @classmethod
    def of(cls, lane: Lane) -> LaneArrays:
        starts = np.asarray(lane.starts, dtype=np.float64) * DAY_SECONDS
        ends = np.asarray(lane.ends, dtype=np.float64) * DAY_SECONDS
        order = np.argsort(starts, kind="stable")
        return cls(
            ids=np.asarray(lane.ids, dtype=np.int64)[order],
            starts=starts[order],
            ends=ends[order],
            precisions=np.asarray([PRECISION_CODES[p] for p in lane.precisions], dtype=np.int8)[order]
            if lane.precisions else np.zeros(0, dtype=np.int8),
            rows=np.asarray(lane.rows or [0] * len(lane.ids), dtype=np.int64)[order],
            labels=[lane.labels[i] for i in order],
            undated=lane.undated,
        )

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def longest(self) -> float:
        return float((self.ends - self.starts).max()) if len(self) else 0.0

    def index_of(self, item_id: int) -> int | None:
        found = np.flatnonzero(self.ids == item_id)
        return int(found[0]) if len(found) else None

    def extent(self) -> tuple[float, float] | None:
        if not len(self):
            return None
        return float(self.starts[0]), float(self.ends.max())


def in_view(lane: LaneArrays, x0: float, x1: float, longest: float | None = None) -> Ints:
    """Indexes of the items that overlap [x0, x1], in order of start."""
    if not len(lane):
        return np.zeros(0, dtype=np.int64)
    longest = lane.longest if longest is None else longest
    first = int(np.searchsorted(lane.starts, x0 - longest, side="left"))
    last = int(np.searchsorted(lane.starts, x1, side="right"))
    candidates = np.arange(first, last, dtype=np.int64)
    return candidates[lane.ends[first:last] >= x0]


def density(lane: LaneArrays, x0: float, x1: float, bins: int) -> tuple[Floats, Floats]:
    """How many items fall in each of ``bins`` equal stretches of [x0, x1], each item spread
    evenly over its span (a date known to the year is not a pile on the 1st of January):
    bin edges and counts."""
    edges = np.linspace(x0, x1, bins + 1)
    if not len(lane):
        return edges, np.zeros(bins)
    return edges, np.maximum(np.diff(lane.spread(edges)), 0.0)


def nearest(lane: LaneArrays, shown: Ints, x: float, row: float, slack: float) -> int | None:
    """The item in ``shown`` under (x, row): its span holds x (give or take ``slack`` seconds),
    in the nearest row within half a row; None when nothing is there."""
    if not len(shown):
        return None
    near_row = np.abs(lane.rows[shown] - row) <= 0.6
    holds = (lane.starts[shown] - slack <= x) & (lane.ends[shown] + slack >= x)
    hits = shown[near_row & holds]
    if not len(hits):
        return None
    middles = (lane.starts[hits] + lane.ends[hits]) / 2
    return int(hits[np.argmin(np.abs(middles - x) + np.abs(lane.rows[hits] - row) * 1e12)])
