"""What languages cost (issue 13): import rate with language detection and stemming against the
same import without them (today's rate before the issue), and search latency on 100,000 Russian
and English sources, stemmed against the words-as-written search of before.

    python benchmarks/bench_language_speed.py [--sources 100000] [--files 1000] [--runs 2] [--filed-at SHA]

(``--sources 0``: the import only; ``--files 0``: the latency only.)

Import: a folder of real news files, half Russian (NEREL), half English (Reuters-21578), imported
in one process (DOSSIER_IMPORT_WORKERS=0 alike), after two other files imported untimed (what a
process loads on its first import: SQLAlchemy's mapper configuration, the readers, dateparser,
the stemmer, the language model; until stop 33 the timed import paid it, and the code at filing
paid part of it when the archive was opened); "before" switches detection and the commit's
stemming off (the queue triggers still run, a few microseconds a row). Goal: at least 0.8x.
"filed" is the same import run by Dossier as it was when issue 13 was filed (``--filed-at``: by
default the commit before the issue's first, taken out of this repository's history into a
temporary folder with ``git archive``; the same Python and packages): the issue's "today's rate"
read literally. "before" is the stricter comparison, since the import itself has become faster
since then (batched savepoints, one read of each file).

Latency: sources of about 600 characters made of real sentences (NEREL, AG News), half in each
language, inserted in batches as an import writes them; 60 one- and two-word queries drawn from
their words, limit 50 (the command line's) and 1,000 (the window's). "Before" is the exact index
with bare words (what search did until now), each hit with its snippet; "now" is the stemmed
search with every hit's snippet (the command line); "window" the ranked ids with the snippets
of a screenful (the sources pane lists the hits then, the other rows' snippets follow off the
GUI thread). Goal: p50 within 1.5x.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import percentile, print_table  # noqa: E402
from benchmarks.reuters import reuters_folder  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
NEREL = SHARED / "ru" / "nerel"

_IMPORT = """
import json, sys, time
if sys.argv[3] == "before":
    import db.importer.writer as writer
    import db.search_index as index
    writer.detect_languages = lambda texts: [None] * len(texts)
    index.stem_pending = lambda session, limit=0: 0
from db import archive
from db.importer import import_paths
opened = archive.open(sys.argv[1])
import_paths(opened, [sys.argv[4]], workers=0)  # warm: what the first import of a process loads
start = time.perf_counter()
results = import_paths(opened, [sys.argv[2]], workers=0)
print(json.dumps({"seconds": time.perf_counter() - start, "imported": sum(r.status == "imported" for r in results)}))
"""


#: Dossier as it was when issue 13 was filed: the parent of the issue's first commit (50ac641)
FILED_AT = "6d631bf"


def _tree_at(commit: str, into: Path) -> Path:
    """The repository's files at ``commit``, written under ``into``."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True,
                             check=True).stdout
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    # compiled once here, as the working tree's modules are: the import is timed, not compiling it
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(into / "db")], check=True)
    return into


