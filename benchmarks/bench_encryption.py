"""Encrypted (SQLCipher 4) vs plain archive on the same data: import, search, window start.

    python benchmarks/bench_encryption.py [--files 400] [--queries 200] [--starts 3]

- import: the same folder of text files imported into a new plain archive and into a new
  encrypted one (files/s; twice each, alternating, the better of the two);
- search: the same two-word queries on each (p50 and p90 over all of them, after one warm-up pass);
- window start: ``dossier --archive A --smoke`` offscreen, seconds from starting the process to
  Qt making the main window visible (bench_startup's measure); the encrypted run gets its
  passphrase from DOSSIER_PASSPHRASE, so it includes the Argon2id derivation of the key.

Goal (issue 17): every encrypted figure within 1.3x of plain. Prints both and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import median, percentile, print_table, queries, synthetic_texts
from benchmarks.bench_startup import ANY_SHOWN, SHOWN, _first

PASSPHRASE = "benchmark passphrase"
GOAL = 1.3


def make_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for n, (title, text) in enumerate(synthetic_texts(count)):
        (folder / f"{n:05d}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def new_archive(path: Path, encrypted: bool) -> object:
    from db import archive as archive_module
    from db import encryption

    archive_module.open(path).close()
    if encrypted:
        encryption.encrypt_file(path, PASSPHRASE)
    return archive_module.open(path, passphrase=PASSPHRASE if encrypted else None)


def import_rate(path: Path, folder: Path, encrypted: bool) -> float:
    from db.archive import Archive
    from db.importer import iter_import

    opened = new_archive(path, encrypted)
    assert isinstance(opened, Archive)
    start = time.perf_counter()
    results = list(iter_import(opened, [folder]))
    elapsed = time.perf_counter() - start
    opened.close()
    imported = sum(r.status == "imported" for r in results)
    assert imported == len(list(folder.iterdir())), results[:3]
    return imported / elapsed


def search_latencies(path: Path, encrypted: bool, asked: list[str]) -> list[float]:
    from db import archive as archive_module
    from db.search import search_sources

    opened = archive_module.open(path, passphrase=PASSPHRASE if encrypted else None)
    times = []
    for n, query in enumerate([*asked[:20], *asked]):  # the first 20: warm-up
        start = time.perf_counter()
        with opened.session() as session:
            search_sources(session, query, limit=50)
        if n >= 20:
            times.append(time.perf_counter() - start)
    opened.close()
    return times


def window_start(path: Path, encrypted: bool, scratch: Path) -> float:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.widgets.showhide=true",
        "QT_MESSAGE_PATTERN": "%{time boot} %{message}",
        "DOSSIER_DATA_DIR": str(scratch / "data"),
        "HOME": str(scratch),
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    })
    if encrypted:
        env["DOSSIER_PASSPHRASE"] = PASSPHRASE
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "desktop", "--archive", str(path), "--smoke"],
                          env=env, cwd=scratch, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    lines = done.stderr.splitlines()
    shown = _first(SHOWN, lines) or _first(ANY_SHOWN, lines)
    if shown is None:
        raise RuntimeError("Qt's log did not show the window")
    return shown - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as name:
        scratch = Path(name)
        folder = scratch / "texts"
        make_files(folder, args.files)
        paths = {False: scratch / "plain.sqlite", True: scratch / "encrypted.sqlite"}
        # in the order plain, encrypted, encrypted, plain (the machine warms and cools alike for
        # both); the best of each pair; the second pair's archives are the ones searched
        rates: dict[bool, float] = {False: 0.0, True: 0.0}
        for encrypted in (False, True, True, False):
            path = paths[encrypted]
            for file in (path, *path.parent.glob(path.name + "*")):
                file.unlink(missing_ok=True)
            rates[encrypted] = max(rates[encrypted], import_rate(path, folder, encrypted))
        asked = queries(args.queries)
        latencies = {e: search_latencies(p, e, asked) for e, p in paths.items()}
        starts: dict[bool, list[float]] = {False: [], True: []}
        for n in range(args.starts + 1):  # alternate; the first pair warms the disk cache
            for encrypted, path in paths.items():
                seconds = window_start(path, encrypted, scratch)
                if n:
                    starts[encrypted].append(seconds)
        shutil.rmtree(folder)

    def row(what: str, plain: float, encrypted: float, unit: str, higher_is_better: bool = False) -> list[object]:
        ratio = plain / encrypted if higher_is_better else encrypted / plain
        return [what, f"{plain:.{1 if unit == 'files/s' else 2}f} {unit}",
                f"{encrypted:.{1 if unit == 'files/s' else 2}f} {unit}", f"{ratio:.2f}x",
                "yes" if ratio <= GOAL else "NO"]

    print(f"{args.files} files, {args.queries} queries, {args.starts} window starts each")
    print_table(["", "plain", "encrypted", "slower by", f"within {GOAL}x"], [
        row("import", rates[False], rates[True], "files/s", higher_is_better=True),
        row("search p50", percentile(latencies[False], 0.5) * 1000, percentile(latencies[True], 0.5) * 1000, "ms"),
        row("search p90", percentile(latencies[False], 0.9) * 1000, percentile(latencies[True], 0.9) * 1000, "ms"),
        row("window shown", median(starts[False]), median(starts[True]), "s"),
    ])


if __name__ == "__main__":
    main()
