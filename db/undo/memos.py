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


def edit_memo(session: Session, target_kind: str, target_uuid: str, text: str, *,
              shown: str | None = None) -> MemoEdited:
    """Write the memo on a row (an empty text clears it); with the text the editor ``shown``
    ("" for no memo), refused when someone else wrote or cleared it meanwhile."""
    before = memo_text(session, target_kind, target_uuid) or ""
    if shown is not None and shown != before:
        from db.models import Memo
        from db.versions import changed_meanwhile, last_change

        raise changed_meanwhile(*last_change(session, Memo, Memo.target_kind == target_kind,
                                             Memo.target_uuid == target_uuid))
    set_memo(session, target_kind, target_uuid, text)
    return MemoEdited(target_kind, target_uuid, before)


__all__ = ["MemoEdited", "edit_memo"]
