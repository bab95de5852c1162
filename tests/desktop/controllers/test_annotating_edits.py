"""Editing and deleting from the reader and the panes, the codebook, undo of each; and spans
beyond the Basic Multilingual Plane through the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.lookup import memo_text
from db.queries import annotations_of, list_codes, list_statistics
from desktop.views.dialogs import AnnotateDialog, ChooseCodeDialog, CodeDialog, MemoDialog
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import (
    annotation,
    click_ok,
    dialog_of,
    open_window,
    select_text,
    settle,
)
from tests.factories import make_source


@pytest.fixture
def window_source() -> int:
    return 1  # the sample article


def point_of(window: MainWindow, quote: str) -> QPoint:
    """Where the middle of ``quote`` is drawn in the reader's viewport."""
    detail = window.reader.detail
    assert detail is not None
    middle = detail.text.index(quote) + len(quote) // 2
    cursor = QTextCursor(window.reader.editor.document())
    cursor.setPosition(window.reader.offsets.to_utf16(middle))
    window.reader.editor.setTextCursor(cursor)
    window.reader.editor.ensureCursorVisible()
    return window.reader.editor.cursorRect(cursor).center()


def menu_action(menu: QMenu, text: str) -> None:
    found = [a for a in menu.actions() if a.text() == text]
    assert found, [a.text() for a in menu.actions()]
    found[0].trigger()


def all_rows(archive: Archive) -> tuple[object, ...]:
    with archive.session() as s:
        return (tuple(annotations_of(s, 1)), tuple(list_statistics(s)), tuple(list_codes(s)))


