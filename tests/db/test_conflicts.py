"""Conflicting claims: same measure and subject, (nearly) the same period, same place, values apart."""

from __future__ import annotations

from db.archive import Archive
from db.conflicts import (
    conflicting_statistic_ids,
    conflicts_among,
    find_conflicts,
    normalise_phrase,
)
from db.dates import PartialDate
from db.queries import list_statistics
from tests.factories import make_source, make_statistic

TEXT = (
    "Officials said 249 militants were killed in Dagestan in 2014. "
    "Caucasus Knot counted 300 militants killed there that year."
)


def _two_claims(archive: Archive, first: dict[str, object], second: dict[str, object]) -> tuple[int, int]:
    source = make_source(archive, TEXT)
    common: dict[str, object] = {
        "measure": "killed",
        "subject": "militants",
        "place": "Dagestan",
        "period_start": PartialDate(2014),
    }
    a = make_statistic(archive, source, "249 militants", **{**common, **first})
    b = make_statistic(archive, source, "300 militants", **{**common, **second})
    return a, b


def test_values_apart_are_a_conflict_with_claimants_and_source(archive: Archive) -> None:
    a, b = _two_claims(
        archive,
        {"value": 249.0, "claimant": "Russian officials"},
        {"value": 300.0, "claimant": "Caucasus Knot"},
    )
    with archive.session() as session:
        conflicts = find_conflicts(session)
        ids = conflicting_statistic_ids(session)
    assert ids == {a, b}
    [conflict] = conflicts
    assert {c.claimant for c in conflict.claims} == {"Russian officials", "Caucasus Knot"}
    assert all(c.source_title == "A report" and c.quote for c in conflict.claims)
    assert conflict.pairs == ((a, b),)
    assert "249 vs 300" in conflict.describe()


def test_equal_values_do_not_conflict(archive: Archive) -> None:
    _two_claims(archive, {"value": 249.0}, {"value": 249.0})
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_approximate_value_tolerates_ten_percent(archive: Archive) -> None:
    _two_claims(archive, {"value": 300.0, "approximate": True}, {"value": 275.0})
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == set()


def test_approximate_value_beyond_tolerance_conflicts(archive: Archive) -> None:
    a, b = _two_claims(archive, {"value": 300.0, "approximate": True}, {"value": 249.0})
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}


def test_a_lower_bound_agrees_with_any_larger_value(archive: Archive) -> None:
    # "at least 249" is not contradicted by 300, but "at most 249" is.
    _two_claims(archive, {"value": 249.0, "low": 249.0}, {"value": 300.0})
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == set()


def test_an_upper_bound_below_the_other_value_conflicts(archive: Archive) -> None:
    a, b = _two_claims(archive, {"value": 249.0, "high": 249.0}, {"value": 300.0})
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}


def test_ranges_that_overlap_agree(archive: Archive) -> None:
    _two_claims(archive, {"value": 260.0, "low": 240.0, "high": 280.0}, {"value": 275.0})
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_different_places_periods_or_measures_never_conflict(archive: Archive) -> None:
    _two_claims(archive, {"value": 249.0}, {"value": 300.0, "place": "Chechnya"})
    _two_claims(archive, {"value": 249.0}, {"value": 300.0, "period_start": PartialDate(2015)})
    _two_claims(archive, {"value": 249.0}, {"value": 300.0, "measure": "wounded"})
    _two_claims(archive, {"value": 249.0}, {"value": 300.0, "subject": "civilians"})
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_missing_place_matches_any_place(archive: Archive) -> None:
    a, b = _two_claims(archive, {"value": 249.0}, {"value": 300.0, "place": None})
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}


def test_measure_and_subject_match_across_case_plural_and_spacing(archive: Archive) -> None:
    a, b = _two_claims(
        archive,
        {"value": 249.0, "measure": "Killed", "subject": "Militants"},
        {"value": 300.0, "measure": "killed ", "subject": "militant"},
    )
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}
    assert normalise_phrase("  Civilian   Casualties ") == normalise_phrase("civilian casualty")


