"""Correcting a source's text and placing an orphan: apply, revert, apply again, revert."""

from __future__ import annotations

from sqlalchemy import select

from db.anchors import orphans_of
from db.archive import Archive
from db.models import Source
from db.undo import AnchorsChanged, place_orphan, replace_text
from tests.db.undo.conftest import TEXT, round_trip

#: "Some 40 people" becomes "About forty people": the coded annotation on "40 people" is lost
CORRECTED = "About forty people were killed in Grozny, officials said. " + TEXT[TEXT.index("The army"):]


def test_replace_the_text_reanchoring_every_annotation(archive: Archive, seeded: dict[str, int]) -> None:
    change, redone = round_trip(
        archive, lambda s: replace_text(s, seeded["source"], CORRECTED),
        loose={"annotations": {"modified_at"}, "sources": {"modified_at"}},
    )
    assert isinstance(change, AnchorsChanged)
    assert change.text == TEXT
    assert change.report is not None
    assert seeded["coded"] in [o.annotation_id for o in change.report.orphaned]
    # applying it again puts back the same anchors and carries the same report
    assert isinstance(redone, AnchorsChanged)
    assert redone.report == change.report


def test_place_an_orphan(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        replace_text(s, seeded["source"], CORRECTED)
    with archive.session() as s:
        [orphan] = [o for o in orphans_of(s, [seeded["source"]]) if o.annotation_id == seeded["coded"]]
    at = CORRECTED.index("forty people")
    change, _ = round_trip(
        archive, lambda s: place_orphan(s, orphan.annotation_id, at, at + 12),
        loose={"annotations": {"modified_at"}},
    )
    assert isinstance(change, AnchorsChanged)
    assert change.text is None
    assert [a.orphaned for a in change.anchors] == [True]
    with archive.session() as s:
        assert s.scalar(select(Source.text).where(Source.id == seeded["source"])) == CORRECTED
