"""What every undoable write returns: a :class:`Change`, which knows how to take itself back.

A write does its work in the caller's transaction and returns a small frozen record of what it
did. ``change.revert(session)`` takes it back and returns the change that reverting made, whose
``revert`` applies the write again, and so on::

    done = create_annotation(session, ...)   # Inserted: the annotation's row
    undone = done.revert(session)            # Deleted: a snapshot of it
    done = undone.revert(session)            # Inserted: the same row, same id and uuid

Rows come back through :mod:`db.snapshots`, so applying a creation again restores its rows
rather than making new ones (memos, which point at uuids, stay attached).

``Session`` is named here (it is SQLAlchemy's) so that the window's undo commands can type the
unit of work they hand on without importing the ORM.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.commands import CommandError
from db.snapshots import RowKey, Snapshot, capture_and_delete, restore


class Change(ABC):
    """One write as done; :meth:`revert` takes it back and returns the change that made."""

    @abstractmethod
    def revert(self, session: Session) -> Change:
        """Take the change back in the caller's transaction; the result applies it again."""


@dataclass(frozen=True)
class Inserted(Change):
    """Rows a write made (or that reverting a deletion put back); reverting deletes them."""

    #: (table, id), the main row first; rows that cascade from them go with them
    rows: tuple[RowKey, ...]

    @property
    def id(self) -> int:
        """The main row's id."""
        if not self.rows:
            raise CommandError("nothing was made")
        return self.rows[0][1]

    def revert(self, session: Session) -> Deleted:
        return Deleted(capture_and_delete(session, self.rows))


@dataclass(frozen=True)
class Deleted(Change):
    """Rows a write deleted, with everything that went with them; reverting restores them."""

    snapshot: Snapshot

    @property
    def rows(self) -> tuple[RowKey, ...]:
        """The rows the write deleted (what cascaded from them aside)."""
        return self.snapshot.roots

    def revert(self, session: Session) -> Inserted:
        moved = restore(session, self.snapshot)
        return Inserted(tuple((table, moved.get((table, i), i)) for table, i in self.rows))


@dataclass(frozen=True)
class Changes(Change):
    """Several changes made one after the other; reverting takes them back last first."""

    parts: tuple[Change, ...]

    def revert(self, session: Session) -> Changes:
        return Changes(tuple(part.revert(session) for part in reversed(self.parts)))


def delete_rows(session: Session, rows: Iterable[RowKey]) -> Deleted:
    """Delete rows (an annotation, a mention by its annotation, a code ...) and what cascades."""
    return Deleted(capture_and_delete(session, rows))


__all__ = ["Change", "Changes", "Deleted", "Inserted", "Session", "delete_rows"]
