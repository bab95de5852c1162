"""Statistics read from the tables of a text, each figure with its row and column labels.

A table is marked in the text the way :mod:`db.ingest.pdflayout` writes it: consecutive lines
holding a tab (:data:`~db.ingest.pdflayout.CELL_SEPARATOR`) are one table, one row a line, cells
in order. Read as sentences such a table joins the number ending one row to the next row's label;
read here, a number is one cell and only one:

* **Header.** The first row is the header when no cell after its first holds a number. A table
  without one (a table continued on the next page) takes the header and the caption of the table
  before it when they have as many columns.
* **Labels.** A cell's column header and its row's first cell label it: a year (1800-2100) is
  the period, a country or city the gazetteer knows is the place (a row's or a column's), anything
  else the subject ("Number Killed"; a row such as "TOTAL" adds itself: "Number Killed (TOTAL)"). A year in the
  line just before the table (its caption, "Country-level statistics for 1993") is the period
  of every figure that has none of its own.
* **What counts.** Cells that are a number and nothing else ("1,589", "0.40%", "12.5",
  "273.879.750", a footnote marker after it aside) under a label; dates,
  codes beside words ("4 = Afghanistan"), years and a row's first cell (its label) are not read.
  A column whose header names no measure and holds years ("Year founded") is not read either.
* **Quote.** The cell itself (``start``/``end`` span only its number), so that accepting one
  figure of a row leaves the row's other figures to be offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.english import measure_of
from db.ingest.pdflayout import CELL_SEPARATOR

_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+)(?:\.\d+)?\s?%?")
#: footnote markers after a figure ("83,190,556²"), as the PDF reader writes them
_MARKERS = "⁰¹²³⁴⁵⁶⁷⁸⁹*†‡"
_YEAR = re.compile(r"(?<![\d.,/])(1[89]\d\d|20\d\d)(?![\d.,/])")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    """A table's span in the text, its rows' cells and the line before it (its caption)."""

    start: int
    end: int
    rows: tuple[tuple[Cell, ...], ...]
    caption: str


def find_tables(text: str) -> list[Table]:
    """The tables marked in ``text``, in order."""
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    caption = previous = ""
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if CELL_SEPARATOR in line:
            if not rows:
                caption = previous
            rows.append(tuple(_cells(line, position)))
        else:
            if rows:
                tables.append(Table(rows[0][0].start, rows[-1][-1].end, tuple(rows), caption))
                rows = []
            if line.strip():
                previous = line
        position = end + 1
    if rows:
        tables.append(Table(rows[0][0].start, rows[-1][-1].end, tuple(rows), caption))
    return tables


def _cells(line: str, offset: int) -> Iterator[Cell]:
    position = offset
    for part in line.split(CELL_SEPARATOR):
        yield Cell(position, position + len(part), part)
        position += len(part) + 1


def table_statistics(text: str, tables: list[Table]) -> list[StatisticCandidate]:
    """Candidates from the number cells of ``tables`` (found in ``text``)."""
    candidates: list[StatisticCandidate] = []
    header: tuple[str, ...] | None = None
    caption_year: int | None = None
    for table in tables:
        rows = list(table.rows)
        if _is_header(rows[0]) and len(rows) > 1:
            header = tuple(cell.text.strip() for cell in rows[0])
            rows = rows[1:]
            caption_year = _year(table.caption)
        elif header is None or len(header) != len(rows[0]):
            header = None
            caption_year = _year(table.caption)
        # else: the table before continues (on a new page): its header and caption go on
        for row in rows:
            label = row[0].text.strip()
            if _number(label) is not None:
                label = ""
            for j, cell in enumerate(row[1:], start=1):
                column = header[j] if header is not None and j < len(header) else ""
                candidate = _candidate(text, cell, label, column, caption_year)
                if candidate is not None:
                    candidates.append(candidate)
    return candidates


def _is_header(row: tuple[Cell, ...]) -> bool:
    return all(_number(cell.text) is None for cell in row[1:]) and \
        any(cell.text.strip() for cell in row)


def _number(cell: str) -> tuple[float, bool] | None:
    """The cell's value and whether it is a percentage, when the cell is a number alone."""
    stripped = cell.strip().rstrip(_MARKERS)
    if not _NUMBER.fullmatch(stripped):
        return None
    percent = stripped.endswith("%")
    digits = stripped.rstrip("%").strip().replace("−", "-")
    if digits.count(".") > 1:
        digits = digits.replace(".", "")  # "273.879.750": points between thousands
    digits = digits.replace(",", "")
    return float(digits), percent


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _whole_year(text: str) -> int | None:
    match = _YEAR.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def _candidate(text: str, cell: Cell, row_label: str, column: str,
               caption_year: int | None) -> StatisticCandidate | None:
    read = _number(cell.text)
    if read is None:
        return None
    value, percent = read
    if not percent and float(value).is_integer() and _whole_year(cell.text) is not None and \
            (measure_of_header(column) is None):
        return None  # a year in a column of years, not a count
    period_year: int | None = None
    place: str | None = None
    subject_parts: list[str] = []
    for label in (column, row_label):
        if not label:
            continue
        if _whole_year(label) is not None:
            period_year = period_year or _whole_year(label)
        elif place is None and _is_place(label):
            place = label
        else:
            subject_parts.append(f"({label})" if subject_parts else label)
    if place is None and not subject_parts:
        return None  # a number under no label (a plot's axis) says nothing
    if period_year is None:
        period_year = caption_year
    period = PartialDate(period_year) if period_year is not None else None
    offset = len(cell.text) - len(cell.text.lstrip())
    start = cell.start + offset
    end = cell.start + len(cell.text.rstrip().rstrip(_MARKERS))
    return StatisticCandidate(
        start=start, end=end, quote=text[start:end], value=value, low=None, high=None,
        approximate=False, measure=measure_of_header(column), unit="%" if percent else None,
        subject=" ".join(subject_parts) or None, period_start=period, period_end=period,
        place=place, claimant=None)


def measure_of_header(column: str) -> str | None:
    """What a column counts when its header names it ("Number Killed" → killed)."""
    for word in column.split():
        measure = measure_of(word)
        if measure is not None:
            return measure
    return None


@cache
def _is_place(label: str) -> bool:
    """A country by any of its names, or a city by its own name (not one of the alternate
    names GeoNames gives, among which are words such as "Hyland")."""
    if not label[:1].isupper() or len(label) > 60:
        return False
    from db.gazetteer import gazetteer

    found = gazetteer().lookup([label])
    return bool(found) and (found[0].kind == "country" or found[0].name.casefold() == label.casefold())
