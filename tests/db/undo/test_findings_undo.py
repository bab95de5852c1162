"""The vague-quantity table's undo: revert puts the table back, reverting that applies the edit again."""

from __future__ import annotations

from db.archive import Archive
from db.findings.vague import DEFAULT_TABLE, VagueRule, vague_rules
from db.undo import edit_vague_table


def test_editing_the_vague_table_reverts_and_applies_again(archive: Archive) -> None:
    edited = (VagueRule("dozens", "20", "30", "40"),)
    with archive.session() as session:
        change = edit_vague_table(session, edited)
    with archive.session() as session:
        assert vague_rules(session) == edited
        again = change.revert(session)
    with archive.session() as session:
        assert vague_rules(session) == DEFAULT_TABLE
        again.revert(session)
    with archive.session() as session:
        assert vague_rules(session) == edited
