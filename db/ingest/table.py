"""Tables of articles (.csv, .tsv, .xlsx, .jsonl): one source per row.

Columns map to title/published/outlet/author/url/text/language; ``guess_mapping`` proposes a
mapping from the header names (the GUI confirms it in a dialog; the CLI takes options).

The first row is the header. Rows are numbered as a spreadsheet numbers them (the header is
row 1), so "row 17" is what the researcher sees when opening the file; JSON Lines rows are
numbered by line.

A CSV or JSON Lines file that is broken in its structure (an unclosed or stray quote, a line that
is not JSON) is refused as a whole, with the line where the damage starts, before any row is
returned: a broken quote silently swallows the rows after it, so importing "the rest" would lose
articles without anyone noticing. Smaller per-row problems (too many or too few cells, a date
that cannot be read) are warnings on that row's source.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.ingest._common import (
    ambiguous_date,
    check_regular_file,
    date_from_datetime,
    first_line_title,
    parse_date,
    trim_title,
)
from db.ingest.base import IngestError, ParsedSource

EXTENSIONS: tuple[str, ...] = (".csv", ".tsv", ".xlsx", ".jsonl")
MEDIA_TYPE = "text/csv"
#: the importer stores a table row by row (one source per row)
TABLE = True
MEDIA_TYPES = {
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jsonl": "application/jsonl",
}

# Article texts can be long; the csv module's default cap is 128 KiB per cell.
_FIELD_LIMIT = 16 * 1024 * 1024
_SAMPLE = 1 << 20


@dataclass(frozen=True)
class TableOptions:
    """Which column holds what (a header name or None), and how to read the file."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    text: str | None = None
    language: str | None = None
    #: None guesses the encoding (CSV/TSV only)
    encoding: str | None = None
    #: None guesses it: a tab for .tsv, otherwise sniffed among , ; tab |
    delimiter: str | None = None


MAPPED_FIELDS = ("title", "published", "outlet", "author", "url", "text", "language")

# Header names people use for each field, best first; matched after lower-casing and turning
# "_", "-" and "." into spaces.
_NAMES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "href", "uri", "source url", "sourceurl", "web address", "permalink"),
    # Not "name": in tables of events it is usually a person's or a group's name.
    "title": ("title", "headline", "heading", "subject"),
    "published": (
        "published",
        "date",
        "publication date",
        "published at",
        "date published",
        "pubdate",
        "pub date",
        "datetime",
        "published date",
        "time",
        "created",
        "timestamp",
        "year",
    ),
    "outlet": (
        "outlet",
        "source",
        "publisher",
        "publication",
        "newspaper",
        "site",
        "site name",
        "media",
        "medium",
        "channel",
    ),
    "author": ("author", "authors", "byline", "by", "writer", "creator", "journalist"),
    "text": (
        "text",
        "body",
        "content",
        "article",
        "full text",
        "story",
        "description",
        "summary",
        "abstract",
        "lead",
    ),
    "language": ("language", "lang", "locale"),
}
_SEPARATORS = re.compile(r"[\s_.\-]+")


