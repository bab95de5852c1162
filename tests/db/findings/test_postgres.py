"""Estimates and a report on a real PostgreSQL server (the columns are read with portable SQL)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from db import archive as archive_module
from db.findings.estimates import Selection, estimate
from db.findings.report.build import ReportOptions
from db.findings.report.write import write_report
from db.findings.saved import save_estimate, saved_estimates
from db.statistic_edits import update_statistic

from .conftest import Seeder

pytestmark = pytest.mark.postgres


def test_estimates_reports_and_staleness_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:8]  # the database is shared with other tests
    try:
        seed = Seeder(opened)
        measure = f"killed{tag}"
        first = seed.claim(seed.source(f"Interfax{tag}", published="2015-01-10"), 249,
                           claimant=f"Ministry{tag}", measure=measure)
        relay = seed.claim(seed.source(f"TASS{tag}", published="2015-01-11"), 249,
                           claimant=f"Ministry{tag}", measure=measure)
        other = seed.claim(seed.source(f"Knot{tag}", reliability="B"), 300, claimant=f"Knot{tag}",
                           measure=measure, period="2014-06")
        sources = tuple(seed.sources.values())
        with opened.session() as session:
            found = {f.period: f for f in estimate(session, Selection(source_ids=sources), "median")}
        assert found["2014"].claims == (first,)
        assert dict(found["2014"].excluded)[relay].startswith(f"relays claim #{first} ")
        assert found["2014-06"].claims == (other,)
        assert found["2014"].warnings == ("the period overlaps other estimates for: 2014-06 (not summed)",)
        with opened.session() as session:
            save_estimate(session, found["2014"])
        with opened.session() as session:
            update_statistic(session, first, {"value": "250"})
        with opened.session() as session:
            mine = [r for r in saved_estimates(session) if r.saved.measure == measure]
        assert [r.stale for r in mine] == [True]
        out = tmp_path / "dossier.html"
        assert write_report(opened, out, ReportOptions(selection=Selection(source_ids=sources))) == 3
        assert f"Ministry{tag}" in out.read_text("utf-8")
    finally:
        opened.close()
