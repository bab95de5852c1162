"""An Arabic measure, place or title inside the report's English sentences: the sentence stays
left to right with its parentheses in place, in the HTML's ``dir="auto"``, the DOCX's bidi flag
and the PDF's alignment alike (the data is set apart by Unicode isolates)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from db.archive import Archive
from db.findings.report.build import ReportOptions
from db.findings.report.document import is_rtl
from db.findings.report.write import write_report
from db.findings.rules import Rule

ARABIC = "قالت الوزارة إن 260 مسلحا قتلوا في داغستان."


def _paragraphs(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<(?:p|h\d)[^>]*>(.*?)</(?:p|h\d)>", html, re.S)]


def test_an_arabic_estimate_reads_left_to_right_in_its_english_sentence(
        seed: Any, archive: Archive, tmp_path: Path) -> None:
    source = seed.source("Al Jazeera", ARABIC, published="2015-02-01", title="حصيلة العام")
    seed.claim(source, 260, quote="260 مسلحا قتلوا", claimant="الوزارة", measure="قتلوا",
               subject="مسلحون", place="داغستان")
    out = tmp_path / "report.html"
    write_report(archive, out, ReportOptions(rule=Rule.MEDIAN))
    paragraphs = _paragraphs(out.read_text("utf-8"))

    [finding] = [p for p in paragraphs if "independent)" in p]
    assert not is_rtl(finding)  # English sentence, Arabic words inside
    assert finding.endswith("(1 source, 1 independent)")
    assert "\u2068مسلحون قتلوا\u2069" in finding
    assert "in \u2068داغستان\u2069" in finding
    [title] = [p for p in paragraphs if p.startswith("مسلحون")]
    assert is_rtl(title)  # the estimate's name is all Arabic: right to left
    [entry] = [p for p in paragraphs if "Feb" in p or "February" in p]
    assert not is_rtl(entry)  # the bibliography's English order: title, year, day
    assert "\u2068حصيلة العام\u2069" in entry


def test_english_reports_carry_no_isolates(seed: Any, archive: Archive, tmp_path: Path) -> None:
    source = seed.source("Kommersant", "Officials said 240 militants were killed in 2014.", published="2015-01-10")
    seed.claim(source, 240, quote="240 militants were killed", claimant="Interior Ministry")
    out = tmp_path / "report.html"
    write_report(archive, out, ReportOptions(rule=Rule.MEDIAN))
    assert "\u2068" not in out.read_text("utf-8")
