"""An archive's SQLite file on disk: made private, built under a temporary name, backed up, checked.

What :mod:`db.archive` does with the file itself rather than through SQLAlchemy:

- archives, their journals and backups are readable by their owner only (0600): a researcher's
  sources and informants' names are not for the other users of the machine;
- a new archive is built beside its final name, hidden, and renamed only once complete, so a
  killed process or a full disk never leaves a half-made archive under the researcher's name;
- a backup is written the same way and reused when an interrupted upgrade is run again (while
  the archive still holds what the backup holds);
- the backups beside an archive, newest first, to offer when it is damaged;
- an encrypted archive (SQLCipher, see :mod:`db.encryption`) is opened with its raw data key,
  and its backups are encrypted with the same key and carry a copy of its key file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
#: a file's journals, which belong with it wherever it goes
JOURNALS = ("-wal", "-shm", "-journal")
#: what a half-built archive left by a process that died is called, until it is cleared
_BUILDING = ".creating"
#: a half-built file older than this is taken as left behind, whoever made it
_STALE_SECONDS = 3600


def private_file(path: Path) -> None:
    """Create ``path`` empty and readable by its owner only, unless it exists (then made so)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        make_private(path)


def make_private(path: Path) -> None:
    """Readable and writable by the owner only (where the file system keeps such modes)."""
    with suppress(OSError):
        os.chmod(path, 0o600)


def with_journals(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{suffix}") for suffix in JOURNALS)]


def remove_with_journals(path: Path) -> None:
    for file in with_journals(path):
        with suppress(OSError):
            file.unlink()


def building_name(path: Path) -> Path:
    """Where ``path`` is built by this process: hidden (a folder import passes over it)."""
    return path.with_name(f".{path.name}.{os.getpid()}{_BUILDING}")


def clear_leftovers(path: Path) -> None:
    """Remove what processes that died while building ``path`` left behind."""
    prefix = f".{path.name}."
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(prefix) and _BUILDING in p.name]
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name[len(prefix):].split(".", 1)[0]
        if _left_behind(candidate, pid):
            with suppress(OSError):
                candidate.unlink()


def _left_behind(candidate: Path, pid: str) -> bool:
    if pid.isdigit() and int(pid) == os.getpid():
        return True
    if pid.isdigit() and os.name == "posix":
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
        else:
            return False
    try:
        return time.time() - candidate.stat().st_mtime > _STALE_SECONDS
    except OSError:
        return False


def publish(built: Path, path: Path) -> bool:
    """Give the complete file ``built`` its final name ``path``; False when another process put
    an archive there meanwhile (``built`` is then removed and theirs kept)."""
    make_private(built)
    if path.exists() and path.stat().st_size > 0:
        remove_with_journals(built)
        return False
    os.replace(built, path)
    return True


def is_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def is_encrypted(path: Path) -> bool:
    """A non-empty file that does not start as plain SQLite does: an encrypted archive (a
    SQLCipher file starts with its random salt) or something else altogether."""
    try:
        return path.is_file() and path.stat().st_size > 0 and not is_sqlite(path)
    except OSError:
        return False


def raw_key(key: bytes) -> str:
    """SQLCipher's raw key form, ``x'HEX'``: the key used as it is, with no derivation."""
    return f"x'{key.hex()}'"


def connect(path: Path | str, key: bytes | None = None, *, cipher: bool = False,
            uri: bool = False, **options: Any) -> Any:
    """A DB-API connection to an archive file: the standard sqlite3 for a plain one, sqlcipher3
    keyed with its raw ``key`` for an encrypted one (``cipher`` asks for sqlcipher3 even without
    a key: for ``sqlcipher_export``). Encrypted connections keep temporary data in memory."""
    if key is None and not cipher:
        return sqlite3.connect(path, uri=uri, **options)
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(path), uri=uri, **options)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # a failure is raised, not logged
        if key is not None:
            apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection


