"""Opening a chart pane and waiting for what it reads in the background (by its signals)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.charts.pane import ChartPane
from desktop.tasks import TaskRunner


def drawn(qtbot: QtBot, pane: ChartPane) -> ChartPane:
    """Wait until the pane has drawn the newest of the reads it started (``ready`` after each)."""
    while pane.loading:
        with qtbot.waitSignal(pane.ready, timeout=10_000):
            pass
    return pane


def open_chart(
    qtbot: QtBot, archive: Archive, tasks: TaskRunner, size: tuple[int, int] | None = None
) -> ChartPane:
    """A chart pane on ``archive``, drawn, then on screen at ``size`` when given (in that order:
    showing it lays out the plot with its title and legend before the test maps points)."""
    chart = ChartPane(archive, tasks)
    qtbot.addWidget(chart)
    drawn(qtbot, chart)
    if size is not None:
        chart.resize(*size)
        chart.show()
        qtbot.waitExposed(chart)
    return chart
