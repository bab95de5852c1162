"""Annotations and mentions: creating, editing (codes and note) and deleting them, undoably."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import commands
from db.models import Annotation, Code, Mention, annotation_codes
from db.undo.base import Change, Deleted, Inserted, delete_rows


def create_annotation(
    session: Session,
    source_id: int,
    start: int,
    end: int,
    *,
    code_ids: Iterable[int] = (),
    note: str | None = None,
) -> Inserted:
    """Annotate a span with codes and a note."""
    return Inserted(
        (("annotations", commands.add_annotation(session, source_id, start, end, code_ids=code_ids, note=note)),)
    )


def create_mention(session: Session, source_id: int, start: int, end: int, actor_id: int) -> Inserted:
    """Mark a span as naming an actor: the annotation, whose mention lives and dies with it."""
    mention_id = commands.add_mention(session, source_id, start, end, actor_id)
    annotation_id = session.scalar(select(Mention.annotation_id).where(Mention.id == mention_id))
    assert annotation_id is not None
    return Inserted((("annotations", int(annotation_id)),))


def delete_annotation(session: Session, annotation_id: int) -> Deleted:
    """Delete an annotation, or a mention by its annotation's id (as the reader knows it)."""
    return delete_rows(session, [("annotations", annotation_id)])


@dataclass(frozen=True)
class AnnotationEdited(Change):
    """An annotation's codes and note before an edit."""

    annotation_id: int
    code_ids: tuple[int, ...]
    note: str | None

    def revert(self, session: Session) -> AnnotationEdited:
        now = _codes_and_note(session, self.annotation_id)
        # a code deleted since (by a later edit that was not undone) cannot come back here
        existing = set(session.scalars(select(Code.id).where(Code.id.in_(self.code_ids))))
        commands.set_annotation_codes(session, self.annotation_id, [c for c in self.code_ids if c in existing])
        commands.update_annotation(session, self.annotation_id, note=self.note)
        return now


def _codes_and_note(session: Session, annotation_id: int) -> AnnotationEdited:
    note = session.scalar(select(Annotation.note).where(Annotation.id == annotation_id))
    codes = session.scalars(
        select(annotation_codes.c.code_id).where(annotation_codes.c.annotation_id == annotation_id)
    )
    return AnnotationEdited(annotation_id, tuple(codes), note)


def edit_annotation(
    session: Session, annotation_id: int, code_ids: Iterable[int], note: str | None, *,
    shown: tuple[Iterable[int], str | None] | None = None,
) -> AnnotationEdited:
    """Give an annotation these codes and this note (None: no note); with the codes and note the
    editor ``shown``, refused when someone else changed either meanwhile."""
    before = _codes_and_note(session, annotation_id)
    if shown is not None and (set(shown[0]), shown[1] or None) != (set(before.code_ids), before.note or None):
        from db.versions import changed_meanwhile, last_change

        raise changed_meanwhile(*last_change(session, Annotation, Annotation.id == annotation_id))
    commands.set_annotation_codes(session, annotation_id, code_ids)
    commands.update_annotation(session, annotation_id, note=note)
    return before


__all__ = [
    "AnnotationEdited",
    "create_annotation",
    "create_mention",
    "delete_annotation",
    "edit_annotation",
]
