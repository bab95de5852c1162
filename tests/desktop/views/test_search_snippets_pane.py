"""Searching in the sources pane on a real archive: Return searches at once, the hits are listed
with the snippets of the rows shown (the inflected words as written marked), rows loaded later
get theirs, and an older search's snippets never replace a newer one's."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db import archive as archive_module
from db.anchors import replace_source_text
from db.archive import Archive
from db.commands import NewSource, add_sources
from desktop.models.base import Role
from desktop.models.sources import SNIPPET_MARKS, SNIPPET_ROLE, SourcesModel
from desktop.reads import sources as reads
from desktop.tasks import TaskRunner
from desktop.views.sources import SourcesPane

OPEN, CLOSE = SNIPPET_MARKS
#: more than a page of hits, each with both words of the two searches, the hit in mid-text
_FILLER = "Утром в селе прошло собрание жителей и старейшин района. " * 3
COUNT = 260


def _fill(archive: Archive) -> None:
    with archive.session() as session:
        add_sources(session, [NewSource(
            title=f"Сводка {n:03d}", language="ru",
            text=f"{_FILLER}Вчера трое боевиков напали на пост номер {n}. {_FILLER}") for n in range(COUNT)])


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(10_000)


@pytest.fixture
def pane(qtbot: QtBot, archive: Archive, runner: TaskRunner) -> SourcesPane:
    _fill(archive)
    model = SourcesModel(archive, runner)
    model.page_size = 100
    shown = SourcesPane(model)
    qtbot.addWidget(shown)
    shown.resize(760, 560)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
        shown.show()
    return shown


def search(qtbot: QtBot, pane: SourcesPane, query: str) -> None:
    """Type ``query`` and press Return: the search starts then, not after the typing pause."""
    pane.search_edit.setText(query)  # as typed (QTest types ASCII only), the typing pause begun
    assert pane._search_timer.isActive()
    with qtbot.waitSignal(pane.model.loaded, timeout=10_000):
        qtbot.keyClick(pane.search_edit, Qt.Key.Key_Return)
        assert pane.model.loading
        assert pane.model.filter.search == query
    assert pane.model.total == COUNT


def visible_rows(pane: SourcesPane) -> list[int]:
    """The rows a person sees in the list now."""
    area = pane.view.viewport().rect()
    rows = [r for r in range(pane.model.rowCount())
            if pane.view.visualRect(pane.model.index(r, 0)).intersects(area)]
    assert rows
    return rows


def snippets(pane: SourcesPane, rows: Sequence[int]) -> list[str]:
    return [pane.model.index(r, 0).data(SNIPPET_ROLE) for r in rows]


def test_return_lists_the_hits_with_the_snippets_of_the_rows_shown(qtbot: QtBot, pane: SourcesPane) -> None:
    search(qtbot, pane, "боевик")
    shown = visible_rows(pane)
    assert len(shown) >= 8
    # the rows shown have their snippet as soon as the list has them, the word as written marked
    for row, snippet in zip(shown, snippets(pane, shown), strict=True):
        number = int(pane.model.index(row, 0).data().split()[-1])
        assert f"трое {OPEN}боевиков{CLOSE} напали на пост номер {number}." in snippet
    # the other rows loaded (further down the first page) get theirs off the GUI thread
    qtbot.waitUntil(lambda: all(snippets(pane, range(pane.model.rowCount()))), timeout=10_000)
    assert pane.model.rowCount() == 100
    assert all(f"{OPEN}боевиков{CLOSE}" in s for s in snippets(pane, range(100)))
    assert pane.count_label.text() == f"{COUNT} matching sources, best first"


def test_rows_loaded_by_scrolling_get_their_snippets(qtbot: QtBot, pane: SourcesPane) -> None:
    search(qtbot, pane, "боевик")
    with qtbot.waitSignal(pane.model.rowsInserted, timeout=10_000):
        pane.view.scrollToBottom()  # the view asks for the next page at the end of the list
    assert pane.model.rowCount() > 100
    pane.view.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.snippets_waiting == 0, timeout=10_000)
    shown = visible_rows(pane)
    assert min(shown) >= 100  # rows of a page fetched later
    assert all(f"{OPEN}боевиков{CLOSE}" in s for s in snippets(pane, shown))
    assert all(snippets(pane, range(pane.model.rowCount())))


def test_an_older_search_s_snippets_never_replace_a_newer_one_s(
    qtbot: QtBot, pane: SourcesPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = reads.snippets
    held, release = threading.Event(), threading.Event()

    def held_for_the_first_search(archive: Archive, query: str, ids: Sequence[int],
                                  marks: tuple[str, str]) -> dict[int, str]:
        if query == "боевик":  # the rows below the first screenful, arriving after the next search
            held.set()
            release.wait(10)
        return made(archive, query, ids, marks)

    monkeypatch.setattr(reads, "snippets", held_for_the_first_search)
    search(qtbot, pane, "боевик")
    qtbot.waitUntil(held.is_set, timeout=10_000)
    search(qtbot, pane, "пост")
    qtbot.waitUntil(lambda: pane.model.snippets_waiting == 1, timeout=10_000)  # the held one only
    newer = snippets(pane, range(pane.model.rowCount()))
    assert all(f"{OPEN}пост{CLOSE}" in s and f"{OPEN}боевиков" not in s for s in newer)
    changed: list[QModelIndex] = []
    pane.model.dataChanged.connect(lambda first, _last, _roles=(): changed.append(first))
    release.set()
    qtbot.waitUntil(lambda: pane.model.snippets_waiting == 0, timeout=10_000)
    assert changed == []
    assert snippets(pane, range(pane.model.rowCount())) == newer
    pane.view.viewport().repaint()  # drawn with the newer marks (the delegate reads the model)


@pytest.mark.postgres
def test_postgresql_lists_hits_and_gives_later_rows_their_snippets(qtbot: QtBot, postgres_url: str) -> None:
    team = archive_module.open(postgres_url)
    with team.engine.begin() as connection:
        connection.execute(text("TRUNCATE sources, actors RESTART IDENTITY CASCADE"))
    runner = TaskRunner()
    try:
        _fill(team)
        model = SourcesModel(team, runner)
        model.page_size = 100
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            model.set_filter(search="боевик")
        assert model.total == COUNT
        assert f"{OPEN}боевиков{CLOSE}" in model.snippet(model.row_at(0).id)  # type: ignore[union-attr]
        model.fetchMore(QModelIndex())
        assert model.rowCount() == 200
        qtbot.waitUntil(lambda: model.snippets_waiting == 0, timeout=10_000)
        assert all(f"{OPEN}боевиков{CLOSE}" in model.snippet(model.row_at(r).id)  # type: ignore[union-attr]
                   for r in range(200))
    finally:
        runner.shutdown(10_000)
        team.close()


def test_a_write_while_searching_keeps_the_snippets_shown_and_remakes_the_changed_one(
    qtbot: QtBot, pane: SourcesPane, archive: Archive
) -> None:
    search(qtbot, pane, "боевик")
    qtbot.waitUntil(lambda: pane.model.snippets_waiting == 0, timeout=10_000)
    row = 40  # below the snippets made with the hits
    source = pane.model.index(row, 0).data(Role.ID)
    before = {pane.model.row_at(r).id for r in range(pane.model.rowCount())}  # type: ignore[union-attr]
    with archive.session() as session:
        # a longer text: ranked lower still, below the snippets made with the hits
        replace_source_text(session, source, f"{_FILLER * 2}Позавчера двое боевиков ушли в горы. {_FILLER}")
    with qtbot.waitSignal(pane.model.loaded, timeout=10_000):
        pane.reload()  # what the window does after a write
    assert pane.model.ids.index(source) >= pane.model.rows_shown
    kept = [r for r in range(pane.model.rowCount()) if pane.model.row_at(r).id in before]  # type: ignore[union-attr]
    assert len(kept) >= 99
    assert all(snippets(pane, kept))  # none blanked while made anew
    assert pane.model.row_of(source) is not None  # scrolled to (its page loaded)
    qtbot.waitUntil(lambda: pane.model.snippets_waiting == 0, timeout=10_000)
    assert f"двое {OPEN}боевиков{CLOSE} ушли в горы." in pane.model.snippet(source)


def test_sorted_by_a_column_the_rows_shown_have_their_snippets(qtbot: QtBot, pane: SourcesPane) -> None:
    search(qtbot, pane, "боевик")
    header = pane.view.horizontalHeader()
    with qtbot.waitSignal(pane.model.loaded, timeout=10_000):  # a click on the Title header
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2))
    titles = [pane.model.index(r, 0).data() for r in visible_rows(pane)]
    assert titles in (sorted(titles), sorted(titles, reverse=True))
    assert all(f"{OPEN}боевиков{CLOSE}" in s for s in snippets(pane, visible_rows(pane)))
    assert pane.count_label.text() == f"{COUNT} matching sources"


def test_titles_paint_through_python_only_while_searching(qtbot: QtBot, pane: SourcesPane) -> None:
    """Without a search a title paints as any cell (no call into Python a row, each waiting for
    the GIL at a large archive's opening); with one, the snippet is drawn under it."""
    view = pane.view
    assert view.itemDelegateForColumn(0) is None
    search(qtbot, pane, "боевиков")
    assert view.itemDelegateForColumn(0) is pane.titles
    pane.search_edit.clear()
    with qtbot.waitSignal(pane.model.loaded, timeout=10_000):
        pane._apply_search()
    assert view.itemDelegateForColumn(0) is None
