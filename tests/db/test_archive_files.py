"""An archive's files are its owner's alone, and other programs' databases are named as such
(issue 21, defect 13)."""

from __future__ import annotations

import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from db import archive as archive_module
from db.archive import ArchiveError, migrate


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_archives_their_journals_and_backups_are_private(tmp_path: Path) -> None:
    path = tmp_path / "field.sqlite"
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            from sqlalchemy import text

            session.execute(text("INSERT INTO actors (uuid, name, kind) VALUES ('a-1', 'Informant A', 'person')"))
        assert mode(path) == 0o600
        for journal in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if journal.exists():
                assert mode(journal) == 0o600
    finally:
        opened.close()
    old = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(old)
    migrate(engine, "0001")
    engine.dispose()
    old.chmod(0o644)
    upgraded = archive_module.open(old)
    upgraded.close()
    assert upgraded.backup is not None
    assert mode(upgraded.backup) == 0o600
    assert mode(old) == 0o600


def test_another_programs_alembic_database_is_not_called_a_newer_dossier(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    connection.close()
    with pytest.raises(ArchiveError, match="not a Dossier archive") as caught:
        archive_module.open(path)
    assert "newer" not in str(caught.value)
