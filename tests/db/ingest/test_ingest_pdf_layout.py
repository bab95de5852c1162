"""PDF pages read with their layout (issue 14): tables one row a line, two columns one after the
other, and the plain text kept with a warning where the layout cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.extract.statistics import suggest_statistics
from db.ingest import pdf

SAMPLES = "pdf/py-pdf-sample-files"


def _read(path: Path) -> pdf.ParsedSource:
    return next(pdf.parse(path))


@pytest.mark.shared
def test_a_table_comes_one_row_a_line_with_its_cells_in_order(shared_data: Path) -> None:
    source = _read(shared_data / SAMPLES / "011-google-doc-document_google-doc-document.pdf")
    lines = source.text.split("\n")
    assert "Capital\tJakarta\tBerlin\tVienna\tParis\tVatican City" in lines
    population = next(line for line in lines if line.startswith("Population"))
    # the footnote markers stay apart from the figures they follow
    assert population.split("\t")[1:3] == ["273.879.750¹", "83,190,556²"]
    assert source.warnings == []


@pytest.mark.shared
def test_two_columns_are_read_one_after_the_other(shared_data: Path) -> None:
    text = _read(shared_data / SAMPLES / "026-latex-multicolumn_multicolumn.pdf").text
    # pypdf reads across the gutter: "... two columns filled molestie vitae, placerat a ..."
    assert "This is a sample document with two columns filled\nwith Lorem Ipsum text." in text
    assert "filled molestie" not in text
    assert text.index("with Lorem Ipsum text.") < text.index("pellentesque ante.")


@pytest.mark.shared
def test_questionnaires_read_in_order_with_no_statistic(shared_data: Path) -> None:
    source = _read(shared_data / "pdf/fivethirtyeight/non-voters_nonvoters_codebook.pdf")
    # the bold base line is a heading, set apart by a blank line
    assert "BASE: ALL RESPONDENTS\n\n1. Are you a U.S. citizen?\n1. Yes" in source.text
    # a word processor's page-sized frame is not a table
    assert "\t" not in source.text
    assert len(suggest_statistics(source.text)) <= 2


@pytest.mark.shared
def test_a_damaged_pdf_whose_layout_cannot_be_read_keeps_its_plain_text(
        shared_data: Path, tmp_path: Path) -> None:
    whole = (shared_data / SAMPLES / "009-pdflatex-geotopo_GeoTopo-komprimiert.pdf").read_bytes()
    damaged = tmp_path / "cut.pdf"
    damaged.write_bytes(whole[: len(whole) * 9 // 10])
    source = _read(damaged)
    assert any("layout of the pages could not be read" in w for w in source.warnings)
    assert "Topologische" in source.text
    assert len(source.page_starts) > 50
