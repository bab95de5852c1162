"""Editing a memo and rejecting a suggestion: apply, revert, apply again, revert."""

from __future__ import annotations

from sqlalchemy import select

from db.archive import Archive
from db.lookup import memo_text
from db.models import Actor, RejectedSuggestion, Source
from db.undo import Inserted, MemoEdited, edit_memo, reject_suggestion
from tests.db.undo.conftest import round_trip


def test_edit_an_existing_memo(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        uuid = s.scalar(select(Actor.uuid).where(Actor.id == seeded["army"]))
    assert uuid is not None
    change, _ = round_trip(archive, lambda s: edit_memo(s, "actor", uuid, "Which units? The 46th."),
                           loose={"memos": {"modified_at"}})
    assert change == MemoEdited("actor", uuid, "Which units?")


def test_a_first_memo_is_cleared_on_undo(archive: Archive, seeded: dict[str, int]) -> None:
    with archive.session() as s:
        uuid = s.scalar(select(Source.uuid).where(Source.id == seeded["source"]))
        assert uuid is not None
        change = edit_memo(s, "source", uuid, "Check against Memorial")
        assert change == MemoEdited("source", uuid, "")
        redo = change.revert(s)
        assert memo_text(s, "source", uuid) == ""
        redo.revert(s)
        assert memo_text(s, "source", uuid) == "Check against Memorial"


def test_reject_a_suggestion_and_offer_it_again(archive: Archive, seeded: dict[str, int]) -> None:
    change, redone = round_trip(
        archive, lambda s: reject_suggestion(s, seeded["source"], "mention", 0, 4, ":Some")
    )
    assert isinstance(change, Inserted)
    assert change.rows[0][0] == "rejected_suggestions"
    assert redone == change
    with archive.session() as s:
        assert s.scalars(select(RejectedSuggestion.id)).all() == []
