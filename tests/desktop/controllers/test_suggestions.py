"""The Suggestions list: accept and reject mentions and statistics, each undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.extract.mentions import MentionCandidate
from db.extract.statistics import StatisticCandidate
from db.queries import annotations_of, list_actors, list_statistics
from desktop.views.dialogs import StatisticDialog
from desktop.views.suggestions import CANDIDATE_ROLE, SuggestionsPane
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle
from tests.factories import make_source

TEXT = (
    "Rustam Asilderov spoke in Makhachkala. "
    "At least 19 militants were killed in Dagestan in 2015, according to Caucasus Knot."
)


@pytest.fixture
def window_source(sample_archive: Archive) -> int:
    """The window opens on this report, its suggestions loaded."""
    return make_source(sample_archive, TEXT, title="A Dagestan report")


def pane_of(window: MainWindow) -> SuggestionsPane:
    window.docks["suggestions"].raise_()  # its tab, as a researcher would click it
    return window.suggestions


def item_for(pane: SuggestionsPane, quote: str) -> QTreeWidgetItem:
    for item in pane.items():
        candidate = item.data(0, CANDIDATE_ROLE)
        if candidate.quote == quote or candidate.quote.startswith(quote):
            return item
    raise AssertionError(f"no suggestion {quote!r} in {[i.text(0) for i in pane.items()]}")


def click(qtbot: QtBot, pane: SuggestionsPane, item: QTreeWidgetItem) -> None:
    pane.tree.scrollToItem(item)
    rect = pane.tree.visualItemRect(item)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.tree.selectedItems() == [item]


def act(qtbot: QtBot, window: MainWindow, button: object) -> None:
    """Click a button and wait for the write and the list's reload after it."""
    pane = pane_of(window)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    settle(qtbot, window)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(pane_of(window).loaded, timeout=10_000):
        window.action.undo.trigger()
    settle(qtbot, window)


def mentions(archive: Archive, source_id: int) -> list[tuple[str | None, str]]:
    with archive.session() as s:
        return [(a.actor, a.quote) for a in annotations_of(s, source_id) if a.mention_id is not None]


def test_the_list_shows_mentions_and_statistics_and_selecting_shows_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = pane_of(window)
    candidates = [i.data(0, CANDIDATE_ROLE) for i in pane.items()]
    assert any(isinstance(c, MentionCandidate) and c.name == "Rustam Asilderov" for c in candidates)
    assert any(isinstance(c, StatisticCandidate) and c.low == 19 for c in candidates)
    item = item_for(pane, "Rustam Asilderov")
    assert item.text(1) == "known actor"
    click(qtbot, pane, item)
    assert window.reader.selected_span() == (0, len("Rustam Asilderov"))


def test_accept_a_known_actor_mention_and_undo(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    pane = pane_of(window)
    source = window.reader.source_id
    assert source is not None
    click(qtbot, pane, item_for(pane, "Rustam Asilderov"))
    act(qtbot, window, pane.accept_button)
    assert ("Rustam Asilderov", "Rustam Asilderov") in mentions(sample_archive, source)
    # recorded: no longer suggested
    assert all(i.data(0, CANDIDATE_ROLE).quote != "Rustam Asilderov" for i in pane.items())
    undo(qtbot, window)
    assert ("Rustam Asilderov", "Rustam Asilderov") not in mentions(sample_archive, source)
    assert item_for(pane, "Rustam Asilderov") is not None


def test_accept_a_new_actor_creates_it_and_undo_removes_both(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    pane = pane_of(window)
    source = window.reader.source_id
    assert source is not None
    item = item_for(pane, "Makhachkala")
    candidate = item.data(0, CANDIDATE_ROLE)
    assert candidate.actor_id is None
    click(qtbot, pane, item)
    act(qtbot, window, pane.accept_button)
    with sample_archive.session() as s:
        names = {a.name: a.kind for a in list_actors(s)}
    assert candidate.name in names
    assert (candidate.name, "Makhachkala") in mentions(sample_archive, source)
    undo(qtbot, window)
    with sample_archive.session() as s:
        assert candidate.name not in {a.name for a in list_actors(s)}
    assert mentions(sample_archive, source) == []


def test_accept_a_statistic_after_correcting_it(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    pane = pane_of(window)
    source = window.reader.source_id
    click(qtbot, pane, item_for(pane, "At least 19"))
    qtbot.mouseClick(pane.accept_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.current
    assert isinstance(dialog, StatisticDialog)
    assert dialog.isVisible()
    assert dialog.low.text() == "19"
    subject = dialog.findChild(QLineEdit, "subjectEdit")
    subject.clear()
    qtbot.keyClicks(subject, "insurgents")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with sample_archive.session() as s:
        [stat] = list_statistics(s, source_id=source)
    assert stat.low == 19
    assert stat.subject == "insurgents"
    assert stat.quote is not None
    assert stat.quote.startswith("At least 19")
    assert all(not isinstance(i.data(0, CANDIDATE_ROLE), StatisticCandidate) for i in pane.items())
    undo(qtbot, window)
    with sample_archive.session() as s:
        assert list_statistics(s, source_id=source) == []


def test_reject_is_remembered_and_undoable(qtbot: QtBot, window: MainWindow) -> None:
    pane = pane_of(window)
    click(qtbot, pane, item_for(pane, "At least 19"))
    act(qtbot, window, pane.reject_button)
    quotes = [i.data(0, CANDIDATE_ROLE).quote for i in pane.items()]
    assert not any(q.startswith("At least 19") for q in quotes)
    # opening the source again does not bring it back
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.open_source(window.reader.source_id, reload=True)  # type: ignore[arg-type]
    assert not any(i.data(0, CANDIDATE_ROLE).quote.startswith("At least 19") for i in pane.items())
    undo(qtbot, window)
    assert item_for(pane, "At least 19") is not None


def test_suggestions_are_underlined_in_the_reader_and_clicking_one_selects_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = pane_of(window)
    spans = sorted((c.start, c.end) for c in (i.data(0, CANDIDATE_ROLE) for i in pane.items()))
    assert sorted(window.reader.underlined()) == spans
    start = TEXT.index("Makhachkala") + 3
    editor = window.reader.editor
    cursor = editor.textCursor()
    cursor.setPosition(start)
    point = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    selected = pane.selected_candidate()
    assert selected is not None
    assert selected.quote == "Makhachkala"
    # accepting it removes its underline
    act(qtbot, window, pane.accept_button)
    assert (selected.start, selected.end) not in window.reader.underlined()


def test_accept_every_known_actor_at_once_and_undo_in_one_step(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    pane = pane_of(window)
    source = window.reader.source_id
    assert source is not None
    known = sorted(m.quote for m in pane.known_mentions())
    assert "Rustam Asilderov" in known
    assert "Caucasus Knot" in known
    act(qtbot, window, pane.accept_known_button)
    assert sorted(q for _a, q in mentions(sample_archive, source)) == known
    assert not pane.accept_known_button.isEnabled()
    undo(qtbot, window)
    assert mentions(sample_archive, source) == []


def test_keyboard_delete_rejects_the_selected_suggestion(qtbot: QtBot, window: MainWindow) -> None:
    pane = pane_of(window)
    click(qtbot, pane, item_for(pane, "Makhachkala"))
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.keyClick(pane.tree, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert all(i.data(0, CANDIDATE_ROLE).quote != "Makhachkala" for i in pane.items())
    assert window.undo_stack.undoText() == "Reject mention of Makhachkala"
