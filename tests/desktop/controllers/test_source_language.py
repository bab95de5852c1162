"""The language of a source in the window: a column of the sources pane, a fact in the reader's
header, set with Annotate ▸ Source Language… (undoably); search then reads the source by it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import source_rows
from db.search import search_sources
from desktop.views.dialogs import LanguageDialog
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import click_ok, dialog_of, settle
from tests.factories import make_source


@pytest.fixture
def window_archive(sample_archive: Archive) -> Archive:
    make_source(sample_archive, "Боевики напали на пост полиции.", title="Нападение", language=None)
    return sample_archive


def _language(archive: Archive, source_id: int) -> str | None:
    with archive.session() as session:
        return source_rows(session, [source_id])[0].language


def test_set_the_language_of_a_source_then_undo(qtbot: QtBot, window: MainWindow,
                                                window_archive: Archive) -> None:
    model = window.sources.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Lang." in header
    window.open_source(2)
    settle(qtbot, window)

    window.action.source_language.trigger()
    dialog = dialog_of(window, LanguageDialog)
    assert dialog.code() is None
    dialog.combo.setCurrentIndex(dialog.combo.findData("ru"))
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    assert _language(window_archive, 2) == "ru"
    assert "Russian (ru)" in window.reader.header.text()
    column = header.index("Lang.")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Нападение")
    assert model.index(row, column).data() == "ru"
    with window_archive.session() as session:
        assert [h.source_id for h in search_sources(session, "боевик")] == [2]

    window.undo_stack.undo()
    settle(qtbot, window)
    assert _language(window_archive, 2) is None
    window.undo_stack.redo()
    settle(qtbot, window)
    assert _language(window_archive, 2) == "ru"

