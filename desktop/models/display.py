"""How values read in the panes: dates and periods, actor kinds (a claim's number: db.values)."""

from __future__ import annotations

from db.dates import PartialDate
from db.rows import StatisticRow

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


def one_of_kind(kind: str) -> str:
    """One actor of ``kind``, in lower case: "person", "state body" ("other": "actor")."""
    return "actor" if kind == "other" else kind.replace("_", " ")


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


def language_name(code: str | None) -> str:
    """"Russian (ru)" for a known code, the code itself for another, "" when not set."""
    from db.language import language

    known = language(code)
    return known.label() if known is not None else (code or "")
