"""Two clients on one team archive (PostgreSQL): time from a write in one to the other's sources
pane showing it (LISTEN/NOTIFY, desktop/controllers/live.py, the pane's refresh).

    python benchmarks/bench_team.py [--writes 30]

A throw-away PostgreSQL server is started (tests/postgres.py) unless DOSSIER_TEST_PG_URL is set.
The window (offscreen) is open on the team archive and settled (chart loaded); a second client,
its own Archive and connection, adds a source; the time runs from just before its commit to the
window's sources model holding the new row. Goal (issue 16): p50 under 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._common import percentile, print_table


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=30)
    args = parser.parse_args()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from db import archive as archive_module
    from db.commands import NewSource, add_source

    folder: Path | None = None
    server = None
    url = os.environ.get("DOSSIER_TEST_PG_URL")
    if not url:
        from tests.postgres import start_server

        folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        server = start_server(folder)
        url = server.url
    app = QApplication.instance() or QApplication([])
    try:
        team = archive_module.open(url)
        with team.engine.begin() as connection:
            connection.execute(text("TRUNCATE sources, actors RESTART IDENTITY CASCADE"))
        from desktop.window.main_window import MainWindow

        window = MainWindow(team, persist=False)
        window.show()

        def spin_until(done: object, limit: float = 10.0) -> float:
            start = time.perf_counter()
            while not done() and time.perf_counter() - start < limit:  # type: ignore[operator]
                loop = QEventLoop()
                QTimer.singleShot(5, loop.quit)
                loop.exec()
            return time.perf_counter() - start

        spin_until(lambda: window.chart is not None and window.controllers.live.listening.is_set(), 20)
        model = window.sources.view.model()
        other = archive_module.open(url)
        delays = []
        for n in range(args.writes):
            rows = model.rowCount()
            started = time.perf_counter()
            with other.session() as session:
                add_source(session, NewSource(text=f"Report {n}: forty people were killed.", title=f"Report {n}"))
            spin_until(lambda rows=rows: model.rowCount() > rows)
            delays.append(time.perf_counter() - started)
            spin_until(lambda: False, 0.2)  # let the window settle between writes
        other.close()
        window.close()
        print(f"{args.writes} writes by a second client; load {os.getloadavg()[0]:.2f}")
        print_table(["", "p50 s", "p95 s", "max s", "goal"],
                    [["write to other's pane", percentile(delays, 0.5), percentile(delays, 0.95), max(delays), "p50 < 1 s"]])
    finally:
        if server is not None:
            server.stop()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
