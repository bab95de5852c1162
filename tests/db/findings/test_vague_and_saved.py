"""Vague quantities through the editable table; saved estimates going stale when a claim changes."""

from __future__ import annotations

from typing import Any

import pytest

from db.archive import Archive
from db.findings.estimates import Selection, estimate
from db.findings.saved import recompute, save_estimate, saved_estimates
from db.findings.vague import DEFAULT_TABLE, VagueRule, VagueTable, set_vague_rules, vague_rules
from db.statistic_edits import update_statistic


def test_the_default_table_reads_vague_phrases_longest_first() -> None:
    table = VagueTable(DEFAULT_TABLE)
    dozens = table.read("Dozens of civilians were killed")
    assert dozens is not None
    assert (dozens.phrase, dozens.low, dozens.best, dozens.high) == ("dozens", 24, 36, 99)
    tens = table.read("tens of thousands fled")
    assert tens is not None
    assert tens.phrase == "tens of thousands"
    at_least = table.read("at least 1,200 people died")
    assert at_least is not None
    assert (at_least.low, at_least.best, at_least.high) == (1200, 1200, None)
    up_to = table.read("up to 40 fighters")
    assert up_to is not None
    assert (up_to.low, up_to.best, up_to.high) == (None, 40, 40)
    assert table.read("249 militants were killed") is None
    assert table.read("a dozen") is not None  # "a dozen" is its own line, not "dozens"


def test_a_claim_without_a_best_estimate_reads_through_the_table(seed: Any, archive: Archive) -> None:
    source = seed.source("Monitor", "Dozens of militants were killed, officials said.")
    vague = seed.claim(source, None, low=24, approximate=True, quote="Dozens of militants were killed", claimant="Officials")
    exact = seed.claim(seed.source("Other"), 50, claimant="Other")
    with archive.session() as session:
        [finding] = estimate(session, Selection(), "median")
    assert set(finding.claims) == {vague, exact}
    assert (finding.low, finding.best, finding.high) == (24, (36 + 50) / 2, 99)

    with archive.session() as session:
        previous = set_vague_rules(session, [VagueRule("dozens", "20", "30", "40")])
        assert previous == DEFAULT_TABLE
    with archive.session() as session:
        assert vague_rules(session) == (VagueRule("dozens", "20", "30", "40"),)
        [finding] = estimate(session, Selection(), "median")
    assert (finding.low, finding.best, finding.high) == (20, 40, 50)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (VagueRule("", "1", "2", "3"), "needs a phrase"),
        (VagueRule("at least", "N", "N", None), "the phrase has no N"),
        (VagueRule("dozens", "many", "36", None), "“many” is not a number"),
        (VagueRule("dozens", None, None, None), "give at least one"),
    ],
)
def test_a_wrong_line_of_the_table_is_refused_and_nothing_changes(archive: Archive, line: VagueRule, message: str) -> None:
    with archive.session() as session, pytest.raises(ValueError, match=message):
        set_vague_rules(session, [VagueRule("hundreds", "200", "300", "999"), line])
    with archive.session() as session:
        assert vague_rules(session) == DEFAULT_TABLE


def test_a_phrase_twice_is_refused(archive: Archive) -> None:
    with archive.session() as session, pytest.raises(ValueError, match="twice"):
        set_vague_rules(session, [VagueRule("dozens", "1", "2", "3"), VagueRule("Dozens", "4", "5", "6")])


def test_a_saved_estimate_goes_stale_when_a_claim_changes_and_is_recomputed(seed: Any, archive: Archive) -> None:
    first = seed.claim(seed.source("A"), 240, claimant="A")
    seed.claim(seed.source("B"), 260, claimant="B")
    with archive.session() as session:
        [finding] = estimate(session, Selection(), "acled")
        save_estimate(session, finding)
    with archive.session() as session:
        [saved] = saved_estimates(session)
    assert not saved.stale
    assert (saved.saved.best, saved.saved.rule.value) == (240, "acled")

    with archive.session() as session:
        update_statistic(session, first, {"value": "250"})
    with archive.session() as session:
        [saved] = saved_estimates(session)
        assert saved.stale
        assert saved.saved.best == 240
        assert saved.current is not None
        assert saved.current.best == 250
        assert recompute(session) == 1
    with archive.session() as session:
        [saved] = saved_estimates(session)
    assert not saved.stale
    assert saved.saved.best == 250

    # saving the same group again replaces it (the rule may change)
    with archive.session() as session:
        [finding] = estimate(session, Selection(), "ibc")
        save_estimate(session, finding)
        [saved] = saved_estimates(session)
    assert (saved.saved.rule.value, saved.saved.low, saved.saved.high) == ("ibc", 250, 260)


def test_a_new_claim_in_the_group_makes_its_estimate_stale(seed: Any, archive: Archive) -> None:
    seed.claim(seed.source("A"), 240, claimant="A")
    with archive.session() as session:
        for finding in estimate(session):
            save_estimate(session, finding)
    seed.claim(seed.source("B"), 400, claimant="B")
    seed.claim(seed.source("C"), 5, measure="wounded")  # another group: no matter
    with archive.session() as session:
        [saved] = saved_estimates(session)
    assert saved.stale
    assert saved.current is not None
    assert saved.current.high == 400
