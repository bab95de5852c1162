"""Recording, editing and deleting statistics: apply, revert, apply again, revert."""

from __future__ import annotations

from sqlalchemy import func, select

from db.archive import Archive
from db.commands import NewStatistic
from db.models import Actor, Statistic
from db.undo import (
    Changes,
    Inserted,
    StatisticEdited,
    create_statistic,
    delete_statistic,
    edit_statistic,
)
from tests.db.undo.conftest import TEXT, round_trip


def test_record_a_statistic_with_new_claimant_and_place(archive: Archive, seeded: dict[str, int]) -> None:
    at = TEXT.index("45 in the Grozny district")
    new = NewStatistic(value=45, measure="killed", claimant="later reports", place="Grozny district",
                       source_id=seeded["source"], start=at, end=at + 2)
    change, redone = round_trip(archive, lambda s: create_statistic(s, new))
    assert isinstance(change, Inserted)
    assert [table for table, _ in change.rows] == ["statistics", "annotations", "actors", "actors"]
    assert redone == change  # the same rows again, same ids
    with archive.session() as s:
        assert s.scalar(select(func.count(Actor.id))) == 4


def test_delete_a_statistic_with_its_span(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(archive, lambda s: delete_statistic(s, seeded["statistic"]))
    assert [table for table, _ in change.rows] == ["statistics", "annotations"]


def test_edit_a_statistic(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(
        archive, lambda s: edit_statistic(s, seeded["statistic"], {"value": "45", "measure": "dead"}),
        loose={"statistics": {"modified_at"}},
    )
    assert change == StatisticEdited(seeded["statistic"], {"value": 1.0, "measure": "killed"})


def test_an_edit_naming_a_new_claimant_takes_the_actor_back_with_it(
    archive: Archive, seeded: dict[str, int]
) -> None:
    change, redone = round_trip(
        archive, lambda s: edit_statistic(s, seeded["statistic"], {"claimant": "Memorial"}),
        loose={"statistics": {"modified_at"}},
    )
    assert isinstance(change, Changes)
    assert isinstance(change.parts[0], Inserted)
    assert isinstance(redone, Changes)
    with archive.session() as s:
        assert s.scalar(select(Statistic.claimant_id).where(Statistic.id == seeded["statistic"])) is not None
        assert s.scalar(select(Actor.id).where(Actor.name == "Memorial")) is None
