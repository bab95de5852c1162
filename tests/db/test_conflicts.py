"""Conflicting claims: same measure and subject, overlapping periods, same place, values apart."""

from __future__ import annotations

from db.archive import Archive
from db.conflicts import conflicting_statistic_ids, find_conflicts, normalise_phrase
from db.dates import PartialDate
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


def test_overlapping_periods_of_different_length_are_compared(archive: Archive) -> None:
    a, b = _two_claims(
        archive,
        {"value": 249.0, "period_start": PartialDate(2014, 3), "period_end": PartialDate(2014, 5)},
        {"value": 300.0, "period_start": PartialDate(2013), "period_end": PartialDate(2014)},
    )
    with archive.session() as session:
        assert conflicting_statistic_ids(session) == {a, b}


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