def test_a_year_inside_a_longer_total_is_not_a_conflict(archive: Archive) -> None:
    # The sample article: one year's count against the total since 2010 (to its date).
    source = make_source(
        archive,
        "In 2014, 249 people were killed in the North Caucasus. Since 2010, some 5,816 people "
        "have been killed there, according to Caucasus Knot.",
    )
    common: dict[str, object] = {"measure": "killed", "subject": "people", "place": "North Caucasus"}
    make_statistic(archive, source, "249 people", value=249.0, period_start=PartialDate(2014), **common)
    make_statistic(
        archive, source, "some 5,816 people", value=5816.0, approximate=True, claimant="Caucasus Knot",
        period_start=PartialDate(2010), period_end=PartialDate(2015, 7, 11), **common,
    )
    with archive.session() as session:
        assert find_conflicts(session) == []
        assert conflicting_statistic_ids(session) == set()


def test_the_sample_article_holds_no_conflict(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        assert find_conflicts(session) == []


def test_two_counts_for_the_same_place_and_year_conflict(archive: Archive) -> None:
    source = make_source(
        archive,
        "Officials said 40 were killed in Grozny in 2014. Memorial counted 120 killed in Grozny in 2014.",
    )
    common: dict[str, object] = {"measure": "killed", "place": "Grozny", "period_start": PartialDate(2014)}
    a = make_statistic(archive, source, "40 were killed", value=40.0, claimant="Officials", **common)
    b = make_statistic(archive, source, "120 killed", value=120.0, claimant="Memorial", **common)
    with archive.session() as session:
        [conflict] = find_conflicts(session)
        assert conflicting_statistic_ids(session) == {a, b}
    assert [c.claimant for c in conflict.claims] == ["Officials", "Memorial"]
    assert conflict.describe() == "killed (Grozny): 40 vs 120"


def test_nearly_the_same_period_is_compared(archive: Archive) -> None:
    # January to November 2014 covers 334 of the year's 365 days: over 80 %, the same period.
    a, b = _two_claims(
        archive,
        {"value": 249.0, "period_start": PartialDate(2014, 1), "period_end": PartialDate(2014, 11)},
        {"value": 300.0},
    )
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}


def test_a_few_months_inside_two_years_are_not_compared(archive: Archive) -> None:
    _two_claims(
        archive,
        {"value": 249.0, "period_start": PartialDate(2014, 3), "period_end": PartialDate(2014, 5)},
        {"value": 300.0, "period_start": PartialDate(2013), "period_end": PartialDate(2014)},
    )
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_at_least_19_agrees_with_25(archive: Archive) -> None:
    source = make_source(
        archive,
        "At least 19 people were killed in the attack on Grozny, police said. "
        "Local media put the toll at 25.",
    )
    common: dict[str, object] = {"measure": "killed", "place": "Grozny", "period_start": PartialDate(2014, 12, 4)}
    make_statistic(archive, source, "At least 19 people", value=19.0, low=19.0, claimant="police", **common)
    make_statistic(archive, source, "25", value=25.0, claimant="Local media", **common)
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_overlapping_ranges_agree_and_apart_ranges_conflict(archive: Archive) -> None:
    source = make_source(
        archive,
        "Between 30 and 50 were detained, activists said; police said 45 to 60. "
        "A later report gave 70 to 90.",
    )
    common: dict[str, object] = {"measure": "detained", "period_start": PartialDate(2015, 3)}
    a = make_statistic(archive, source, "Between 30 and 50", value=40.0, low=30.0, high=50.0, **common)
    b = make_statistic(archive, source, "45 to 60", value=52.0, low=45.0, high=60.0, **common)
    c = make_statistic(archive, source, "70 to 90", value=80.0, low=70.0, high=90.0, **common)
    with archive.session() as session:
        [conflict] = find_conflicts(session)
    assert conflict.pairs == ((a, c), (b, c))


