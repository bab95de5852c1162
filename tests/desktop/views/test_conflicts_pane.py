"""The conflicts pane on an archive with many conflicts: listed a page at a time, folds kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.conflict_groups import find_conflict_groups
from db.dates import PartialDate
from desktop.models.statistics import StatisticsModel
from desktop.tasks import TaskRunner
from desktop.views.conflicts import FILL_ROWS, PAGE, ConflictsPane


def many_conflicts(archive: Archive, count: int) -> None:
    """``count`` pairs of claims that disagree (each pair about a subject of its own)."""
    with archive.session() as session:
        for n in range(count):
            for value in (10.0, 90.0):
                add_statistic(session, NewStatistic(value=value, measure="killed", subject=f"group {n}",
                                                    period_start=PartialDate(2014), dataset="test"))


def test_many_conflicts_are_listed_a_page_at_a_time(qtbot: QtBot, archive: Archive) -> None:
    many_conflicts(archive, PAGE + 20)
    with archive.session() as session:
        conflicts = find_conflict_groups(session)
    assert len(conflicts) == PAGE + 20
    pane = ConflictsPane(StatisticsModel(archive).rows_later)
    qtbot.addWidget(pane)
    pane.set_conflicts(conflicts)
    # listed a slice at a time (a conflict and its two claims are three rows), the heading saying so
    first = FILL_ROWS // 3
    assert pane.tree.topLevelItemCount() == first
    assert f"listing them: {first} of {PAGE} so far" in pane.heading.text()
    assert pane.more.isHidden()
    qtbot.waitUntil(lambda: not pane.listing)

    assert pane.tree.topLevelItemCount() == PAGE
    assert f"{PAGE + 20:,} conflicts among {2 * (PAGE + 20):,} claims (the first {PAGE:,} listed)" in pane.heading.text()
    assert not pane.more.isHidden()
    assert pane.more.text() == "Show 20 More"
    pane.more.click()
    qtbot.waitUntil(lambda: not pane.listing)
    assert pane.tree.topLevelItemCount() == PAGE + 20
    assert len(pane.claim_items()) == 2 * (PAGE + 20)
    assert pane.more.isHidden()
    assert "listed" not in pane.heading.text()


def test_a_folded_conflict_stays_folded_when_the_list_comes_again(qtbot: QtBot, archive: Archive) -> None:
    many_conflicts(archive, 3)
    with archive.session() as session:
        conflicts = find_conflict_groups(session)
    pane = ConflictsPane(StatisticsModel(archive).rows_later)
    qtbot.addWidget(pane)
    pane.set_conflicts(conflicts)
    folded = pane.tree.topLevelItem(1)
    assert folded is not None
    assert folded.isExpanded()
    name = folded.text(0)
    folded.setExpanded(False)
    pane.set_conflicts(conflicts)
    again = {pane.tree.topLevelItem(i).text(0): pane.tree.topLevelItem(i).isExpanded() for i in range(3)}  # type: ignore[union-attr]
    assert again[name] is False
    assert sum(again.values()) == 2


def test_claims_are_read_off_the_gui_thread_and_an_older_list_never_replaces_a_newer(
        qtbot: QtBot, archive: Archive) -> None:
    many_conflicts(archive, 4)
    with archive.session() as session:
        conflicts = find_conflict_groups(session)
    runner = TaskRunner()
    pane = ConflictsPane(StatisticsModel(archive, runner).rows_later)
    qtbot.addWidget(pane)
    pane.set_conflicts(conflicts)
    assert pane.tree.topLevelItemCount() == 0  # the claims are being read
    assert "listing them: 0 of 4 so far" in pane.heading.text()
    pane.set_conflicts(conflicts[:1])  # a newer list before the claims came
    qtbot.waitUntil(lambda: not pane.listing)
    qtbot.wait(50)  # the older read has come back too by now, and was dropped
    assert pane.tree.topLevelItemCount() == 1
    assert len(pane.claim_items()) == 2
    assert sorted(item.text(0) for item in pane.claim_items()) == ["10", "90"]
    assert pane.heading.text().startswith("1 conflict among 2 claims.")
    assert runner.shutdown()


def test_the_pane_says_it_is_looking_until_the_conflicts_come(qtbot: QtBot, archive: Archive) -> None:
    pane = ConflictsPane(StatisticsModel(archive).rows_later)
    qtbot.addWidget(pane)
    assert pane.heading.text() == "Looking for conflicting claims…"  # not "No conflicting claims"
    assert pane.more.isHidden()
    pane.set_conflicts([])
    assert pane.heading.text().startswith("No conflicting claims")


def test_conflicts_of_many_claims_are_added_a_few_rows_a_turn(qtbot: QtBot, archive: Archive) -> None:
    """At a million sources a conflict holds dozens of claims: each turn of the event loop adds
    about :data:`FILL_ROWS` rows, not a fixed number of conflicts (60 of them held it 0.3 s)."""
    with archive.session() as session:
        for n in range(12):
            for value in range(1, 41):
                add_statistic(session, NewStatistic(value=value * 100.0, measure="displaced", subject=f"camp {n}",
                                                    period_start=PartialDate(2015), dataset="test"))
        conflicts = find_conflict_groups(session)
    assert len(conflicts) == 12
    pane = ConflictsPane(StatisticsModel(archive).rows_later)
    qtbot.addWidget(pane)
    added: list[int] = []
    pane.tree.model().rowsInserted.connect(lambda parent, first, last: added.append(last - first + 1)
                                           if not parent.isValid() else None)
    pane.set_conflicts(conflicts)
    qtbot.waitUntil(lambda: not pane.listing)
    assert pane.tree.topLevelItemCount() == 12
    assert len(pane.claim_items()) == 12 * 40
    assert all(n * 41 <= FILL_ROWS for n in added)
    assert len(added) >= 12 * 41 // FILL_ROWS
