"""Statistic suggestions on PDF reports (issue 14): a table's figures carry their row and column
labels and never join two rows; contents lines, code lists and coding rules give none."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.extract.statistics import StatisticCandidate, suggest_statistics
from db.ingest import pdf

GOOGLE_DOC = "pdf/py-pdf-sample-files/011-google-doc-document_google-doc-document.pdf"


def _suggested(path: Path) -> tuple[str, list[StatisticCandidate]]:
    source = next(pdf.parse(path))
    return source.text, suggest_statistics(source.text, source.published)


def _report(path: Path) -> Path:
    """A report as statistics offices set them: contents with leaders, prose with a coding rule,
    a ruled table under a caption with its year, continued on the next page without a header."""
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    document.cell(0, 8, "Contents", new_x="LMARGIN", new_y="NEXT")
    for entry, page in (("Introduction", 2), ("Attack types", 2), ("Appendix: Country statistics", 3)):
        document.cell(0, 8, f"{entry} {'.' * 60} {page}", new_x="LMARGIN", new_y="NEXT")
    document.add_page()
    document.multi_cell(0, 7, "Introduction\nMonitors recorded 412 attacks in the region in 2014. "
                        "Information on up to three attack types is recorded for each incident. "
                        "An incident is coded as 1 if at least one of the following applies.")
    document.add_page()
    document.cell(0, 8, "Appendix: Country-level statistics for 1993", new_x="LMARGIN", new_y="NEXT")
    rows = [("Country", "Number of Incidents", "Percent", "Number Killed"),
            ("Afghanistan", "20", "0.40%", "65"), ("Albania", "2", "0.04%", "0"),
            ("Algeria", "311", "6.28%", "602")]
    with document.table() as table:
        for row in rows:
            line = table.row()
            for cell in row:
                line.cell(cell)
    document.add_page()
    with document.table(first_row_as_headings=False) as table:
        for row in [("Angola", "34", "0.69%", "373"), ("Argentina", "58", "1.17%", "14")]:
            line = table.row()
            for cell in row:
                line.cell(cell)
    document.output(str(path))
    return path


@pytest.mark.shared
def test_a_table_figure_carries_its_row_and_column_labels(shared_data: Path) -> None:
    _text, suggested = _suggested(shared_data / GOOGLE_DOC)
    germany = next(s for s in suggested if s.value == 83_190_556)
    assert (germany.subject, germany.place, germany.quote) == ("Population", "Germany", "83,190,556")
    indonesia = next(s for s in suggested if s.place == "Indonesia")
    assert indonesia.value == 273_879_750  # points between thousands, the footnote mark aside


@pytest.mark.shared
def test_no_suggestion_joins_two_rows_of_a_table(shared_data: Path, tmp_path: Path) -> None:
    for path in (shared_data / GOOGLE_DOC, _report(tmp_path / "report.pdf")):
        text, suggested = _suggested(path)
        table_lines = [line for line in text.split("\n") if "\t" in line]
        assert len(table_lines) >= 4
        for s in suggested:
            if "\t" in text[text.rfind("\n", 0, s.start) + 1:s.start]:
                assert "\n" not in s.quote, s
                assert "\t" not in s.quote, s


def test_a_report_table_gives_labelled_figures_and_its_contents_none(tmp_path: Path) -> None:
    text, suggested = _suggested(_report(tmp_path / "report.pdf"))
    assert "Afghanistan\t20\t0.40%\t65" in text.split("\n")
    read = {(s.value, s.unit, s.subject, s.place, s.period_start) for s in suggested}
    year = PartialDate(1993)
    assert (20.0, None, "Number of Incidents", "Afghanistan", year) in read
    assert (0.4, "%", "Percent", "Afghanistan", year) in read
    assert (602.0, None, "Number Killed", "Algeria", year) in read
    # the table continued on the next page keeps its header and caption
    assert (373.0, None, "Number Killed", "Angola", year) in read
    killed = next(s for s in suggested if s.value == 602)
    assert killed.measure == "killed"
    # the prose figure is still offered; the contents' page numbers and the rules are not
    assert any(s.value == 412 for s in suggested)
    contents_end = text.index("Appendix: Country statistics")
    assert not [s for s in suggested if s.start < contents_end + 40]
    assert not [s for s in suggested if "up to three" in s.quote or "coded as" in s.quote]
    assert len(suggested) == 1 + 3 * 3 + 2 * 3
