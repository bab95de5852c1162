"""What a session's memory is made of (issue 18): run by ``bench_window.py --session``.

A child process opens the window on an archive, waits until every pane is filled, then opens
sources one after another in the reader (as a researcher clicking down the list) and prints the
resident memory at each step as JSON. ``raw_child`` is the baseline: the same process with only
the QApplication and the archive opened (and one count read), no window.

Where the memory is: ``/proc/self/smaps_rollup`` (anonymous memory = the C and Python heaps;
file-backed = the libraries' code), SQLite's own allocations (``sqlite3_memory_used``, which
holds every connection's page cache), and with ``trace`` the live Python allocations by line
(tracemalloc: slow, and its bookkeeping adds to the RSS it reports).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import time
from typing import Any

START = time.perf_counter()


def _status(key: str) -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(key + ":")) / 1024


def _rollup() -> dict[str, float]:
    found: dict[str, float] = {}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                found[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return found


def _sqlite_library() -> Any:
    name = ctypes.util.find_library("sqlite3")
    if name is None:
        return None
    library = ctypes.CDLL(name)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
    return library


def _pymalloc() -> dict[str, float]:
    """Python's small-object allocator: its arenas, and the bytes of live objects in them."""
    import os
    import re
    import sys
    import tempfile

    with tempfile.TemporaryFile("w+") as out:
        saved = os.dup(2)
        sys.stderr.flush()
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        text = out.read()

    def number(label: str) -> float:
        found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return int(found.group(1).replace(",", "")) / 2**20 if found else 0.0

    return {"pymalloc_arenas_mb": number("Total"), "pymalloc_live_mb": number("# bytes in allocated blocks")}


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _malloc() -> dict[str, float]:
    """glibc's heap (C, C++ and Python's larger objects): in use, and freed but kept."""
    libc = ctypes.CDLL(None)
    if not hasattr(libc, "mallinfo2"):
        return {}
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    return {"malloc_used_mb": (info.uordblks + info.hblkhd) / 2**20, "malloc_free_kept_mb": info.fordblks / 2**20}


def trimmed_rss() -> float:
    """The RSS once glibc has handed its free memory back (what fragmentation was holding)."""
    libc = ctypes.CDLL(None)
    if hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
    return _status("VmRSS")


def breakdown() -> dict[str, float]:
    """Resident memory by kind, in MB."""
    rollup = _rollup()
    library = _sqlite_library()
    result = {
        "rss_mb": _status("VmRSS"),
        "peak_mb": _status("VmHWM"),
        "anonymous_mb": rollup.get("Anonymous", 0.0),
        "file_backed_mb": rollup.get("Rss", 0.0) - rollup.get("Anonymous", 0.0),
        "python_objects": float(len(gc.get_objects())),
    }
    result.update(_pymalloc())
    result.update(_malloc())
    if library is not None:
        result["sqlite_mb"] = library.sqlite3_memory_used() / 2**20
        result["sqlite_peak_mb"] = library.sqlite3_memory_highwater(0) / 2**20
    return result


def raw_child(path: str) -> None:
    """The baseline: Qt and the archive opened, one read, no window."""
    import desktop.app  # noqa: F401  (first, as in the app: it sets up what every later import does)

    # isort: split
    from sqlalchemy import func, select

    from db import archive as archive_module
    from db.models import Source
    from desktop.app import make_application

    app = make_application()
    opened = archive_module.open(path, checked_later=True)
    with opened.session() as session:
        sources = session.scalar(select(func.count()).select_from(Source))
    app.processEvents()
    print(json.dumps({"sources": sources, **breakdown(), "rss_after_trim_mb": trimmed_rss()}))
    opened.close()


def session_child(path: str, sources: int = 100, trace: bool = False) -> None:
    """The window, every pane filled, then ``sources`` sources opened one after another."""
    import desktop.app  # noqa: F401  (first, as in the app: it sets up what every later import does)

    # isort: split
    if trace:
        import tracemalloc

        tracemalloc.start(1)
    from PySide6.QtCore import QModelIndex, Qt, QTimer

    from db import archive as archive_module
    from desktop.app import make_application
    from desktop.window.main_window import MainWindow

    app = make_application()
    window = MainWindow(archive_module.open(path, checked_later=True), persist=False)
    window.resize(1400, 900)
    window.show()
    model = window.sources.model
    steps: list[dict[str, float | str]] = []
    ids: list[int] = []
    opened = [0]
    seen_conflicts: list[bool] = []
    seen_estimates: list[bool] = []

    def mark(label: str) -> None:
        steps.append({"step": label, "s": time.perf_counter() - START, "rss_mb": _status("VmRSS")})

    def usable() -> None:
        mark("usable (sources, actors, statistics, counts)")
        every_pane()

    def every_pane() -> None:
        statistics = window.statistics
        if statistics.model.loading or statistics.loading or window.chart is None or window.chart.loading \
                or not seen_conflicts \
                or not seen_estimates:
            QTimer.singleShot(20, every_pane)
            return
        mark("every pane filled (statistics, conflicts, chart drawn, estimates)")
        while model.rowCount() < sources and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        ids.extend(row.id for row in (model.row_at(n) for n in range(min(sources, model.rowCount()))) if row)
        QTimer.singleShot(0, open_next)

    def open_next() -> None:
        if opened[0] == len(ids):
            QTimer.singleShot(200, finish)
            return
        window.open_source(ids[opened[0]])
        opened[0] += 1
        if opened[0] % 10 == 0:
            mark(f"{opened[0]} sources opened")
        QTimer.singleShot(20, open_next)  # a paint between sources, as a person's clicks have

    def finish() -> None:
        result: dict[str, Any] = {"sources": model.total, "steps": steps, **breakdown()}
        result["rss_after_trim_mb"] = trimmed_rss()
        result["statistics_rows"] = window.statistics.model.rowCount()
        result["conflicts"] = len(window.controllers.statistics.conflicts)
        if trace:
            import tracemalloc

            snapshot = tracemalloc.take_snapshot()
            result["python_traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
            result["python_top"] = [[str(s.traceback[0]), s.size / 2**20, s.count]
                                    for s in snapshot.statistics("lineno")[:20]]
        print(json.dumps(result))
        app.quit()

    window.controllers.statistics.conflicts_updated.connect(lambda: seen_conflicts.append(True))
    window.controllers.findings.estimates_updated.connect(lambda *_: seen_estimates.append(True))
    window.refreshed.connect(usable, type=Qt.ConnectionType.SingleShotConnection)
    app.exec()
