"""Work off the GUI thread: QRunnable jobs whose signals arrive on the GUI thread.

A job is a plain function ``fn(report, cancelled)``: ``report(done, total, current)`` shows
progress, ``cancelled()`` says whether the user pressed Cancel. Its return value arrives with
``finished``, an exception's message with ``failed``. Nothing here calls ``processEvents()``.

Python's cyclic garbage collector runs on the GUI thread only, once a runner exists
(:func:`collect_garbage_on_gui_thread`): a collection set off by a worker's allocations could
otherwise delete a pane's Qt objects (pyqtgraph items hold reference cycles) on the worker's
thread, which crashes Qt.

Pools:

- reads run on a small pool of their own (each job opens its own Session: ORM objects never
  cross threads; jobs hand back plain dataclasses); background reads (a check, conflicts, a
  chart), which take seconds on a large archive, on threads of their own, so a read a person
  waits for (a list, the reader, a search) never waits for them to finish;
- background reads run at a lower CPU priority than the GUI thread (:func:`yield_the_cpu`): on
  a machine whose cores are all busy the first paint of the window with its lists, 25-40 ms of
  the GUI thread's work, took 110-250 ms while it waited for a core, and our own background
  threads (the conflicts, the estimates, the check) had a third of them. Not the loader's
  imports: they hold the GIL nearly all along, and a thread of low priority that is made to wait
  for a core while it holds the GIL holds up the GUI thread with it (frames of 115-137 ms in
  which the GUI thread was blocked on the GIL at a million sources when they were lowered too);
- **every write runs on the one writer thread** (a pool with ``maxThreadCount == 1``), because
  SQLite has one writer: imports and edits queue up in order instead of fighting over the lock.
  An undo command's ``redo``/``undo`` calls :meth:`TaskRunner.write` and the window emits
  ``archive_changed`` when the job finishes, so edits made while an import runs simply wait
  their turn, in the order they were made.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Job = Callable[[Report, Cancelled], Any]
#: how long a thread runs Python before another may take the GIL (see TaskRunner)
SWITCH_INTERVAL_S = 0.0002
#: the priority of background reads (:meth:`TaskRunner.read`): below every other queued task
BACKGROUND = -1
#: how many steps of Linux's niceness the background threads stand below the GUI thread: with
#: 10 a busy core gives the GUI thread nine tenths of its time against one of them
BACKGROUND_NICENESS = 10
#: progress is shown at most this often (an import of small files reports a thousand times a
#: second; a progress dialog laid out again for each took half a second of the GUI thread's time)
PROGRESS_EVERY_MS = 50


_collector: QTimer | None = None


def yield_the_cpu() -> None:
    """Lower the CPU priority of the thread that calls it (a pool thread, at its task's start)
    below the GUI thread's, for good: a core then goes to the GUI thread first when both wait for
    one (and so to a process this thread starts: the conflicts worked out apart). On Linux,
    niceness is the thread's own (Qt's thread priorities do nothing there under the normal
    scheduler) and a process may always lower its own; elsewhere Qt's priority. Idempotent (a
    pool thread's Python state, and what it kept, may not outlive one task)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            thread = threading.get_native_id()
            # the main thread's (the GUI thread's) niceness is the process's, read by its pid
            wanted = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + BACKGROUND_NICENESS)
            if os.getpriority(os.PRIO_PROCESS, thread) < wanted:
                os.setpriority(os.PRIO_PROCESS, thread, wanted)
    else:
        QThread.currentThread().setPriority(QThread.Priority.LowPriority)


