"""The change records themselves: inserted and deleted rows, and several changes as one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.commands import CommandError
from db.models import Code
from db.undo import Changes, Deleted, Inserted, create_code, delete_rows, edit_code


def test_inserted_and_deleted_take_each_other_back(archive: Archive) -> None:
    with archive.session() as s:
        created = create_code(s, "violence")
        deleted = created.revert(s)
        assert isinstance(deleted, Deleted)
        assert deleted.rows == created.rows
        assert s.scalar(select(Code.id)) is None
        assert deleted.revert(s) == created
        with pytest.raises(CommandError):
            _ = Inserted(()).id


def test_rows_already_gone_are_left_out(archive: Archive) -> None:
    with archive.session() as s:
        created = create_code(s, "violence")
        deleted = delete_rows(s, [*created.rows, ("codes", 9999)])
        assert deleted.rows == created.rows


def test_several_changes_are_taken_back_last_first(archive: Archive) -> None:
    """A code made and then renamed: undo renames it back, then deletes it; redo the reverse."""
    with archive.session() as s:
        created = create_code(s, "violence")
        both = Changes((created, edit_code(s, created.id, name="killing")))
        undone = both.revert(s)
        assert s.scalar(select(Code.id)) is None
        assert [type(p) for p in undone.parts] == [type(both.parts[1]), Deleted]
        redone = undone.revert(s)
        assert s.scalar(select(Code.name)) == "killing"
        assert [type(p) for p in redone.parts] == [Inserted, type(both.parts[1])]
