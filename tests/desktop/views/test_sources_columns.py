"""The sources pane's narrow columns fit what the rows say, so the title gets the room."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import drag_divider, open_window
from tests.factories import make_source

OUTLET, DEFAULT_OUTLET = 2, 110


def _reload(qtbot: QtBot, window: MainWindow) -> None:
    sources = window.sources
    with qtbot.waitSignal(sources.model.loaded, timeout=10_000):
        sources.reload()


def test_an_empty_outlet_column_gives_its_width_to_the_title(qtbot: QtBot, archive: Archive) -> None:
    for n in range(3):
        make_source(archive, title=f"A long title of a report about the war, part {n}")
    window = open_window(qtbot, archive)
    view = window.sources.view
    assert view.columnWidth(OUTLET) < DEFAULT_OUTLET - 30
    assert view.columnWidth(0) > DEFAULT_OUTLET


def test_an_outlet_widens_its_column_up_to_the_default(qtbot: QtBot, archive: Archive) -> None:
    make_source(archive, title="No outlet here")
    window = open_window(qtbot, archive)
    view = window.sources.view
    narrow = view.columnWidth(OUTLET)
    make_source(archive, title="From a paper", outlet="The Moscow Times of Record")
    _reload(qtbot, window)
    assert view.columnWidth(OUTLET) == DEFAULT_OUTLET > narrow


def test_a_column_resized_by_hand_keeps_its_width_in_the_next_window(qtbot: QtBot, archive: Archive) -> None:
    make_source(archive, title="No outlet here")
    window = open_window(qtbot, archive, persist=True)
    view = window.sources.view
    before = view.columnWidth(OUTLET)
    drag_divider(view, OUTLET, 60)
    by_hand = view.columnWidth(OUTLET)
    assert by_hand > before + 40
    _reload(qtbot, window)
    assert view.columnWidth(OUTLET) == by_hand  # not fitted back
    window.close()

    again = open_window(qtbot, archive, persist=True)
    assert again.sources.view.columnWidth(OUTLET) == by_hand
