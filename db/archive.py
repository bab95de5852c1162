"""Open or create an archive: a SQLite file (the default) or a PostgreSQL database (for a team).

Opening checks what the file is before touching it, migrates an older archive after backing it
up, and refuses one written by a newer Dossier.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest schema revision this Dossier writes. Opening an archive already at it needs no
#: Alembic at all (it is imported only to migrate); a test holds this equal to the scripts' head.
HEAD_REVISION = "0020"

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class ArchiveError(Exception):
    """The archive cannot be opened; the message says why, naming the file."""


@dataclass
class Archive:
    """An open archive: its engine and a session factory. Use :meth:`session` for one unit of work."""

    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    #: the backup written before an upgrade, if one was needed on opening
    backup: Path | None = None
    #: the name this archive's edits carry (see db.authors)
    author: str | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        return Path(self.location) if self.dialect == "sqlite" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "db:migrations")
    return config


def head_revision() -> str:
    """The head of the migration scripts (imports Alembic; see HEAD_REVISION)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def check_sqlite_file(path: Path) -> None:
    """Refuse what is not a SQLite file, before SQLite writes anything to it."""
    if path.is_dir():
        raise ArchiveError(f"{path}: is a folder, not an archive file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error.strerror})") from error
    if header != SQLITE_MAGIC:
        raise ArchiveError(f"{path}: not a Dossier archive (not a SQLite database)")


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite archive with SQLite's backup API (consistent even in WAL mode)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def _current_revision(engine: Engine) -> tuple[str | None, bool]:
    """The archive's Alembic revision and whether the database holds any tables at all."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        revision = None
        if "alembic_version" in tables:
            revision = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).scalar()
    return revision, bool(tables)


def migrate(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open(location: str | Path, *, create: bool = True) -> Archive:
    """Open the archive at a file path (SQLite) or a SQLAlchemy URL, creating and migrating it.

    Raises :class:`ArchiveError` with a researcher-readable message when it is not an archive,
    cannot be read or written, is locked, or was written by a newer Dossier. Nothing is changed
    in those cases.
    """
    text = str(location)
    is_url = "://" in text
    path: Path | None = None
    if is_url:
        try:
            url = make_url(text)
        except ArgumentError as error:
            raise ArchiveError(f"{text}: not a valid archive location") from error
        if url.drivername.startswith("postgresql") and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() == "sqlite":
            path = Path(url.database or "")
    else:
        path = Path(text).expanduser()

    if path is not None:
        check_sqlite_file(path)
        if not path.exists():
            if not create:
                raise ArchiveError(f"{path}: no such archive")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ArchiveError(
                    f"{path}: cannot create the archive ({error.strerror})"
                ) from error
        engine = _sqlite_engine(path)
        location_name = str(path)
    else:
        engine = create_engine(url, pool_pre_ping=True)
        location_name = url.render_as_string(hide_password=True)

    try:
        revision, has_tables = _current_revision(engine)
        head = HEAD_REVISION
        backup = None
        if revision is None and has_tables:
            raise ArchiveError(
                f"{location_name}: not a Dossier archive (a database of something else)"
            )
        if revision is not None and revision != head:
            if revision not in known_revisions():
                raise ArchiveError(
                    f"{location_name}: written by a newer version of Dossier "
                    f"(schema {revision}); update Dossier to open it"
                )
            if path is not None:
                backup = backup_sqlite(path, f"before-{head}")
        if path is not None and revision is None:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
        if revision != head:
            migrate(engine)
    except ArchiveError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        reason = str(error.orig) if error.orig is not None else str(error)
        if "locked" in reason:
            reason = "locked by another program; close it and try again"
        raise ArchiveError(f"{location_name}: cannot open the archive ({reason})") from error

    from db import authors

    author = authors.default_author(None if path is not None else url.username)
    sessions = sessionmaker(engine, expire_on_commit=False, info={"author": author})
    authors.watch(sessions)
    if path is not None:
        from db.search_index import install

        install(sessions)
    return Archive(location_name, engine, sessions, backup, author)


def package_file(name: str) -> Path:
    """A file shipped inside the ``db`` package (works from source and frozen)."""
    return Path(str(files("db").joinpath(name)))
