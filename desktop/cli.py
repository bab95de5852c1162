"""The ``dossier`` command: the window by default, headless subcommands for scripts.

The headless commands never import Qt; only opening the window (or ``screenshot``) does.
Exit status: 0 done, 1 some input failed (the rest was processed and saved), 2 usage error or the
archive cannot be opened. Problems go to stderr, one line each: ``PATH: what is wrong``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 itself; keep its wording
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"dossier: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dossier", description="Dossier: an offline archive of sources, actors and statistics.")
    parser.add_argument("--archive", help="archive file (SQLite) or URL (postgresql://...); default: the archive in your data folder")
    parser.add_argument("--smoke", action="store_true", help="open the window, run ~1 s and exit (packaging check)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = commands.add_parser("import", help="import files or folders (recursively)")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--password", help="password for encrypted PDFs")
    p.add_argument("--keep-duplicates", action="store_true", help="import files the archive already has")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="for tables: which column holds title/published/outlet/author/url/text/language")

    p = commands.add_parser("sources", help="list the sources")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("show", help="one source with its text, annotations, mentions and statistics")
    p.add_argument("source_id", type=int)
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("search", help="full-text search over the sources")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)

    p = commands.add_parser("actors", help="list the actors with their aliases")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("stats", help="list the statistics (claims)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true")
    group.add_argument("--csv", action="store_true")

    p = commands.add_parser("suggest", help="suggested mentions and statistics for a source (saves nothing)")
    p.add_argument("source_id", type=int)
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("screenshot", help="render the main window to a PNG")
    p.add_argument("out", type=Path)
    p.add_argument("--source", type=int, dest="source_id")
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=900)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from db import __version__

        print(f"dossier {__version__}")
        return EXIT_OK
    if args.command is None or args.command == "screenshot":
        from desktop.app import run_gui

        return run_gui(args)

    from db.archive import ArchiveError
    from db.location import open_archive

    try:
        opened = open_archive(args.archive)
    except ArchiveError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    try:
        handler: Callable[[Any, argparse.Namespace], int] = COMMANDS[args.command]
        return handler(opened, args)
    except BrokenPipeError:
        return EXIT_OK
    finally:
        opened.close()


# --- output helpers --------------------------------------------------------------------------


def _print_json(data: object, out: TextIO = sys.stdout) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _table(rows: list[list[str]], headers: list[str], out: TextIO = sys.stdout) -> None:
    """Aligned columns for people; long cells are cut so a line stays readable.

    A cell's line breaks and runs of spaces become one space: a quote from a hard-wrapped text
    (PDF lines, e-mail) would otherwise break its row in two.
    """
    limit = 60

    def cell(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= limit else value[: limit - 1] + "…"

    cells = [list(headers)] + [[cell(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _value(statistic: Any) -> str:
    """"~1,200 (1,000–1,500)", "≥ 19", "249": a value as the window's Value column reads.

    A claim of "at least 19" has a lower bound and no value; without the bounds its cell was
    empty, and "at least 110" read as exactly 110.
    """
    text = ("~" if statistic.approximate else "") + _number(statistic.value)
    low, high = statistic.low, statistic.high
    if low is None and high is None:
        return text
    if low is not None and high is not None:
        bounds = f"{_number(low)}–{_number(high)}"
    elif low is not None:
        bounds = f"≥ {_number(low)}"
    else:
        bounds = f"≤ {_number(high)}"
    return f"{text} ({bounds})" if statistic.value is not None else bounds


def _text(value: object) -> str:
    return "" if value is None else str(value)


class _Progress:
    """A one-line progress display on a terminal (stderr); silent when piped."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.active = stream.isatty()

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.active or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        name = Path(current).name[-40:] if current else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()


# --- commands --------------------------------------------------------------------------------


def cmd_import(opened: Any, args: argparse.Namespace) -> int:
    from db.importer import ImportOptions, import_paths

    table_options = None
    if args.map:
        from db.ingest.table import TableOptions

        mapping: dict[str, str] = {}
        for item in args.map:
            key, sep, column = item.partition("=")
            if not sep:
                print(f"dossier: --map takes FIELD=COLUMN, not {item!r}", file=sys.stderr)
                return EXIT_USAGE
            mapping[key.strip()] = column.strip()
        try:
            table_options = TableOptions(**mapping)
        except TypeError as error:
            print(f"dossier: --map: {error}", file=sys.stderr)
            return EXIT_USAGE
    progress = _Progress()
    try:
        results = import_paths(
            opened,
            args.paths,
            ImportOptions(password=args.password, table_options=table_options, keep_duplicates=args.keep_duplicates),
            report=progress,
        )
    finally:
        progress.close()
    failed = [r for r in results if r.status == "failed"]
    for result in failed:
        print(result.describe(), file=sys.stderr)
    if args.json:
        _print_json([r.to_json() for r in results])
    else:
        for result in results:
            if result.status != "failed":
                print(result.describe())
        tally = {s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "skipped", "failed")}
        print(", ".join(f"{n} {s}" for s, n in tally.items()))
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def cmd_sources(opened: Any, args: argparse.Namespace) -> int:
    from db.queries import list_sources

    with opened.session() as session:
        rows = list_sources(session)
    if args.json:
        _print_json([r.to_json() for r in rows])
    else:
        _table(
            [[str(r.id), _text(r.published), r.title, _text(r.outlet), r.kind] for r in rows],
            ["id", "published", "title", "outlet", "kind"],
        )
    return EXIT_OK


