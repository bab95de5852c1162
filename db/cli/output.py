"""What the headless commands print: JSON and CSV for scripts, aligned tables and progress for people.

Problems go to stderr, one line each, ``PATH: what is wrong``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

#: the widest a table cell gets before it is cut
CELL_LIMIT = 60


def problem(line: str) -> None:
    """One problem on stderr, as ``PATH: what is wrong``: always one line, whatever it quotes
    (a file name with a line break, an SQL statement): line breaks are written as ``\\n``."""
    print(one_line(line), file=sys.stderr)


def one_line(text: str) -> str:
    """``text`` with its line breaks written out as ``\\n`` (and ``\\r``)."""
    return text.replace("\r\n", "\\n").replace("\r", "\\r").replace("\n", "\\n")


def print_json(data: object, out: TextIO | None = None) -> None:
    out = sys.stdout if out is None else out
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def print_json_items(items: Iterable[object], out: TextIO | None = None) -> None:
    """A JSON array written item by item as ``print_json`` would write it whole (for results that
    come one at a time and are never all held: a million rows of a table)."""
    out = sys.stdout if out is None else out
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + body)
        first = False
    out.write("[]\n" if first else "\n]\n")


def print_csv(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO | None = None
) -> None:
    writer = csv.DictWriter(sys.stdout if out is None else out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def print_table(rows: Iterable[Sequence[str]], headers: Sequence[str], out: TextIO | None = None) -> None:
    """Aligned columns for people; long cells are cut so a line stays readable.

    A cell's line breaks and runs of spaces become one space: a quote from a hard-wrapped text
    (PDF lines, e-mail) would otherwise break its row in two.
    """
    out = sys.stdout if out is None else out

    def cell(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"

    cells = [list(headers)] + [[cell(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def text(value: object) -> str:
    """A cell's text: empty for an unknown value."""
    return "" if value is None else str(value)


class Progress:
    """A one-line progress display on a terminal (stderr); silent when piped.

    Called as ``report(done, total, current)``, the callback long work in ``db`` takes.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.active = self.stream.isatty()

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.active or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        name = Path(current).name[-40:] if current else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        self.stream.flush()

    def interrupt(self) -> None:
        """Clear the line before something else is printed (the next call draws it again)."""
        self.close()

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()
