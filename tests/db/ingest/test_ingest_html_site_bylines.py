"""Saved web pages: the writer where the page also gives its own site's name as the author, or
names the writer in a way of its own (a "| By" read aloud to screen readers, an "autor" class,
a labelled line under the article, a credit after the name); names that are no names (a
comment's "says", a picture's credit, "Posted"); and where the text starts past a byline's
newsroom line and a "name | place | date" line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.ingest.web_page import BODY, FIRST, HEAD, TITLE, page

# --- the site's own name is not the writer ------------------------------------------------------


def test_the_site_declared_as_author_gives_way_to_the_byline_shown(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Example Post">'
    body = (f"<article><h1>{TITLE}</h1><span class='article_author-name'><a href='/auteur/jd'>Jane Doe</a>"
            f"</span>{BODY}</article>")
    assert page(tmp_path, body, head).author == "Jane Doe"


def test_the_site_declared_as_author_is_kept_where_no_one_else_is_named(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Example Post">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Example Post"


def test_a_byline_of_the_site_and_a_name_names_the_writer(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Example Post - Alberto Ávila">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Alberto Ávila"


# --- bylines shown in other ways -----------------------------------------------------------------


def test_a_by_with_a_separator_before_it_is_followed_by_the_name(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><div class='meta'><span class='sr-only'>| By </span>"
            f"<span>Cara Doe</span> | <time>April 13, 2020</time></div>{BODY}</article>")
    assert page(tmp_path, body).author == "Cara Doe"


def test_a_class_saying_autor_is_a_byline_and_its_date_line_is_not_the_text(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><p class='autor'><strong>Patricio Roe</strong> | Palma | 08/01/2014</p>"
            f"{BODY}</article>")
    source = page(tmp_path, body)
    assert source.author == "Patricio Roe"
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_labelled_line_under_the_article_names_the_writer(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1>{BODY}<p><strong>Text:</strong> Klausmartin Roe</p></article>"
    assert page(tmp_path, body).author == "Klausmartin Roe"


def test_a_credit_without_a_colon_after_the_name_is_cut(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><p><em>Text von Christian Roe &nbsp; Illustration von Max Muster</em>"
            f"</p>{BODY}</article>")
    assert page(tmp_path, body).author == "Christian Roe"


# --- what is no name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    ["Art Edwards says", "Peter Roe designed", "Posted", "No Author"],
)
def test_what_is_no_name_is_not_the_author(tmp_path: Path, byline: str) -> None:
    body = f"<article><h1>{TITLE}</h1><div class='byline'>{byline}</div>{BODY}</article>"
    assert page(tmp_path, body).author is None


def test_a_name_with_a_joined_particle_and_a_role_after_a_comma_is_a_name(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1><div class='byline'>By Omar al-Hassan, dpa</div>{BODY}</article>"
    assert page(tmp_path, body).author == "Omar al-Hassan"


# --- where the text starts ----------------------------------------------------------------------


def test_the_newsroom_the_dateline_credits_is_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><p>CNN</p><p>WASHINGTON (CNN) — {FIRST}</p>{BODY}</article>")
    assert page(tmp_path, body).text.startswith("WASHINGTON (CNN)"), page(tmp_path, body).text[:200]


# --- a personal site named after its owner -----------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "<title>Parsing JSON fast – Jane Roe's blog</title>",
        "<title>Jane Roe’s Digital Home | Parsing JSON fast</title>",
        '<title>Parsing JSON fast</title><meta property="og:site_name" content="Jane Roe\'s Weblog">',
    ],
)
def test_a_personal_site_named_after_its_owner_names_the_writer(tmp_path: Path, head: str) -> None:
    assert page(tmp_path, f"<article>{BODY}</article>", head).author == "Jane Roe"


def test_a_byline_wins_over_the_owner_a_sites_name_gives(tmp_path: Path) -> None:
    head = "<title>Parsing JSON fast – Jane Roe's blog</title>"
    body = f"<article><p class='byline'>By John Doe</p>{BODY}</article>"
    assert page(tmp_path, body, head).author == "John Doe"


def test_a_possessive_that_is_no_persons_site_names_nobody(tmp_path: Path) -> None:
    head = "<title>the world's notes on parsing</title>"
    assert page(tmp_path, f"<article>{BODY}</article>", head).author is None