def collect_garbage_on_gui_thread(interval_ms: int = 500) -> None:
    """Turn automatic garbage collection off and collect from a timer of the application instead
    (as often as Python would have, by the same thresholds), so cycles are only ever freed on the
    GUI thread. Once a process; nothing without an application."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is not None or app is None:
        return
    thresholds = gc.get_threshold()
    # Python's own rule for a full collection: besides the count of middle ones, only once the
    # objects that survived into the old generation since the last full one are a quarter of
    # those found there then (without it, a full collection every few seconds over the millions
    # of objects of a large archive's lists took seconds of the GUI thread's time)
    old_sizes = {"total": 0, "pending": 0}

    def collect() -> None:
        young, middle, old = gc.get_count()
        if young <= thresholds[0]:
            return
        if middle <= thresholds[1]:
            gc.collect(0)
        elif old > thresholds[2] and old_sizes["pending"] > old_sizes["total"] // 4:
            gc.collect(2)
            old_sizes["total"], old_sizes["pending"] = len(gc.get_objects(2)), 0
        else:
            old_sizes["pending"] += len(gc.get_objects(0)) + len(gc.get_objects(1))
            gc.collect(1)

    gc.disable()
    # what the start-up imported lives as long as the program: kept out of every collection (the
    # opening's first full one went over it all, 150 ms of the GUI thread in its first second);
    # desktop.memory.settle_long_lived does the same once the chart's libraries are in
    gc.freeze()
    timer = QTimer(app)
    timer.setInterval(interval_ms)
    timer.timeout.connect(collect)
    timer.start()
    _collector = timer


class TaskSignals(QObject):
    """The signals of one task (a QRunnable is not a QObject, so it carries one).

    They are emitted on the worker thread and delivered (queued) to this object's own slots on
    the GUI thread, which call the Python callbacks in the order they were added. One Qt
    connection per signal, to a bound slot, is delivered reliably; many lambdas connected to a
    cross-thread signal are not (PySide6 dropped some in our tests).
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.on_progress: list[Callable[[int, int, str], None]] = []
        self.on_finished: list[Callable[[Any], None]] = []
        self.on_failed: list[Callable[[str], None]] = []
        self.progress.connect(self._progress)
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)
        #: the newest progress not shown yet, and the timer that shows it (made on first use)
        self._latest: tuple[int, int, str] | None = None
        self._pace: QTimer | None = None

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, current: str) -> None:
        """Shown at once, then at most every ``PROGRESS_EVERY_MS``: the newest report when that
        time is up (so the file being read is always the one shown)."""
        self._latest = (done, total, current)
        if self._pace is None:
            self._pace = QTimer(self)
            self._pace.setSingleShot(True)
            self._pace.setInterval(PROGRESS_EVERY_MS)
            self._pace.timeout.connect(self._show_progress)
        if not self._pace.isActive():
            self._show_progress()
            self._pace.start()

    def _show_progress(self) -> None:
        if self._latest is None:
            return
        latest, self._latest = self._latest, None
        for callback in list(self.on_progress):
            callback(*latest)

    def _stop_progress(self) -> None:
        """The newest report shown before the task's end is (callbacks see where it got to)."""
        if self._pace is not None:
            self._pace.stop()
        self._show_progress()

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._stop_progress()
        for callback in list(self.on_finished):
            callback(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop_progress()
        for callback in list(self.on_failed):
            callback(message)


class Task(QRunnable):
    """One job on a pool. Add callbacks (``on_finished`` ...) before handing it to the runner."""

    def __init__(self, job: Job, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals have been delivered
        self.job = job
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = False
        #: queued tasks of a higher priority start first (what a person waits for before checks)
        self.priority = 0
        #: run at a lower CPU priority than the GUI thread (set by the runner for its background
        #: threads: :func:`yield_the_cpu`)
        self.yields = False

    # these return the task so calls can be chained
    def on_finished(self, callback: Callable[[Any], None]) -> Task:
        self.signals.on_finished.append(callback)
        return self

    def on_failed(self, callback: Callable[[str], None]) -> Task:
        self.signals.on_failed.append(callback)
        return self

    def on_progress(self, callback: Callable[[int, int, str], None]) -> Task:
        self.signals.on_progress.append(callback)
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next ``cancelled()`` check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # runs on a pool thread
        if self.yields:
            yield_the_cpu()
        try:
            result = self.job(self._report, self._cancel.is_set)
        except Exception as error:  # a job's failure is reported, never raised into Qt
            message = str(error) or type(error).__name__
            traceback.print_exc()
            self._emit(self.signals.failed, message)
        else:
            self._emit(self.signals.finished, result)

    def _report(self, done: int, total: int, current: str) -> None:
        self._emit(self.signals.progress, done, total, current)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # RuntimeError: the receiving side is gone (the program is quitting); nobody to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class TaskRunner(QObject):
    """Starts tasks: reads on a small pool, writes one at a time on the writer thread."""

    #: the number of running or queued tasks changed (the status bar shows a busy indicator)
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_garbage_on_gui_thread()
        # a reader thread busy in Python holds the GIL for up to this long before the GUI thread
        # gets it back; every data() call Qt makes into a model waits that turn (Python's 5 ms
        # made a list of thousands of rows take seconds to fill while conflicts were worked out;
        # with 1 ms the first paint of the filled lists, some hundred such calls, was still
        # blocked 35-90 ms on the GIL while the conflicts and estimates ran in Python)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(2)
        # two threads: a newer chart frame is not held up behind an older one or a check
        self.background_pool = QThreadPool(self)
        self.background_pool.setMaxThreadCount(2)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.writer.setExpiryTimeout(-1)  # keep the one writer thread alive
        #: imports of Qt-free libraries a pane built later needs (the chart's pandas)
        self.loader = QThreadPool(self)
        self.loader.setMaxThreadCount(1)
        self._active: set[Task] = set()
        #: shut down with its window: what is asked for after that is never run
        self.stopped = False

    def read(self, job: Job | Task, name: str = "", *, background: bool = False, later: bool = False) -> Task:
        """Run a read-only job off the GUI thread. A ``background`` one (a check, conflicts, a
        chart) runs on the background threads, never in the way of reads a person waits for (a
        list, the reader, a search); one for ``later`` (a filter bar's choices) on the reader
        threads after the reads queued before it that are not."""
        task = job if isinstance(job, Task) else Task(job, name)
        if later or background:
            task.priority = BACKGROUND
        if background:
            task.yields = True
            return self._start(self.background_pool, task, name)
        return self._start(self.read_pool, task, name)

    def load(self, *modules: str) -> Task:
        """Import ``modules`` in turn on a thread of their own, in nobody's way (half a second or
        more for pandas, which held the window that long on the GUI thread); it finishes with the
        last module, or fails with the ImportError's message. Only modules that define and import
        no Qt classes (``db``'s, pandas): PySide's registries of types and signals are the GUI
        thread's."""
        def job(*_: Any) -> Any:
            for module in modules:
                imported = importlib.import_module(module)
            return imported

        name = "import " + ", ".join(modules)
        return self._start(self.loader, Task(job, name), name)

    def write(self, job: Job | Task, name: str = "") -> Task:
        """Run a job that writes to the archive on the single writer thread (FIFO)."""
        return self._start(self.writer, job, name)

    def _start(self, pool: QThreadPool, job: Job | Task, name: str) -> Task:
        task = job if isinstance(job, Task) else Task(job, name)
        if self.stopped or not shiboken6.isValid(pool):
            # a pane outliving its window asked (a read's answer arriving as it closed): nobody
            # is left to hear of it
            task.cancel()
            return task
        self._active.add(task)
        # added last, so the callers' callbacks (added before start) run first
        task.on_finished(lambda _result: self._done(task))
        task.on_failed(lambda _message: self._done(task))
        pool.start(task, task.priority)
        self.busy_changed.emit(len(self._active))
        return task

    def _done(self, task: Task) -> None:
        task.done = True
        self._active.discard(task)
        # RuntimeError: the runner went with its window while the task ran; nobody to tell
        with contextlib.suppress(RuntimeError):
            self.busy_changed.emit(len(self._active))

    @property
    def active(self) -> int:
        """Tasks started whose results have not yet reached the GUI thread."""
        return len(self._active)

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel what can stop and wait for the pools (on closing the window); start nothing more."""
        self.stopped = True
        self.cancel_all()
        reads = self.read_pool.waitForDone(timeout_ms)
        background = self.background_pool.waitForDone(timeout_ms)
        writes = self.writer.waitForDone(timeout_ms)
        loads = self.loader.waitForDone(timeout_ms)
        return reads and background and writes and loads
