"""Memory handed back after the big reads (desktop.memory, issue 18)."""

from __future__ import annotations

import linecache
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import memory


def test_give_back_forgets_the_source_lines_cached_on_import() -> None:
    assert linecache.getline(memory.__file__, 1)  # as shiboken's import hook leaves them
    assert memory.__file__ in linecache.cache
    memory.give_back()
    assert memory.__file__ not in linecache.cache
    assert linecache.getline(memory.__file__, 1)  # a traceback reads them again


def test_several_big_reads_arriving_together_hand_back_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "give_back", lambda: calls.append(1))
    for _ in range(3):
        memory.give_back_soon()
    qtbot.waitUntil(lambda: calls == [1])
    memory.give_back_soon()
    qtbot.waitUntil(lambda: calls == [1, 1])


_ARENAS_PROGRAM = """
import ctypes, ctypes.util, sys, threading
from desktop.memory import few_arenas
if sys.argv[1] == "few":
    assert few_arenas()
start = threading.Barrier(8)
kept = []
def work():
    start.wait()  # the eight allocate at the same time
    for _ in range(2000):
        kept.append(bytearray(512))
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
ctypes.CDLL(ctypes.util.find_library("c")).malloc_stats()  # one "Arena N:" block an arena
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc arenas")
def test_the_windows_threads_share_a_few_malloc_arenas() -> None:
    """Each thread allocating at once would get an arena of its own, which keeps what its reads
    free; the window's threads share ``memory.ARENAS``."""
    def arenas(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", _ARENAS_PROGRAM, mode], capture_output=True, text=True,
                              check=True, cwd=Path(memory.__file__).resolve().parents[1])
        return sum(line.startswith("Arena ") for line in done.stderr.splitlines())

    assert arenas("many") > memory.ARENAS  # as Python's threads get them by default
    assert arenas("few") == memory.ARENAS


_SETTLE_PROGRAM = """
import gc, weakref
import pandas  # a big library: its functions, classes and tables live as long as the program
from desktop import memory
libraries = len(gc.get_objects())
memory.settle_long_lived()
memory.settle_long_lived()  # once a process: later data is never frozen
class Cycle:
    def __init__(self):
        self.me = self
freed = []
cycle = Cycle()
weakref.finalize(cycle, lambda: freed.append(True))
del cycle
gc.collect()
print(libraries, gc.get_freeze_count(), len(gc.get_objects()), bool(freed))
"""


def test_a_full_collection_leaves_the_libraries_out_once_they_are_all_in() -> None:
    """Every full garbage collection of the GUI thread went over the ~200,000 objects of the
    libraries (0.3-0.5 s at a million sources); after :func:`memory.settle_long_lived` it goes
    over what was made since, and a cycle made since is still freed."""
    done = subprocess.run([sys.executable, "-c", _SETTLE_PROGRAM], capture_output=True, text=True, check=True,
                          cwd=Path(memory.__file__).resolve().parents[1])
    libraries, frozen, scanned, freed = done.stdout.split()
    assert int(libraries) > 50_000
    assert int(frozen) >= int(libraries) - 50
    assert int(scanned) < int(libraries) // 20
    assert freed == "True"


_SOURCES_PROGRAM = """
import linecache, sys
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QCoreApplication
from desktop import memory
if sys.argv[1] == "skip":
    assert memory.read_no_sources()
import uses_qt  # a module imported after PySide6, as the window's libraries are
app = QCoreApplication([])
heard = []
sender = uses_qt.Sender()
sender.said.connect(heard.append)
sender.said.emit("hello")
print(uses_qt.__file__ in linecache.cache, heard == ["hello"])
"""

_USES_QT = '''
from PySide6.QtCore import QObject, Signal


class Sender(QObject):
    said = Signal(str)
'''


def test_modules_imported_for_the_window_are_not_read_as_source(tmp_path: Path) -> None:
    """shiboken's import hook read the whole source of every module imported after PySide6 and
    kept it (56 MB once the chart's libraries are in, 0.1 s of pyqtgraph's import): after
    :func:`memory.read_no_sources` a module is imported without that, and its Qt classes work."""
    (tmp_path / "uses_qt.py").write_text(_USES_QT, encoding="utf-8")

    def run(mode: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _SOURCES_PROGRAM, mode, str(tmp_path)], capture_output=True,
                              text=True, check=True, cwd=Path(memory.__file__).resolve().parents[1],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        return done.stdout.split()

    assert run("as-is") == ["True", "True"]  # what the hook does by itself
    assert run("skip") == ["False", "True"]


_START_UP_PROGRAM = """
import gc
from PySide6.QtCore import QCoreApplication
from desktop.tasks import TaskRunner
app = QCoreApplication([])
alive = len(gc.get_objects())
runner = TaskRunner()
print(alive, gc.get_freeze_count())
"""


def test_what_the_start_up_imported_is_left_out_of_the_openings_collections() -> None:
    """The window's task runner starts with the libraries imported before it settled (the first
    full collection of the opening went over them all); the chart's are settled later."""
    done = subprocess.run([sys.executable, "-c", _START_UP_PROGRAM], capture_output=True, text=True, check=True,
                          cwd=Path(memory.__file__).resolve().parents[1], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    alive, frozen = map(int, done.stdout.split())
    assert alive > 10_000
    assert frozen >= alive - 50
