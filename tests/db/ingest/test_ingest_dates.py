"""Dates read from headers, properties and table cells: as precise as given, never guessed."""

from __future__ import annotations

import pytest

from db.dates import PartialDate
from db.ingest._common import ambiguous_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saturday, July 11, 2015", PartialDate(2015, 7, 11)),
        ("Sept. 17, 2004", PartialDate(2004, 9, 17)),
        ("July 2015", PartialDate(2015, 7)),
        ("juillet 2015", PartialDate(2015, 7)),
        ("11 июля 2015 г.", PartialDate(2015, 7, 11)),
        ("2014", PartialDate(2014)),
        ("2015-07", PartialDate(2015, 7)),
        ("2015-07-11T10:00:00+03:00", PartialDate(2015, 7, 11)),
        ("Mon, 11 Jul 2015 10:00:00 GMT", PartialDate(2015, 7, 11)),
        ("11.07.2015", PartialDate(2015, 7, 11)),
        ("25/12/2015", PartialDate(2015, 12, 25)),
        ("12/25/2015", PartialDate(2015, 12, 25)),
        # Every word a date word of one of the languages read, with time zones and fillers.
        ("Sábado, 11 de julio de 2015", PartialDate(2015, 7, 11)),
        ("Mittwoch, 17. September 2014", PartialDate(2014, 9, 17)),
        ("17 Eylül 2014 Çarşamba", PartialDate(2014, 9, 17)),
        ("17 вересня 2014", PartialDate(2014, 9, 17)),
        ("в 2014 году", PartialDate(2014)),
        ("11 يوليو 2015", PartialDate(2015, 7, 11)),
        ("July 11, 2015 at 10:30 am EDT", PartialDate(2015, 7, 11)),
        ("the 3rd of March, 1987", PartialDate(1987, 3, 3)),
        ("11 July 2015 14:05 MSK", PartialDate(2015, 7, 11)),
    ],
)
def test_dates_keep_their_precision(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["yesterday", "3 days ago", "March 3", "Tuesday", "Paragraph 5", "31.02.2015", "", None]
)
def test_nothing_is_filled_in_from_today(text: str | None) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["THAI COFFEE EXPORTS RISE IN 1986", "CRA LTD <CRAA.S> 1986 NET", "Updated July 11, 2015",
     "Election 2014 results", "Итоги 2014 года"],
)
def test_a_headline_with_a_year_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_ambiguous_numeric_dates_are_flagged() -> None:
    assert ambiguous_date("07/11/2015")
    assert not ambiguous_date("25/12/2015")
    assert not ambiguous_date("11.07.2015")
    assert not ambiguous_date("2015-07-11")
