"""The codebook: creating, editing (name, colour, place), merging and deleting codes, undoably."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, tuple_
from sqlalchemy.orm import Session

from db import codebook, commands
from db.models import Code, annotation_codes
from db.queries import in_chunks
from db.snapshots import Snapshot, capture, restore
from db.undo.base import Change, Deleted, Inserted, delete_rows


def create_code(
    session: Session, name: str, color: str = "#ffd54f", parent_id: int | None = None
) -> Inserted:
    """A new code (under ``parent_id``, or at the top level)."""
    return Inserted((("codes", codebook.add_code(session, name, color, parent_id)),))


def delete_code(session: Session, code_id: int) -> Deleted:
    """Delete a code and its sub-codes; the annotations stay, without these codes."""
    return delete_rows(session, [("codes", code_id)])


@dataclass(frozen=True)
class CodeEdited(Change):
    """A code's name, colour and parent before an edit."""

    code_id: int
    name: str
    color: str
    parent_id: int | None

    def revert(self, session: Session) -> CodeEdited:
        now = _code(session, self.code_id)
        codebook.update_code(session, self.code_id, name=self.name, color=self.color, parent_id=self.parent_id)
        return now


def _code(session: Session, code_id: int) -> CodeEdited:
    code = session.get(Code, code_id)
    if code is None:
        raise commands.CommandError(f"no code {code_id}")
    return CodeEdited(code_id, code.name, code.color, code.parent_id)


def edit_code(
    session: Session,
    code_id: int,
    *,
    name: str | None = None,
    color: str | None = None,
    parent_id: int | Literal["keep"] | None = "keep",
) -> CodeEdited:
    """Rename, recolour or move a code (``parent_id=None``: to the top level)."""
    before = _code(session, code_id)
    codebook.update_code(session, code_id, name=name, color=color, parent_id=parent_id)
    return before


@dataclass(frozen=True)
class CodesMerged(Change):
    """A code merged into another: the merged code as it was, and what the merge changed."""

    code_id: int
    into_id: int
    #: the merged code with its sub-codes and their annotations' links, before the merge
    before: Snapshot
    merge: codebook.CodeMerge

    def revert(self, session: Session) -> CodeUnmerged:
        for chunk in in_chunks(self.merge.links_added):
            session.execute(delete(annotation_codes).where(
                tuple_(annotation_codes.c.code_id, annotation_codes.c.annotation_id).in_(chunk)
            ))
        # the sub-codes that moved under the target come back (with their own links) from `before`
        for ids in in_chunks(self.merge.reparented):
            session.execute(delete(Code).where(Code.id.in_(ids)))
        moved = restore(session, self.before)
        return CodeUnmerged(moved.get(("codes", self.code_id), self.code_id), self.into_id)


@dataclass(frozen=True)
class CodeUnmerged(Change):
    """A merge of codes taken back; reverting merges them again."""

    code_id: int
    into_id: int

    def revert(self, session: Session) -> CodesMerged:
        return merge_codes(session, self.code_id, self.into_id)


def merge_codes(session: Session, code_id: int, into_id: int) -> CodesMerged:
    """Merge one code into another: its annotations and sub-codes move to the target."""
    before = capture(session, [("codes", code_id)])
    return CodesMerged(code_id, into_id, before, codebook.merge_codes(session, code_id, into_id))


__all__ = [
    "CodeEdited",
    "CodeUnmerged",
    "CodesMerged",
    "create_code",
    "delete_code",
    "edit_code",
    "merge_codes",
]
