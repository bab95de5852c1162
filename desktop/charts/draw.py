"""Drawing a chart frame (db.chartdata) with pyqtgraph: claims as points and spans, reference data
as lines, comparison bars, conflict rings, and the words of a claim's tooltip. No widgets here: the
plot (desktop.charts.plot) owns them; what was drawn is handed back as a :class:`Drawn`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from db import values
from desktop.charts.drawn import Drawn
from desktop.charts.spots import AlikeSpots

DAY = 86_400.0
#: periods longer than this are drawn as a horizontal span, shorter ones as a point
SPAN_THRESHOLD = 367 * DAY
#: reference data of at most this many values in all also shows its points (clickable, with
#: tips); more would cost a scatter item per series and hide the lines under markers
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
    "#A6761D",
    "#1F3A93",
    "#E377C2",
    "#2CA02C",
    "#AEC7E8",
    "#393B79",
    "#98DF8A",
    "#C5B0D5",
    "#C49C94",
    "#7F7F7F",
)
UNKNOWN_COLOUR = "#8a8a8a"
#: how the lines of one reference group (a dataset's countries, say) are told apart
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
#: reference series longer than this get an item of their own, downsampled and clipped to view
LONG_LINE = 2_000
#: reference series longer than this are drawn with a one-pixel pen
THIN_LINE_ABOVE = 20_000
#: bars carry a caption (their claimant, say) when there are at most this many
BAR_LABEL_LIMIT = 24
#: at most this far (seconds) apart, side by side, go the points of different groups at one date
DODGE_SPREAD = 200 * DAY
CONFLICT_COLOUR = "#D62728"
HIGHLIGHT_COLOUR = "#FF7F0E"
TRANSPARENT = QColor(0, 0, 0, 0)


def colour_for(groups: Sequence[str]) -> dict[str, str]:
    """A stable colour per group label; the bracketed ones ("(the author)", "(40 other
    sources)") are grey."""
    colours: dict[str, str] = {}
    named = [g for g in sorted(groups) if not g.startswith("(")]
    for index, group in enumerate(named):
        if index < len(PALETTE):
            colours[group] = PALETTE[index]
        else:
            # Past the palette: evenly spread hues, darker so they read on white.
            colours[group] = pg.intColor(index - len(PALETTE), hues=len(named) - len(PALETTE) + 1, values=1, maxValue=190).name()
    for group in groups:
        colours.setdefault(group, UNKNOWN_COLOUR)
    return colours


#: columns only tooltips and exports need (the pane reads titles and quotes by id when asked)
_NOT_DRAWN = frozenset({"quote", "source_title", "period", "source_id", "unit"})


def with_coordinates(frame: pd.DataFrame) -> pd.DataFrame:
    """Add plot coordinates: x0/x1 (span in epoch seconds, end exclusive), x (its middle), y."""
    out = frame.loc[:, [c for c in frame.columns if c not in _NOT_DRAWN]].copy()
    out["x0"] = _epoch_seconds(out["x_start"])
    # The last day counts in full: a year spans to the first instant of the next.
    out["x1"] = _epoch_seconds(out["x_end"]) + DAY
    out["x"] = (out["x0"] + out["x1"]) / 2
    out["y"] = out["value"].fillna(out["low"]).fillna(out["high"])
    return out


def _epoch_seconds(column: pd.Series) -> np.ndarray[Any, Any]:
    """Seconds since 1970 (what DateAxisItem reads), NaN where unknown; any year 1-9999."""
    moments = column.to_numpy("datetime64[s]")
    seconds = moments.astype(np.int64).astype(float)
    seconds[np.isnat(moments)] = np.nan
    return seconds


def tooltip(row: Any) -> str:
    """Value, what is counted, period, claimant, place and source of one statistic."""
    what = " ".join(str(p) for p in (row.unit, row.measure) if isinstance(p, str) and p)
    subject = f" – {row.subject}" if isinstance(row.subject, str) and row.subject else ""
    lines = [f"{values.describe(row)} {what}{subject}".strip()]
    lines.append(f"Period: {row.period or 'not stated'}")
    if isinstance(row.claimant, str):
        claimant = row.claimant
    else:
        source_id = getattr(row, "source_id", None)
        in_a_source = isinstance(row.source_title, str) or (source_id is not None and not pd.isna(source_id))
        claimant = "the author" if in_a_source else "not stated"
    lines.append(f"Claimed by: {claimant}")
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


