"""An import killed with SIGKILL leaves an archive that opens whole, and running it again
finishes it exactly: every file and row once (issue 21, crash trials; more in
benchmarks/crash_trials.py)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import archive as archive_module
from db.importer import import_paths

REPO = Path(__file__).resolve().parents[2]
FILES, ROWS = 30, 600

#: kills itself at the Nth SQL statement containing MATCH, or at the Nth commit ("COMMIT")
_KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    from sqlalchemy import Engine, event
    from db import archive
    from db.importer import import_paths
    match, nth, path, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    seen = [0]

    def count():
        seen[0] += 1
        if seen[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)

    if match == "COMMIT":
        event.listen(Engine, "commit", lambda conn: count())
    else:
        @event.listens_for(Engine, "before_cursor_execute")
        def kill(conn, cursor, statement, parameters, context, executemany):
            if match in statement:
                count()

    opened = archive.open(path)
    import_paths(opened, [folder], workers=0)
    print("finished without being killed")
    """
)


def make_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(FILES):
        (folder / f"report-{n:03}.txt").write_text(f"Report {n}\n\nThe mission counted {n} shelters.\n")
    with (folder / "table.csv").open("w", encoding="utf-8") as table:
        table.write("title,text\n")
        for n in range(ROWS):
            table.write(f"Row {n},Row {n} of the list: {n * 7} names.\n")
    return folder


def assert_whole_and_complete(path: Path, folder: Path) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    opened = archive_module.open(path)
    try:
        again = import_paths(opened, [folder], workers=0)
        assert {r.status for r in again} <= {"imported", "duplicate"}
    finally:
        opened.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute("INSERT INTO source_fts(source_fts) VALUES ('integrity-check')")
        assert connection.execute("SELECT count(*), count(DISTINCT title) FROM sources").fetchone() == (
            FILES + ROWS, FILES + ROWS)
        assert connection.execute("SELECT count(*) FROM original_files").fetchone() == (FILES + 1,)


@pytest.mark.parametrize(
    ("match", "nth"),
    [("INSERT INTO sources", 1), ("INSERT INTO original_files", 1), ("COMMIT", 2), ("INSERT INTO sources", 2)],
)
def test_an_import_killed_part_way_leaves_a_whole_archive_and_completes_on_a_rerun(
    tmp_path: Path, match: str, nth: int
) -> None:
    path = tmp_path / "field.sqlite"
    archive_module.open(path).close()
    folder = make_folder(tmp_path / "reports")
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_IMPORT, match, str(nth), str(path), str(folder)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert_whole_and_complete(path, folder)
