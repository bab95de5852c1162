"""Reading table files (.csv, .tsv, .txt, .xlsx, .xlsm, .jsonl): a header, then the rows.

The one reader behind tables of articles (:mod:`db.ingest.table`, one source per row) and
reference tables (:mod:`db.interchange.reference`, figures). :func:`open_table` gives the column
names and the rows one by one, so a file of a million rows is never held whole;
:func:`read_header` gives the column names alone.

- **CSV/TSV/TXT**: any encoding (a byte-order mark, UTF-8, else guessed with charset-normalizer);
  the separator is a tab for .tsv, otherwise sniffed among ``, ; tab |``. The whole file is read
  once first, so a broken quote (which silently swallows the rows after it) is refused with the
  line where the damage starts before any row is returned.
- **XLSX**: the active sheet if it has cells, else the first that does (or the one asked for).
- **JSON Lines**: one object per line; the columns are the keys the first 1,000 objects use.

The header is the first row that is not empty; with ``preamble=True`` it is the first row at least
as wide as most rows, so the notes above a World Bank download's header are passed over. Rows are
numbered as a spreadsheet numbers them (the header of a file without notes is row 1); JSON Lines
rows by line. Rows with too many or too few cells come with a problem to report, not an error.

Nothing here imports pandas: reading a table of articles must not cost its start-up time.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.ingest._bounds import check_members
from db.ingest._common import check_regular_file
from db.ingest._formulas import uncomputed_formulas
from db.ingest._formulas import warning as formula_warning
from db.ingest.base import IngestError
from db.ingest.text import guess_encoding

__all__ = [
    "Row",
    "Table",
    "TableError",
    "column_key",
    "column_name",
    "find_column",
    "open_table",
    "read_header",
    "unnamed",
]

#: cells may be long (whole articles); the csv module's default cap is 128 KiB per cell
_FIELD_LIMIT = 16 * 1024 * 1024
#: bytes read to guess the encoding and the separator
_SAMPLE = 1 << 20
#: rows looked at to find the header under notes
_PREAMBLE_ROWS = 40
_DELIMITERS = ",;\t|"


class TableError(IngestError):
    """A table file cannot be read, written or imported; the message says what is wrong and where."""


@dataclass(frozen=True)
class Row:
    """One row: its number as a spreadsheet shows it, its cells, and what is wrong with its shape."""

    number: int
    cells: list[Any]
    problems: list[str] = field(default_factory=list)


@dataclass
class Table:
    """An open table file: the column names, and the rows after the header (read as iterated)."""

    columns: list[str]
    rows: Iterator[Row]


@contextmanager
def open_table(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | int | None = None,
    preamble: bool = False,
) -> Iterator[Table]:
    """Open a table file for reading (see the module notes); IngestError when it cannot be read.

    ``encoding`` and ``delimiter`` override the guesses for CSV; ``sheet`` (a name or an index)
    chooses the sheet of a workbook; ``preamble`` looks for the header under lines of notes.
    """
    if check_regular_file(path) == 0:
        raise IngestError("empty file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        formulas: dict[int, list[str]] = {}
        items = _table(_xlsx_records(path, sheet, formulas), preamble, formulas)
    elif suffix == ".jsonl":
        items = _jsonl_items(path)
    else:
        items = _table(_csv_records(path, encoding, delimiter, suffix, preamble), preamble)
    try:
        header = _advance(items, "the header")
        if not isinstance(header, list):
            raise IngestError("the table has no header row")
        yield Table(header, _rows(items))
    finally:
        items.close()


def read_header(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> list[str]:
    """The column names of a table file, exactly as :func:`open_table` reads them."""
    with open_table(path, encoding=encoding, delimiter=delimiter) as table:
        return table.columns


# --- column names ------------------------------------------------------------------------------


def unnamed(position: int) -> str:
    """The name given to a column with an empty header cell (``position`` counts from 1)."""
    return f"column {position}"


def column_name(cell: Any) -> str:
    """A header cell as a column name: white space made single, a number without ".0" (a year
    typed as a number), a date as its year (spreadsheets store "2014" headers as dates)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return str(cell.year)
    return " ".join(str(cell).split())


def column_key(name: str) -> str:
    """The form header names are compared in: case folded, "_", "-" and "." read as spaces."""
    return " ".join(re.split(r"[\s_.\-]+", name.casefold())).strip()


