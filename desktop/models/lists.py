"""Models of the short lists: statistics, the current source's annotations, the codes."""

from __future__ import annotations

from PySide6.QtGui import QColor

from db import values
from db.rows import AnnotationRow, CodeRow, StatisticRow
from db.values import format_number
from desktop.models.base import Column, RowsTableModel
from desktop.models.display import measure, period


def _quote(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _statistic_tooltip(stat: StatisticRow) -> str:
    lines = [f"{values.format(stat)} {measure(stat)}" + (f" — {stat.subject}" if stat.subject else "")]
    lines.append("Claimed by " + (stat.claimant or "the author"))
    if stat.quote:
        lines.append(f"“{_quote(stat.quote, 300)}”")
    if stat.source_title:
        lines.append(f"Source: {stat.source_title}")
    return "\n".join(lines)


class StatisticsModel(RowsTableModel[StatisticRow]):
    """Every statistic: value with its range, what it counts, when, where, who says so, where from."""

    VALUE, MEASURE, SUBJECT, PERIOD, PLACE, CLAIMANT, SOURCE, PAGE = range(8)
    columns = (
        Column[StatisticRow]("Value", values.format, align_right=True, tooltip=_statistic_tooltip,
                             sort_value=lambda s: s.value if s.value is not None else float("-inf")),
        Column[StatisticRow]("Measure", measure, tooltip=_statistic_tooltip),
        Column[StatisticRow]("Subject", lambda s: s.subject or "", tooltip=_statistic_tooltip),
        Column[StatisticRow]("Period", lambda s: period(s.period_start, s.period_end),
                             sort_value=lambda s: (s.period_start.first_day().isoformat() if s.period_start else "")),
        Column[StatisticRow]("Place", lambda s: s.place or ""),
        Column[StatisticRow]("Claimant", lambda s: s.claimant or "(the author)"),
        Column[StatisticRow]("Source", lambda s: s.source_title or "", tooltip=lambda s: _quote(s.quote, 300) or None),
        Column[StatisticRow]("Page", lambda s: str(s.page) if s.page else "", align_right=True,
                             sort_value=lambda s: s.page or 0),
    )


def _annotation_kind(a: AnnotationRow) -> str:
    if a.statistic_id is not None:
        return "Statistic"
    if a.mention_id is not None:
        return "Mention"
    return "Coded" if a.codes else "Note" if a.note else "Span"


def _first_colour(a: AnnotationRow) -> QColor | None:
    return QColor(a.colors[0]) if a.colors else None


class AnnotationsModel(RowsTableModel[AnnotationRow]):
    """The annotations of the source in the reader, in text order."""

    columns = (
        Column[AnnotationRow]("Quote", lambda a: _quote(a.quote, 120), tooltip=lambda a: a.quote,
                              decoration=_first_colour),
        Column[AnnotationRow]("Kind", _annotation_kind),
        Column[AnnotationRow]("Codes / actor", lambda a: ", ".join(a.codes) or (a.actor or "")),
        Column[AnnotationRow]("Note", lambda a: a.note or "", tooltip=lambda a: a.note),
        Column[AnnotationRow]("At", lambda a: format_number(a.start), align_right=True, sort_value=lambda a: a.start),
    )


class CodesModel(RowsTableModel[CodeRow]):
    """The codebook with how often each code is used."""

    columns = (
        Column[CodeRow]("Code", lambda c: c.name, decoration=lambda c: QColor(c.color),
                        tooltip=lambda c: c.description),
        Column[CodeRow]("Uses", lambda c: c.count, align_right=True),
    )
