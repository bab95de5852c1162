"""Statistics and actors as tables (CSV, XLSX), and reference data imported from tables.

Export: :func:`export_statistics` and :func:`export_actors` write what the panes show, one row per
statistic or actor, to ``.csv`` (UTF-8 with a byte-order mark, so spreadsheet programs read
Cyrillic and Arabic names right) or ``.xlsx``.

Import: :func:`import_reference_table` reads a table of figures (a World Bank download, a
FiveThirtyEight CSV, a spreadsheet) and stores each figure as a statistic whose claimant is the
dataset, so a source's claims can be charted against it. Tables come in three shapes, guessed by
:func:`guess_mapping` or given as a :class:`TableMapping`:

- ``long``: one row per place and period, one or more value columns (each its own measure),
- ``wide_years``: one row per place, one column per year ("country x year"),
- ``wide_places``: one row per period, one column per place.

Places become actors of kind "place" (matched with existing actors by name or alias first). The
whole import is one transaction: a bad table raises :class:`TableError` and saves nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.commands import add_actor, find_actor, find_or_add_actor
from db.dates import PartialDate, to_columns
from db.ingest.base import IngestError
from db.models import Actor, Alias, Mention, Statistic
from db.queries import StatisticRow, list_actors, list_statistics
from db.vocabulary import ActorKind

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
EXPORT_SUFFIXES = (".csv", ".xlsx")

Layout = Literal["long", "wide_years", "wide_places"]


class TableError(IngestError):
    """A table cannot be read or imported; the message says what is wrong and where."""


# --- export ----------------------------------------------------------------------------------

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


# --- reading tables --------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from db.ingest.text import guess_encoding

    try:
        encoding = guess_encoding(data)
    except IngestError as error:
        raise TableError(f"{name}: {error}") from error
    return data.decode(encoding, errors="replace")


def read_table(path: Path, sheet: str | int | None = None) -> pd.DataFrame:
    """A CSV/TSV/XLSX file as a frame of its cells (the header row gives the column names).

    CSV text may be in any encoding (guessed with charset-normalizer when it is not UTF-8) and
    separated by commas, semicolons, tabs or bars.
    """
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise TableError(f"{path.name}: not a table (expected .csv, .tsv or .xlsx)")
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    try:
        if suffix in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=object, engine="openpyxl")
        else:
            text = _decode(path.read_bytes(), path.name)
            if not text.strip():
                raise TableError(f"{path.name}: the file is empty")
            delimiter = "\t" if suffix == ".tsv" else _sniff(_after_preamble(text))
            from io import StringIO

            frame = pd.read_csv(
                StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                skipinitialspace=True, skiprows=_preamble_lines(text, delimiter),
            )
    except TableError:
        raise
    except (ValueError, KeyError, OSError, pd.errors.ParserError) as error:
        raise TableError(f"{path.name}: cannot read the table ({error})") from error
    except Exception as error:  # openpyxl raises assorted errors on broken workbooks
        raise TableError(f"{path.name}: not a readable spreadsheet ({error})") from error
    frame.columns = [_column_name(c) for c in frame.columns]
    frame = frame.dropna(how="all")
    # a trailing separator on every line makes an empty, unnamed last column
    empty = [
        c for c in frame.columns
        if c.startswith("Unnamed:") and frame[c].astype(str).str.strip().isin(["", "nan", "None"]).all()
    ]
    frame = frame.drop(columns=empty)
    if frame.empty or len(frame.columns) < 2:
        raise TableError(f"{path.name}: the table needs a header row and at least two columns")
    return frame


def _column_name(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return str(value.year)
    return " ".join(str(value).split())


def _preamble_lines(text: str, delimiter: str) -> int:
    """Lines of notes above the header (World Bank downloads start with "Data Source", "Last
    Updated Date" and a blank line): the header is the first line as wide as most rows."""
    lines = text.splitlines()[:40]
    widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
    if len(widths) < 3:
        return 0
    common = max(set(widths), key=widths.count)
    if common < 2:
        return 0
    return next((i for i, width in enumerate(widths) if width == common), 0)


def _after_preamble(text: str) -> str:
    """The text from its widest early line on, so the separator is sniffed on the table itself."""
    lines = text.splitlines()[:40]
    if len(lines) < 3:
        return text
    widest = max(range(len(lines)), key=lambda i: sum(lines[i].count(c) for c in ",;\t|"))
    return "\n".join(text.splitlines()[widest : widest + 200])


def _sniff(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


# --- cells -----------------------------------------------------------------------------------

_MISSING = {"", "na", "n/a", "nan", "none", "null", "..", "...", "-", "–", "—", "?", "x", ":"}
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACED_THOUSANDS = re.compile(r"^[-+]?\d{1,3}([ \u00a0\u202f\u2009]\d{3})+([.,]\d+)?$")
_YEAR_COLUMN = re.compile(r"^\s*(?:yr|y|fy)?\s*(\d{4})(?:\b|_|\s|\[|$)", re.IGNORECASE)


def parse_number(value: object) -> tuple[float | None, bool]:
    """A cell as a number: (value or None when the cell is empty/missing, whether it was a %).

    Raises ValueError for text that is not a number.
    """
    if value is None:
        return None, False
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        number = float(value)
        return (None if math.isnan(number) else number), False
    text = str(value).strip()
    if text.casefold() in _MISSING:
        return None, False
    percent = text.endswith("%")
    text = text.rstrip("%").strip().lstrip("~≈").strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    elif _SPACED_THOUSANDS.match(text):
        text = re.sub(r"[ \u00a0\u202f\u2009]", "", text).replace(",", ".")
    elif re.match(r"^[-+]?\d+,\d+$", text):
        # a decimal comma ("3,5"): thousands are caught above, so this is a fraction
        text = text.replace(",", ".")
    number = float(text)
    if math.isnan(number) or math.isinf(number):
        return None, percent
    return number, percent


def parse_period(value: object) -> PartialDate | None:
    """A cell or column name as a period: a year ("2014", 2014, "2014 [YR2014]") or an ISO date."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, float):
        if math.isnan(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        return PartialDate(value) if 1000 <= value <= 2999 else None
    text = str(value).strip()
    if not text:
        return None
    try:
        return PartialDate.from_iso(text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text) else text)
    except ValueError:
        pass
    match = _YEAR_COLUMN.match(text)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return PartialDate(int(match.group(1)))
    return None


def _numeric_share(series: pd.Series[Any]) -> float:
    """How many non-empty cells of a column are numbers (0..1); 0 for an empty column."""
    filled = numbers = 0
    for cell in series.head(2000):
        try:
            number, _percent = parse_number(cell)
        except ValueError:
            filled += 1
            continue
        if number is not None:
            filled += 1
            numbers += 1
    return numbers / filled if filled else 0.0


def _is_year_column(series: pd.Series[Any]) -> bool:
    cells = [c for c in series.head(2000) if str(c).strip() not in ("", "nan")]
    if not cells:
        return False
    years = 0
    for cell in cells:
        period = parse_period(cell)
        if period is not None and 1500 <= period.year <= 2100:
            years += 1
    return years / len(cells) >= 0.95


# --- mapping ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableMapping:
    """Which columns hold what; see the module docstring for the three layouts."""

    layout: Layout
    #: the column naming places (long, wide_years)
    place: str | None = None
    #: the column giving the period (long, wide_places)
    period: str | None = None
    #: long: the value columns (each its own measure); wide: the year or place columns
    values: tuple[str, ...] = ()
    #: the measure's name (for several value columns in a long table, their names are used)
    measure: str | None = None
    unit: str | None = None
    subject: str | None = None
    #: the period of every row when the table has no period column (e.g. from the file name)
    fixed_period: PartialDate | None = None
    #: long tables of events (one row each): count the rows per place and period instead
    count_rows: bool = False
    #: the place of every row when the table has no place column ("France" for a French series)
    fixed_place: str | None = None


_PLACE_NAMES = (
    "country",
    "country name",
    "countries",
    "place",
    "location",
    "region",
    "state",
    "province",
    "oblast",
    "republic",
    "city",
    "territory",
    "area",
    "district",
    "entity",
    "geo",
)
_PERIOD_NAMES = ("year", "iyear", "yr", "date", "period", "time", "month", "day")
_NOT_VALUES = re.compile(
    r"(^|[\s_])(id|code|iso\d?|iso3|fips|rownames?|index|rank|lat|latitude|lon|lng|longitude"
    r"|zip|unnamed.*)($|[\s_])|^unnamed",
    re.IGNORECASE,
)
_GENERIC_VALUE = {"value", "values", "amount", "count", "number", "total", "obs_value", "data"}


def _by_name(columns: Iterable[str], names: Sequence[str]) -> str | None:
    folded = {c.casefold().replace("_", " ").strip(): c for c in columns}
    for name in names:
        if name in folded:
            return folded[name]
    for name in names:
        for key, column in folded.items():
            if re.search(rf"\b{re.escape(name)}\b", key):
                return column
    return None


def measure_from_name(name: str) -> str:
    """A measure guessed from a file name: "terrorism_fatalities_by_year" -> "fatalities"."""
    words = [w for w in re.split(r"[\s_\-.]+", Path(name).stem.casefold()) if w]
    for stop in ("by", "per", "from", "for"):
        if stop in words[1:]:
            words = words[: words.index(stop)]
    words = [w for w in words if not re.fullmatch(r"\d+|v\d+|appendix\d*|data|csv", w)]
    return words[-1] if words else "value"


def guess_mapping(
    frame: pd.DataFrame, name: str = "", known_places: Iterable[str] = ()
) -> TableMapping:
    """The most likely layout and columns of a table (``name`` is its file name, for hints)."""
    columns = [str(c) for c in frame.columns]
    if not columns:
        raise TableError(f"{name or 'the table'}: no columns")
    year_columns = [c for c in columns if parse_period(c) is not None and _YEAR_COLUMN.match(c)]
    others = [c for c in columns if c not in year_columns]
    file_measure = measure_from_name(name) if name else "value"
    file_year = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", Path(name).stem) if name else None
    numeric_others = [
        c for c in others if not _NOT_VALUES.search(c) and _numeric_share(frame[c]) >= 0.6
    ]
    if len(year_columns) >= 2 and len(numeric_others) < len(year_columns):
        place = _by_name(others, _PLACE_NAMES) or next(
            (c for c in others if _numeric_share(frame[c]) < 0.5), None
        )
        if place is None:
            raise TableError(
                f"{name or 'the table'}: has years as columns but no column naming the places"
            )
        return TableMapping("wide_years", place=place, values=tuple(year_columns), measure=file_measure)

    period = _by_name(columns, _PERIOD_NAMES)
    if period is not None and not _is_year_column(frame[period]) and not _dates(frame[period]):
        period = None
    if period is None:
        period = next((c for c in columns if _is_year_column(frame[c])), None)
    rest = [c for c in columns if c != period]
    place = _by_name(rest, _PLACE_NAMES)
    if place is None:
        place = next(
            (
                c
                for c in rest
                if _numeric_share(frame[c]) < 0.5
                and not _NOT_VALUES.search(c)
                and frame[c].astype(str).nunique() > 1
            ),
            None,
        )
    numeric = [
        c
        for c in rest
        if c != place and not _NOT_VALUES.search(c) and _numeric_share(frame[c]) >= 0.6
    ]
    if not numeric:
        raise TableError(f"{name or 'the table'}: no column of numbers to import")
    fixed = PartialDate(int(file_year.group(1))) if period is None and file_year else None
    known = {p.casefold() for p in known_places}
    if place is None and period is not None and len(numeric) >= 2 and (
        all(c.casefold() in known for c in numeric)
        or (len(numeric) >= 3 and all(_looks_like_place(c) for c in numeric))
    ):
        return TableMapping("wide_places", period=period, values=tuple(numeric), measure=file_measure)
    keys = [c for c in (place, period) if c is not None]
    if keys and frame.duplicated(subset=keys).mean() > 0.2:
        # Many rows per place and period: a table of events (one row each), not of figures.
        return TableMapping(
            "long", place=place, period=period, measure=file_measure, fixed_period=fixed,
            count_rows=True,
        )
    if len(numeric) == 1:
        column = numeric[0]
        measure = file_measure if column.casefold() in _GENERIC_VALUE else column
        return TableMapping(
            "long", place=place, period=period, values=(column,), measure=measure, fixed_period=fixed
        )
    return TableMapping("long", place=place, period=period, values=tuple(numeric), fixed_period=fixed)


def _dates(series: pd.Series[Any]) -> bool:
    cells = [c for c in series.head(200) if str(c).strip()]
    return bool(cells) and all(parse_period(c) is not None for c in cells)


def _looks_like_place(column: str) -> bool:
    """A capitalised name without digits, as country columns are ("Belgium", "United Kingdom")."""
    words = column.split()
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > 3) and not any(
        ch.isdigit() for ch in column
    ) and column.casefold() not in _GENERIC_VALUE


# --- import ----------------------------------------------------------------------------------


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
    value: float
    unit: str | None


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
    for column in mapping.values:
        _require(frame, column, "values")
    if not mapping.values and not mapping.count_rows:
        raise TableError("no value columns chosen")
    figures: list[_Figure] = []
    percent_measures: set[str] = set()

    def place_of(cell: object) -> str | None:
        text = " ".join(str(cell).split()) if cell is not None else ""
        return None if text.casefold() in _MISSING or text.casefold() == "nan" else text

    def period_of(cell: object, line: int) -> PartialDate | bool | None:
        period = parse_period(cell)
        if period is None and str(cell).strip().casefold() not in _MISSING:
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

    # Row numbers as a spreadsheet shows them: the header is row 1.
    lines = range(2, len(frame) + 2)
    records = frame.to_dict("records")
    if mapping.layout == "long" and mapping.count_rows:
        keys: dict[tuple[str | None, PartialDate | None], int] = {}
        for line, row in zip(lines, records, strict=True):
            place = place_of(row[mapping.place]) if mapping.place else mapping.fixed_place
            period = period_of(row[mapping.period], line) if mapping.period else mapping.fixed_period
            if period is False:
                continue
            assert not isinstance(period, bool)
            keys[(place, period)] = keys.get((place, period), 0) + 1
        measure = mapping.measure or "rows"
        return [_Figure(p, d, measure, float(n), mapping.unit) for (p, d), n in keys.items()]
    if mapping.layout == "long":
        for line, row in zip(lines, records, strict=True):
            place = place_of(row[mapping.place]) if mapping.place else mapping.fixed_place
            period = period_of(row[mapping.period], line) if mapping.period else mapping.fixed_period
            if period is False:
                continue
            assert not isinstance(period, bool)
            for column in mapping.values:
                measure = (mapping.measure if len(mapping.values) == 1 else None) or column
                value = number(row[column], f"row {line}, {column}", measure)
                if value is not None:
                    figures.append(_Figure(place, period, measure, value, mapping.unit))
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
                    figures.append(_Figure(place, periods[column], measure, value, mapping.unit))
    elif mapping.layout == "wide_places":
        measure = mapping.measure or "value"
        for line, row in zip(lines, records, strict=True):
            period = period_of(row[mapping.period], line) if mapping.period else mapping.fixed_period
            if period is False:
                continue
            assert not isinstance(period, bool)
            for column in mapping.values:
                value = number(row[column], f"row {line}, {column}", measure)
                if value is not None:
                    figures.append(_Figure(place_of(column), period, measure, value, mapping.unit))
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
            self.ids.setdefault(_fold(name), actor_id)
        for actor_id, name in session.execute(select(Alias.actor_id, Alias.name)):
            self.ids.setdefault(_fold(name), actor_id)

    def __call__(self, name: str) -> int:
        key = _fold(name)
        if key not in self.ids:
            actor_id = add_actor(self.session, name, ActorKind.PLACE)
            self.created.append(actor_id)
            self.ids[key] = actor_id
        return self.ids[key]


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


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
    frame.columns = [_column_name(c) for c in frame.columns]
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
        rows.append(
            {
                "value": figure.value,
                "measure": figure.measure[:200],
                "unit": figure.unit,
                "subject": mapping.subject,
                "period_start": day,
                "period_start_precision": precision,
                "period_end": day,
                "period_end_precision": precision,
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
    from db.snapshots import capture_and_delete

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
