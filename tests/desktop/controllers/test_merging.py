"""File ▸ Merge Archive… in the window: a preview (counts, conflicts side by side, suggested
actors), the researcher's picks, one undoable step; and a team archive's changes arriving live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import archive as archive_module
from db.archive import Archive
from db.commands import NewSource, add_actor, add_source, update_source
from db.merge.sending import send_copy
from db.models import Actor, Source
from desktop.views.dialogs.merge import MergePreviewDialog
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle


@pytest.fixture
def colleague(window_archive: Archive, tmp_path: Path) -> Path:
    """A copy of the window's archive that a colleague changed: a title both changed, a new
    source, and an actor with a name ours knows."""
    path = tmp_path / "colleague.sqlite"
    send_copy(window_archive, path)
    theirs = archive_module.open(path)
    with theirs.session() as s:
        source_id = s.scalars(select(Source.id)).first()
        assert source_id is not None
        update_source(s, source_id, title="ISIS in the North Caucasus (colleague)")
        add_source(s, NewSource(text="Twelve fighters surrendered near Makhachkala.", title="Surrender"))
        add_actor(s, "Vilayat Dagestan", "armed_group", aliases=["Rustam Asilderov"])
    theirs.close()
    with window_archive.session() as s:
        update_source(s, source_id, title="ISIS Comes to Russia (checked)")
    return path


def _preview(qtbot: QtBot, window: MainWindow, path: Path) -> MergePreviewDialog:
    with qtbot.waitSignal(window.controllers.merging.previewed, timeout=20_000) as shown:
        window.controllers.merging.merge_archive(path)
    dialog = shown.args[0]
    assert isinstance(dialog, MergePreviewDialog)
    return dialog


def _titles(archive: Archive) -> list[str]:
    with archive.session() as s:
        return sorted(s.scalars(select(Source.title)))


def test_merge_archive_previews_lets_the_researcher_pick_and_undoes_in_one_step(
    qtbot: QtBot, window: MainWindow, colleague: Path, tmp_path: Path
) -> None:
    assert window.findChild(type(window.action.merge_archive), "actionMerge") is window.action.merge_archive
    before = _titles(window.archive)
    dialog = _preview(qtbot, window, colleague)
    counts = dialog.counts
    assert [counts.item(r, 0).text() for r in range(counts.rowCount())] == ["Sources", "Actors", "Other names"]
    assert counts.item(0, 1).text() == "1"
    assert dialog.conflicts.rowCount() == 1
    assert dialog.conflicts.item(0, 2).text() == "ISIS Comes to Russia (checked)"
    assert dialog.conflicts.item(0, 3).text() == "ISIS in the North Caucasus (colleague)"
    assert dialog.actors.rowCount() == 1
    assert dialog.actors.item(0, 1).text() == "Vilayat Dagestan"
    dialog.resize(900, 560)
    dialog.grab().save(str(tmp_path / "merge-preview.png"))

    dialog.keep(0, "theirs")
    dialog.decide(0, "different")
    with qtbot.waitSignal(window.controllers.merging.merged, timeout=20_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    status = window.statusBar().currentMessage()
    assert status.startswith("Merged colleague.sqlite: 3 new, 1 changed, 0 deleted, 1 conflict (")
    from db.backups import automatic_backups

    backup = automatic_backups(Path(window.archive.location))[0]  # the newest, beside the day's
    assert backup.name.endswith("-merge.sqlite")
    assert str(backup) in status  # where the archive as it was is kept
    merged = _titles(window.archive)
    assert "ISIS in the North Caucasus (colleague)" in merged
    assert "Surrender" in merged
    with window.archive.session() as s:
        assert len(s.scalars(select(Actor).where(Actor.name == "Vilayat Dagestan")).all()) == 1
    assert window.undo_stack.count() == 1

    command = window.undo_stack.command(0)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: command.last_task is not None and command.last_task.done, timeout=20_000)
    assert _titles(window.archive) == before
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: command.last_task is not None and command.last_task.done, timeout=20_000)
    assert _titles(window.archive) == merged


def test_an_archive_that_cannot_be_merged_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database")
    with qtbot.waitSignal(window.dialogs.opened, timeout=20_000) as opened:
        window.controllers.merging.merge_archive(notes)
    box = opened.args[0]
    assert box.objectName() == "mergeRefused"
    assert "not a Dossier archive" in box.text()
    box.close()
