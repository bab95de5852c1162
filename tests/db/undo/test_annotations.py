"""Creating, editing and deleting annotations and mentions: apply, revert, apply again, revert."""

from __future__ import annotations

from sqlalchemy import func, select

from db.archive import Archive
from db.codebook import delete_code
from db.models import Annotation, Mention, Statistic
from db.queries import annotations_of
from db.undo import (
    AnnotationEdited,
    Inserted,
    create_annotation,
    create_mention,
    delete_annotation,
    edit_annotation,
)
from tests.db.undo.conftest import TEXT, round_trip


def test_create_an_annotation(archive: Archive, seeded: dict[str, int]) -> None:
    at = TEXT.index("officials")
    change, redone = round_trip(archive, lambda s: create_annotation(
        s, seeded["source"], at, at + 9, code_ids=[seeded["denial"]], note="who?"))
    assert isinstance(change, Inserted)
    assert isinstance(redone, Inserted)
    assert redone.id == change.id  # the same row comes back, not a new one
    with archive.session() as s:
        assert s.scalar(select(func.count(Annotation.id))) == 3


def test_create_a_mention(archive: Archive, seeded: dict[str, int]) -> None:
    at = TEXT.index("officials")
    change, redone = round_trip(
        archive, lambda s: create_mention(s, seeded["source"], at, at + 9, seeded["army"])
    )
    assert isinstance(change, Inserted)
    assert change.rows == (("annotations", change.id),)
    assert isinstance(redone, Inserted)
    assert redone.id == change.id
    with archive.session() as s:
        # the mention lives and dies with its annotation
        assert s.scalar(select(func.count(Mention.id))) == 1


def test_delete_an_annotation_that_evidences_a_relation(archive: Archive, seeded: dict[str, int]) -> None:
    # its codes' links, and the relation's evidence, come back with it (round_trip compares rows)
    round_trip(archive, lambda s: delete_annotation(s, seeded["coded"]))


def test_delete_a_mention_by_its_annotation(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        annotation_id = s.scalar(select(Mention.annotation_id).where(Mention.id == seeded["mention"]))
    assert annotation_id is not None
    round_trip(archive, lambda s: delete_annotation(s, annotation_id))


def test_delete_the_span_of_a_statistic_keeps_the_statistic(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        span = s.scalar(select(Statistic.annotation_id).where(Statistic.id == seeded["statistic"]))
    assert span is not None
    round_trip(archive, lambda s: delete_annotation(s, span))


def test_edit_an_annotation(archive: Archive, seeded: dict[str, int]) -> None:
    change, _ = round_trip(
        archive,
        lambda s: edit_annotation(s, seeded["coded"], [seeded["violence"]], "checked"),
        loose={"annotations": {"modified_at"}},
    )
    assert change == AnnotationEdited(seeded["coded"], (seeded["killing"], seeded["denial"]), "check")


def test_undoing_an_edit_leaves_out_a_code_deleted_since(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        change = edit_annotation(s, seeded["coded"], [], None)
    with archive.session() as s:
        delete_code(s, seeded["denial"])
    with archive.session() as s:
        change.revert(s)
    with archive.session() as s:
        [row] = [r for r in annotations_of(s, seeded["source"]) if r.id == seeded["coded"]]
    assert (row.codes, row.note) == (("killing",), "check")