def database_errors() -> tuple[type[Exception], ...]:
    """What sqlite3 and sqlcipher3 raise for a database they cannot read (sqlite3's alone where
    sqlcipher3, an optional part of the standalone download, is not installed)."""
    try:
        from sqlcipher3 import dbapi2 as sqlcipher
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def apply_key(connection: Any, key: bytes) -> None:
    """Key a new sqlcipher3 connection (before its first statement) and keep its temporary data in
    memory. The raw key goes through SQLCipher's key call (sqlite3_key), never into SQL text."""
    connection.set_key(raw_key(key).encode("ascii"))
    connection.execute("PRAGMA temp_store = MEMORY")


def copy_database(source: Any, target: Path, key: bytes | None) -> None:
    """Copy the database of the open DB-API connection ``source`` to the file ``target`` with
    SQLite's backup API, consistent even while others write it; an encrypted one (``key``) is
    copied encrypted with the same key (SQLCipher copies only between databases keyed alike)."""
    with closing(connect(target, key)) as destination:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")


def backups_of(path: Path) -> list[Path]:
    """The backups of the archive ``path`` beside it, newest first."""
    try:
        found = [p for p in path.parent.glob(f"{path.name}.*.bak") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _fingerprint(connection: sqlite3.Connection) -> tuple[object, ...]:
    """What changes when anything is written to an archive: each table's row count, highest
    rowid and, where kept, latest modification (cheap next to a full copy)."""
    tables = [
        name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'source_fts%' ORDER BY name"
        )
    ]
    parts: list[object] = []
    for table in tables:
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        latest = ", max(modified_at)" if "modified_at" in columns else ""
        rowid = ", max(rowid)" if "id" in columns else ""
        parts.append((table, *connection.execute(f'SELECT count(*){rowid}{latest} FROM "{table}"').fetchone()))
    return tuple(parts)


#: the fingerprint of an open archive's connection (db.backups: a backup equal to the last is not made)
fingerprint = _fingerprint


def reusable_backup(path: Path, label: str, key: bytes | None = None) -> Path | None:
    """A backup of ``path`` written earlier with ``label`` (an upgrade that did not finish) that
    still holds exactly what the archive holds."""
    for backup in backups_of(path):
        if f".{label}-" not in backup.name:
            continue
        try:
            with closing(connect(f"{backup.as_uri()}?mode=ro", key, uri=True)) as copy, \
                    closing(connect(path, key)) as live:
                if _fingerprint(copy) == _fingerprint(live):
                    return backup
        except database_errors():
            continue
    return None


def backup_sqlite(path: Path, label: str, key: bytes | None = None) -> Path:
    """Copy a live SQLite archive with SQLite's backup API (consistent even in WAL mode) to
    ``NAME.LABEL-STAMP.bak`` beside it, private, written under a temporary name first; an
    encrypted archive (``key``) gets an encrypted backup with its own copy of the key file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    partial = building_name(target)
    clear_leftovers(target)
    private_file(partial)
    try:
        with closing(connect(path, key)) as source:
            copy_database(source, partial, key)
        if key is not None:
            from db import keys

            keys.copy_key_file(path, target)
        os.replace(partial, target)
    except BaseException:
        remove_with_journals(partial)
        raise
    return target


def restore_backup(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the (damaged) archive ``path``, which is kept beside it as
    ``NAME.damaged-STAMP`` with its journals; returns where the damaged file went. An encrypted
    backup is copied as it is, with its key file (the passphrase is not needed to restore it)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    restored = building_name(path)
    encrypted = is_encrypted(backup)
    private_file(restored)
    try:
        if encrypted:
            import shutil

            shutil.copyfile(backup, restored)
        else:
            with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as source, \
                    closing(sqlite3.connect(restored)) as destination:
                source.backup(destination)
    except BaseException:
        remove_with_journals(restored)
        raise
    for file, moved in zip(with_journals(path), with_journals(aside), strict=True):
        if file.exists():
            os.replace(file, moved)
    if encrypted:
        from db import keys

        keys.copy_key_file(backup, path)
    os.replace(restored, path)
    return aside
