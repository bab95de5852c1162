"""Drawing a chart frame (db.chartdata) with pyqtgraph: claims as points and spans, reference data
as lines, comparison bars, conflict rings. No widgets here: the pane owns the plots."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

DAY = 86_400.0
#: periods longer than this are drawn as a horizontal span, shorter ones as a point
SPAN_THRESHOLD = 367 * DAY
#: reference series with at most this many points also show their points (clickable, with tips)
REFERENCE_POINTS_LIMIT = 400

#: colour-blind-safe qualitative palette (Okabe-Ito order, then Tableau extras); no pure red,
#: which is kept for conflicting claims
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#8C564B",
    "#9467BD",
    "#BCBD22",
    "#17BECF",
    "#F0E442",
    "#1F3A93",
    "#7F7F7F",
)
UNKNOWN_COLOUR = "#8a8a8a"
CONFLICT_COLOUR = "#D62728"
HIGHLIGHT_COLOUR = "#FF7F0E"
TRANSPARENT = QColor(0, 0, 0, 0)


def colour_for(groups: Sequence[str]) -> dict[str, str]:
    """A stable colour per group label; the "(no …)" groups are grey."""
    colours: dict[str, str] = {}
    index = 0
    for group in sorted(groups):
        if group.startswith("(no "):
            colours[group] = UNKNOWN_COLOUR
        else:
            colours[group] = PALETTE[index % len(PALETTE)]
            index += 1
    return colours


def with_coordinates(frame: pd.DataFrame) -> pd.DataFrame:
    """Add plot coordinates: x0/x1 (span in epoch seconds, end exclusive), x (its middle), y."""
    out = frame.copy()
    epoch = pd.Timestamp(0)
    out["x0"] = (out["x_start"] - epoch).dt.total_seconds()
    # The last day counts in full: a year spans to the first instant of the next.
    out["x1"] = (out["x_end"] - epoch).dt.total_seconds() + DAY
    out["x"] = (out["x0"] + out["x1"]) / 2
    out["y"] = out["value"].fillna(out["low"]).fillna(out["high"])
    return out


def number(value: float) -> str:
    if math.isnan(value):
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def value_text(row: Any) -> str:
    """The claim's number as the text would put it: "about 5,816", "at least 19", "10–20"."""
    value, low, high = row.value, row.low, row.high
    has = [not pd.isna(v) for v in (value, low, high)]
    if has[0]:
        text = number(value)
        if has[1] or has[2]:
            text += f" ({number(low) if has[1] else '…'}–{number(high) if has[2] else '…'})"
        return ("about " if row.approximate else "") + text
    if has[1] and has[2]:
        return f"between {number(low)} and {number(high)}"
    if has[1]:
        return f"at least {number(low)}"
    return f"at most {number(high)}"


def tooltip(row: Any) -> str:
    """Value, what is counted, period, claimant, place and source of one statistic."""
    what = " ".join(str(p) for p in (row.unit, row.measure) if isinstance(p, str) and p)
    subject = f" – {row.subject}" if isinstance(row.subject, str) and row.subject else ""
    lines = [f"{value_text(row)} {what}{subject}".strip()]
    lines.append(f"Period: {row.period or 'not stated'}")
    lines.append(f"Claimed by: {row.claimant if isinstance(row.claimant, str) else 'not stated'}")
    if isinstance(row.place, str):
        lines.append(f"Place: {row.place}")
    if isinstance(row.source_title, str):
        lines.append(f"Source: {row.source_title}")
    elif isinstance(row.dataset, str):
        lines.append(f"Dataset: {row.dataset}")
    if isinstance(row.quote, str) and row.quote:
        quote = row.quote if len(row.quote) <= 160 else row.quote[:157] + "…"
        lines.append(f"“{quote}”")
    if row.conflict:
        lines.append("⚠ Conflicts with another claim")
    return "\n".join(lines)


def _symbols(rows: pd.DataFrame) -> list[str]:
    """A circle for a value, a triangle pointing the way an open bound goes ("at least" = up)."""
    only_low = rows["value"].isna() & rows["low"].notna() & rows["high"].isna()
    only_high = rows["value"].isna() & rows["high"].notna() & rows["low"].isna()
    symbols = np.where(only_low, "t1", np.where(only_high, "t", "o"))
    return [str(s) for s in symbols]


