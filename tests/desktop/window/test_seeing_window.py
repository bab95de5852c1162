"""The timeline, network and map in the window: docks tabbed with the chart, built when first
shown, linked to the other panes (a click leads to the source or the sentence)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desktop.window.main_window import MainWindow
from tests.desktop.charts.seeing_helpers import loaded


def raise_pane(qtbot: QtBot, window: MainWindow, key: str) -> Any:
    window.docks.show(key)
    qtbot.waitUntil(lambda: key in window.seeing.panes, timeout=10_000)
    return loaded(qtbot, window.seeing.panes[key])


def test_the_panes_are_tabs_behind_the_chart_with_view_menu_toggles(window: MainWindow) -> None:
    chart = window.docks["chart"]
    for key, action in (("timeline", "actionShowTimeline"), ("network", "actionShowNetwork"),
                        ("map", "actionShowMap")):
        dock = window.docks[key]
        assert dock in window.tabifiedDockWidgets(chart)
        assert window.findChild(QDockWidget, f"{key}Dock") is dock
        assert any(a.objectName() == action for a in window.menus["view"].actions())
        # not built (nor read) until first shown: the chart is the tab in front
        assert key not in window.seeing.panes
        assert window.findChild(object, f"{key}View") is not None


def test_a_source_clicked_on_the_timeline_opens_in_the_reader(qtbot: QtBot, window: MainWindow) -> None:
    pane = raise_pane(qtbot, window, "timeline")
    assert pane.objectName() == "timelineView"
    window.reader.show_source(None)
    pane.source_clicked.emit(1)
    assert window.reader.source_id == 1


def test_the_timeline_rings_a_statistic_selected_in_the_table(qtbot: QtBot, window: MainWindow) -> None:
    pane = raise_pane(qtbot, window, "timeline")
    statistic = window.statistics.model.rows[0].id
    window.select_statistic(statistic)
    assert pane.plot.highlighted("claims") == statistic
    assert pane.plot.highlighted("sources") == window.statistics.model.rows[0].source_id
