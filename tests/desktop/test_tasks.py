"""The task runner: results arrive on the GUI thread, failures are reported, writes run one at a
time in the order they were started, and Cancel reaches the job."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.tasks import BACKGROUND_NICENESS, Task, TaskRunner


def test_a_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def job(_report: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    task = Task(job)
    task.on_finished(lambda result: seen.update(result=result, gui=QThread.currentThread() is QApplication.instance().thread()))
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda n: n == 0, timeout=5000):
        runner.read(task)
    assert seen == {"worker": False, "result": 42, "gui": True}
    assert runner.active == 0


def test_a_failing_job_reports_its_message(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def job(*_: object) -> None:
        raise ValueError("the archive is locked")

    task = Task(job)
    messages: list[str] = []
    task.on_failed(messages.append)
    with qtbot.waitSignal(task.signals.failed, timeout=5000):
        runner.write(task)
    assert messages == ["the archive is locked"]


def test_writes_run_one_at_a_time_in_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    assert runner.writer.maxThreadCount() == 1
    order: list[int] = []
    running = [0]
    overlaps: list[int] = []
    lock = threading.Lock()

    def make(n: int) -> Callable[..., int]:
        def job(*_: object) -> int:
            with lock:
                running[0] += 1
                overlaps.append(running[0])
            order.append(n)
            with lock:
                running[0] -= 1
            return n

        return job

    tasks = [Task(make(n)) for n in range(20)]
    with qtbot.waitSignals([t.signals.finished for t in tasks], timeout=10_000):
        for task in tasks:
            runner.write(task)
    assert order == list(range(20))
    assert max(overlaps) == 1


def test_cancel_reaches_the_job_and_progress_arrives(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    release = threading.Event()

    def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> int:
        report(0, 100, "first.txt")
        started.set()
        release.wait(5)
        done = 0
        while done < 100 and not cancelled():
            done += 1
        return done

    task = Task(job)
    progress: list[tuple[int, int, str]] = []
    task.on_progress(lambda *args: progress.append(args))
    runner.write(task)
    assert started.wait(5)
    task.cancel()
    # waiting starts before the job can finish: a queued signal is not seen by later connections
    with qtbot.waitSignal(task.signals.finished, timeout=5000) as finished:
        release.set()
    assert finished.args == [0]
    assert progress == [(0, 100, "first.txt")]
    assert runner.shutdown(5000)


def test_a_flood_of_progress_is_shown_paced_and_the_newest_report_is_the_one_left_showing(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()

    def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> int:
        for n in range(2000):  # small files, reported as fast as they are saved
            report(n, 2000, f"file-{n}.txt")
        release.wait(5)  # then one long file: its name must be what the dialog shows meanwhile
        return 2000

    task = Task(job)
    shown: list[tuple[int, int, str]] = []
    task.on_progress(lambda *args: shown.append(args))
    runner.write(task)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] == (1999, 2000, "file-1999.txt"), timeout=5000)
    assert shown[0] == (0, 2000, "file-0.txt")
    assert len(shown) < 200  # paced, not two thousand relayouts of a dialog
    assert [n for n, _, _ in shown] == sorted(n for n, _, _ in shown)
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        release.set()


def test_a_read_a_person_waits_for_never_waits_for_background_reads(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    started: list[int] = []

    def slow(n: int) -> Callable[..., int]:
        def job(*_: object) -> int:
            started.append(n)
            release.wait(10)
            return n

        return job

    # more background reads (conflicts, a check, a chart) than there are read threads
    background = [runner.read(slow(n), "conflicts", background=True) for n in range(3)]
    qtbot.waitUntil(lambda: sorted(started) == [0, 1], timeout=5000)
    listed = Task(lambda *_: "hits")
    with qtbot.waitSignal(listed.signals.finished, timeout=5000) as arrived:
        runner.read(listed, "search")
    assert arrived.args == ["hits"]
    assert sorted(started) == [0, 1]  # the background threads busy, the third still queued
    with qtbot.waitSignals([t.signals.finished for t in background], timeout=10_000):
        release.set()
    assert sorted(started) == [0, 1, 2]
    assert runner.shutdown(5000)


def test_a_module_is_imported_off_the_gui_thread_while_reads_go_on(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a library that takes a while to import (the chart's pandas and pyqtgraph: 1-2.5 s)
    (tmp_path / "slow_library_for_test.py").write_text(
        "import threading, time\nIMPORTED_ON = threading.current_thread()\ntime.sleep(0.5)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    runner = TaskRunner()
    loading = runner.load("slow_library_for_test")
    modules: list[object] = []
    loading.on_finished(modules.append)  # delivered on the GUI thread: added after the start is fine
    listed = Task(lambda *_: "hits")
    with qtbot.waitSignal(listed.signals.finished, timeout=5000):
        runner.read(listed, "search")  # not queued behind the import
    assert not modules
    qtbot.waitUntil(lambda: bool(modules), timeout=5000)
    module: Any = modules[0]
    assert module.__name__ == "slow_library_for_test"
    assert module.IMPORTED_ON is not threading.main_thread()

    messages: list[str] = []
    runner.load("no_such_library_for_test").on_failed(messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "no_such_library_for_test" in messages[0]
    assert runner.shutdown(5000)


def test_what_is_asked_after_the_window_closed_is_never_run(qtbot: QtBot) -> None:
    """A pane outliving its window (a chart built as it closed) may still ask for a read: nothing
    runs and nothing raises, whether the runner was shut down or its pools are already gone."""
    ran: list[str] = []

    def job(*_: object) -> None:
        ran.append("ran")

    runner = TaskRunner()
    runner.shutdown()
    task = runner.read(job, background=True)
    assert task.is_cancelled()
    qtbot.wait(100)
    gone = TaskRunner()
    shiboken6.delete(gone.background_pool)  # as when its window was deleted
    assert gone.read(job, background=True).is_cancelled()
    qtbot.wait(100)
    assert ran == []
    assert runner.active == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own niceness is Linux's")
def test_background_reads_yield_the_cpu_to_the_gui_thread(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Background reads (conflicts, estimates, a check) run at a lower CPU priority than the GUI
    thread, so a busy machine gives the window's paint a core first; the reads a person waits for,
    the writes and the loader's imports (which hold the GIL nearly all along) keep the GUI
    thread's."""
    runner = TaskRunner()

    def niceness(*_: object) -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    gui = niceness()
    seen: dict[str, int] = {}
    tasks = {"background": runner.read(niceness, "conflicts", background=True),
             "read": runner.read(niceness, "search"),
             "later": runner.read(niceness, "choices", later=True),
             "write": runner.write(niceness, "edit")}
    for kind, task in tasks.items():
        task.on_finished(lambda value, kind=kind: seen.__setitem__(kind, value))
    (tmp_path / "niceness_for_test.py").write_text(
        "import os, threading\nNICENESS = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    runner.load("niceness_for_test").on_finished(lambda module: seen.__setitem__("import", module.NICENESS))
    qtbot.waitUntil(lambda: len(seen) == len(tasks) + 1, timeout=5000)
    assert seen["background"] == min(19, gui + BACKGROUND_NICENESS)
    assert seen["read"] == seen["later"] == seen["write"] == seen["import"] == gui
    assert niceness() == gui  # the GUI thread's own is untouched
    # lowered once, not again by each task its thread runs
    later: list[int] = []
    for done in range(1, 5):
        runner.read(niceness, "estimates", background=True).on_finished(later.append)
        qtbot.waitUntil(lambda done=done: len(later) == done, timeout=5000)  # type: ignore[misc]
    assert later == [seen["background"]] * 4
    assert runner.shutdown(5000)


def test_the_gil_passes_to_the_gui_thread_within_a_fifth_of_a_millisecond() -> None:
    """A background thread running Python holds the GIL at most this long before the GUI thread,
    which needs it at every call Qt makes into a model or a delegate, gets it back."""
    before = sys.getswitchinterval()
    try:
        TaskRunner()
        assert sys.getswitchinterval() <= 0.0002
    finally:
        sys.setswitchinterval(before)
