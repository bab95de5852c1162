"""Creating and upgrading an archive survives a kill -9 and a full disk (issue 21, defect 1).

Each trial kills a real process (``SIGKILL``, nothing runs after it) at a chosen SQL statement of
the creation or the upgrade; the archive must then open, pass ``PRAGMA integrity_check`` and be at
the head revision, and an upgrade run again must finish with one backup only.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text

from db import archive as archive_module
from db.archive import HEAD_REVISION, ArchiveError, migrate

REPO = Path(__file__).resolve().parents[2]

#: kills itself just before the Nth SQL statement (or the first one containing MATCH)
_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from sqlalchemy import Engine, event
    from db import archive
    target, path = sys.argv[1], sys.argv[2]
    seen = [0]

    @event.listens_for(Engine, "before_cursor_execute")
    def kill(conn, cursor, statement, parameters, context, executemany):
        seen[0] += 1
        if (target.isdigit() and seen[0] == int(target)) or (not target.isdigit() and target in statement):
            os.kill(os.getpid(), signal.SIGKILL)

    archive.open(path).close()
    print("finished without being killed")
    """
)


def killed_at(target: str, path: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-c", _KILLER, target, str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    return done


def assert_whole(path: Path) -> None:
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
            session.execute(text("INSERT INTO actors (uuid, name, kind) VALUES ('a-1', 'OSCE', 'organisation')"))
    finally:
        opened.close()


@pytest.mark.parametrize("statement", ["5", "20", "45", "CREATE VIRTUAL TABLE", "CREATE TRIGGER sources_fts_update"])
def test_an_archive_killed_while_being_created_opens_afterwards(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "field.sqlite"
    done = killed_at(statement, path)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert_whole(path)


def test_an_upgrade_killed_half_way_resumes_with_one_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sources (uuid, title, kind, text) VALUES ('u-1', 'Old report', 'article', 'Forty were killed.')"
        )
    engine.dispose()
    for _ in range(2):  # killed on the upgrade's second index, twice
        done = killed_at("ix_statistics_measure_subject", path)
        assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            assert session.execute(text("SELECT title FROM sources")).scalar() == "Old report"
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        opened.close()
    backups = sorted(p.name for p in tmp_path.glob("old.sqlite.*.bak"))
    assert len(backups) == 1, backups
    assert opened.backup is not None
    assert opened.backup.name == backups[0]
    with sqlite3.connect(opened.backup) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_a_backup_is_written_again_when_the_archive_changed_since(tmp_path: Path) -> None:
    """The backup is reused only while it holds what the archive holds."""
    path = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0001")
    engine.dispose()
    killed_at("ix_statistics_measure_subject", path)
    with sqlite3.connect(path) as connection:  # the older Dossier, used again meanwhile
        connection.execute("INSERT INTO actors (uuid, name, kind) VALUES ('a-9', 'HRW', 'organisation')")
    opened = archive_module.open(path)
    opened.close()
    assert opened.backup is not None
    with sqlite3.connect(opened.backup) as backup:
        assert backup.execute("SELECT name FROM actors").fetchall() == [("HRW",)]


def _twelve_pages(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute("PRAGMA max_page_count = 12")


def test_a_disk_full_while_creating_leaves_no_bricked_archive(tmp_path: Path) -> None:
    """Every SQLite connection may grow to 12 pages only: SQLite's own "database or disk is
    full", as a full disk gives it. Once there is room again, the archive is created."""
    path = tmp_path / "new.sqlite"
    event.listen(Engine, "connect", _twelve_pages)
    try:
        with pytest.raises(ArchiveError, match="disk full"):
            archive_module.open(path)
    finally:
        event.remove(Engine, "connect", _twelve_pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert_whole(path)
