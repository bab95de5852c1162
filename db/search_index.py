"""The stemmed shadow of the sources on SQLite (migration 0013): which sources wait to be
stemmed, stemming them, and building the whole shadow with progress.

Triggers put every new or changed source in ``source_stems_pending``; :func:`stem_pending`
writes the search forms of those sources (:func:`db.language.search_forms.index_text`) into
``source_stems``, whose own triggers keep ``source_stem_fts`` in step. Dossier's sessions do it
when they commit a write (:func:`install`); an archive upgraded from before 0013 has every source
pending until :func:`build_stem_index` has run. PostgreSQL stems in SQL and needs none of this.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

from db.language.search_forms import index_text

#: sources stemmed by one commit: the ones just written first (an import's batch is 200 files)
COMMIT_LIMIT = 1000
#: rows of the shadow written by one statement (4 parameters each, within SQLite's 32,766)
_ROWS_A_STATEMENT = 1000
#: sources stemmed per transaction while building the whole index
BUILD_CHUNK = 500


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def pending_count(session: Session) -> int:
    """How many sources wait to be stemmed (0 on PostgreSQL)."""
    if not _sqlite(session):
        return 0
    return int(session.execute(text("SELECT count(*) FROM source_stems_pending")).scalar_one())


def stem_index_ready(session: Session) -> bool:
    """True when every source's search forms are indexed (always on PostgreSQL)."""
    if not _sqlite(session):
        return True
    return session.execute(text("SELECT 1 FROM source_stems_pending LIMIT 1")).first() is None


def stem_pending(session: Session, limit: int = COMMIT_LIMIT) -> int:
    """Stem up to ``limit`` pending sources, newest first; returns how many were stemmed."""
    ids = [int(r[0]) for r in session.execute(
        text("SELECT source_id FROM source_stems_pending ORDER BY source_id DESC LIMIT :n"),
        {"n": limit})]
    if not ids:
        return 0
    _stem(session, ids)
    return len(ids)


def _stem(session: Session, ids: Sequence[int]) -> None:
    marks = ",".join(str(i) for i in ids)  # integers read from the table: safe to inline
    # rows taken one at a time as they are read (not all fetched first): a long text is held
    # once while its forms are worked out, never with the other pending texts
    values = [
        {"id": int(r[0]), "title": index_text(r[1] or "", r[4]), "body": index_text(r[2] or "", r[4]),
         "people": index_text(" ".join(x for x in (r[5], r[3]) if x), r[4])}
        for r in session.execute(text(
            "SELECT s.id, s.title, s.text, s.author, s.language, a.name FROM sources s "
            f"LEFT JOIN actors a ON a.id = s.outlet_id WHERE s.id IN ({marks})"))
    ]
    session.execute(text(f"DELETE FROM source_stems WHERE source_id IN ({marks})"))
    connection = session.connection()
    for first in range(0, len(values), _ROWS_A_STATEMENT):
        # many rows a statement: FTS5 writes what a statement indexed to disk when the next
        # statement of the transaction begins (its savepoint), one segment a statement
        chunk = values[first:first + _ROWS_A_STATEMENT]
        connection.exec_driver_sql(
            "INSERT INTO source_stems(source_id, title, body, people) VALUES "
            + ",".join(["(?, ?, ?, ?)"] * len(chunk)),
            tuple(v for row in chunk for v in (row["id"], row["title"], row["body"], row["people"])))
    session.execute(text(f"DELETE FROM source_stems_pending WHERE source_id IN ({marks})"))


def build_stem_index(
    sessions: Callable[[], Session],
    report: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Stem every pending source, a chunk per transaction, saying how far it got; cancelled, it
    keeps what is done (the rest stays pending). Returns how many sources were stemmed."""
    with sessions() as session:
        total = pending_count(session)
    done = 0
    while done < total:
        if cancelled is not None and cancelled():
            break
        with sessions() as session, session.begin():
            session.info["stemming"] = True  # this chunk only: the commit hook stays out
            count = stem_pending(session, BUILD_CHUNK)
        if count == 0:
            break
        done += count
        if report is not None:
            report(min(done, total), total, "")
    return done


def rebuild_stem_index(session: Session) -> None:
    """Queue every source again and empty the shadow (a repair; then build it)."""
    if not _sqlite(session):
        return
    session.execute(text("INSERT INTO source_stem_fts(source_stem_fts) VALUES ('rebuild')"))
    session.execute(text("DELETE FROM source_stems"))
    session.execute(text("INSERT OR IGNORE INTO source_stems_pending(source_id) SELECT id FROM sources"))


def _before_commit(session: Session) -> None:
    """Stem what this transaction wrote, when it wrote anything (a read-only session stays so)."""
    if not session.in_transaction() or session.info.get("stemming"):
        return
    from db.transactions import transaction_wrote

    if not transaction_wrote(session.connection()):
        return
    stem_pending(session)


def install(sessions: sessionmaker[Session]) -> None:
    """Make the sessions of a SQLite archive stem the sources they write when they commit."""
    event.listen(sessions, "before_commit", _before_commit)
