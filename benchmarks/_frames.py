"""The GUI thread's frames in a window benchmark: the gaps between turns of a 10 ms timer.

A turn that comes late is time the event loop was held (a read on the GUI thread, a pane filled
at once): what a researcher sees as a stall when it is long. Phases name parts of a run
("opening", "import", ...); gaps are kept per phase, none while no phase is set.

With ``sample=True`` a watcher thread looks at the GUI thread's Python stack every few
milliseconds while a turn is late (the GIL passes to it every 5 ms even while the GUI thread runs
Python): each frame over 100 ms then comes with the code it was spent in, the innermost lines of
Dossier's own code the samples found, most often first (``stall_stacks``).

On Linux each frame over 100 ms also says how much of it the GUI thread was on a core and how
much it was ready to run but waiting for one (the kernel's ``schedstat`` of the thread, read at
every turn); the rest it was blocked: on the GIL, a lock or the disk. A frame of 150 ms of which
25 ms on a core and 110 ms waiting for one is the machine's other work (other processes, our own
worker threads), not 150 ms of the window's.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from typing import Any

#: the timer's interval: a frame is at least this long
TICK_MS = 10
#: the watcher looks at the stack this often (seconds) once a turn is this late (ms)
SAMPLE_EVERY_S = 0.004
LATE_MS = 30
#: the folders of our own code, whose lines name where a stall was spent
OWN_CODE = ("/db/", "/desktop/")
#: the columns of :func:`summary`
SUMMARY_COLUMNS = ["frames", "p99 ms", "longest ms", "over 100 ms", "s in them"]


def _scheduled() -> tuple[float, float] | None:
    """The calling thread's milliseconds on a core and ready but waiting for one, since it
    started (None where the kernel does not say: not Linux)."""
    try:
        with open("/proc/thread-self/schedstat") as stat:
            on_core, waiting, _ = stat.read().split()
    except (OSError, ValueError):
        return None
    return int(on_core) / 1e6, int(waiting) / 1e6


class FrameClock:
    """Records the gaps between timer turns, per phase (Qt imported when made: in the child)."""

    def __init__(self, *phases: str, sample: bool = False) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.frames: dict[str, list[float]] = {phase: [] for phase in phases}
        #: the frames over 100 ms: phase, when it ended (ms since the clock was made), its length,
        #: its most sampled lines of our code (empty unless ``sample``), and the ms of it the GUI
        #: thread was on a core and waiting for one (None off Linux)
        self.stalls: list[tuple[str, int, int, list[tuple[str, int]], tuple[int, int] | None]] = []
        self.phase = ""
        self._start = time.perf_counter()
        self._last = 0.0
        self._scheduled_last = _scheduled()
        self._timer: Any = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._samples: Counter[str] = Counter()
        self._gui_thread = threading.get_ident()
        if sample:
            threading.Thread(target=self._watch, name="stall sampler", daemon=True).start()

    def _now(self) -> float:
        """Milliseconds since the clock was made (read by the sampler's thread too)."""
        return (time.perf_counter() - self._start) * 1000

    def _watch(self) -> None:
        """Sample the GUI thread's stack while its turn is late (runs in its own thread)."""
        while True:
            time.sleep(SAMPLE_EVERY_S)
            if not self.phase or self._now() - self._last < LATE_MS:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            lines = []
            while frame is not None:
                path = frame.f_code.co_filename
                if any(part in path for part in OWN_CODE):
                    lines.append(f"{path.rsplit('/', 2)[-2]}/{path.rsplit('/', 1)[-1]}:{frame.f_lineno} {frame.f_code.co_name}")
                    if len(lines) == 3:
                        break
                frame = frame.f_back
            self._samples[" < ".join(lines) or "(no line of ours)"] += 1

    def enter(self, phase: str) -> None:
        """Count the gaps from now on as ``phase``'s (the clock starts with the first phase)."""
        if not self._timer.isActive():
            self._timer.start(TICK_MS)
            self._last = self._now()
            self._scheduled_last = _scheduled()
        self.phase = phase

    def stop(self) -> None:
        self._timer.stop()
        self.phase = ""

    def pause(self) -> str:
        """Count nothing until :meth:`resume` (the benchmark's own work on the GUI thread)."""
        phase, self.phase = self.phase, ""
        return phase

    def resume(self, phase: str) -> None:
        self._last = self._now()
        self._scheduled_last = _scheduled()
        self._samples = Counter()
        self.phase = phase

    def _tick(self) -> None:
        now = self._now()
        scheduled = _scheduled()
        if self.phase:
            gap = now - self._last
            self.frames[self.phase].append(gap)
            if gap > 100:
                spent = None
                if scheduled is not None and self._scheduled_last is not None:
                    spent = (round(scheduled[0] - self._scheduled_last[0]), round(scheduled[1] - self._scheduled_last[1]))
                self.stalls.append((self.phase, round(now), round(gap), self._samples.most_common(4), spent))
        self._samples = Counter()
        self._last = now
        self._scheduled_last = scheduled


def print_stalls(stalls: list[Any]) -> None:
    """Each frame over 100 ms of :attr:`FrameClock.stalls` (read back from JSON), with the
    lines of our code it was spent in when it was sampled and where the GUI thread's time went."""
    for phase, at, gap, stack, *spent in stalls:
        scheduled = ""
        if spent and spent[0] is not None:
            on_core, waiting = spent[0]
            scheduled = f" (GUI thread on a core {on_core} ms, waiting for one {waiting} ms, " \
                        f"blocked {max(0, gap - on_core - waiting)} ms)"
        print(f"  {phase} frame of {gap} ms at {at / 1000:.1f} s{scheduled}" + "".join(
            f"\n      {count:3d} x {where}" for where, count in stack))


def summary(values: list[float]) -> list[object]:
    """How many frames, their 99th percentile, the longest, how many over 100 ms and their seconds."""
    ordered = sorted(values)
    if not ordered:
        return ["", "", "", "", ""]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return [len(ordered), f"{p99:.0f}", f"{ordered[-1]:.0f}", sum(v > 100 for v in ordered),
            f"{sum(v for v in ordered if v > 100) / 1000:.1f}"]
