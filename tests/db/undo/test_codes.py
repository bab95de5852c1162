"""The codebook: creating, editing, merging and deleting codes: apply, revert, apply again, revert."""

from __future__ import annotations

from sqlalchemy import select

from db.archive import Archive
from db.codebook import add_code
from db.commands import add_annotation
from db.models import Code
from db.queries import annotations_of, list_codes
from db.undo import (
    CodeEdited,
    CodesMerged,
    Inserted,
    create_code,
    delete_code,
    edit_code,
    merge_codes,
)
from tests.db.undo.conftest import round_trip


def test_create_a_sub_code(archive: Archive, seeded: dict[str, int]) -> None:
    change, redone = round_trip(archive, lambda s: create_code(s, "shelling", "#ff0000", seeded["violence"]))
    assert isinstance(change, Inserted)
    assert isinstance(redone, Inserted)
    assert redone.id == change.id


def test_delete_a_code_with_its_sub_codes_and_links(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(archive, lambda s: delete_code(s, seeded["violence"]))
    assert change.snapshot.ids("codes") == [seeded["violence"], seeded["killing"]]


def test_rename_recolour_and_move_a_code(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(
        archive,
        lambda s: edit_code(s, seeded["killing"], name="killings", color="#000000", parent_id=None),
        loose={"codes": {"modified_at"}},
    )
    assert change == CodeEdited(seeded["killing"], "killing", "#ef5350", seeded["violence"])


def test_edit_keeps_the_parent_unless_asked(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        edit_code(s, seeded["killing"], name="killings")
        assert s.scalar(select(Code.parent_id).where(Code.id == seeded["killing"])) == seeded["violence"]


def test_merge_codes_moving_links_and_sub_codes(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        # "violence" has "killing" under it; the target "denial" gets a "killing" of its own,
        # into which violence's is merged in turn, and a "shelling" that just moves over
        other = add_annotation(s, seeded["source"], 0, 4, code_ids=[seeded["violence"]])
        denial_killing = add_code(s, "killing", "#111111", parent_id=seeded["denial"])
        shelling = add_code(s, "shelling", "#222222", parent_id=seeded["violence"])
        add_annotation(s, seeded["source"], 20, 26, code_ids=[shelling])
    change, redone = round_trip(
        archive, lambda s: merge_codes(s, seeded["violence"], seeded["denial"]),
        loose={"codes": {"modified_at"}},
    )
    assert isinstance(change, CodesMerged)
    assert (seeded["denial"], other) in change.merge.links_added
    assert (denial_killing, seeded["coded"]) in change.merge.links_added
    assert change.merge.reparented == (shelling,)
    assert isinstance(redone, CodesMerged)
    with archive.session() as s:
        codes = {(c.name, c.parent_id) for c in list_codes(s)}
        assert ("violence", None) in codes
        rows = {r.id: r for r in annotations_of(s, seeded["source"])}
    assert set(rows[seeded["coded"]].codes) == {"killing", "denial"}
    assert rows[other].codes == ("violence",)
