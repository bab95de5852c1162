"""``dossier backup OUT`` and the automatic backups: a consistent copy even while another program
holds a write transaction on the archive, refused over the archive itself or into a missing
folder; a daily one before the first write of the day, one before a merge and a big import,
none that would hold what the last one holds, a few kept."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from db import archive as archive_module
from db import backups
from db.archive import Archive
from db.backups import automatic_backups, back_up, daily_backup, list_backups, restore, rotate
from db.cli import main
from tests.factories import make_source


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        titles = [str(r[0]) for r in connection.execute("SELECT title FROM sources ORDER BY id")]
    connection.close()
    return titles


def test_a_backup_taken_while_another_program_writes_opens_and_is_whole(
    sample_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_source(sample_archive, "Committed before the copy.", title="Committed")
    writer = sqlite3.connect(sample_archive.location, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program is in the middle of writing
    writer.execute("INSERT INTO sources (uuid, title, kind, text) VALUES ('w-1', 'Not committed', 'article', 'x')")
    out = tmp_path / "copy.sqlite"
    try:
        code = main(["--archive", sample_archive.location, "backup", str(out)])
        assert code == 0, capsys.readouterr().err
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert capsys.readouterr().out == f"{out}: a copy of {sample_archive.location}\n"
    assert _titles(out) == ["ISIS Comes to Russia", "Committed"]
    assert out.stat().st_mode & 0o077 == 0  # the owner's only
    assert main(["--archive", str(out), "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "problems": [], "backup": None}


def test_a_backup_over_the_archive_or_into_a_missing_folder_is_refused(
    sample_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Path(sample_archive.location).read_bytes()
    assert main(["--archive", sample_archive.location, "backup", sample_archive.location]) == 2
    assert capsys.readouterr().err == f"{sample_archive.location}: is the archive itself; choose another file for the backup\n"
    missing = tmp_path / "nowhere" / "copy.sqlite"
    assert main(["--archive", sample_archive.location, "backup", str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: the folder {missing.parent} does not exist\n"
    assert not missing.parent.exists()
    assert Path(sample_archive.location).read_bytes() == before


def test_the_first_write_of_the_day_is_backed_up_once(
    sample_archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    path = Path(sample_archive.location)
    assert main(["--archive", str(path), "sources", "--json"]) == 0  # reading makes no backup
    assert automatic_backups(path) == []
    assert main(["--archive", str(path), "actor", "add", "Aslanbek Testoyev", "--kind", "person"]) == 0
    [daily] = automatic_backups(path)
    assert daily.parent == Path(os.environ["DOSSIER_DATA_DIR"]) / "backups"
    assert daily.name.startswith("sample.sqlite-")
    assert daily.name.endswith("-daily.sqlite")
    with sqlite3.connect(f"{daily.as_uri()}?mode=ro", uri=True) as copy:  # from before the write
        assert copy.execute("SELECT count(*) FROM actors WHERE name = 'Aslanbek Testoyev'").fetchone()[0] == 0
    copy.close()
    assert main(["--archive", str(path), "actor", "add", "Ruslan Testoyev", "--kind", "person"]) == 0
    assert automatic_backups(path) == [daily]  # one a day
    capsys.readouterr()


def test_an_unchanged_archive_is_not_backed_up_again_and_a_few_are_kept(sample_archive: Archive) -> None:
    path = Path(sample_archive.location)
    first = back_up(sample_archive, backups.MERGE)
    assert first is not None
    assert back_up(sample_archive, backups.MERGE) == first  # holds the same: not written again
    day = dt.datetime(2026, 11, 1, 9, 0, 0)
    for n in range(backups.KEEP_DAILY + 3):
        make_source(sample_archive, f"Report {n}.", title=f"Report {n}")
        assert daily_backup(sample_archive, now=day + dt.timedelta(days=n)) is not None
    assert daily_backup(sample_archive, now=day + dt.timedelta(days=backups.KEEP_DAILY + 2, hours=3)) is None
    kept = automatic_backups(path)
    reasons = [b.name.rsplit("-", 1)[1] for b in kept]
    assert reasons.count("daily.sqlite") == backups.KEEP_DAILY
    assert first in kept  # another reason's backups are kept by their own count
    assert rotate(path) == []
    dailies = [b for b in list_backups(path) if b.reason == backups.DAILY]
    assert len(dailies) == backups.KEEP_DAILY
    assert dailies[0].made == day + dt.timedelta(days=backups.KEEP_DAILY + 2)
    assert dailies[0].sources == 1 + backups.KEEP_DAILY + 3  # the sample's source and every report


def test_a_merge_and_a_big_import_are_backed_up_first(sample_archive: Archive, tmp_path: Path) -> None:
    from db.importer import import_paths
    from db.merge import merge_archives

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(backups.BIG_IMPORT):
        (folder / f"note-{n}.txt").write_text(f"Note {n}\n\nA field note, number {n}.", encoding="utf-8")
    import_paths(sample_archive, [folder], workers=0)
    path = Path(sample_archive.location)
    [before_import] = automatic_backups(path)
    assert before_import.name.endswith("-import.sqlite")
    assert _titles(before_import) == ["ISIS Comes to Russia"]

    other_path = tmp_path / "colleague.sqlite"
    other = archive_module.open(other_path)
    make_source(other, "A colleague's report.", title="Colleague")
    other.close()
    result = merge_archives(sample_archive, other_path)
    assert result.backup is not None
    assert result.backup.name.endswith("-merge.sqlite")
    assert "Colleague" not in _titles(result.backup)
    assert "Colleague" in _titles(path)


def test_restoring_keeps_the_archive_as_it_was_first(sample_archive: Archive) -> None:
    path = Path(sample_archive.location)
    old = back_up(sample_archive, backups.DAILY)
    assert old is not None
    make_source(sample_archive, "Written after the backup.", title="Later")
    before = restore(sample_archive, old)
    assert before is not None
    assert before.name.endswith("-restore.sqlite")
    assert _titles(path) == ["ISIS Comes to Russia"]
    assert "Later" in _titles(before)
    reopened = archive_module.open(path)
    reopened.close()
