"""Reference data imported from tables: a table's figures stored as statistics of a dataset.

:func:`import_reference_table` reads a table of figures (a World Bank download, a FiveThirtyEight
CSV, a spreadsheet) and stores each figure as a statistic whose claimant is the dataset, so a
source's claims can be charted against it. Its layout (:mod:`db.interchange.layouts`) is guessed
or given. Places become actors of kind "place" (matched with existing actors by name or alias
first). The whole import is one transaction: a bad table raises :class:`TableError` and saves
nothing; :func:`undo_reference_import` takes an import back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.commands import add_actor, find_actor, find_or_add_actor
from db.dates import PartialDate, to_columns
from db.ingest.base import IngestError
from db.ingest.tablefile import TableError, column_name, open_table, unnamed
from db.interchange.column_types import country_name, day_first
from db.interchange.layouts import MISSING, TableMapping, guess_mapping, parse_number, parse_period
from db.models import Actor, Alias, Mention, Statistic
from db.queries import list_actors
from db.snapshots import capture_and_delete
from db.text import fold
from db.vocabulary import ActorKind

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def read_table(path: Path, sheet: str | int | None = None) -> pd.DataFrame:
    """A table file as a frame of its cells (the header row gives the column names); the notes
    some downloads carry above the header are passed over (see :mod:`db.ingest.tablefile`)."""
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise TableError(f"{path.name}: not a table (expected .csv, .tsv or .xlsx)")
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    try:
        with open_table(path, sheet=sheet, preamble=True) as table:
            columns = table.columns
            width = len(columns)
            rows = [
                (row.cells + [None] * width)[:width]
                for row in table.rows
                if any(c is not None and str(c).strip() for c in row.cells)
            ]
    except IngestError as error:
        raise TableError(f"{path.name}: {error}") from error
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    empty = [
        column for position, column in enumerate(columns, start=1)
        if column == unnamed(position)
        and frame[column].map(lambda c: c is None or not str(c).strip()).all()
    ]
    frame = frame.drop(columns=empty)
    if frame.empty or len(frame.columns) < 2:
        raise TableError(f"{path.name}: the table needs a header row and at least two columns")
    return frame


@dataclass(frozen=True)
class ReferenceImport:
    """What an import stored: how many statistics, which measures, which places it created."""

    dataset: str
    statistics: int
    measures: tuple[str, ...]
    places_created: tuple[int, ...]
    claimant_id: int
    claimant_created: bool
    mapping: TableMapping
    #: rows or cells left out, with why ("row 17: 'n/a' is not a number"), the first 50
    skipped: tuple[str, ...] = ()
    skipped_count: int = 0
    replaced: int = 0


@dataclass
class _Figure:
    place: str | None
    period: PartialDate | None
    measure: str
    value: float | None
    unit: str | None
    low: float | None = None
    high: float | None = None
    period_end: PartialDate | None = None
    subject: str | None = None


@dataclass
class _Problems:
    messages: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < 50:
            self.messages.append(message)


def _require(frame: pd.DataFrame, column: str | None, what: str) -> None:
    if column is not None and column not in frame.columns:
        raise TableError(f"the table has no column {column!r} (for the {what})")


def _figures(frame: pd.DataFrame, mapping: TableMapping, problems: _Problems) -> list[_Figure]:
    _require(frame, mapping.place, "places")
    _require(frame, mapping.period, "periods")
    _require(frame, mapping.period_start, "periods' start")
    _require(frame, mapping.period_end, "periods' end")
    _require(frame, mapping.low, "lower bounds")
    _require(frame, mapping.high, "upper bounds")
    _require(frame, mapping.subject_column, "subjects")
    for column in mapping.values:
        _require(frame, column, "values")
    bounded = mapping.low is not None or mapping.high is not None
    if not mapping.values and not mapping.count_rows and not bounded:
        raise TableError("no value columns chosen")
    if bounded and len(mapping.values) > 1:
        raise TableError("a lower and upper bound go with one value column, not several")
    figures: list[_Figure] = []
    percent_measures: set[str] = set()
    found = mapping.day_first
    for dated in (mapping.period, mapping.period_start, mapping.period_end):
        if found is None and dated is not None:
            found = day_first(frame[dated])
    order = True if found is None else found

    def place_of(cell: object) -> str | None:
        text = " ".join(str(cell).split()) if cell is not None else ""
        if text.casefold() in MISSING or text.casefold() == "nan":
            return None
        return (country_name(text) or text) if mapping.place_codes else text

    def period_of(cell: object, line: int) -> PartialDate | bool | None:
        period = parse_period(cell, order)
        if period is None and str(cell).strip().casefold() not in MISSING:
            problems.add(f"row {line}: {str(cell)!r} is not a year or date")
            return False
        return period

    def number(cell: object, where: str, measure: str) -> float | None:
        try:
            value, percent = parse_number(cell)
        except ValueError:
            problems.add(f"{where}: {str(cell)!r} is not a number")
            return None
        if percent:
            percent_measures.add(measure)
        return value

    def span_of(row: dict[Any, Any], line: int) -> tuple[PartialDate | None, PartialDate | None] | None:
        """A row's first and last period (None: the row is left out, said in ``problems``)."""
        if mapping.period_start is not None or mapping.period_end is not None:
            first = period_of(row[mapping.period_start], line) if mapping.period_start else None
            last = period_of(row[mapping.period_end], line) if mapping.period_end else None
            if first is False or last is False:
                return None
            assert not isinstance(first, bool)
            assert not isinstance(last, bool)
            return first, last
        period = period_of(row[mapping.period], line) if mapping.period else mapping.fixed_period
        if period is False:
            return None
        assert not isinstance(period, bool)
        return period, period

    # Row numbers as a spreadsheet shows them: the header is row 1.
    lines = range(2, len(frame) + 2)
    records = frame.to_dict("records")
    if mapping.layout == "long" and mapping.count_rows:
        keys: dict[tuple[str | None, PartialDate | None], int] = {}
        for line, row in zip(lines, records, strict=True):
            place = place_of(row[mapping.place]) if mapping.place else mapping.fixed_place
            span = span_of(row, line)
            if span is None:
                continue
            keys[(place, span[0])] = keys.get((place, span[0]), 0) + 1
        measure = mapping.measure or "rows"
        return [_Figure(p, d, measure, float(n), mapping.unit, subject=mapping.subject) for (p, d), n in keys.items()]
    if mapping.layout == "long":
        for line, row in zip(lines, records, strict=True):
            place = place_of(row[mapping.place]) if mapping.place else mapping.fixed_place
            span = span_of(row, line)
            if span is None:
                continue
            subject = place_of(row[mapping.subject_column]) if mapping.subject_column else mapping.subject
            if bounded:
                measure = mapping.measure or (mapping.values[0] if mapping.values else "value")
                best = number(row[mapping.values[0]], f"row {line}, {mapping.values[0]}", measure) if mapping.values else None
                low = number(row[mapping.low], f"row {line}, {mapping.low}", measure) if mapping.low else None
                high = number(row[mapping.high], f"row {line}, {mapping.high}", measure) if mapping.high else None
                if best is None and low is None and high is None:
                    continue
                if low is not None and high is not None and low > high:
                    problems.add(f"row {line}: the lower bound {low:g} is above the upper bound {high:g}")
                    continue
                figures.append(_Figure(place, span[0], measure, best, mapping.unit, low, high, span[1], subject))
                continue
            for column in mapping.values:
                measure = (mapping.measure if len(mapping.values) == 1 else None) or column
                value = number(row[column], f"row {line}, {column}", measure)
                if value is not None:
                    figures.append(_Figure(place, span[0], measure, value, mapping.unit,
                                           period_end=span[1], subject=subject))
    elif mapping.layout == "wide_years":
        if mapping.place is None:
            raise TableError("a table with years as columns needs the column naming the places")
        measure = mapping.measure or "value"
        periods = {}
        for column in mapping.values:
            period = parse_period(column)
            if period is None:
                raise TableError(f"column {column!r} is not a year")
            periods[column] = period
        for line, row in zip(lines, records, strict=True):
            place = place_of(row[mapping.place])
            for column in mapping.values:
                value = number(row[column], f"row {line}, {column}", measure)
                if value is not None:
                    figures.append(_Figure(place, periods[column], measure, value, mapping.unit,
                                           subject=mapping.subject))
    elif mapping.layout == "wide_places":
        measure = mapping.measure or "value"
        for line, row in zip(lines, records, strict=True):
            when = period_of(row[mapping.period], line) if mapping.period else mapping.fixed_period
            if when is False:
                continue
            assert not isinstance(when, bool)
            for column in mapping.values:
                value = number(row[column], f"row {line}, {column}", measure)
                if value is not None:
                    figures.append(_Figure(place_of(column), when, measure, value, mapping.unit,
                                           subject=mapping.subject))
    else:
        raise TableError(f"unknown table layout {mapping.layout!r}")
    for figure in figures:
        if figure.measure in percent_measures and figure.unit is None:
            figure.unit = "%"
    return figures


