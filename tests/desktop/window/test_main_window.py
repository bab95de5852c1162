"""The main window on the sample archive, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db import archive as archive_module
from db.archive import Archive
from db.filters import SourceFilter
from desktop.models.base import Role
from desktop.models.sources import SourcesModel
from desktop.reads import actors as actor_reads
from desktop.reads import sources as source_reads
from desktop.views.reader import FOCUS
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import drag_divider
from tests.factories import make_source

PANES = ("sourcesView", "readerView", "actorsView", "statisticsView", "chartView", "annotationsView", "codesView")


@pytest.fixture
def window_archive(sample_archive: Archive) -> Archive:
    make_source(sample_archive, "Floods closed the roads in the valley.", title="Floods in the valley")
    make_source(sample_archive, "The council met on Tuesday to discuss budgets.", title="Council budget")
    return sample_archive


@pytest.fixture
def window_persists() -> bool:
    return True


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0, parent=None) -> None:
    model = view.model()
    index = model.index(row, column) if parent is None else model.index(row, column, parent)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def shown_titles(main: MainWindow) -> list[str]:
    model = main.sources.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_every_pane_and_action_has_its_contract_name(window: MainWindow) -> None:
    for name in PANES:
        assert window.findChild(QWidget, name) is not None, name
    assert window.objectName() == "mainWindow"
    assert window.findChild(QWidget, "searchEdit") is window.sources.search_edit
    for name in ("actionImport", "actionAnnotate", "actionMention", "actionRecordStatistic", "actionUndo", "actionRedo"):
        assert window.findChild(QAction, name) is not None, name
    assert window.action.import_files.objectName() == "actionImport"
    assert window.counts_label.text().startswith("3 sources · 18 actors · 3 statistics")
    assert window.path_label.text() == window.archive.location


def test_clicking_a_statistic_opens_its_source_with_the_span_selected(qtbot: QtBot, window: MainWindow) -> None:
    table = window.statistics.view
    for row in range(table.model().rowCount()):
        statistic = table.model().index(row, 0).data(Role.ROW)
        click_row(qtbot, table, row, column=2)
        assert window.reader.source_id == statistic.source_id
        cursor = window.reader.editor.textCursor()
        assert cursor.selectedText() == statistic.quote
        assert window.reader.selected_span() == (statistic.start, statistic.end)
        # the selection is scrolled into view
        rect = window.reader.editor.cursorRect(cursor)
        assert window.reader.editor.viewport().rect().intersects(rect)
    # and the sources pane shows which source it is
    assert window.sources.selected_source() == window.reader.source_id


def test_selecting_an_actor_filters_the_sources_and_marks_its_mentions(qtbot: QtBot, window: MainWindow) -> None:
    assert len(shown_titles(window)) == 3
    isis = next(a for a in actor_reads.actors(window.archive) if a.name == "ISIS")
    view = window.actors.view
    index = window.actors.index_of(isis.id)
    view.scrollTo(index)
    with qtbot.waitSignal(window.sources.model.loaded, timeout=10_000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert shown_titles(window) == ["ISIS Comes to Russia"]
    assert window.sources.actor_bar.isVisible()
    assert "ISIS" in window.sources.actor_label.text()
    # open the source: the actor's mentions are marked in the reader
    click_row(qtbot, window.sources.view, 0)
    assert window.reader.highlighted_actor == isis.id
    detail = window.reader.detail
    assert detail is not None
    mention = next(a for a in detail.mentions if a.actor_id == isis.id)
    spans = window.reader.highlighter.spans_at(window.reader.offsets.to_utf16(mention.start))
    assert any(s.layer == FOCUS for s in spans)
    # clearing the filter shows every source again
    with qtbot.waitSignal(window.sources.model.loaded, timeout=10_000):
        qtbot.mouseClick(window.sources.clear_actor, Qt.MouseButton.LeftButton)
    assert len(shown_titles(window)) == 3
    assert window.actors.selected_actor() is None


def test_typing_in_the_search_box_shows_ranked_results_with_snippets(qtbot: QtBot, window: MainWindow) -> None:
    make_source(window.archive, "Officials in the Caucasus said little.", title="A quiet week")
    with qtbot.waitSignal(window.sources.model.loaded, timeout=10_000):
        qtbot.keyClicks(window.sources.search_edit, "Caucasus")
    titles = shown_titles(window)
    assert titles == [h.title for h in source_reads.search(window.archive, SourceFilter(search="Caucasus"), 500, ("[", "]"))]
    assert set(titles) == {"ISIS Comes to Russia", "A quiet week"}
    assert "Floods in the valley" not in titles
    snippet = window.sources.model.index(0, SourcesModel.SNIPPET_COLUMN).data()
    assert "Caucasus" in snippet
    # each hit shows its snippet under the title: two lines a row
    one_line = window.sources.view.fontMetrics().height()
    assert window.sources.view.rowHeight(0) >= 2 * one_line
    assert "best first" in window.sources.count_label.text()
    with qtbot.waitSignal(window.sources.model.loaded, timeout=10_000):
        window.sources.search_edit.clear()
    assert len(shown_titles(window)) == 4
    assert window.sources.view.rowHeight(0) < 2 * one_line


def test_find_puts_the_cursor_in_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.action.find.trigger()
    assert window.action.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.sources.search_edit.hasFocus() or window.focusWidget() is window.sources.search_edit


class Toggle(QUndoCommand):
    def __init__(self, log: list[str]) -> None:
        super().__init__("toggle")
        self.log = log

    def redo(self) -> None:
        self.log.append("redo")

    def undo(self) -> None:
        self.log.append("undo")


def test_undo_and_redo_actions_are_wired_to_the_undo_stack(window: MainWindow) -> None:
    assert window.action.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.action.redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert not window.action.undo.isEnabled()
    log: list[str] = []
    window.undo_stack.push(Toggle(log))
    assert window.action.undo.isEnabled()
    assert "toggle" in window.action.undo.text()
    window.action.undo.trigger()
    assert log == ["redo", "undo"]
    assert window.action.redo.isEnabled()
    window.action.redo.trigger()
    assert log == ["redo", "undo", "redo"]
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.action.undo in edit_menu.actions()
    assert window.action.redo in edit_menu.actions()


def test_the_window_renders_to_an_image_of_the_requested_size(window: MainWindow) -> None:
    window.resize(1200, 800)
    window.open_source(window.sources.model.row_at(0).id)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1200, 800)
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 23)
        for y in range(0, image.height(), 17)
    }
    assert len(colours) > 20  # not a blank or single-colour frame


def test_opening_a_file_that_is_not_an_archive_changes_nothing(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"field notes, not a database\n" * 10)
    before = notes.read_bytes()
    assert window.open_location(str(notes)) is None
    box = window.archive_error_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert str(notes) in box.text()
    assert "not a Dossier archive" in box.text()
    box.close()
    assert notes.read_bytes() == before
    assert window.isVisible()
    assert window.archive.location != str(notes)


def test_opening_another_archive_opens_a_new_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    archive_module.open(other).close()
    new = window.open_location(str(other))
    assert new is not None
    assert new is not window
    qtbot.addWidget(new)
    with qtbot.waitSignal(new.refreshed, timeout=10_000):
        pass
    assert new.archive.location == str(other)
    assert new.sources.model.total == 0
    assert new.reader.source_id is None


def test_importing_files_adds_sources_and_refreshes_the_panes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text("Clashes in Nalchik left two dead.\n", encoding="utf-8")
    (folder / "b.txt").write_text("A checkpoint near Khasavyurt was attacked.\n", encoding="utf-8")
    (folder / "c.xyz").write_text("not a format\n", encoding="utf-8")
    window.controllers.importing.interactive = False
    results: list[list] = []
    window.controllers.importing.finished.connect(results.append)
    with qtbot.waitSignals([window.controllers.importing.finished, window.refreshed], timeout=30_000):
        window.import_paths([folder])
    statuses = sorted(r.status for r in results[0])
    assert statuses == ["imported", "imported", "skipped"]
    assert window.sources.model.total == 5
    assert window.counts_label.text().startswith("5 sources")


def test_column_widths_and_layout_come_back_on_the_next_start(qtbot: QtBot, tmp_path: Path, sample_archive: Archive) -> None:
    path = Path(sample_archive.location)
    first = MainWindow(archive_module.open(path))
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.refreshed, timeout=10_000):
        first.show()
    drag_divider(first.sources.view, 2, 67)
    by_hand = first.sources.view.columnWidth(2)
    first_source = first.sources.model.ids[0]
    first.open_source(first_source)
    first.docks["codes"].hide()
    first.close()
    second = MainWindow(archive_module.open(path))
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.refreshed, timeout=10_000):
        second.show()
    assert second.sources.view.columnWidth(2) == by_hand
    assert not second.docks["codes"].isVisible()
    # and the reader shows the source that was open
    assert second.reader.source_id == first_source
    second.action.reset_layout.trigger()
    assert second.docks["codes"].isVisibleTo(second) or second.docks["codes"].toggleViewAction().isChecked()


def test_about_names_the_version_archive_and_qt(window: MainWindow) -> None:
    from PySide6.QtCore import qVersion

    from db import __version__

    text = window.about_text()
    assert __version__ in text
    assert window.archive.location in text
    assert qVersion() in text


def test_clicking_an_annotation_in_the_pane_selects_it_in_the_reader(qtbot: QtBot, window: MainWindow) -> None:
    source = next(r for r in (window.sources.model.row_at(n) for n in range(3)) if r and r.title.startswith("ISIS"))
    window.open_source(source.id)
    view = window.annotations.view
    annotation = view.model().index(0, 0).data(Role.ROW)
    click_row(qtbot, view, 0)
    assert window.reader.selected_span() == (annotation.start, annotation.end)
    assert window.reader.editor.textCursor().selectedText() == annotation.quote


def test_reader_tooltip_describes_the_statistic_under_the_mouse(qtbot: QtBot, window: MainWindow) -> None:
    statistic = window.statistics.model.row_at(0)
    window.select_statistic(statistic.id)
    editor = window.reader.editor
    cursor = editor.textCursor()
    cursor.setPosition(window.reader.offsets.to_utf16(statistic.start + 2))
    point: QPoint = editor.cursorRect(cursor).center()
    annotations = window.reader.annotations_at(statistic.start + 2)
    assert any(a.statistic_id == statistic.id for a in annotations)
    assert editor.cursorForPosition(point).position() in range(
        window.reader.offsets.to_utf16(statistic.start), window.reader.offsets.to_utf16(statistic.end) + 1
    )


def test_opening_an_archive_from_a_newer_dossier_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    import sqlite3

    newer = tmp_path / "newer.sqlite"
    archive_module.open(newer).close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = newer.read_bytes()
    assert window.open_location(str(newer)) is None
    box = window.archive_error_box
    assert str(newer) in box.text()
    assert "newer version of Dossier" in box.text()
    box.close()
    assert newer.read_bytes() == before
    assert not list(tmp_path.glob("newer.sqlite.*.bak"))  # no backup, no migration attempted


def test_a_statistic_after_emoji_and_astral_characters_is_selected_exactly(window: MainWindow) -> None:
    from tests.factories import make_statistic

    text = "Отчёт 🙂🙂 from 𝟚𝟘𝟙𝟜: some 40 people were killed in Grozny, officials said 👩‍👩‍👧."
    source_id = make_source(window.archive, text, title="Emoji report")
    statistic_id = make_statistic(window.archive, source_id, "40 people were killed", value=40.0)
    window.select_statistic(statistic_id)
    assert window.reader.source_id == source_id
    assert window.reader.editor.textCursor().selectedText() == "40 people were killed"
    start = text.index("40 people")
    assert window.reader.selected_span() == (start, start + len("40 people were killed"))


def test_new_archive_opens_an_empty_window_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop import settings

    target = tmp_path / "fieldwork" / "new.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action.new_archive.trigger()
    assert target.exists()
    new = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window and w.isVisible())
    qtbot.addWidget(new)
    with qtbot.waitSignal(new.refreshed, timeout=10_000):
        pass
    assert new.archive.location == str(target)
    assert new.counts_label.text().startswith("0 sources")
    assert settings.recent_archives()[0] == str(target)
    # the old archive is in the new window's Open Recent menu
    new.menus["recent"].aboutToShow.emit()
    assert window.archive.location in [a.text() for a in new.menus["recent"].actions()]


def test_a_damaged_archive_is_said_and_its_backup_restored(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Issue 21, defect 5: a dialog instead of an empty list, and the backup beside it offered."""
    from PySide6.QtWidgets import QPushButton

    from tests.db.test_damaged_archive import damaged_with_backup

    path = damaged_with_backup(tmp_path / "field.sqlite", "Kept report")
    assert window.open_location(str(path)) is None
    box = window.archive_error_box
    assert box.isVisible()
    assert "field.sqlite is damaged" in box.text()
    assert "before-" in box.informativeText()
    restore = box.findChild(QPushButton, "restoreBackupButton")
    assert restore is not None
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("field.sqlite.damaged-*"))
    [new] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.archive.location == str(path)]
    qtbot.addWidget(new)
    model = new.sources.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    assert model.index(0, 0).data() == "Kept report"
