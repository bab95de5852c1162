"""The statistics read as rows (db.queries.list_statistics): in chunks, in order, sharing the
rows held already (issue 18)."""

from __future__ import annotations

from sqlalchemy import insert

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.dates import PartialDate
from db.models import Statistic
from db.queries import list_statistics
from db.statistic_edits import update_statistic


def test_rows_read_in_chunks_come_in_order_and_reuse_the_claims_held(archive: Archive) -> None:
    with archive.session() as session:
        # more claims than one chunk of the read (2,000), from two years
        other = add_statistic(session, NewStatistic(value=1.0, measure="killed", period_start=PartialDate(2014),
                                                    dataset="test"))
        session.execute(insert(Statistic), [
            {"value": float(n), "measure": "killed", "subject": f"group {n % 7}", "dataset": "test",
             "period_start": PartialDate(2014 - n % 2).first_day(), "period_start_precision": "year",
             "uuid": f"00000000-0000-0000-0000-{n:012d}"}
            for n in range(4500)
        ])
    with archive.session() as session:
        first = list_statistics(session)
        assert len(first) == 4501
        # by period, then id: every 2013 claim before every 2014 one, ids ascending within each
        keys = [(r.period_start.year if r.period_start else 0, r.id) for r in first]
        assert keys == sorted(keys)
        assert [r.period_start.year for r in first].count(2013) == 2250  # type: ignore[union-attr]

        again = list_statistics(session, known=first)
        assert again == first
        assert all(a is b for a, b in zip(again, first, strict=True))  # no second copy

        edited = first[-1].id
        update_statistic(session, edited, {"value": "7"})
        update_statistic(session, other, {"subject": "civilians"})
    with archive.session() as session:
        held = {r.id: r for r in first}
        third = list_statistics(session, known=held)
    assert [r.id for r in third] == [r.id for r in first]
    changed = {r.id: r for r in third if r is not held[r.id]}
    assert set(changed) == {edited, other}  # read anew: the edited claims, and only they
    assert changed[edited].value == 7
    assert changed[other].subject == "civilians"
