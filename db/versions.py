"""Two people editing the same row: a clear "changed by X meanwhile" instead of a silent overwrite.

Every researcher's row carries ``version`` (raised by one on each change, by a trigger, schema
0016) and ``modified_by``. A form remembers the version it showed; the write checks it first
(:func:`expect_version`) in the same transaction, and refuses when someone else saved since.
Where what a form shows is not one row (an annotation's codes, a memo that may not exist yet),
the write compares what the form showed with what is there instead, and refuses the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import Tracked
from db.commands import CommandError


class ChangedMeanwhile(CommandError):
    """The row was changed by someone else since the form showed it; nothing was written."""

    @property
    def what(self) -> str:
        """What happened meanwhile, for a notice: "changed by Madina meanwhile at 19:04"."""
        return str(self).split(";")[0]


def version_of(session: Session, model: type[Tracked], row_id: int) -> int:
    """The row's version, to hand back to :func:`expect_version` with the edit."""
    version = session.scalar(select(model.version).where(model.id == row_id))
    if version is None:
        raise CommandError(f"no {model.__name__.lower()} {row_id}")
    return int(version)


def expect_version(session: Session, model: Any, row_id: int, version: int | None) -> None:
    """Refuse the edit when the row is no longer at ``version`` (None: no check).

    The row is locked for the rest of the transaction on PostgreSQL (``FOR UPDATE``), so the
    check and the write that follows cannot be overtaken."""
    if version is None:
        return
    query = select(model.version, model.modified_by, model.modified_at).where(model.id == row_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = session.execute(query).one_or_none()
    if found is None:
        raise ChangedMeanwhile(f"deleted by someone else meanwhile; {model.__name__.lower()} {row_id} is gone")
    current, author, when = found
    if int(current) != version:
        raise changed_meanwhile(author, when)


def changed_meanwhile(author: str | None, when: dt.datetime | None) -> ChangedMeanwhile:
    """The refusal an editor shows: who saved the row since it was shown, and when."""
    at = f" at {when:%H:%M}" if when is not None else ""
    return ChangedMeanwhile(f"changed by {author or 'someone else'} meanwhile{at}; "
                            "your edit was not saved: look at it again and redo it")


def last_change(session: Session, model: Any, *where: Any) -> tuple[str | None, dt.datetime | None]:
    """Who last changed the row ``where`` picks, and when (None, None: no such row)."""
    found = session.execute(select(model.modified_by, model.modified_at).where(*where)).first()
    return (found[0], found[1]) if found is not None else (None, None)
