"""``dossier estimate`` as scripts and people read it (../shared/CONTRACT.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.archive import Archive
from db.cli import main

CONTRACT_KEYS = {"measure", "subject", "place", "period_start", "period_end", "low", "best", "high", "rule",
                 "claims", "excluded"}


def dossier(archive: Archive, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--archive", archive.location, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_estimate_json_has_the_contract_shape(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(sample_archive, "estimate", "--json", capsys=capsys)
    assert code == 0
    found = json.loads(out)
    assert len(found) == 3
    assert all(set(f) >= CONTRACT_KEYS for f in found)
    [militants] = [f for f in found if f["subject"] == "militants"]
    assert militants == {**militants, "measure": "killed", "place": "North Caucasus", "period_start": "2014",
                         "period_end": "2014", "low": 249, "best": 249, "high": 249, "rule": "ucdp",
                         "excluded": []}
    assert len(militants["claims"]) == 1


def test_estimate_filters_and_rules(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(sample_archive, "estimate", "--period", "2014", "--rule", "ibc", "--json", capsys=capsys)
    assert code == 0
    [only] = json.loads(out)
    assert (only["subject"], only["rule"], only["low"], only["best"], only["high"]) == ("militants", "ibc", 249, None, 249)
    code, out, _ = dossier(sample_archive, "estimate", "--place", "Russia", capsys=capsys)
    assert code == 0
    assert "Russians gone to fight" in out
    assert "militants" not in out


def test_estimate_save_then_saved_lists_it(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    assert dossier(sample_archive, "estimate", "--measure", "killed", "--save", capsys=capsys)[0] == 0
    code, out, _ = dossier(sample_archive, "estimate", "--saved", "--json", capsys=capsys)
    assert code == 0
    saved = json.loads(out)
    assert [s["stale"] for s in saved] == [False, False]
    assert {s["measure"] for s in saved} == {"killed"}


def test_a_bad_period_is_a_usage_error(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = dossier(sample_archive, "estimate", "--period", "last year", capsys=capsys)
    assert code == 2
    assert out == ""
    assert err.strip() == "dossier estimate: “last year” is not a period: write a year, a month or a day (2014, 2014-06, 2014-06-30)"


def test_export_report_by_actor_redacted(sample_archive: Archive, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "knot.html"
    code, printed, err = dossier(sample_archive, "export", "report", str(out), "--actor", "Caucasus Knot",
                                 "--annotated", "--json", "--redact", "Caucasus Knot", "Kavkazsky Uzel", capsys=capsys)
    assert (code, err) == (0, "")
    assert json.loads(printed) == {"format": "report", "path": str(out), "count": 1}
    html = out.read_text("utf-8")
    findings, annotated = html.split("Annotated sources")
    assert "5,816" in findings
    assert "249 militants" not in findings  # only the claims of the actor chosen
    assert "249 militants" in annotated  # the source's coded segments, all of them
    for name in ("Caucasus Knot", "Kavkazsky Uzel", "Кавказский узел"):
        assert name not in html
    assert "Outlet A" in html


def test_export_report_says_what_is_wrong(sample_archive: Archive, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    code, _, err = dossier(sample_archive, "export", "report", str(out), "--period", "1999", capsys=capsys)
    assert code == 1
    assert err.strip() == f"{out}: the selection has no claims: there is nothing to report"
    assert not out.exists()
    code, _, err = dossier(sample_archive, "export", "report", str(out), "--actor", "Nobody", capsys=capsys)
    assert code == 1
    assert err.strip() == f"{out}: --actor Nobody: no such actor"
