"""Open or create an archive: a SQLite file (the default) or a PostgreSQL database (for a team).

Opening checks what the file is and whether it is whole (``PRAGMA quick_check``), migrates an
older archive after backing it up, refuses one of a newer Dossier.
A new archive is built under a temporary name and an upgrade runs in one transaction (never left
half-done); an archive on read-only media is opened read-only.

An encrypted archive (:mod:`db.encryption`) needs its passphrase to open: it unwraps the data key
from the key file beside it, and every connection the engine makes (sqlcipher3) is keyed with it
before anything else. :meth:`Archive.lock` forgets the key and closes every connection;
:meth:`Archive.unlock` takes the passphrase again.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import keys, sqlite_file, transactions
from db.keyring import KeyRing, engine_options, keyed, unlock
from db.transactions import BUSY_TIMEOUT_MS, WRITE

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest schema revision this Dossier writes. Opening an archive already at it needs no
#: Alembic at all (it is imported only to migrate); a test holds this equal to the scripts' head.
HEAD_REVISION = "0022"

#: what SQLite says of a file that is damaged
_DAMAGE = ("malformed", "not a database", "corrupt", "disk i/o error")


class ArchiveError(Exception):
    """The archive cannot be opened; the message says why, naming the file."""


class DamagedArchive(ArchiveError):
    """The archive's file is damaged (it fails SQLite's quick check); ``backup`` is the newest
    backup beside it, if there is one, to go back to."""

    def __init__(self, path: Path, problem: str) -> None:
        backups = sqlite_file.backups_of(path)
        self.path = path
        self.problem = problem
        self.backup: Path | None = backups[0] if backups else None
        offer = (f"; the newest backup is {self.backup}" if self.backup is not None
                 else "; there is no backup of it beside it")
        super().__init__(f"{path}: the archive is damaged ({problem}){offer}")


class EncryptedArchive(ArchiveError):
    """The archive is encrypted and no passphrase, or a wrong one, was given (nothing was changed)."""


class ArchiveLocked(ArchiveError):
    """The encrypted archive was locked (its key forgotten): unlock it with its passphrase."""


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
    #: opened read-only (read-only media, or a file this user may not write)
    read_only: bool = False
    #: the key of an encrypted archive (None for a plain one)
    keyring: KeyRing | None = None
    #: its pages passed the quick check on opening (False: ``checked_later`` on a large one)
    pages_checked: bool = True

    @property
    def encrypted(self) -> bool:
        return self.keyring is not None

    @property
    def key(self) -> bytes | None:
        """The data key of an encrypted archive while unlocked (for a copy of it: see db.encryption)."""
        return self.keyring.key if self.keyring is not None else None

    @property
    def locked(self) -> bool:
        return self.keyring is not None and self.keyring.key is None

    def lock(self) -> None:
        """Forget the key and close every connection (one in use closes when it is given back);
        the archive cannot be read until :meth:`unlock`."""
        if self.keyring is not None:
            self.keyring.key = None
        self.engine.dispose()

    def unlock(self, passphrase: str) -> None:
        """Take the key again; :class:`EncryptedArchive` when the passphrase is wrong."""
        if self.keyring is not None:
            self.keyring.key = unlock(self.keyring.path, passphrase)

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

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction that writes: it takes the write lock when it begins (waiting up to the
        busy timeout for another program's), so reading first never makes it fail."""
        with self.writer() as session, session.begin():
            yield session

    def writer(self) -> Session:
        """A Session whose transactions take the write lock when they begin (BEGIN IMMEDIATE on
        SQLite), waiting for it up to the busy timeout: for work that reads, then writes."""
        return self.sessions(execution_options={WRITE: True})

    def refuse_writes(self, reason: str | None) -> None:
        """Refuse every write until lifted (None): the archive is read-only until it is mended
        (:mod:`db.transactions`)."""
        if self.dialect == "sqlite":
            transactions.refuse_writes(self.engine, reason)

    @property
    def writes_refused(self) -> str | None:
        return transactions.writes_refused(self.engine)

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


