"""Saved web pages: where the article starts (standfirst kept; captions, tag links, bylines left
out) and who wrote it, on pages shaped as real news sites shape them."""

from __future__ import annotations

from pathlib import Path

from tests.db.ingest.web_page import BODY, FIRST, HEAD, SECOND, THIRD, page

STANDFIRST = ("A month more of quiet along the front? Both sides say the ceasefire will hold, "
              "after a week of deadly violations in the east.")


# --- the standfirst ---------------------------------------------------------------------------


def test_a_standfirst_in_its_own_box_between_byline_and_body_is_kept(tmp_path: Path) -> None:
    # as a Czech news site shapes it: the perex a div of its own, the body in another
    # another story's summary before the article is not its standfirst, marked or not
    teaser = ('<ul class="top"><li><a href="/other"><p class="summary">Rescue teams reached the valley on '
              'Monday after two days of rain had washed away the only bridge into the district.</p></a></li></ul>')
    body = (teaser + '<div class="article"><h1 class="article__title">Truce extended for thirty days</h1>'
            '<div class="author"><a class="author__name" href="/autori/jana">Jana Novak</a>'
            '<div class="author__date">2 hours ago</div></div>'
            f'<div class="article__perex">{STANDFIRST}</div>'
            '<div class="article__photo"><img src="a.jpg" alt="Soldiers at a checkpoint">'
            '<div class="article__photo__desc">Soldiers at a checkpoint near the front. | Photo: Example</div></div>'
            f'<div class="article__content">{BODY}</div></div>')
    source = page(tmp_path, body)
    assert source.text.startswith(STANDFIRST), source.text[:300]
    assert source.text.split("\n")[1].startswith("Negotiators from both delegations")
    assert "Soldiers at a checkpoint" not in source.text


def test_a_standfirst_in_the_headlines_box_that_the_description_repeats_is_kept(tmp_path: Path) -> None:
    # as an Argentine daily shapes it: <p class="bajada" itemprop="description"> under the headline,
    # the body a section apart; og:description says the same
    head = HEAD + f'<meta property="og:description" content="{STANDFIRST}">'
    body = ('<article itemscope itemtype="http://schema.org/NewsArticle">'
            '<div class="encabezado"><h1 itemprop="headline">Truce extended for thirty days</h1>'
            f'<p class="bajada" itemprop="description">{STANDFIRST}</p></div>'
            f'<section id="cuerpo" itemprop="articleBody">{BODY}</section></article>')
    source = page(tmp_path, body, head)
    assert source.text.startswith(STANDFIRST), source.text[:300]
    assert source.text.count("A month more of quiet") == 1


# --- captions, tags, bylines before the first paragraph -----------------------------------------


def test_a_centred_caption_under_a_picture_paragraph_is_not_the_first_paragraph(tmp_path: Path) -> None:
    body = ('<div class="article-content"><h1>Truce extended for thirty days</h1>'
            '<p align="center"><img src="a.jpg" alt=""></p>'
            '<p align="center">The mediators at the table on Tuesday.</p>'
            f"{BODY}</div>")
    source = page(tmp_path, body)
    assert source.text.startswith("Negotiators from both delegations"), source.text[:300]


def test_tag_links_under_the_date_line_are_not_the_first_paragraph(tmp_path: Path) -> None:
    # as a town hall's news page shapes it: date, author, category and tags in one <small>, one
    # tag link a line, the text straight in the column after two <br>
    body = ('<div class="row"><div class="col-md-3"><ul><li><a href="/n?y=2018">2018</a></li></ul></div>'
            '<div class="col-md-9"><p class="titulo">Truce extended for thirty days</p>'
            '<small><b>05/10/2018</b> - Posted by: Clarissa Example - Category: <a href="/cat/19">World</a>'
            ' - Tags: <a href="/tag/truce">truce</a>\n<a href="/tag/east"> east</a>\n'
            '<a href="/tag/talks"> talks</a>\n</small><br><br>'
            f'<img alt="" src="a.jpeg">{FIRST} {SECOND} {THIRD}<br>\n<br><br></div></div>')
    source = page(tmp_path, body)
    assert source.text.startswith("Negotiators from both delegations"), source.text[:300]


def test_a_byline_line_is_not_the_first_paragraph(tmp_path: Path) -> None:
    body = ('<article><h1>Truce extended for thirty days</h1><div class="entry-content">'
            f"<p><strong>By Amina Yusuf, Staff Writer</strong></p>{BODY}</div></article>")
    source = page(tmp_path, body, HEAD + '<meta name="author" content="Amina Yusuf">')
    assert source.author == "Amina Yusuf"
    assert source.text.startswith("Negotiators from both delegations"), source.text[:300]


# --- title and date the article's head shows ----------------------------------------------------


def test_the_headline_the_page_shows_twice_wins_over_the_sites_share_title(tmp_path: Path) -> None:
    head = ('<meta charset="utf-8"><title>Truce extended for thirty days</title>'
            '<meta property="og:title" content="Example News - Latest News &amp; Headlines">'
            '<script type="application/ld+json">{"@type": "WebPage", "headline": "Example News Exclusives"}</script>')
    source = page(tmp_path, f"<article><h1>Truce extended for thirty days</h1>{BODY}</article>", head)
    assert source.title == "Truce extended for thirty days"


def test_the_time_under_the_headline_dates_the_article_over_the_address(tmp_path: Path) -> None:
    head = ('<meta charset="utf-8"><title>Truce extended for thirty days</title>'
            '<link rel="canonical" href="https://example.org/news/2016/11/09/truce-extended">')
    body = ('<div class="headlines"><ul><li><a href="/a">Floods cut roads</a> '
            '<time datetime="2016-11-13T10:00:00Z">2 days ago</time></li></ul></div>'
            '<article><h1>Truce extended for thirty days</h1><div class="authorinfo"><span>Amina Yusuf</span> '
            f'<time datetime="2016-11-15T07:00:00.000Z">1 day ago</time></div>{BODY}</article>')
    source = page(tmp_path, body, head)
    assert source.published is not None
    assert (source.published.year, source.published.month, source.published.day) == (2016, 11, 15)


# --- who wrote it -------------------------------------------------------------------------------


def test_the_sites_own_name_as_meta_author_loses_to_the_posted_by_line(tmp_path: Path) -> None:
    # a town hall's CMS puts its IT office in <meta name=author> (and generator) on every page,
    # and its Organization in JSON-LD; the page says who posted the story
    head = (HEAD + '<meta name="author" content="PMX - IT Office"><meta name="generator" content="PMX - IT Office">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",'
            ' "name": "Town Hall of Example"}</script>')
    body = ('<div class="col-md-9"><p class="titulo">Truce extended for thirty days</p>'
            '<small><b>05/10/2018</b> - Posted by: Clarissa Example - Category: <a href="/cat/19">World</a></small>'
            f"<br><br>{FIRST} {SECOND} {THIRD}<br></div>")
    assert page(tmp_path, body, head).author == "Clarissa Example"


def test_a_meta_property_naming_several_properties_gives_the_author(tmp_path: Path) -> None:
    head = HEAD + '<meta property="dc:creator twitter:site_name" content="Olena Koval">'
    assert page(tmp_path, f"<article><h1>Truce extended for thirty days</h1>{BODY}</article>", head).author == (
        "Olena Koval"
    )


def test_a_written_by_byline_is_cut_before_its_editor(tmp_path: Path) -> None:
    body = ('<article><h1>Truce extended for thirty days</h1><p class="byline">Written by Rob Example '
            f"Edited by Betsy Example</p>{BODY}</article>")
    assert page(tmp_path, body).author == "Rob Example"
