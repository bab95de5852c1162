"""How a SQLite archive's connections begin their transactions, and refusing writes.

Every transaction starts with BEGIN; a writer's with BEGIN IMMEDIATE (``WRITE``). While an
archive's writes are refused (:func:`refuse_writes`: its search index is damaged or missing, so
the triggers that keep the index would fail or spread the damage), a writer's transaction fails
at once with :class:`WritesRefused`, which says why and what mends it, and every other
connection is ``PRAGMA query_only``: nothing at all is written until the refusal is lifted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

#: the execution option of a connection that writes: its transactions take the write lock first
WRITE = "dossier_write"
#: the engine's execution option while its writes are refused: why (a sentence)
_REFUSED = "dossier_writes_refused"
#: the rows the connection had changed when its transaction began (see transaction_wrote)
_CHANGES = "dossier_changes_at_begin"
#: whether the DBAPI connection is ``query_only`` now
_QUERY_ONLY = "dossier_query_only"
BUSY_TIMEOUT_MS = 5000


class WritesRefused(Exception):
    """A write was refused: the archive is read-only until it is mended; the message says why."""


def listen(engine: Engine) -> Engine:
    """Give a SQLite engine Dossier's connection settings and transaction beginnings."""
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def refuse_writes(engine: Engine, reason: str | None) -> None:
    """Refuse every write through ``engine`` from the next transaction on, saying ``reason``;
    None lifts the refusal."""
    engine.update_execution_options(**{_REFUSED: reason})


def writes_refused(engine: Engine) -> str | None:
    """Why the engine's writes are refused, or None."""
    reason = engine.get_execution_options().get(_REFUSED)
    return str(reason) if reason else None


def casefold(text: object) -> str:
    """A text without regard to case (SQL ``dossier_casefold``); '' for NULL."""
    return str(text).casefold() if text is not None else ""


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy, not the sqlite3 module, says where transactions begin (see _begin): the
    # module's own rule leaves DDL outside any transaction, so a schema would be half-made
    # whenever the process died while creating or upgrading it.
    dbapi_connection.isolation_level = None
    # the claims list's text filter folds case as Python does (SQLite's lower() only knows ASCII)
    dbapi_connection.create_function("dossier_casefold", 1, casefold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # what is deleted (a source, an informant's name) is overwritten, not left in free pages
    cursor.execute("PRAGMA secure_delete = FAST")
    cursor.close()


def _begin(connection: Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a writer: it waits for the write lock up to the busy timeout
    at its start, instead of failing at once when it reads first and another program wrote
    meanwhile (SQLite cannot wait for a stale snapshot). Refused writes: see the module."""
    options = connection.get_execution_options()
    refused = options.get(_REFUSED)
    if refused and options.get(WRITE):
        raise WritesRefused(str(refused))
    if bool(connection.info.get(_QUERY_ONLY)) != bool(refused):
        connection.exec_driver_sql(f"PRAGMA query_only = {1 if refused else 0}")
        connection.info[_QUERY_ONLY] = bool(refused)
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE) else "BEGIN")
    raw = connection.connection.dbapi_connection
    connection.info[_CHANGES] = getattr(raw, "total_changes", None)


def transaction_wrote(connection: Connection) -> bool:
    """Whether the transaction under way on ``connection`` has changed any row (every SQLite
    transaction begins with BEGIN, so being in one says nothing of writing)."""
    raw = connection.connection.dbapi_connection
    start = connection.info.get(_CHANGES)
    return raw is not None and start is not None and getattr(raw, "total_changes", start) != start
