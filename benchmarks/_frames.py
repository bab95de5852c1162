"""The GUI thread's frames in a window benchmark: the gaps between turns of a 10 ms timer.

A turn that comes late is time the event loop was held (a read on the GUI thread, a pane filled
at once): what a researcher sees as a stall when it is long. Phases name parts of a run
("opening", "import", ...); gaps are kept per phase, none while no phase is set.
"""

from __future__ import annotations

from typing import Any

#: the timer's interval: a frame is at least this long
TICK_MS = 10
#: the columns of :func:`summary`
SUMMARY_COLUMNS = ["frames", "p99 ms", "longest ms", "over 100 ms", "s in them"]


class FrameClock:
    """Records the gaps between timer turns, per phase (Qt imported when made: in the child)."""

    def __init__(self, *phases: str) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.frames: dict[str, list[float]] = {phase: [] for phase in phases}
        #: the frames over 100 ms: (phase, when it ended in ms since the clock was made, its length)
        self.stalls: list[tuple[str, float, float]] = []
        self.phase = ""
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0.0
        self._timer: Any = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def enter(self, phase: str) -> None:
        """Count the gaps from now on as ``phase``'s (the clock starts with the first phase)."""
        if not self._timer.isActive():
            self._timer.start(TICK_MS)
            self._last = self._clock.nsecsElapsed() / 1e6
        self.phase = phase

    def stop(self) -> None:
        self._timer.stop()
        self.phase = ""

    def pause(self) -> str:
        """Count nothing until :meth:`resume` (the benchmark's own work on the GUI thread)."""
        phase, self.phase = self.phase, ""
        return phase

    def resume(self, phase: str) -> None:
        self._last = self._clock.nsecsElapsed() / 1e6
        self.phase = phase

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        if self.phase:
            self.frames[self.phase].append(now - self._last)
            if now - self._last > 100:
                self.stalls.append((self.phase, now, now - self._last))
        self._last = now


def summary(values: list[float]) -> list[object]:
    """How many frames, their 99th percentile, the longest, how many over 100 ms and their seconds."""
    ordered = sorted(values)
    if not ordered:
        return ["", "", "", "", ""]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return [len(ordered), f"{p99:.0f}", f"{ordered[-1]:.0f}", sum(v > 100 for v in ordered),
            f"{sum(v for v in ordered if v > 100) / 1000:.1f}"]
