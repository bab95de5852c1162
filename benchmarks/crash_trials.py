"""Crash trials: kill -9 archive creation, imports, merges and edits at random moments, fill the
disk while an archive is created, and check what is left (issues 21 and 17).

    python benchmarks/crash_trials.py [--creations 25] [--imports 25] [--merges 10] [--edits 10]
                                      [--disk-full 5] [--seed 21]

Each trial is a fresh process killed with SIGKILL after a random delay (nothing of it runs after
that). Afterwards the archive must open and pass ``dossier check`` (db.integrity: SQLite's
integrity_check, references, the search index against the texts, every quote at its offsets,
every original's sha256); running the same import or merge again must finish it exactly.
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
_SETUP = (
    "import sys; from db import archive; from db.importer import import_paths; "
    "opened = archive.open(sys.argv[1]); import_paths(opened, sys.argv[2:], workers=0); opened.close()"
)
_MERGE = (
    "import sys; from db import archive; from db.merge import merge_archives; "
    "merge_archives(archive.open(sys.argv[1]), sys.argv[2])"
)
# edits as the window makes them, one transaction each: annotate, correct the text (the
# annotations re-anchored), delete an annotation
_EDITS = """
import sys
from sqlalchemy import text
from db import archive
from db.anchors import replace_source_text
from db.commands import add_annotation, delete_annotation
opened = archive.open(sys.argv[1])
n = 0
while True:
    n += 1
    with opened.session() as session:
        source = 1 + n % 50
        body = session.execute(text("SELECT text FROM sources WHERE id = :i"), {"i": source}).scalar_one()
        at = body.find("shelters")
        made = add_annotation(session, source, at, at + 8)
    with opened.session() as session:
        replace_source_text(session, source, f"Update {n}: " + body)
    if n % 3 == 0:
        with opened.session() as session:
            delete_annotation(session, made)
"""
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
    """What is wrong with the archive at ``path`` (None: it opens and ``check`` finds it whole)."""
    from db import archive
    from db.integrity import check_archive

    try:
        opened = archive.open(path)
    except archive.ArchiveError as error:
        return str(error)
    try:
        result = check_archive(opened)
    finally:
        opened.close()
    return None if result.ok else "; ".join(result.problems)


def rerun_exact(path: Path, folder: Path) -> bool:
    from db import archive
    from db.importer import import_paths

    opened = archive.open(path)
    results = import_paths(opened, [folder], workers=0)
    opened.close()
    with sqlite3.connect(path) as connection:
        count, distinct = connection.execute("SELECT count(*), count(DISTINCT title) FROM sources").fetchone()
    return {r.status for r in results} <= {"imported", "duplicate"} and count == distinct == FILES + ROWS


def merge_exact(path: Path, theirs: Path, expected: int) -> bool:
    from db import archive
    from db.merge import merge_archives

    opened = archive.open(path)
    merge_archives(opened, theirs)
    again = merge_archives(opened, theirs)  # the same archive again: nothing to add
    opened.close()
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM sources").fetchone()[0]
    return count == expected and not again.added and not again.updated


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--creations", type=int, default=25)
    parser.add_argument("--imports", type=int, default=25)
    parser.add_argument("--merges", type=int, default=10)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--disk-full", type=int, default=5)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="dossier-crash-trials-"))
    os.environ["DOSSIER_DATA_DIR"] = str(base / "data")  # the automatic backups: not the user's
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

    # ours: the reports; theirs: the table of rows (a merge of 5000 new sources)
    ours, theirs = base / "timing-ours.sqlite", base / "timing-theirs.sqlite"
    for archive_path, part in ((ours, [f for f in folder.iterdir() if f.suffix == ".txt"][:50]),
                               (theirs, [folder / "table.csv"])):
        subprocess.run([sys.executable, "-c", _SETUP, str(archive_path),
                        *map(str, part)], cwd=ROOT, check=True)
    with sqlite3.connect(ours) as connection:
        ours_count = connection.execute("SELECT count(*) FROM sources").fetchone()[0]
    connection.close()
    start = time.perf_counter()
    timing = base / "timing-merge.sqlite"
    timing.write_bytes(ours.read_bytes())
    subprocess.run([sys.executable, "-c", _MERGE, str(timing), str(theirs)], cwd=ROOT, check=True)
    merging = time.perf_counter() - start
    bad = killed_count = inexact = 0
    for trial in range(args.merges):
        path = base / f"merge-{trial}.sqlite"
        path.write_bytes(ours.read_bytes())
        killed_count += killed(_MERGE, [str(path), str(theirs)], rng.uniform(0.5, merging))
        problem = whole(path)
        bad += problem is not None
        inexact += problem is None and not merge_exact(path, theirs, ours_count + ROWS)
    rows.append(["merge killed", args.merges, killed_count, bad, inexact])

    bad = 0
    for trial in range(args.edits):
        path = base / f"edits-{trial}.sqlite"
        path.write_bytes(ours.read_bytes())
        killed(_EDITS, [str(path)], rng.uniform(1.0, 4.0))  # edits run until killed
        bad += whole(path) is not None
    rows.append(["edits killed", args.edits, args.edits, bad, "-"])

    bad = 0
    for trial in range(args.disk_full):
        path = base / f"full-{trial}.sqlite"
        subprocess.run([sys.executable, "-c", _FULL_DISK, str(path), str(rng.randint(3, 40))], cwd=ROOT, check=True,
                       capture_output=True)
        bad += whole(path) is not None  # created afterwards with room: must work
    rows.append(["disk full while creating", args.disk_full, "-", bad, "-"])
    print_table(["trial", "runs", "killed mid-way", "not whole afterwards", "re-run not exact"], rows)
    print(f"(a creation takes {creation:.1f} s, the import of {FILES} files and {ROWS} rows {duration:.1f} s, "
          f"a merge of {ROWS} sources {merging:.1f} s)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