def cmd_show(opened: Any, args: argparse.Namespace) -> int:
    from db.queries import source_detail

    with opened.session() as session:
        detail = source_detail(session, args.source_id)
    if detail is None:
        print(f"{args.source_id}: no such source", file=sys.stderr)
        return EXIT_INPUT_FAILED
    if args.json:
        _print_json(detail.to_json())
        return EXIT_OK
    row = detail.row
    print(row.title)
    print(" · ".join(x for x in (_text(row.published), _text(row.outlet), _text(row.author), _text(row.url)) if x))
    print()
    print(detail.text)
    if detail.statistics:
        print("\nStatistics:")
        for s in detail.statistics:
            print(f"  {_number(s.value)} {s.measure} {_text(s.subject)} — {s.claimant or 'the author'}: “{s.quote}”")
    return EXIT_OK


def cmd_search(opened: Any, args: argparse.Namespace) -> int:
    from db.search import search_sources

    with opened.session() as session:
        hits = search_sources(session, args.query, limit=args.limit, marks=("[", "]"))
    if args.json:
        _print_json([{"source_id": h.source_id, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet} for h in hits])
    else:
        _table([[str(h.source_id), f"{h.score:.2f}", h.title, " ".join(h.snippet.split())] for h in hits],
               ["id", "score", "title", "snippet"])
    return EXIT_OK


def cmd_actors(opened: Any, args: argparse.Namespace) -> int:
    from db.queries import list_actors

    with opened.session() as session:
        rows = list_actors(session)
    if args.json:
        _print_json([r.to_json() for r in rows])
    else:
        _table([[str(r.id), r.name, r.kind, "; ".join(r.aliases), str(r.mention_count)] for r in rows],
               ["id", "name", "kind", "aliases", "mentions"])
    return EXIT_OK


STAT_COLUMNS = ["id", "value", "low", "high", "approximate", "measure", "unit", "subject",
                "period_start", "period_end", "place", "claimant", "source_id", "quote"]


def cmd_stats(opened: Any, args: argparse.Namespace) -> int:
    from db.queries import list_statistics

    with opened.session() as session:
        rows = list_statistics(session)
    if args.json:
        _print_json([r.to_json() for r in rows])
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=[*STAT_COLUMNS, "uuid", "start", "end"], lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow(r.to_json())
    else:
        _table(
            [[str(r.id), _value(r), r.measure, _text(r.subject),
              "–".join(dict.fromkeys(_text(d) for d in (r.period_start, r.period_end) if d)),
              _text(r.place), r.claimant or "(author)", _text(r.source_id)] for r in rows],
            ["id", "value", "measure", "subject", "period", "place", "claimant", "source"],
        )
    return EXIT_OK


def cmd_suggest(opened: Any, args: argparse.Namespace) -> int:
    from db.suggestions import suggestions_for_source

    with opened.session() as session:
        result = suggestions_for_source(session, args.source_id)
    if result is None:
        print(f"{args.source_id}: no such source", file=sys.stderr)
        return EXIT_INPUT_FAILED
    if args.json:
        _print_json(result.to_json())
    else:
        print("Mentions:")
        _table([[m.name, _text(m.kind), "known" if m.actor_id else "new", str(m.start), m.quote] for m in result.mentions],
               ["name", "kind", "actor", "at", "quote"])
        print("\nStatistics:")
        _table([[_value(s), _text(s.measure), _text(s.subject), s.claimant or "(author)", s.quote] for s in result.statistics],
               ["value", "measure", "subject", "claimant", "quote"])
    return EXIT_OK


COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "import": cmd_import,
    "sources": cmd_sources,
    "show": cmd_show,
    "search": cmd_search,
    "actors": cmd_actors,
    "stats": cmd_stats,
    "suggest": cmd_suggest,
}