def import_rate(files: int, runs: int = 2, filed_at: str | None = FILED_AT) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        trees = {"before": ROOT, "now": ROOT}
        if filed_at:
            trees["filed"] = _tree_at(filed_at, base / "filed")
        corpus = base / "files"
        reuters_folder(SHARED / "corpus" / "reuters21578", corpus, limit=files // 2)
        nerel = sorted(NEREL.glob("*/*_text.txt"))
        for n, path in enumerate(nerel[: files - files // 2]):
            (corpus / f"ru-{n}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        # two other files imported first, untimed: the mapper configuration, the readers, the
        # stemmer and the language model a process loads once, alike for every variant
        warm = base / "warm"
        warm.mkdir()
        shutil.copy(SHARED / "seed" / "isis-comes-to-russia.txt", warm / "en.txt")
        shutil.copy(nerel[-1], warm / "ru.txt")
        rows = []
        rates: dict[str, list[float]] = {}
        for label in tuple(trees) * runs:  # alternating: a fair machine
            archive_path = base / f"{label}-{time.monotonic_ns()}.sqlite"
            out = subprocess.run([sys.executable, "-c", _IMPORT, str(archive_path), str(corpus), label, str(warm)],
                                 capture_output=True, text=True, check=True, cwd=trees[label],
                                 env={**os.environ, "DOSSIER_IMPORT_WORKERS": "0"})
            result = json.loads(out.stdout)
            rate = result["imported"] / result["seconds"]
            rates.setdefault(label, []).append(rate)
        for label, values in rates.items():
            row = [label, f"{max(values):.0f}", f"{max(values) / max(rates['before']):.2f}x"]
            if filed_at:
                row.append(f"{max(values) / max(rates['filed']):.2f}x")
            rows.append(row)
    return rows


def _sentences() -> tuple[list[str], list[str]]:
    russian: list[str] = []
    for path in sorted(NEREL.glob("*/*_text.txt")):
        russian += [s.strip() for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
                    if len(s.strip()) > 40]
    english: list[str] = []
    with (SHARED / "corpus" / "ag_news_test.csv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            english += [s.strip() for s in re.split(r"(?<=[.!?])\s+", row[2]) if len(s.strip()) > 40]
    return russian, english


#: the rows of the sources pane with their snippets as the hits arrive (a tall window's; the
#: others' follow off the GUI thread)
SCREENFUL = 30

#: the search of before: bare words as written on the exact index, ranked, FTS5's snippets
_BEFORE_SQL = (
    "SELECT source_fts.rowid, sources.title, bm25(source_fts, 10.0, 1.0, 4.0) AS rank, "
    "snippet(source_fts, 1, '[', ']', '…', 16) FROM source_fts JOIN sources "
    "ON sources.id = source_fts.rowid WHERE source_fts MATCH :match ORDER BY rank LIMIT :limit"
)


def latency(count: int, keep: Path | None = None) -> tuple[list[list[str]], float]:
    from sqlalchemy import text

    from db import archive as archive_module
    from db.commands import NewSource, add_sources
    from db.search import fts_query, hit_snippets, ranked_ids, search_sources

    _BEFORE = text(_BEFORE_SQL)
    russian, english = _sentences()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        path = keep if keep is not None else Path(folder) / "latency.sqlite"
        reuse = path.exists()
        opened = archive_module.open(path)
        start = time.perf_counter()
        for first in range(0, 0 if reuse else count, 1000):
            batch = []
            for n in range(first, min(count, first + 1000)):
                pool, code = (russian, "ru") if n % 2 else (english, "en")
                body = " ".join(rng.choice(pool) for _ in range(4))
                batch.append(NewSource(text=body, title=rng.choice(pool)[:80], language=code))
            with opened.session() as session:
                add_sources(session, batch)
        built = time.perf_counter() - start
        rng = random.Random(6)  # the queries alike whether the archive was built now or kept
        words = [w for s in rng.sample(russian, 200) + rng.sample(english, 200)
                 for w in re.findall(r"[^\W\d_]{5,}", s)]
        queries = [rng.choice(words) if n % 2 else f"{rng.choice(words)} {rng.choice(words)}"
                   for n in range(60)]
        rows = []
        for limit in (50, 1000):
            timings: dict[str, list[float]] = {"before": [], "now": [], "window": []}
            for query in queries:
                for label in ("before", "now", "window"):
                    with opened.session() as session:
                        begin = time.perf_counter()
                        if label == "now":
                            search_sources(session, query, limit=limit)
                        elif label == "window":
                            ids = ranked_ids(session, query, limit=limit)
                            hit_snippets(session, query, ids[:SCREENFUL])
                        else:
                            match = fts_query(query)
                            assert match is not None
                            session.execute(_BEFORE, {"match": match, "limit": limit}).all()
                        timings[label].append((time.perf_counter() - begin) * 1000)
            p50 = {k: percentile(v, 0.5) for k, v in timings.items()}
            for label in ("before", "now", "window"):
                rows.append([str(limit), label, f"{p50[label]:.1f}",
                             f"{percentile(timings[label], 0.9):.1f}",
                             f"{p50[label] / p50['before']:.2f}x"])
        opened.close()
    return rows, built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2, help="imports of each kind, alternating")
    parser.add_argument("--filed-at", default=FILED_AT, help="the commit whose import is 'filed' "
                        "(empty: none)")
    parser.add_argument("--archive", type=Path, help="keep the latency archive here and reuse it "
                        "(the same texts: the generator is seeded)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    if args.files:
        print(f"Import of {args.files} news files (half Russian, half English), files per second")
        header = ["import", "files/s", "vs before"] + (["vs filed"] if args.filed_at else [])
        print_table(header, import_rate(args.files, args.runs, args.filed_at))
    if args.sources:
        rows, built = latency(args.sources, args.archive)
        print(f"\nSearch latency on {args.sources:,} sources (built in {built:.0f} s, with stemming)")
        print_table(["limit", "search", "p50 ms", "p90 ms", "p50 vs before"], rows)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
