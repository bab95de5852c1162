"""Cycles are freed on the GUI thread only, once a task runner exists (a worker's allocations
must never free a pane's Qt objects on the worker's thread)."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from desktop.tasks import TaskRunner


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.freed_on: list[str] = []


def test_a_cycle_is_freed_by_the_gui_threads_timer(qtbot: QtBot) -> None:
    runner = TaskRunner()
    try:
        assert not gc.isenabled()
        freed: list[str] = []
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed.append(threading.current_thread().name))
        del cycle
        # a worker allocating a great deal (kept: Python counts what is still alive) sets off no
        # collection of its own now
        kept: list[list[list[int]]] = []
        done = threading.Event()
        threading.Thread(target=lambda: (kept.append([[] for _ in range(200_000)]), done.set())).start()
        assert done.wait(10)
        assert freed == []
        qtbot.waitUntil(lambda: bool(freed), timeout=5000)
        assert freed == [threading.main_thread().name]
    finally:
        runner.shutdown()


def test_a_large_heap_is_not_collected_in_full_on_every_round(qtbot: QtBot) -> None:
    """Full collections over a large heap (a million sources' lists) are as rare as Python's own
    rule makes them: once the survivors since the last are a quarter of the old generation (a
    full one every hundred rounds took seconds of the GUI thread at a million sources)."""
    from desktop import tasks

    runner = TaskRunner()
    try:
        kept = [[n] for n in range(1_000_000)]  # long-lived objects, as a big list pane holds
        gc.collect()
        full_before = gc.get_stats()[2]["collections"]
        recent: list[list[list[int]]] = []
        assert tasks._collector is not None
        for round_ in range(400):  # rounds of the collector's timer, each after some allocation
            recent.append([[n] for n in range(800)])
            if round_ % 10 == 9:
                recent.clear()
            tasks._collector.timeout.emit()
        assert gc.get_stats()[2]["collections"] - full_before <= 1  # Python's rule: 4 by the count alone
        assert len(kept) == 1_000_000
    finally:
        runner.shutdown()
