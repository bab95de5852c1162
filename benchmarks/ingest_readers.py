"""Speed and memory of the format readers alone (no database): prints a table.

    .venv/bin/python benchmarks/ingest_readers.py [--shared ../shared/data]

Each case runs in a fresh subprocess so that its peak resident memory (ru_maxrss) is its own;
tracemalloc's peak counts Python allocations only (the readers' strings and bytes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASE = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
sys.path.insert(0, {root!r})
from db.ingest.formats import reader_for
import db.ingest.table, db.ingest.text  # loaded before measuring
path = Path({path!r})
tracemalloc.start()
start = time.perf_counter()
count = chars = 0
for source in reader_for(path).parse(path):
    count += 1
    chars += len(source.text)
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({{"sources": count, "chars": chars, "seconds": seconds, "peak": peak, "rss": rss}}))
"""


def run_case(path: Path) -> dict[str, float]:
    code = CASE.format(root=str(ROOT), path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


FOLDER_CASE = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from db.ingest.formats import reader_for, walk
import db.ingest.text, db.ingest.html  # loaded before measuring
start = time.perf_counter()
count = chars = 0
for path in walk([Path({path!r})]):
    for source in reader_for(path).parse(path):
        count += 1
        chars += len(source.text)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({{"sources": count, "chars": chars, "seconds": seconds, "peak": 0, "rss": rss}}))
"""


def run_folder(path: Path) -> dict[str, float]:
    code = FOLDER_CASE.format(root=str(ROOT), path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def make_reuters_folder(shared: Path, folder: Path, html_share: int) -> int:
    """Reuters-21578 stories as files: one in ``html_share`` as a web page, the rest as text."""
    import html
    import re

    story = re.compile(r"<TITLE>([^<]*)</TITLE>.*?<BODY>(.*?)</BODY>", re.S)
    count = 0
    for sgm in sorted((shared / "corpus" / "reuters21578").glob("*.sgm")):
        for match in story.finditer(sgm.read_text("latin-1")):
            title = html.unescape(match[1]).strip()
            body = html.unescape(match[2]).replace("\x03", "").strip()
            sub = folder / f"{count // 500:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            if html_share and count % html_share == 0:
                page = f"<html><head><title>{html.escape(title)}</title></head><body><p>"
                page += html.escape(body) + "</p></body></html>"
                (sub / f"{count:05d}.html").write_text(page, "utf-8")
            else:
                (sub / f"{count:05d}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
            count += 1
    return count


def make_text(path: Path, paragraph: str, megabytes: int) -> Path:
    data = paragraph.encode("utf-8")
    with path.open("wb") as handle:
        handle.write(b"Big Report\r\n\r\n")
        written = 0
        block = data * 1000
        while written < megabytes * 1024 * 1024:
            handle.write(block)
            written += len(block)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared" / "data")
    args = parser.parse_args()
    rows: list[tuple[str, float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ascii_text = make_text(
            folder / "ascii.txt",
            "Fighting resumed near the border on Tuesday, officials said; 12 died.\r\n\r\n",
            100,
        )
        rows.append(("100 MB text, ASCII", 100.0, run_case(ascii_text)))
        ascii_text.unlink()
        cyrillic = make_text(
            folder / "cyrillic.txt",
            "Боевые действия возобновились у границы во вторник; погибли 12 человек.\n\n",
            100,
        )
        rows.append(("100 MB text, Cyrillic UTF-8", 100.0, run_case(cyrillic)))
        cyrillic.unlink()
    ag_news = args.shared / "corpus" / "ag_news_test.csv"
    if ag_news.exists():
        size = ag_news.stat().st_size / 1024 / 1024
        rows.append(("AG News CSV (7,600 rows)", size, run_case(ag_news)))
    if (args.shared / "corpus" / "reuters21578").is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            count = make_reuters_folder(args.shared, Path(tmp) / "txt", 0)
            rows.append((f"folder, {count:,} .txt", 0.0, run_folder(Path(tmp) / "txt")))
            count = make_reuters_folder(args.shared, Path(tmp) / "mixed", 10)
            rows.append(
                (f"folder, {count:,} (1 in 10 .html)", 0.0, run_folder(Path(tmp) / "mixed"))
            )
    print(
        f"{'case':32} {'MB':>6} {'sources':>8} {'seconds':>8} {'src/s':>9} {'py peak MB':>11} {'RSS MB':>8}"
    )
    for name, size, r in rows:
        rate = r["sources"] / r["seconds"] if r["seconds"] else 0.0
        megabytes = f"{size:.1f}" if size else "-"
        peak = f"{r['peak'] / 2**20:.0f}" if r["peak"] else "-"
        print(
            f"{name:32} {megabytes:>6} {int(r['sources']):8d} {r['seconds']:8.2f} {rate:9.0f}"
            f" {peak:>11} {r['rss'] / 2**20:8.0f}"
        )


if __name__ == "__main__":
    main()
