"""The shapes of reference tables and how their cells read; :func:`guess_mapping` tells them apart.

Tables come in three shapes, guessed by :func:`guess_mapping` or given as a :class:`TableMapping`:

- ``long``: one row per place and period, one or more value columns (each its own measure),
- ``wide_years``: one row per place, one column per year ("country x year"),
- ``wide_places``: one row per period, one column per place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from db.dates import PartialDate
from db.ingest.tablefile import TableError, find_column
from db.values import read_number

Layout = Literal["long", "wide_years", "wide_places"]

# --- cells -----------------------------------------------------------------------------------

MISSING = {"", "na", "n/a", "nan", "none", "null", "..", "...", "-", "–", "—", "?", "x", ":"}
_DECIMAL_COMMA = re.compile(r"^[-+]?(?!\d{1,3}(,\d{3})+$)\d+,\d+$")
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
    if text.casefold() in MISSING:
        return None, False
    percent = text.endswith("%")
    text = text.rstrip("%").strip().lstrip("~≈").strip()
    if _SPACED_THOUSANDS.match(text):
        text = re.sub(r"[ \u00a0\u202f\u2009]", "", text).replace(",", ".")
    elif _DECIMAL_COMMA.match(text):
        # a decimal comma ("3,5"); "1,234" groups thousands and is read as such below
        text = text.replace(",", ".")
    return read_number(text), percent


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


def _by_name(columns: list[str], names: tuple[str, ...]) -> str | None:
    """The column named by one of ``names``, else the first holding one of them as words."""
    return find_column(columns, names) or find_column(columns, names, whole=False)


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