def _add(plot: pg.PlotItem, item: Any) -> None:
    """Put ``item`` in the plot's view box.

    Not PlotItem.addItem: for every curve that rebuilds the plot's curve menu, which made adding
    a few hundred reference lines take seconds. The plot clears the view box itself.
    """
    plot.getViewBox().addItem(item)


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
    size: float = 11,
) -> AlikeSpots:
    # The same two brush objects for every spot: pyqtgraph caches a rendered symbol per brush
    # object, so a fresh brush per spot would render every one of them again.
    filled = pg.mkBrush(colour)
    hollow = pg.mkBrush(TRANSPARENT)
    approximate = rows["approximate"].to_numpy(bool)
    symbols = _symbols(rows)
    # one brush and one symbol for every spot when they are all alike (most series: exact
    # values): pyqtgraph then sets them once instead of spot by spot (8,490 claims at 1M)
    brushes: Any = (filled if not approximate.any() else hollow if approximate.all()
                    else [hollow if a else filled for a in approximate])
    symbol: Any = symbols[0] if len(set(symbols)) == 1 else symbols
    scatter = AlikeSpots(
        x=x,
        y=rows["y"].to_numpy(float),
        data=rows["id"].to_numpy(),
        symbol=symbol,
        size=size,
        pen=pg.mkPen(colour, width=2),
        brush=brushes,
        hoverable=True,
        hoverPen=pg.mkPen("#000000", width=2),
        hoverSize=size + 4,
        # Tooltips come from the plot's own hover look-up, which also covers lines.
        tip=None,
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
    rings = AlikeSpots(
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


def time_series_parts(
    plot: pg.PlotItem,
    legend: pg.LegendItem,
    frame: pd.DataFrame,
    colours: dict[str, str],
    drawn: Drawn,
) -> Iterator[None]:
    """Claims as points (spans for long periods, bars for bounds), reference data as lines, into
    ``drawn``: one series (a legend entry) each step, so a large chart can be drawn over several
    turns of the event loop (desktop.charts.plot)."""
    data = with_coordinates(frame)
    data = data[data["x"].notna() & data["y"].notna()]
    claims = data[~data["is_reference"]]
    groups = sorted(claims["group"].unique().tolist())
    # Claims of different groups about the same period would hide each other: set them side
    # by side (within the period) so each can be seen and clicked.
    step = min(30 * DAY, DODGE_SPREAD / max(1, len(groups)))
    per_x = claims.groupby("x")["group"].nunique()
    crowded = per_x.index[per_x > 1]
    for number_, (group, rows) in enumerate(claims.groupby("group", sort=True)):
        colour = colours[str(group)]
        shared = rows["x"].isin(crowded).to_numpy()
        offset = (number_ - (len(groups) - 1) / 2) * step
        x = rows["x"].to_numpy(float) + np.where(shared, offset, 0.0)
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
        scatter = _points(rows, x, colour)
        drawn.remember(scatter, x, rows["y"], rows["id"])
        for item in (*others, scatter):
            _add(plot, item)
        label = f"{group} ({len(rows)})"
        legend.addItem(scatter, label)
        _link_visibility(scatter, others)
        drawn.scatters.append(scatter)
        drawn.series[label] = [scatter, *others]
        drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), rows["y"].tolist(), strict=True), strict=True))
        yield

    reference = data[data["is_reference"]]
    if reference.empty:
        return
    # Integer codes and one lexsort instead of sorting and grouping on text columns: a table
    # of a million values is ordered by group, line and date in a fraction of the time.
    group_code, group_names = pd.factorize(reference["group"], sort=True)
    line_code = np.zeros(len(reference), dtype=np.int64)
    for key in ("dataset", "place", "subject", "measure"):
        codes, uniques = pd.factorize(reference[key], use_na_sentinel=False)
        line_code = pd.factorize(line_code * (len(uniques) + 1) + codes)[0]
    x_all = reference["x"].to_numpy(float)
    order = np.lexsort((x_all, line_code, group_code))
    group_sorted = group_code[order]
    bounds = np.searchsorted(group_sorted, np.arange(len(group_names) + 1))
    few = len(reference) <= REFERENCE_POINTS_LIMIT
    # One legend entry per group: a dataset's dozen country lines toggle together, and are told
    # apart by their dash pattern and the tooltip of their points.
    for index, group in enumerate(group_names):
        here = order[bounds[index] : bounds[index + 1]]
        colour = colours[str(group)]
        # Sorted by line, so each line is one run of equal codes: number the runs 0, 1, 2 …
        line_of = pd.factorize(line_code[here])[0]
        lines = int(line_of.max()) + 1
        x = x_all[here]
        y = reference["y"].to_numpy(float)[here]
        items: list[Any] = []
        for style in range(min(lines, len(DASHES))):
            for line in _reference_lines(x, y, line_of, style, colour):
                _add(plot, line)
                if line.property("long"):
                    # Set after adding: before it has a view box, clipping would ask the widget
                    # for its range.
                    line.setDownsampling(auto=True, method="peak")
                    line.setClipToView(True)
                drawn.references.append(line)
                items.append(line)
        if few:
            rows = reference.iloc[here]
            points = _points(rows, x, colour, size=5)
            _add(plot, points)
            items.append(points)
            drawn.scatters.append(points)
            drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), y.tolist(), strict=True), strict=True))
        drawn.remember(items[0], x, y, reference["id"].to_numpy()[here])
        what = f"{len(here):,} values" + (f", {lines} lines" if lines > 1 else "")
        label = f"{group} ({what})"
        lead = items[0]
        legend.addItem(lead, label)
        _link_visibility(lead, items[1:])
        drawn.series[label] = items
        yield


