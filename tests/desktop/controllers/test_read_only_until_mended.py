"""An archive whose search index is missing or damaged opens read-only (issue 18): the window is
up and can be read, a bar says why and offers the rebuild, every change is refused with that
reason and nothing is written; once the index is rebuilt the archive can be changed again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db.archive import Archive
from db.integrity import check_archive
from desktop.undo.annotations import CreateAnnotation
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        count = int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    connection.close()
    return count


def _missing(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE source_fts")
    connection.close()


def _garbled(path: Path) -> None:
    with sqlite3.connect(path) as connection:  # the index's structure record
        connection.execute("UPDATE source_fts_data SET block = x'ffffffffffffffffffff' WHERE id = 10")
    connection.close()


def _annotate(qtbot: QtBot, window: MainWindow) -> CreateAnnotation:
    source_id = window.sources.model.row_at(0).id  # type: ignore[union-attr]
    command = CreateAnnotation(window, source_id, 0, 4, note="read-only trial")
    window.undo_stack.push(command)
    qtbot.waitUntil(lambda: command.last_task is not None and command.last_task.done, timeout=10_000)
    settle(qtbot, window)
    return command


@pytest.mark.parametrize("damage", [_missing, _garbled], ids=["missing", "garbled"])
def test_a_damaged_index_opens_read_only_and_the_bar_rebuilds_it(
    qtbot: QtBot, sample_archive: Archive, tmp_path: Path, damage: object
) -> None:
    path = Path(sample_archive.location)
    sample_archive.close()
    damage(path)  # type: ignore[operator]
    annotations = _count(path, "annotations")
    window = MainWindow(archive_module.open(path), persist=False)
    qtbot.addWidget(window)
    protection = window.controllers.protection
    with qtbot.waitSignal(protection.read_only_changed, timeout=20_000):
        window.show()
    bar = window.read_only_bar
    assert bar.isVisible()
    assert bar.reason is not None
    assert "read-only until its search index is rebuilt" in bar.reason
    assert bar.button.isVisible()
    assert bar.button.text() == "Rebuild the Index"
    assert "(read-only)" in window.windowTitle()
    assert window.sources.model.total == 1  # it can still be read
    protection.box.close()  # type: ignore[union-attr]
    window.grab().save(str(tmp_path / "read-only-window.png"))

    refused = _annotate(qtbot, window)
    assert refused.error is not None
    assert "read-only" in refused.error
    assert "read-only" in window.statusBar().currentMessage()
    assert _count(path, "annotations") == annotations

    with qtbot.waitSignal(protection.rebuilt, timeout=20_000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not bar.isVisible()
    assert "(read-only)" not in window.windowTitle()
    assert check_archive(window.archive).ok
    window.sources.search_edit.setText("militants")
    window.sources._apply_search()
    qtbot.waitUntil(lambda: window.sources.model.searching and window.sources.model.total == 1, timeout=10_000)
    made = _annotate(qtbot, window)
    assert made.error is None
    assert _count(path, "annotations") == annotations + 1


def test_a_whole_archive_shows_no_bar(qtbot: QtBot, window: MainWindow) -> None:
    settle(qtbot, window)
    qtbot.wait(200)
    assert not window.read_only_bar.isVisible()
    assert "(read-only)" not in window.windowTitle()


def test_an_archive_opened_read_only_says_so_and_refuses_changes_in_words(
    qtbot: QtBot, sample_archive: Archive, tmp_path: Path
) -> None:
    """As db.archive opens one on read-only media (tests/e2e/test_read_only_archive.py): the bar
    says why, with nothing to press, and a change is refused in words, not SQLite's."""
    sample_archive.read_only = True
    annotations = _count(Path(sample_archive.location), "annotations")
    window = MainWindow(sample_archive, persist=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.show()
    bar = window.read_only_bar
    assert bar.isVisible()
    assert bar.reason is not None
    assert "on read-only media" in bar.reason
    assert not bar.button.isVisible()
    assert "(read-only)" in window.windowTitle()
    refused = _annotate(qtbot, window)
    assert refused.error is not None
    assert "is read-only (on read-only media" in refused.error
    assert _count(Path(sample_archive.location), "annotations") == annotations
