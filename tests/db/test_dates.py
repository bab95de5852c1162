"""Partial dates as stored: (first day, precision) and back, from a date or SQLite's raw text."""

from __future__ import annotations

import datetime as dt

import pytest

from db.dates import PartialDate, from_columns, to_columns


@pytest.mark.parametrize("text", ["2014", "2015-06", "2015-07-11"])
def test_a_partial_date_round_trips_through_its_columns(text: str) -> None:
    value = PartialDate.from_iso(text)
    day, precision = to_columns(value)
    assert from_columns(day, precision) == value
    assert from_columns(day.isoformat() if day else None, precision) == value  # SQLite's raw text


def test_nothing_stored_is_no_date() -> None:
    assert to_columns(None) == (None, None)
    assert from_columns(None, "year") is None
    assert from_columns(float("nan"), float("nan")) is None
    assert from_columns("last summer", "day") is None  # a hand-edited archive


def test_a_missing_or_unknown_precision_means_the_day() -> None:
    assert from_columns(dt.date(2014, 6, 30), None) == PartialDate(2014, 6, 30)
    assert from_columns("2014-06-30 00:00:00", "fortnight") == PartialDate(2014, 6, 30)
