"""Is the archive whole? ``check_archive`` looks at it the ways it can go wrong and says what it
finds in sentences a researcher can act on.

What is checked, in order (each check goes on when another found damage, so one bad page does not
hide the rest):

1. the file itself: SQLite's ``integrity_check`` (every page, every index against its table);
   in the quick mode ``quick_check``, run table by table so that a terminal and the window can
   show how far it got (SQLite checks a whole file in one step and cannot say), or not at all when
   the caller has just opened the archive (opening runs SQLite's quick check of the whole file);
2. the references between rows (``foreign_key_check``): an annotation whose source is gone;
3. the search indexes (FTS5's own ``integrity-check``, compared with the texts they index): the
   full mode only, as it reads the whole index and every text (12 s of a 1M-source archive's
   25 s) and holds the write lock while it does;
4. every annotation (and so every mention and statistic made on one) still reads, at its offsets
   in its source's text, the quote it stored: a text edited behind Dossier's back shows here;
5. every original file still has the sha256 it was stored with (the full mode only: it reads
   every byte of every original).

On PostgreSQL the server keeps its own pages and enforces the references itself, and the search
vectors are maintained by the server; there only 4 and 5 run and the result says which did not.
Nothing here writes: the search index's check runs in a transaction that is rolled back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from db.archive import Archive, DamagedArchive

Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: the search indexes Dossier keeps on SQLite (migrations 0001 and 0013)
SEARCH_INDEXES = ("source_fts", "source_stem_fts")
#: each one's statement, as the newest schema has it: a missing index is made again from it
_INDEX_SHAPES = {
    "source_fts": "CREATE VIRTUAL TABLE source_fts USING fts5(title, text, outlet, author, "
                  "content='source_search_content', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "source_stem_fts": "CREATE VIRTUAL TABLE source_stem_fts USING fts5(title, body, people, "
                       "content='source_stems', content_rowid='source_id', tokenize='unicode61 remove_diacritics 2')",
}
#: the tables that hold them: damage only there is mended by rebuilding the index
_INDEX_TABLES = (*SEARCH_INDEXES, "source_stems", "source_stems_pending")
#: how many annotations are compared per query
SPAN_CHUNK = 20_000
#: how much of an original file is read at a time
PIECE = 1 << 20
#: how many of SQLite's lines about one table are listed before "and N more"
SHOWN_LINES = 5
#: a row's kind in the researcher's words, by table
_ROW_WORDS = {
    "sources": "source", "annotations": "annotation", "mentions": "mention", "statistics": "statistic",
    "actors": "actor", "aliases": "alias", "relations": "relation", "codes": "code",
    "annotation_codes": "coding", "rejected_suggestions": "rejected suggestion", "estimates": "estimate",
    "place_points": "map point", "merge_base": "merge record", "original_files": "original file",
}


class CheckCancelled(Exception):
    """The researcher stopped the check; nothing was changed."""


@dataclass
class CheckResult:
    """What a check found: ``problems`` (sentences), the checks that did not apply, and the
    newest backup to go back to (set by the caller that knows where backups are)."""

    location: str
    problems: list[str] = field(default_factory=list)
    #: checks that do not apply to this archive, and why (PostgreSQL, read-only ...)
    not_checked: list[str] = field(default_factory=list)
    #: the problems that rebuilding the search index mends
    index_problems: list[str] = field(default_factory=list)
    backup: Path | None = None
    quick: bool = False
    #: the file's pages themselves are damaged (writing could spread it)
    pages_damaged: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def only_the_index(self) -> bool:
        """Damage in the search index alone: rebuilding it mends the archive."""
        return bool(self.problems) and len(self.index_problems) == len(self.problems)

    @property
    def unsafe_to_write(self) -> str | None:
        """Why nothing should be written until the archive is mended (its search index or its
        pages are damaged), or None."""
        if self.index_problems and self.only_the_index:
            return "its search index is damaged: rebuild the index to go on changing it"
        if self.pages_damaged or self.index_problems:
            return "its file is damaged: restore a backup to go on changing it"
        return None

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems),
                "backup": str(self.backup) if self.backup is not None else None}


def _reason(error: Exception) -> str:
    orig = getattr(error, "orig", None)
    return " ".join(str(orig if orig is not None else error).split())


class _Checker:
    def __init__(self, archive: Archive, quick: bool, report: Report | None, cancelled: Cancelled | None) -> None:
        self.archive = archive
        self.quick = quick
        self.report = report
        self.cancelled = cancelled
        self.result = CheckResult(archive.location, quick=quick)

    def progress(self, done: int, total: int, what: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise CheckCancelled
        if self.report is not None:
            self.report(done, total, what)

    def problem(self, sentence: str, *, index: bool = False) -> None:
        self.result.problems.append(sentence)
        if index:
            self.result.index_problems.append(sentence)

    def run(self, step: Callable[[Connection], None], what: str) -> None:
        """One check on its own connection; an error that stops it is itself a problem."""
        try:
            with self.archive.engine.connect() as connection:
                step(connection)
                connection.rollback()
        except (OperationalError, DatabaseError) as error:
            self.problem(f"{self.archive.location}: {what} could not be checked ({_reason(error)})")

    # --- 1. the file ---------------------------------------------------------------------

    def file(self, connection: Connection) -> None:
        if not self.quick:
            self.progress(0, 1, "checking every page of the file")
            rows = connection.exec_driver_sql("PRAGMA integrity_check(100)").fetchall()
            self._file_lines("", [str(r[0]) for r in rows])
            self.progress(1, 1, "checking every page of the file")
            return
        tables = [str(r[0]) for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name")]
        tables.insert(0, "sqlite_schema")
        for n, table in enumerate(tables):
            self.progress(n, len(tables), f"checking the file: {table}")
            quoted = table.replace('"', '""')
            rows = connection.exec_driver_sql(f'PRAGMA quick_check("{quoted}")').fetchall()
            self._file_lines(table, [str(r[0]) for r in rows])
        self.progress(len(tables), len(tables), "checking the file")

    def _file_lines(self, table: str, rows: list[str]) -> None:
        lines = [line.strip() for row in rows if row != "ok" for line in row.splitlines()]
        lines = [line for line in lines if line and not line.startswith("***")]
        if not lines:
            return
        more = f" and {len(lines) - SHOWN_LINES} more" if len(lines) > SHOWN_LINES else ""
        found = "; ".join(lines[:SHOWN_LINES]) + more
        where = self.archive.location
        if table.startswith(_INDEX_TABLES):
            self.problem(f"{where}: the search index is damaged (table {table}: {found}); "
                         "rebuilding the index mends it", index=True)
        elif table:
            self.result.pages_damaged = True
            self.problem(f"{where}: the file is damaged in the table of {_ROW_WORDS.get(table, table)}s "
                         f"({table}: {found})")
        else:
            self.result.pages_damaged = True
            self.problem(f"{where}: the file is damaged ({found})")

    # --- 2. references ---------------------------------------------------------------------

    def references(self, connection: Connection) -> None:
        self.progress(0, 1, "checking references between rows")
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        for table, rowid, parent, _fk in rows[:100]:
            row = _ROW_WORDS.get(str(table), str(table))
            points = _ROW_WORDS.get(str(parent), str(parent))
            self.problem(f"{self.archive.location}: {row} {rowid} refers to a {points} that is not in the archive")
        if len(rows) > 100:
            self.problem(f"{self.archive.location}: and {len(rows) - 100} more rows refer to rows not in the archive")
        self.progress(1, 1, "checking references between rows")

    # --- 3. the search indexes ---------------------------------------------------------------

    def _present_indexes(self, connection: Connection) -> list[str]:
        """The search indexes there are (each missing one is a problem)."""
        present = {str(r[0]) for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")}
        for name in SEARCH_INDEXES:
            if name not in present and "sources" in present:
                self.problem(f"{self.archive.location}: the search index {name} is missing; "
                             "rebuilding the index mends it", index=True)
        return [name for name in SEARCH_INDEXES if name in present]

    def search_indexes_open(self, connection: Connection) -> None:
        """The quick check's: each index is there and answers a search (its structure is readable)."""
        for name in self._present_indexes(connection):
            try:
                connection.exec_driver_sql(f"SELECT rowid FROM {name} WHERE {name} MATCH 'dossier' LIMIT 1").fetchall()
            except (OperationalError, DatabaseError) as error:
                self.problem(f"{self.archive.location}: the search index is damaged ({name}: {_reason(error)}); "
                             "rebuilding the index mends it", index=True)

    def search_indexes(self, connection: Connection) -> None:
        indexes = self._present_indexes(connection)
        for n, name in enumerate(indexes):
            self.progress(n, len(indexes), f"checking the search index {name}")
            try:  # rank 1: compared with the texts it indexes too
                connection.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
            except (OperationalError, DatabaseError) as error:
                reason = _reason(error)
                if "readonly" in reason or "read-only" in reason:
                    self.result.not_checked.append(f"the search index {name} (the archive is read-only)")
                    continue
                self.problem(f"{self.archive.location}: the search index is damaged ({name}: {reason}); "
                             "rebuilding the index mends it", index=True)
        self.progress(len(indexes), len(indexes), "checking the search index")

    # --- 4. spans --------------------------------------------------------------------------

    def spans(self, connection: Connection) -> None:
        total = int(connection.execute(text("SELECT count(*) FROM annotations")).scalar_one())
        last, done = 0, 0
        self.progress(0, total, "checking quotes against the texts")
        while True:
            ids = [int(r[0]) for r in connection.execute(text(
                "SELECT id FROM annotations WHERE id > :last ORDER BY id LIMIT :n"),
                {"last": last, "n": SPAN_CHUNK})]
            if not ids:
                break
            for row in connection.execute(text(
                'SELECT a.id, a.source_id, s.title, a.start, a."end", '
                "(SELECT min(m.id) FROM mentions m WHERE m.annotation_id = a.id), "
                "(SELECT min(st.id) FROM statistics st WHERE st.annotation_id = a.id) "
                "FROM annotations a JOIN sources s ON s.id = a.source_id "
                "WHERE a.id BETWEEN :first AND :last AND NOT a.orphaned "
                'AND (substr(s.text, a.start + 1, a."end" - a.start) IS DISTINCT FROM a.quote '
                "OR length(s.text) < a.\"end\")"),
                {"first": ids[0], "last": ids[-1]},
            ):
                self.problem(_span_problem(*row))
            last, done = ids[-1], done + len(ids)
            self.progress(done, total, "checking quotes against the texts")

    # --- 5. originals ------------------------------------------------------------------------

    def originals(self, connection: Connection) -> None:
        files = [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in connection.execute(text(
            "SELECT id, sha256, file_name, size FROM original_files ORDER BY id"))]
        total = sum(size for *_, size in files) or 1
        done = 0
        sqlite = connection.dialect.name == "sqlite"
        piece_sql = text("SELECT substr(data, :at, :n) FROM original_files WHERE id = :id" if sqlite else
                         "SELECT substring(data from :at for :n) FROM original_files WHERE id = :id")
        for file_id, sha256, name, size in files:
            self.progress(done, total, f"checking the original {name}")
            digest = hashlib.sha256()
            at = 1
            while True:
                piece = connection.execute(piece_sql, {"at": at, "n": PIECE, "id": file_id}).scalar()
                if not piece:
                    break
                digest.update(bytes(piece))
                at += len(piece)
                self.progress(done + at - 1, total, f"checking the original {name}")
            if digest.hexdigest() != sha256:
                self.problem(self._original_problem(connection, file_id, name))
            done += size
        self.progress(total, total, "checking the originals")

    def _original_problem(self, connection: Connection, file_id: int, name: str) -> str:
        users = connection.execute(text(
            "SELECT id, title FROM sources WHERE original_file_id = :id ORDER BY id LIMIT 3"), {"id": file_id}).all()
        count = int(connection.execute(text(
            "SELECT count(*) FROM sources WHERE original_file_id = :id"), {"id": file_id}).scalar_one())
        what = f"its original file '{name}' no longer matches the sha256 it was imported with (its bytes changed)"
        if not users:
            return f"{self.archive.location}: original file {file_id} '{name}' no longer matches its sha256"
        more = f" (and {count - 1} more sources made from it)" if count > 1 else ""
        source_id, title = users[0]
        return f"source {source_id} '{_short(title)}': {what}{more}"


