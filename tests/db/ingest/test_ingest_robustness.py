"""Bad input never crashes a reader: it gives sources or an IngestError, nothing else."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.ingest.base import IngestError
from db.ingest.formats import reader_for

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".csv", ".tsv", ".xlsx", ".jsonl"]
MakePdf = Callable[..., Path]


def outcome(path: Path) -> str:
    """ "read", or the IngestError's message; any other exception fails the test."""
    reader = reader_for(path)
    assert reader is not None
    try:
        for source in reader.parse(path):
            assert isinstance(source.text, str)
            for comment in source.comments:
                assert 0 <= comment.start < comment.end <= len(source.text)
            assert all(0 <= start <= len(source.text) for start in source.page_starts)
    except IngestError as error:
        return str(error) or "(an IngestError without a message)"
    return "read"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(min_size=0, max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    assert outcome(path) != "(an IngestError without a message)"


def _real_files(tmp_path: Path, make_pdf: MakePdf) -> list[Path]:
    document = docx.Document()
    paragraph = document.add_paragraph("A commented claim.")
    document.add_comment(paragraph.runs, text="Check it")
    document.save(str(tmp_path / "real.docx"))
    workbook = openpyxl.Workbook()
    workbook.active.append(["title", "text", "date"])
    workbook.active.append(["One", "First", "2015-07-11"])
    workbook.save(tmp_path / "real.xlsx")
    (tmp_path / "real.csv").write_text('title,text\nOne,"First, quoted"\n')
    (tmp_path / "real.html").write_text("<html><title>T</title><body><p>Body text.</p></body>")
    return [
        make_pdf("real.pdf", ["Page one.", "Page two."], title="Doc"),
        make_pdf("locked.pdf", ["Secret."], password="pw"),
        tmp_path / "real.docx",
        tmp_path / "real.xlsx",
        tmp_path / "real.csv",
        tmp_path / "real.html",
    ]


@pytest.mark.parametrize("seed", range(12))
def test_damaged_copies_of_real_files(tmp_path: Path, make_pdf: MakePdf, seed: int) -> None:
    chance = random.Random(seed)
    for original in _real_files(tmp_path, make_pdf):
        data = bytearray(original.read_bytes())
        damaged = tmp_path / f"damaged-{original.name}"
        # Cut the file short (odd seeds), and overwrite a few bytes at random.
        if seed % 2:
            del data[chance.randrange(1, len(data)) :]
        for _ in range(chance.randrange(1, 6)):
            if data:
                data[chance.randrange(len(data))] = chance.randrange(256)
        damaged.write_bytes(bytes(data))
        assert outcome(damaged) != "(an IngestError without a message)"
