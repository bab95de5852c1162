"""The chart pane made after the window is usable without holding it (desktop.window.chart_dock):
its Qt modules come one an event-loop turn, then the pane, in a fresh process as the app starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.window import chart_dock

REPO = Path(__file__).resolve().parents[3]

_PROGRAM = """
import json, sys
from PySide6.QtCore import QTimer
from db import archive
from desktop.app import make_application
from desktop.window.main_window import MainWindow

app = make_application()
window = MainWindow(archive.open(sys.argv[1]), persist=False)
window.show()
watched = ("pyqtgraph", "desktop.charts.draw", "desktop.charts.plot", "desktop.charts.pane")
# the first and one of the last modules pyqtgraph's package imports
inside = ("pyqtgraph.colors", "pyqtgraph.widgets.RemoteGraphicsView")
first_turn = {}
turn = [0]

made = {}  # the turn the chart's plot widget and its pane were first made in
patched = set()

def note_made(cls, name):
    init = cls.__init__
    def made_now(self, *args, **kwargs):
        made.setdefault(name, turn[0])
        init(self, *args, **kwargs)
    cls.__init__ = made_now

def tick():
    turn[0] += 1
    for name in watched + inside:
        if name in sys.modules:
            first_turn.setdefault(name, turn[0])
    for name, module, cls in (("plot", "pyqtgraph", "PlotWidget"), ("pane", "desktop.charts.pane", "ChartPane")):
        # in the module's namespace (not asked of the module: a half-imported one would finish)
        found = vars(sys.modules[module]).get(cls) if module in sys.modules else None
        if name not in patched and found is not None:
            note_made(found, name)
            patched.add(name)

ticker = QTimer()
ticker.timeout.connect(tick)
ticker.start(0)  # once an event-loop turn
window.chart_ready.connect(lambda: QTimer.singleShot(0, app.quit))
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps({"turns": [first_turn.get(name) for name in watched], "chart": window.chart is not None,
                  "inside": [first_turn.get(name) for name in inside], "made": made}))
"""


def test_the_charts_modules_are_imported_a_turn_each_before_the_pane_is_built(sample_archive: Archive) -> None:
    """All at once they held the window 0.2-0.3 s (twice that while the opening's reads ran)."""
    assert sample_archive.path is not None
    done = subprocess.run([sys.executable, "-c", _PROGRAM, str(sample_archive.path)], cwd=REPO, capture_output=True,
                          text=True, check=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["chart"]
    turns = result["turns"]
    assert None not in turns
    assert turns == sorted(turns), turns
    assert len(set(turns)) == len(turns), turns  # each in a turn of its own
    first, last = result["inside"]
    # pyqtgraph's own code over several turns (0.2 s at once, the same turn for both); how many
    # depends on the machine's speed (5 to 19 seen): a few statements of it take a turn each
    assert turns[0] <= first < last - 1 < turns[1], result
    # the plot widget a turn before the pane round it (together 110-160 ms at 1M sources)
    assert result["made"]["plot"] < result["made"]["pane"], result


class _Counting(ModuleType):
    """A module whose classes are counted as they are asked for."""

    def __init__(self) -> None:
        super().__init__("counting")
        self.asked: list[str] = []

    def __getattr__(self, name: str) -> object:
        if name.startswith("Q"):
            self.asked.append(name)
        return None


def test_the_qt_classes_are_made_for_a_few_milliseconds_a_turn(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """However long each class takes, a turn ends once its budget is spent (with none, a class a
    turn), and the imports begin once every class is made."""
    module = _Counting()
    turns: list[list[str]] = []
    make = chart_dock._make_qt_types

    def one_turn(window: QWidget, names: list[tuple[ModuleType, str]], done: int = 0) -> None:
        before = len(module.asked)
        make(window, names, done)  # type: ignore[arg-type]
        turns.append(module.asked[before:])

    monkeypatch.setattr(chart_dock, "_make_qt_types", one_turn)
    monkeypatch.setattr(chart_dock, "TURN_S", 0.0)
    imported: list[list[str]] = []
    monkeypatch.setattr(chart_dock, "_import_in_turns", lambda _window, modules: imported.append(modules))
    holder = QWidget()
    chart_dock._make_qt_types(holder, [(module, f"Q{n}") for n in range(5)])  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: imported != [])
    assert turns == [["Q0"], ["Q1"], ["Q2"], ["Q3"], ["Q4"]]  # each in a turn of its own, in order
    assert imported == [list(chart_dock.ON_THE_GUI_THREAD)]


_ALONE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.window import chart_dock
for name in chart_dock.OFF_THE_GUI_THREAD:
    __import__(name)
before = set(sys.modules)
import pyqtgraph
print(sorted(m for m in set(sys.modules) - before if not m.startswith(("pyqtgraph", "PySide6", "shiboken6"))))
"""


def test_pyqtgraphs_import_on_the_gui_thread_brings_nothing_but_qt_and_itself() -> None:
    """What pyqtgraph imports besides Qt is imported off the GUI thread first: its own import,
    one event-loop turn that cannot be split, is the longest frame of the opening."""
    done = subprocess.run([sys.executable, "-c", _ALONE], cwd=REPO, capture_output=True, text=True, check=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip().splitlines()[-1] == "[]"
