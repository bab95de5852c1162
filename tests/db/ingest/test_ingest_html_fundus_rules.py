"""Saved web pages: the rules found on fundus's pages (flairNLP/fundus test pages, many sites and
languages): entities left in JSON-LD, two names joined by "and", a contact address or the site's
own name as the byline, a name with a long description, and what stands between a standfirst
and the first paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.db.ingest.web_page import BODY, FIRST, HEAD, SECOND, TITLE, page

STANDFIRST = ("The mediators said both sides had agreed to the longer truce after a night of talks "
              "that ran on well past the deadline.")


def _json_ld(item: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(item)}</script>'


# --- what the metadata says --------------------------------------------------------------------


def test_entities_in_json_ld_are_read_as_the_characters_they_stand_for(tmp_path: Path) -> None:
    head = HEAD + _json_ld({"@type": "NewsArticle", "headline": "Talks: &quot;No deal&quot; &#8216;yet&#8217;",
                            "author": {"@type": "Person", "name": "Jos&eacute; Example"}})
    source = page(tmp_path, f"<article>{BODY}</article>", head)
    assert source.title == "Talks: \"No deal\" \u2018yet\u2019"
    assert source.author == "José Example"


def test_a_meta_title_escaped_twice_reads_as_its_characters(tmp_path: Path) -> None:
    head = HEAD + '<meta property="og:title" content="Talks: &amp;quot;No deal&amp;quot;">'
    assert page(tmp_path, f"<article>{BODY}</article>", head).title == 'Talks: "No deal"'


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Samya Example and Vasilisa Example", "Samya Example, Vasilisa Example"),
        ("Von Anna Beispiel und Lea Muster", "Anna Beispiel, Lea Muster"),
        ("Ann Roe, Bob Doe, Sarah Example and Tanya Example", "Ann Roe, Bob Doe, Sarah Example, Tanya Example"),
        ("Procter and Gamble", "Procter and Gamble"),  # an organisation's "and": single words
    ],
)
def test_two_names_joined_by_and_are_a_list_of_names(tmp_path: Path, byline: str, author: str) -> None:
    head = HEAD + f'<meta name="author" content="{byline}">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == author


def test_a_contact_address_as_the_author_gives_way_to_the_name_on_the_page(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="j.example@example-post.de">'
    body = f'<article><h1>{TITLE}</h1><p class="byline">Jane Example</p>{BODY}</article>'
    assert page(tmp_path, body, head).author == "Jane Example"


def test_the_sites_own_name_as_json_ld_person_gives_way_to_the_byline(tmp_path: Path) -> None:
    head = HEAD + _json_ld({"@type": "NewsArticle", "headline": TITLE,
                            "author": {"@type": "Person", "name": "Example Post"}})
    body = f'<article><h1>{TITLE}</h1><p class="byline">Jane Example</p>{BODY}</article>'
    assert page(tmp_path, body, head).author == "Jane Example"


def test_a_name_followed_by_a_long_description_is_the_name(tmp_path: Path) -> None:
    who = ("Povilas Example, professor at the Faculty of Human and Social Studies of the Example "
           "University of Vilnius and its Department of Philosophy, example.lt")
    head = HEAD + _json_ld({"@type": "NewsArticle", "headline": TITLE,
                            "author": {"@type": "Person", "name": who}})
    assert page(tmp_path, f"<article>{BODY}</article>", head).author == "Povilas Example"


# --- where the article starts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "between",
    [
        "<p>Lesedauer: 4 Minuten</p>",
        "<p>Reading time: 5 min</p>",
        "<p>Von Jane Example, Frankfurt</p>",
        "<p>20 April 2026 • Updated: 21 April 2026</p><p>Ankara</p>",
    ],
)
def test_a_byline_date_or_reading_time_after_the_standfirst_is_left_out(tmp_path: Path, between: str) -> None:
    head = HEAD + '<meta name="author" content="Jane Example">'
    body = f"<article><h1>{TITLE}</h1><p>{STANDFIRST}</p>{between}{BODY}</article>"
    lines = page(tmp_path, body, head).text.split("\n")
    assert lines[:3] == [STANDFIRST, FIRST, SECOND]


@pytest.mark.parametrize("mark", ["<ul><li>&#8594;</li><li>&#8594;</li></ul>", "<p>* * *</p>", "<p>–</p>"])
def test_a_line_without_a_letter_or_digit_before_the_article_is_left_out(tmp_path: Path, mark: str) -> None:
    body = f"<article><h1>{TITLE}</h1>{mark}{BODY}</article>"
    assert page(tmp_path, body).text.split("\n")[:2] == [FIRST, SECOND]


# --- a "by" beside the headline (postlight/parser's pages) --------------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Example on December 13, 2016", "Jane Example"),
        ("By Jane Example - Jan 9, 2017 at 10:05AM", "Jane Example"),
        ("2019/02/22 17:23 著者：後藤大地", "後藤大地"),
    ],
)
def test_a_by_line_beside_the_headline_with_its_date_or_a_japanese_label(
    tmp_path: Path, line: str, author: str
) -> None:
    body = f"<article><header><h1>{TITLE}</h1><div>{line}</div></header>{BODY}</article>"
    assert page(tmp_path, body).author == author


def test_a_by_line_a_few_boxes_above_the_headline_is_read(tmp_path: Path) -> None:
    headline = f"<div><div><header><span>World</span><h1>{TITLE}</h1></header></div></div>"
    body = f"<article><div>{headline}<div>By Teresa Example</div></div>{BODY}</article>"
    assert page(tmp_path, body).author == "Teresa Example"


def test_links_to_other_stories_listed_before_the_article_are_left_out(tmp_path: Path) -> None:
    related = ('<ul><li>Analysis <a href="/a">Why the last truce broke down within a week</a></li>'
               '<li>Timeline <a href="/b">Three years of talks between the two sides</a></li></ul>')
    body = f"<article><h1>{TITLE}</h1>{related}{BODY}</article>"
    assert page(tmp_path, body).text.split("\n")[:2] == [FIRST, SECOND]
    # the article's own points, a word of them linked, stay
    points = '<ul><li>The truce was <a href="/c">extended</a> by thirty more days on Tuesday</li></ul>'
    text = page(tmp_path, f"<article><h1>{TITLE}</h1>{points}{BODY}</article>", HEAD).text
    assert text.startswith("- The truce was extended by thirty more days on Tuesday")


def test_a_by_line_after_the_headlines_header_and_before_the_prose_is_read(tmp_path: Path) -> None:
    header = f"<header><span>Slow moving</span><h1>{TITLE}</h1><figure><img src='a.jpg'></figure></header>"
    # the article's prose is too long for the byline to count as the headline's box
    body = f"<article>{header}<div><div><span>By Yomi Example</span></div></div>{BODY}{BODY}</article>"
    assert page(tmp_path, body).author == "Yomi Example"
    # one in the list of other stories after the article is theirs
    others = "<ul><li><a href='/b'>Another story</a><div>By Jane Other</div></li></ul>"
    assert page(tmp_path, f"<article>{header}{BODY}</article>{others}").author is None
