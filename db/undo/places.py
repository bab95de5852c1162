"""Place coordinates: setting (or clearing) where a place actor is on the map, undoably."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.places import place_point, set_place_point
from db.undo.base import Change


@dataclass(frozen=True)
class CoordinatesSet(Change):
    """A place's coordinates before an edit (None: it had none set)."""

    actor_id: int
    point: tuple[float, float] | None

    def revert(self, session: Session) -> CoordinatesSet:
        return set_coordinates(session, self.actor_id, self.point)


def set_coordinates(session: Session, actor_id: int, point: tuple[float, float] | None) -> CoordinatesSet:
    """Put a place actor at ``point`` (latitude, longitude); None clears what was set."""
    before = place_point(session, actor_id)
    set_place_point(session, actor_id, point)
    return CoordinatesSet(actor_id, before)


__all__ = ["CoordinatesSet", "set_coordinates"]
