"""Crash trials: kill -9 archive creation and imports at random moments, fill the disk while an
archive is created, and check what is left (issue 21).

    python benchmarks/crash_trials.py [--creations 25] [--imports 25] [--disk-full 5] [--seed 21]

Each trial is a fresh process killed with SIGKILL after a random delay (nothing of it runs after
that). Afterwards the archive must open, pass ``PRAGMA integrity_check`` and the search index's
own check, and running the same import again must finish it exactly: every file and row once.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

FILES, ROWS = 300, 5000

_CREATE = "import sys; from db import archive; archive.open(sys.argv[1]).close()"
_IMPORT = (
    "import sys; from db import archive; from db.importer import import_paths; "
    "import_paths(archive.open(sys.argv[1]), [sys.argv[2]], workers=0)"
)
_FULL_DISK = """
import sys
from sqlalchemy import Engine, event
from db import archive

@event.listens_for(Engine, "connect")
def limit(connection, _record):
    connection.execute(f"PRAGMA max_page_count = {int(sys.argv[2])}")

try:
    archive.open(sys.argv[1]).close()
except archive.ArchiveError as error:
    print(error)
"""


def make_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    for n in range(FILES):
        (folder / f"report-{n:04}.txt").write_text(f"Report {n}\n\nThe mission counted {n} shelters in the district.\n")
    with (folder / "table.csv").open("w", encoding="utf-8") as table:
        table.write("title,text\n")
        for n in range(ROWS):
            table.write(f"Row {n},Row {n} of the list: {n * 7} names.\n")


def killed(code: str, args: list[str], delay: float) -> bool:
    """Run ``code`` and kill it after ``delay`` s; whether it was still running when killed."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def whole(path: Path) -> str | None:
    """What is wrong with the archive at ``path`` (None: it opens and is whole)."""
    from db import archive

    try:
        archive.open(path).close()
    except archive.ArchiveError as error:
        return str(error)
    with sqlite3.connect(path) as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.execute("INSERT INTO source_fts(source_fts) VALUES ('integrity-check')")
    return None if check == "ok" else check


def rerun_exact(path: Path, folder: Path) -> bool:
    from db import archive
    from db.importer import import_paths

    opened = archive.open(path)
    results = import_paths(opened, [folder], workers=0)
    opened.close()
    with sqlite3.connect(path) as connection:
        count, distinct = connection.execute("SELECT count(*), count(DISTINCT title) FROM sources").fetchone()
    return {r.status for r in results} <= {"imported", "duplicate"} and count == distinct == FILES + ROWS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--creations", type=int, default=25)
    parser.add_argument("--imports", type=int, default=25)
    parser.add_argument("--disk-full", type=int, default=5)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="dossier-crash-trials-"))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _CREATE, str(base / "timing.sqlite")], cwd=ROOT, check=True)
    creation = time.perf_counter() - start
    rows = []
    bad = killed_count = 0
    for trial in range(args.creations):
        path = base / f"create-{trial}.sqlite"
        killed_count += killed(_CREATE, [str(path)], rng.uniform(0.2, creation * 1.1))
        bad += whole(path) is not None
    rows.append(["creation killed", args.creations, killed_count, bad, "-"])

    folder = base / "reports"
    make_folder(folder)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _IMPORT, str(base / "timing-import.sqlite"), str(folder)], cwd=ROOT, check=True)
    duration = time.perf_counter() - start
    bad = killed_count = inexact = 0
    for trial in range(args.imports):
        path = base / f"import-{trial}.sqlite"
        subprocess.run([sys.executable, "-c", _CREATE, str(path)], cwd=ROOT, check=True)
        killed_count += killed(_IMPORT, [str(path), str(folder)], rng.uniform(0.5, duration))
        problem = whole(path)
        bad += problem is not None
        inexact += problem is None and not rerun_exact(path, folder)
    rows.append(["import killed", args.imports, killed_count, bad, inexact])

    bad = 0
    for trial in range(args.disk_full):
        path = base / f"full-{trial}.sqlite"
        subprocess.run([sys.executable, "-c", _FULL_DISK, str(path), str(rng.randint(3, 40))], cwd=ROOT, check=True,
                       capture_output=True)
        bad += whole(path) is not None  # created afterwards with room: must work
    rows.append(["disk full while creating", args.disk_full, "-", bad, "-"])
    print_table(["trial", "runs", "killed mid-way", "not whole afterwards", "re-run not exact"], rows)
    print(f"(a creation takes {creation:.1f} s, the import of {FILES} files and {ROWS} rows {duration:.1f} s)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
