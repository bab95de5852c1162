"""The actor editor, merging actors from the likely duplicates, and importing reference data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from db.actors import actor_detail
from db.archive import Archive
from db.commands import add_actor, find_actor
from db.queries import list_statistics
from desktop.controllers.actors import Actors
from desktop.controllers.statistics import Statistics
from desktop.views.dialogs.actors import MergeActorsDialog
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle


@pytest.fixture
def window_archive(sample_archive: Archive) -> Archive:
    with sample_archive.session() as s:
        add_actor(s, "Abu Mukhammad Kadarskiy", "person")
    return sample_archive


def controller(window: MainWindow) -> Actors:
    return window.controllers.actors


def statistics(window: MainWindow) -> Statistics:
    return window.controllers.statistics


def ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def actor_id(archive: Archive, name: str) -> int:
    with archive.session() as s:
        found = find_actor(s, name)
    assert found is not None
    return found


def test_menus_offer_the_new_actions(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    file_menu = menus["File"]
    assert isinstance(file_menu, QMenu)
    names = [a.objectName() for a in file_menu.actions()]
    for name in ("actionImportReference", "actionExportStatistics", "actionExportActors"):
        assert name in names
    assert names.index("actionExportActors") < names.index("actionQuit")
    actors_menu = menus["Actors"]
    assert isinstance(actors_menu, QMenu)
    assert [a.objectName() for a in actors_menu.actions() if a.objectName()] == [
        "actionNewActor", "actionEditActor", "actionMergeActors", "actionDeleteActor",
        "actionShowConflictsList",
    ]


def test_edit_an_actor_add_alias_and_relation_then_undo(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    rustam = actor_id(sample_archive, "Rustam Asilderov")
    dialog = controller(window).edit_actor(rustam)
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.alias_edit, "Asilderov R.")
    qtbot.mouseClick(dialog.add_alias_button, Qt.MouseButton.LeftButton)
    assert "Asilderov R." in dialog.alias_names()
    dialog.notes.setPlainText("Reported killed in December 2016.")
    qtbot.mouseClick(dialog.add_relation_button, Qt.MouseButton.LeftButton)
    row = dialog.relations.rowCount() - 1
    other = dialog.relations.cellWidget(row, 2)
    predicate = dialog.relations.cellWidget(row, 1)
    assert isinstance(other, QComboBox)
    assert isinstance(predicate, QComboBox)
    other.setCurrentIndex(other.findText("ISIS"))
    predicate.setCurrentText("pledged allegiance to")
    dialog.relations.item(row, 3).setText("2015-06")
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        detail = actor_detail(s, rustam)
    assert detail is not None
    assert "Asilderov R." in [a.name for a in detail.aliases]
    assert detail.notes == "Reported killed in December 2016."
    assert "Rustam Asilderov pledged allegiance to ISIS (from 2015-06)" in [r.describe() for r in detail.relations]
    window.action.undo.trigger()
    settle(qtbot, window)
    with sample_archive.session() as s:
        undone = actor_detail(s, rustam)
    assert undone is not None
    assert "Asilderov R." not in [a.name for a in undone.aliases]
    assert undone.notes is None
    assert all(r.object != "ISIS" for r in undone.relations)


def test_a_relation_ending_before_it_starts_cannot_be_saved(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    dialog = controller(window).edit_actor(actor_id(sample_archive, "Dokku Umarov"))
    assert dialog is not None
    qtbot.mouseClick(dialog.add_relation_button, Qt.MouseButton.LeftButton)
    row = dialog.relations.rowCount() - 1
    dialog.relations.item(row, 3).setText("2010")
    dialog.relations.item(row, 4).setText("2007")
    assert "ends before it starts" in dialog.error.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_merge_a_likely_duplicate_and_undo(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    rustam = actor_id(sample_archive, "Rustam Asilderov")
    duplicate = actor_id(sample_archive, "Abu Mukhammad Kadarskiy")
    with qtbot.waitSignal(window.dialogs.opened, timeout=10_000):
        controller(window).merge_actors()
    dialog = window.dialogs.current
    assert isinstance(dialog, MergeActorsDialog)
    names = [
        (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    ]
    assert any("Abu Mukhammad Kadarskiy" in " ".join(pair) and "Rustam Asilderov" in " ".join(pair) for pair in names)
    row = next(r for r, pair in enumerate(names) if "Abu Mukhammad Kadarskiy" in " ".join(pair))
    dialog.table.selectRow(row)
    # the record with more mentions is kept
    assert dialog.choice() == (rustam, duplicate)
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert actor_detail(s, duplicate) is None
        merged = actor_detail(s, rustam)
    assert merged is not None
    assert "Abu Mukhammad Kadarskiy" in [a.name for a in merged.aliases]
    assert window.undo_stack.undoText() == "Merge Abu Mukhammad Kadarskiy into Rustam Asilderov"
    window.action.undo.trigger()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert actor_detail(s, duplicate) is not None
        restored = actor_detail(s, rustam)
    assert restored is not None
    assert "Abu Mukhammad Kadarskiy" not in [a.name for a in restored.aliases]


def test_import_reference_data_through_the_dialog_and_undo(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "memorial.csv"
    path.write_text("Region,Year,Killed\nDagestan,2014,208\nChechnya,2014,71\n", encoding="utf-8")
    dialog = statistics(window).import_reference(path)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.place_combo.currentText() == "Region"
    assert dialog.period_combo.currentText() == "Year"
    dialog.dataset_edit.setText("Memorial")
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        reference = [r for r in list_statistics(s) if r.dataset == "Memorial"]
    assert sorted((r.place, r.value) for r in reference) == [("Chechnya", 71.0), ("Dagestan", 208.0)]
    assert "Imported 2 figures of Memorial" in window.statusBar().currentMessage()
    window.action.undo.trigger()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert [r for r in list_statistics(s) if r.dataset == "Memorial"] == []
        # Dagestan and Chechnya were sample actors before: they stay
        assert find_actor(s, "Dagestan") is not None


def test_import_dialog_refuses_an_existing_dataset_name_until_replace(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Region,Year,Killed\nDagestan,2014,208\n", encoding="utf-8")
    dialog = statistics(window).import_reference(path)
    assert dialog is not None
    dialog.dataset_edit.setText("Memorial")
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    again = statistics(window).import_reference(path)
    assert again is not None
    again.dataset_edit.setText("Memorial")
    assert "already holds 1 figures" in again.error.text()
    assert not again.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    again.replace_check.setChecked(True)
    assert again.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    again.reject()


def test_a_table_that_cannot_be_read_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    dialog = statistics(window).import_reference(path)
    assert dialog is not None
    assert "empty" in dialog.error.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_new_actor_then_delete_and_undo(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    dialog = controller(window).new_actor()
    qtbot.keyClicks(dialog.name, "Said Buryatsky")
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    buryatsky = actor_id(sample_archive, "Said Buryatsky")
    # deleting an actor that has mentions and is a claimant, then undoing it, restores all
    knot = actor_id(sample_archive, "Caucasus Knot")
    with sample_archive.session() as s:
        before = actor_detail(s, knot)
    window.actors.select_actor(knot)
    window.action.delete_actor.trigger()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert actor_detail(s, knot) is None
        [claim] = [r for r in list_statistics(s) if r.value == 5816]
        assert claim.claimant is None
    window.action.undo.trigger()
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert actor_detail(s, knot) == before
        assert actor_detail(s, buryatsky) is not None


def test_the_editor_shows_where_the_actor_appears(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    dialog = controller(window).edit_actor(actor_id(sample_archive, "Caucasus Knot"))
    assert dialog is not None
    lines = [dialog.seen_in.item(i).text() for i in range(dialog.seen_in.count())]
    assert lines[0] == "Mentioned 1× in “ISIS Comes to Russia” (2015-07-11)"
    claim = next(i for i in range(dialog.seen_in.count()) if lines[i].startswith("As claimant of: ~5,816 killed"))
    assert dialog.tabs.tabText(1) == f"Seen in ({len(lines)})"
    dialog.seen_in.itemDoubleClicked.emit(dialog.seen_in.item(claim))
    span = window.reader.selected_span()
    assert span is not None
    assert window.reader.detail is not None
    assert window.reader.detail.text[span[0]:span[1]].startswith("some 5,816 civilians")
    dialog.reject()


def test_saving_an_actor_a_colleague_saved_since_says_so_and_keeps_theirs(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from db import archive as archive_module
    from db.actors import actor_state
    from db.undo import edit_actor

    rustam = actor_id(sample_archive, "Rustam Asilderov")
    dialog = controller(window).edit_actor(rustam)
    assert dialog is not None
    monkeypatch.setenv("DOSSIER_AUTHOR", "Madina")
    colleague = archive_module.open(sample_archive.location)
    try:  # while the editor is open, a colleague saves the same actor
        with colleague.session() as s:
            edit_actor(s, rustam, replace(actor_state(s, rustam), notes="Killed in Makhachkala, December 2016."))
    finally:
        colleague.close()
    dialog.notes.setPlainText("Reported killed in December 2016.")
    ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: "changed by Madina meanwhile" in window.statusBar().currentMessage())
    with sample_archive.session() as s:
        detail = actor_detail(s, rustam)
    assert detail is not None
    assert detail.notes == "Killed in Makhachkala, December 2016."
    # opened again, the editor shows the colleague's notes and saves
    again = controller(window).edit_actor(rustam)
    assert again is not None
    assert again.notes.toPlainText() == "Killed in Makhachkala, December 2016."
    again.notes.setPlainText("Killed in Makhachkala, 3 December 2016.")
    ok(qtbot, again.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        assert (actor_detail(s, rustam) or detail).notes == "Killed in Makhachkala, 3 December 2016."
