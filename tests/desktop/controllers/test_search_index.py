"""An archive from before stemmed search, opened in the window: its index is built on the writer
thread with progress in the status bar; then a word finds its inflected forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db.archive import Archive
from db.search import search_sources
from db.search_index import pending_count
from desktop.window.main_window import MainWindow
from tests.factories import make_old_archive


@pytest.fixture
def window_archive(tmp_path: Path) -> Archive:
    path = tmp_path / "old.sqlite"
    make_old_archive(path, "0003", ((f"Сводка {n}", f"Задержаны {n} боевиков.", "ru") for n in range(700)))
    return archive_module.open(path)


def test_the_window_builds_the_index_of_an_upgraded_archive(qtbot: QtBot, window: MainWindow,
                                                            window_archive: Archive) -> None:
    controller = window.controllers.search_index
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert "Search index built (700 sources)" in window.statusBar().currentMessage()
    with window_archive.session() as session:
        assert pending_count(session) == 0
        assert len(search_sources(session, "боевик", limit=1000)) == 700
