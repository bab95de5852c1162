"""Tables of articles (.csv, .tsv, .xlsx, .jsonl): one source per row.

Columns map to title/published/outlet/author/url/text/language; ``guess_mapping`` proposes a
mapping from the header names (the GUI confirms it in a dialog; the CLI takes options).

The file is read by :mod:`db.ingest.tablefile`: the first row that is not empty is the header,
and rows are numbered as a spreadsheet numbers them, so "row 17" is what the researcher sees
when opening the file (JSON Lines rows are numbered by line).

A CSV or JSON Lines file that is broken in its structure (an unclosed or stray quote, a line that
is not JSON) is refused as a whole, with the line where the damage starts, before any row is
returned: a broken quote silently swallows the rows after it, so importing "the rest" would lose
articles without anyone noticing. Smaller per-row problems (too many or too few cells, a date
that cannot be read) are warnings on that row's source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.ingest._common import (
    ambiguous_date,
    date_from_datetime,
    first_line_title,
    parse_date,
    trim_title,
)
from db.ingest.base import IngestError, ParsedSource
from db.ingest.tablefile import find_column, open_table

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

# Header names people use for each field, best first; matched as db.ingest.tablefile.column_key
# reads a header (case folded, "_", "-" and "." as spaces).
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


def guess_mapping(columns: list[str]) -> TableOptions:
    """Propose which column is the title, text, date ... from the header names."""
    taken: list[str] = []
    chosen: dict[str, str] = {}
    # Exact names first, for every field, so "source url" is never taken as the outlet.
    for field_name, names in _NAMES.items():
        match = find_column(columns, names, taken=taken)
        if match is not None:
            chosen[field_name] = match
            taken.append(match)
    # Then names held as words ("article_text", "pub_date"); not "by", "url" ... which would
    # match inside unrelated names.
    for field_name, names in _NAMES.items():
        if field_name not in chosen:
            match = find_column(columns, names, taken=taken, whole=False, shortest=4)
            if match is not None:
                chosen[field_name] = match
                taken.append(match)
    return TableOptions(**chosen)


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """One source per row of a table of articles."""
    if options is not None and not isinstance(options, TableOptions):
        raise TypeError("options must be TableOptions")
    encoding = options.encoding if options is not None else None
    delimiter = options.delimiter if options is not None else None
    with open_table(path, encoding=encoding, delimiter=delimiter) as table:
        columns = table.columns
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
        for row in table.rows:
            source = _row_source(mapping, index, row.cells, row.problems)
            if source is not None:
                source.part = f"row {row.number}"
                yield source


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
