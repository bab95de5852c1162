"""What a reference table's column holds, read from its cells: dates, years, numbers, country codes.

The mapping guesser (:mod:`db.interchange.layouts`) decides from these rather than from column
names alone, because names mislead: a "Country Code" column holds codes, not names; a "date"
column may be written "3/14/2015" (month first) or "14/03/2015" (day first); a "notes" column is
text however it is named. Dates are read in the forms real downloads use: ISO (``2014-03-12``,
``2014-03``), ``D/M/YYYY`` and ``M/D/YYYY`` (decided per column from the values: a 13 or more in
the first position makes it day first, in the second month first; a column that never says is
read day first, as most of the world writes), ``12 March 2014``, ``March 12, 2014``, ``March
2014`` and a year alone.

Country codes are ISO 3166-1 (alpha-2, alpha-3, numeric) from the ``iso3166`` package; names
for them come from the offline gazetteer (:mod:`db.gazetteer`: "Russia", not "Russian
Federation") where it has the country, else from ISO's own name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

import iso3166

from db.dates import PartialDate

#: how many cells of a column are looked at to tell what it holds
SAMPLE = 2000
#: the share of filled cells that must read as a kind for the column to be of that kind
SHARE = 0.95

_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T].*)?$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"^({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^({_MONTH})\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})(?:\.0)?$")

Kind = Literal["empty", "year", "date", "number", "country_code", "text"]


def _filled(cells: Iterable[object]) -> list[str]:
    texts = []
    for n, cell in enumerate(cells):
        if n >= SAMPLE:
            break
        text = "" if cell is None else str(cell).strip()
        if text and text.casefold() not in ("nan", "na", "n/a", "none", "null", "..", "-"):
            texts.append(text)
    return texts


def _date(year: int, month: int, day: int | None) -> PartialDate | None:
    if not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if day is None:
        return PartialDate(year, month)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def read_date(text: str, day_first: bool = True) -> PartialDate | None:
    """A cell as a date or year in any of the module's forms; None when it is not one.

    ``day_first`` says how ``A/B/YYYY`` reads (see :func:`day_first`)."""
    text = " ".join(str(text).split())
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return PartialDate(year) if 1000 <= year <= 2999 else None
    if match := _ISO.match(text):
        return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)) if match.group(3) else None)
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        day, month = (first, second) if day_first else (second, first)
        return _date(year, month, day)
    if match := _DAY_MONTH_YEAR.match(text):
        return _date(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))
    if match := _MONTH_DAY_YEAR.match(text):
        return _date(int(match.group(3)), _MONTHS[match.group(1).casefold()], int(match.group(2)))
    if match := _MONTH_YEAR.match(text):
        return _date(int(match.group(2)), _MONTHS[match.group(1).casefold()], None)
    return None


def day_first(cells: Iterable[object]) -> bool | None:
    """Whether a column's ``A/B/YYYY`` dates put the day first: True when some first number is
    13 or more, False when some second number is, None when the column has no such dates or
    never says (both at once is not a date column: None)."""
    first_big = second_big = seen = False
    for text in _filled(cells):
        match = _NUMERIC.match(text)
        if not match:
            continue
        seen = True
        first_big |= int(match.group(1)) > 12
        second_big |= int(match.group(2)) > 12
    if not seen or first_big == second_big:
        return None
    return first_big


def _share(texts: list[str], test: object) -> float:
    assert callable(test)
    return sum(1 for t in texts if test(t)) / len(texts) if texts else 0.0


@cache
def _codes() -> dict[str, iso3166.Country]:
    codes: dict[str, iso3166.Country] = {}
    for country in iso3166.countries:
        codes[country.alpha2] = codes[country.alpha3] = country
        codes[country.numeric] = codes[str(int(country.numeric))] = country
    return codes


def country_code(text: str) -> iso3166.Country | None:
    """The ISO 3166-1 country an alpha-2, alpha-3 or numeric code names (alphabetic codes as
    written: upper case only, so the words "in" or "us" in a column of text are not codes)."""
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if text.isdigit() or (text.isalpha() and text.isupper() and len(text) in (2, 3)):
        return _codes().get(text)
    return None


def code_kind(cells: Iterable[object], *, numeric_allowed: bool) -> str | None:
    """"alpha2", "alpha3" or "numeric" when nearly every cell is an ISO 3166-1 code of that kind.

    Numeric codes are numbers like any others: only a column whose name says it holds codes
    passes ``numeric_allowed``."""
    texts = [t[:-2] if t.endswith(".0") else t for t in _filled(cells)]
    if not texts:
        return None
    for kind, length in (("alpha2", 2), ("alpha3", 3)):
        if _share(texts, lambda t, n=length: len(t) == n and t.isalpha() and country_code(t) is not None) >= SHARE:
            return kind
    if numeric_allowed and _share(texts, lambda t: t.isdigit() and country_code(t) is not None) >= SHARE:
        return "numeric"
    return None


@cache
def _gazetteer_names() -> dict[str, str]:
    from db.gazetteer import gazetteer

    return {p.country: p.name for p in gazetteer().places if p.kind == "country" and p.country}


def country_name(code: str) -> str | None:
    """The everyday name of the country an ISO code names ("RUS" -> "Russia"); None if no code."""
    country = country_code(code)
    if country is None:
        return None
    name = _gazetteer_names().get(country.alpha2)
    return name or re.sub(r"\s*\(.*\)$", "", country.apolitical_name)


@cache
def _country_names() -> frozenset[str]:
    names = set()
    for country in iso3166.countries:
        for name in (country.name, country.apolitical_name):
            names.add(name.casefold())
            names.add(re.sub(r"\s*\(.*\)$", "", name).casefold())
    return frozenset(names)


def is_country_name(text: str) -> bool:
    """Whether ISO 3166 calls a country so (case aside; "Bolivia" as well as its official name)."""
    return " ".join(text.split()).casefold() in _country_names()


def country_share(cells: Iterable[object]) -> float:
    """How many filled cells are country names (0..1)."""
    return _share(_filled(cells), is_country_name)


def kind_of(cells: Iterable[object], number: object) -> Kind:
    """What a column holds: ``year`` (every cell a year 1500-2100), ``date`` (dates, some more
    precise than a year), ``number``, ``country_code`` (alphabetic ISO codes), else ``text``.

    ``number(text)`` reads a cell as a number or raises ValueError (the tables' own reader)."""
    texts = _filled(cells)
    if not texts:
        return "empty"
    order = day_first(texts)
    dates = [read_date(t, order is not False) for t in texts]
    if _share(texts, lambda t: (d := read_date(t)) is not None and d.month is None and 1500 <= d.year <= 2100) >= SHARE:
        return "year"
    if sum(d is not None for d in dates) / len(texts) >= SHARE:
        return "date"
    if code_kind(texts, numeric_allowed=False):
        return "country_code"
    assert callable(number)

    def numeric(text: str) -> bool:
        try:
            return number(text) is not None
        except ValueError:
            return False

    if _share(texts, numeric) >= 0.6:
        return "number"
    return "text"
