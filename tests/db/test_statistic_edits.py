"""Editing a statistic field by field, and undoing it with the previous values."""

from __future__ import annotations

import pytest

from db.archive import Archive
from db.commands import CommandError
from db.dates import PartialDate
from db.queries import list_statistics
from db.statistic_edits import update_statistic
from tests.factories import make_source, make_statistic


def test_edit_and_undo(archive: Archive) -> None:
    source = make_source(archive)
    statistic = make_statistic(archive, source, "Some 40", value=40.0, place="Grozny")
    with archive.session() as s:
        previous = update_statistic(
            s, statistic,
            {"value": "5,816", "period_start": "2014-06", "place": "Chechnya", "claimant": "Memorial"},
        )
    with archive.session() as s:
        [row] = list_statistics(s)
        assert (row.value, row.period_start, row.place, row.claimant) == (
            5816.0, PartialDate(2014, 6), "Chechnya", "Memorial",
        )
        update_statistic(s, statistic, previous)
    with archive.session() as s:
        [row] = list_statistics(s)
    assert (row.value, row.period_start, row.place, row.claimant) == (40.0, None, "Grozny", None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "many"}, "not a number"),
        ({"period_start": "June"}, "not a date"),
        ({"measure": " "}, "needs a measure"),
        ({"low": 50, "high": 10}, "above the high bound"),
        ({"colour": "red"}, "no field"),
    ],
)
def test_bad_edits_are_refused(archive: Archive, changes: dict[str, object], message: str) -> None:
    statistic = make_statistic(archive, make_source(archive), "Some 40", value=40.0)
    with archive.session() as s, pytest.raises(CommandError, match=message):
        update_statistic(s, statistic, changes)
