"""Select real text in the reader, trigger Annotate / Mark as mention / Record statistic, fill
the dialog in, and check the archive; then undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.dates import PartialDate
from db.lookup import memo_text
from db.queries import list_actors, list_codes, list_statistics
from desktop.views.dialogs import AnnotateDialog, MentionDialog, StatisticDialog
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


def codes(archive: Archive) -> dict[str, int | None]:
    with archive.session() as s:
        rows = list_codes(s)
    names = {c.id: c.name for c in rows}
    return {c.name: (names.get(c.parent_id) if c.parent_id else None) for c in rows}  # type: ignore[misc]


def test_annotate_with_an_existing_and_a_new_nested_code(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    start, end = select_text(window, "homegrown jihadi insurgency")
    assert window.action.annotate.isEnabled()
    window.action.annotate.trigger()
    dialog = dialog_of(window, AnnotateDialog)
    # type to filter, Enter ticks the only match
    qtbot.keyClicks(dialog.filter, "casualt")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.hint.text() == "Codes: Casualties"
    # a new code under a new parent, created on the spot
    qtbot.keyClicks(dialog.filter, "Insurgency/Origins")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note, "Home-grown, not imported")
    click_ok(qtbot, dialog)
    settle(qtbot, window)

    row = annotation(archive, 1, "homegrown jihadi insurgency")
    assert row is not None
    assert (row.start, row.end) == (start, end)
    assert set(row.codes) == {"Casualties", "Origins"}
    assert row.note == "Home-grown, not imported"
    assert codes(archive)["Origins"] == "Insurgency"
    # the reader and the annotations pane show it
    assert any(a.id == row.id for a in window.reader.annotations_at(start + 3))
    assert window.annotations.model.row_of(row.id) is not None

    window.action.undo.trigger()
    settle(qtbot, window)
    assert annotation(archive, 1, "homegrown jihadi insurgency") is None
    assert "Origins" not in codes(archive)
    assert "Insurgency" not in codes(archive)

    window.action.redo.trigger()
    settle(qtbot, window)
    again = annotation(archive, 1, "homegrown jihadi insurgency")
    assert again == row  # same id, uuid, codes and note
    assert codes(archive)["Origins"] == "Insurgency"


def test_annotating_an_annotated_span_edits_it(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    existing = annotation(archive, 1, "pledged loyalty to ISIS")
    assert existing is not None
    select_text(window, "pledged loyalty to ISIS")
    window.action.annotate.trigger()
    dialog = dialog_of(window, AnnotateDialog)
    assert dialog.windowTitle() == "Edit annotation"
    assert set(dialog.checked_codes()) == set(existing.code_ids)
    dialog.note.setPlainText("Checked against the Russian text")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    edited = annotation(archive, 1, "pledged loyalty to ISIS")
    assert edited is not None
    assert edited.note == "Checked against the Russian text"
    assert edited.id == existing.id
    window.undo_stack.undo()
    settle(qtbot, window)
    assert annotation(archive, 1, "pledged loyalty to ISIS") == existing


def test_mention_of_a_known_actor_by_another_spelling_adds_an_alias(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    start, end = select_text(window, "Dagestani Amir Rustam Asilderov")
    window.action.mention.trigger()
    dialog = dialog_of(window, MentionDialog)
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, "Asilderov")
    dialog.run_search()
    assert dialog.results.item(0).text().startswith("Rustam Asilderov")
    dialog.results.setCurrentRow(0)
    assert dialog.existing.isChecked()
    assert "another name" in dialog.alias_hint.text()
    click_ok(qtbot, dialog)
    settle(qtbot, window)

    row = annotation(archive, 1, "Dagestani Amir Rustam Asilderov")
    assert row is not None
    assert (row.actor, row.start, row.end) == ("Rustam Asilderov", start, end)

    def aliases() -> tuple[str, ...]:
        with archive.session() as s:
            return next(a for a in list_actors(s) if a.name == "Rustam Asilderov").aliases

    assert "Dagestani Amir Rustam Asilderov" in aliases()
    window.undo_stack.undo()
    settle(qtbot, window)
    assert annotation(archive, 1, "Dagestani Amir Rustam Asilderov") is None
    assert "Dagestani Amir Rustam Asilderov" not in aliases()


def test_mention_of_a_new_actor_created_from_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    select_text(window, "Velayats")
    window.action.mention.trigger()
    dialog = dialog_of(window, MentionDialog)
    dialog.new.setChecked(True)
    assert dialog.name_edit.text() == "Velayats"
    dialog.name_edit.setText("Velayats of the Caucasus Emirate")
    dialog.kind.setCurrentIndex(dialog.kind.findData("organisation"))
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    with archive.session() as s:
        actor = next((a for a in list_actors(s) if a.name == "Velayats of the Caucasus Emirate"), None)
    assert actor is not None
    assert actor.kind == "organisation"
    assert actor.aliases == ("Velayats",)
    assert actor.mention_count == 1
    row = annotation(archive, 1, "Velayats")
    assert row is not None
    assert row.actor_id == actor.id

    window.undo_stack.undo()
    settle(qtbot, window)
    with archive.session() as s:
        assert all(a.name != "Velayats of the Caucasus Emirate" for a in list_actors(s))
    window.undo_stack.redo()
    settle(qtbot, window)
    with archive.session() as s:
        back = next(a for a in list_actors(s) if a.name == "Velayats of the Caucasus Emirate")
    assert (back.id, back.uuid, back.aliases) == (actor.id, actor.uuid, actor.aliases)


def test_record_a_statistic_from_a_selection(qtbot: QtBot, sample_archive: Archive) -> None:
    source_id = make_source(
        sample_archive,
        "Fighting resumed in the north. According to the UN refugee agency, more than 430 "
        "families were displaced in 2016 alone.",
        title="Displacement", published=PartialDate(2017, 1, 5),
    )
    window = open_window(qtbot, sample_archive)
    window.open_source(source_id)
    select_text(window, "more than 430 families")
    window.action.record_statistic.trigger()
    dialog = dialog_of(window, StatisticDialog)
    # prefilled from the selection and its sentence
    assert dialog.value.text() == "430"
    assert dialog.low.text() == "430"
    assert dialog.claimant.text() == "UN refugee agency"
    assert dialog.period_start.text() == "2016"
    dialog.measure.setCurrentText("")
    assert not dialog.validate()
    dialog.measure.setCurrentText("displaced")
    dialog.unit.setText("families")
    click_ok(qtbot, dialog)
    settle(qtbot, window)

    with sample_archive.session() as s:
        (stat,) = list_statistics(s, source_id=source_id)
        assert (stat.value, stat.low, stat.measure, stat.claimant) == (430.0, 430.0, "displaced", "UN refugee agency")
        assert stat.quote == "more than 430 families"
        assert any(a.name == "UN refugee agency" for a in list_actors(s))
    window.undo_stack.undo()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert list_statistics(s, source_id=source_id) == []
        # the claimant the statistic created goes too
        assert all(a.name != "UN refugee agency" for a in list_actors(s))
    window.undo_stack.redo()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert list_statistics(s, source_id=source_id) == [stat]


def test_a_selection_with_no_number_asks_for_one(qtbot: QtBot, window: MainWindow) -> None:
    select_text(window, "Team Caliphate")
    window.action.record_statistic.trigger()
    dialog = dialog_of(window, StatisticDialog)
    assert not dialog.validate()
    assert "value" in dialog.error.text()
    dialog.value.setText("5,816")
    dialog.measure.setCurrentText("killed")
    assert dialog.validate()
    dialog.reject()
    settle(qtbot, window)
    assert window.undo_stack.count() == 0


def test_cancel_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    select_text(window, "Syria")
    window.action.annotate.trigger()
    dialog = dialog_of(window, AnnotateDialog)
    qtbot.keyClicks(dialog.filter, "Brand new code")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    dialog.reject()
    settle(qtbot, window)
    assert window.undo_stack.count() == 0
    assert "Brand new code" not in codes(window.archive)
    assert window.dialogs.current is None


def test_memo_on_the_source_is_saved_found_and_undone(qtbot: QtBot, window: MainWindow) -> None:
    from desktop.views.dialogs import MemoDialog, MemoSearchDialog

    window.action.memo_source.trigger()
    dialog = dialog_of(window, MemoDialog)
    qtbot.keyClicks(dialog.edit, "Compare with the Kavkaz Uzel yearly totals")
    click_ok(qtbot, dialog)
    settle(qtbot, window)
    uuid = window.reader.detail.row.uuid  # type: ignore[union-attr]
    with window.archive.session() as s:
        assert memo_text(s, "source", uuid) == "Compare with the Kavkaz Uzel yearly totals"
    window.action.find_memos.trigger()
    search = dialog_of(window, MemoSearchDialog)
    qtbot.keyClicks(search.edit, "yearly kavkaz")
    assert search.results.count() == 1
    assert "ISIS Comes to Russia" in search.results.item(0).text()
    search.reject()
    window.undo_stack.undo()
    settle(qtbot, window)
    with window.archive.session() as s:
        assert not memo_text(s, "source", uuid)


def test_keyboard_annotate_then_ctrl_z_and_ctrl_shift_z(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select_text(window, "tactical setbacks")
    window.reader.editor.setFocus()
    qtbot.keyClick(window.reader.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(window, AnnotateDialog)
    qtbot.keyClicks(dialog.filter, "Foreign")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # ticks "Foreign fighters"
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # empty filter: Enter is OK
    settle(qtbot, window)
    row = annotation(window.archive, 1, "tactical setbacks")
    assert row is not None
    assert row.codes == ("Foreign fighters",)
    window.activateWindow()  # the dialog had the focus (offscreen does not hand it back)
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.editor.setFocus()
    qtbot.keyClick(window.reader.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert annotation(window.archive, 1, "tactical setbacks") is None
    qtbot.keyClick(
        window.reader.editor, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(qtbot, window)
    assert annotation(window.archive, 1, "tactical setbacks") == row
