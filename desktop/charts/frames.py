"""What the chart pane works out from a chart frame (:func:`db.chartdata.chart_frame`) before it
draws: the years bars can compare, the claims about one of them, the groups worth a colour of their
own, and the words over the plot. Plain pandas, no Qt."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def single_years(frame: pd.DataFrame) -> list[str]:
    """The years some claims are about as a whole or within (what bars can compare)."""
    if frame.empty:
        return []
    start, end = frame["x_start"], frame["x_end"]
    same = start.notna() & (start.dt.year == end.dt.year)
    return [str(y) for y in sorted(start[same].dt.year.unique().tolist())]


def busiest_year(frame: pd.DataFrame) -> str | None:
    """The year with the most claims (not reference values) about it alone; the latest on a tie."""
    if frame.empty:
        return None
    claims = frame[~frame["is_reference"]]
    start, end = claims["x_start"], claims["x_end"]
    years = start[start.notna() & (start.dt.year == end.dt.year)].dt.year
    if years.empty:
        return None
    counts = years.value_counts()
    best = counts[counts == counts.max()].index.max()
    return str(int(best))


def in_period(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """The claims about ``period`` (a year) or within it; all claims when it is empty."""
    if not period or frame.empty:
        return frame
    first = pd.Timestamp(f"{period}-01-01")
    last = pd.Timestamp(f"{period}-12-31")
    return frame[(frame["x_start"] >= first) & (frame["x_end"] <= last)]


def fold_small_groups(frame: pd.DataFrame, keep: int, noun: str) -> pd.DataFrame:
    """The ``keep`` - 1 groups with the most claims (then values), the rest as one grey group.

    Hundreds of sources or claimants as separate series would give hundreds of colours nobody
    can tell apart, a legend taller than the window and seconds of drawing; each point's tooltip
    still names its own source and claimant.
    """
    if frame.empty or "group" not in frame:
        return frame
    groups = frame["group"]
    if groups.nunique() <= keep:
        return frame
    # Groups with claims come first (they are what the chart is about), then the biggest.
    claims = groups[~frame["is_reference"].astype(bool)].value_counts()
    sizes = groups.value_counts()
    ranking = sorted(sizes.index, key=lambda g: (-int(claims.get(g, 0)), -int(sizes[g]), str(g)))
    kept = set(ranking[: keep - 1])
    others = len(ranking) - len(kept)
    label = f"({others:,} other {noun}s)"
    return frame.assign(group=frame["group"].where(frame["group"].isin(kept), label))


def value_label(frame: pd.DataFrame) -> str:
    """The y axis: the measure and its unit when there is one of each."""
    if frame.empty or "measure" not in frame:
        return "Value"
    measures = frame["measure"].dropna().unique()
    units = frame["unit"].dropna().unique()
    measure = measures[0] if len(measures) == 1 else "Value"
    label = str(measure).capitalize() if measure else "Value"
    if len(units) == 1:
        label += f" ({units[0]})"
    return label


def title(frame: pd.DataFrame, grouping: str) -> str:
    """The line over the plot: how many claims and reference values, how many in conflict."""
    if frame.empty or "measure" not in frame:
        return "No statistics chosen"
    claims = int((~frame["is_reference"]).sum())
    reference = len(frame) - claims
    parts = [f"{claims:,} claim{'s' if claims != 1 else ''}"]
    if reference:
        parts.append(f"{reference:,} reference value{'s' if reference != 1 else ''}")
    conflicts = int(frame["conflict"].sum())
    if conflicts:
        parts.append(f"{conflicts} in conflict (red rings)")
    return " · ".join(parts) + f" — coloured by {grouping.lower()}"


def plot_title(
    measures: Sequence[str], subjects: Sequence[str], grouping: str, *, bars: bool, period: str
) -> str:
    """The plot's own title (it travels with PNG and SVG exports): what is shown, by what."""
    if not measures:
        return ""
    what = ", ".join(m or "(no measure)" for m in measures[:3]) + (" …" if len(measures) > 3 else "")
    if subjects:
        what += " – " + ", ".join(s or "(no subject)" for s in subjects[:2]) + (" …" if len(subjects) > 2 else "")
    by = grouping.lower()
    if bars:
        return f"{what.capitalize()} by {by}" + (f", {period}" if period else ", all periods")
    return f"{what.capitalize()} over time, by {by}"