def guess_mapping(columns: list[str]) -> TableOptions:
    """Propose which column is the title, text, date ... from the header names."""
    normal = {column: _SEPARATORS.sub(" ", column.strip().lower()).strip() for column in columns}
    taken: set[str] = set()
    chosen: dict[str, str] = {}
    # Exact names first, for every field, so "source url" is never taken as the outlet.
    for field_name, names in _NAMES.items():
        for name in names:
            match = next((c for c in columns if normal[c] == name and c not in taken), None)
            if match is not None:
                chosen[field_name] = match
                taken.add(match)
                break
    # Then names containing a known word ("article_text", "pub_date").
    for field_name, names in _NAMES.items():
        if field_name in chosen:
            continue
        for name in names:
            if len(name) < 4:
                continue  # "by", "url" ... would match inside unrelated words
            match = next(
                (c for c in columns if c not in taken and name in normal[c].split(" ")), None
            )
            if match is not None:
                chosen[field_name] = match
                taken.add(match)
                break
    return TableOptions(**chosen)


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """One source per row of a table of articles."""
    if options is not None and not isinstance(options, TableOptions):
        raise TypeError("options must be TableOptions")
    if check_regular_file(path) == 0:
        raise IngestError("empty file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        table = _xlsx_rows(path)
    elif suffix == ".jsonl":
        table = _jsonl_rows(path)
    else:
        table = _csv_rows(path, options, suffix)
    columns = _next(table, "the header")
    assert isinstance(columns, list)
    mapping = options if options is not None else guess_mapping(columns)
    missing = [
        getattr(mapping, name)
        for name in MAPPED_FIELDS
        if getattr(mapping, name) is not None and getattr(mapping, name) not in columns
    ]
    if missing:
        raise IngestError(f"no column named {', '.join(map(repr, missing))} in this table")
    if mapping.text is None and mapping.title is None:
        raise IngestError(
            "no column looks like the text or the title of an article; "
            f"choose them among: {', '.join(columns)}"
        )
    index = {column: position for position, column in enumerate(columns)}
    last = "the header"
    while (item := _next(table, last)) is not None:
        number, cells, problems = item
        last = f"row {number}"
        source = _row_source(mapping, index, cells, problems)
        if source is not None:
            source.part = last
            yield source


def _next(table: _Rows, after: str) -> Any:
    """The next item of a table reader, None at the end; library failures become IngestError."""
    try:
        return next(table)
    except StopIteration:
        return None
    except IngestError:
        raise
    except Exception as exc:  # a file changed or damaged while being read
        raise IngestError(f"the table cannot be read after {after}: {exc}") from None


def _cell(cells: list[Any], index: dict[str, int], column: str | None) -> Any:
    if column is None:
        return None
    position = index[column]
    value = cells[position] if position < len(cells) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _row_source(
    mapping: TableOptions, index: dict[str, int], cells: list[Any], problems: list[str]
) -> ParsedSource | None:
    values = {name: _cell(cells, index, getattr(mapping, name)) for name in MAPPED_FIELDS}
    if all(value is None for value in values.values()):
        return None  # an empty row (trailing lines, spacer rows)
    warnings = list(problems)
    text = _text(values["text"]) or ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_date = values["published"]
    published = date_from_datetime(raw_date)
    if published is None and raw_date is not None:
        published = parse_date(_text(raw_date))
        if published is None:
            warnings.append(f"the date {_text(raw_date)!r} was not understood")
        elif ambiguous_date(_text(raw_date)):
            warnings.append(
                f"the date {_text(raw_date)!r} could be day/month or month/day;"
                f" it was read as {published.iso()}"
            )
    language = _text(values["language"])
    if language is not None:
        match = re.match(r"^[A-Za-z]{2,3}(?=$|[-_])", language)
        language = match.group(0).lower() if match else None
    if any("\ufffd" in (_text(v) or "") for v in values.values()):
        warnings.append("some characters could not be decoded and were replaced by �")
    return ParsedSource(
        text=text,
        title=trim_title(_text(values["title"])) or first_line_title(text),
        published=published,
        outlet=trim_title(_text(values["outlet"])),
        author=trim_title(_text(values["author"])),
        url=_text(values["url"]),
        language=language,
        warnings=warnings,
    )


# Each reader below yields the header (a list of column names) first, then
# (row number, cells, problems) for each row.
_Rows = Iterator[Any]


def _header(cells: Iterable[Any]) -> list[str]:
    columns: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = _text(cell) or f"column {position}"
        if name in columns:
            name = f"{name} ({position})"
        columns.append(name)
    return columns


def _shape_problems(cells: list[Any], width: int) -> list[str]:
    if len(cells) > width and any(_text(c) for c in cells[width:]):
        return [f"this row has {len(cells)} cells but the header has {width}; extra cells ignored"]
    if len(cells) < width:
        return [f"this row has {len(cells)} cells but the header has {width}"]
    return []


def _csv_rows(path: Path, options: TableOptions | None, suffix: str) -> _Rows:
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    if not sample.strip():
        raise IngestError("empty file")
    encoding = options.encoding if options and options.encoding else _encoding(sample)
    delimiter = options.delimiter if options and options.delimiter else None
    if delimiter is None:
        delimiter = "\t" if suffix == ".tsv" else _sniff_delimiter(sample, encoding)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    _check_csv(path, encoding, delimiter)
    with _open_text(path, encoding) as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        columns = _header(next(reader, []))
        yield columns
        for number, cells in enumerate(reader, start=2):
            yield number, cells, _shape_problems(cells, len(columns))


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    try:
        return path.open(encoding=encoding, errors="replace", newline="")
    except (OSError, LookupError) as exc:
        raise IngestError(f"cannot read the file: {exc}") from None


def _check_csv(path: Path, encoding: str, delimiter: str) -> None:
    """Read the whole file once so that a broken quote is found before any row is stored."""
    with _open_text(path, encoding) as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
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
        import codecs

        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from db.ingest.text import guess_encoding

    return guess_encoding(sample)


def _sniff_delimiter(sample: bytes, encoding: str) -> str:
    text = sample.decode(encoding, errors="replace")
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _jsonl_rows(path: Path) -> _Rows:
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
                cells = [_json_value(item.get(column)) for column in columns]
                yield line_number, cells, []


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


def _xlsx_rows(path: Path) -> _Rows:
    import zipfile

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError(f"not a readable .xlsx workbook (encrypted or damaged?): {exc}") from None
    except Exception as exc:  # openpyxl's own InvalidFileException and friends
        raise IngestError(f"not a readable .xlsx workbook: {exc}") from None
    try:
        # Chart sheets have no cells; take the active sheet if it has them, else the first.
        sheets = [workbook.active, *workbook.worksheets]
        sheet = next((ws for ws in sheets if hasattr(ws, "iter_rows")), None)
        if sheet is None:
            raise IngestError("the workbook has no sheet of cells")
        rows = sheet.iter_rows(values_only=True)
        number = 0
        columns: list[str] = []
        for cells in rows:
            number += 1
            if any(c is not None and str(c).strip() for c in cells):
                columns = _header(cells)
                break
        if not columns:
            raise IngestError("the first sheet is empty")
        yield columns
        for cells in rows:
            number += 1
            values = list(cells)
            while values and values[-1] is None:
                values.pop()  # read-only sheets pad rows to the widest one
            yield number, values, _shape_problems(values, len(columns))
    finally:
        workbook.close()
