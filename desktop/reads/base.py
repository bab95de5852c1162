"""How every read opens its Session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from db.archive import Archive

P = ParamSpec("P")
T = TypeVar("T")


def read(archive: Archive, query: Callable[Concatenate[Session, P], T], *args: P.args,
         **kwargs: P.kwargs) -> T:
    """``query(session, *args, **kwargs)`` in a Session of its own."""
    with archive.session() as session:
        return query(session, *args, **kwargs)
