"""An archive from before stemmed search, opened in the window: its index is built on the writer
thread with progress in the status bar; then a word finds its inflected forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db.archive import Archive, migrate
from db.search import search_sources
from db.search_index import pending_count
from desktop.window.main_window import MainWindow


@pytest.fixture
def window_archive(tmp_path: Path) -> Archive:
    path = tmp_path / "old.sqlite"
    engine = archive_module._sqlite_engine(path)
    migrate(engine, "0003")
    with engine.begin() as connection:
        for n in range(700):
            connection.exec_driver_sql(
                "INSERT INTO sources (uuid, title, kind, text, language) VALUES (?, ?, 'article', ?, 'ru')",
                (f"u-{n}", f"Сводка {n}", f"Задержаны {n} боевиков."))
    engine.dispose()
    return archive_module.open(path)


def test_the_window_builds_the_index_of_an_upgraded_archive(qtbot: QtBot, window: MainWindow,
                                                            window_archive: Archive) -> None:
    controller = window.controllers.search_index
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert "Search index built (700 sources)" in window.statusBar().currentMessage()
    with window_archive.session() as session:
        assert pending_count(session) == 0
        assert len(search_sources(session, "боевик", limit=1000)) == 700
