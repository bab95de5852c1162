"""Opening a 1 MB source with 5,000 annotations in the reader: prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reader.py [--annotations N] [--runs R]

Measured, each the median of R runs on a fresh reader:
- read: the source and its annotations from the archive (``desktop.reads.sources.source_detail``);
- fill + highlight: ``ReaderView.show_source`` (text set, spans built and formatted);
- first paint: ``grab()`` of the reader right after (what the researcher waits for);
- open total: the three together (the goal is under 300 ms);
- re-highlight: applying the spans again to the text already shown (after an edit);
- select + paint, scroll + paint: ``select_span`` at a random place, one page scrolled, each
  followed by a paint (responsiveness; p50 and p95 over 50 moves).
Memory: peak resident set of the process (ru_maxrss) before and after opening, and Python's own
allocations while opening (tracemalloc; Qt's memory is not in it).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import median, peak_rss_mb, percentile, print_table, synthetic_texts  # noqa: E402

#: a QualCoder measurement on this machine (see ../shared/FACTS.md): 1 MB text, 1,000 codings
PEER = "QualCoder: 1,000 ms and 655 MB for 1 MB with 1,000 codings"
TARGET_MS = 300.0


def current_rss_mb() -> float:
    """The resident set now (Linux /proc), in MB; the peak where /proc is missing."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def build_archive(path: Path, annotations: int, size: int = 1_000_000) -> int:
    """An archive with one ~1 MB source (paragraphs, some Cyrillic and emoji) and its spans."""
    from sqlalchemy import insert

    from db import archive as archive_module
    from db.codebook import add_code
    from db.commands import NewSource, add_source, anchor_context, find_or_add_actor
    from db.models import Annotation, Mention, annotation_codes

    rng = random.Random(5)
    paragraphs: list[str] = []
    length = 0
    extras = ("Донецк", "Луганск", "🙂", "قالت", "𝟝")
    for n, (_title, body) in enumerate(synthetic_texts(100_000, words=90, seed=3)):
        if n % 7 == 0:
            body = body.replace(" the ", f" the {rng.choice(extras)} ", 1)
        paragraphs.append(body)
        length += len(body) + 2
        if length >= size:
            break
    text = "\n\n".join(paragraphs)[:size]
    archive = archive_module.open(path)
    with archive.session() as session:
        source_id = add_source(session, NewSource(text=text, title="A long report"))
        codes = [add_code(session, f"code {i}", color) for i, color in enumerate(
            ("#ffd54f", "#81c784", "#64b5f6", "#e57373", "#ba68c8", "#4db6ac"))]
        actor = find_or_add_actor(session, "Some actor", "organisation")
        rows = []
        for _ in range(annotations):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randint(5, 160)
            quote, prefix, suffix = anchor_context(text, start, end)
            rows.append({"source_id": source_id, "start": start, "end": end, "quote": quote,
                         "prefix": prefix, "suffix": suffix, "note": None, "orphaned": False})
        ids = session.scalars(insert(Annotation).returning(Annotation.id), rows).all()
        links = [{"annotation_id": a, "code_id": codes[i % len(codes)]}
                 for i, a in enumerate(ids) if i % 5]
        session.execute(insert(annotation_codes), links)
        session.execute(insert(Mention), [{"annotation_id": a, "actor_id": actor}
                                          for i, a in enumerate(ids) if i % 5 == 0])
    archive.close()
    return source_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from db import archive as archive_module
    from desktop.reads import sources as source_reads
    from desktop.views.reader import ReaderView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        built = time.perf_counter()
        # built in another process, so that this one's memory is the reader's (and Qt's)
        code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                "from benchmarks.bench_reader import build_archive; "
                f"print(build_archive(__import__('pathlib').Path({str(path)!r}), {options.annotations}))")
        source_id = int(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                       text=True).stdout.split()[-1])
        build_s = time.perf_counter() - built
        archive = archive_module.open(path)

        rss_before, peak_before = current_rss_mb(), peak_rss_mb()
        reads, fills, paints, totals, rehighlights = [], [], [], [], []
        cpu_reads, cpu_fills, cpu_paints, cpu_totals = [], [], [], []
        python_peak = 0
        rss_first = 0.0
        reader = None
        for run in range(options.runs):
            reader = ReaderView()
            reader.resize(900, 1000)
            reader.show()
            app.processEvents()
            if run == 0:
                tracemalloc.start()
            c0, t0 = time.process_time(), time.perf_counter()
            detail = source_reads.source_detail(archive, source_id)
            c1, t1 = time.process_time(), time.perf_counter()
            reader.show_source(detail)
            c2, t2 = time.process_time(), time.perf_counter()
            reader.grab()
            c3, t3 = time.process_time(), time.perf_counter()
            cpu_reads.append(c1 - c0)
            cpu_fills.append(c2 - c1)
            cpu_paints.append(c3 - c2)
            cpu_totals.append(c3 - c0)
            if run == 0:
                python_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                rss_first = current_rss_mb()
            reads.append(t1 - t0)
            fills.append(t2 - t1)
            paints.append(t3 - t2)
            totals.append(t3 - t0)
            t4 = time.perf_counter()
            reader._apply_spans()  # what a refresh after an edit does to the highlights
            reader.grab()
            rehighlights.append(time.perf_counter() - t4)
            if run < options.runs - 1:
                reader.close()
                reader.deleteLater()
                app.processEvents()
        assert reader is not None
        assert detail is not None
        rss_after, peak_after = current_rss_mb(), peak_rss_mb()

        rng = random.Random(9)
        selects, scrolls = [], []
        bar = reader.editor.verticalScrollBar()
        for _ in range(50):
            start = rng.randrange(0, len(detail.text) - 100)
            t = time.perf_counter()
            reader.select_span(start, start + 40)
            reader.grab()
            selects.append(time.perf_counter() - t)
            t = time.perf_counter()
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
            reader.grab()
            scrolls.append(time.perf_counter() - t)
        archive.close()

    ms = 1000.0
    print(f"1 source of {len(detail.text):,} characters, {len(detail.annotations):,} annotations "
          f"({sum(1 for a in detail.annotations if a.mention_id):,} mentions); "
          f"built in {build_s:.1f} s; median of {options.runs} opens")
    print_table(
        ["step", "ms (median)", "ms (worst)", "CPU ms (median)"],
        [
            ["read from the archive", median(reads) * ms, max(reads) * ms, median(cpu_reads) * ms],
            ["fill + highlight (show_source)", median(fills) * ms, max(fills) * ms, median(cpu_fills) * ms],
            ["first paint (grab)", median(paints) * ms, max(paints) * ms, median(cpu_paints) * ms],
            ["reader only (fill + paint)", median(fills) * ms + median(paints) * ms,
             max(f + p for f, p in zip(fills, paints, strict=True)) * ms,
             (median(cpu_fills) + median(cpu_paints)) * ms],
            ["open total (read + fill + paint)", median(totals) * ms, max(totals) * ms, median(cpu_totals) * ms],
            ["re-highlight + paint", median(rehighlights) * ms, max(rehighlights) * ms, ""],
            ["select span + paint (p50 / p95)", percentile(selects, 0.5) * ms, percentile(selects, 0.95) * ms, ""],
            ["scroll a page + paint (p50 / p95)", percentile(scrolls, 0.5) * ms, percentile(scrolls, 0.95) * ms, ""],
        ],
    )
    print()
    print_table(
        ["memory", "MB"],
        [
            ["resident before opening (Qt and the archive loaded)", rss_before],
            ["resident after the first open", rss_first],
            [f"resident after {options.runs} opens (last reader still open)", rss_after],
            ["peak resident before / after", f"{peak_before:,.0f} / {peak_after:,.0f}"],
            ["Python allocations while opening (tracemalloc peak)", python_peak / 2**20],
        ],
    )
    for label, value in (("reader only", median(fills) + median(paints)), ("open total", median(totals))):
        verdict = "meets" if value * ms < TARGET_MS else "MISSES"
        print(f"{label} {value * ms:.0f} ms {verdict} the {TARGET_MS:.0f} ms goal")
    print(f"for comparison, {PEER}; load average now {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs (wall times grow with it, CPU times much less)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
