"""Alembic environment, configured in code by :mod:`db.archive` (no alembic.ini)."""

from __future__ import annotations

from alembic import context

import db.models  # noqa: F401 - registers the tables on Base.metadata
from db.base import Base

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
