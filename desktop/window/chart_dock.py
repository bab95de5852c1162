"""The chart pane in its dock, made after the window is usable and out of its way.

Its Qt-free libraries (pandas and the chart's reads in ``db``: half a second or more to import)
are imported off the GUI thread first. Then, on the GUI thread, a few milliseconds' worth an
event-loop turn: the Qt classes pyqtgraph copies out of QtCore, QtGui and QtWidgets (all of
them; PySide makes each class when it is first asked for, ~80 ms of pyqtgraph's import
otherwise); pyqtgraph, a few statements of its package's code a turn (the package imports all
of it: 0.2 s at once; :mod:`desktop.staged_import`), and the pane's own modules, one module a
turn (they define Qt classes:
PySide's registries of types and signals are not to be changed from another thread while the
GUI thread runs Qt; all at once they held the window 0.2-0.3 s, twice that while the opening's
reads ran); its pyqtgraph plot made, the pane built round it a turn later (together 110-160 ms
at a million sources); and a turn later put in its dock (the plot widget and the dock's
first layout of it held the window 110-125 ms at once). Until then the dock shows its
placeholder ("Loading the chart…"), and says so when the chart cannot be had.
"""

from __future__ import annotations

import importlib
import time
import traceback
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QScrollArea

from desktop import memory, staged_import

if TYPE_CHECKING:
    import pyqtgraph as pg

    from desktop.window.main_window import MainWindow


#: how long an event-loop turn of the chart's making may last: the PySide classes made before
#: pyqtgraph's import, then the chart's modules imported (one class or statement can take longer:
#: QCommonStyle's enums 46 ms, pyqtgraph's import of its colour bar ~30 ms; 24 classes a turn took
#: up to 77 ms)
TURN_S = 0.008

#: what the chart needs that holds no Qt (``db`` never imports Qt): imported on the loader thread;
#: the last four are what pyqtgraph's own import brings besides Qt (~25 ms of it, which its one
#: unsplittable event-loop turn on the GUI thread no longer takes)
OFF_THE_GUI_THREAD = ("pandas", "db.chartdata", "desktop.reads.charts",
                      "xml.etree.ElementTree", "cProfile", "pydoc", "colorama")

#: the chart's modules that define Qt classes, imported in turns on the GUI thread, each after
#: those it imports (pyqtgraph's package imports all of it: its statements are run a few a turn);
#: a module missing from here is imported with the one that needs it
ON_THE_GUI_THREAD = (
    "pyqtgraph", "desktop.charts.drawn", "desktop.charts.spots", "desktop.charts.draw", "desktop.charts.frames", "desktop.charts.estimates",
    "pyqtgraph.exporters", "desktop.charts.export", "desktop.charts.controls", "desktop.charts.plot",
    "desktop.charts.saved", "desktop.charts.pane",
)


def create_soon(window: MainWindow) -> None:
    """Import :data:`OFF_THE_GUI_THREAD` on the task runner's loader thread, then :func:`create`."""
    loading = window.tasks.load(*OFF_THE_GUI_THREAD)
    loading.on_finished(lambda _module: _make_qt_types(window, _qt_names()))
    loading.on_failed(lambda _message: create(window))  # create() says why the chart is not available


def _qt_names() -> list[tuple[ModuleType, str]]:
    from PySide6 import QtCore, QtGui, QtWidgets

    return [(module, name) for module in (QtCore, QtGui, QtWidgets) for name in dir(module)]


def _make_qt_types(window: MainWindow, names: list[tuple[ModuleType, str]], done: int = 0) -> None:
    """Ask PySide for its classes (each is made when first asked for) for :data:`TURN_S`,
    the next ones a turn later; once every one is made, :func:`_import_in_turns`."""
    until = time.perf_counter() + TURN_S
    for module, name in names[done:]:
        getattr(module, name, None)
        done += 1
        if time.perf_counter() >= until:
            break
    if done >= len(names):
        _import_in_turns(window, list(ON_THE_GUI_THREAD))
    else:
        QTimer.singleShot(0, window, lambda: _make_qt_types(window, names, done))


def _import_in_turns(window: MainWindow, modules: list[str], staged: staged_import.StagedImport | None = None) -> None:
    """Import the first of ``modules`` for :data:`TURN_S` an event-loop turn, a few of its
    top-level statements at a time (:mod:`desktop.staged_import`; at once when it cannot be
    staged), then the next; after the last, :func:`create` (which says why, when one cannot be
    imported)."""
    if modules:
        try:
            staged = staged or staged_import.begin(modules[0])
            if staged is None:
                importlib.import_module(modules[0])
            elif not staged.step(TURN_S):
                QTimer.singleShot(0, window, lambda: _import_in_turns(window, modules, staged))
                return
        except ImportError:
            modules = []
    if modules[1:]:
        QTimer.singleShot(0, window, lambda: _import_in_turns(window, modules[1:]))
    elif modules:
        QTimer.singleShot(0, window, lambda: _make_plot(window))
    else:
        QTimer.singleShot(0, window, lambda: create(window))


def _make_plot(window: MainWindow) -> None:
    """The pane's pyqtgraph plot, in a turn of its own (30-80 ms; with the rest of the pane it
    held the window 110-160 ms at a million sources), then :func:`create` with it."""
    import pyqtgraph

    if window.chart is not None or window.tasks.stopped:
        return
    try:
        plot: pg.PlotWidget | None = pyqtgraph.PlotWidget(background="w")
    except Exception:  # create() tries again, and says why the chart cannot be drawn
        plot = None
    QTimer.singleShot(0, window, lambda: create(window, plot))


def create(window: MainWindow, plot: pg.PlotWidget | None = None) -> None:
    """Build the chart pane (once), in ``plot`` when it was made beforehand, and link it to the
    window; it is put in its dock next turn."""
    if window.chart is not None or window.tasks.stopped:  # made, or the window closed meanwhile
        return
    try:
        from desktop.charts.pane import ChartPane
    except ImportError as error:  # the chart is optional; the window works without it
        window.chart_placeholder.setText(f"The chart is not available ({error}).")
        return
    try:
        chart = ChartPane(window.archive, window.tasks, plot_widget=plot)
    except Exception as error:  # a broken chart must not take the window down with it
        traceback.print_exc()
        window.chart_placeholder.setText(f"The chart could not be drawn:\n{error}")
        return
    window.chart = chart
    chart.statistic_clicked.connect(window.select_statistic)
    window.controllers.findings.estimates_updated.connect(chart.set_estimates)
    chart.set_estimates(window.controllers.findings.findings)
    QTimer.singleShot(0, window, lambda: _place(window))


def _place(window: MainWindow) -> None:
    chart = window.chart
    # in a scroll area: the chart's controls need ~780x370, more than a laptop screen leaves the
    # bottom row; the window must still fit (and render) at smaller sizes
    holder = QScrollArea()
    holder.setObjectName("chartScroll")
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidget(chart)
    window.docks["chart"].setWidget(holder)
    window.chart_placeholder.deleteLater()
    selected = window.statistics.selected_statistic()
    if selected is not None:
        chart.highlight_statistic(selected)
    memory.settle_long_lived()  # every library is in by now
    window.chart_ready.emit()
