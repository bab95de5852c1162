"""Deleting a row and restoring its snapshot brings back the same rows (what undo relies on)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.codebook import add_code, code_usage, delete_code, merge_codes, update_code
from db.commands import CommandError, add_annotation, add_mention, add_relation, find_or_add_actor
from db.models import (
    Actor,
    Annotation,
    Code,
    Mention,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)
from db.queries import annotations_of, list_codes
from db.snapshots import capture_and_delete, restore
from tests.factories import make_source, make_statistic

TEXT = "Some 40 people were killed in Grozny, officials said. The army denied it."


def dump(archive: Archive) -> dict[str, Any]:
    """Every row an edit could touch, as plain values."""
    with archive.session() as s:
        tables = {}
        for model in (Annotation, Code, Mention, Statistic, Actor, Relation, Source):
            table = model.__table__
            tables[table.name] = sorted(
                (tuple(r) for r in s.execute(select(table)).all()), key=repr
            )
        tables["annotation_codes"] = sorted(tuple(r) for r in s.execute(select(annotation_codes)).all())
        return tables


def seeded(archive: Archive) -> dict[str, int]:
    source = make_source(archive, TEXT, outlet="Kavkaz Uzel")
    statistic = make_statistic(archive, source, "40 people", claimant="officials")
    with archive.session() as s:
        violence = add_code(s, "violence", "#e57373")
        killing = add_code(s, "killing", "#ef5350", parent_id=violence)
        denial = add_code(s, "denial", "#64b5f6")
        coded = add_annotation(s, source, 5, 14, code_ids=[killing, denial], note="check")
        army = find_or_add_actor(s, "the army", "armed_group")
        mention = add_mention(s, source, TEXT.index("The army"), TEXT.index("The army") + 8, army)
        grozny = find_or_add_actor(s, "Grozny", "place")
        add_relation(s, army, "present in", grozny, evidence_annotation_id=coded)
        outlet = s.scalar(select(Source.outlet_id).where(Source.id == source))
        assert outlet is not None
    return dict(source=source, statistic=statistic, violence=violence, killing=killing,
                denial=denial, coded=coded, army=army, mention=mention, outlet=outlet)


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("annotations", "coded"),
        ("codes", "violence"),
        ("codes", "denial"),
        ("mentions", "mention"),
        ("statistics", "statistic"),
        ("actors", "army"),
        ("actors", "outlet"),
    ],
)
def test_delete_then_restore_gives_back_the_same_rows(archive: Archive, table: str, key: str) -> None:
    ids = seeded(archive)
    before = dump(archive)
    with archive.session() as s:
        snapshot = capture_and_delete(s, [(table, ids[key])])
    assert dump(archive) != before
    with archive.session() as s:
        assert restore(s, snapshot) == {}
    assert dump(archive) == before


def test_deleting_an_annotation_keeps_its_statistic_and_undo_relinks_it(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        span = s.scalar(select(Statistic.annotation_id).where(Statistic.id == ids["statistic"]))
        assert span is not None
        snapshot = capture_and_delete(s, [("annotations", span)])
    with archive.session() as s:
        assert s.scalar(select(Statistic.annotation_id).where(Statistic.id == ids["statistic"])) is None
        restore(s, snapshot)
    with archive.session() as s:
        assert s.scalar(select(Statistic.annotation_id).where(Statistic.id == ids["statistic"])) == span


def test_a_restored_row_whose_id_was_taken_gets_a_new_one_and_keeps_its_links(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        snapshot = capture_and_delete(s, [("annotations", ids["coded"])])
        s.execute(Annotation.__table__.insert().values(
            id=ids["coded"], uuid="x" * 36, source_id=ids["source"], start=0, end=4,
            quote="Some", prefix="", suffix=""))
    with archive.session() as s:
        moved = restore(s, snapshot)
        new_id = moved[("annotations", ids["coded"])]
        row = {r.id: r for r in annotations_of(s, ids["source"])}[new_id]
        assert (row.quote, row.note, set(row.codes)) == ("40 people", "check", {"killing", "denial"})


def test_codebook_edits(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        update_code(s, ids["denial"], name="official denial", color="#1e88e5", parent_id=ids["violence"])
        with pytest.raises(CommandError, match="inside itself"):
            update_code(s, ids["violence"], parent_id=ids["killing"])
        with pytest.raises(CommandError, match="already a code"):
            update_code(s, ids["killing"], name="official denial")
        assert code_usage(s, ids["violence"]) == 1
        codes = {c.name: c for c in list_codes(s)}
        assert codes["official denial"].parent_id == ids["violence"]
        assert codes["official denial"].color == "#1e88e5"


def test_merging_codes_moves_annotations_and_sub_codes(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        other = add_annotation(s, ids["source"], 0, 4, code_ids=[ids["violence"]])
        merge = merge_codes(s, ids["violence"], ids["denial"])
        assert merge.links_added == ((ids["denial"], other),)
        assert merge.reparented == (ids["killing"],)
        codes = {c.name: c for c in list_codes(s)}
        assert "violence" not in codes
        assert codes["killing"].parent_id == ids["denial"]
        rows = {r.id: r for r in annotations_of(s, ids["source"])}
        assert rows[other].codes == ("denial",)
        with pytest.raises(CommandError):
            merge_codes(s, ids["denial"], ids["killing"])


def test_deleting_a_code_keeps_its_annotations(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        delete_code(s, ids["violence"])
        assert {c.name for c in list_codes(s)} == {"denial"}
        rows = {r.id: r for r in annotations_of(s, ids["source"])}
        assert rows[ids["coded"]].codes == ("denial",)


def test_several_rows_at_once_come_back_whatever_the_order_asked(archive: Archive) -> None:
    ids = seeded(archive)
    before = dump(archive)
    rows = [("codes", ids["killing"]), ("codes", ids["violence"]), ("annotations", ids["coded"]),
            ("actors", ids["army"]), ("statistics", ids["statistic"])]
    with archive.session() as s:
        snapshot = capture_and_delete(s, [*rows, ("codes", 9999)])
    assert snapshot.roots == tuple(rows)
    with archive.session() as s:
        assert s.scalar(select(Code.id).where(Code.id == ids["killing"])) is None
        assert restore(s, snapshot) == {}
    assert dump(archive) == before


def test_a_restored_parent_whose_id_was_taken_takes_its_children_along(archive: Archive) -> None:
    ids = seeded(archive)
    with archive.session() as s:
        snapshot = capture_and_delete(s, [("codes", ids["violence"])])
        s.execute(Code.__table__.insert().values(id=ids["violence"], uuid="y" * 36, name="other"))
    with archive.session() as s:
        moved = restore(s, snapshot)
        new_id = moved[("codes", ids["violence"])]
        codes = {c.name: c for c in list_codes(s)}
        assert codes["violence"].id == new_id
        assert codes["killing"].parent_id == new_id
        rows = {r.id: r for r in annotations_of(s, ids["source"])}
        assert set(rows[ids["coded"]].codes) == {"killing", "denial"}
