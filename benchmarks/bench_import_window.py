"""A 1,000-file import into a large archive with the window open (issue 18): does the window stay
responsive (no frame over 100 ms)?

    python benchmarks/bench_import_window.py [--archive PATH] [--files 1000] [--runs 1]

The archive is one ``bench_window.py`` built (default: its 1M-source archive in the temporary
folder), copied first (the import writes to it). The files are real news: half Reuters-21578,
half Russian NEREL, as ``bench_language_speed.py`` imports them. Each run is a fresh process
(offscreen): the window opens, every pane fills (the conflicts and estimates of the opening
included: at 1M they arrive seconds later), then File ▸ Import is given the folder.

The window's responsiveness is measured as the event loop sees it: a timer due every 10 ms
records how late each of its turns comes ("frame" below: the time between two turns; what a
researcher sees as a stall when it is long). Three phases: idle (the window open, nothing
running: the raw baseline on the same archive), the import (from Import to the last file saved)
and the refresh after it (from then until every list has been read again). ``--sample`` also
names where each frame over 100 ms was spent: the lines of Dossier's code a watcher thread found
on the GUI thread's stack while the frame lasted (benchmarks/_frames.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
IDLE_S = 3.0


def make_files(folder: Path, count: int) -> None:
    from benchmarks.reuters import reuters_folder

    reuters_folder(SHARED / "corpus" / "reuters21578", folder, limit=count // 2)
    for n, path in enumerate(sorted((SHARED / "ru" / "nerel").glob("*/*_text.txt"))[: count - count // 2]):
        (folder / f"ru-{n}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


def child(archive: str, files: str, sample: bool = False) -> None:
    """One measured import (a fresh process); prints a JSON line."""
    import desktop.app  # noqa: F401  (first, as in the app: it sets up what every later import does)

    # isort: split
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from benchmarks._frames import FrameClock
    from db import archive as archive_module
    from desktop.app import make_application
    from desktop.window.main_window import MainWindow

    app = make_application()
    window = MainWindow(archive_module.open(archive, checked_later=True), persist=False)
    window.controllers.importing.interactive = False  # no summary dialog at the end
    window.resize(1400, 900)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    frames = FrameClock("idle", "import", "refresh", sample=sample)
    result: dict[str, object] = {}

    findings: list[str] = []  # the conflicts and the estimates of the opening, once in
    window.controllers.statistics.conflicts_updated.connect(lambda: findings.append("conflicts"))
    window.controllers.findings.estimates_updated.connect(lambda *_: findings.append("estimates"))

    def every_pane() -> None:
        # the opening's own work done first (at 1M its conflicts and estimates take seconds and
        # their panes fill on arrival): the import is measured alone
        statistics = window.statistics
        # the chart drawn too: its first drawing of 8,490 claims at 1M is the opening's, not the import's
        if (statistics.model.loading or statistics.loading or window.chart is None or window.chart.loading
                or window.estimates.filling or not {"conflicts", "estimates"} <= set(findings)):
            QTimer.singleShot(20, every_pane)
            return
        QTimer.singleShot(1000, idle)  # background work after the panes (counts, check) settles

    def idle() -> None:
        frames.enter("idle")
        QTimer.singleShot(int(IDLE_S * 1000), start_import)

    def start_import() -> None:
        frames.enter("import")
        result["import_started"] = clock.nsecsElapsed() / 1e9
        window.controllers.importing.finished.connect(imported)
        window.import_paths([Path(files)])

    def imported(results: list) -> None:  # type: ignore[type-arg]
        result["imported"] = sum(r.status == "imported" for r in results)
        result["import_s"] = clock.nsecsElapsed() / 1e9 - float(result["import_started"])  # type: ignore[arg-type]
        frames.enter("refresh")
        refreshed_at = clock.nsecsElapsed() / 1e9
        window.refreshed.connect(lambda: done(refreshed_at), Qt.ConnectionType.SingleShotConnection)

    def done(since: float) -> None:
        result["refresh_s"] = clock.nsecsElapsed() / 1e9 - since
        result["sources"] = window.sources.model.total
        frames.stop()
        result["frames"] = frames.frames
        result["stalls"] = frames.stalls
        print(json.dumps(result))
        app.quit()

    window.refreshed.connect(every_pane, Qt.ConnectionType.SingleShotConnection)
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=Path(tempfile.gettempdir()) / "dossier-bench-window.sqlite")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sample", action="store_true", help="name where each frame over 100 ms was spent")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], sample=args.sample)
        return
    from benchmarks._common import print_table
    from benchmarks._frames import SUMMARY_COLUMNS, TICK_MS, print_stalls, summary

    if not args.archive.exists():
        raise SystemExit(f"{args.archive}: no archive (build one with benchmarks/bench_window.py)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOSSIER_SETTINGS_DIR=tempfile.mkdtemp())
    for run in range(args.runs):
        work = Path(tempfile.mkdtemp(prefix="dossier-import-window-"))
        try:
            folder = work / "files"
            folder.mkdir()
            make_files(folder, args.files)
            copy = work / args.archive.name
            shutil.copyfile(args.archive, copy)
            out = subprocess.run([sys.executable, __file__, "--child", str(copy), str(folder),
                                  *(["--sample"] if args.sample else [])],
                                 capture_output=True, text=True, env=env, check=False, timeout=3600)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if out.returncode != 0:
            raise SystemExit(out.stderr[-3000:])
        result = json.loads([x for x in out.stdout.splitlines() if x.startswith("{")][-1])
        frames = result["frames"]
        print(f"\nRun {run + 1}: {result['imported']:,} files imported into {result['sources']:,} sources "
              f"in {result['import_s']:.1f} s; the lists read again {result['refresh_s']:.1f} s after\n")
        print_table(["phase", *SUMMARY_COLUMNS],
                    [[phase, *summary(frames[phase])] for phase in ("idle", "import", "refresh")])
        print_stalls(result["stalls"])
    print(f"\ngoal: no frame over 100 ms while the import runs (a frame here: {TICK_MS} ms timer turns)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