def find_column(
    columns: Sequence[str], names: Iterable[str], *, taken: Iterable[str] = (),
    whole: bool = True, shortest: int = 1,
) -> str | None:
    """The column called by one of ``names`` (best first), leaving out ``taken``.

    With ``whole`` a column's key must be the name; otherwise it need only hold the name as words
    ("article_text" holds "text"), for names of at least ``shortest`` characters."""
    keys = {column: column_key(column) for column in columns if column not in set(taken)}
    for name in names:
        if len(name) < shortest:
            continue
        for column, key in keys.items():
            if key == name if whole else re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key):
                return column
    return None


def _header(cells: Iterable[Any]) -> list[str]:
    columns: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = column_name(cell) or unnamed(position)
        if name in columns:
            name = f"{name} ({position})"
        columns.append(name)
    while columns and columns[-1] == unnamed(len(columns)):
        columns.pop()  # a separator at the end of every line makes no column
    return columns


# --- rows ----------------------------------------------------------------------------------------

# A format reader yields (number, cells) records; _table turns them into the header and Rows.
_Records = Generator[tuple[int, list[Any]], None, None]
_Items = Generator[list[str] | Row, None, None]


def _filled(cells: list[Any]) -> bool:
    return any(c is not None and str(c).strip() for c in cells)


def _header_index(records: list[tuple[int, list[Any]]], preamble: bool) -> int | None:
    """Which of the first records is the header: the first that is not empty, or (``preamble``)
    the first at least as wide as most of them."""
    filled = [i for i, (_, cells) in enumerate(records) if _filled(cells)]
    if not filled:
        return None
    if preamble and len(records) >= 3:
        widths = [len(cells) for _, cells in records]
        # the most common width (the wider of equals: spreadsheet rows end at their last cell)
        common = max(set(widths), key=lambda width: (widths.count(width), width))
        if common >= 2:
            return next(i for i, width in enumerate(widths) if width >= common)
    return filled[0]


def _shape_problems(cells: list[Any], width: int) -> list[str]:
    if len(cells) > width and any(c is not None and str(c).strip() for c in cells[width:]):
        return [f"this row has {len(cells)} cells but the header has {width}; extra cells ignored"]
    if len(cells) < width and any(c is not None and str(c).strip() for c in cells):
        return [f"this row has {len(cells)} cells but the header has {width}"]
    return []


def _table(records: _Records, preamble: bool, notes: dict[int, list[str]] | None = None) -> _Items:
    try:
        first: list[tuple[int, list[Any]]] = []
        for record in records:
            first.append(record)
            if len(first) >= _PREAMBLE_ROWS:
                break
        index = _header_index(first, preamble)
        if index is None:
            raise IngestError("the table is empty")
        columns = _header(first[index][1])
        if not columns:
            raise IngestError("the table has no column names")
        yield columns
        width = len(columns)
        for number, cells in first[index + 1:]:
            yield Row(number, cells, _shape_problems(cells, width) + _notes(notes, number))
        for number, cells in records:
            yield Row(number, cells, _shape_problems(cells, width) + _notes(notes, number))
    finally:
        records.close()


def _notes(notes: dict[int, list[str]] | None, number: int) -> list[str]:
    """What the reader noticed about row ``number`` (formulas without values)."""
    if not notes or number not in notes:
        return []
    return [formula_warning(notes.pop(number))]


def _advance(items: _Items, after: str) -> list[str] | Row | None:
    """The next item, None at the end; a library failing on the file becomes IngestError."""
    try:
        return next(items)
    except StopIteration:
        return None
    except IngestError:
        raise
    except Exception as exc:  # a file changed or damaged while being read
        raise IngestError(f"the table cannot be read after {after}: {exc}") from None


def _rows(items: _Items) -> Iterator[Row]:
    last = "the header"
    while (item := _advance(items, last)) is not None:
        assert isinstance(item, Row)
        last = f"row {item.number}"
        yield item


# --- CSV -----------------------------------------------------------------------------------------


def _csv_records(
    path: Path, encoding: str | None, delimiter: str | None, suffix: str, preamble: bool,
) -> _Records:
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    if not sample.strip():
        raise IngestError("empty file")
    encoding = encoding or _encoding(sample)
    if delimiter is None:
        delimiter = "\t" if suffix == ".tsv" else _sniff(sample.decode(encoding, errors="replace"), preamble)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    _check_csv(path, encoding, delimiter)
    with _open_text(path, encoding) as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True, skipinitialspace=True)
        yield from enumerate(reader, start=1)


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    try:
        return path.open(encoding=encoding, errors="replace", newline="")
    except (OSError, LookupError) as exc:
        raise IngestError(f"cannot read the file: {exc}") from None


