"""Models of the short lists: the current source's annotations, the codes."""

from __future__ import annotations

from PySide6.QtGui import QColor

from db.rows import AnnotationRow, CodeRow
from db.values import format_number
from desktop.models.base import Column, RowsTableModel


def _quote(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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
