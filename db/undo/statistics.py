"""Statistics: recording one (with the claimant and place actors it makes), editing, deleting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import commands
from db.models import Actor, Statistic
from db.snapshots import RowKey
from db.statistic_edits import update_statistic
from db.undo.base import Change, Changes, Deleted, Inserted, delete_rows


def create_statistic(session: Session, new: commands.NewStatistic) -> Inserted:
    """Record a statistic: the statistic, its span, and the claimant or place actors it made."""
    last_actor = session.scalar(select(func.max(Actor.id))) or 0
    statistic_id = commands.add_statistic(session, new)
    made = session.scalars(select(Actor.id).where(Actor.id > last_actor).order_by(Actor.id))
    return Inserted((("statistics", statistic_id), *_span(session, statistic_id),
                     *(("actors", a) for a in made)))


def _span(session: Session, statistic_id: int) -> list[RowKey]:
    span = session.scalar(select(Statistic.annotation_id).where(Statistic.id == statistic_id))
    return [("annotations", int(span))] if span is not None else []


def delete_statistic(session: Session, statistic_id: int) -> Deleted:
    """Delete a statistic and its span (the quote's annotation)."""
    return delete_rows(session, [("statistics", statistic_id), *_span(session, statistic_id)])


@dataclass(frozen=True)
class StatisticEdited(Change):
    """Some fields of a statistic before an edit, in :func:`update_statistic`'s form."""

    statistic_id: int
    values: Mapping[str, Any]

    def revert(self, session: Session) -> StatisticEdited:
        return StatisticEdited(self.statistic_id, update_statistic(session, self.statistic_id, self.values))


def edit_statistic(session: Session, statistic_id: int, changes: Mapping[str, Any], *,
                   expected_version: int | None = None) -> Change:
    """Change some fields of one statistic (see :func:`db.statistic_edits.update_statistic`).

    A place or claimant named for the first time becomes an actor: the change is then both
    (:class:`Changes`), and reverting it takes the new actor away after the edit.
    """
    from db.versions import expect_version

    expect_version(session, Statistic, statistic_id, expected_version)
    last_actor = session.scalar(select(func.max(Actor.id))) or 0
    edited = StatisticEdited(statistic_id, update_statistic(session, statistic_id, changes))
    made = session.scalars(select(Actor.id).where(Actor.id > last_actor).order_by(Actor.id)).all()
    if not made:
        return edited
    return Changes((Inserted(tuple(("actors", a) for a in made)), edited))


__all__ = ["StatisticEdited", "create_statistic", "delete_statistic", "edit_statistic"]
