"""Statistics and actors exported as tables: what the panes show, one row per statistic or actor.

:func:`export_statistics` and :func:`export_actors` write ``.csv`` (UTF-8 with a byte-order mark,
so spreadsheet programs read Cyrillic and Arabic names right) or ``.xlsx``. Numbers stay numbers
(value, low and high columns), for the researcher's own analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.ingest.tablefile import TableError
from db.models import Actor
from db.queries import list_actors, list_statistics
from db.rows import StatisticRow

EXPORT_SUFFIXES = (".csv", ".xlsx")

STATISTIC_COLUMNS = (
    "id",
    "uuid",
    "value",
    "low",
    "high",
    "approximate",
    "measure",
    "unit",
    "subject",
    "period_start",
    "period_end",
    "place",
    "claimant",
    "source_id",
    "source_title",
    "start",
    "end",
    "page",
    "quote",
    "dataset",
    "confidence",
    "notes",
)

ACTOR_COLUMNS = (
    "id",
    "uuid",
    "name",
    "kind",
    "aliases",
    "description",
    "notes",
    "mentions",
    "sources",
)


def statistics_frame(rows: Sequence[StatisticRow]) -> pd.DataFrame:
    """Statistics as a table: the CONTRACT's statistic JSON plus source title, the page of the
    source's original document the quote is on (PDFs), dataset and notes."""
    records = []
    for row in rows:
        record = row.to_json()
        record.update(
            page=row.page,
            source_title=row.source_title,
            dataset=row.dataset,
            confidence=row.confidence,
            notes=row.notes,
        )
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(STATISTIC_COLUMNS))
    # Whole-number columns stay whole where some cells are empty (pandas would make them floats).
    for column in ("id", "source_id", "start", "end", "page"):
        frame[column] = frame[column].astype("Int64")
    return frame


def actors_frame(session: Session) -> pd.DataFrame:
    """Actors as a table: name, kind, aliases joined by "; ", description, notes, counts."""
    notes = dict(session.execute(select(Actor.id, Actor.notes)).all())
    records = [
        {
            "id": a.id,
            "uuid": a.uuid,
            "name": a.name,
            "kind": a.kind,
            "aliases": "; ".join(a.aliases),
            "description": a.description,
            "notes": notes.get(a.id),
            "mentions": a.mention_count,
            "sources": a.source_count,
        }
        for a in list_actors(session)
    ]
    return pd.DataFrame.from_records(records, columns=list(ACTOR_COLUMNS))


def write_table(frame: pd.DataFrame, path: Path, sheet: str = "Sheet1") -> None:
    """Write a frame to ``.csv`` or ``.xlsx`` (chosen by the suffix)."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise TableError(f"{path.name}: can only export to .csv or .xlsx")
    try:
        if suffix == ".csv":
            frame.to_csv(path, index=False, encoding="utf-8-sig")
            return
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name=sheet[:31])
            worksheet = writer.sheets[sheet[:31]]
            worksheet.freeze_panes = "A2"
            for index, column in enumerate(frame.columns, start=1):
                cells = frame[column].astype(str).str.len()
                longest = max([len(str(column)), *cells.head(500).tolist()])
                letter = worksheet.cell(row=1, column=index).column_letter
                worksheet.column_dimensions[letter].width = min(max(longest + 2, 8), 60)
    except OSError as error:
        raise TableError(f"{path}: cannot write ({error.strerror or error})") from error


def export_statistics(session: Session, path: Path, ids: Sequence[int] | None = None) -> int:
    """Write the statistics (all, or ``ids`` in that order) to a table; returns how many."""
    rows = list_statistics(session, ids=ids)
    if ids is not None:
        order = {statistic_id: i for i, statistic_id in enumerate(ids)}
        rows.sort(key=lambda r: order.get(r.id, len(order)))
    write_table(statistics_frame(rows), path, "Statistics")
    return len(rows)


def export_actors(session: Session, path: Path) -> int:
    """Write every actor to a table; returns how many."""
    frame = actors_frame(session)
    write_table(frame, path, "Actors")
    return len(frame)
