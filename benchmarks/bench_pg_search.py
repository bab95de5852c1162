"""Search latency of a PostgreSQL archive against a SQLite archive and raw sqlite3 + FTS5, on the
same synthetic sources.

    DOSSIER_TEST_PG_URL=postgresql+psycopg://... python benchmarks/bench_pg_search.py [--count 20000]

The PostgreSQL database given is filled (once) with ``--count`` sources; use an empty database made
for the benchmark. Queries: two words, ranked, with a snippet, top 20; p50 and p95 over 60 queries.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from benchmarks._common import percentile, print_table, queries, raw_database, synthetic_texts
from db import archive as archive_module
from db.commands import NewSource, add_sources
from db.models import Source
from db.search import search_sources


def fill(opened: archive_module.Archive, count: int) -> None:
    with opened.session() as session:
        have = session.scalar(select(func.count(Source.id))) or 0
    texts = list(synthetic_texts(count))[have:]
    for start in range(0, len(texts), 1000):
        with opened.session() as session:
            add_sources(session, [NewSource(text=body, title=title) for title, body in texts[start : start + 1000]])


def latencies(opened: archive_module.Archive) -> list[float]:
    times = []
    for query in queries():
        with opened.session() as session:
            start = time.perf_counter()
            search_sources(session, query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
    return times


def raw_latencies(count: int, folder: Path) -> list[float]:
    connection = raw_database(folder / "raw.sqlite")
    with connection:
        connection.executemany("INSERT INTO docs (title, text) VALUES (?, ?)", list(synthetic_texts(count)))
    times = []
    for query in queries():
        start = time.perf_counter()
        connection.execute(
            "SELECT rowid, bm25(docs_fts), snippet(docs_fts, 1, '[', ']', '…', 16) FROM docs_fts "
            "WHERE docs_fts MATCH ? ORDER BY 2 LIMIT 20", (query,)).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    connection.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    url = os.environ.get("DOSSIER_TEST_PG_URL")
    if not url:
        print("skipped: set DOSSIER_TEST_PG_URL to an empty PostgreSQL database made for the benchmark")
        return
    folder = Path(tempfile.mkdtemp(prefix="dossier-pg-bench-"))
    rows = []
    postgres = archive_module.open(url)
    fill(postgres, args.count)
    sqlite = archive_module.open(folder / "archive.sqlite")
    fill(sqlite, args.count)
    for name, times in (("PostgreSQL archive", latencies(postgres)), ("SQLite archive", latencies(sqlite)),
                        ("raw sqlite3 + FTS5", raw_latencies(args.count, folder))):
        rows.append([name, f"{args.count:,}", percentile(times, 0.5), percentile(times, 0.95)])
    print_table(["search", "sources", "p50 ms", "p95 ms"], rows)


if __name__ == "__main__":
    main()