@dataclass
class Drawn:
    """What was drawn: where each statistic's point is, and the items of each legend series."""

    positions: dict[int, tuple[float, float]] = field(default_factory=dict)
    series: dict[str, list[Any]] = field(default_factory=dict)
    scatters: list[pg.ScatterPlotItem] = field(default_factory=list)
    references: list[pg.PlotDataItem] = field(default_factory=list)


def _link_visibility(lead: Any, others: list[Any]) -> None:
    """Legend clicks toggle ``lead``; the series' other items (spans, bars, rings) follow it."""

    def follow() -> None:
        for other in others:
            other.setVisible(lead.isVisible())

    lead.visibleChanged.connect(follow)


def _points(
    rows: pd.DataFrame,
    x: np.ndarray[Any, Any],
    colour: str,
    tip: Callable[..., str],
    size: float = 11,
) -> pg.ScatterPlotItem:
    filled = pg.mkBrush(colour)
    brushes = [TRANSPARENT if approximate else filled for approximate in rows["approximate"]]
    scatter = pg.ScatterPlotItem(
        x=x,
        y=rows["y"].to_numpy(float),
        data=rows["id"].to_numpy(),
        symbol=_symbols(rows),
        size=size,
        pen=pg.mkPen(colour, width=2),
        brush=brushes,
        hoverable=True,
        hoverPen=pg.mkPen("#000000", width=2),
        hoverSize=size + 4,
        tip=tip,
        antialias=True,
    )
    scatter.setZValue(3)
    return scatter


def _error_bars(rows: pd.DataFrame, x: np.ndarray[Any, Any], colour: str) -> pg.ErrorBarItem | None:
    bounded = (rows["low"].notna() | rows["high"].notna()).to_numpy()
    if not bounded.any():
        return None
    y = rows["y"].to_numpy(float)[bounded]
    top = (rows["high"].to_numpy(float)[bounded] - y).clip(min=0)
    bottom = (y - rows["low"].to_numpy(float)[bounded]).clip(min=0)
    item = pg.ErrorBarItem(
        x=x[bounded],
        y=y,
        top=np.nan_to_num(top),
        bottom=np.nan_to_num(bottom),
        beam=0,
        pen=pg.mkPen(colour, width=1.5),
    )
    item.setZValue(2)
    return item


def _rings(rows: pd.DataFrame, x: np.ndarray[Any, Any]) -> pg.ScatterPlotItem | None:
    conflicting = rows["conflict"].to_numpy(bool)
    if not conflicting.any():
        return None
    rings = pg.ScatterPlotItem(
        x=x[conflicting],
        y=rows["y"].to_numpy(float)[conflicting],
        symbol="o",
        size=21,
        pen=pg.mkPen(CONFLICT_COLOUR, width=2.5),
        brush=None,
        antialias=True,
    )
    rings.setZValue(4)
    # Rings must not swallow clicks meant for the point under them.
    rings.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return rings


def _reference_label(group: str, key: tuple[Any, ...], varying: Sequence[bool]) -> str:
    extra = [str(v) for v, vary in zip(key[1:], varying, strict=True) if vary and isinstance(v, str)]
    extra = [e for e in extra if e != group]
    return " · ".join([group, *extra])