def test_the_rules_without_a_database_give_the_same_conflicts(archive: Archive) -> None:
    a, b = _two_claims(archive, {"value": 249.0}, {"value": 300.0})
    c, d = _two_claims(
        archive, {"value": 12.0, "period_start": PartialDate(2010)}, {"value": 30.0, "period_start": PartialDate(2010)}
    )
    with archive.session() as session:
        rows = list_statistics(session)
        found = find_conflicts(session)
    assert conflicts_among(rows) == found
    assert sorted(conflict.statistic_ids for conflict in found) == [(a, b), (c, d)]


def test_reference_data_counts_as_a_claim(archive: Archive) -> None:
    source = make_source(archive, TEXT)
    local = make_statistic(
        archive, source, "249 militants", value=249.0, measure="killed", place="Dagestan",
        period_start=PartialDate(2014),
    )
    reference = make_statistic(
        archive, None, value=180.0, measure="killed", place="Dagestan",
        period_start=PartialDate(2014), dataset="Some dataset", claimant="Some dataset",
    )
    with archive.session() as session:
        [conflict] = find_conflicts(session)
    assert set(conflict.statistic_ids) == {local, reference}
    assert {c.dataset for c in conflict.claims} == {None, "Some dataset"}


def test_three_claims_are_one_conflict(archive: Archive) -> None:
    a, b = _two_claims(archive, {"value": 249.0}, {"value": 300.0})
    source = make_source(archive, "Activists counted 410 militants killed.")
    c = make_statistic(
        archive, source, "410 militants", value=410.0, measure="killed", subject="militants",
        place="Dagestan", period_start=PartialDate(2014),
    )
    with archive.session() as session:
        [conflict] = find_conflicts(session)
    assert set(conflict.statistic_ids) == {a, b, c}
    assert len(conflict.pairs) == 3


def test_many_yearly_reference_rows_only_meet_their_own_year(archive: Archive) -> None:
    for year in range(1990, 2020):
        make_statistic(
            archive, None, value=float(year), measure="gdp", place="Georgia",
            period_start=PartialDate(year), dataset="World Bank",
        )
    with archive.session() as session:
        assert find_conflicts(session) == []


def test_claims_linked_through_another_are_one_conflict_with_their_pairs_in_order(archive: Archive) -> None:
    """Two claims that agree (12 and 12) each disagree with a third (30): one conflict of three,
    two pairs; an unrelated conflict whose claims were recorded in between stays apart."""
    source = make_source(archive, "Reports of 12, 30, 5, 12 and 9 detained.")
    common: dict[str, object] = {"measure": "detained", "period_start": PartialDate(2016)}
    other: dict[str, object] = {"measure": "wounded", "period_start": PartialDate(2016)}
    first = make_statistic(archive, source, "12", value=12.0, **common)
    apart = make_statistic(archive, source, "5", value=5.0, **other)
    middle = make_statistic(archive, source, "30", value=30.0, **common)
    last = make_statistic(archive, source, "12", value=12.0, **common)
    apart_too = make_statistic(archive, source, "9", value=9.0, **other)
    with archive.session() as session:
        found = find_conflicts(session)
        rows = list_statistics(session)
    assert [c.measure for c in found] == ["detained", "wounded"]
    detained, wounded = found
    assert set(detained.statistic_ids) == {first, middle, last}
    assert detained.pairs == ((first, middle), (middle, last))
    assert wounded.pairs == ((apart, apart_too),)
    assert conflicts_among(rows) == found


def test_claims_held_already_are_reused_and_an_edited_one_is_read_anew(archive: Archive) -> None:
    """The statistics pane's rows are handed in: unchanged claims are those rows (no second copy
    of every claim); a claim edited since shows its new value, not the one the pane held."""
    from db.statistic_edits import update_statistic

    a, b = _two_claims(archive, {"value": 249.0}, {"value": 300.0})
    with archive.session() as session:
        held = list_statistics(session)
        update_statistic(session, b, {"value": "310"})
        session.commit()
    with archive.session() as session:
        [conflict] = find_conflicts(session, known=held)
    by_id = {c.id: c for c in conflict.claims}
    assert by_id[a] is next(r for r in held if r.id == a)
    assert by_id[b].value == 310.0
    assert "249 vs 310" in conflict.describe()