def check_sqlite_file(path: Path) -> None:
    """Refuse what is not a SQLite file (plain, or encrypted with its key file beside it),
    before SQLite writes anything to it."""
    if path.is_dir():
        raise ArchiveError(f"{path}: is a folder, not an archive file")
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        header_ok = sqlite_file.is_sqlite(path)
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error.strerror})") from error
    if not header_ok and not keys.key_file(path).exists():
        # (an encrypted archive whose key file is lost looks just like this: see db.keys)
        raise ArchiveError(f"{path}: not a Dossier archive (not a SQLite database)")


def _writable(path: Path) -> bool:
    """Whether SQLite can write the archive and its journals (not on read-only media, say)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _sqlite_engine(path: Path, *, read_only: bool = False, keyring: KeyRing | None = None) -> Engine:
    # mode=ro: SQLite never writes; a WAL archive still needs its -shm, which cannot be made on
    # read-only media, so such a file is then opened as immutable (see _immutable_engine)
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **engine_options(keyring))
    if keyring is not None:
        keyed(engine, keyring)
    return transactions.listen(engine)


def backup_sqlite(path: Path, label: str, key: bytes | None = None) -> Path:
    """Copy a live SQLite archive (consistent even in WAL mode) beside it: see sqlite_file
    (an encrypted one, ``key``, stays encrypted and gets its key file)."""
    return sqlite_file.backup_sqlite(path, label, key)


def _current_revision(engine: Engine) -> tuple[str | None, list[str]]:
    """The archive's Alembic revision and the tables the database holds."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        revision = None
        if "alembic_version" in tables:
            revision = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).scalar()
    return revision, tables


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade (or create) the schema in one transaction: all of it, or nothing at all."""
    from alembic import command

    config = alembic_config()
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def database_problem(error: DatabaseError) -> str:
    """What a database error means for the researcher, in one line."""
    reason = " ".join((str(error.orig) if error.orig is not None else str(error)).split())
    if "locked" in reason:
        return "locked by another program; close it and try again"
    if "disk is full" in reason or "No space left" in reason:
        return "disk full: free some space and try again"
    if "readonly database" in reason:
        return "the archive is read-only (on read-only media, or not yours to change)"
    if any(word in reason.lower() for word in _DAMAGE):
        return f"the archive is damaged ({reason})"
    return reason


def _build_new(path: Path) -> None:
    """Create the archive ``path``: built, migrated and in WAL mode under a hidden temporary name
    in the same folder, then renamed, so it exists whole or not at all."""
    sqlite_file.clear_leftovers(path)
    built = sqlite_file.building_name(path)
    sqlite_file.private_file(built)
    engine = _sqlite_engine(built)
    try:
        migrate(engine)
        _outside_transactions(engine, "PRAGMA journal_mode = WAL")
        engine.dispose()  # the last connection checkpoints and removes the -wal and -shm
        sqlite_file.publish(built, path)
    except BaseException:
        engine.dispose()
        sqlite_file.remove_with_journals(built)
        raise


def _outside_transactions(engine: Engine, statement: str) -> None:
    """Run a statement SQLite refuses inside a transaction (every SQLAlchemy one begins)."""
    connection = engine.raw_connection()
    try:
        connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    finally:
        connection.close()


def _half_made(tables: list[str], engine: Engine) -> bool:
    """Tables of Dossier's, all empty, and no revision: an archive whose creation an older
    Dossier did not finish (it made the schema table by table). It is built again."""
    import db.models  # noqa: F401 - registers the tables on Base.metadata
    from db.base import Base

    ours = set(Base.metadata.tables) | {"alembic_version"}
    if not tables or not all(t in ours or t.startswith(("source_fts", "_alembic_tmp")) for t in tables):
        return False
    with engine.connect() as connection:
        return all(connection.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() == 0
                   for t in tables if t in ours)


def _looks_like_dossier(tables: list[str]) -> bool:
    return {"sources", "actors", "original_files"} <= set(tables)


def open(location: str | Path, *, create: bool = True, passphrase: str | None = None,
         checked_later: bool = False) -> Archive:
    """Open the archive at a file path (SQLite) or a SQLAlchemy URL, creating and migrating it;
    an encrypted one with its ``passphrase``. ``checked_later``: the caller quick-checks it once
    open (the window does, off its thread), so a large one (> 256 MB) has only its schema read.

    Raises :class:`ArchiveError` with a researcher-readable message when it is not an archive,
    cannot be read or written, is locked, is damaged (:class:`DamagedArchive`), is encrypted and
    the passphrase is missing or wrong (:class:`EncryptedArchive`), or was written by a newer
    Dossier. Nothing is changed in those cases.
    """
    text = str(location)
    if "://" not in text:
        return _open_sqlite(Path(text).expanduser(), create, passphrase, checked_later)
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise ArchiveError(f"{text}: not a valid archive location") from error
    if url.get_backend_name() == "sqlite":
        return _open_sqlite(Path(url.database or ""), create, passphrase)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    name = url.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ImportError as error:  # the driver: psycopg's libpq is an optional part of the download
        from db import optional_parts

        raise ArchiveError(f"{name}: cannot open a PostgreSQL archive: "
                           f"{optional_parts.missing_note('postgresql')}") from error
    try:
        revision, tables = _current_revision(engine)
        _check_revision(name, revision, tables)
        if revision != HEAD_REVISION:
            migrate(engine)
    except ArchiveError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise ArchiveError(f"{name}: cannot open the archive ({database_problem(error)})") from error
    sessions, author = _sessions(engine, url.username)
    return Archive(name, engine, sessions, author=author)


def _check_revision(name: str, revision: str | None, tables: list[str]) -> None:
    if revision is None and tables:
        raise ArchiveError(f"{name}: not a Dossier archive (a database of something else)")
    if revision is not None and revision != HEAD_REVISION and revision not in known_revisions():
        if not _looks_like_dossier(tables):
            raise ArchiveError(
                f"{name}: not a Dossier archive (the database of another program, schema {revision})"
            )
        raise ArchiveError(
            f"{name}: written by a newer version of Dossier (schema {revision}); update Dossier to open it"
        )


def _open_sqlite(path: Path, create: bool, passphrase: str | None = None, checked_later: bool = False) -> Archive:
    check_sqlite_file(path)
    name = str(path)
    keyring = KeyRing(path, unlock(path, passphrase)) if sqlite_file.is_encrypted(path) else None
    try:
        if not path.exists() or path.stat().st_size == 0:
            if not create:
                raise ArchiveError(f"{path}: no such archive")
            path.parent.mkdir(parents=True, exist_ok=True)
            _build_new(path)
    except OSError as error:
        raise ArchiveError(f"{path}: cannot create the archive ({_os_reason(error)})") from error
    except (OperationalError, DatabaseError) as error:
        raise ArchiveError(f"{path}: cannot create the archive ({database_problem(error)})") from error
    read_only = not _writable(path)
    engine = _sqlite_engine(path, read_only=read_only, keyring=keyring)
    # a large archive's quick check takes seconds (6 s at 1M sources): the window's runs once it is up
    check = _SCHEMA_CHECK if checked_later and path.stat().st_size > QUICK_CHECK_LIMIT else _QUICK_CHECK
    try:
        problem = _quick_check(engine, read_only, check)
        if problem == "" and read_only:
            engine.dispose()
            engine = _immutable_engine(path, keyring)
            problem = _quick_check(engine, read_only, check)
        if problem and keyring is not None and "not a database" in problem:
            raise ArchiveError(f"{path}: the archive is encrypted, but its key file "
                               f"{keys.key_file(path).name} does not open it (the key file of another archive?)")
        if problem:
            raise DamagedArchive(path, problem)
        revision, tables = _current_revision(engine)
        if revision is None and _half_made(tables, engine) and not read_only:
            engine.dispose()
            sqlite_file.remove_with_journals(path)
            return _open_sqlite(path, create, passphrase, checked_later)
        _check_revision(name, revision, tables)
        backup = None
        if revision != HEAD_REVISION:
            if read_only:
                raise ArchiveError(
                    f"{path}: made by an older Dossier and on read-only media: copy it to a "
                    "writable folder to upgrade it"
                )
            label = f"before-{HEAD_REVISION}"
            key = keyring.key if keyring is not None else None
            backup = sqlite_file.reusable_backup(path, label, key) or backup_sqlite(path, label, key)
            migrate(engine)
        sqlite_file.make_private(path)
        if keyring is not None:
            sqlite_file.make_private(keys.key_file(path))
    except ArchiveError:
        engine.dispose()
        raise
    except OSError as error:
        engine.dispose()
        raise ArchiveError(f"{path}: cannot open the archive ({_os_reason(error)})") from error
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise ArchiveError(f"{path}: cannot open the archive ({database_problem(error)})") from error
    from db.search_index import install
    sessions, author = _sessions(engine, None)
    install(sessions)
    return Archive(name, engine, sessions, backup, author, read_only=read_only, keyring=keyring,
                   pages_checked=check == _QUICK_CHECK)


def _sessions(engine: Engine, user: str | None) -> tuple[sessionmaker[Session], str | None]:
    """The archive's session factory, its sessions carrying the name its edits are made under."""
    from db import authors

    author = authors.default_author(user)
    sessions = sessionmaker(engine, expire_on_commit=False, info={"author": author})
    authors.watch(sessions)
    return sessions, author


