"""Estimates on a real archive: each rule, relayed claims counted once, units, periods, places."""

from __future__ import annotations

from typing import Any

import pytest

from db.archive import Archive
from db.findings.estimates import Finding, Selection, estimate

pytest_plugins: list[str] = []


def findings(archive: Archive, rule: str = "ucdp", **selection: Any) -> list[Finding]:
    prefer = selection.pop("prefer", ())
    with archive.session() as session:
        return estimate(session, Selection(**selection), rule, prefer)


def only(archive: Archive, rule: str = "ucdp", **selection: Any) -> Finding:
    [finding] = findings(archive, rule, **selection)
    return finding


@pytest.fixture
def three_claims(seed: Any) -> dict[str, int]:
    """240 (Caucasus Knot), 249 (the ministry), 260 (a rights group), each in its own outlet."""
    ids = {}
    for outlet, value, claimant in (("Kommersant", 240, "Caucasus Knot"), ("RIA", 249, "Interior Ministry"),
                                    ("Memorial Bulletin", 260, "Memorial")):
        ids[claimant] = seed.claim(seed.source(outlet), value, claimant=claimant)
    return ids


def test_each_rule_reconciles_the_same_claims_its_own_way(archive: Archive, three_claims: dict[str, int]) -> None:
    ucdp = only(archive, "ucdp")
    assert (ucdp.low, ucdp.best, ucdp.high) == (240, 249, 260)
    assert sorted(ucdp.claims) == sorted(three_claims.values())
    assert ucdp.excluded == ()
    assert (ucdp.sources, ucdp.independent) == (3, 3)
    acled = only(archive, "acled")
    assert (acled.low, acled.best, acled.high) == (240, 240, 240)
    ibc = only(archive, "ibc")
    assert (ibc.low, ibc.best, ibc.high) == (240, None, 260)
    median = only(archive, "median")
    assert median.best == 249
    assert ucdp.describe() == "between 240 and 260 militants killed in North Caucasus, 2014 (best estimate 249; 3 sources, 3 independent)"


def test_ucdp_takes_its_best_estimate_from_the_most_reliable_sources(seed: Any, archive: Archive) -> None:
    seed.claim(seed.source("State TV", reliability="D"), 100, claimant="Officials")
    seed.claim(seed.source("Monitor", reliability="B"), 300, claimant="Monitor")
    seed.claim(seed.source("Tabloid", reliability="E"), 900, claimant="Tabloid")
    ucdp = only(archive, "ucdp")
    assert (ucdp.low, ucdp.best, ucdp.high) == (100, 300, 900)
    assert only(archive, "median").best == 300


def test_a_claim_relayed_by_several_outlets_counts_once(seed: Any, archive: Archive) -> None:
    first = seed.claim(seed.source("Interfax", published="2015-01-10"), 249, claimant="Interior Ministry")
    reprints = [seed.claim(seed.source(outlet, published="2015-01-12"), 249, claimant="Interior Ministry")
                for outlet in ("TASS", "RBC")]
    other = seed.claim(seed.source("Kavkaz-Uzel"), 300, claimant="Caucasus Knot")
    finding = only(archive, "median")
    assert sorted(finding.claims) == [first, other]
    assert finding.best == (249 + 300) / 2
    why = dict(finding.excluded)
    assert set(why) == set(reprints)
    assert all(f"relays claim #{first} " in w for w in why.values()), (first, why)
    assert (finding.sources, finding.independent) == (4, 2)


def test_claims_in_different_units_are_not_reconciled(seed: Any, archive: Archive) -> None:
    a = seed.claim(seed.source("A"), 40, claimant="A", unit="families")
    b = seed.claim(seed.source("B"), 120, claimant="B", unit="people")
    finding = only(archive)
    assert finding.reason == "the claims are in different units (families, people)"
    assert (finding.low, finding.best, finding.high) == (None, None, None)
    assert finding.claims == ()
    assert {i for i, _ in finding.excluded} == {a, b}
    assert "not reconciled" in finding.describe()


def test_periods_are_grouped_exactly_and_overlaps_are_warned_about(seed: Any, archive: Archive) -> None:
    source = seed.source("Monitor")
    year = seed.claim(source, 249, period="2014")
    half = seed.claim(source, 120, period="2014-06", claimant="Monitor")
    later = seed.claim(source, 50, period="2016")
    by_period = {f.period: f for f in findings(archive)}
    assert set(by_period) == {"2014", "2014-06", "2016"}
    assert by_period["2014"].claims == (year,)
    assert by_period["2014-06"].claims == (half,)
    assert by_period["2016"].claims == (later,)
    assert by_period["2014"].warnings == ("the period overlaps other estimates for: 2014-06 (not summed)",)
    assert by_period["2014-06"].warnings == ("the period overlaps other estimates for: 2014 (not summed)",)
    assert by_period["2016"].warnings == ()
    # a period filter keeps the groups inside it, with their warnings
    assert [f.period for f in findings(archive, period="2014")] == ["2014", "2014-06"]


def test_nested_places_are_warned_about_and_not_summed(seed: Any, archive: Archive) -> None:
    seed.within("Dagestan", "North Caucasus")
    source = seed.source("Monitor")
    seed.claim(source, 249, place="North Caucasus")
    seed.claim(source, 100, place="Dagestan")
    by_place = {f.place: f for f in findings(archive)}
    assert by_place["North Caucasus"].best == 249
    assert by_place["Dagestan"].best == 100
    assert by_place["Dagestan"].warnings == ("the place lies within: North Caucasus (not summed)",)
    assert by_place["North Caucasus"].warnings == ("the place contains: Dagestan (not summed)",)
    assert [f.place for f in findings(archive, place="dagestan")] == ["Dagestan"]


def test_measures_and_subjects_group_as_normalised_phrases(seed: Any, archive: Archive) -> None:
    source = seed.source("Monitor")
    seed.claim(source, 10, measure="Killed", subject="Militants")
    seed.claim(source, 12, measure="killed", subject="militant", claimant="X")
    seed.claim(source, 3, measure="wounded")
    assert [(f.measure, len(f.claims)) for f in findings(archive)] == [("Killed", 2), ("wounded", 1)]
    assert [f.measure for f in findings(archive, measure="WOUNDED")] == ["wounded"]


def test_a_source_hierarchy_lets_the_most_trusted_source_decide(archive: Archive, three_claims: dict[str, int]) -> None:
    finding = only(archive, "hierarchy", prefer=("Memorial", "Caucasus Knot"))
    assert (finding.low, finding.best, finding.high) == (260, 260, 260)
    assert finding.claims == (three_claims["Memorial"],)
    why = dict(finding.excluded)
    assert why[three_claims["Caucasus Knot"]] == "Caucasus Knot ranks below Memorial in the source hierarchy"
    assert why[three_claims["Interior Ministry"]] == "Interior Ministry is not in the source hierarchy"
    # an outlet's name ranks its claims too
    assert only(archive, "hierarchy", prefer=("RIA",)).best == 249
    empty = only(archive, "hierarchy")
    assert empty.reason is not None
    assert "hierarchy is empty" in empty.reason
    nobody = only(archive, "hierarchy", prefer=("Nobody",))
    assert nobody.reason == "no claim comes from a source in the hierarchy (Nobody)"


def test_bad_rules_and_periods_say_what_is_wrong(archive: Archive) -> None:
    with pytest.raises(ValueError, match="“unanimous” is not a rule"):
        findings(archive, "unanimous")
    with pytest.raises(ValueError, match="“14/2014” is not a period"):
        findings(archive, period="14/2014")