class _Places:
    """Place names to actor ids: existing actors (by name or alias, folded) first, else new ones."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[str, int] = {}
        self.created: list[int] = []
        # Places first so that a place wins over another actor with the same name.
        for actor_id, name in session.execute(
            select(Actor.id, Actor.name).order_by(Actor.kind != ActorKind.PLACE.value, Actor.id)
        ):
            self.ids.setdefault(fold(name), actor_id)
        for actor_id, name in session.execute(select(Alias.actor_id, Alias.name)):
            self.ids.setdefault(fold(name), actor_id)

    def __call__(self, name: str) -> int:
        key = fold(name)
        if key not in self.ids:
            actor_id = add_actor(self.session, name, ActorKind.PLACE)
            self.created.append(actor_id)
            self.ids[key] = actor_id
        return self.ids[key]


def import_reference_table(
    session: Session,
    table: Path | pd.DataFrame,
    dataset: str,
    mapping: TableMapping | None = None,
    *,
    claimant: str | None = None,
    measure: str | None = None,
    replace_existing: bool = False,
    sheet: str | int | None = None,
) -> ReferenceImport:
    """Store a table's figures as reference statistics of ``dataset`` (claimant: the dataset).

    ``mapping`` says which columns hold what (guessed when None); ``measure`` overrides the
    guessed measure name. Importing a dataset name that already has statistics is refused unless
    ``replace_existing``, which first deletes them. Raises :class:`TableError` for a table that
    cannot be read or has nothing to import; nothing is saved then.
    """
    dataset = " ".join(dataset.split())
    if not dataset:
        raise TableError("reference data needs a dataset name, such as 'World Bank GDP'")
    name = table.name if isinstance(table, Path) else dataset
    frame = read_table(table, sheet) if isinstance(table, Path) else table
    if frame.empty:
        raise TableError(f"{name}: the table has no rows")
    frame = frame.copy()
    frame.columns = [column_name(c) for c in frame.columns]
    if mapping is None:
        known = [a.name for a in list_actors(session, kind=ActorKind.PLACE.value)]
        mapping = guess_mapping(frame, name, known)
    if measure:
        mapping = replace(mapping, measure=measure)
    problems = _Problems()
    try:
        figures = _figures(frame, mapping, problems)
    except TableError as error:
        raise TableError(f"{name}: {error}") from error
    if not figures:
        detail = f" ({problems.messages[0]})" if problems.messages else ""
        raise TableError(f"{name}: no figures found in the chosen columns{detail}")

    existing = session.scalar(select(func.count(Statistic.id)).where(Statistic.dataset == dataset))
    replaced = 0
    if existing:
        if not replace_existing:
            raise TableError(
                f"the archive already holds {existing} statistics of the dataset {dataset!r}; "
                "replace them or choose another name"
            )
        replaced = delete_dataset(session, dataset)

    claimant_name = claimant or dataset
    claimant_id = find_actor(session, claimant_name)
    claimant_created = claimant_id is None
    if claimant_id is None:
        claimant_id = find_or_add_actor(session, claimant_name, ActorKind.ORGANISATION)
    places = _Places(session)
    rows: list[dict[str, Any]] = []
    for figure in figures:
        day, precision = to_columns(figure.period)
        last, last_precision = to_columns(figure.period_end) if figure.period_end else (day, precision)
        rows.append(
            {
                "value": figure.value,
                "low": figure.low,
                "high": figure.high,
                "measure": figure.measure[:200],
                "unit": figure.unit,
                "subject": figure.subject[:200] if figure.subject else None,
                "period_start": day,
                "period_start_precision": precision,
                "period_end": last,
                "period_end_precision": last_precision,
                "place_id": places(figure.place) if figure.place else None,
                "claimant_id": claimant_id,
                "dataset": dataset,
                "approximate": False,
            }
        )
    for start in range(0, len(rows), 5000):
        session.execute(insert(Statistic), rows[start : start + 5000])
    session.flush()
    return ReferenceImport(
        dataset=dataset,
        statistics=len(rows),
        measures=tuple(dict.fromkeys(f.measure for f in figures)),
        places_created=tuple(places.created),
        claimant_id=claimant_id,
        claimant_created=claimant_created,
        mapping=mapping,
        skipped=tuple(problems.messages),
        skipped_count=problems.count,
        replaced=replaced,
    )


def delete_dataset(session: Session, dataset: str) -> int:
    """Delete every statistic of a reference dataset; returns how many."""
    result = session.execute(delete(Statistic).where(Statistic.dataset == dataset))
    return int(getattr(result, "rowcount", 0) or 0)


def undo_reference_import(session: Session, summary: ReferenceImport) -> None:
    """Take back an import: its statistics, and the places and claimant it created if unused."""
    delete_dataset(session, summary.dataset)
    candidates = list(summary.places_created)
    if summary.claimant_created:
        candidates.append(summary.claimant_id)
    for actor_id in candidates:
        used = session.scalar(
            select(func.count(Statistic.id)).where(
                (Statistic.place_id == actor_id) | (Statistic.claimant_id == actor_id)
            )
        ) or session.scalar(select(func.count(Mention.id)).where(Mention.actor_id == actor_id))
        if not used and session.get(Actor, actor_id) is not None:
            capture_and_delete(session, [("actors", actor_id)])


def datasets(session: Session) -> list[tuple[str, int]]:
    """The reference datasets in the archive with their number of statistics."""
    return [
        (str(name), int(count))
        for name, count in session.execute(
            select(Statistic.dataset, func.count(Statistic.id))
            .where(Statistic.dataset.is_not(None))
            .group_by(Statistic.dataset)
            .order_by(Statistic.dataset)
        )
    ]
