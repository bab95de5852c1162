"""Merging two researchers' archives, against a plain SQLite attach-and-copy of the same rows.

    python benchmarks/bench_merge.py [--sources 100000] [--out DIR]

An ancestor archive of N sources (synthetic texts of ~80 words), N annotations, N/20 actors and
N/10 statistics is built with bulk inserts and sent as a copy (db.merge.sending, which records the
ancestor on both sides: two merges that change nothing). Then each side changes 10 % of its rows:
ours retitles sources and rewrites annotation notes; theirs sets sources' authors, retitles a
tenth of the sources ours retitled (conflicts), rewrites statistics' numbers (new versions), adds
1 % new sources and deletes 0.5 %. The merge of theirs into ours runs in a process of its own
(its peak memory is the process's). The baseline copies every row of the same tables from the
other file with ``ATTACH`` and ``INSERT OR REPLACE … SELECT`` into a copy of ours, by sqlite3.

Goals (issue 16): under 60 s, under 500 MB, no slower than 3x the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import print_table, synthetic_texts

TABLES = ("actors", "sources", "annotations", "statistics")


def build(path: Path, count: int) -> None:
    from db import archive as archive_module

    archive_module.open(path).close()
    connection = sqlite3.connect(path)
    stamp = "2026-11-01 10:00:00.000000"
    with connection:
        connection.executemany(
            "INSERT INTO actors (id, uuid, name, kind, created_at, modified_at, version) VALUES (?, ?, ?, 'person', ?, ?, 1)",
            [(n + 1, str(uuid.uuid4()), f"Actor {n}", stamp, stamp) for n in range(count // 20)],
        )
        connection.executemany(
            "INSERT INTO sources (id, uuid, title, kind, text, sha256, created_at, modified_at, version) "
            "VALUES (?, ?, ?, 'article', ?, ?, ?, ?, 1)",
            [(n + 1, str(uuid.uuid4()), title, body, f"{n:064x}", stamp, stamp)
             for n, (title, body) in enumerate(synthetic_texts(count, words=80))],
        )
        texts = dict(connection.execute("SELECT id, text FROM sources"))
        connection.executemany(
            "INSERT INTO annotations (id, uuid, source_id, start, \"end\", quote, prefix, suffix, orphaned, created_at, modified_at, version) "
            "VALUES (?, ?, ?, 0, ?, ?, '', ?, 0, ?, ?, 1)",
            [(n, str(uuid.uuid4()), n, texts[n].index(" "), texts[n][: texts[n].index(" ")],
              texts[n][texts[n].index(" ") : texts[n].index(" ") + 32], stamp, stamp) for n in range(1, count + 1)],
        )
        connection.executemany(
            "INSERT INTO statistics (id, uuid, value, approximate, measure, source_id, annotation_id, claimant_id, created_at, modified_at, version) "
            "VALUES (?, ?, ?, 0, 'killed', ?, ?, ?, ?, ?, 1)",
            [(n, str(uuid.uuid4()), float(n % 97), n * 10, n * 10, n % (count // 20) + 1, stamp, stamp)
             for n in range(1, count // 10 + 1)],
        )
    connection.close()


def change(path: Path, count: int, side: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    stamp = f"2026-11-0{2 if side == 'ours' else 3} 12:00:00.000000"
    with connection:
        if side == "ours":
            connection.execute("UPDATE sources SET title = title || ' (ours)', modified_at = ? WHERE id % 10 = 0", (stamp,))
            connection.execute("UPDATE annotations SET note = 'ours', modified_at = ? WHERE id % 10 = 1", (stamp,))
        else:
            connection.execute("UPDATE sources SET author = 'theirs', modified_at = ? WHERE id % 10 = 5", (stamp,))
            connection.execute("UPDATE sources SET title = title || ' (theirs)', modified_at = ? WHERE id % 100 = 0", (stamp,))
            connection.execute("UPDATE statistics SET value = value + 1, modified_at = ? WHERE id % 10 = 2", (stamp,))
            connection.executemany(
                "INSERT INTO sources (uuid, title, kind, text, sha256, created_at, modified_at, version) "
                "VALUES (?, ?, 'article', ?, ?, ?, ?, 1)",
                [(str(uuid.uuid4()), title, body, None, stamp, stamp)
                 for title, body in synthetic_texts(count // 100, words=80, seed=99)],
            )
            connection.execute("DELETE FROM sources WHERE id % 200 = 7")
    connection.close()


def baseline(ours: Path, theirs: Path, scratch: Path) -> float:
    copy = scratch / "baseline.sqlite"
    shutil.copyfile(ours, copy)
    connection = sqlite3.connect(copy)
    start = time.perf_counter()
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("ATTACH DATABASE ? AS other", (str(theirs),))
    with connection:
        for table in TABLES:
            connection.execute(f"INSERT OR REPLACE INTO main.{table} SELECT * FROM other.{table}")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def merge_child(ours: Path, theirs: Path) -> None:
    import resource

    from db import archive as archive_module
    from db.merge import merge_archives

    opened = archive_module.open(ours)
    start = time.perf_counter()
    result = merge_archives(opened, theirs)
    elapsed = time.perf_counter() - start
    opened.close()
    print(json.dumps({"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "added": result.added, "updated": result.updated, "deleted": result.deleted,
                      "conflicts": len(result.conflicts), "unchanged": result.unchanged}))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        merge_child(*args.child)
        return 0
    from db import archive as archive_module
    from db.merge.sending import send_copy

    scratch = args.out or Path(tempfile.mkdtemp(prefix="bench-merge-"))
    scratch.mkdir(parents=True, exist_ok=True)
    ours, theirs = scratch / "ours.sqlite", scratch / "theirs.sqlite"
    for path in (ours, theirs):
        path.unlink(missing_ok=True)
    count = args.sources
    started = time.perf_counter()
    build(ours, count)
    built = time.perf_counter() - started
    opened = archive_module.open(ours)
    started = time.perf_counter()
    send_copy(opened, theirs)
    sent = time.perf_counter() - started
    opened.close()
    change(ours, count, "ours")
    change(theirs, count, "theirs")
    raw = baseline(ours, theirs, scratch)
    done = subprocess.run([sys.executable, __file__, "--child", str(ours), str(theirs)],
                          capture_output=True, text=True, check=True, env={**os.environ})
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    rows = count + count + count // 20 + count // 10
    print(f"{count:,} sources per archive ({rows:,} rows), built in {built:.1f} s; "
          f"sending a copy (two merges that change nothing) {sent:.1f} s; load {os.getloadavg()[0]:.2f}")
    print(f"merged: added {figures['added']}, updated {figures['updated']}, deleted {figures['deleted']}, "
          f"{figures['conflicts']:,} conflicts, {figures['unchanged']:,} unchanged")
    print_table(
        ["what", "seconds", "peak MB", "x baseline", "goal"],
        [["dossier merge", figures["seconds"], figures["peak_mb"], figures["seconds"] / raw, "< 60 s, < 500 MB, <= 3x"],
         ["sqlite attach + INSERT OR REPLACE", raw, "", 1.0, ""]],
    )
    if args.out is None:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
