"""The timeline, network and map in the window: docks tabbed with the chart, built when first
shown, linked to the other panes (a click leads to the source or the sentence)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desktop.views.dialogs.coordinates import CoordinatesDialog
from desktop.window.main_window import MainWindow
from tests.desktop.charts.seeing_helpers import loaded
from tests.desktop.helpers import click_ok, dialog_of


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
    first = window.statistics.model.row_at(0)
    assert first is not None
    window.select_statistic(first.id)
    assert pane.plot.highlighted("claims") == first.id
    assert pane.plot.highlighted("sources") == first.source_id


def test_a_place_not_on_the_map_is_placed_through_the_gazetteer_and_undone(
        qtbot: QtBot, window: MainWindow) -> None:
    pane = raise_pane(qtbot, window, "map")
    unplaced = pane.unplaced
    # North Caucasus, a federal district, is no region the gazetteer has: placed at its centre, Pyatigorsk
    item = next(unplaced.item(i) for i in range(unplaced.count())
                if unplaced.item(i).text().startswith("North Caucasus"))
    unplaced.setCurrentItem(item)
    qtbot.mouseClick(pane.set_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, CoordinatesDialog)
    dialog.search_edit.setText("Пятигорск")  # in Russian
    assert dialog.results.count() == 1
    dialog.results.setCurrentRow(0)
    assert (dialog.latitude.value(), dialog.longitude.value()) == pytest.approx((44.05, 43.06), abs=0.05)
    with qtbot.waitSignal(pane.ready, timeout=10_000):
        click_ok(qtbot, dialog)
    assert "North Caucasus" in {r.name for r in pane.plot.shown}
    assert pane.unplaced_title.text() == "Not on the map (0)"
    with qtbot.waitSignal(pane.ready, timeout=10_000):
        window.undo_stack.undo()
    assert "North Caucasus" not in {r.name for r in pane.plot.shown}


def test_an_actor_chosen_on_the_network_or_the_map_is_selected_and_followed(
        qtbot: QtBot, window: MainWindow) -> None:
    network = raise_pane(qtbot, window, "network")
    isis = next(n.id for n in network.network.nodes if n.name == "ISIS")
    network.actor_clicked.emit(isis)
    assert window.actors.selected_actor() == isis
    assert network.plot.highlighted() == isis
    maps = raise_pane(qtbot, window, "map")
    syria = next(r.actor_id for r in maps.plot.shown if r.name == "Syria")
    maps.actor_clicked.emit(syria)
    assert window.actors.selected_actor() == syria
    assert maps.plot.highlighted() == syria
    # the sources pane follows the actor selected (as for a click in the actors pane)
    assert window.sources.model.rowCount() == 1


def test_a_hidden_pane_reads_again_when_it_comes_back_after_a_change(qtbot: QtBot, window: MainWindow) -> None:
    pane = raise_pane(qtbot, window, "timeline")
    window.docks.show("chart")
    window.archive_changed.emit()
    assert not pane.loading  # hidden behind the chart: not read now
    with qtbot.waitSignal(pane.ready, timeout=10_000):
        window.docks.show("timeline")
