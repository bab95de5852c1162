"""The conflicts pane on an archive with many conflicts: listed a page at a time, folds kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.conflict_groups import find_conflict_groups
from db.dates import PartialDate
from desktop.models.statistics import StatisticsModel
from desktop.views.conflicts import PAGE, ConflictsPane


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
    pane = ConflictsPane(StatisticsModel(archive).rows_of)
    qtbot.addWidget(pane)
    pane.set_conflicts(conflicts)

    assert pane.tree.topLevelItemCount() == PAGE
    assert f"{PAGE + 20:,} conflicts among {2 * (PAGE + 20):,} claims (the first {PAGE:,} listed)" in pane.heading.text()
    assert not pane.more.isHidden()
    assert pane.more.text() == "Show 20 More"
    pane.more.click()
    assert pane.tree.topLevelItemCount() == PAGE + 20
    assert len(pane.claim_items()) == 2 * (PAGE + 20)
    assert pane.more.isHidden()
    assert "listed" not in pane.heading.text()


def test_a_folded_conflict_stays_folded_when_the_list_comes_again(qtbot: QtBot, archive: Archive) -> None:
    many_conflicts(archive, 3)
    with archive.session() as session:
        conflicts = find_conflict_groups(session)
    pane = ConflictsPane(StatisticsModel(archive).rows_of)
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
