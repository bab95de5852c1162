"""Actors: creating, adding an alias, editing the record, merging, deleting: apply, revert, again."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from db.actors import RelationData, actor_detail, actor_state
from db.archive import Archive
from db.commands import add_actor, add_relation
from db.models import Alias
from db.undo import (
    ActorEdited,
    ActorsMerged,
    ActorsUnmerged,
    Inserted,
    add_alias,
    create_actor,
    delete_actor,
    edit_actor,
    merge_actors,
)
from tests.db.undo.conftest import round_trip


def test_create_an_actor_with_aliases(archive: Archive, seeded: dict[str, int]) -> None:
    change, redone = round_trip(archive, lambda s: create_actor(s, "Memorial", "organisation", ["Мемориал"]))
    assert isinstance(redone, Inserted)
    assert isinstance(change, Inserted)
    assert redone.id == change.id


def test_add_an_alias(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(archive, lambda s: add_alias(s, seeded["army"], "federal troops"))
    assert isinstance(change, Inserted)
    assert change.rows[0][0] == "aliases"


def test_an_alias_the_actor_has_already_adds_nothing(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        change = add_alias(s, seeded["army"], "Federal Forces")
        assert change.rows == ()
        undone = change.revert(s)
        assert undone.revert(s).rows == ()
        assert len(s.scalars(select(Alias.id)).all()) == 1


def test_delete_an_actor_with_everything_that_pointed_at_it(archive: Archive, seeded: dict[str, int]) -> None:
    """Aliases, mentions, relations and memos come back; so do the statistics it was claimant
    or place of and the sources it was the outlet of (exactly, timestamps included)."""
    with archive.session() as s:
        before = actor_detail(s, seeded["grozny"]), actor_detail(s, seeded["outlet"])
    round_trip(archive, lambda s: delete_actor(s, seeded["army"]))
    round_trip(archive, lambda s: delete_actor(s, seeded["grozny"]))
    round_trip(archive, lambda s: delete_actor(s, seeded["outlet"]))
    with archive.session() as s:
        assert (actor_detail(s, seeded["grozny"]), actor_detail(s, seeded["outlet"])) == before


def test_edit_an_actors_record(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        before = actor_state(s, seeded["army"])
        russia = add_actor(s, "Russia", "state_body")
        after = replace(
            before, notes="Federal troops", aliases=(("federal troops", None),),
            relations=(*before.relations, RelationData(seeded["army"], "part of", russia)),
        )
    change, _ = round_trip(
        archive, lambda s: edit_actor(s, seeded["army"], after),
        # an alias or relation the edit adds is made anew each time it is applied (the
        # relation with the same uuid)
        loose={"actors": {"modified_at"}, "aliases": {"id", "uuid", "created_at", "modified_at"}},
        redo_loose={"relations": {"created_at", "modified_at"}},
    )
    assert change == ActorEdited(seeded["army"], before)
    with archive.session() as s:
        assert actor_state(s, seeded["army"]) == before


def test_merge_actors_and_take_it_back(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        forces = add_actor(s, "Federal forces", "armed_group", aliases=["the federals"])
        add_relation(s, forces, "same as", seeded["army"])
        add_relation(s, forces, "fought in", seeded["grozny"])
    change, redone = round_trip(
        archive, lambda s: merge_actors(s, seeded["army"], forces),
        # moving a mention or relation is an edit of it; aliases on the survivor are made anew
        loose={"*": {"modified_at"}},
        redo_loose={"aliases": {"id", "uuid", "created_at"}},
    )
    assert isinstance(change, ActorsMerged)
    assert isinstance(redone, ActorsMerged)
    assert redone.record.merged_id == forces
    with archive.session() as s:
        merged = merge_actors(s, seeded["army"], forces)
    with archive.session() as s:
        assert merged.revert(s) == ActorsUnmerged(seeded["army"], forces)
