"""A big read worked out in a process of its own gives what it gives here (db.apart)."""

from __future__ import annotations

import pytest

from db.apart import read_apart, run_apart
from db.archive import Archive
from db.conflict_groups import find_conflict_groups
from db.findings.estimates import Selection, estimate
from tests.factories import make_statistic


def test_conflicts_and_estimates_apart_are_those_worked_out_here(sample_archive: Archive) -> None:
    make_statistic(sample_archive, None, value=120.0, measure="killed", unit="people", subject="militants",
                   place="North Caucasus", dataset="Memorial", claimant="Memorial")
    with sample_archive.session() as session:
        here = find_conflict_groups(session)
        estimated = estimate(session, Selection(), "ucdp", [])
    assert here  # something to compare
    assert run_apart(sample_archive.location, find_conflict_groups) == here
    assert run_apart(sample_archive.location, estimate, Selection(), "ucdp", []) == estimated


def test_an_error_of_the_job_comes_back_as_it_is(sample_archive: Archive) -> None:
    with pytest.raises(ValueError, match="is not a rule"):
        run_apart(sample_archive.location, estimate, Selection(), "no such rule", [])


def test_an_archive_the_child_cannot_open_is_read_here(sample_archive: Archive, tmp_path: object) -> None:
    with sample_archive.session() as session:
        here = find_conflict_groups(session)
    missing = str(sample_archive.location) + ".gone"
    assert read_apart(missing, find_conflict_groups, here=lambda: here) is here