#: above this size the window and the command line's ``check --quick`` leave the quick check to
#: later (it reads every page: about 1.8 ms a megabyte here, 0.36 s for 100,000 sources, which the
#: window's start-up should not wait for); a smaller archive is checked before it opens
QUICK_CHECK_LIMIT, _QUICK_CHECK = 32 << 20, "PRAGMA quick_check(5)"
_SCHEMA_CHECK = "SELECT 'ok' FROM sqlite_master LIMIT 1"  # reads the schema: a torn header fails


def _quick_check(engine: Engine, read_only: bool, statement: str = _QUICK_CHECK) -> str | None:
    """The damage ``PRAGMA quick_check`` (or reading the schema) finds, None when whole; "" when a
    read-only file cannot be opened as it is (a WAL archive without its -shm on read-only media)."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(statement).fetchall()
    except (OperationalError, DatabaseError) as error:
        reason = str(error.orig) if error.orig is not None else str(error)
        if any(word in reason.lower() for word in _DAMAGE):
            return reason
        if read_only and ("unable to open" in reason or "readonly" in reason):
            return ""  # SQLite cannot make the -shm a WAL archive needs beside it
        raise
    # one row may hold several lines ("*** in database main ***", "Page 88: ...")
    lines = [line.strip() for row in rows if row and row[0] != "ok" for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")]
    if not problems:
        return None
    more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
    return "; ".join(problems[:3]) + more


def _immutable_engine(path: Path, keyring: KeyRing | None = None) -> Engine:
    """A read-only archive whose -shm cannot be made: opened as immutable (nothing else can
    write it on read-only media)."""
    engine = create_engine(f"sqlite:///file:{path}?immutable=1&uri=true", **engine_options(keyring))
    if keyring is not None:
        keyed(engine, keyring)
    return transactions.listen(engine)


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "disk full: free some space and try again"
    return error.strerror or str(error)


def package_file(name: str) -> Path:
    """A file shipped inside the ``db`` package (works from source and frozen)."""
    return Path(str(files("db").joinpath(name)))
