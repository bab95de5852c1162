"""``dossier check`` on a large archive, against a raw ``PRAGMA quick_check`` of the same file.

    python benchmarks/bench_check.py [--sources 1000000] [--archive PATH] [--full]

The archive is bench_window's (sources written with sqlite3 straight into Dossier's schema, the
FTS triggers indexing them), with one annotation a source added here (its quote, the first words
of the text), kept at ``--archive`` for later runs. Measured, each once the file is in the disk
cache (a first run warms it and is not counted): the raw baseline (``PRAGMA quick_check`` on a
plain sqlite3 connection, one step, no progress), ``check --quick`` as the command line runs it
(opening, whose own quick check covers the file, then references and every quote against its
text, with progress), the same with the file checked again table by table with progress, and with
``--full``, the full check (``integrity_check``, the indexes compared with the texts, every
original's sha256). Goal (issue 17): the quick check of a 1M-source archive under 10 s, with progress.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def add_annotations(path: Path) -> int:
    connection = sqlite3.connect(path)
    have = int(connection.execute("SELECT count(*) FROM annotations").fetchone()[0])
    if have == 0:
        with connection:
            connection.execute(
                "INSERT INTO annotations (uuid, source_id, start, \"end\", quote, prefix, suffix, orphaned) "
                "SELECT lower(hex(randomblob(16))), id, 0, 20, substr(text, 1, 20), '', substr(text, 21, 32), 0 "
                "FROM sources")
        have = int(connection.execute("SELECT count(*) FROM annotations").fetchone()[0])
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return have


def raw_quick_check(path: Path) -> float:
    begin = time.perf_counter()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    connection.close()
    return time.perf_counter() - begin


def dossier_check(path: Path, quick: bool, file_checked: bool = False) -> tuple[float, int, bool]:
    from db import archive as archive_module
    from db.integrity import check_archive

    calls = [0]

    def report(_done: int, _total: int, _what: str) -> None:
        calls[0] += 1

    begin = time.perf_counter()
    opened = archive_module.open(path)
    try:
        result = check_archive(opened, quick=quick, file_checked=file_checked, report=report)
    finally:
        opened.close()
    return time.perf_counter() - begin, calls[0], result.ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=1_000_000)
    parser.add_argument("--archive", type=Path, default=Path(tempfile.gettempdir()) / "dossier-bench-check.sqlite")
    parser.add_argument("--full", action="store_true", help="also the full check (reads every text and original)")
    args = parser.parse_args()
    from benchmarks._common import print_table
    from benchmarks.bench_window import build_archive

    path: Path = args.archive
    if not path.exists():
        print(f"building {args.sources:,} sources in {path} ...", file=sys.stderr)
        build_archive(path, args.sources)
    annotations = add_annotations(path)
    with sqlite3.connect(path) as connection:
        sources = int(connection.execute("SELECT count(*) FROM sources").fetchone()[0])
    connection.close()
    raw_quick_check(path)  # warms the disk cache
    baseline = raw_quick_check(path)
    quick, quick_reports, ok = dossier_check(path, quick=True, file_checked=True)
    assert ok
    tables, table_reports, ok = dossier_check(path, quick=True)
    assert ok
    rows: list[list[object]] = [
        ["raw PRAGMA quick_check (s, no progress)", baseline, "", ""],
        ["dossier check --quick (s, opening and its quick check included)", quick, f"{quick / baseline:.2f}x", "< 10"],
        ["  progress reports during it", quick_reports, "", "> 1"],
        ["quick, the file again table by table with progress (s)", tables, f"{tables / baseline:.2f}x", ""],
        ["  progress reports during it", table_reports, "", ""],
    ]
    if args.full:
        full, full_reports, ok = dossier_check(path, quick=False)
        assert ok
        rows.append(["dossier check (full) (s)", full, f"{full / baseline:.2f}x", ""])
        rows.append(["  progress reports during it", full_reports, "", ""])
    size = path.stat().st_size / 1e6
    print(f"\ncheck on {sources:,} sources, {annotations:,} annotations, {size:,.0f} MB\n")
    print_table(["measure", "value", "vs raw", "goal"], rows)


if __name__ == "__main__":
    main()
