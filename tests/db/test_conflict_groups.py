"""The window's compact conflicts are the full ones, by id: same groups, order, pairs and places."""

from __future__ import annotations

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.conflict_groups import find_conflict_groups
from db.conflicts import find_conflicts
from db.dates import PartialDate
from tests.factories import make_statistic


def test_the_compact_conflicts_are_the_full_ones_by_id(sample_archive: Archive) -> None:
    make_statistic(
        sample_archive, None, value=120.0, measure="killed", unit="people", subject="militants",
        place="North Caucasus", period_start=PartialDate(2014), dataset="Memorial", claimant="Memorial",
    )
    with sample_archive.session() as session:
        for n, value in enumerate((10.0, 90.0, 400.0)):
            add_statistic(session, NewStatistic(value=value, measure="arrested", subject="protesters",
                                                period_start=PartialDate(2015),
                                                approximate=n == 2, dataset="test"))
        add_statistic(session, NewStatistic(value=55.0, measure="arrested", subject="protesters", dataset="test"))
        full = find_conflicts(session)
        compact = find_conflict_groups(session)
    assert len(full) >= 2
    assert [c.statistic_ids for c in compact] == [c.statistic_ids for c in full]
    assert [c.pairs for c in compact] == [c.pairs for c in full]
    assert [c.places for c in compact] == [c.places for c in full]
    assert [c.describe() for c in compact] == [c.describe() for c in full]
    assert [c.size for c in compact] == [len(c.claims) for c in full]
    assert any(c.places for c in compact)  # a place named, as the conflicts pane shows it


def test_no_conflicts_no_groups(archive: Archive) -> None:
    with archive.session() as session:
        add_statistic(session, NewStatistic(value=10.0, measure="killed", dataset="test"))
        assert find_conflict_groups(session) == []


def test_pairs_are_kept_as_small_positions_and_read_back_as_ids() -> None:
    """Two bytes a position in a group of up to 65,535 claims, four in a bigger one."""
    import numpy as np

    from db.conflict_groups import ConflictGroup, _positions

    for size, width in ((3, 2), (70_000, 4)):
        members = np.arange(size, dtype=np.int64)[::-1] * 7 + 5  # not in id order
        pairs = np.array([[members[0], members[-1]], [members[1], members[size // 2]]], dtype=np.int64)
        packed = _positions(members, pairs)
        assert len(packed) == 4 * width
        group = ConflictGroup("killed", None, (), members.tobytes(), packed, "")
        assert group.pairs == ((int(members[0]), int(members[-1])), (int(members[1]), int(members[size // 2])))
