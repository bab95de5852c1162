"""Correcting a source's text in the window: annotations follow their words, the ones that
cannot are listed and placed by hand, and undo puts everything back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import annotations_of, source_text
from desktop.views.dialogs import OrphansDialog, SourceTextDialog
from tests.desktop.helpers import click_ok, dialog_of, open_window, select_text, settle

GONE = "This statement led ISIS on June 23 to embrace the pledges of loyalty"


def test_correct_the_text_then_place_the_orphan_and_undo(qtbot: QtBot, sample_archive: Archive) -> None:
    window = open_window(qtbot, sample_archive)
    window.open_source(1)
    with sample_archive.session() as s:
        before = annotations_of(s, 1)
        old_text = source_text(s, 1)
    assert old_text is not None
    assert any(a.quote == GONE for a in before)

    window.action.correct_text.trigger()
    dialog = dialog_of(window, SourceTextDialog)
    new_text = "Corrected edition. " + old_text.replace(GONE, "ISIS welcomed the pledges").replace(
        "homegrown", "home-grown"
    )
    dialog.edit.setPlainText(new_text)
    click_ok(qtbot, dialog)
    settle(qtbot, window)

    with sample_archive.session() as s:
        assert source_text(s, 1) == new_text
        after = {a.id: a for a in annotations_of(s, 1)}
    assert len(after) == len(before)
    orphans = [a for a in after.values() if a.orphaned]
    assert [a.quote for a in orphans] == [GONE]
    for row in after.values():
        if not row.orphaned:
            assert new_text[row.start : row.end] == row.quote
    # the reader shows the new text; the unplaced annotation is listed
    assert window.reader.detail is not None
    assert window.reader.detail.text == new_text
    listing = window.controllers.source_text.orphans_dialog
    assert isinstance(listing, OrphansDialog)
    assert listing.isVisible()
    assert listing.list.count() == 1
    assert GONE in listing.list.item(0).text()
    assert not listing.place.isEnabled()

    # the researcher selects where it belongs and places it
    start, end = select_text(window, "ISIS welcomed the pledges")
    assert listing.place.isEnabled()
    qtbot.mouseClick(listing.place, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with sample_archive.session() as s:
        placed = {a.id: a for a in annotations_of(s, 1)}[orphans[0].id]
    assert (placed.start, placed.end, placed.quote, placed.orphaned) == (start, end, "ISIS welcomed the pledges", False)
    assert listing.list.count() == 0

    # undo the placing, then the correction: text and every anchor exactly as before
    window.undo_stack.undo()
    settle(qtbot, window)
    assert listing.list.count() == 1
    window.undo_stack.undo()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert source_text(s, 1) == old_text
        assert annotations_of(s, 1) == before
    assert window.reader.detail is not None
    assert window.reader.detail.text == old_text

    window.undo_stack.redo()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert source_text(s, 1) == new_text
        assert [a.quote for a in annotations_of(s, 1) if a.orphaned] == [GONE]


def test_a_correction_after_a_colleague_corrected_the_text_is_not_saved_over_theirs(
    qtbot: QtBot, sample_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import archive as archive_module
    from db.undo import replace_text

    window = open_window(qtbot, sample_archive)
    window.open_source(1)
    with sample_archive.session() as s:
        old_text = source_text(s, 1)
    assert old_text is not None
    window.action.correct_text.trigger()
    dialog = dialog_of(window, SourceTextDialog)
    monkeypatch.setenv("DOSSIER_AUTHOR", "Madina")
    colleague = archive_module.open(sample_archive.location)
    try:  # while this editor is open, Madina corrects the same text
        with colleague.session() as s:
            replace_text(s, 1, old_text.replace("homegrown", "home-grown"))
    finally:
        colleague.close()
    mine = "Corrected edition. " + old_text
    dialog.edit.setPlainText(mine)
    click_ok(qtbot, dialog)
    # not saved over hers: the editor comes back on this researcher's version, saying why
    qtbot.waitUntil(lambda: isinstance(window.dialogs.current, SourceTextDialog)
                    and window.dialogs.current is not dialog)
    again = dialog_of(window, SourceTextDialog)
    assert again.notice is not None
    assert "changed by Madina meanwhile" in again.notice.text()
    assert again.text() == mine
    with sample_archive.session() as s:
        assert source_text(s, 1) == old_text.replace("homegrown", "home-grown")
    click_ok(qtbot, again)  # the researcher decides: theirs is replaced, undoably
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert source_text(s, 1) == mine
    window.close()
