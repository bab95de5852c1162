"""Saved web pages: who wrote them when the page names the writer in its own way: a "By" in an
element of its own, several names listed, the surname first, a profile's address, an account's
name, a second author meta after the site's, a Korean reporter's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.ingest.byline import clean
from tests.db.ingest.web_page import BODY, HEAD, TITLE, page

MORE = "<div class=\"more\"><h3>More stories</h3>" + "".join(
    f"<p><a href=\"/story/{n}\">{t}</a></p>" for n, t in enumerate(
        ["Talks stall over the prisoner exchange", "Aid convoy reaches the besieged town at last",
         "Shelling resumes near the northern checkpoint", "What the new ceasefire means for the region"])
) + "</div>"
NAV = "".join(f'<a href="/{s.lower()}">{s}</a> ' for s in ("The Example Club", "Home", "World", "Sport"))


# --- bylines the page shows ---------------------------------------------------------------------


def test_a_class_mentioning_authors_on_the_whole_page_is_no_byline(tmp_path: Path) -> None:
    # a site's feature flags in one class attribute ("f_author_page_canonical_on") around it all
    body = (f'<div class="permalink f_author_page_canonical_on f_ads_on"><div class="topbar">{NAV}</div>'
            f"<header><h1>{TITLE}</h1></header><div class=\"post\">{BODY}</div>{MORE}</div>")
    assert page(tmp_path, body).author is None


def test_a_by_in_its_own_element_under_the_headline_is_followed_by_the_name(tmp_path: Path) -> None:
    body = (f'<header><h1>{TITLE}</h1></header><div class="meta"><div><span>By</span>'
            '<div><a href="/author/jexample">Jane Example</a></div></div>'
            '<time datetime="2016-10-13T12:34:00">10/13/16 12:34PM</time></div>'
            f'<div class="post">{BODY}</div>')
    assert page(tmp_path, body).author == "Jane Example"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Example, John Example and Jim Example", "Jane Example, John Example, Jim Example"),
        ("Von: Anna Beispiel, Lea Muster", "Anna Beispiel, Lea Muster"),
    ],
)
def test_several_names_after_a_by_under_the_headline_are_listed(tmp_path: Path, byline: str, names: str) -> None:
    body = f'<header><h1>{TITLE}</h1></header><div class="info">{byline}</div><div class="post">{BODY}</div>'
    assert page(tmp_path, body).author == names


# --- what the metas say ---------------------------------------------------------------------------


def test_a_surname_first_author_meta_reads_forename_first(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Example, Jane">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Jane Example"


def test_a_second_author_meta_names_the_writer_after_the_sites_own_name(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Example Post"><meta name="author" content="Jane Example">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Jane Example"


def test_a_korean_reporters_title_after_the_name_is_cut(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="신현주 기자">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "신현주"


def test_a_profile_address_as_author_meta_names_who_the_page_shows(tmp_path: Path) -> None:
    head = HEAD + '<meta property="article:author" content="https://www.example.com/editors/jane-example">'
    shown = (f'<article><h1>{TITLE}</h1><div class="meta-bar"><span>Jane Example, @jexample</span>'
             f"<span>1h ago</span></div>{BODY}</article>")
    assert page(tmp_path, shown, head).author == "Jane Example"
    # an address naming nobody the page shows is no name
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author is None


def test_an_accounts_name_as_author_meta_gives_way_to_the_name_it_spells(tmp_path: Path) -> None:
    head = HEAD + '<meta name="parsely-author" content="janeexample">'
    byline = '<div class="byline">By <a href="/staff/janeexample">Jane Example</a></div>'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{byline}{BODY}</article>", head).author == "Jane Example"
    # an account the page spells no other way is still who wrote it
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "janeexample"


def test_an_accounts_name_declared_twice_still_gives_way_to_the_name_it_spells(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="jane_example"><meta name="parsely-author" content="jane_example">'
    byline = '<div class="byline">By <a href="/people/7">Jane Example</a></div>'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{byline}{BODY}</article>", head).author == "Jane Example"


def test_a_social_profile_address_without_its_scheme_is_no_name(tmp_path: Path) -> None:
    # article:author as "www.facebook.com/..." (no "https://"); the page's byline names the writer
    head = HEAD + '<meta property="article:author" content="www.facebook.com/janeexamplenews">'
    byline = '<p class="postmeta">By <a href="/author/jane-example/" rel="author">Jane Example</a></p>'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{byline}{BODY}</article>", head).author == "Jane Example"


@pytest.mark.parametrize("kind", ["BlogPosting", "DiscussionForumPosting", "LiveBlogPosting"])
def test_a_postings_json_ld_author_and_headline_are_read(tmp_path: Path, kind: str) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "%s", '
          '"headline": "Truce talks: the thread", "author": {"@type": "Person", "name": "Jane Roe"}}</script>')
    source = page(tmp_path, f"<article>{BODY}</article>", HEAD + ld.replace("%s", kind))
    assert source.author == "Jane Roe"
    assert source.title == "Truce talks: the thread"


def test_rel_author_links_side_by_side_are_listed(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><div>By <a rel='author' href='/a/1'>Jane Roe</a> and "
            f"<a rel='author' href='/a/2'>John Doe</a></div>{BODY}</article>")
    assert page(tmp_path, body).author == "Jane Roe, John Doe"


def test_a_rel_author_link_elsewhere_is_not_listed_with_the_first(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><div>By <a rel='author' href='/a/1'>Jane Roe</a></div>{BODY}"
            "<div class='next'><p>Next: <a rel='author' href='/a/2'>John Doe</a></p></div></article>")
    assert page(tmp_path, body).author == "Jane Roe"


@pytest.mark.parametrize("joined", ["im Gespräch mit", "en conversation avec"])
def test_an_interviews_credit_lists_the_guest_and_the_interviewer(tmp_path: Path, joined: str) -> None:
    body = f"<article><h1>{TITLE}</h1><div class='author'>Anna Roe {joined} Lea Doe</div>{BODY}</article>"
    assert page(tmp_path, body).author == "Anna Roe, Lea Doe"


def test_an_interviews_credit_in_english_is_read_as_two_names() -> None:
    assert clean("Anna Roe in conversation with Lea Doe") == "Anna Roe, Lea Doe"
