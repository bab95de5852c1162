"""Saved web pages: trafilatura's byline of one word of a cased script (a forename, a name run
together) gives way to the full name a byline element shows; a name of a script written
without spaces (Japanese, Chinese) is one word and stays."""

from __future__ import annotations

import lxml.html
import pytest

from db.ingest.byline import author_of


def _tree(byline: str, declared: str = "") -> object:
    """A page with ``byline`` shown and ``declared`` as a meta's author (where trafilatura reads one)."""
    return lxml.html.document_fromstring(
        f"<html><head><meta name='author' content='{declared}'></head><body><article><h1>Truce holds</h1>"
        f"<div class='byline'>{byline}</div><p>Negotiators met again on Tuesday.</p></article></body></html>"
    )


@pytest.mark.parametrize("extracted", ["Jane", "Janeroe", "Wuff"])
def test_a_one_word_byline_gives_way_to_the_elements_full_name(extracted: str) -> None:
    shown = "von <a href='/creator/jane-roe/'>Jane Roe</a>"
    assert author_of(_tree(shown, extracted), [], extracted, "") == "Jane Roe"


def test_a_full_name_read_by_trafilatura_still_wins() -> None:
    assert author_of(_tree("By Jane Roe", "John Doe"), [], "John Doe", "") == "John Doe"


def test_a_name_of_a_script_without_spaces_stays() -> None:
    assert author_of(_tree("By Takeo Maeda", "新間"), [], "新間", "") == "新間"


def test_a_one_word_byline_stays_where_no_element_gives_a_full_name() -> None:
    assert author_of(_tree("By Jane", "Wuff"), [], "Wuff", "") == "Wuff"
