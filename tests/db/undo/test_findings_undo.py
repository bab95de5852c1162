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


def test_keeping_an_estimate_reverts_to_the_one_kept_before(archive: Archive) -> None:
    from db.findings.estimates import Selection, estimate
    from db.findings.saved import saved_estimates
    from db.undo import keep_estimate
    from tests.factories import make_source, make_statistic

    make_statistic(archive, make_source(archive), value=240.0, subject="militants")
    make_statistic(archive, make_source(archive, title="Another"), value=260.0, subject="militants")
    with archive.session() as session:
        [acled] = estimate(session, Selection(), "acled")
        [ibc] = estimate(session, Selection(), "ibc")
        first = keep_estimate(session, acled, acled)
        second = keep_estimate(session, ibc, ibc)
    with archive.session() as session:
        assert [r.saved.rule.value for r in saved_estimates(session)] == ["ibc"]
        second.revert(session)
        assert [(r.saved.rule.value, r.saved.best) for r in saved_estimates(session)] == [("acled", 240)]
        first.revert(session)
        assert saved_estimates(session) == []
