"""A missing optional part of the standalone download, as the window says it: once, in the
status bar, whichever thread met it; and in About, which lists what is not installed.

The part is made missing as Python marks an absent module (``sys.modules[name] = None``), the
lookup the frozen app makes too (see tests/db/test_optional_parts.py)."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from desktop.window import parts_notice
from desktop.window.main_window import MainWindow


@pytest.mark.usefixtures("without_dictionaries")
def test_the_status_bar_says_once_that_the_dictionaries_are_missing(qtbot: QtBot, window: MainWindow) -> None:
    from db.language import morphology

    notice = parts_notice.install(window.show_status)
    try:
        worker = threading.Thread(target=lambda: [morphology.lemma(w, "ru") for w in ("бойцы", "городами")])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: "dictionaries" in window.statusBar().currentMessage())
        message = window.statusBar().currentMessage()
        assert "not installed" in message
        assert "part-dictionaries.tar.zst" in message
        assert "About" in message
        window.show_status("something else", 1000)
        morphology.lemma("селами", "ru")  # said once: the status bar keeps what came after
        qtbot.wait(50)
        assert window.statusBar().currentMessage() == "something else"
        window.show_status(message, 1000)
        window.statusBar().grab().save("/tmp/pkg1-statusbar.png")
    finally:
        parts_notice.remove(notice)
    assert "Russian and Ukrainian dictionaries" in window.about_text()


def test_about_lists_no_missing_part_from_source(window: MainWindow) -> None:
    assert "Optional parts not installed" not in window.about_text()
