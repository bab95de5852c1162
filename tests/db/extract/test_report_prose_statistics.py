"""Statistics in the prose of NGO and UN reports (issue 14): provisions, limits, year ranges and
the wholes a sentence divides are told from counts."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def _values(text: str) -> list[tuple[float | None, float | None, float | None]]:
    return [(c.value, c.low, c.high) for c in suggest_statistics(text)]


@pytest.mark.parametrize("text", [
    "The Committee urged the government to lift its reservations to Articles 2 and 16 of the Convention.",
    "It called for amendments to Article 409 of the Penal Code.",
    "The treaty was adopted under UN Security Council Resolution 1612 in June.",
    "The plantation vastly exceeded the legal limit of 10,000 hectares.",
])
def test_provisions_and_limits_are_not_counts(text: str) -> None:
    assert suggest_statistics(text) == []


def test_a_range_of_years_is_a_period_not_a_count() -> None:
    [figure] = suggest_statistics("Revised estimates put the total number of civilian casualties in the "
                                  "conflict in Iraq between 2004 and 2009 at 66,081.")
    assert figure.value == 66081
    assert figure.subject == "civilian casualties"
    assert figure.period_start is not None
    assert figure.period_start.year == 2004


def test_the_whole_a_sentence_divides_is_a_count() -> None:
    assert _values("Of the several hundred people awaiting resettlement abroad, some 340 were "
                   "resettled.") == [(None, 200, None), (340, None, None)]


def test_a_vague_count_after_the_is_a_count() -> None:
    assert _values("The dam threatened the thousands of people needing resettlement.") == [(None, 2000, None)]
    # a definite figure after "the" still refers back
    assert _values("The 12 were released later.") == []


def test_others_opening_a_sentence_counts_people() -> None:
    assert _values("At least 1.5 million others were internally displaced.") == [(1_500_000, 1_500_000, None)]


def test_a_footnote_marker_set_after_a_grouped_number_is_left_out() -> None:
    assert _values("At least 1,2003 people were killed in the attacks.") == [(1200, 1200, None)]
    assert _values("In all, 1,234,567 people voted.") == [(1_234_567, None, None)]


def test_estimates_after_an_opening_adjective_are_a_noun_not_a_claim() -> None:
    [figure] = suggest_statistics("Revised estimates put the total number of civilian casualties at 66,081.")
    assert figure.claimant is None
    [figure] = suggest_statistics("Reuters reports 40 people died.")
    assert figure.claimant == "Reuters"


def test_a_number_in_a_name_before_a_singular_noun_is_no_count() -> None:
    assert suggest_statistics("The World Bank approved the Nam Theun 2 dam project, despite concerns.") == []
    assert _values("In Kabul Province 12 civilians were killed.") == [(12, None, None)]


def test_a_section_number_opening_a_heading_is_no_figure() -> None:
    assert _values("2.3 Civilian casualties\n\nIn 2015, 40 people died.") == [(40, None, None)]
    # a figure opening a sentence stays one
    assert _values("1.5 Million people fled the fighting in May.") == [(1_500_000, None, None)]
