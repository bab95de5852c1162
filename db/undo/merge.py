"""Merging another researcher's archive as one undoable step (db.merge.run.merge_into)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from db.archive import Archive
from db.merge.run import Decisions, MergeResult, merge_into
from db.undo.base import Change, Changes


def merge_archive(session: Session, archive: Archive, other: str | Path,
                  decisions: Decisions | None = None) -> tuple[Change, MergeResult]:
    """Merge ``other`` into ``archive`` in ``session``; the change reverts the whole merge."""
    result = merge_into(session, archive, other, decisions=decisions)
    return (result.change or Changes(())), result


__all__ = ["merge_archive"]
