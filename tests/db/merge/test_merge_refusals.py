"""What cannot be merged is refused with a clear message, exit 2, and nothing changed; a merge
killed half-way (kill -9) leaves the archive as it was; Cancel too."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import archive as archive_module
from db.archive import Archive
from db.cli import main
from db.commands import NewSource, add_source
from db.merge import MergeCancelled, merge_archives
from tests.conftest import REPO
from tests.db.merge.conftest import content


def _filled(archive: Archive, n: int = 3) -> None:
    with archive.session() as s:
        for i in range(n):
            add_source(s, NewSource(text=f"Report number {i}: 40 people were killed.", title=f"R{i}"))


def _refused(archive: Archive, other: str, capsys: pytest.CaptureFixture[str]) -> str:
    before = content(archive)
    code = main(["--archive", archive.location, "merge", other])
    _, err = capsys.readouterr()
    assert code == 2
    assert content(archive) == before
    return err.strip()


def test_what_is_not_an_archive_is_refused(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("field notes, not a database\n" * 20)
    assert _refused(archive, str(notes), capsys) == f"{notes}: not a Dossier archive (not a SQLite database)"
    birds = tmp_path / "birds.db"
    connection = sqlite3.connect(birds)
    connection.execute("CREATE TABLE birds (name TEXT)")
    connection.commit()
    connection.close()
    assert "a database of something else" in _refused(archive, str(birds), capsys)
    assert _refused(archive, str(tmp_path / "missing.sqlite"), capsys).endswith("no such archive")
    assert notes.read_text().startswith("field notes")


def test_an_archive_from_a_newer_dossier_is_refused(archive: Archive, archive_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "newer.sqlite"
    archive_module.open(other).close()
    connection = sqlite3.connect(other)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    connection.commit()
    connection.close()
    assert "written by a newer version of Dossier" in _refused(archive, str(other), capsys)


def test_the_same_file_is_refused(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    _filled(archive)
    assert "is the archive being merged into" in _refused(archive, archive.location, capsys)


def test_a_locked_archive_is_refused(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "locked.sqlite"
    opened = archive_module.open(other)
    _filled(opened)
    opened.close()
    holder = sqlite3.connect(other, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert "locked by another program" in _refused(archive, str(other), capsys)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_older_archive_is_merged_from_an_upgraded_copy_and_left_untouched(archive: Archive, tmp_path: Path) -> None:
    other = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(other)
    archive_module.migrate(engine, "0003")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sources (uuid, title, kind, text) VALUES ('u-1', 'Old report', 'article', 'Forty were killed.')")
    engine.dispose()
    before = other.read_bytes()
    result = merge_archives(archive, other)
    assert result.added == {"sources": 1}
    assert other.read_bytes() == before


def test_cancel_leaves_the_archive_as_it_was(archive: Archive, tmp_path: Path) -> None:
    other = archive_module.open(tmp_path / "other.sqlite")
    _filled(other, 20)
    other.close()
    before = content(archive)
    with pytest.raises(MergeCancelled):
        merge_archives(archive, tmp_path / "other.sqlite", cancelled=lambda: True)
    assert content(archive) == before


KILLED_MERGE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from db import archive
    from db.merge import merge_archives
    ours = archive.open(sys.argv[1])
    marker = Path(sys.argv[3])
    def report(done, total, current):
        if done and not marker.exists():  # writing has begun: wait to be killed
            marker.write_text("writing")
            time.sleep(60)
    merge_archives(ours, sys.argv[2], report=report)
""")


def test_a_merge_killed_half_way_leaves_the_archive_as_it_was(archive: Archive, tmp_path: Path) -> None:
    _filled(archive, 2)
    other = archive_module.open(tmp_path / "other.sqlite")
    _filled(other, 200)
    other.close()
    before = content(archive)
    archive.close()
    marker = tmp_path / "marker"
    process = subprocess.Popen([sys.executable, "-c", KILLED_MERGE, archive.location, str(tmp_path / "other.sqlite"),
                                str(marker)], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        for _ in range(600):
            if marker.exists() or process.poll() is not None:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        assert marker.exists(), "the merge never started writing"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    reopened = archive_module.open(archive.location)
    try:
        assert content(reopened) == before
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.close()


def test_merge_json_and_dry_run_from_the_command_line(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = archive_module.open(tmp_path / "other.sqlite")
    _filled(other, 2)
    other.close()
    code = main(["--archive", archive.location, "merge", str(tmp_path / "other.sqlite"), "--dry-run", "--json"])
    dry = json.loads(capsys.readouterr().out)
    assert code == 0
    assert dry["added"]["sources"] == 2
    assert dry["dry_run"] is True
    assert content(archive)["sources"] == []
    code = main(["--archive", archive.location, "merge", str(tmp_path / "other.sqlite")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[1].split() == ["kind", "added", "updated", "deleted"]
    assert out.splitlines()[3].split() == ["sources", "2", "0", "0"]
    main(["--archive", archive.location, "merge", str(tmp_path / "other.sqlite"), "--json"])
    again = json.loads(capsys.readouterr().out)
    assert set(again["added"].values()) == {0}
    assert set(again["updated"].values()) == {0}
