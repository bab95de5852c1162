"""Annotating: creating, editing and deleting annotations and mentions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.changes import ACTORS, ANNOTATIONS, CODES
from desktop.undo.base import ArchiveCommand, Creation, DeleteRows, IdOrRef, Ref, Window, resolve

if TYPE_CHECKING:
    from db.undo import Change, Session


class CreateAnnotation(Creation):
    touches = frozenset({ANNOTATIONS, CODES})

    def __init__(self, window: Window, source_id: int, start: int, end: int, *,
                 code_ids: Iterable[IdOrRef] = (), note: str | None = None,
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Annotate", ref, parent)
        self.source_id, self.start, self.end = source_id, start, end
        self.code_ids = list(code_ids)
        self.note = note or None

    def write(self, session: Session) -> Change:
        return db_undo.create_annotation(
            session, self.source_id, self.start, self.end,
            code_ids=[resolve(c) for c in self.code_ids], note=self.note,
        )


class CreateMention(Creation):
    """Mark a span as naming an actor; ``ref`` holds the mention's annotation (as panes know it)."""
    touches = frozenset({ANNOTATIONS, ACTORS})

    def __init__(self, window: Window, source_id: int, start: int, end: int, actor: IdOrRef,
                 ref: Ref | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Mark as mention", ref, parent)
        self.source_id, self.start, self.end, self.actor = source_id, start, end, actor

    def write(self, session: Session) -> Change:
        return db_undo.create_mention(session, self.source_id, self.start, self.end, resolve(self.actor))


def delete_annotation(window: Window, annotation_id: int) -> DeleteRows:
    return DeleteRows(window, "Delete annotation", [("annotations", annotation_id)])


def delete_mention(window: Window, annotation_id: int) -> DeleteRows:
    """Delete a mention (by its annotation's id, as the reader and panes know it)."""
    return DeleteRows(window, "Delete mention", [("annotations", annotation_id)])


class EditAnnotation(ArchiveCommand):
    """Change an annotation's codes and note."""
    touches = frozenset({ANNOTATIONS, CODES})

    def __init__(self, window: Window, annotation_id: int, code_ids: Iterable[IdOrRef],
                 note: str | None, parent: QUndoCommand | None = None, *,
                 shown: tuple[Iterable[int], str | None] | None = None) -> None:
        super().__init__(window, "Edit annotation", parent)
        self.annotation_id = annotation_id
        self.code_ids = list(code_ids)
        self.note = note or None
        #: the codes and note the editor showed: a colleague's change since refuses the edit
        self.shown = (tuple(shown[0]), shown[1]) if shown is not None else None

    def write(self, session: Session) -> Change:
        return db_undo.edit_annotation(
            session, self.annotation_id, [resolve(c) for c in self.code_ids], self.note, shown=self.shown
        )
