"""Guessing a reference table's mapping from what its columns hold, their names second.

Each column is first given a kind from its cells (:func:`db.interchange.column_types.kind_of`:
year, date, number, country code, text); names then choose among columns of the right kind. So
a date column is never the place, a column of notes ("methodology", "source") never the place
nor a value, a "Country Code" column of ISO codes is the place only when no column names the
countries, and "fatalities_2014, fatalities_2015" are the years of a wide table whose measure is
"fatalities". A minimum and a maximum column of one measure ("deaths_min"/"deaths_max",
"low"/"high", "lower"/"upper") are the bounds of one figure. The measure is named from the value
column; the file name only when the column's name says nothing ("Value") or there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from db.dates import PartialDate
from db.ingest.tablefile import TableError, find_column
from db.interchange.column_types import (
    Kind,
    code_kind,
    country_share,
    day_first,
    is_country_name,
    kind_of,
)
from db.interchange.layouts import TableMapping, measure_from_name, parse_number, year_column_stem
from db.text import fold

_PLACE_NAMES = (
    "country", "country name", "countries", "place", "location", "region", "state", "province",
    "oblast", "republic", "city", "territory", "area", "district", "entity", "geo", "admin1",
    "municipality", "county",
)
_PERIOD_NAMES = ("year", "iyear", "yr", "date", "period", "time", "month", "day", "event date")
_START_NAMES = ("start", "start date", "date start", "startdate", "begin", "began", "from",
                "start year", "first", "since")
_END_NAMES = ("end", "end date", "date end", "enddate", "ended", "to", "until", "end year",
              "last", "stop")
_SUBJECT_NAMES = ("subject", "conflict", "war", "category", "event", "group", "perpetrator",
                  "actor", "side")
#: columns of words about the figures, never a place nor a value
_NOTES = re.compile(
    r"(^|[\s_])(method(ology)?s?|notes?|comments?|remarks?|sources?|description|url|link|citation"
    r"|references?|explanation|caveats?)($|[\s_])", re.IGNORECASE,
)
_NOT_VALUES = re.compile(
    r"(^|[\s_])(id|code|iso\d?|iso3|fips|rownames?|index|rank|lat|latitude|lon|lng|longitude"
    r"|zip|m49|ccode|unnamed.*)($|[\s_])|^unnamed",
    re.IGNORECASE,
)
_CODE_NAMES = re.compile(r"(^|[\s_])(code|iso\d*|m49|ccode|num|numeric|un)($|[\s_])", re.IGNORECASE)
_GENERIC_VALUE = {"value", "values", "amount", "count", "number", "total", "obs_value", "data"}
_LOWER = {"min", "minimum", "low", "lower", "lo", "lowest", "least"}
_UPPER = {"max", "maximum", "high", "upper", "hi", "highest", "most"}
_BEST = {"best", "mid", "central", "estimate", "est", "point", "median"}


def _number(text: str) -> float | None:
    return parse_number(text)[0]


def _named(columns: list[str], names: tuple[str, ...]) -> str | None:
    """The column named by one of ``names``, else the first holding one of them as words."""
    return find_column(columns, names) or find_column(columns, names, whole=False, shortest=3)


def _words(column: str) -> list[str]:
    return [w for w in re.split(r"[\s_\-.()\[\]]+", column.casefold()) if w]


def _bounds(numeric: list[str]) -> tuple[str, str, str] | None:
    """The first lower and upper bound columns of one measure: (low, high, the measure's words)."""
    lows: dict[str, str] = {}
    highs: dict[str, str] = {}
    for column in numeric:
        words = _words(column)
        for bound, found in ((_LOWER, lows), (_UPPER, highs)):
            hits = [w for w in words if w in bound]
            if len(hits) == 1:
                found.setdefault(" ".join(w for w in words if w != hits[0]), column)
    for stem, low in lows.items():
        if stem in highs:
            return low, highs[stem], stem
    return None


def _best(numeric: list[str], stem: str, taken: tuple[str, ...]) -> str | None:
    for column in numeric:
        if column in taken:
            continue
        words = _words(column)
        rest = " ".join(w for w in words if w not in _BEST)
        if (rest == stem and len(rest.split()) < len(words)) or (stem and " ".join(words) == stem):
            return column
    return None


def _place_column(
    frame: pd.DataFrame, candidates: list[str], kinds: dict[str, Kind], known: set[str]
) -> tuple[str | None, bool]:
    """The column naming the places, and whether it holds ISO country codes."""
    usable = [c for c in candidates if not _NOTES.search(c)]
    texts = [c for c in usable if kinds[c] == "text"]
    named = _named(texts, _PLACE_NAMES)
    if named is not None:
        return named, False
    for column in texts:
        cells = [str(c) for c in frame[column].head(500) if c is not None and str(c).strip()]
        if cells and (country_share(cells) >= 0.5 or sum(fold(c) in known for c in cells) / len(cells) >= 0.5):
            return column, False
    codes = [c for c in usable if kinds[c] == "country_code"]
    if codes:
        return (_named(codes, _PLACE_NAMES) or codes[0]), True
    for column in usable:
        if kinds[column] == "number" and _CODE_NAMES.search(column) and code_kind(
            frame[column], numeric_allowed=True
        ):
            return column, True
    for column in texts:
        if (
            not _NOT_VALUES.search(column)
            and _named([column], _SUBJECT_NAMES) is None
            and frame[column].astype(str).nunique() > 1
        ):
            return column, False
    return None, False


def _place_in_name(name: str, known: set[str]) -> str | None:
    """A country (or a place of the archive) the file is named after: "france_fatalities.csv"."""
    words = [w for w in re.split(r"[\s_\-.]+", Path(name).stem) if w]
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if len(phrase) > 3 and (is_country_name(phrase) or fold(phrase) in known):
                return phrase.title() if phrase.islower() else phrase
    return None


def _measure(column: str, fallback: str) -> str:
    return fallback if column.casefold().strip() in _GENERIC_VALUE else column


def _looks_like_place(column: str, known: set[str]) -> bool:
    """A known place or country, or a capitalised name without digits ("United Kingdom")."""
    if fold(column) in known or is_country_name(column):
        return True
    words = column.split()
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > 3) and not any(
        ch.isdigit() for ch in column
    ) and column.casefold() not in _GENERIC_VALUE


