"""Keeping the archive safe in the window: the day's backup and the quick check when it opens,
the message when the check finds damage (restore the newest whole backup, or rebuild the search
index when only it is damaged), and File ▸ Restore from Backup…"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db import backups
from db.archive import Archive
from db.integrity import check_archive
from desktop.views.dialogs.restore import RestoreDialog
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle
from tests.factories import make_source


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        titles = [str(r[0]) for r in connection.execute("SELECT title FROM sources ORDER BY id")]
    connection.close()
    return titles


def test_opening_makes_the_days_backup_and_a_whole_archive_shows_no_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    settle(qtbot, window)
    assert window.controllers.protection.box is None
    [daily] = backups.automatic_backups(Path(window.archive.location))
    assert daily.name.endswith("-daily.sqlite")


def test_a_text_edited_behind_dossiers_back_is_shown_with_the_way_back(
    qtbot: QtBot, sample_archive: Archive, tmp_path: Path
) -> None:
    path = Path(sample_archive.location)
    whole = backups.back_up(sample_archive, backups.DAILY)
    sample_archive.close()
    with sqlite3.connect(path) as connection:  # another program rewrites the text
        connection.execute("UPDATE sources SET text = 'EDITED ' || text")
    connection.close()
    opened = archive_module.open(path)
    window = MainWindow(opened, persist=False)
    qtbot.addWidget(window)
    protection = window.controllers.protection
    with qtbot.waitSignal(protection.checked, timeout=20_000) as checked:
        window.show()
    assert not checked.args[0].ok
    box = protection.box
    assert box is not None
    assert box.text().startswith(f"Checking {path.name} found ")
    assert "source 1 'ISIS Comes to Russia': annotation " in box.informativeText()
    assert "The newest whole backup is from " in box.informativeText()
    box.grab().save(str(tmp_path / "damage.png"))
    restore = box.findChild(QPushButton, "restoreNewestButton")
    assert restore is not None
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.current
    assert isinstance(dialog, RestoreDialog)
    assert dialog.chosen is not None
    assert dialog.chosen.path == whole
    # the damaged archive was not copied over the way back
    assert backups.automatic_backups(path) == [whole]
    settle(qtbot, window)


def test_only_a_damaged_search_index_is_rebuilt_with_progress(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    settle(qtbot, window)
    with sqlite3.connect(window.archive.location) as connection:
        connection.execute("UPDATE source_fts_data SET block = zeroblob(length(block)) "
                           "WHERE id = (SELECT max(id) FROM source_fts_data)")
    connection.close()
    protection = window.controllers.protection
    with qtbot.waitSignal(protection.checked, timeout=20_000) as checked:
        window.action.check_archive.trigger()
    assert checked.args[0].only_the_index
    box = protection.box
    assert box is not None
    assert "Only the search index is damaged" in box.informativeText()
    box.grab().save(str(tmp_path / "index-damage.png"))
    rebuild = box.findChild(QPushButton, "rebuildIndexButton")
    assert rebuild is not None
    with qtbot.waitSignal(protection.rebuilt, timeout=20_000):
        qtbot.mouseClick(rebuild, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert check_archive(window.archive).ok
    assert "Search index rebuilt" in window.statusBar().currentMessage()


def test_restore_from_backup_lists_them_asks_honestly_and_reopens_on_the_one_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    settle(qtbot, window)
    path = Path(window.archive.location)
    make_source(window.archive, "Written after the morning's backup.", title="Afternoon")
    merge = backups.back_up(window.archive, backups.MERGE)
    assert merge is not None
    window.action.restore_backup.trigger()
    dialog = window.dialogs.current
    assert isinstance(dialog, RestoreDialog)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [r[1] for r in rows] == ["before a merge", "daily"]
    assert [r[3] for r in rows] == ["2", "1"]
    assert all(r[2].endswith(("KB", "MB")) for r in rows)
    dialog.grab().save(str(tmp_path / "restore.png"))
    table.selectRow(1)  # the morning's
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    confirmation = dialog.findChild(QMessageBox, "restoreConfirmation")
    assert confirmation is not None
    assert "will no longer be in the archive" in confirmation.informativeText()
    assert "kept first" in confirmation.informativeText()
    confirmation.grab().save(str(tmp_path / "restore-confirm.png"))
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    [reopened] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    qtbot.addWidget(reopened)
    assert reopened.archive.location == str(path)
    assert _titles(path) == ["ISIS Comes to Russia"]
    # the archive as it was before the restore is kept (here the merge's backup holds just that)
    assert backups.list_backups(path)[0].path == merge
    assert "Afternoon" in _titles(merge)
    settle(qtbot, reopened)


def test_a_search_the_damaged_index_cannot_answer_offers_to_rebuild_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Not an empty list and silence: the damage message, the rebuild, then the search answers."""
    settle(qtbot, window)
    with sqlite3.connect(window.archive.location) as connection:  # the index's structure record
        for index in ("source_fts", "source_stem_fts"):
            connection.execute(f"UPDATE {index}_data SET block = x'ffffffffffffffffffff' WHERE id = 10")
    connection.close()
    protection = window.controllers.protection
    window.sources.search_edit.setText("militants")
    window.sources._apply_search()
    qtbot.waitUntil(lambda: protection.box is not None, timeout=10_000)
    box = protection.box
    assert box is not None
    assert "Only the search index is damaged" in box.informativeText()
    assert "the search index is damaged" in box.detailedText()
    box.grab().save(str(tmp_path / "search-damage.png"))
    rebuild = box.findChild(QPushButton, "rebuildIndexButton")
    assert rebuild is not None
    with qtbot.waitSignal(protection.rebuilt, timeout=20_000):
        qtbot.mouseClick(rebuild, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    window.sources._apply_search()
    qtbot.waitUntil(lambda: window.sources.model.total > 0, timeout=10_000)
