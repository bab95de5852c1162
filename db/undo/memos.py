"""Memos: writing (or clearing) the memo on a source, actor, statistic or code, undoably."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.commands import set_memo
from db.lookup import memo_text
from db.undo.base import Change


@dataclass(frozen=True)
class MemoEdited(Change):
    """The memo's text on a row before an edit ("" when it had none)."""

    target_kind: str
    target_uuid: str
    text: str

    def revert(self, session: Session) -> MemoEdited:
        return edit_memo(session, self.target_kind, self.target_uuid, self.text)


def edit_memo(session: Session, target_kind: str, target_uuid: str, text: str) -> MemoEdited:
    """Write the memo on a row (an empty text clears it)."""
    before = memo_text(session, target_kind, target_uuid) or ""
    set_memo(session, target_kind, target_uuid, text)
    return MemoEdited(target_kind, target_uuid, before)


__all__ = ["MemoEdited", "edit_memo"]
