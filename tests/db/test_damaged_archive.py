"""A damaged archive is found when it is opened (issue 21, defect 5): one clear line, exit 2,
nothing written to it, and the backup beside it offered and restorable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import archive as archive_module
from db.archive import DamagedArchive, migrate
from db.cli import main
from db.sqlite_file import restore_backup


def _fill(path: Path, count: int = 300) -> None:
    opened = archive_module.open(path)
    opened.close()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO sources (uuid, title, kind, text) VALUES (?, ?, 'article', ?)",
            [(f"f-{n}", f"Report {n}", f"Report {n}: the shelling of the market. " * 40) for n in range(count)],
        )
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a bad copy does."""
    size = path.stat().st_size
    start = size // 3 // 4096 * 4096
    with path.open("r+b") as handle:
        for at in range(start, start + 8 * 4096, 4096):
            handle.seek(at)
            handle.write(b"\x5a" * 600)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "field.sqlite"
    _fill(path)
    _damage(path)
    return path


def test_a_damaged_archive_is_refused_on_opening(damaged: Path) -> None:
    with pytest.raises(DamagedArchive, match="the archive is damaged") as caught:
        archive_module.open(damaged)
    assert caught.value.backup is None
    assert "no backup" in str(caught.value)


def test_the_command_line_says_it_in_one_line_and_imports_nothing(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = damaged.read_bytes()
    report = tmp_path / "new.txt"
    report.write_text("New\n\nA new report.\n")
    for argv in (["sources", "--json"], ["import", str(report), "--json"]):
        code = main(["--archive", str(damaged), *argv])
        out, err = capsys.readouterr()
        assert code == 2
        assert out == ""
        [line] = err.splitlines()
        assert line.startswith(f"{damaged}: the archive is damaged (")
    assert damaged.read_bytes() == before


def damaged_with_backup(path: Path, kept_title: str) -> Path:
    """An archive made by an older Dossier with one source, upgraded (its backup from before
    beside it), filled since, then damaged."""
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO sources (uuid, title, kind, text) VALUES ('k-1', ?, 'article', 'Kept.')",
                           (kept_title,))
    connection.close()
    archive_module.open(path).close()
    _fill(path)
    _damage(path)
    return path


def test_the_backup_beside_it_is_offered_and_restored(tmp_path: Path) -> None:
    path = damaged_with_backup(tmp_path / "old.sqlite", "Kept")
    with pytest.raises(DamagedArchive) as caught:
        archive_module.open(path)
    backup = caught.value.backup
    assert backup is not None
    assert str(backup) in str(caught.value)
    aside = restore_backup(path, backup)
    assert aside.exists()
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            from sqlalchemy import text

            assert session.execute(text("SELECT title FROM sources")).scalars().all() == ["Kept"]
    finally:
        opened.close()


def test_a_large_archive_the_window_checks_later_opens_at_once_and_the_check_finds_the_damage(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the size limit, the window's opening reads only the schema (the quick check takes
    seconds at a million sources) and leaves the quick check to its reader thread; the command
    line still refuses the damaged file at once."""
    from db.integrity import check_archive

    monkeypatch.setattr(archive_module, "QUICK_CHECK_LIMIT", 1024)
    with pytest.raises(DamagedArchive):
        archive_module.open(damaged)
    opened = archive_module.open(damaged, checked_later=True)
    try:
        assert not opened.pages_checked  # so the window's quick check reads the pages itself
        result = check_archive(opened, quick=True, file_checked=opened.pages_checked)
        assert not result.ok
    finally:
        opened.close()


def test_check_quick_on_a_large_archive_checks_its_pages_itself(
    damaged: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dossier check --quick` on a large archive: the opening reads only the schema (no refusal
    before the check starts), the check reads the file's pages table by table and finds the damage."""
    monkeypatch.setattr(archive_module, "QUICK_CHECK_LIMIT", 1024)
    code = main(["--archive", str(damaged), "check", "--quick"])
    _out, err = capsys.readouterr()
    assert code == 1  # found by the check (a refusal on opening exits 2)
    assert err.startswith(f"{damaged}: the file could not be checked (database disk image is malformed)")


def test_an_archive_of_a_few_tens_of_megabytes_is_not_quick_checked_before_the_window_opens(tmp_path: Path) -> None:
    """The quick check reads every page (a third of a second at 100,000 sources): the window
    opens an archive of 40 MB with the schema read only, the check left to its reader thread;
    the command line (and a small archive) still checks the pages before opening."""
    path = tmp_path / "forty.sqlite"
    _fill(path, count=0)
    with sqlite3.connect(path) as connection:
        connection.executemany("INSERT INTO sources (uuid, title, kind, text) VALUES (?, ?, 'article', ?)",
                               [(f"b-{n}", f"Bulletin {n}", f"Bulletin {n} of the monitoring mission. " * 1000)
                                for n in range(1000)])
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert path.stat().st_size > 40 << 20
    small = tmp_path / "small.sqlite"
    _fill(small, count=10)
    for location, checked_later, pages_checked in ((path, True, False), (path, False, True), (small, True, True)):
        opened = archive_module.open(location, checked_later=checked_later)
        try:
            assert opened.pages_checked is pages_checked, (location.name, checked_later)
        finally:
            opened.close()
