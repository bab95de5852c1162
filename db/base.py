"""The declarative base: constraint names (Alembic needs them on SQLite) and the columns every row has."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import MetaData, String, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Identity and history shared by every row a researcher creates.

    The UUID identifies a row across archives (merging two researchers' archives matches on it);
    the integer id is local and only for joins.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, server_default=func.current_timestamp()
    )
    modified_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.current_timestamp()
    )
    created_by: Mapped[str | None] = mapped_column(String(200), default=None)
    #: who changed the row last (the archive's author: a name set once, or the server's user)
    modified_by: Mapped[str | None] = mapped_column(String(200), default=None)
    #: raised by one on every change (a trigger), so an edit can tell the row was "changed by X
    #: meanwhile" instead of overwriting it
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