def draw_time_series(
    plot: pg.PlotItem,
    legend: pg.LegendItem,
    frame: pd.DataFrame,
    colours: dict[str, str],
    tip: Callable[..., str],
) -> Drawn:
    """Claims as points (spans for long periods, bars for bounds), reference data as lines."""
    drawn = Drawn()
    data = with_coordinates(frame)
    data = data[data["x"].notna() & data["y"].notna()]
    claims = data[~data["is_reference"]]
    for group, rows in claims.groupby("group", sort=True):
        colour = colours[str(group)]
        x = rows["x"].to_numpy(float)
        others: list[Any] = []
        long = (rows["x1"] - rows["x0"] > SPAN_THRESHOLD).to_numpy()
        if long.any():
            spans = pg.PlotDataItem(
                x=np.column_stack([rows["x0"].to_numpy(float)[long], rows["x1"].to_numpy(float)[long]]).ravel(),
                y=np.repeat(rows["y"].to_numpy(float)[long], 2),
                connect="pairs",
                pen=pg.mkPen(colour, width=3),
            )
            spans.setOpacity(0.55)
            spans.setZValue(1)
            others.append(spans)
        for extra in (_error_bars(rows, x, colour), _rings(rows, x)):
            if extra is not None:
                others.append(extra)
        scatter = _points(rows, x, colour, tip)
        for item in (*others, scatter):
            plot.addItem(item)
        label = f"{group} ({len(rows)})"
        legend.addItem(scatter, label)
        _link_visibility(scatter, others)
        drawn.scatters.append(scatter)
        drawn.series[label] = [scatter, *others]
        drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), rows["y"].tolist(), strict=True), strict=True))

    reference = data[data["is_reference"]]
    keys = ["group", "dataset", "place", "subject", "measure"]
    if not reference.empty:
        varying = [reference[k].nunique(dropna=False) > 1 for k in keys[1:]]
        for key, rows in reference.groupby(keys, sort=True, dropna=False):
            rows = rows.sort_values("x")
            group = str(key[0])
            colour = colours[group]
            x = rows["x"].to_numpy(float)
            y = rows["y"].to_numpy(float)
            few = len(rows) <= REFERENCE_POINTS_LIMIT
            line = pg.PlotDataItem(
                x=x,
                y=y,
                pen=pg.mkPen(colour, width=2),
                skipFiniteCheck=True,
            )
            line.setZValue(0)
            plot.addItem(line)
            # Set after adding: before it has a view box, clipping would ask the widget for ranges.
            line.setDownsampling(auto=True, method="peak")
            line.setClipToView(True)
            others = []
            if few:
                points = _points(rows, x, colour, tip, size=6)
                plot.addItem(points)
                others.append(points)
                drawn.scatters.append(points)
                drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), y.tolist(), strict=True), strict=True))
            label = _reference_label(group, tuple(key), varying) + f" ({len(rows):,})"
            legend.addItem(line, label)
            _link_visibility(line, others)
            drawn.references.append(line)
            drawn.series[label] = [line, *others]
    return drawn


def draw_bars(
    plot: pg.PlotItem,
    legend: pg.LegendItem,
    frame: pd.DataFrame,
    colours: dict[str, str],
    tip: Callable[..., str],
) -> tuple[Drawn, list[tuple[float, str]]]:
    """One bar per claim, side by side within its group; returns what was drawn and the x ticks."""
    drawn = Drawn()
    data = with_coordinates(frame)
    data = data[data["y"].notna()]
    groups = sorted(data["group"].unique().tolist())
    ticks = [(float(i), _short(str(g))) for i, g in enumerate(groups)]
    positions = np.zeros(len(data))
    widths = np.zeros(len(data))
    for i, group in enumerate(groups):
        mask = (data["group"] == group).to_numpy()
        n = int(mask.sum())
        width = min(0.8 / n, 0.3)
        positions[mask] = i + (np.arange(n) - (n - 1) / 2) * width
        widths[mask] = width * 0.9
    data = data.assign(bar_x=positions, bar_width=widths)
    for group, rows in data.groupby("group", sort=True):
        colour = colours[str(group)]
        x = rows["bar_x"].to_numpy(float)
        solid = pg.mkBrush(colour)
        faint = QColor(colour)
        faint.setAlpha(80)
        bars = pg.BarGraphItem(
            x=x,
            height=rows["y"].to_numpy(float),
            width=rows["bar_width"].to_numpy(float),
            brushes=[pg.mkBrush(faint) if a else solid for a in rows["approximate"]],
            pens=[pg.mkPen(colour, width=1.5)] * len(rows),
        )
        bars.setZValue(1)
        others: list[Any] = [bars]
        for extra in (_error_bars(rows, x, "#333333"), _rings(rows, x)):
            if extra is not None:
                others.append(extra)
        scatter = _points(rows, x, colour, tip, size=9)
        for item in (*others, scatter):
            plot.addItem(item)
        label = f"{group} ({len(rows)})"
        legend.addItem(scatter, label)
        _link_visibility(scatter, others)
        drawn.scatters.append(scatter)
        drawn.series[label] = [scatter, *others]
        drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), rows["y"].tolist(), strict=True), strict=True))
    return drawn, ticks


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
