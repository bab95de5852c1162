"""Refusing writes (db.transactions): while refused, a writer's transaction fails at once with the
reason, any other write fails too (query_only) and nothing is changed; lifted, writing works."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.archive import Archive
from db.transactions import WritesRefused
from tests.factories import make_source


def _titles(archive: Archive) -> list[str]:
    with archive.session() as session:
        return [str(t) for t in session.execute(text("SELECT title FROM sources ORDER BY id")).scalars()]


def test_refused_writes_change_nothing_until_lifted(archive: Archive) -> None:
    make_source(archive, "Before the damage.", title="Before")
    archive.refuse_writes("field.sqlite is read-only: its search index is damaged")
    assert archive.writes_refused == "field.sqlite is read-only: its search index is damaged"
    with pytest.raises(WritesRefused, match="its search index is damaged"), archive.writing() as session:
        session.execute(text("UPDATE sources SET title = 'Changed'"))
    with pytest.raises(OperationalError, match="readonly"), archive.session() as session:
        session.execute(text("UPDATE sources SET title = 'Changed'"))
    assert _titles(archive) == ["Before"]  # reading still works
    archive.refuse_writes(None)
    assert archive.writes_refused is None
    make_source(archive, "After the mending.", title="After")
    assert _titles(archive) == ["Before", "After"]