def test_delete_from_the_annotations_pane_and_undo_restores_the_same_row(qtbot: QtBot, window: MainWindow) -> None:
    before = all_rows(window.archive)
    row = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert row is not None
    window.annotations.select_annotation(row.id)
    assert window.annotations.selected_annotation() == row.id
    window.annotations.view.setFocus()
    qtbot.keyClick(window.annotations.view, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert annotation(window.archive, 1, "pledged loyalty to ISIS") is None
    assert window.annotations.model.row_of(row.id) is None
    window.action.undo.trigger()
    settle(qtbot, window)
    assert all_rows(window.archive) == before


def test_delete_a_statistic_from_the_reader_menu_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    before = all_rows(window.archive)
    with window.archive.session() as s:
        stat = next(x for x in list_statistics(s) if x.value == 5816)
    assert stat.quote is not None
    menu = window.controllers.annotating.reader_menu(point_of(window, stat.quote))
    menu_action(menu, "Delete statistic")
    settle(qtbot, window)
    with window.archive.session() as s:
        assert all(x.id != stat.id for x in list_statistics(s))
    window.undo_stack.undo()
    settle(qtbot, window)
    assert all_rows(window.archive) == before
    window.undo_stack.redo()
    settle(qtbot, window)
    with window.archive.session() as s:
        assert all(x.id != stat.id for x in list_statistics(s))


def test_delete_a_mention_from_the_reader_menu_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    before = all_rows(window.archive)
    menu = window.controllers.annotating.reader_menu(point_of(window, "Amir Khamzat"))
    menu_action(menu, "Delete mention")
    settle(qtbot, window)
    assert annotation(window.archive, 1, "Amir Khamzat") is None
    window.undo_stack.undo()
    settle(qtbot, window)
    assert all_rows(window.archive) == before


def test_edit_an_annotation_from_the_reader_menu(qtbot: QtBot, window: MainWindow) -> None:
    row = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert row is not None
    menu = window.controllers.annotating.reader_menu(point_of(window, "pledged loyalty"))
    menu_action(menu, "Edit annotation…")
    dialog = dialog_of(window, AnnotateDialog)
    dialog.set_checked([])
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    edited = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert edited is not None
    assert edited.codes == ()
    window.undo_stack.undo()
    settle(qtbot, window)
    assert annotation(window.archive, 1, "pledged loyalty to ISIS") == row


def test_the_reader_menu_offers_the_three_actions_on_a_selection(window: MainWindow) -> None:
    select_text(window, "Syria")
    rect = window.reader.editor.cursorRect()
    menu = window.controllers.annotating.reader_menu(rect.center())
    texts = [a.text() for a in menu.actions()]
    for action in (window.action.annotate, window.action.mention, window.action.record_statistic):
        assert action.text() in texts
        assert action.isEnabled()


def codebook(archive: Archive) -> dict[str, tuple[str | None, str, int]]:
    """name -> (parent name, colour, uses)."""
    with archive.session() as s:
        rows = list_codes(s)
    names = {c.id: c.name for c in rows}
    return {c.name: (names.get(c.parent_id) if c.parent_id else None, c.color, c.count) for c in rows}  # type: ignore[misc]


def select_code(window: MainWindow, name: str) -> None:
    with window.archive.session() as s:
        code_id = next(c.id for c in list_codes(s) if c.name == name)
    window.codes.select_code(code_id)
    assert window.codes.selected_code() == code_id


def test_codebook_create_edit_merge_delete_and_undo_each(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    start = codebook(archive)
    window.docks["codes"].raise_()

    # create, under an existing code
    qtbot.mouseClick(window.codes.buttons["new"], Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, CodeDialog)
    qtbot.keyClicks(dialog.name, "Recruitment")
    dialog.parent_box.setCurrentIndex(dialog.parent_box.findText("Foreign fighters"))
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    assert codebook(archive)["Recruitment"][0] == "Foreign fighters"
    # the pane lists it by its path
    assert any(r.name == "Foreign fighters / Recruitment" for r in window.codes.model.rows)

    # rename, recolour and move to the top level in one dialog (one undo step)
    select_code(window, "Recruitment")
    qtbot.mouseClick(window.codes.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, CodeDialog)
    dialog.name.setText("Recruiting")
    dialog.set_colour("#81c784")
    dialog.parent_box.setCurrentIndex(0)
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    assert codebook(archive)["Recruiting"] == (None, "#81c784", 0)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert codebook(archive)["Recruitment"][0] == "Foreign fighters"
    window.undo_stack.redo()
    settle(qtbot, window)

    # merge "Casualties" into "Data reliability": its uses move
    uses = codebook(archive)["Casualties"][2] + codebook(archive)["Data reliability"][2]
    select_code(window, "Casualties")
    qtbot.mouseClick(window.codes.buttons["merge"], Qt.MouseButton.LeftButton)
    chooser = dialog_of(window, ChooseCodeDialog)
    chooser.box.setCurrentIndex(chooser.box.findText("Data reliability"))
    click_ok(qtbot, chooser)
    settle(qtbot, window)
    merged = codebook(archive)
    assert "Casualties" not in merged
    assert merged["Data reliability"][2] == uses  # (no annotation had both)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert codebook(archive)["Casualties"] == start["Casualties"]
    assert codebook(archive)["Data reliability"] == start["Data reliability"]

    # delete a used code: the window asks first
    select_code(window, "Allegiance")
    qtbot.mouseClick(window.codes.buttons["delete"], Qt.MouseButton.LeftButton)
    box = dialog_of(window, QMessageBox)
    assert "used by 2 annotation" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "Allegiance" not in codebook(archive)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert codebook(archive)["Allegiance"] == start["Allegiance"]

    # undo everything: back to the start
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    settle(qtbot, window)
    assert codebook(archive) == start


def test_memo_on_a_code(qtbot: QtBot, window: MainWindow) -> None:
    from db.lookup import search_memos

    select_code(window, "Casualties")
    qtbot.mouseClick(window.codes.buttons["memo"], Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, MemoDialog)
    assert "Casualties" in dialog.windowTitle()
    qtbot.keyClicks(dialog.edit, "Deaths only; injuries are coded apart")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    with window.archive.session() as s:
        (memo,) = search_memos(s, "injuries")
        assert (memo.target_kind, memo.target_label) == ("code", "Casualties")


EMOJI_TEXT = (
    "🙂🙂 Отчёт: 𝟝 человек погибли. قالت الأمم المتحدة إن 👩‍👩‍👧 عائلات نزحت. "
    "Then 𠀋 the mission counted 12 more near Донецк."
)


def test_spans_after_emoji_go_through_the_reader_in_code_points(qtbot: QtBot, archive: Archive) -> None:
    source_id = make_source(archive, EMOJI_TEXT, title="Mixed scripts")
    window = open_window(qtbot, archive)
    window.open_source(source_id)
    for quote in ("Отчёт", "𝟝 человек", "الأمم المتحدة", "👩‍👩‍👧 عائلات", "12 more near Донецк"):
        start, end = select_text(window, quote)
        assert window.reader.selected_span() == (start, end)
        window.action.annotate.trigger()
        dialog = dialog_of(window, AnnotateDialog)
        qtbot.keyClicks(dialog.filter, "scripts")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # creates the code the first time
        click_ok(qtbot, dialog)
        settle(qtbot, window)
        row = annotation(archive, source_id, quote)
        assert row is not None
        assert (row.start, row.end) == (start, end)
        assert EMOJI_TEXT[row.start : row.end] == quote
        # the highlight covers exactly the quote in the document
        document = window.reader.editor.toPlainText()
        spans = [s for s in window.reader.highlighter._spans if s.annotation and s.annotation.id == row.id]
        assert len(spans) == 1, (quote, row, window.reader.detail.annotations)
        units = document.encode("utf-16-le")[2 * spans[0].start : 2 * spans[0].end]
        assert units.decode("utf-16-le") == quote
    # selecting one of them from the pane selects exactly its text in the reader
    row = annotation(archive, source_id, "12 more near Донецк")
    assert row is not None
    window.reader.editor.moveCursor(QTextCursor.MoveOperation.Start)
    view = window.annotations.view
    source_row = window.annotations.model.row_of(row.id)
    assert source_row is not None
    index = window.annotations.proxy.mapFromSource(window.annotations.model.index(source_row, 0))
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.reader.editor.textCursor().selectedText() == "12 more near Донецк"


def test_clicking_a_highlight_selects_it_in_the_annotations_pane(qtbot: QtBot, window: MainWindow) -> None:
    row = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert row is not None
    point = point_of(window, "pledged loyalty")
    qtbot.mouseClick(window.reader.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.annotations.selected_annotation() == row.id


def test_delete_a_statistic_from_its_pane_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    before = all_rows(window.archive)
    with window.archive.session() as s:
        stat = next(x for x in list_statistics(s) if x.value == 2200)
    assert window.statistics.select_statistic(stat.id)
    window.statistics.view.setFocus()
    qtbot.keyClick(window.statistics.view, Qt.Key.Key_Delete)
    settle(qtbot, window)
    with window.archive.session() as s:
        assert all(x.id != stat.id for x in list_statistics(s))
    assert stat.id not in window.statistics.model.ids
    window.undo_stack.undo()
    settle(qtbot, window)
    assert all_rows(window.archive) == before


def test_memos_on_an_actor_and_a_statistic_from_their_panes(qtbot: QtBot, window: MainWindow) -> None:
    from db.lookup import search_memos
    from db.queries import list_actors

    with window.archive.session() as s:
        actor = next(a for a in list_actors(s) if a.name == "Caucasus Knot")
        stat = next(x for x in list_statistics(s) if x.value == 5816)
    window.actors.select_actor(actor.id)
    window.action.memo_actor.trigger()
    dialog = dialog_of(window, MemoDialog)
    assert "Caucasus Knot" in dialog.windowTitle()
    qtbot.keyClicks(dialog.edit, "Counts from open sources; Memorial cross-checks")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    assert window.statistics.select_statistic(stat.id)
    window.action.memo_statistic.trigger()
    dialog = dialog_of(window, MemoDialog)
    qtbot.keyClicks(dialog.edit, "Includes militants: not comparable with civilian counts")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    with window.archive.session() as s:
        found = {(m.target_kind, m.target_id) for m in search_memos(s)}
    assert found == {("actor", actor.id), ("statistic", stat.id)}


def _colleague(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Archive:
    """Another researcher (Madina) on the same archive file."""
    from db import archive as archive_module

    monkeypatch.setenv("DOSSIER_AUTHOR", "Madina")
    return archive_module.open(window.archive.location)


def test_a_memo_a_colleague_saved_meanwhile_opens_again_with_both_texts(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.undo import edit_memo

    uuid = window.reader.detail.row.uuid  # type: ignore[union-attr]
    window.action.memo_source.trigger()
    dialog = dialog_of(window, MemoDialog)
    colleague = _colleague(window, monkeypatch)
    try:  # while this memo editor is open, Madina writes the memo on the same source
        with colleague.session() as s:
            edit_memo(s, "source", uuid, "Kavkaz Uzel counts 14 killed, not 12.")
    finally:
        colleague.close()
    qtbot.keyClicks(dialog.edit, "Ask the author where the 2,200 comes from.")
    click_ok(qtbot, dialog)
    # not overwritten: the editor comes back with Madina's text first and ours below it
    qtbot.waitUntil(lambda: isinstance(window.dialogs.current, MemoDialog) and window.dialogs.current is not dialog)
    again = dialog_of(window, MemoDialog)
    assert again.notice is not None
    assert "changed by Madina meanwhile" in again.notice.text()
    both = "Kavkaz Uzel counts 14 killed, not 12.\n\nAsk the author where the 2,200 comes from."
    assert again.text() == both
    with window.archive.session() as s:
        assert memo_text(s, "source", uuid) == "Kavkaz Uzel counts 14 killed, not 12."
    click_ok(qtbot, again)
    settle(qtbot, window)
    with window.archive.session() as s:
        assert memo_text(s, "source", uuid) == both


def test_editing_an_annotation_a_colleague_changed_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.undo import edit_annotation

    row = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert row is not None
    menu = window.controllers.annotating.reader_menu(point_of(window, "pledged loyalty"))
    menu_action(menu, "Edit annotation…")
    dialog = dialog_of(window, AnnotateDialog)
    colleague = _colleague(window, monkeypatch)
    try:
        with colleague.session() as s:
            edit_annotation(s, row.id, row.code_ids, "Check the date of the oath.")
    finally:
        colleague.close()
    dialog.set_checked([])
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "changed by Madina meanwhile" in window.statusBar().currentMessage())
    kept = annotation(window.archive, 1, "pledged loyalty to ISIS")
    assert kept is not None
    assert (kept.note, kept.codes) == ("Check the date of the oath.", row.codes)
