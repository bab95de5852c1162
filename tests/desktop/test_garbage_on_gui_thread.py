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
