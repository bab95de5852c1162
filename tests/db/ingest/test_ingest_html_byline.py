"""Saved web pages: who wrote them when the page's byline is a button, an organisation, a plain
"by" beside the headline or a signature, and where the article starts past a page's chapter
number, audio prompt, summary box or table of contents."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import byline
from tests.db.ingest.web_page import BODY, FIRST, HEAD, SECOND, THIRD, TITLE, page

# --- who wrote it -------------------------------------------------------------------------------


def test_a_follow_button_in_the_byline_is_not_the_author(tmp_path: Path) -> None:
    for shown in ('<a class="btn" href="/follow/338">Follow Author</a>', "By", "Posted"):
        body = f'<article><h1>{TITLE}</h1><div class="author-line">{shown}</div>{BODY}</article>'
        assert page(tmp_path, body).author is None, shown


@pytest.mark.parametrize("newsroom", ["Staff", "La Rédaction", "Redaktion", "von Redaktion,", "Staff Writer", "The Editors"])
def test_the_newsroom_in_the_byline_is_the_author_where_no_one_is_named(tmp_path: Path, newsroom: str) -> None:
    body = f'<article><h1>{TITLE}</h1><div class="author-line">{newsroom}</div>{BODY}</article>'
    assert page(tmp_path, body).author == newsroom.removeprefix("von ").strip(","), newsroom


def test_the_newsroom_gives_way_to_a_person_the_page_names(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Redaktion">'
    body = f'<article><h1>{TITLE}</h1><div class="author-line">Von Jane Doe</div>{BODY}</article>'
    assert page(tmp_path, body, head).author == "Jane Doe"


def test_a_phrase_in_lower_case_is_no_name() -> None:
    assert byline.clean("here are some strategies") is None
    assert byline.clean("by jane doe") == "jane doe"


@pytest.mark.parametrize("byline", ["Lesedauer: 3 Min.", "Reading time 4 min", "December 16, 2016", "Dec. 5"])
def test_a_reading_time_or_a_date_in_the_byline_is_not_the_author(tmp_path: Path, byline: str) -> None:
    body = f'<article><h1>{TITLE}</h1><div class="article-author">{byline}</div>{BODY}</article>'
    assert page(tmp_path, body).author is None


def test_the_sites_organisation_as_meta_author_loses_to_the_person_the_page_names(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Organization for Example Works">'
    named = (f'<article><h1>{TITLE}</h1><h3 class="byline heading"><a rel="author" href="/users/nightowl">'
             f"NightOwl</a></h3>{BODY}</article>")
    assert page(tmp_path, named, head).author == "NightOwl"
    # with nobody named, the organisation is who the page says it is by
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == (
        "Organization for Example Works"
    )


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By Jane Example, Reuters", "Jane Example"),
        ("Par Jean Exemple (AFP)", "Jean Exemple"),
        ("By Jane Example, Staff Writer", "Jane Example"),
        ("Von Anna Beispiel / dpa", "Anna Beispiel"),
        ("By Jane Example and John Example, Associated Press", "Jane Example, John Example"),
    ],
)
def test_an_agency_or_a_role_after_the_name_is_cut(tmp_path: Path, byline: str, name: str) -> None:
    body = f'<article><h1>{TITLE}</h1><p class="byline">{byline}</p>{BODY}</article>'
    assert page(tmp_path, body).author == name


@pytest.mark.parametrize(
    ("label", "name"),
    [("by", "Sleyca Example"), ("par", "Jean Exemple"), ("von", "Anna Beispiel"),
     ("por", "María Ejemplo"), ("Автор:", "Иван Примеров")],
)
def test_a_lone_by_beside_the_headline_is_followed_by_the_name(tmp_path: Path, label: str, name: str) -> None:
    body = (f'<div class="row"><div class="col-md-5"><a href="/fiction/1"><h2>Super Example</h2></a> '
            f'<span class="font-white">{label}</span><h3><a href="/profile/338">{name}</a></h3>'
            f"<h1>{TITLE}</h1></div></div><div class=\"chapter\">{BODY}</div>")
    assert page(tmp_path, body).author == name


def test_a_dated_by_line_under_the_headline_gives_the_handle(tmp_path: Path) -> None:
    body = (f'<div class="header"><h1>{TITLE}</h1><ul class="meta"><li><small>On 6/13/2018 by @jexample'
            f"</small></li></ul></div><div>{BODY}</div>")
    assert page(tmp_path, body).author == "jexample"


def test_a_photo_credit_by_the_headline_is_not_the_author(tmp_path: Path) -> None:
    body = f"<header><h1>{TITLE}</h1><span>Photo by Kim Example</span></header><div>{BODY}</div>"
    assert page(tmp_path, body).author is None


def test_a_posted_by_signature_at_the_articles_end_names_the_author(tmp_path: Path) -> None:
    signed = (f'<main><article><header><h1>{TITLE}</h1></header><div itemprop="articleBody">{BODY}</div>'
              '<footer><div><img alt="" src="/avatars/alon.jpg"><p>Posted by Alon Example.</p></div>'
              "</footer></article></main>")
    assert page(tmp_path, signed).author == "Alon Example"
    # the site's own footer is not the article's
    site = (f"<main><article><h1>{TITLE}</h1>{BODY}</article></main>"
            "<footer><p>Posted by Webmaster Example</p></footer>")
    assert page(tmp_path, site).author is None


def test_json_ld_inside_cdata_is_read(tmp_path: Path) -> None:
    head = HEAD + ('<meta property="article:published_time" content="2015-12-11T14:28:34Z">'
                   '<script type="application/ld+json">\n<![CDATA[\n{"@type": "NewsArticle", '
                   '"datePublished": "2015-10-15T02:19:15Z", "author": {"@type": "Person", '
                   '"name": "John Example"}}\n]]>\n</script>')
    source = page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head)
    assert source.published == PartialDate(2015, 10, 15)
    assert source.author == "John Example"


def test_the_date_beside_the_name_in_the_byline_dates_an_undatedpage(tmp_path: Path) -> None:
    body = (f'<h1>{TITLE}</h1><div class="FeatureByline"> By <b>Nathan Example</b><br/>March 25, 2015 </div>'
            f"{BODY}")
    source = page(tmp_path, body)
    assert source.author == "Nathan Example"
    assert source.published == PartialDate(2015, 3, 25)


# --- where the article starts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "before",
    ["<p>102</p>", "<p>Chapter XIV</p>", "<div>Listen to this article</div>", "<div>Listen · 5 min</div>",
     "<span>4 min read</span>", "<div>Écouter cet article</div>"],
)
def test_a_chapter_number_or_an_audio_prompt_is_not_the_first_paragraph(tmp_path: Path, before: str) -> None:
    source = page(tmp_path, f"<article><h1>{TITLE}</h1>{before}{BODY}</article>")
    assert source.text.startswith(FIRST[:60]), source.text[:200]


BEFORE_THE_ARTICLE = {
    "a summary box beside the work and a screen-reader heading": (
        f'<div id="workskin"><div class="preface group"><h1>{TITLE}</h1>'
        '<div class="summary module" role="complementary"><h3 class="heading">Summary:</h3>'
        "<blockquote><p>The man was over a century old. There had to be more to it, "
        "and in hindsight it had not been one of the better ideas.</p></blockquote></div></div>"
        '<div class="userstuff module" role="article"><h3 class="landmark heading">Chapter Text</h3>'
        f"{BODY}</div></div>"),
    "a table of contents under the standfirst": (
        f'<article><h1>{TITLE}</h1><ul><li><a href="#the-talks">The talks resume</a></li>'
        '<li><a href="#the-line">Along the line of contact</a></li></ul>'
        f'{BODY}<h2 id="the-talks">The talks resume</h2><p>{SECOND}</p>'
        f'<h2 id="the-line">Along the line of contact</h2><p>{THIRD}</p></article>'),
    "the lead image's caption and credit": (
        f'<article><h1>{TITLE}</h1><div class="lead-media"><img src="/truce.jpg" '
        'alt="Soldiers at a checkpoint near the line of contact on Monday">'
        '<p class="media-credit">Photo: Kim Example / Example Agency</p></div>'
        f"<p>Soldiers at a checkpoint near the line of contact on Monday</p>{BODY}</article>"),
}


@pytest.mark.parametrize("body", BEFORE_THE_ARTICLE.values(), ids=BEFORE_THE_ARTICLE.keys())
def test_what_comes_before_the_article_is_not_its_first_paragraph(tmp_path: Path, body: str) -> None:
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST[:60]), source.text[:200]


def test_the_copyright_holder_as_author_meta_loses_to_the_person_the_page_names(tmp_path: Path) -> None:
    head = (HEAD + '<meta name="author" content="Condé Nast">'
            '<meta name="copyright" content="Copyright (c) Condé Nast 2019. All rights reserved.">')
    body = f'<article><h1>{TITLE}</h1><p>By <a href="/people/jane-doe">Jane Doe</a></p>{BODY}</article>'
    assert page(tmp_path, body, head).author == "Jane Doe"
    # with nobody else named, the owner is still the author of last resort
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Condé Nast"


def test_a_sites_staff_as_author_meta_loses_to_the_person_the_page_names(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Us Weekly Staff">'
    body = f'<article><h1>{TITLE}</h1><div class="byline">By Jane Doe</div>{BODY}</article>'
    assert page(tmp_path, body, head).author == "Jane Doe"
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Us Weekly Staff"


@pytest.mark.parametrize(
    "microdata",
    [
        "<span itemprop='author' itemscope itemtype='https://schema.org/Person'><meta itemprop='name' content='Jane Doe'></span>",
        "<meta itemprop='author' content='Jane Doe'>",
    ],
)
def test_a_microdata_author_in_a_meta_names_the_writer(tmp_path: Path, microdata: str) -> None:
    body = f"<article itemscope itemtype='https://schema.org/NewsArticle'><h1>{TITLE}</h1>{microdata}{BODY}</article>"
    assert page(tmp_path, body).author == "Jane Doe"


@pytest.mark.parametrize("label", ["Written by", "Verfasst von"])
def test_a_twitter_cards_written_by_names_the_writer_where_the_page_shows_no_byline(tmp_path: Path, label: str) -> None:
    head = HEAD + (f'<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="Jane Doe">'
                   '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">')
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Jane Doe"
    shown = f"<article><h1>{TITLE}</h1><p class='byline'>By John Roe</p>{BODY}</article>"
    assert page(tmp_path, shown, head).author == "John Roe"


@pytest.mark.parametrize(
    "line", ["Ein Beitrag von Jane Doe", "Verfasst von Jane Doe", "Geschrieben am 3. März 2020 von Jane Doe"]
)
def test_a_byline_phrase_names_the_writer_and_is_not_the_first_paragraph(tmp_path: Path, line: str) -> None:
    source = page(tmp_path, f"<article><h1>{TITLE}</h1><p>{line}</p>{BODY}</article>")
    assert source.author == "Jane Doe"
    assert source.text.startswith(FIRST), source.text[:200]


def test_an_organisation_listed_beside_the_writer_in_json_ld_is_not_an_author(tmp_path: Path) -> None:
    ld = ('{"@type": "NewsArticle", "headline": "Truce extended for thirty days", "author": ['
          '{"@type": "Organization", "name": "Example Post"}, {"@type": "Person", "name": "Jane Doe"}]}')
    head = f'{HEAD}<script type="application/ld+json">{ld}</script>'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Jane Doe"


def test_a_name_only_the_menu_shows_gives_way_to_the_byline(tmp_path: Path) -> None:
    body = (f"<header><nav><a rel='author' href='/about'>About Admin</a></nav></header>"
            f"<article><h1>{TITLE}</h1><p class='byline'>By Jane Doe</p>{BODY}</article>")
    assert page(tmp_path, body).author == "Jane Doe"


def test_a_name_the_byline_shows_in_parts_is_shown_and_a_part_of_a_word_is_not() -> None:
    import lxml.html

    tree = lxml.html.document_fromstring(
        "<html><body><div>By <span>Jane Doe</span><div>Example Times</div></div><p>Author: Bo2man</p></body></html>"
    )
    shown = byline._PageWords(tree).shown
    assert shown("Jane Doe Example Times")
    assert not shown("Author Bo")


@pytest.mark.parametrize(("shown", "name"), [("Von Jane Doe, Berlin", "Jane Doe"), ("By Jane Doe, John Roe", "Jane Doe, John Roe")])
def test_a_town_after_the_name_is_cut_and_a_second_name_is_not(tmp_path: Path, shown: str, name: str) -> None:
    body = f"<article><h1>{TITLE}</h1><p class='byline'>{shown}</p>{BODY}</article>"
    assert page(tmp_path, body).author == name
