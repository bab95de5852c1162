"""Opening the other archive of a merge for reading, and refusing what cannot be merged.

The other archive is never written: a SQLite file is opened read-only; one from an older Dossier
is copied to a temporary file and the copy upgraded. What is not an archive, is newer than this
Dossier, is the archive being merged into, or is locked, is refused with a ``PATH: problem``
message before anything is read or written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from db.archive import (
    HEAD_REVISION,
    Archive,
    ArchiveError,
    check_sqlite_file,
    known_revisions,
    migrate,
)

#: how long to wait for a lock on the other archive before saying it is locked (s)
LOCK_TIMEOUT = 2.0


class MergeError(Exception):
    """The merge cannot start; the message says why, naming the file (exit 2, nothing changed)."""


def _readonly_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"timeout": LOCK_TIMEOUT}
    )

    def pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(engine, "connect", pragmas)
    return engine


def copy_sqlite(path: Path, to: Path) -> None:
    """A consistent copy of a SQLite archive (SQLite's backup API), reading it read-only."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(to)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _check_file(path: Path, ours: Archive) -> None:
    if not path.exists():
        raise MergeError(f"{path}: no such archive")
    if ours.path is not None and ours.path.exists() and not path.is_dir() and os.path.samefile(path, ours.path):
        raise MergeError(f"{path}: is the archive being merged into; choose another researcher's archive")
    try:
        check_sqlite_file(path)
    except ArchiveError as error:
        raise MergeError(str(error)) from error


def _revision(engine: Engine, name: str) -> str:
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
            if "alembic_version" not in tables:
                raise MergeError(f"{name}: not a Dossier archive (a database of something else)"
                                 if tables else f"{name}: not a Dossier archive (an empty database)")
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            connection.exec_driver_sql("SELECT count(*) FROM sources").scalar()
    except (OperationalError, DatabaseError) as error:
        reason = str(error.orig) if error.orig is not None else str(error)
        if "locked" in reason:
            raise MergeError(f"{name}: locked by another program; close it and try again") from error
        raise MergeError(f"{name}: cannot be read ({reason})") from error
    if revision is None or revision not in known_revisions():
        raise MergeError(f"{name}: written by a newer version of Dossier (schema {revision}); "
                         "update Dossier to merge it")
    return str(revision)


@contextmanager
def open_other(location: str | Path, ours: Archive) -> Iterator[tuple[Engine, str]]:
    """The other archive as an engine to read, and its name for messages."""
    text = str(location)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as error:
            raise MergeError(f"{text}: not a valid archive location") from error
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        name = url.render_as_string(hide_password=True)
        if name == ours.location:
            raise MergeError(f"{name}: is the archive being merged into; choose another researcher's archive")
        engine = create_engine(url, isolation_level="REPEATABLE READ")
        try:
            if _revision(engine, name) != HEAD_REVISION:
                raise MergeError(f"{name}: written by an older Dossier; open it once with this one to upgrade it")
            yield engine, name
        finally:
            engine.dispose()
        return
    path = Path(text).expanduser()
    _check_file(path, ours)
    engine = _readonly_engine(path)
    scratch: Path | None = None
    try:
        if _revision(engine, str(path)) != HEAD_REVISION:
            # an older archive: upgrade a copy, never the colleague's file
            engine.dispose()
            scratch = Path(tempfile.mkdtemp(prefix="dossier-merge-"))
            copy = scratch / path.name
            copy_sqlite(path, copy)
            writable = create_engine(f"sqlite:///{copy}")
            migrate(writable)
            writable.dispose()
            engine = _readonly_engine(copy)
        yield engine, str(path)
    finally:
        engine.dispose()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
