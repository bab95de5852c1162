"""A page whose only title is its <title>: the article's visible headline (<h1>) wins over a
shorter or search-engine variant there, never a logo's, a section's or a hidden <h1>."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.ingest.web_page import BODY, FIRST, page

HEADLINE = "Negotiators agree to extend the fragile ceasefire by thirty more days"
SEO_TITLE = "Ceasefire extended: what the thirty-day truce means"


def _head(title: str, extra: str = "") -> str:
    return f'<meta charset="utf-8"><title>{title}</title>{extra}'


def test_the_articles_headline_wins_over_a_different_title(tmp_path: Path) -> None:
    body = f'<header><h1><a href="/">Example Post</a></h1></header><article><h1>{HEADLINE}</h1>{BODY}</article>'
    assert page(tmp_path, body, _head(SEO_TITLE)).title == HEADLINE


def test_a_share_title_written_apart_from_the_title_still_wins_over_the_headline(tmp_path: Path) -> None:
    share = "Thirty more days of ceasefire agreed"
    head = _head(SEO_TITLE, f'<meta property="og:title" content="{share}">')
    assert page(tmp_path, f"<article><h1>{HEADLINE}</h1>{BODY}</article>", head).title == share


@pytest.mark.parametrize(
    "declared",
    [
        f'<meta property="og:title" content="{SEO_TITLE} | Example Post">',  # the template's copy
        f'<meta property="og:title" content="{SEO_TITLE}">',  # without the site's name
        f'<script type="application/ld+json">{{"@type": "WebPage", "name": "{SEO_TITLE}"}}</script>',
    ],
)
def test_a_share_title_that_only_copies_the_title_gives_way_to_the_headline(
    tmp_path: Path, declared: str
) -> None:
    head = _head(f"{SEO_TITLE} | Example Post", declared + '<meta property="og:site_name" content="Example Post">')
    assert page(tmp_path, f"<article><h1>{HEADLINE}</h1>{BODY}</article>", head).title == HEADLINE


def test_a_headline_that_is_the_title_with_a_kicker_before_it_gives_the_title(tmp_path: Path) -> None:
    body = f'<article><h1><span class="topline">Ceasefire</span> {SEO_TITLE}</h1>{BODY}</article>'
    head = _head(SEO_TITLE, f'<meta property="og:title" content="{SEO_TITLE}">')
    assert page(tmp_path, body, head).title == SEO_TITLE


def test_a_headline_with_the_titles_words_keeps_the_titles_separator(tmp_path: Path) -> None:
    body = f'<article><h1><span class="topline">Ceasefire</span> {SEO_TITLE}</h1>{BODY}</article>'
    title = f"Ceasefire - {SEO_TITLE}"
    assert page(tmp_path, body, _head(title)).title == title


def test_a_headlines_ruby_readings_and_soft_hyphens_are_left_out(tmp_path: Path) -> None:
    body = ("<article><h1>Cease\xadfire <ruby>停戦<rp>(</rp><rt>ていせん</rt><rp>)</rp></ruby> "
            f"extended by thirty days</h1>{BODY}</article>")
    title = page(tmp_path, body, _head("Truce news")).title
    assert title == "Ceasefire 停戦 extended by thirty days"


def test_a_heading_styled_as_a_logo_is_no_headline(tmp_path: Path) -> None:
    body = f'<article><h1 class="logo"><a href="/opinion/">Opinion</a></h1>{BODY}</article>'
    assert page(tmp_path, body, _head(f"{SEO_TITLE} Opinion")).title == f"{SEO_TITLE} Opinion"


def test_outside_an_article_the_headline_sharing_words_with_the_title_wins(tmp_path: Path) -> None:
    body = (f'<div><h1 class="section"><a href="/news/business/">Business Monday</a></h1>'
            f"<h1>{HEADLINE}</h1></div>{BODY}<div><h1>Related content</h1></div>")
    assert page(tmp_path, body, _head(SEO_TITLE)).title == HEADLINE


@pytest.mark.parametrize(
    "heading",
    [
        '<h1><a href="https://example.org/">Ceasefire Watch</a></h1>',  # the site's logo, linked home
        '<h1><img src="logo.png" alt="">Ceasefire Watch</h1>',  # the site's logo
        "<h1>Regional news and analysis</h1>",  # a section's heading: no word of the title
        '<nav><h1>Ceasefire menu</h1></nav>',  # page furniture
        '<h1 class="visually-hidden">Ceasefire truce news</h1>',  # for screen readers only
    ],
)
def test_no_logo_section_or_hidden_heading_replaces_the_title(tmp_path: Path, heading: str) -> None:
    assert page(tmp_path, f"{heading}{BODY}", _head(SEO_TITLE)).title == SEO_TITLE


def test_a_title_that_is_the_headline_and_a_section_after_a_separator_is_kept(tmp_path: Path) -> None:
    title = f"{HEADLINE} _World _Example Post"
    assert page(tmp_path, f"<div><h1>{HEADLINE}</h1></div>{BODY}", _head(title)).title == title


@pytest.mark.parametrize("title", [f"{HEADLINE}.", f"{HEADLINE} EXAMPLEPOST"])
def test_a_title_that_is_the_headline_with_a_stop_or_a_word_after_it_gives_the_headline(
    tmp_path: Path, title: str
) -> None:
    assert page(tmp_path, f"<div><h1>{HEADLINE}</h1></div>{BODY}", _head(title)).title == HEADLINE


def test_a_japanese_headline_sharing_characters_with_the_title_wins_over_a_section(tmp_path: Path) -> None:
    headline = "指紋認証でサインインできるマウスを発売"
    body = f"<main><h1>ニュースリリース</h1><div><h1>{headline}</h1></div>{BODY}</main>"
    assert page(tmp_path, body, _head(f"{headline}。｜サンプル株式会社")).title == headline


def test_the_headline_as_the_share_title_gives_it_is_not_the_first_paragraph(tmp_path: Path) -> None:
    # the page's <h1> is short; the article repeats the headline with its kicker, as og:title has it
    shared = "Premiere in the capital - Negotiators agree to extend the fragile ceasefire once more"
    head = _head(f"{HEADLINE} | Example Post", f'<meta property="og:title" content="{shared}">')
    body = f"<article><h1>{HEADLINE}</h1><div><p><strong>{shared}</strong></p></div>{BODY}</article>"
    source = page(tmp_path, body, head)
    assert source.text.startswith(FIRST[:60]), source.text[:200]


def test_the_sites_name_after_a_double_hyphen_is_cut_from_the_title(tmp_path: Path) -> None:
    head = _head(f"{HEADLINE} -- Example.net", '<meta property="og:site_name" content="Example.net">')
    assert page(tmp_path, f"<div class=\"post\">{BODY}</div>", head).title == HEADLINE


def test_a_declared_title_shown_as_another_h1_wins_over_a_sections_title(tmp_path: Path) -> None:
    head = _head("News - Example Post", f'<meta property="og:title" content="{HEADLINE}">')
    body = f"<div><h1>News</h1></div><article><h1>{HEADLINE}</h1>{BODY}</article>"
    assert page(tmp_path, body, head).title == HEADLINE


def test_a_share_title_cut_short_by_an_unescaped_quotation_mark_gives_the_title(tmp_path: Path) -> None:
    head = ('<meta charset="utf-8"><title>Senator calls the plan "unworkable"</title>'
            '<meta property="og:title" content="Senator calls the plan "unworkable"">')
    assert page(tmp_path, f"<article>{BODY}</article>", head).title == 'Senator calls the plan "unworkable"'
