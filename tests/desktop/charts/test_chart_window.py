"""The chart inside the main window: a click on a point opens its sentence in the reader, and the
chart reads through the window's task runner (its busy indicator shows while it does)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pandas as pd
import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import list_statistics
from desktop.charts.pane import ChartPane
from desktop.tasks import Task
from desktop.window.main_window import MainWindow
from tests.desktop.charts.chart_helpers import drawn


@pytest.fixture(autouse=True)
def _chart_drawn(qtbot: QtBot, window: MainWindow) -> None:
    """The shared window at its full size, once its chart (loaded after the lists) is drawn."""
    window.resize(1400, 900)
    if window.chart is None:
        with qtbot.waitSignal(window.chart_ready, timeout=10_000):
            pass
    drawn(qtbot, window.chart)


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


def test_the_chart_reads_through_the_windows_task_runner(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a frame is read the window counts it as busy (the status bar shows it, closing and
    screenshots wait for it); once it is drawn the window is idle again."""
    import desktop.reads.charts as reads_module

    chart = window.chart
    real_frame = reads_module.frame
    reading, release = threading.Event(), threading.Event()

    def frame_held_back(archive: Archive, options: reads_module.FrameOptions) -> pd.DataFrame:
        reading.set()
        release.wait(10)
        return real_frame(archive, options)

    monkeypatch.setattr(reads_module, "frame", frame_held_back)
    assert window.tasks.active == 0
    chart.controls.reference_check.setChecked(False)
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    assert window.tasks.active == 1
    assert chart.loading
    assert window.busy.isVisible()

    with qtbot.waitSignal(chart.ready, timeout=10_000):
        release.set()
    assert window.tasks.active == 0
    assert not window.busy.isVisible()
    assert not chart.frame["is_reference"].any()


def test_saving_a_chart_goes_to_the_writer_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = window.chart
    started: list[str] = []

    def spy(kind: str) -> Callable[..., Task]:
        real = getattr(window.tasks, kind)

        def start(job: Task, name: str = "") -> Task:
            started.append(kind)
            return real(job, name)  # type: ignore[no-any-return]

        return start

    monkeypatch.setattr(window.tasks, "read", spy("read"))
    monkeypatch.setattr(window.tasks, "write", spy("write"))
    with qtbot.waitSignal(chart.saved.changed, timeout=10_000):
        chart.save_as("Killed")
    with qtbot.waitSignal(chart.saved.changed, timeout=10_000):
        chart.delete_saved("Killed")
    assert started == ["write", "write"]
    assert chart.saved.names() == []


def test_closing_the_window_while_the_chart_reads_is_harmless(
    qtbot: QtBot, sample_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while the chart reads its choices: closing waits for the read; what
    the pane starts from its result, and that read's end, reach a window that is gone."""
    import shiboken6

    import desktop.reads.charts as reads_module

    main = MainWindow(sample_archive, persist=False)
    with qtbot.waitSignal(main.refreshed, timeout=10_000):
        main.show()
    if main.chart is None:
        with qtbot.waitSignal(main.chart_ready, timeout=10_000):
            pass
    drawn(qtbot, main.chart)
    real_choices = reads_module.choices
    reading, release = threading.Event(), threading.Event()

    def choices_held_back(archive: Archive) -> reads_module.Choices:
        reading.set()
        release.wait(10)
        return real_choices(archive)

    monkeypatch.setattr(reads_module, "choices", choices_held_back)
    main.chart.refresh()
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    threading.Timer(0.2, release.set).start()
    tasks = main.tasks
    main.close()
    main.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tasks) and tasks.active == 0, timeout=10_000)
