"""An import while another program writes to the same archive (issue 21, defect 2).

The other writer is a real second SQLite connection that takes the write lock in the middle of the
import and holds it for a while, as the window saving an annotation or a second import would.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from db.archive import Archive
from db.importer import import_paths


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"report-{number:03}.txt").write_text(
            f"Report {number}\n\nThe monitors counted {number + 10} displaced families.\n", encoding="utf-8"
        )
    return folder


class OtherWriter:
    """A second program's connection: takes the write lock when asked, lets go ``hold`` s later."""

    def __init__(self, path: Path, hold: float) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.hold = hold
        self.released = threading.Event()
        self.taken = False

    def take(self) -> None:
        self.taken = True
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute(
            "INSERT INTO actors (uuid, name, kind) VALUES ('other-1', 'Memorial', 'organisation')"
        )
        threading.Timer(self.hold, self.release).start()

    def release(self) -> None:
        self.connection.execute("COMMIT")
        self.released.set()


def test_an_import_waits_for_another_writer_and_loses_no_file(archive: Archive, archive_path: Path, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 40)
    other = OtherWriter(archive_path, hold=1.5)

    def report(done: int, _total: int, _current: str) -> None:
        if done == 12 and not other.taken:
            other.take()

    results = import_paths(archive, [folder], report=report, workers=0)
    assert other.released.wait(10)
    other.connection.close()
    assert [r.status for r in results] == ["imported"] * 40, [r.error for r in results if r.error][:3]
    with archive.session() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM sources")).scalar() == 40
        assert session.execute(text("SELECT name FROM actors WHERE uuid = 'other-1'")).scalar() == "Memorial"


def test_a_second_import_of_the_same_archive_at_once_imports_everything(archive: Archive, archive_path: Path, tmp_path: Path) -> None:
    from db import archive as archive_module

    first, second = _folder(tmp_path / "a", 60), _folder(tmp_path / "b", 60)
    for number, path in enumerate(sorted(second.iterdir())):
        path.write_text(f"Another {number}\n\nA second list, {number} names.\n", encoding="utf-8")
    other = archive_module.open(archive_path)
    outcome: dict[str, list[str]] = {}

    def run() -> None:
        outcome["second"] = [r.status for r in import_paths(other, [second], workers=0)]

    thread = threading.Thread(target=run)
    thread.start()
    outcome["first"] = [r.status for r in import_paths(archive, [first], workers=0)]
    thread.join(60)
    other.close()
    assert outcome["first"] == ["imported"] * 60
    assert outcome["second"] == ["imported"] * 60


def test_a_write_that_reads_first_waits_for_another_writer(archive: Archive, archive_path: Path) -> None:
    """The window's writes (undo commands) read, then write: they take the lock first too."""
    from sqlalchemy import text

    other = OtherWriter(archive_path, hold=1.0)
    with archive.writing() as session:
        before = session.execute(text("SELECT count(*) FROM actors")).scalar()
    other.take()
    with archive.writing() as session:
        count = session.execute(text("SELECT count(*) FROM actors")).scalar()
        session.execute(text("INSERT INTO actors (uuid, name, kind) VALUES ('w-1', 'OSCE', 'organisation')"))
    assert other.released.wait(10)
    other.connection.close()
    assert (before, count) == (0, 1)