def _check_csv(path: Path, encoding: str, delimiter: str) -> None:
    """Read the whole file once so that a broken quote is found before any row is used."""
    with _open_text(path, encoding) as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True, skipinitialspace=True)
        started = 1
        try:
            for _ in reader:
                started = reader.line_num + 1
        except csv.Error as exc:
            raise IngestError(
                f"broken CSV in the row starting at line {started}: {exc} "
                "(an unclosed or stray quote?); nothing was imported from this file"
            ) from None


def _encoding(sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        # A multi-byte character may be cut at the end of the sample: decode incrementally.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return guess_encoding(sample)


def _sniff(text: str, preamble: bool) -> str:
    if preamble:
        # Sniff on the table itself, from its widest early line, not on the notes above it.
        lines = text.splitlines()
        if len(lines) >= 3:
            early = lines[:_PREAMBLE_ROWS]
            widest = max(range(len(early)), key=lambda i: sum(early[i].count(c) for c in _DELIMITERS))
            text = "\n".join(lines[widest : widest + 200])
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


# --- XLSX ----------------------------------------------------------------------------------------


def _xlsx_records(path: Path, sheet_wanted: str | int | None, formulas: dict[int, list[str]]) -> _Records:
    import openpyxl  # only when a workbook is read: it costs start-up time

    try:
        with zipfile.ZipFile(path) as archive:
            check_members(archive, "workbook")
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"not a readable .xlsx spreadsheet (encrypted or damaged?): {exc}") from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError(f"not a readable .xlsx spreadsheet (encrypted or damaged?): {exc}") from None
    except Exception as exc:  # openpyxl's own InvalidFileException and friends
        raise IngestError(f"not a readable .xlsx spreadsheet: {exc}") from None
    try:
        if isinstance(sheet_wanted, str):
            if sheet_wanted not in workbook.sheetnames:
                raise IngestError(f"the workbook has no sheet named {sheet_wanted!r}")
            sheet = workbook[sheet_wanted]
        elif isinstance(sheet_wanted, int):
            if not 0 <= sheet_wanted < len(workbook.worksheets):
                raise IngestError(f"the workbook has no sheet {sheet_wanted + 1}")
            sheet = workbook.worksheets[sheet_wanted]
        else:
            # Chart sheets have no cells; take the active sheet if it has them, else the first.
            sheets = [workbook.active, *workbook.worksheets]
            sheet = next((ws for ws in sheets if hasattr(ws, "iter_rows")), None)
        if sheet is None or not hasattr(sheet, "iter_rows"):
            raise IngestError("the workbook has no sheet of cells")
        # The size a sheet declares is not trusted: a cell at XFD1048576 would pad every row to
        # 16,384 cells and add a million empty rows.
        sheet.reset_dimensions()
        formulas.update(uncomputed_formulas(sheet))
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = list(cells)
            while values and values[-1] is None:
                values.pop()  # read-only sheets pad rows to the widest one
            yield number, values
    finally:
        workbook.close()


# --- JSON Lines ----------------------------------------------------------------------------------


def _jsonl_items(path: Path) -> _Items:
    columns: list[str] = []
    seen: set[str] = set()
    try:
        with path.open(encoding="utf-8-sig") as stream:
            for line_number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                item = _json_line(line, line_number)
                if line_number <= 1000:  # the header is what the first records use
                    for key in item:
                        if key not in seen:
                            seen.add(key)
                            columns.append(key)
    except UnicodeDecodeError as exc:
        raise IngestError(f"JSON Lines must be UTF-8: {exc.reason}") from None
    if not columns:
        raise IngestError("empty file")
    yield columns
    with path.open(encoding="utf-8-sig") as stream:
        for line_number, line in enumerate(stream, start=1):
            if line.strip():
                item = _json_line(line, line_number)
                yield Row(line_number, [_json_value(item.get(column)) for column in columns])


def _json_line(line: str, number: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise IngestError(
            f"line {number} is not valid JSON ({exc}); nothing was imported from this file"
        ) from None
    if not isinstance(item, dict):
        raise IngestError(f"line {number} is not a JSON object; nothing was imported")
    return item


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v is not None)
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else json.dumps(value, ensure_ascii=False)
    return value
