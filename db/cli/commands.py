"""The headless commands: each takes the open archive and the parsed arguments, returns an exit status.

Exit status: 0 done, 1 some input failed (the rest was processed and saved), 2 usage error or the
archive cannot be opened. Each command imports the part of the core it runs when it runs, so a
quick ``dossier sources`` does not load the importer and the extractors.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from db import values
from db.cli.crypto import cmd_decrypt, cmd_encrypt, cmd_rekey
from db.cli.edits import cmd_actor, cmd_annotate, cmd_stat
from db.cli.exports import cmd_export
from db.cli.findings import cmd_estimate
from db.cli.output import (
    Progress,
    print_csv,
    print_json,
    print_json_items,
    print_table,
    problem,
    text,
)
from db.cli.protect import cmd_backup, cmd_check
from db.cli.reference import cmd_reference
from db.cli.team import cmd_author, cmd_merge, cmd_send_copy

if TYPE_CHECKING:
    from db.archive import Archive

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2

#: the columns of ``stats --csv``, in order
STAT_COLUMNS = ["id", "value", "low", "high", "approximate", "measure", "unit", "subject",
                "period_start", "period_end", "place", "claimant", "source_id", "quote",
                "uuid", "start", "end"]


def cmd_import(opened: Archive, args: argparse.Namespace) -> int:
    from db.importer import ImportOptions, ImportResult, iter_import
    from db.ingest.table import TableOptions

    table_options = None
    if args.map:
        mapping: dict[str, str] = {}
        for item in args.map:
            key, sep, column = item.partition("=")
            if not sep:
                problem(f"dossier: --map takes FIELD=COLUMN, not {item!r}")
                return EXIT_USAGE
            mapping[key.strip()] = column.strip()
        try:
            table_options = TableOptions(**mapping)
        except TypeError as error:
            problem(f"dossier: --map: {error}")
            return EXIT_USAGE
    progress = Progress()
    tally = dict.fromkeys(("imported", "duplicate", "skipped", "failed"), 0)

    def said(results: Iterable[ImportResult]) -> Iterator[dict[str, object]]:
        """Each result counted and, if it failed, said on stderr as it comes."""
        for result in results:
            tally[result.status] += 1
            if result.status == "failed" or not args.json:
                progress.interrupt()
            if result.status == "failed":
                problem(result.describe())
            elif not args.json:
                print(result.describe())
            yield result.to_json()

    options = ImportOptions(password=args.password, table_options=table_options, keep_duplicates=args.keep_duplicates)
    try:
        results = said(iter_import(opened, args.paths, options, report=progress))
        if args.json:
            print_json_items(results)
        else:
            for _ in results:
                pass
    finally:
        progress.close()
    if not args.json:
        print(", ".join(f"{n} {s}" for s, n in tally.items()))
    return EXIT_INPUT_FAILED if tally["failed"] else EXIT_OK


def cmd_sources(opened: Archive, args: argparse.Namespace) -> int:
    from db.queries import list_sources

    with opened.session() as session:
        rows = list_sources(session)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        print_table(
            [[str(r.id), text(r.published), r.title, text(r.outlet), r.kind] for r in rows],
            ["id", "published", "title", "outlet", "kind"],
        )
    return EXIT_OK


def cmd_show(opened: Archive, args: argparse.Namespace) -> int:
    from db.queries import source_detail

    with opened.session() as session:
        detail = source_detail(session, args.source_id)
    if detail is None:
        problem(f"{args.source_id}: no such source")
        return EXIT_INPUT_FAILED
    if args.json:
        print_json(detail.to_json())
        return EXIT_OK
    row = detail.row
    print(row.title)
    print(" · ".join(x for x in (text(row.published), text(row.outlet), text(row.author), text(row.url)) if x))
    print()
    print(detail.text)
    if detail.statistics:
        print("\nStatistics:")
        for s in detail.statistics:
            print(f"  {values.format(s)} {s.measure} {text(s.subject)} — {s.claimant or 'the author'}: “{s.quote}”")
    return EXIT_OK


def cmd_search(opened: Archive, args: argparse.Namespace) -> int:
    from db.search import search_sources

    with opened.session() as session:
        hits = search_sources(session, args.query, limit=args.limit, marks=("[", "]"))
    if args.json:
        print_json([{"source_id": h.source_id, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet} for h in hits])
    else:
        print_table([[str(h.source_id), f"{h.score:.2f}", h.title, " ".join(h.snippet.split())] for h in hits],
                    ["id", "score", "title", "snippet"])
    return EXIT_OK


def cmd_actors(opened: Archive, args: argparse.Namespace) -> int:
    from db.queries import list_actors

    with opened.session() as session:
        rows = list_actors(session)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        print_table([[str(r.id), r.name, r.kind, "; ".join(r.aliases), str(r.mention_count)] for r in rows],
                    ["id", "name", "kind", "aliases", "mentions"])
    return EXIT_OK


def cmd_stats(opened: Archive, args: argparse.Namespace) -> int:
    from db.queries import list_statistics

    with opened.session() as session:
        rows = list_statistics(session)
    if args.json:
        print_json([r.to_json() for r in rows])
    elif args.csv:
        print_csv((r.to_json() for r in rows), STAT_COLUMNS)
    else:
        print_table(
            [[str(r.id), values.format(r), r.measure, text(r.subject),
              "–".join(dict.fromkeys(text(d) for d in (r.period_start, r.period_end) if d)),
              text(r.place), r.claimant or "(author)", text(r.source_id)] for r in rows],
            ["id", "value", "measure", "subject", "period", "place", "claimant", "source"],
        )
    return EXIT_OK


def cmd_suggest(opened: Archive, args: argparse.Namespace) -> int:
    from db.suggestions import suggestions_for_source

    with opened.session() as session:
        result = suggestions_for_source(session, args.source_id)
    if result is None:
        problem(f"{args.source_id}: no such source")
        return EXIT_INPUT_FAILED
    if args.json:
        print_json(result.to_json())
    else:
        print("Mentions:")
        print_table([[m.name, text(m.kind), "known" if m.actor_id else "new", str(m.start), m.quote] for m in result.mentions],
                    ["name", "kind", "actor", "at", "quote"])
        print("\nStatistics:")
        print_table([[values.format(s), text(s.measure), text(s.subject), s.claimant or "(author)", s.quote] for s in result.statistics],
                    ["value", "measure", "subject", "claimant", "quote"])
    return EXIT_OK


#: the headless commands by name (the window's commands are handled by ``desktop.main``)
COMMANDS: dict[str, Callable[[Archive, argparse.Namespace], int]] = {
    "import": cmd_import,
    "sources": cmd_sources,
    "show": cmd_show,
    "search": cmd_search,
    "actors": cmd_actors,
    "stats": cmd_stats,
    "suggest": cmd_suggest,
    "export": cmd_export,
    "annotate": cmd_annotate,
    "actor": cmd_actor,
    "stat": cmd_stat,
    "merge": cmd_merge,
    "send-copy": cmd_send_copy,
    "author": cmd_author,
    "encrypt": cmd_encrypt,
    "decrypt": cmd_decrypt,
    "rekey": cmd_rekey,
    "estimate": cmd_estimate,
    "check": cmd_check,
    "backup": cmd_backup,
    "reference": cmd_reference,
}
