"""Team work from the command line: ``merge OTHER``, ``send-copy OUT``, ``author [NAME]``.

``merge`` prints counts per kind, the conflicts side by side (the value kept, and the other kept
in the merge history) and the actors that may be the same; ``--json`` as ../shared/CONTRACT.md
says. An OTHER that cannot be merged (not an archive, newer, the same file, locked) is
``PATH: problem`` on stderr, exit 2, nothing changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.cli.output import Progress, print_json, print_table, problem, text

if TYPE_CHECKING:
    from db.archive import Archive
    from db.merge import MergeResult

EXIT_OK, EXIT_USAGE = 0, 2
#: the widest a conflict's value is shown for people (JSON has it whole)
SHOWN = 40


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    p = commands.add_parser("merge", help="merge another researcher's archive into this one")
    p.add_argument("other", metavar="OTHER", help="the other archive (file or postgresql:// URL)")
    p.add_argument("--base", metavar="BASE", help="the archive both came from (when neither recorded it)")
    p.add_argument("--dry-run", action="store_true", help="count what would change; write nothing")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("send-copy", help="a copy for a colleague, remembered as the ancestor of the next merge")
    p.add_argument("out", type=Path, metavar="OUT")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("author", help="show, or set once, the name your edits carry")
    p.add_argument("name", nargs="?")


def _short(value: object) -> str:
    shown = " ".join(text(value).split())
    return shown if len(shown) <= SHOWN else shown[: SHOWN - 1] + "…"


def _print_result(result: MergeResult) -> None:
    data = result.to_json()
    rows = [[kind, str(data["added"][kind]), str(data["updated"][kind]), str(data["deleted"][kind])]
            for kind in data["added"] if data["added"][kind] or data["updated"][kind] or data["deleted"][kind]]
    print(("Would merge" if result.dry_run else "Merged") + f" {result.other}:")
    if rows:
        print_table(rows, ["kind", "added", "updated", "deleted"])
    else:
        print("nothing to change")
    print(f"{result.unchanged:,} unchanged")
    if result.conflicts:
        print(f"\n{len(result.conflicts)} conflicts (the value not kept is in the merge history):")
        print_table([[c.kind, c.field, _short(c.ours), _short(c.theirs), c.kept] for c in result.conflicts],
                    ["kind", "field", "ours", "theirs", "kept"])
    if result.suggestions:
        print("\nActors that may be the same (merge them in the window, Actors ▸ Merge Actors…):")
        print_table([[s.ours_name, s.theirs_name, s.shared] for s in result.suggestions], ["ours", "theirs", "shared name"])
    if result.orphaned:
        print(f"\n{result.orphaned} annotations could not be placed on the merged texts (Annotate ▸ Unplaced Annotations…)")
    if result.backup:
        print(f"\nbackup: {result.backup}")


def cmd_merge(opened: Archive, args: argparse.Namespace) -> int:
    from db.merge import MergeError, merge_archives

    progress = Progress()
    try:
        result = merge_archives(opened, args.other, base=args.base, dry_run=args.dry_run, report=progress)
    except MergeError as error:
        problem(str(error))
        return EXIT_USAGE
    finally:
        progress.close()
    if args.json:
        print_json(result.to_json())
    else:
        _print_result(result)
    return EXIT_OK


def cmd_send_copy(opened: Archive, args: argparse.Namespace) -> int:
    from db.merge import MergeError
    from db.merge.sending import send_copy

    try:
        out = send_copy(opened, args.out)
    except MergeError as error:
        problem(str(error))
        return EXIT_USAGE
    if args.json:
        print_json({"path": str(out)})
    else:
        print(f"{out}: a copy to send; merge it back with: dossier merge {out}")
    return EXIT_OK


def cmd_author(opened: Archive, args: argparse.Namespace) -> int:
    from db.authors import set_author_name

    if args.name:
        set_author_name(args.name)
        print(f"your edits now carry the name {' '.join(args.name.split())}")
    else:
        print(opened.author or "")
    return EXIT_OK
