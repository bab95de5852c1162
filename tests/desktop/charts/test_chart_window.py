"""The chart inside the main window: a click on a point opens its sentence in the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import list_statistics
from desktop.charts.pane import ChartPane
from desktop.views.main_window import MainWindow
from tests.desktop.charts.chart_helpers import drawn


@pytest.fixture
def window(qtbot: QtBot, sample_archive: Archive) -> MainWindow:
    main = MainWindow(sample_archive)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    with qtbot.waitSignal(main.refreshed, timeout=10_000):
        main.show()
    if main.chart is None:
        with qtbot.waitSignal(main.chart_ready, timeout=10_000):
            pass
    drawn(qtbot, main.chart)
    return main


def test_clicking_a_point_opens_its_sentence_in_the_reader(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    chart = window.chart
    assert isinstance(chart, ChartPane)
    assert window.findChild(ChartPane, "chartView") is chart
    with sample_archive.session() as session:
        statistic = next(s for s in list_statistics(session) if s.value == 5816)
    plot = chart.plot_area
    x, y = plot.drawn.positions[statistic.id]
    point = plot.plot_widget.mapFromScene(plot.plot.getViewBox().mapViewToScene(QPointF(x, y)))

    qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert window.reader.source_id == statistic.source_id
    assert window.reader.selected_span() == (statistic.start, statistic.end)
    assert window.reader.editor.textCursor().selectedText().startswith("some 5,816 civilians")
    assert chart.highlighted_statistic() == statistic.id


def test_selecting_a_statistic_elsewhere_rings_its_point(window: MainWindow, sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        statistic = next(s for s in list_statistics(session) if s.value == 249)
    window.select_statistic(statistic.id)
    assert window.chart.highlighted_statistic() == statistic.id
