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
from typing import Literal

import pandas as pd

from db.dates import PartialDate
from db.interchange.column_types import read_date
from db.values import read_number

Layout = Literal["long", "wide_years", "wide_places"]

# --- cells -----------------------------------------------------------------------------------

MISSING = {"", "na", "n/a", "nan", "none", "null", "..", "...", "-", "–", "—", "?", "x", ":"}
_DECIMAL_COMMA = re.compile(r"^[-+]?(?!\d{1,3}(,\d{3})+$)\d+,\d+$")
_SPACED_THOUSANDS = re.compile(r"^[-+]?\d{1,3}([ \u00a0\u202f\u2009]\d{3})+([.,]\d+)?$")
_YEAR_COLUMN = re.compile(r"^\s*(?:yr|y|fy)?\s*(\d{4})(?:\b|_|\s|\[|$)", re.IGNORECASE)
#: "fatalities_2014", "GDP 2014", "deaths-1999": a measure and its year
_YEAR_SUFFIX = re.compile(r"^[^\d]*[A-Za-z][^\d]*?[\s_\-.](\d{4})\s*$")


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


def parse_period(value: object, day_first: bool = True) -> PartialDate | None:
    """A cell or column name as a period: a year ("2014", 2014, "2014 [YR2014]", "fatalities_2014")
    or a date in the forms :func:`db.interchange.column_types.read_date` reads (``day_first``
    says how "3/4/2015" reads)."""
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
    found = read_date(text, day_first)
    if found is not None:
        return found
    match = _YEAR_COLUMN.match(text) or _YEAR_SUFFIX.match(text)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return PartialDate(int(match.group(1)))
    return None


def year_column_stem(column: str) -> str | None:
    """The name a year column carries besides its year: "fatalities" for "fatalities_2014", ""
    for "2014" or "2014 [YR2014]"; None when the column is not named by a year."""
    if (match := _YEAR_COLUMN.match(column)) and 1500 <= int(match.group(1)) <= 2100:
        return ""
    if (match := _YEAR_SUFFIX.match(column)) and 1500 <= int(match.group(1)) <= 2100:
        return column[: match.start(1)].strip(" _-.").strip()
    return None


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
    #: long: the columns of a period's first and last day (a war's start and end), instead of period
    period_start: str | None = None
    period_end: str | None = None
    #: long: the columns of the lower and upper bound (a minimum and a maximum) of the one value
    low: str | None = None
    high: str | None = None
    #: long: the column naming each row's subject (the war, the group), instead of ``subject``
    subject_column: str | None = None
    #: how "3/4/2015" reads in the period columns: day first (True), month first (False), or
    #: decided from the column's values when the table is read (None)
    day_first: bool | None = None
    #: the place column holds ISO 3166 country codes, stored as the countries' names
    place_codes: bool = False

    def columns(self) -> tuple[str, ...]:
        """Every column the mapping reads."""
        named = (self.place, self.period, self.period_start, self.period_end, self.low, self.high,
                 self.subject_column)
        return tuple(dict.fromkeys([c for c in named if c is not None] + list(self.values)))


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
    """The most likely layout and columns of a table (see :mod:`db.interchange.guessing`)."""
    from db.interchange.guessing import guess

    return guess(frame, name, known_places)
