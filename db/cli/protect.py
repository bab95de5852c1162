"""Keeping the archive safe from the command line: ``check`` and ``backup OUT``.

``check`` lists what is wrong, one problem a line on stderr (``PATH: problem`` or ``source N
'Title': problem``), exit 1; a whole archive prints that it is whole, exit 0. ``--json`` prints
``{"ok", "problems", "backup"}`` (../shared/CONTRACT.md): ``backup`` is the newest whole backup to
go back to when something is wrong. ``--quick`` leaves out what reads everything (the search
index against the texts, the originals' sha256) and the file's pages beyond the quick check
opening the archive makes: seconds on a million sources.

``backup OUT`` writes a consistent copy (SQLite's backup API), also while the window has the
archive open; exit 2 when OUT is the archive itself or its folder does not exist.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.cli.output import Progress, print_json, problem

if TYPE_CHECKING:
    from db.archive import Archive, DamagedArchive
    from db.integrity import CheckResult

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: the commands here that read the archive only (no search index is built before them)
READING = frozenset({"check", "backup"})
#: writing commands before which no daily backup is made: a plain copy of an archive about to be
#: encrypted would leave its plaintext behind
NO_DAILY_BACKUP = frozenset({"encrypt", "decrypt", "rekey"})


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    p = commands.add_parser("check", help="check the archive is whole (exit 0 whole, 1 problems listed)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true",
                   help="references and quotes only, after SQLite's quick check on opening (not the index, not the originals)")

    p = commands.add_parser("backup", help="a consistent copy of the archive, also while the window has it open")
    p.add_argument("out", type=Path, metavar="OUT")


def _finish(result: CheckResult, args: argparse.Namespace) -> int:
    if not result.ok and result.backup is None and result.location and "://" not in result.location:
        from db.backups import newest_good_backup

        result.backup = newest_good_backup(Path(result.location))
    if args.json:
        print_json(result.to_json())
    else:
        for line in result.problems:
            problem(line)
        if result.ok:
            print(f"{result.location}: whole" + (" (quick check)" if result.quick else ""))
        else:
            print(f"{result.location}: {len(result.problems)} problems")
            if result.only_the_index:
                print("only the search index is damaged: rebuilding it mends the archive (in the window: File ▸ Check the Archive…)")
        for skipped in result.not_checked:
            print(f"not checked: {skipped}")
        if result.backup is not None:
            print(f"newest whole backup: {result.backup}")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def cmd_check(opened: Archive, args: argparse.Namespace) -> int:
    from db.integrity import check_archive

    progress = Progress()
    try:
        # opening a small archive has just run SQLite's quick check of the whole file; a large
        # one's pages are checked here, table by table with progress
        result = check_archive(opened, quick=args.quick, file_checked=args.quick and opened.pages_checked,
                               report=progress)
    finally:
        progress.close()
    return _finish(result, args)


def check_damaged(damaged: DamagedArchive, args: argparse.Namespace) -> int:
    """``check`` of an archive SQLite's check on opening found damaged: that damage, exit 1."""
    from db.integrity import damaged_result

    return _finish(damaged_result(damaged), args)


def daily_backup(opened: Archive, command: str) -> None:
    """The day's automatic backup before the first write of the day (db.backups); when it cannot
    be made, a warning, and the command goes on."""
    if command in NO_DAILY_BACKUP:
        return
    from sqlalchemy.exc import DatabaseError

    from db.backups import BackupError
    from db.backups import daily_backup as make

    try:
        make(opened)
    except (BackupError, OSError, DatabaseError) as error:
        problem(f"{opened.location}: today's automatic backup could not be made ({error}); going on")


def cmd_backup(opened: Archive, args: argparse.Namespace) -> int:
    from db.backups import BackupError, copy_archive

    progress = Progress()
    try:
        out = copy_archive(opened, args.out, progress)
    except BackupError as error:
        problem(str(error))
        return EXIT_USAGE
    finally:
        progress.close()
    print(f"{out}: a copy of {opened.location}")
    return EXIT_OK

