"""Alembic environment, configured in code by :mod:`db.archive` (no alembic.ini)."""

from __future__ import annotations

from alembic import context

import db.models  # noqa: F401 - registers the tables on Base.metadata
from db.base import Base

config = context.config
connection = config.attributes["connection"]



def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """The search indexes are managed by hand (see 0001, 0013); autogenerate must not touch them."""
    return not (type_ == "table" and name is not None and name.startswith(("source_fts", "source_stem")))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
