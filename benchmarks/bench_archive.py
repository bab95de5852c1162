"""Insert rate and search latency of Dossier's archive against raw sqlite3 + FTS5 on the same data.

    python benchmarks/bench_archive.py [--sizes 10000,100000,1000000] [--out DIR]

Dossier inserts through db.commands.add_source (the ORM, the FTS triggers, 1,000 sources per
transaction as a bulk load would); the baseline inserts the same rows with sqlite3 into a table
with an external-content FTS5 index and the same tokenizer, also 1,000 per transaction. Search:
two-word queries, bm25 ranking and a snippet, top 20, p50 and p95 over 60 queries.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import percentile, print_table, queries, raw_database, synthetic_texts
from db import archive as archive_module
from db.commands import NewSource, add_source
from db.search import search_sources

BATCH = 1000


def dossier_insert(path: Path, count: int) -> float:
    opened = archive_module.open(path)
    texts = iter(list(synthetic_texts(count)))
    start = time.perf_counter()
    done = 0
    while done < count:
        with opened.session() as session:
            for title, body in (next(texts) for _ in range(min(BATCH, count - done))):
                add_source(session, NewSource(text=body, title=title, kind="article"))
        done += min(BATCH, count - done)
    elapsed = time.perf_counter() - start
    opened.close()
    return elapsed


def raw_insert(path: Path, count: int) -> float:
    connection = raw_database(path)
    texts = iter(list(synthetic_texts(count)))
    start = time.perf_counter()
    done = 0
    while done < count:
        n = min(BATCH, count - done)
        with connection:
            connection.executemany("INSERT INTO docs (title, text) VALUES (?, ?)", (next(texts) for _ in range(n)))
        done += n
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def dossier_search(path: Path) -> list[float]:
    opened = archive_module.open(path)
    timings = []
    with opened.session() as session:
        for query in queries():
            start = time.perf_counter()
            search_sources(session, query, limit=20)
            timings.append(time.perf_counter() - start)
    opened.close()
    return timings


def raw_search(path: Path) -> list[float]:
    connection = sqlite3.connect(path)
    timings = []
    for query in queries():
        match = " ".join(f'"{w}"' for w in query.split())
        start = time.perf_counter()
        connection.execute(
            "SELECT d.id, d.title, bm25(docs_fts), snippet(docs_fts, 1, '[', ']', '…', 16) FROM docs_fts "
            "JOIN docs d ON d.id = docs_fts.rowid WHERE docs_fts MATCH ? ORDER BY bm25(docs_fts) LIMIT 20",
            (match,),
        ).fetchall()
        timings.append(time.perf_counter() - start)
    connection.close()
    return timings


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    rows = []
    for count in (int(s) for s in args.sizes.split(",")):
        ours, raw = folder / f"dossier-{count}.sqlite", folder / f"raw-{count}.sqlite"
        for p in (ours, raw):
            for f in p.parent.glob(p.name + "*"):
                f.unlink()
        t_ours, t_raw = dossier_insert(ours, count), raw_insert(raw, count)
        s_ours, s_raw = dossier_search(ours), raw_search(raw)
        rows.append([
            f"{count:,}",
            count / t_ours, count / t_raw, t_raw / t_ours,
            percentile(s_ours, 0.5) * 1000, percentile(s_raw, 0.5) * 1000,
            percentile(s_ours, 0.95) * 1000, percentile(s_raw, 0.95) * 1000,
            size_mb(ours), size_mb(raw),
        ])
        print(f"done {count}", file=sys.stderr)
    print_table(
        ["sources", "ours/s", "raw/s", "rate ratio", "p50 ms", "raw p50", "p95 ms", "raw p95", "MB", "raw MB"],
        rows,
    )


if __name__ == "__main__":
    main()
