"""The one reader and writer of a claim's number: the same claim reads the same everywhere."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import values
from db.values import Estimate, describe, format_number, parse, read_number

# Numbers as a claim holds them: any finite float, as far as a float holds digits reliably.
numbers = (
    st.floats(allow_nan=False, allow_infinity=False)
    .map(lambda x: float(f"{x:.{values.DIGITS}g}"))
    .filter(math.isfinite)  # the largest floats round up past the largest float
)


@st.composite
def estimates(draw: st.DrawFn) -> Estimate:
    value, low, high = (draw(st.none() | numbers) for _ in range(3))
    if low is not None and high is not None and low > high:
        low, high = high, low
    if value is None and low is None and high is None:
        value = draw(numbers)
    return Estimate(value, low, high, draw(st.booleans()))


@given(estimates())
def test_a_written_claim_reads_back_the_same(claim: Estimate) -> None:
    assert parse(values.format(claim)) == claim


@given(estimates())
def test_a_claim_in_words_reads_back_the_same(claim: Estimate) -> None:
    assert parse(describe(claim)) == claim


@given(numbers)
def test_a_written_number_reads_back_the_same(number: float) -> None:
    assert read_number(format_number(number)) == number


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (5816.0, "5,816"),
        (1234.5678, "1,234.5678"),
        (0.1 + 0.2, "0.3"),
        (0.25, "0.25"),
        (-3.0, "-3"),
        (-0.0, "0"),
        (1.5e6, "1,500,000"),
        (4.1e12, "4,100,000,000,000"),
        (1e-7, "0.0000001"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_the_display_rule(number: float | None, shown: str) -> None:
    assert format_number(number) == shown


@pytest.mark.parametrize(
    ("claim", "shown", "words"),
    [
        (Estimate(249.0), "249", "249"),
        (Estimate(1200.0, 1000.0, 1500.0, True), "~1,200 (1,000–1,500)", "about 1,200 (1,000–1,500)"),
        (Estimate(110.0, 110.0), "110 (≥ 110)", "110 (≥ 110)"),
        (Estimate(None, 10.0, 20.0), "10–20", "between 10 and 20"),
        (Estimate(None, 19.0), "≥ 19", "at least 19"),
        (Estimate(None, None, 50.0), "≤ 50", "at most 50"),
        (Estimate(None, 24.0, None, True), "~≥ 24", "at least about 24"),
        (Estimate(), "", ""),
    ],
)
def test_claims_are_written_one_way(claim: Estimate, shown: str, words: str) -> None:
    assert values.format(claim) == shown
    assert describe(claim) == words


# The forms the statistics pane's Value cell accepts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("~1,200 (1,000–1,500)", {"value": 1200.0, "low": 1000.0, "high": 1500.0, "approximate": True}),
        ("≥ 19", {"value": None, "low": 19.0, "high": None, "approximate": False}),
        ("10-20", {"value": None, "low": 10.0, "high": 20.0, "approximate": False}),
        ("some 430", {"value": 430.0, "low": None, "high": None, "approximate": True}),
        ("2,000 (1,800-2,400)", {"value": 2000.0, "low": 1800.0, "high": 2400.0, "approximate": False}),
        ("about 5 816", {"value": 5816.0, "low": None, "high": None, "approximate": True}),
        ("at least 110", {"value": None, "low": 110.0, "high": None, "approximate": False}),
        ("<= 7", {"value": None, "low": None, "high": 7.0, "approximate": False}),
        ("an estimated 249", {"value": 249.0, "low": None, "high": None, "approximate": True}),
        ("10 to 20", {"value": None, "low": 10.0, "high": 20.0, "approximate": False}),
        ("-5", {"value": -5.0, "low": None, "high": None, "approximate": False}),
    ],
)
def test_value_cells(text: str, expected: dict[str, object]) -> None:
    assert dataclasses.asdict(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no number given"),
        ("many", "“many” is not a number, a range or a bound"),
        ("12 (lots)", "“lots” is not a range or a bound"),
        ("20–10", "the range runs backwards"),
        ("12,00", "not a number"),
    ],
)
def test_unreadable_cells_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [("5,816", 5816.0), ("5 816", 5816.0), ("5\u00a0816", 5816.0), ("12.5", 12.5), ("  ", None), ("1e6", 1e6)],
)
def test_numbers_as_people_write_them(text: str, number: float | None) -> None:
    assert read_number(text) == number


@pytest.mark.parametrize("text", ["many", "12,00", "1,2345", "nan", "inf", "1e999"])
def test_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="number"):
        read_number(text)
