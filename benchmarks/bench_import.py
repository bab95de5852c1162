"""Import speed: the 7,600-row AG News table and a 3,000-file folder, against raw sqlite3 + FTS5;
peak memory while importing a 100 MB text file.

    python benchmarks/bench_import.py [--skip-large]

"Raw" reads the same texts with the csv module / plain file reads and inserts them into a table
with an external-content FTS5 index, one transaction per 1,000 rows: the floor any importer pays.
Dossier additionally detects encodings, parses headers, hashes and keeps each original file (so it
writes about twice the bytes), checks duplicates, and writes each batch of files in one savepoint
(file by file when a batch fails), indexing title, text, outlet and author.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import PEAK_PROBE, print_table, raw_database  # noqa: E402
from benchmarks.reuters import reuters_folder  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
AG_NEWS = SHARED / "corpus" / "ag_news_test.csv"


def raw_insert(path: Path, rows: list[tuple[str, str]]) -> None:
    connection = raw_database(path)
    for n in range(0, len(rows), 1000):
        with connection:
            connection.executemany("INSERT INTO docs (title, text) VALUES (?, ?)", rows[n : n + 1000])
    connection.close()


def raw_table(path: Path) -> float:
    start = time.perf_counter()
    with AG_NEWS.open(encoding="utf-8", newline="") as handle:
        rows = [(r["title"], r["description"]) for r in csv.DictReader(handle)]
    raw_insert(path, rows)
    return time.perf_counter() - start


def raw_folder(path: Path, files: list[Path]) -> float:
    start = time.perf_counter()
    rows = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        rows.append((text.split("\n", 1)[0], text))
    raw_insert(path, rows)
    return time.perf_counter() - start


def dossier_import(archive: Path, paths: list[Path], workers: int | None = None) -> tuple[float, int, int]:
    from db import archive as archive_module
    from db.importer import import_paths

    opened = archive_module.open(archive)
    start = time.perf_counter()
    results = import_paths(opened, paths, workers=workers)
    elapsed = time.perf_counter() - start
    opened.close()
    imported = sum(r.status == "imported" for r in results)
    return elapsed, imported, len(results)


_LARGE_PROBE = PEAK_PROBE + """
import json, sys, time
from db import archive
from db.importer import import_paths
opened = archive.open(sys.argv[1])
before = peak_mb()
start = time.perf_counter()
[result] = import_paths(opened, [sys.argv[2]])
print(json.dumps({"status": result.status, "error": result.error, "seconds": time.perf_counter() - start,
                  "peak_mb": peak_mb(), "baseline_mb": before}))
"""


def large_file(folder: Path, megabytes: int = 100) -> dict[str, object]:
    big = folder / "large.txt"
    line = "According to the monitor, some 40 people were killed in the district in 2014. " * 4 + "\n"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("A very large transcript\n\n")
        for _ in range(megabytes * 1_000_000 // len(line)):
            handle.write(line)
    result = subprocess.run(
        [sys.executable, "-c", _LARGE_PROBE, str(folder / "large.sqlite"), str(big)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    data: dict[str, object] = json.loads(result.stdout)
    data["file_mb"] = big.stat().st_size / 1e6
    return data


def pdf_folder(target: Path, copies: int = 4) -> list[Path]:
    """Every PDF of ../shared/data/pdf ``copies`` times, each copy made distinct by a comment after
    its end (still a valid PDF, another sha256), so none is skipped as a duplicate."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(copies):
        for pdf in sorted((SHARED / "pdf").rglob("*.pdf")):
            path = target / f"{copy}-{pdf.name}"
            path.write_bytes(pdf.read_bytes() + f"\n% copy {copy}\n".encode())
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dossier-import-bench-"))
    files = reuters_folder(SHARED / "corpus" / "reuters21578", folder / "reuters")

    rows = []
    t, imported, total = dossier_import(folder / "ag.sqlite", [AG_NEWS])
    t_raw = raw_table(folder / "ag-raw.sqlite")
    rows.append(["AG News CSV", f"{imported}/{total}", imported / t, imported / t_raw, t_raw / t])
    t, imported, total = dossier_import(folder / "reuters.sqlite", [folder / "reuters"])
    t_raw = raw_folder(folder / "reuters-raw.sqlite", files)
    rows.append([f"folder of {len(files)} .txt", f"{imported}/{total}", imported / t, imported / t_raw, t_raw / t])
    print_table(["input", "imported", "sources/s", "raw/s", "ratio"], rows)

    from db.ingest.parsing import default_workers

    pdfs = pdf_folder(folder / "pdfs")
    alone, imported, _ = dossier_import(folder / "pdf-alone.sqlite", [folder / "pdfs"], workers=0)
    pooled, _, _ = dossier_import(folder / "pdf-pool.sqlite", [folder / "pdfs"])
    print()
    print_table(
        ["folder of PDFs", "imported", "in one process s", f"with {default_workers()} workers s", "speed-up"],
        [[f"{len(pdfs)} files", imported, alone, pooled, alone / pooled]],
    )
    if not args.skip_large:
        large = large_file(folder)
        print()
        print_table(
            ["large text", "status", "seconds", "peak RSS MB", "RSS before import MB"],
            [[f"{large['file_mb']:.0f} MB", large["status"], large["seconds"], large["peak_mb"], large["baseline_mb"]]],
        )


if __name__ == "__main__":
    main()
