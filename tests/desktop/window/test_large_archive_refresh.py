"""How the window fills and refreshes its lists on a large archive (issue 18): the first claims
at once and the rest after them, and an edit reloading only the lists that show what it touched."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.dates import PartialDate
from desktop.undo.annotations import CreateAnnotation
from desktop.window import refresh
from tests.desktop.helpers import open_window, settle
from tests.factories import make_source


def test_the_first_claims_are_listed_at_once_and_the_rest_follow(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    with archive.session() as session:
        for year in range(2000, 2012):
            add_statistic(session, NewStatistic(value=float(year - 1990), measure="killed", subject="civilians",
                                                period_start=PartialDate(year), dataset="test"))
    monkeypatch.setattr(refresh, "FIRST_STATISTICS", 5)
    shown: list[tuple[int, bool]] = []
    from desktop.views.statistics.pane import StatisticsPane

    original = StatisticsPane.set_statistics

    def recording(self: StatisticsPane, rows: list, *, complete: bool = True) -> None:  # type: ignore[type-arg]
        shown.append((len(rows), complete))
        original(self, rows, complete=complete)

    monkeypatch.setattr(StatisticsPane, "set_statistics", recording)
    window = open_window(qtbot, archive)
    qtbot.waitUntil(lambda: not window.statistics.partial and len(shown) >= 2, timeout=10_000)
    assert shown[:2] == [(5, False), (12, True)]  # the earliest five by period, then every one
    assert window.statistics.model.rowCount() == 12
    assert window.statistics.tools.summary.text() == "12 of 12"


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


def test_the_conflicts_and_estimates_hold_the_claims_the_pane_lists(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worked out once every claim is listed, the conflicts and the estimates hold the
    statistics pane's rows, not second copies; a claim written meanwhile is read anew."""
    with archive.session() as session:
        for year in range(2000, 2012):
            add_statistic(session, NewStatistic(value=float(year - 1990), measure="killed", subject="civilians",
                                                period_start=PartialDate(year), dataset="test"))
        add_statistic(session, NewStatistic(value=500.0, measure="killed", subject="civilians",
                                            period_start=PartialDate(2005), dataset="other"))
    monkeypatch.setattr(refresh, "FIRST_STATISTICS", 5)
    window = open_window(qtbot, archive)
    controllers = window.controllers
    qtbot.waitUntil(lambda: not window.statistics.partial and bool(controllers.statistics.conflicts)
                    and bool(window.estimates.findings), timeout=10_000)
    listed = {r.id: r for r in window.statistics.model.rows}
    assert len(listed) == 13
    [conflict] = controllers.statistics.conflicts
    assert sorted(c.value or 0 for c in conflict.claims) == [15.0, 500.0]
    assert all(claim is listed[claim.id] for claim in conflict.claims)
    estimated = {i for f in window.estimates.findings for i in (*f.claims, *dict(f.excluded))}
    assert estimated == set(listed)
    assert all(window.estimates.claims[i] is listed[i] for i in estimated)

    with archive.session() as session:  # another connection than the window's reads
        added = add_statistic(session, NewStatistic(value=7.0, measure="killed", subject="civilians",
                                                    period_start=PartialDate(2011), dataset="other"))
    with qtbot.waitSignal(controllers.findings.estimates_updated, timeout=10_000):
        window.archive_changed.emit()
    qtbot.waitUntil(lambda: window.statistics.model.rowCount() == 14 and not window.statistics.partial,
                    timeout=10_000)
    qtbot.waitUntil(lambda: added in window.estimates.claims, timeout=10_000)
    assert window.estimates.claims[added].value == 7.0
