"""Peak memory of importing a very large text and a table of a million rows (issue 21).

    python benchmarks/bench_memory.py [--text-mb 200] [--rows 1000000] [--small]

Each import runs in a fresh process that reports its peak resident memory (VmHWM) and the memory
it had before importing (the interpreter, SQLAlchemy, the readers, the language model and the
stemmer loaded: the floor). Goals:
a text's import peaks under 3x the file above that floor; a table's peak does not grow with its
rows (compared at a tenth of the rows). The raw baseline is a process that only reads the file
whole (bytes and decoded text), which any importer that keeps the text pays.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import PEAK_PROBE, print_table  # noqa: E402

_IMPORT = PEAK_PROBE + """
import json, sys, time
from db import archive
from db.importer import iter_import
from db.ingest import table, text  # the readers, loaded before the floor is taken
from db.language.detect import detect_language
from db.language.search_forms import index_text
detect_language("The monitors counted forty displaced families.")  # the language model
index_text("monitors counted", "en")  # and the stemmer: loaded before the floor too
opened = archive.open(sys.argv[1])
before = peak_mb()
start = time.perf_counter()
statuses, error = {}, None
for result in iter_import(opened, [sys.argv[2]], workers=0):  # as the command line takes them
    statuses[result.status] = statuses.get(result.status, 0) + 1
    error = error or result.error
seconds = time.perf_counter() - start
opened.close()
print(json.dumps({"statuses": statuses, "seconds": seconds, "peak_mb": peak_mb(), "floor_mb": before,
                  "error": error}))
"""

_RAW = PEAK_PROBE + """
import json, sys, time
before = peak_mb()
start = time.perf_counter()
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak_mb(), "floor_mb": before}))
"""

_LINE = "According to the monitor, some 40 people were killed in the district of Khasavyurt in 2014. "


def write_text(path: Path, megabytes: int) -> None:
    line = _LINE * 4 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A very large transcript\n\n")
        for n in range(megabytes * 1_000_000 // len(line)):
            handle.write(f"{n} {line}")


def write_table(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("title,published,outlet,text\n")
        for n in range(rows):
            handle.write(f'Report {n},2014-05-{n % 28 + 1:02},Outlet {n % 50},"{n}: {_LINE}"\n')


def probe(code: str, *args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, check=False, env={**os.environ, "DOSSIER_IMPORT_WORKERS": "0"})
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text-mb", type=int, default=200)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small", action="store_true", help="a 20 MB text and 100,000 rows (a quick look)")
    args = parser.parse_args()
    text_mb, rows = (20, 100_000) if args.small else (args.text_mb, args.rows)
    folder = Path(tempfile.mkdtemp(prefix="dossier-memory-bench-"))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    big = folder / "large.txt"
    write_text(big, text_mb)
    size = big.stat().st_size / (1 << 20)
    raw = probe(_RAW, str(big))
    ours = probe(_IMPORT, str(folder / "text.sqlite"), str(big))
    big.unlink()
    above = float(ours["peak_mb"]) - float(ours["floor_mb"])  # type: ignore[arg-type]
    raw_above = float(raw["peak_mb"]) - float(raw["floor_mb"])  # type: ignore[arg-type]
    print_table(
        ["text", "status", "seconds", "peak MB", "floor MB", "above floor MB", "x file", "raw read x file"],
        [[f"{size:.0f} MB", json.dumps(ours["statuses"]), ours["seconds"], ours["peak_mb"], ours["floor_mb"],
          above, above / size, raw_above / size]],
    )

    table_rows = []
    for count in (rows // 10, rows):
        path = folder / f"table-{count}.csv"
        write_table(path, count)
        file_mb = path.stat().st_size / (1 << 20)
        result = probe(_IMPORT, str(folder / f"table-{count}.sqlite"), str(path))
        path.unlink()
        table_rows.append([f"{count:,} rows ({file_mb:.0f} MB)", json.dumps(result["statuses"]), result["seconds"],
                           result["peak_mb"], result["floor_mb"],
                           float(result["peak_mb"]) - float(result["floor_mb"])])  # type: ignore[arg-type]
    print()
    print_table(["table", "statuses", "seconds", "peak MB", "floor MB", "above floor MB"], table_rows)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
