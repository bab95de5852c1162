"""The ``dossier`` command line: the parser for the whole program, and the headless commands.

``desktop.main`` parses with :func:`build_parser` and hands every command that does not open the
window to :func:`run`; nothing here imports Qt. Exit status: 0 done, 1 some input failed (the rest
was processed and saved), 2 usage error or the archive cannot be opened. Problems go to stderr,
one line each: ``PATH: what is wrong``.

Importing this package stays light (no SQLAlchemy): the importer's worker processes start by
importing the program's main module, and ``dossier --version`` or a usage error loads nothing more;
the archive and each command's part of the core are imported when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from db import __version__
from db.cli import crypto, edits, exports, findings, protect, reference, team
from db.cli.commands import COMMANDS, EXIT_OK, EXIT_USAGE
from db.cli.output import problem

if TYPE_CHECKING:
    from db.archive import Archive

#: the commands that open the window (``desktop.app``), besides no command at all
WINDOW_COMMANDS = frozenset({"screenshot"})
#: the commands that change the archive (refused at once on an archive opened read-only)
WRITING_COMMANDS = frozenset({"import", "annotate", "actor", "stat", "merge", "reference", "encrypt", "decrypt", "rekey"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 itself; keep its wording
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"dossier: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dossier", description="Dossier: an offline archive of sources, actors and statistics.")
    parser.add_argument("--archive", help="archive file (SQLite) or URL (postgresql://...); default: the archive in your data folder")
    crypto.add_passphrase_option(parser)
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

    exports.add_parser(commands)
    edits.add_parsers(commands)
    team.add_parsers(commands)
    findings.add_parser(commands)
    protect.add_parsers(commands)
    crypto.add_parsers(commands)
    reference.add_parser(commands)

    p = commands.add_parser("parts", help="the optional parts of the standalone download: which are installed")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("screenshot", help="render the main window to a PNG")
    p.add_argument("out", type=Path)
    p.add_argument("--source", type=int, dest="source_id")
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=900)
    return parser


def opens_window(args: argparse.Namespace) -> bool:
    """Whether the parsed command line is for the window: no command (``--smoke`` too) or ``screenshot``."""
    return not args.version and (args.command is None or args.command in WINDOW_COMMANDS)


def run(args: argparse.Namespace) -> int:
    """Run a parsed headless command (or ``--version``) on the archive it names."""
    if args.version:
        print(f"dossier {__version__}")
        return EXIT_OK
    if args.command in NO_ARCHIVE_COMMANDS:
        return NO_ARCHIVE_COMMANDS[args.command](args)
    if opens_window(args):
        problem("dossier: no command given (the window opens from the dossier program)")
        return EXIT_USAGE
    from sqlalchemy.exc import DatabaseError

    from db.archive import ArchiveError, DamagedArchive, database_problem

    try:
        opened = _open(args)
    except DamagedArchive as error:
        if args.command == "check":  # what is wrong is the answer, not a reason to stop
            return protect.check_damaged(error, args)
        problem(str(error))
        return EXIT_USAGE
    except (ArchiveError, crypto.NoPassphrase) as error:
        problem(str(error))
        return EXIT_USAGE
    if opened.read_only and args.command in WRITING_COMMANDS:
        problem(f"{opened.location}: the archive is read-only (on read-only media, or not yours to change): "
                "copy it to a writable folder first")
        opened.close()
        return EXIT_USAGE
    try:
        from db.cli.indexing import build_pending_index

        if args.command in WRITING_COMMANDS:
            protect.daily_backup(opened, args.command)
        if args.command not in protect.READING:  # check and backup only read: nothing is built first
            build_pending_index(opened)
        return COMMANDS[args.command](opened, args)
    except BrokenPipeError:
        return EXIT_OK
    except DatabaseError as error:  # damage the check on opening could not see, met on the way
        problem(f"{opened.location}: {database_problem(error)}")
        return EXIT_USAGE
    finally:
        opened.close()


def _parts(args: argparse.Namespace) -> int:
    """``dossier parts``: each optional part, installed or not, and what Dossier does without it."""
    import json

    from db import optional_parts

    parts = optional_parts.listing()
    if args.json:
        print(json.dumps(parts, ensure_ascii=False))
        return EXIT_OK
    for part in parts:
        print(f"{part['name']:<13} {'installed' if part['installed'] else 'missing':<10} {part['title']}")
        if not part["installed"]:
            print(f"{'':<24} without it: {part['without']}")
    return EXIT_OK


#: the headless commands that open no archive
NO_ARCHIVE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"parts": _parts}


def _open(args: argparse.Namespace) -> Archive:
    """The archive the command runs on; an encrypted one with its passphrase (see db.cli.crypto),
    asked on the terminal when none was given and there is one."""
    from db.archive import EncryptedArchive
    from db.location import open_archive

    passphrase = crypto.given(args)
    # `check` checks the file's pages itself, with progress (a large archive's opening does not)
    later = getattr(args, "command", None) == "check"
    try:
        return open_archive(args.archive, passphrase, checked_later=later)
    except EncryptedArchive:
        if passphrase is not None or not crypto.can_ask():
            raise
    return open_archive(args.archive, crypto.ask("Passphrase of the archive: "), checked_later=later)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the headless command it names."""
    return run(build_parser().parse_args(argv))
