"""Dates as precise as the text gives them: a day, a month or only a year."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_PRECISIONS = frozenset(p.value for p in Precision)
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date known to a day, a month or a year ("2015-07-11", "2015-06", "2014")."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates the month and day.
        dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    __str__ = iso

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"not an ISO date: {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: dt.date, precision: Precision | str = Precision.DAY) -> PartialDate:
        precision = Precision(precision)
        if precision is Precision.YEAR:
            return cls(value.year)
        if precision is Precision.MONTH:
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)


def iso_or_none(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def to_columns(value: PartialDate | None) -> tuple[dt.date | None, str | None]:
    """How a partial date is stored: its first day and its precision ("day", "month", "year")."""
    if value is None:
        return None, None
    return value.first_day(), value.precision.value


def stored_date(value: object) -> dt.date | None:
    """A date column's raw value as read without the ORM: text on SQLite, a date on PostgreSQL.

    None when nothing is stored, or text that is not a date (a hand-edited file): a chart or a
    conflict check then treats the claim as undated rather than failing.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def from_columns(value: object, precision: object) -> PartialDate | None:
    """The partial date stored as (first day, precision); an unknown precision counts as a day.

    The day may be a date or the raw ISO text SQLite gives; None (or NaN) when nothing is stored.
    The same stored pair gives the same (immutable) object: 100,000 claims about a few thousand
    periods hold a few thousand dates, not 200,000.
    """
    if isinstance(value, str | dt.date) and (precision is None or isinstance(precision, str)):
        return _shared_from_columns(value, precision)
    return _from_columns(value, precision)


@functools.lru_cache(maxsize=1 << 16)
def _shared_from_columns(value: str | dt.date, precision: str | None) -> PartialDate | None:
    return _from_columns(value, precision)


def _from_columns(value: object, precision: object) -> PartialDate | None:
    day = stored_date(value)
    if day is None:
        return None
    known = precision if isinstance(precision, str) and precision in _PRECISIONS else Precision.DAY
    return PartialDate.from_date(day, known)
