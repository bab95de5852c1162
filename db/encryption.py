"""Encryption at rest: an archive's SQLite file encrypted with SQLCipher 4, in place and back.

Sources can endanger informants when a laptop is seized; an encrypted archive is unreadable
without its passphrase. The format:

- the archive is a SQLCipher 4 database (``sqlcipher3``: SQLite with SQLCipher and FTS5 built
  in); every page, and every page of its WAL, is encrypted with AES-256 and checked with an HMAC
  (the -shm holds only an index of WAL frames, no content);
- SQLCipher gets a random 32-byte data key as a raw key (``x'…'`` through ``set_key``, SQLCipher's
  ``sqlite3_key``: never in SQL text), never the
  passphrase; the passphrase unwraps that key from the key file beside the archive
  (``NAME.key``, see :mod:`db.keys` — without it the archive is lost, so every copy and backup
  carries one);
- temporary tables and sorts stay in memory (``temp_store = MEMORY``), so nothing is spilled
  to a temporary file.

``encrypt`` and ``decrypt`` convert in place: the converted copy is built beside the archive under
a hidden temporary name (``sqlcipher_export``), checked (quick check, the same rows in every
table), written to disk, and only then renamed over the archive, so a crash leaves either the old
archive or the new one. The old file's name is then the new file's; its -wal and -shm were
emptied and removed first. A file system may still keep the old blocks (copy-on-write, SSD wear
levelling, snapshots, backups): secure deletion of what was written before is not promised —
encrypt an archive before filling it with what must stay secret.

PostgreSQL archives are not encrypted here: encryption at rest of a server is the server's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import keys, sqlite_file

if TYPE_CHECKING:
    pass


class EncryptionError(Exception):
    """The archive cannot be encrypted, decrypted or rekeyed; the message says why."""


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an encrypted archive: a non-empty file that does not start as a plain
    SQLite file does (a SQLCipher file starts with its random salt)."""
    return sqlite_file.is_encrypted(path)


def _require_part() -> None:
    from db import optional_parts

    try:
        optional_parts.require("encryption")
    except optional_parts.Missing as error:
        raise EncryptionError(str(error)) from None


def encrypt_file(path: Path, passphrase: str) -> None:
    """Encrypt the plain archive ``path`` in place with a new data key wrapped by ``passphrase``.
    Nothing may have the archive open meanwhile."""
    _require_part()
    if is_encrypted(path):
        raise EncryptionError(f"{path}: the archive is already encrypted")
    data_key = keys.new_data_key()
    wrapped = keys.wrap(data_key, passphrase)
    _settle(path, None)
    built = sqlite_file.building_name(path)
    sqlite_file.clear_leftovers(path)
    try:
        _export(path, None, built, data_key)
        _verify(path, None, built, data_key)
        keys.write(path, wrapped)  # before the swap: an encrypted file never lacks its key
        _swap(built, path)
    except BaseException:
        sqlite_file.remove_with_journals(built)
        raise


def decrypt_file(path: Path, data_key: bytes) -> None:
    """Decrypt the encrypted archive ``path`` (its data key unwrapped by opening it) in place: a
    plain SQLite file again; its key file is removed once the plain file has taken its place."""
    _require_part()
    if not is_encrypted(path):
        raise EncryptionError(f"{path}: the archive is not encrypted")
    _settle(path, data_key)
    built = sqlite_file.building_name(path)
    sqlite_file.clear_leftovers(path)
    try:
        _export(path, data_key, built, None)
        _verify(path, data_key, built, None)
        _swap(built, path)
    except BaseException:
        sqlite_file.remove_with_journals(built)
        raise
    with suppress(OSError):
        keys.key_file(path).unlink()


def rekey(path: Path, data_key: bytes, new: str) -> None:
    """Change the passphrase of the encrypted archive ``path`` (its data key unwrapped with the
    old one by opening it): the data key is wrapped again, the archive's pages are left exactly
    as they are."""
    _require_part()
    if not is_encrypted(path):
        raise EncryptionError(f"{path}: the archive is not encrypted")
    keys.write(path, keys.wrap(data_key, new))


@contextmanager
def _opened(path: Path, key: bytes | None) -> Iterator[Any]:
    with closing(sqlite_file.connect(path, key, cipher=True)) as connection:
        connection.isolation_level = None
        yield connection


def _settle(path: Path, key: bytes | None) -> None:
    """Move what the archive's WAL holds into the file and empty it, so the file is the whole
    archive and no -wal of the old format is left to be read into the new one."""
    with _opened(path, key) as connection:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            raise EncryptionError(f"{path}: the archive is in use by another program (the window?): close it first")
    for journal in sqlite_file.with_journals(path)[1:]:
        with suppress(OSError):
            if journal.stat().st_size == 0 or journal.name.endswith("-shm"):
                journal.unlink()
    if any(j.exists() for j in sqlite_file.with_journals(path)[1:]):
        raise EncryptionError(f"{path}: the archive is in use by another program (the window?): close it first")


def _export(path: Path, key: bytes | None, built: Path, new_key: bytes | None) -> None:
    sqlite_file.private_file(built)
    with _opened(path, key) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        target_key = sqlite_file.raw_key(new_key) if new_key is not None else ""
        connection.execute("ATTACH DATABASE ? AS converted KEY ?", (str(built), target_key))
        try:
            connection.execute("SELECT sqlcipher_export('converted')")
            connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        finally:
            connection.execute("DETACH DATABASE converted")
    with _opened(built, new_key) as converted:  # archives are WAL (the last close removes the -wal)
        converted.execute("PRAGMA journal_mode = WAL")


def _tables(connection: Any) -> dict[str, int]:
    names = [n for (n,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _verify(path: Path, key: bytes | None, built: Path, new_key: bytes | None) -> None:
    """The converted copy is whole and holds every row of the archive."""
    with _opened(path, key) as old, _opened(built, new_key) as new:
        check = [row[0] for row in new.execute("PRAGMA quick_check").fetchall()]
        if check != ["ok"]:
            raise EncryptionError(f"{path}: the converted copy failed its check ({'; '.join(check[:3])}); nothing was changed")
        if _tables(old) != _tables(new):
            raise EncryptionError(f"{path}: the converted copy does not hold every row; nothing was changed")
    with built.open("rb+") as handle:
        os.fsync(handle.fileno())


def _swap(built: Path, path: Path) -> None:
    sqlite_file.make_private(built)
    for journal in sqlite_file.with_journals(path)[1:]:
        with suppress(FileNotFoundError):
            journal.unlink()
    os.replace(built, path)
    for journal in sqlite_file.with_journals(built)[1:]:
        with suppress(FileNotFoundError):
            journal.unlink()