def guess(frame: pd.DataFrame, name: str = "", known_places: Iterable[str] = ()) -> TableMapping:
    """The most likely layout and columns of a table (``name`` is its file name, for hints)."""
    columns = [str(c) for c in frame.columns]
    label = name or "the table"
    if not columns:
        raise TableError(f"{label}: no columns")
    known = {fold(p) for p in known_places}
    kinds: dict[str, Kind] = {c: kind_of(frame[c], _number) for c in columns}
    file_measure = measure_from_name(name) if name else "value"
    file_year = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", Path(name).stem) if name else None
    notes = {c for c in columns if _NOTES.search(c)}

    def numeric(among: list[str]) -> list[str]:
        return [c for c in among if kinds[c] == "number" and not _NOT_VALUES.search(c) and c not in notes]

    wide = _wide_years(frame, columns, kinds, known, numeric, file_measure, label)
    if wide is not None:
        return wide

    times = [c for c in columns if kinds[c] in ("year", "date") and c not in notes]
    start, end = _named(times, _START_NAMES), _named(times, _END_NAMES)
    period = None
    if start is None or end is None or start == end:
        start = end = None
        period = _named(times, _PERIOD_NAMES) or (times[0] if times else None)
    rest = [c for c in columns if c not in (period, start, end) and kinds[c] not in ("year", "date")]
    place, codes = _place_column(frame, rest, kinds, known)
    values = numeric([c for c in rest if c != place])
    if not values:
        raise TableError(f"{label}: no column of numbers to import")
    order = None
    for column in (period, start, end):
        if column is not None and order is None:
            order = day_first(frame[column])
    fixed_place = _place_in_name(name, known) if place is None else None
    fixed = PartialDate(int(file_year.group(1))) if period is None and start is None and file_year else None
    base: dict[str, Any] = {
        "place": place, "period": period, "period_start": start, "period_end": end,
        "fixed_period": fixed, "fixed_place": fixed_place, "day_first": order, "place_codes": codes,
    }

    if place is None and period is not None and len(values) >= 2 and (
        all(fold(c) in known or is_country_name(c) for c in values)
        or (len(values) >= 3 and all(_looks_like_place(c, known) for c in values))
    ):
        return TableMapping("wide_places", period=period, values=tuple(values), measure=file_measure,
                            day_first=order)
    keys = [c for c in (place, period, start) if c is not None]
    if keys and frame.duplicated(subset=keys).mean() > 0.2:
        # Many rows per place and period: a table of events (one row each), not of figures.
        return TableMapping("long", **base, measure=file_measure, count_rows=True)
    subject = _named([c for c in rest if c != place and kinds[c] == "text" and c not in notes], _SUBJECT_NAMES)
    base["subject_column"] = subject
    bounds = _bounds(values)
    if bounds is not None:
        low, high, stem = bounds
        best = _best(values, stem, (low, high))
        measure = stem or (_measure(best, file_measure) if best else file_measure)
        return TableMapping("long", **base, values=(best,) if best else (), low=low, high=high,
                            measure=measure)
    if len(values) == 1:
        return TableMapping("long", **base, values=(values[0],), measure=_measure(values[0], file_measure))
    return TableMapping("long", **base, values=tuple(values))


def _wide_years(
    frame: pd.DataFrame, columns: list[str], kinds: dict[str, Kind], known: set[str],
    numeric: Any, file_measure: str, label: str,
) -> TableMapping | None:
    """A table with a column per year ("2014", "fatalities_2014"), when it is one."""
    stems: dict[str, list[str]] = {}
    for column in columns:
        stem = year_column_stem(column)
        if stem is not None and kinds[column] in ("number", "empty"):
            stems.setdefault(stem, []).append(column)
    if not stems:
        return None
    stem, years = max(stems.items(), key=lambda item: len(item[1]))
    others = [c for c in columns if c not in years]
    if len(years) < 2 or len(numeric(others)) >= len(years):
        return None
    place, codes = _place_column(frame, [c for c in others if kinds[c] not in ("year", "date")], kinds, known)
    if place is None:
        raise TableError(f"{label}: has years as columns but no column naming the places")
    measure = stem.replace("_", " ").strip() or file_measure
    return TableMapping("wide_years", place=place, values=tuple(years), measure=measure, place_codes=codes)
