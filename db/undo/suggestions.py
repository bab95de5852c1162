"""Turning a suggestion down (so it is not offered again), undoably."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db import suggestions
from db.undo.base import Inserted


def reject_suggestion(
    session: Session, source_id: int, kind: str, start: int, end: int, key: str
) -> Inserted:
    """Remember that the researcher turned a suggestion down; reverting offers it again."""
    rejected = suggestions.reject_suggestion(session, source_id, kind, start, end, key)
    return Inserted((("rejected_suggestions", rejected),))


__all__ = ["reject_suggestion"]
