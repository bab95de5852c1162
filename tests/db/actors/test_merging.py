"""Merging two records of the same actor, and taking the merge back exactly."""

from __future__ import annotations

import pytest

from db.actors import actor_detail, merge_actors, unmerge
from db.archive import Archive
from db.commands import CommandError, add_actor, find_actor
from db.queries import list_actors, list_statistics, source_rows


def test_merge_moves_everything_to_the_survivor(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        merge_actors(s, ids["rustam"], ids["abu"])
    with archive.session() as s:
        detail = actor_detail(s, ids["rustam"])
        assert actor_detail(s, ids["abu"]) is None
        assert find_actor(s, "Abu Mukhammad Kadarsky") == ids["rustam"]
        [stat] = list_statistics(s)
    assert detail is not None
    assert {a.name for a in detail.aliases} == {
        "Рустам Асильдеров", "Abu Muhammad al-Kadarskii", "Abu Mukhammad Kadarsky",
    }
    assert detail.description == "Amir of the Vilaiyat in Dagestan."
    assert [(m.source.id, m.mentions) for m in detail.sources] == [(ids["source"], 2)]
    # the relation between the two records is meaningless after the merge and goes
    assert sorted(r.describe() for r in detail.relations) == [
        "Rustam Asilderov leader of Vilaiyat Dagestan (from 2015)",
        "Rustam Asilderov pledged allegiance to ISIS (from 2015-06)",
    ]
    assert stat.claimant == "Rustam Asilderov"


def test_unmerge_restores_both_actors_exactly(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = {a.id: a for a in list_actors(s)}
        before_rustam = actor_detail(s, ids["rustam"])
        before_abu = actor_detail(s, ids["abu"])
    with archive.session() as s:
        record = merge_actors(s, ids["rustam"], ids["abu"])
    with archive.session() as s:
        assert unmerge(s, record) == ids["abu"]
    with archive.session() as s:
        after = {a.id: a for a in list_actors(s)}
        assert actor_detail(s, ids["rustam"]) == before_rustam
        assert actor_detail(s, ids["abu"]) == before_abu
    assert after == before


def test_merge_undo_redo_undo(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = actor_detail(s, ids["abu"])
    for _ in range(2):
        with archive.session() as s:
            record = merge_actors(s, ids["rustam"], ids["abu"])
        with archive.session() as s:
            unmerge(s, record)
    with archive.session() as s:
        assert actor_detail(s, ids["abu"]) == before


def test_merge_with_itself_is_refused(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    with archive.session() as s, pytest.raises(CommandError, match="itself"):
        merge_actors(s, two_asilderovs["abu"], two_asilderovs["abu"])


def test_merge_moves_place_and_outlet(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        uzel = add_actor(s, "Caucasian Knot", "media_outlet")
        dagestan = find_actor(s, "Dagestan")
        daghestan = add_actor(s, "Daghestan", "place")
        assert dagestan is not None
        record = merge_actors(s, uzel, ids["knot"])
        place_record = merge_actors(s, daghestan, dagestan)
    with archive.session() as s:
        [row] = source_rows(s, [ids["source"]])
        [stat] = list_statistics(s)
    assert row.outlet == "Caucasian Knot"
    assert stat.place == "Daghestan"
    with archive.session() as s:
        unmerge(s, place_record)
        unmerge(s, record)
    with archive.session() as s:
        [row] = source_rows(s, [ids["source"]])
        [stat] = list_statistics(s)
    assert row.outlet == "Kavkazsky Uzel"
    assert stat.place == "Dagestan"