def _short(title: object, limit: int = 60) -> str:
    shown = " ".join(str(title or "").split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _span_problem(annotation_id: int, source_id: int, title: str | None, start: int, end: int,
                  mention_id: int | None, statistic_id: int | None) -> str:
    if statistic_id is not None:
        what = f"statistic {statistic_id}'s quote (annotation {annotation_id})"
    elif mention_id is not None:
        what = f"mention {mention_id}'s quote (annotation {annotation_id})"
    else:
        what = f"annotation {annotation_id}'s quote"
    return f"source {source_id} '{_short(title)}': {what} no longer matches the text at {start}–{end}"


def check_archive(archive: Archive, *, quick: bool = False, file_checked: bool = False,
                  report: Report | None = None, cancelled: Cancelled | None = None) -> CheckResult:
    """Check ``archive`` (see the module); ``report(done, total, what)`` says how far each step
    got. ``file_checked``: the quick mode leaves out the file's pages (the archive was opened just
    now, which checked them). Raises :class:`CheckCancelled` when ``cancelled()`` turns true;
    writes nothing."""
    checker = _Checker(archive, quick, report, cancelled)
    if archive.dialect == "sqlite":
        if not (quick and file_checked):
            checker.run(checker.file, "the file")
        checker.run(checker.references, "the references between rows")
        if quick:
            checker.run(checker.search_indexes_open, "the search index")
            checker.result.not_checked.append("the search index's every entry (the quick check does not read all of it)")
        else:
            checker.run(checker.search_indexes, "the search index")
    else:
        checker.result.not_checked += [
            "the file's pages (the PostgreSQL server keeps and checks its own)",
            "references between rows (the PostgreSQL server enforces them)",
            "the search index (the PostgreSQL server maintains it)",
        ]
    checker.run(checker.spans, "the quotes")
    if quick:
        checker.result.not_checked.append("the originals' sha256 (the quick check does not read every file)")
    else:
        checker.run(checker.originals, "the original files")
    return checker.result


def damaged_result(damaged: DamagedArchive) -> CheckResult:
    """What ``check`` says of an archive that could not even be opened (SQLite's check on opening
    found it damaged): that damage, as one problem."""
    return CheckResult(str(damaged.path), problems=[f"{damaged.path}: the file is damaged ({damaged.problem})"])


def rebuild_search_indexes(archive: Archive, report: Report | None = None, cancelled: Cancelled | None = None) -> int:
    """Build the search indexes again from the texts (what mends a damaged index): the exact one
    in one step, then the stemmed one a chunk at a time with progress; returns the sources
    stemmed. Cancelled, the stemmed index keeps what it has (the rest waits, as after an upgrade)."""
    from db.search_index import build_stem_index, rebuild_stem_index

    if archive.dialect != "sqlite":
        return 0
    if report is not None:
        report(0, 1, "rebuilding the search index")
    with archive.writing() as session:
        present = {str(name) for name in session.execute(
            text("SELECT name FROM sqlite_schema WHERE type = 'table'")).scalars()}
        for name in SEARCH_INDEXES:
            if name not in present:
                session.execute(text(_INDEX_SHAPES[name]))
                continue
            _clear_if_unreadable(session, name)
        session.execute(text("INSERT INTO source_fts(source_fts) VALUES ('rebuild')"))
        session.info["stemming"] = True  # the commit stems nothing: the build below does, with progress
        rebuild_stem_index(session)
    return build_stem_index(archive.sessions, report, cancelled)


def _clear_if_unreadable(session: Session, name: str) -> None:
    """An index whose structure record is garbage cannot even be opened to be rebuilt: its
    shadow rows (all derived from the texts) are emptied first, in the rebuild's transaction."""
    try:
        with session.begin_nested():
            session.execute(text(f"SELECT rowid FROM {name} LIMIT 1"))
    except (OperationalError, DatabaseError):
        session.execute(text(f"DELETE FROM {name}_data"))
        session.execute(text(f"DELETE FROM {name}_idx"))
        # an empty structure record (id 10 in FTS5's layout): the index opens, empty, to be rebuilt
        session.execute(text(f"INSERT INTO {name}_data(id, block) VALUES (10, x'')"))
