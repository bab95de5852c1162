"""The codebook: creating, editing, merging and deleting codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.changes import ANNOTATIONS, CODES
from desktop.undo.base import ArchiveCommand, Creation, DeleteRows, IdOrRef, Ref, Window, resolve

if TYPE_CHECKING:
    from db.undo import Change, Session


class CreateCode(Creation):
    touches = frozenset({CODES})

    def __init__(self, window: Window, name: str, color: str = "#ffd54f",
                 parent_code: IdOrRef | None = None, ref: Ref | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, f"Create code {name}", ref, parent)
        self.name, self.color, self.parent_code = name, color, parent_code

    def write(self, session: Session) -> Change:
        parent_id = resolve(self.parent_code) if self.parent_code is not None else None
        return db_undo.create_code(session, self.name, self.color, parent_id)


class EditCode(ArchiveCommand):
    """Rename, recolour or nest a code (``parent_code=None`` with ``move=True``: top level)."""
    touches = frozenset({CODES, ANNOTATIONS})

    def __init__(self, window: Window, code_id: int, *, name: str | None = None,
                 color: str | None = None, parent_code: int | None = None, move: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        what = "Rename code" if name else "Recolour code" if color else "Move code"
        super().__init__(window, what, parent)
        self.code_id, self.name, self.color = code_id, name, color
        self.parent_code, self.move = parent_code, move

    def write(self, session: Session) -> Change:
        return db_undo.edit_code(
            session, self.code_id, name=self.name, color=self.color,
            parent_id=self.parent_code if self.move else "keep",
        )


class MergeCodes(ArchiveCommand):
    """Merge one code into another: its annotations and sub-codes move to the target."""

    def __init__(self, window: Window, code_id: int, into_id: int, text: str = "Merge codes",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(window, text, parent)
        self.code_id, self.into_id = code_id, into_id

    def write(self, session: Session) -> Change:
        return db_undo.merge_codes(session, self.code_id, self.into_id)


def delete_code(window: Window, code_id: int, name: str = "") -> DeleteRows:
    return DeleteRows(window, f"Delete code {name}".strip(), [("codes", code_id)])