def _reference_lines(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], line_of: np.ndarray[Any, Any], style: int, colour: str
) -> list[pg.PlotDataItem]:
    """The lines of one group drawn with dash ``style``.

    A long series gets its own item, downsampled and clipped to the view (both need x in
    order); the short ones are joined into one item with gaps between them, because a pyqtgraph
    item per line made a chart of a few hundred reference lines take seconds to draw.
    """
    pen_style = DASHES[style]
    mine = (line_of % len(DASHES)) == style
    counts = np.bincount(line_of[mine])
    long_ids = np.flatnonzero(counts > LONG_LINE)
    result = []
    for line_id in long_ids:
        here = line_of == line_id
        # Hairlines for long series: Qt draws wide pens several times slower.
        width = 1.8 if int(here.sum()) <= THIN_LINE_ABOVE else 1.0
        line = pg.PlotDataItem(x=x[here], y=y[here], pen=pg.mkPen(colour, width=width, style=pen_style), skipFiniteCheck=True)
        line.setProperty("long", True)
        line.setZValue(0)
        result.append(line)
    short = mine & ~np.isin(line_of, long_ids)
    if short.any():
        xs, ys, ids = x[short], y[short], line_of[short]
        breaks = np.flatnonzero(np.diff(ids) != 0) + 1
        joined = pg.PlotDataItem(
            x=np.insert(xs, breaks, np.nan),
            y=np.insert(ys, breaks, np.nan),
            connect="finite",
            pen=pg.mkPen(colour, width=1.8, style=pen_style),
        )
        joined.setZValue(0)
        result.append(joined)
    return result


def draw_bars(
    plot: pg.PlotItem,
    legend: pg.LegendItem,
    frame: pd.DataFrame,
    colours: dict[str, str],
    bar_labels: str | None = None,
) -> tuple[Drawn, list[tuple[float, str]]]:
    """One bar per claim, side by side within its group; returns what was drawn and the x ticks.

    ``bar_labels`` names a column (the claimant, say) written over each bar, when there are few.
    """
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
        scatter = _points(rows, x, colour, size=9)
        drawn.remember(scatter, x, rows["y"], rows["id"])
        if bar_labels is not None and len(data) <= BAR_LABEL_LIMIT:
            for bar_x, top, text in zip(x, rows["y"], rows[bar_labels], strict=True):
                if isinstance(text, str) and text:
                    caption = pg.TextItem(_short(text, 18), color="#333333", anchor=(0.5, 1.15))
                    caption.setPos(float(bar_x), float(top))
                    others.append(caption)
        for item in (*others, scatter):
            _add(plot, item)
        label = f"{group!s} ({len(rows)})"
        legend.addItem(scatter, label)
        _link_visibility(scatter, others)
        drawn.scatters.append(scatter)
        drawn.series[label] = [scatter, *others]
        drawn.positions.update(zip(rows["id"].tolist(), zip(x.tolist(), rows["y"].tolist(), strict=True), strict=True))
    return drawn, ticks


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
