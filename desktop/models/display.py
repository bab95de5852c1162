"""How values read in the panes: numbers, ranges, dates and periods, actor kinds."""

from __future__ import annotations

from db.dates import PartialDate
from db.queries import StatisticRow

KIND_NAMES = {
    "person": "People",
    "organisation": "Organisations",
    "armed_group": "Armed groups",
    "state_body": "State bodies",
    "place": "Places",
    "media_outlet": "Media outlets",
    "other": "Other",
}
KIND_ORDER = list(KIND_NAMES)
SOURCE_KINDS = {"article": "Article", "report": "Report", "document": "Document", "table_row": "Table row"}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


def number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def statistic_value(stat: StatisticRow) -> str:
    """``~1,200 (1,000–1,500)``: the best estimate, "~" if approximate, and its bounds."""
    text = ("~" if stat.approximate else "") + number(stat.value)
    if stat.low is not None or stat.high is not None:
        if stat.low is not None and stat.high is not None:
            bounds = f"{number(stat.low)}–{number(stat.high)}"
        elif stat.low is not None:
            bounds = f"≥ {number(stat.low)}"
        else:
            bounds = f"≤ {number(stat.high)}"
        text = f"{text} ({bounds})" if stat.value is not None else bounds
    return text


def date(value: PartialDate | None) -> str:
    return value.iso() if value is not None else ""


def period(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return date(start or end)
    return f"{date(start)} – {date(end)}"


def measure(stat: StatisticRow) -> str:
    return f"{stat.measure} ({stat.unit})" if stat.unit else stat.measure


def source_kind(kind: str) -> str:
    return SOURCE_KINDS.get(kind, kind.replace("_", " ").capitalize())
