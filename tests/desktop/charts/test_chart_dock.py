"""The chart pane made after the window is usable without holding it (desktop.window.chart_dock):
its Qt modules come one an event-loop turn, then the pane, in a fresh process as the app starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db.archive import Archive

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
first_turn = {}
turn = [0]

def tick():
    turn[0] += 1
    for name in watched:
        if name in sys.modules:
            first_turn.setdefault(name, turn[0])

ticker = QTimer()
ticker.timeout.connect(tick)
ticker.start(0)  # once an event-loop turn
window.chart_ready.connect(lambda: QTimer.singleShot(0, app.quit))
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps({"turns": [first_turn.get(name) for name in watched], "chart": window.chart is not None}))
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
