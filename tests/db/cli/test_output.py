"""What the headless commands print for people: tables, a claim's value, progress."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from db import values
from db.cli.output import (
    CELL_LIMIT,
    Progress,
    print_csv,
    print_json,
    print_table,
    text,
)


@dataclass
class Claim:
    value: float | None
    low: float | None = None
    high: float | None = None
    approximate: bool = False


def test_a_table_aligns_its_columns_under_a_rule() -> None:
    out = io.StringIO()
    print_table([["1", "Caucasus Knot"], ["12", "Russian officials"]], ["id", "claimant"], out)
    assert out.getvalue().splitlines() == [
        "id  claimant",
        "--  -----------------",
        "1   Caucasus Knot",
        "12  Russian officials",
    ]


def test_a_cell_keeps_to_one_line_and_a_readable_width() -> None:
    out = io.StringIO()
    print_table([["were\nkilled   in\tDagestan", "x" * 100]], ["quote", "long"], out)
    row = out.getvalue().splitlines()[2]
    assert row.startswith("were killed in Dagestan  ")
    assert row.endswith("x" * (CELL_LIMIT - 1) + "…")


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        (Claim(249), "249"),
        (Claim(5816.0), "5,816"),
        (Claim(1234.5678), "1,234.5678"),
        (Claim(1200, 1000, 1500, approximate=True), "~1,200 (1,000–1,500)"),
        (Claim(None, low=19), "≥ 19"),
        (Claim(None, high=30), "≤ 30"),
        (Claim(110, low=110), "110 (≥ 110)"),
        (Claim(None), ""),
    ],
)
def test_a_claims_value_reads_as_the_windows_value_column(claim: Claim, shown: str) -> None:
    assert values.format(claim) == shown


def test_unknown_numbers_and_values_print_empty() -> None:
    assert values.format_number(None) == ""
    assert text(None) == ""
    assert text(2015) == "2015"


def test_json_keeps_non_latin_text_readable() -> None:
    out = io.StringIO()
    print_json({"title": "Сводка"}, out)
    assert out.getvalue() == '{\n  "title": "Сводка"\n}\n'


def test_csv_has_a_header_and_the_columns_in_order() -> None:
    out = io.StringIO()
    print_csv([{"b": 2, "a": "x, y"}], ["a", "b"], out)
    assert out.getvalue() == 'a,b\n"x, y",2\n'


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_and_clears_its_line() -> None:
    stream = Terminal()
    progress = Progress(stream)
    progress(1, 4, "/data/reports/one.pdf")
    assert "[#######.......................] 1/4 one.pdf" in stream.getvalue()
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * 90 + "\r")


def test_progress_is_silent_when_piped() -> None:
    stream = io.StringIO()
    progress = Progress(stream)
    progress(1, 4, "one.pdf")
    progress.close()
    assert stream.getvalue() == ""


def test_a_json_array_written_item_by_item_is_the_same_text() -> None:
    from db.cli.output import print_json, print_json_items

    for items in ([], [{"path": "a.txt", "status": "imported", "warnings": ["x\ny"]}, {"path": "б", "n": [1, {"k": None}]}]):
        whole, streamed = io.StringIO(), io.StringIO()
        print_json(items, whole)
        print_json_items(iter(items), streamed)
        assert streamed.getvalue() == whole.getvalue()


def test_a_problem_is_one_line_whatever_it_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    from db.cli.output import problem

    problem("dump.sql: could not be saved (INSERT INTO sources\nVALUES (?, ?)\r\n)")
    _, err = capsys.readouterr()
    assert err == "dump.sql: could not be saved (INSERT INTO sources\\nVALUES (?, ?)\\n)\n"
