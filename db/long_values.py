"""Values too large to hold twice: a long text and a large original file, written to SQLite in
pieces (incremental BLOB I/O) rather than bound whole.

Binding a value makes SQLite copy it, and its search index then holds the words of the whole text
at once; with the caller's copy that is four times a 200 MB text. Here a long text is first
written a megabyte at a time into a scratch row of the connection's temporary database
(:func:`stage`); the caller lets go of its own copy and saves the source with an empty text; then
the text is moved into the source's row inside SQLite and its words into the search index
(:func:`fill`). An original file goes from disk into its row in pieces and is
never read whole. PostgreSQL takes the values whole.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from db.models import OriginalFile

#: texts longer than this (characters) are written in pieces
LONG_TEXT = 4 << 20
#: the size of each piece written
PIECE = 1 << 20
_SCRATCH = "dossier_long_texts"


def in_pieces(session: Session) -> bool:
    """Whether this archive takes values in pieces (SQLite; not an encrypted archive: sqlcipher3
    has no incremental BLOB I/O, so it takes them whole, as PostgreSQL does)."""
    dialect = session.get_bind().dialect
    return dialect.name == "sqlite" and hasattr(dialect.loaded_dbapi.Connection, "blobopen")


def _driver(session: Session) -> sqlite3.Connection:
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)  # in_pieces: only the standard module's
    return connection


def _utf8_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(len(text[at:at + PIECE].encode("utf-8")) for at in range(0, len(text), PIECE))


def stage(session: Session, text: str) -> int | None:
    """Write ``text`` into a scratch row (this connection's temporary database, gone with it)
    a piece at a time; the row's id, for :func:`fill` (None on PostgreSQL: nothing staged)."""
    if not in_pieces(session):
        return None
    connection = _driver(session)
    connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_SCRATCH} (data BLOB)")
    staged = connection.execute(f"INSERT INTO temp.{_SCRATCH} (data) VALUES (zeroblob(?))", (_utf8_length(text),))
    rowid = staged.lastrowid
    assert rowid is not None
    with connection.blobopen(_SCRATCH, "data", rowid, name="temp") as blob:
        for at in range(0, len(text), PIECE):
            blob.write(text[at:at + PIECE].encode("utf-8"))
    return rowid


def fill(session: Session, source_id: int, staged: int) -> None:
    """Move a staged text into the source's row and its words into the search index; the staged
    row is removed with it (and comes back if this is rolled back).

    The row is changed with its update trigger set aside (in this transaction only: a rollback
    puts it back too), so that SQLite holds the text once for the row and once for the index,
    not four times over; the index is then given the words as the trigger would."""
    connection = _driver(session)
    found = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sources_fts_update'"
    ).fetchone()
    if found is None:
        raise ValueError("this archive has no search index trigger to fill a long text by")
    trigger = str(found[0])
    connection.execute(
        "INSERT INTO source_fts(source_fts, rowid, title, text, outlet, author) "
        "SELECT 'delete', id, title, text, outlet, author FROM source_search_content WHERE id = ?",
        (source_id,),
    )
    connection.execute("DROP TRIGGER sources_fts_update")
    connection.execute(
        f"UPDATE sources SET text = CAST(zeroblob((SELECT length(data) FROM temp.{_SCRATCH} WHERE rowid = ?)) AS TEXT) "
        "WHERE id = ?",
        (staged, source_id),
    )
    connection.execute(trigger)
    with connection.blobopen(_SCRATCH, "data", staged, readonly=True, name="temp") as piece_from, \
            connection.blobopen("sources", "text", source_id) as piece_to:
        for piece in iter(lambda: piece_from.read(PIECE), b""):
            piece_to.write(piece)
    connection.execute(f"DELETE FROM temp.{_SCRATCH} WHERE rowid = ?", (staged,))
    connection.execute(
        "INSERT INTO source_fts(rowid, title, text, outlet, author) "
        "SELECT s.id, s.title, s.text, (SELECT name FROM actors WHERE id = s.outlet_id), s.author "
        "FROM sources s WHERE s.id = ?",
        (source_id,),
    )


def clear(session: Session) -> None:
    """Drop the scratch space (what failed imports left staged)."""
    if in_pieces(session):
        with suppress(sqlite3.OperationalError):  # still in use after a failure: goes with the connection
            _driver(session).execute(f"DROP TABLE IF EXISTS temp.{_SCRATCH}")


def store_original_file(session: Session, path: Path, file_name: str, media_type: str, sha256: str) -> int:
    """Keep a large imported file, read from disk in pieces (the one already kept if the archive
    has these bytes); its id. ValueError when the file changed while it was being read."""
    existing = session.scalar(select(OriginalFile.id).where(OriginalFile.sha256 == sha256))
    if existing is not None:
        return int(existing)
    size = path.stat().st_size
    table = cast(Table, OriginalFile.__table__)
    statement = insert(table).values(
        sha256=sha256, file_name=file_name, media_type=media_type, size=size, data=func.zeroblob(size)
    ).returning(table.c.id)
    file_id = int(session.connection().execute(statement).scalar_one())
    written = 0
    with _driver(session).blobopen("original_files", "data", file_id) as blob, path.open("rb") as handle:
        for piece in iter(lambda: handle.read(PIECE), b""):
            if written + len(piece) > size:
                raise ValueError(f"{path.name} grew while it was being imported")
            blob.write(piece)
            written += len(piece)
    if written != size:
        raise ValueError(f"{path.name} shrank while it was being imported")
    return file_id
