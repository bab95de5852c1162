"""Encryption at rest from the command line: ``encrypt``, ``decrypt``, ``rekey``; and where every
command's passphrase comes from.

A passphrase never appears on the command line (other users see it in the process list, the
shell keeps it in its history). Every command takes it the same way, first found wins:

1. ``DOSSIER_PASSPHRASE`` in the environment;
2. ``--passphrase-file F`` (given before the command, like ``--archive``; the file's first line);
3. a prompt on the terminal (getpass; not echoed), when there is one.

``encrypt`` takes the new passphrase the same way (asked twice at the prompt). ``rekey`` opens the
archive with the old one as above and takes the new one from ``DOSSIER_NEW_PASSPHRASE``,
``--new-passphrase-file F``, or the prompt (twice). ``decrypt`` needs only the archive's own.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.cli.output import problem

if TYPE_CHECKING:
    from db.archive import Archive

EXIT_OK, EXIT_USAGE = 0, 2
ENV, NEW_ENV = "DOSSIER_PASSPHRASE", "DOSSIER_NEW_PASSPHRASE"


class NoPassphrase(Exception):
    """No passphrase could be had (none given, no terminal to ask on, or a file that cannot be read)."""


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    for name, helptext in (("encrypt", "encrypt the archive in place (SQLCipher; a key file beside it)"),
                           ("decrypt", "decrypt the archive in place (a plain SQLite file again)"),
                           ("rekey", "change the archive's passphrase (the data is not re-encrypted)")):
        p = commands.add_parser(name, help=helptext)
        # also accepted after the command; the same option as before it
        p.add_argument("--passphrase-file", type=Path, metavar="F", default=argparse.SUPPRESS,
                       help="read the passphrase from the first line of F")
    p.add_argument("--new-passphrase-file", type=Path, metavar="F",
                   help="read the new passphrase from the first line of F")


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="F",
                        help=f"an encrypted archive's passphrase, from the first line of F (or {ENV}, or asked)")


def _from_file(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise NoPassphrase(f"{path}: cannot read the passphrase file ({reason})") from None
    if not lines or not lines[0]:
        raise NoPassphrase(f"{path}: the passphrase file is empty")
    return lines[0]


def given(args: argparse.Namespace, env: str = ENV, option: str = "passphrase_file") -> str | None:
    """The passphrase from the environment or the file option, None when neither gives one."""
    if os.environ.get(env):
        return os.environ[env]
    path = getattr(args, option, None)
    return _from_file(path) if path is not None else None


def can_ask() -> bool:
    return sys.stdin.isatty()


def ask(prompt: str, *, twice: bool = False) -> str:
    """The passphrase typed on the terminal (asked again to confirm a new one)."""
    if not can_ask():
        raise NoPassphrase(f"dossier: no passphrase given: set {ENV} or use --passphrase-file F")
    first = getpass.getpass(prompt)
    if not first:
        raise NoPassphrase("dossier: an empty passphrase protects nothing")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise NoPassphrase("dossier: the two passphrases differ; nothing was changed")
    return first


def _path(opened: Archive) -> Path | None:
    if opened.path is None:
        problem(f"{opened.location}: a PostgreSQL archive is not encrypted by Dossier: encryption "
                "at rest there is the server's (an encrypted disk or tablespace)")
    return opened.path


def cmd_encrypt(opened: Archive, args: argparse.Namespace) -> int:
    from db import encryption

    path = _path(opened)
    if path is None:
        return EXIT_USAGE
    if opened.encrypted:
        problem(f"{path}: the archive is already encrypted (change its passphrase with rekey)")
        return EXIT_USAGE
    try:
        passphrase = given(args) or ask("New passphrase for the archive: ", twice=True)
    except NoPassphrase as error:
        problem(str(error))
        return EXIT_USAGE
    opened.close()
    try:
        encryption.encrypt_file(path, passphrase)
    except (encryption.EncryptionError, OSError) as error:
        problem(str(error) if isinstance(error, encryption.EncryptionError) else f"{path}: {error}")
        return EXIT_USAGE
    from db.backups import remove_plain_backups

    removed = remove_plain_backups(path)
    print(f"{path}: encrypted. Its key file {path.name}.key must stay beside it: without it (or "
          "the passphrase) nobody can open the archive.")
    if removed:
        print(f"{path}: removed its {len(removed)} unencrypted backup(s), which would have kept its "
              "contents readable")
    print(f"{path}: copies made elsewhere are not erased, and a disk may keep old blocks of the plain file")
    return EXIT_OK


def cmd_decrypt(opened: Archive, args: argparse.Namespace) -> int:
    from db import encryption

    path = _path(opened)
    if path is None:
        return EXIT_USAGE
    if not opened.encrypted or opened.key is None:
        problem(f"{path}: the archive is not encrypted")
        return EXIT_USAGE
    key = opened.key
    opened.close()
    try:
        encryption.decrypt_file(path, key)
    except (encryption.EncryptionError, OSError) as error:
        problem(str(error) if isinstance(error, encryption.EncryptionError) else f"{path}: {error}")
        return EXIT_USAGE
    print(f"{path}: decrypted: a plain SQLite file anyone with the file can read")
    return EXIT_OK


def cmd_rekey(opened: Archive, args: argparse.Namespace) -> int:
    from db import encryption

    path = _path(opened)
    if path is None:
        return EXIT_USAGE
    if not opened.encrypted or opened.key is None:
        problem(f"{path}: the archive is not encrypted (encrypt it first)")
        return EXIT_USAGE
    try:
        new = given(args, NEW_ENV, "new_passphrase_file") or ask("New passphrase: ", twice=True)
    except NoPassphrase as error:
        problem(str(error))
        return EXIT_USAGE
    key = opened.key
    opened.close()
    try:
        encryption.rekey(path, key, new)
    except (encryption.EncryptionError, OSError) as error:
        problem(str(error) if isinstance(error, encryption.EncryptionError) else f"{path}: {error}")
        return EXIT_USAGE
    print(f"{path}: the passphrase is changed (the old one no longer opens it)")
    return EXIT_OK
