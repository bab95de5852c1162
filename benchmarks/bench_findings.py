"""Findings speed: estimates over many claims, and the claims dossier written out.

    python benchmarks/bench_findings.py [--statistics 100000] [--report-claims 1000] [--repeats 3]

1. Estimates: an archive with N statistics (bench_chart's mix: claims with sentence spans in 500
   sources, yearly reference series, 5 measures x 4 subjects x 20 places x 21 years), then
   ``db.findings.estimates.estimate`` for all of them, by each rule. Baseline: raw sqlite3
   reading the same columns (the floor any estimate pays). Goal: under 1 s.
2. Report: a claims dossier of M claims (every estimate, its claims table, conflicts, chart and
   bibliography) to DOCX, PDF and HTML. Goal: under 10 s each.

The machine is shared: the table gives wall time and CPU time of this process.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import median, print_table
from benchmarks.bench_chart import fill_statistics
from db import archive as archive_module
from db.findings.estimates import Selection, estimate

#: what the estimates read: the claims' numbers, origins and raw group key, and their sources
RAW_QUERY = """SELECT s.id, s.value, s.low, s.high, s.unit, s.claimant_id, s.dataset, s.source_id,
    s.measure || char(31) || coalesce(s.subject, '') || char(31) || coalesce(s.place_id, '') || char(31)
    || coalesce(s.period_start, '') || char(31) || coalesce(s.period_start_precision, '') || char(31)
    || coalesce(s.period_end, '') || char(31) || coalesce(s.period_end_precision, ''),
    CASE WHEN s.value IS NULL THEN (SELECT quote FROM annotations a WHERE a.id = s.annotation_id) END
    FROM statistics s ORDER BY s.id"""
RAW_SOURCES = "SELECT id, reliability, outlet_id, published FROM sources"


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return median(walls), median(cpus)


def bench_estimates(count: int, repeats: int) -> list[list[str]]:
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "findings.sqlite"
        archive = archive_module.open(path)
        started = time.perf_counter()
        fill_statistics(archive, count)
        print(f"filled {count:,} statistics in {time.perf_counter() - started:.1f} s", file=sys.stderr)

        def raw() -> None:
            connection = sqlite3.connect(path)
            connection.execute(RAW_QUERY).fetchall()
            connection.execute(RAW_SOURCES).fetchall()
            connection.close()

        base, base_cpu = timed(raw, repeats)
        rows.append([f"raw sqlite3: the same columns of {count:,} statistics", f"{base * 1000:.0f} ms",
                     f"{base_cpu * 1000:.0f} ms", "1.0", ""])
        for rule in ("ucdp", "acled", "ibc", "median", "hierarchy"):
            groups = 0

            def run(rule: str = rule) -> None:
                nonlocal groups
                with archive.session() as session:
                    groups = len(estimate(session, Selection(), rule, ["Claimant 3", "Dataset 1"]))

            wall, cpu = timed(run, repeats)
            rows.append([f"estimate --rule {rule}: {count:,} claims -> {groups:,} estimates",
                         f"{wall * 1000:.0f} ms", f"{cpu * 1000:.0f} ms", f"{wall / base:.1f}", "< 1000 ms"])
        archive.close()
    return rows


def bench_report(count: int, dense: bool) -> list[list[str]]:
    """``dense``: the claims gathered into few estimates (one year, four places: long tables),
    else spread over years and places (mostly one claim each)."""
    from sqlalchemy import text

    from db.findings.report.build import ReportOptions, build_document
    from db.findings.report.document import Heading
    from db.findings.report.write import render

    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder:
        archive = archive_module.open(Path(folder) / "report.sqlite")
        fill_statistics(archive, count)
        if dense:
            with archive.session() as session:
                session.execute(text("UPDATE statistics SET period_start = '2014-01-01', period_end = '2014-01-01', "
                                     "place_id = (SELECT min(id) FROM actors WHERE kind = 'place') + id % 4"))
        wall, cpu = time.perf_counter(), time.process_time()
        with archive.session() as session:
            document = build_document(session, ReportOptions())
        built = time.perf_counter() - wall, time.process_time() - cpu
        estimates = sum(1 for b in document.blocks if isinstance(b, Heading) and b.level == 2 and "—" in b.text)
        rows.append([f"report of {document.claims:,} claims in {estimates:,} estimates: built",
                     f"{built[0] * 1000:.0f} ms", f"{built[1] * 1000:.0f} ms", "", ""])
        for suffix in (".html", ".docx", ".pdf"):
            wall, cpu = time.perf_counter(), time.process_time()
            data = render(document, suffix)
            (Path(folder) / f"report{suffix}").write_bytes(data)
            took = time.perf_counter() - wall + built[0], time.process_time() - cpu + built[1]
            rows.append([f"  built and written as {suffix} ({len(data) / 1e6:.1f} MB)",
                         f"{took[0] * 1000:.0f} ms", f"{took[1] * 1000:.0f} ms", "",
                         "< 10000 ms" if suffix != ".html" else ""])
        archive.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statistics", type=int, default=100_000)
    parser.add_argument("--report-claims", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = bench_estimates(args.statistics, args.repeats) if args.statistics else []
    rows += bench_report(args.report_claims, dense=False) if args.report_claims else []
    rows += bench_report(args.report_claims, dense=True) if args.report_claims else []
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print_table(["what", "wall", "cpu", "x raw", "goal"], rows)


if __name__ == "__main__":
    main()
