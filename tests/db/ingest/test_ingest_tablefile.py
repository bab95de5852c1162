"""The one reader of table files: header and rows of CSV, XLSX and JSON Lines, and header names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from db.ingest.base import IngestError
from db.ingest.tablefile import (
    column_key,
    column_name,
    find_column,
    open_table,
    read_header,
    unnamed,
)

WORLD_BANK = (
    '"Data Source","World Development Indicators",\n'
    "\n"
    '"Last Updated Date","2015-07-01",\n'
    "\n"
    '"Country Name","Country Code","2013","2014",\n'
    '"Georgia","GEO","16.1","16.5",\n'
    '"Armenia","ARM","11.1","11.6",\n'
)


def rows_of(path: Path, **options: object) -> tuple[list[str], list[tuple[int, list[object], list[str]]]]:
    with open_table(path, **options) as table:  # type: ignore[arg-type]
        return table.columns, [(r.number, r.cells, r.problems) for r in table.rows]


def test_a_csv_gives_its_header_and_numbered_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("place, year ,killed\nGrozny,2014,40\n\nNalchik,2015,7,extra\n", encoding="utf-8")
    columns, rows = rows_of(path)
    assert columns == ["place", "year", "killed"]
    assert rows[0] == (2, ["Grozny", "2014", "40"], [])
    assert rows[1][:2] == (3, [])  # a blank line keeps its row number
    assert rows[2][0] == 4
    assert rows[2][2] == ["this row has 4 cells but the header has 3; extra cells ignored"]


def test_empty_and_repeated_header_cells_get_names(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("title,,title,\na,b,c,\n", encoding="utf-8")
    # a separator ending every line makes no column
    assert read_header(path) == ["title", unnamed(2), "title (3)"]


def test_notes_above_the_header_are_passed_over_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "gdp.csv"
    path.write_text(WORLD_BANK, encoding="utf-8")
    columns, rows = rows_of(path, preamble=True)
    assert columns == ["Country Name", "Country Code", "2013", "2014"]
    assert [r[1][0] for r in rows] == ["Georgia", "Armenia"]
    assert rows[0][0] == 6  # the row as a spreadsheet numbers it
    assert read_header(path)[0] == "Data Source"  # not asked: the first row is the header


def test_a_workbook_with_notes_and_number_headers(tmp_path: Path) -> None:
    path = tmp_path / "gdp.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["GDP growth, annual %"])
    sheet.append([])
    sheet.append(["Country", 2013, dt.datetime(2014, 1, 1)])
    sheet.append(["Georgia", 3.4, 4.6])
    sheet.append(["Armenia", 3.3])
    workbook.save(path)
    columns, rows = rows_of(path, preamble=True)
    assert columns == ["Country", "2013", "2014"]
    assert rows == [(4, ["Georgia", 3.4, 4.6], []), (5, ["Armenia", 3.3], ["this row has 2 cells but the header has 3"])]


def test_a_sheet_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.append(["a", "b"])
    second = workbook.create_sheet("Deaths")
    second.append(["place", "killed"])
    workbook.save(path)
    assert rows_of(path, sheet="Deaths")[0] == ["place", "killed"]
    assert rows_of(path, sheet=1)[0] == ["place", "killed"]
    with pytest.raises(IngestError, match="no sheet named 'Injured'"):
        rows_of(path, sheet="Injured")


def test_a_broken_quote_is_refused_before_any_row(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('title,text\nOne,"fine"\nTwo,"never closed\nThree,x\n', encoding="utf-8")
    with pytest.raises(IngestError, match="line 3"):
        rows_of(path)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        read_header(path)


def test_a_cp1251_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes("Регион;Год;Убито\nДагестан;2014;208\n".encode("cp1251"))
    columns, rows = rows_of(path)
    assert columns == ["Регион", "Год", "Убито"]
    assert rows[0][1] == ["Дагестан", "2014", "208"]


@pytest.mark.parametrize(
    ("cell", "name"),
    [(2014.0, "2014"), (dt.date(1999, 12, 31), "1999"), ("  Country \n Name ", "Country Name"), (None, "")],
)
def test_header_cells_as_column_names(cell: object, name: str) -> None:
    assert column_name(cell) == name


def test_columns_are_found_by_their_names() -> None:
    columns = ["Source URL", "Source", "Article_Text", "Country-Name"]
    assert column_key("Article_Text") == "article text"
    assert find_column(columns, ("source",)) == "Source"
    assert find_column(columns, ("source",), taken=["Source"]) is None
    assert find_column(columns, ("text",)) is None
    assert find_column(columns, ("text",), whole=False) == "Article_Text"
    assert find_column(columns, ("url",), whole=False, shortest=4) is None
    assert find_column(columns, ("country name",)) == "Country-Name"
