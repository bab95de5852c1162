"""How the window fills and refreshes its lists on a large archive (issue 18): the claims listed
lazily (ids in SQL, rows a page at a time), and an edit reloading only the lists that show what
it touched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.dates import PartialDate
from db.queries import list_statistics
from desktop.models.statistics import StatisticsModel
from desktop.reads.findings import ClaimsById
from desktop.undo.annotations import CreateAnnotation
from tests.desktop.helpers import open_window, settle, statistics_listed
from tests.factories import make_source


def _claims_by_year(archive: Archive, years: range) -> None:
    with archive.session() as session:
        for year in years:
            add_statistic(session, NewStatistic(value=float(year - 1990), measure="killed", subject="civilians",
                                                period_start=PartialDate(year), dataset="test"))


def test_the_pane_lists_every_claim_and_reads_them_a_page_at_a_time(qtbot: QtBot, archive: Archive) -> None:
    """The table counts every claim at once, reads the rows of a page as it shows them, keeps a
    few pages (not every claim of a large archive), and selects a claim far down the list."""
    _claims_by_year(archive, range(2000, 2012))
    window = open_window(qtbot, archive)
    pane, model = window.statistics, window.statistics.model
    model.page_size, model.pages_kept = 5, 2
    pane.view.setFixedHeight(90)  # a row or two shown
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):  # a new list each time
        pane.view.sortByColumn(StatisticsModel.PERIOD, order)
        statistics_listed(window)
    assert model.rowCount() == 12  # the scroll bar is the whole list
    assert pane.tools.summary.text() == "12 of 12"
    assert len(model.held) == 5  # the first page only
    pane.view.scrollToBottom()
    values = [model.index(r, StatisticsModel.VALUE).data() for r in range(12)]
    assert values == [str(year - 1990) for year in range(2000, 2012)]  # by period, all read
    assert len(model.held) <= 2 * 5  # the least recently shown pages dropped
    with archive.session() as session:
        last = max(r.id for r in list_statistics(session))
    assert pane.select_statistic(last)
    assert pane.selected_statistic() == last
    assert pane.view.currentIndex().row() == 11


def test_a_claim_on_a_later_page_filtered_out_is_shown_by_clearing_the_filters(
    qtbot: QtBot, archive: Archive
) -> None:
    _claims_by_year(archive, range(2000, 2012))
    window = open_window(qtbot, archive)
    pane = window.statistics
    pane.model.page_size = 3
    pane.filter_edit.setText("12")  # the claim of 2002 (value 12) only
    statistics_listed(window)
    assert pane.model.total == 1
    with archive.session() as session:
        wanted = next(r.id for r in list_statistics(session) if r.value == 21.0)
    with qtbot.waitSignal(pane.listed, timeout=10_000):
        assert pane.select_statistic(wanted)
    assert pane.filter_edit.text() == ""
    assert pane.model.total == 12
    assert pane.selected_statistic() == wanted
    assert pane.view.currentIndex().row() == 11


def test_an_annotation_reloads_the_reader_and_counts_not_the_list_of_sources(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_source(archive, "Some 40 people were killed in Grozny.")
    window = open_window(qtbot, archive)
    window.open_source(source)
    reloads: list[str] = []
    model = window.sources.model
    monkeypatch.setattr(model, "reload", lambda: reloads.append("ids"))
    window.undo_stack.push(CreateAnnotation(window, source, 5, 14, note="the toll"))
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 1, timeout=10_000)
    settle(qtbot, window)
    assert reloads == []  # the ids of the sources were not read again
    assert window.counts is not None
    assert window.counts.annotations == 1
    assert "1 annotation" in window.counts_label.text()
    window.archive_changed.emit()  # an import or a merge: everything, the list included
    assert reloads == ["ids"]


def test_an_annotation_rereads_the_shown_sources_marks_not_its_text_or_claims(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_source(archive, "Some 40 people were killed in Grozny. Another sentence follows.")
    window = open_window(qtbot, archive)
    window.open_source(source)
    window.reader.editor.verticalScrollBar().setValue(0)
    details: list[int] = []
    from desktop.reads import sources as source_reads

    original = source_reads.source_detail
    monkeypatch.setattr(source_reads, "source_detail", lambda a, i: details.append(i) or original(a, i))
    window.undo_stack.push(CreateAnnotation(window, source, 5, 14, note="the toll"))
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 1, timeout=10_000)
    settle(qtbot, window)
    assert details == []  # the text and the source's claims were not read again
    assert "1 annotations" in window.reader.header.text()
    assert [(a.start, a.end) for a in window.reader.detail.annotations] == [(5, 14)]  # type: ignore[union-attr]
    window.undo_stack.undo()  # the mark goes again, as it came
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 0, timeout=10_000)
    assert "0 annotations" in window.reader.header.text()
    with archive.session() as session:  # a claim on the source: its text and claims are read again
        add_statistic(session, NewStatistic(source_id=source, start=5, end=14, value=40.0, measure="killed"))
    window.archive_changed.emit()
    qtbot.waitUntil(lambda: details == [source], timeout=10_000)
    qtbot.waitUntil(lambda: "1 statistics" in window.reader.header.text(), timeout=10_000)


def test_the_estimates_read_their_claims_when_asked_and_a_new_one_is_read(
    qtbot: QtBot, archive: Archive
) -> None:
    """The estimates cover every claim but hold none of them until asked (the pane expands an
    estimate); the conflicts hold the ids of the claims in conflict; a claim written meanwhile is read."""
    _claims_by_year(archive, range(2000, 2012))
    with archive.session() as session:
        add_statistic(session, NewStatistic(value=500.0, measure="killed", subject="civilians",
                                            period_start=PartialDate(2005), dataset="other"))
    window = open_window(qtbot, archive)
    controllers = window.controllers
    qtbot.waitUntil(lambda: not window.statistics.model.loading and bool(controllers.statistics.conflicts)
                    and bool(window.estimates.findings), timeout=10_000)
    listed = {r.id: r for r in window.statistics.visible_rows()}
    assert len(listed) == 13
    [conflict] = controllers.statistics.conflicts
    assert sorted(listed[i].value or 0 for i in conflict.statistic_ids) == [15.0, 500.0]
    claims = window.estimates.claims
    assert isinstance(claims, ClaimsById)
    assert set(claims) == set(listed)
    assert len(claims._kept) == 0  # none read yet
    assert all(claims[i] == listed[i] for i in listed)

    with archive.session() as session:  # another connection than the window's reads
        added = add_statistic(session, NewStatistic(value=7.0, measure="killed", subject="civilians",
                                                    period_start=PartialDate(2011), dataset="other"))
    with qtbot.waitSignal(controllers.findings.estimates_updated, timeout=10_000):
        window.archive_changed.emit()
    qtbot.waitUntil(lambda: window.statistics.model.rowCount() == 14, timeout=10_000)
    qtbot.waitUntil(lambda: added in window.estimates.claims, timeout=10_000)
    assert window.estimates.claims[added].value == 7.0
