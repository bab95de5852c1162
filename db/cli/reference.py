"""``dossier reference FILE... [--map FIELD=COLUMN ...] [--json]``: reference data tables in.

Each table's mapping is guessed from its columns (:mod:`db.interchange.guessing`); ``--map``
overrides fields of the guess for every table named, ``--dates day-first|month-first`` how
"3/4/2015" reads (FIELD one of place, period, period_start,
period_end, value, low, high, measure, subject, unit; a field given twice is a list of columns:
the value columns of a long table, the year columns of a wide one). Each table is imported in
its own transaction as a dataset named after its file (``--dataset`` for one table): one that
fails leaves nothing behind and the others go on. ``--json`` prints ../shared/CONTRACT.md's
``[{"path", "status", "mapping", "values", "error"}]`` plus, beyond it, ``dataset`` and
``skipped`` (cells left out). Exit status 0 when every table was imported, 1 when one failed, 2
for a usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.cli.output import Progress, print_json, print_table, problem

if TYPE_CHECKING:
    from db.archive import Archive

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2
FIELDS = ("place", "period", "period_start", "period_end", "value", "low", "high", "measure",
          "subject", "unit")


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    p = commands.add_parser("reference", help="import reference data tables (counts by place and period)")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help=f"which column holds a field ({', '.join(FIELDS)}); repeat a field for several "
                        "columns; a value that is not a column is fixed for every row (period=1993)")
    p.add_argument("--dates", choices=("day-first", "month-first"),
                   help="how 3/4/2015 reads (default: as the column's other dates show, else day first)")
    p.add_argument("--dataset", help="the dataset's name (one FILE only; default: from the file name)")
    p.add_argument("--replace", action="store_true", help="replace a dataset of the same name")
    p.add_argument("--json", action="store_true")


def dataset_name(path: Path) -> str:
    """A dataset named after its file: "terrorism_eu_fatalities.csv" -> "terrorism eu fatalities"."""
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split()) or path.name


def parse_map(items: list[str]) -> dict[str, list[str]]:
    """``FIELD=COLUMN`` items as {field: [columns]}; ValueError naming the bad item."""
    given: dict[str, list[str]] = {}
    for item in items:
        field, sep, column = item.partition("=")
        field = field.strip()
        if not sep or not column.strip():
            raise ValueError(f"--map takes FIELD=COLUMN, not {item!r}")
        if field not in FIELDS:
            raise ValueError(f"--map: unknown field {field!r} (fields: {', '.join(FIELDS)})")
        given.setdefault(field, []).append(column.strip())
    return given


def _import_one(opened: Archive, path: Path, dataset: str, given: dict[str, list[str]],
                replace_existing: bool, day_first: bool | None = None) -> dict[str, object]:
    from db.ingest.tablefile import TableError, column_name
    from db.interchange.layouts import guess_mapping
    from db.interchange.mapping_fields import mapping_fields, with_fields
    from db.interchange.reference import import_reference_table, read_table
    from db.queries import list_actors
    from db.vocabulary import ActorKind

    result: dict[str, object] = {"path": str(path), "status": "failed", "mapping": dict.fromkeys(FIELDS), "values": 0,
                                 "error": None, "dataset": dataset, "skipped": 0}
    try:
        frame = read_table(path)
        frame.columns = [column_name(c) for c in frame.columns]
        with opened.session() as session:
            known = [a.name for a in list_actors(session, kind=ActorKind.PLACE.value)]
        try:
            mapping = guess_mapping(frame, path.name, known)
        except TableError:
            if not given:
                raise
            # the fields given may be all it takes (a table the guesser cannot read)
            from db.interchange.layouts import TableMapping

            mapping = TableMapping("long")
        mapping = with_fields(mapping, frame, given)
        if day_first is not None:
            from dataclasses import replace

            mapping = replace(mapping, day_first=day_first)
        result["mapping"] = mapping_fields(mapping)
        with opened.session() as session:  # one transaction: all of the table or nothing
            summary = import_reference_table(session, frame, dataset, mapping,
                                             replace_existing=replace_existing)
    except TableError as error:
        message = str(error)
        for prefix in (f"{path}: ", f"{path.name}: "):  # the path is said once, before the line
            message = message.removeprefix(prefix)
        result["error"] = message
        return result
    result.update(status="imported", mapping=mapping_fields(summary.mapping), values=summary.statistics,
                  skipped=summary.skipped_count)
    return result


def _describe(mapping: object) -> str:
    if not isinstance(mapping, dict):
        return ""
    parts = []
    for field, column in mapping.items():
        if column is None:
            continue
        if isinstance(column, list):
            column = f"{column[0]} … {column[-1]} ({len(column)})" if len(column) > 3 else ", ".join(column)
        parts.append(f"{field}={column}")
    return "; ".join(parts)


def cmd_reference(opened: Archive, args: argparse.Namespace) -> int:
    try:
        given = parse_map(args.map)
    except ValueError as error:
        problem(f"dossier: {error}")
        return EXIT_USAGE
    if args.dataset is not None and len(args.paths) > 1:
        problem("dossier: --dataset names one table's dataset: give one FILE")
        return EXIT_USAGE
    progress = Progress()
    results = []
    try:
        for done, path in enumerate(args.paths):
            progress(done, len(args.paths), str(path))
            dataset = " ".join((args.dataset or "").split()) or dataset_name(path)
            order = None if args.dates is None else args.dates == "day-first"
            result = _import_one(opened, path, dataset, given, args.replace, order)
            if result["status"] == "failed":
                progress.interrupt()
                problem(f"{path}: {result['error']}")
            results.append(result)
        progress(len(args.paths), len(args.paths), "")
    finally:
        progress.close()
    if args.json:
        print_json(results)
    else:
        print_table(
            [[str(r["path"]), str(r["status"]), f"{r['values']:,}", str(r["dataset"]), _describe(r["mapping"])]
             for r in results],
            ["table", "status", "figures", "dataset", "mapping"],
        )
    return EXIT_INPUT_FAILED if any(r["status"] == "failed" for r in results) else EXIT_OK
