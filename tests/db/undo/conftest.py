"""A small archive with one of everything, and the round trip every undoable write must make."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.archive import Archive
from db.base import Base
from db.codebook import add_code
from db.commands import add_actor, add_annotation, add_mention, add_relation, set_memo
from db.models import Actor, Annotation, Code, Source, Statistic
from db.undo import Change
from tests.factories import make_source, make_statistic

TEXT = (
    "Some 40 people were killed in Grozny, officials said. The army denied it. "
    "Later reports put the toll at 45 in the Grozny district."
)

Rows = dict[str, list[tuple[Any, ...]]]
#: columns left out of a comparison: {table: {column, ...}}, "*" for every table
Loose = Mapping[str, set[str]]


#: what undo does not take back, by design: a row's version counts every change (an undo too, so
#: "changed by X meanwhile" sees it), and a deletion leaves a tombstone (putting the row back
#: removes it; an undone creation leaves one for a UUID no other archive has)
CHANGE_COUNTERS = {"*": {"version"}}
BOOKKEEPING_TABLES = {"tombstones"}


def dump(archive: Archive, loose: Loose | None = None) -> Rows:
    """Every row of every table, as plain values (ids, uuids and timestamps included)."""
    loose = _union(loose, CHANGE_COUNTERS)
    rows: Rows = {}
    with archive.session() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in BOOKKEEPING_TABLES:
                continue
            skip = loose.get("*", set()) | loose.get(table.name, set())
            columns = [c for c in table.c if c.name not in skip]
            rows[table.name] = sorted((tuple(r) for r in s.execute(select(*columns))), key=repr)
    return rows


def check_sound(archive: Archive) -> None:
    """Foreign keys hold and every placed annotation's span reads its quote."""
    with archive.session() as s:
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        spans = s.execute(
            select(Source.text, Annotation.start, Annotation.end, Annotation.quote, Annotation.orphaned)
            .join(Source, Source.id == Annotation.source_id)
        ).all()
    for body, start, end, quote, orphaned in spans:
        if not orphaned:
            assert body[start:end] == quote


def _union(a: Loose | None, b: Loose | None) -> Loose:
    a, b = a or {}, b or {}
    return {k: a.get(k, set()) | b.get(k, set()) for k in {*a, *b}}


def round_trip(
    archive: Archive,
    write: Callable[[Session], Change],
    *,
    loose: Loose | None = None,
    redo_loose: Loose | None = None,
) -> tuple[Change, Change]:
    """Apply a write, revert it, apply it again, revert again: each time the archive is exactly
    as before the write or as after it, foreign keys hold and spans read their quotes.

    ``loose``: columns no comparison looks at; ``redo_loose``: what applying again makes anew.
    Returns the first change and the one applying it again made.
    """
    before = dump(archive, loose)
    check_sound(archive)
    with archive.session() as s:
        change = write(s)
    after, after_redo = dump(archive, loose), dump(archive, _union(loose, redo_loose))
    check_sound(archive)
    assert after != before
    with archive.session() as s:
        undone = change.revert(s)
    assert dump(archive, loose) == before
    check_sound(archive)
    with archive.session() as s:
        redone = undone.revert(s)
    assert dump(archive, _union(loose, redo_loose)) == after_redo
    check_sound(archive)
    with archive.session() as s:
        redone.revert(s)
    assert dump(archive, loose) == before
    check_sound(archive)
    return change, redone


@pytest.fixture
def seeded(archive: Archive) -> dict[str, int]:
    """A source with an outlet, codes, a coded annotation, a mention, a statistic, a relation, memos."""
    source = make_source(archive, TEXT, outlet="Kavkaz Uzel")
    statistic = make_statistic(archive, source, "40 people", claimant="officials", place="Grozny")
    with archive.session() as s:
        violence = add_code(s, "violence", "#e57373")
        killing = add_code(s, "killing", "#ef5350", parent_id=violence)
        denial = add_code(s, "denial", "#64b5f6")
        coded = add_annotation(s, source, 5, 14, code_ids=[killing, denial], note="check")
        army = add_actor(s, "the army", "armed_group", aliases=["federal forces"])
        at = TEXT.index("The army")
        mention = add_mention(s, source, at, at + 8, army)
        grozny = s.scalar(select(Statistic.place_id).where(Statistic.id == statistic))
        assert grozny is not None
        add_relation(s, army, "present in", grozny, evidence_annotation_id=coded)
        outlet = s.scalar(select(Source.outlet_id).where(Source.id == source))
        assert outlet is not None
    with archive.session() as s:
        army_uuid = s.scalar(select(Actor.uuid).where(Actor.id == army))
        code_uuid = s.scalar(select(Code.uuid).where(Code.id == violence))
        assert army_uuid is not None
        assert code_uuid is not None
        set_memo(s, "actor", army_uuid, "Which units?")
        set_memo(s, "code", code_uuid, "Deaths and injuries")
    return dict(source=source, statistic=statistic, violence=violence, killing=killing,
                denial=denial, coded=coded, army=army, mention=mention, grozny=grozny, outlet=outlet)
