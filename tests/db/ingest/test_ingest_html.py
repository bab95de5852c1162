"""Saved web pages: main text, page metadata, and nothing run or fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.dates import PartialDate
from db.ingest import html
from db.ingest.base import IngestError, ParsedSource
from tests.db.ingest import web_page

ARTICLE = """<!DOCTYPE html>
<html lang="ru-RU"><head>
<meta charset="utf-8">
<title>Siege ends | Example Times</title>
<meta property="og:title" content="Siege ends in Beslan">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Ivan Petrov">
<meta property="article:published_time" content="2004-09-03T10:00:00+04:00">
<link rel="canonical" href="https://example.org/2004/beslan">
<link rel="stylesheet" href="https://cdn.example.net/site.css">
<script src="https://tracker.example.net/t.js"></script>
<script>document.write("SCRIPT-WAS-RUN"); fetch("https://tracker.example.net/ping");</script>
<style>.ad {{ color: red }} STYLE-TEXT</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> NAVIGATION-MENU</nav>
<article>
<h1>Siege ends in Beslan</h1>
<p>The siege of School Number One in Beslan ended on Friday after explosions and gunfire,
officials said. Hundreds of hostages, many of them children, were killed or wounded.</p>
<img src="https://images.example.net/beslan.jpg" alt="">
<p>Russian forces entered the building after two blasts. The hostage takers had demanded
the withdrawal of federal troops from Chechnya and the release of prisoners.</p>
<p>{extra}</p>
</article>
<div class="advert">ADVERT-BUY-NOW</div>
<iframe src="https://ads.example.net/frame"></iframe>
<footer>FOOTER-COPYRIGHT</footer>
<script>var x = "LATE-SCRIPT";</script>
</body></html>
"""


def read(path: Path) -> ParsedSource:
    sources = list(html.parse(path))
    assert len(sources) == 1
    return sources[0]


def write_page(tmp_path: Path, name: str = "page.html", extra: str = "") -> Path:
    path = tmp_path / name
    path.write_text(ARTICLE.format(extra=extra or "Investigators are still at work."), "utf-8")
    return path


def test_main_text_and_metadata(tmp_path: Path, no_network: list[Any]) -> None:
    source = read(write_page(tmp_path))
    assert "The siege of School Number One in Beslan ended" in source.text
    assert "release of prisoners" in source.text
    assert source.title == "Siege ends in Beslan"
    assert source.author == "Ivan Petrov"
    assert source.published == PartialDate(2004, 9, 3)
    assert source.outlet == "Example Times"
    assert source.url == "https://example.org/2004/beslan"
    assert source.language == "ru"
    assert no_network == []


def test_scripts_navigation_and_ads_are_left_out(tmp_path: Path, no_network: list[Any]) -> None:
    source = read(write_page(tmp_path))
    for junk in (
        "SCRIPT-WAS-RUN",
        "LATE-SCRIPT",
        "STYLE-TEXT",
        "NAVIGATION-MENU",
        "ADVERT-BUY-NOW",
    ):
        assert junk not in source.text
    assert "images.example.net" not in source.text
    assert no_network == []


def test_json_ld_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ld.html"
    path.write_text(
        """<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Not the article"},
          {"@type": "NewsArticle", "headline": "Talks in Minsk", "datePublished": "2015-02",
           "author": [{"@type": "Person", "name": "A. Author"}, {"name": "B. Author"}],
           "publisher": {"@type": "Organization", "name": "Wire Service"},
           "inLanguage": "uk"}]}
        </script></head><body><article><p>Leaders met in Minsk for talks that lasted all
        night and produced a package of measures for the implementation of the agreements.</p>
        </article></body></html>""",
        encoding="utf-8",
    )
    source = read(path)
    assert source.title == "Talks in Minsk"
    assert source.published == PartialDate(2015, 2)
    assert source.author == "A. Author, B. Author"
    assert source.outlet == "Wire Service"
    assert source.language == "uk"


def test_page_with_little_text_still_has_its_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "short.htm"
    path.write_text(
        "<html><body><script>alert('x-script')</script><ul><li>Checkpoint A: open</li>"
        "<li>Checkpoint B: closed</li></ul></body></html>",
        encoding="utf-8",
    )
    source = read(path)
    assert "Checkpoint B: closed" in source.text
    assert "x-script" not in source.text


def test_visible_text_fallback_drops_scripts() -> None:
    tree = html._tree(
        b"<html><body><div>Seen<script>hidden()</script></div><p>Also</p></body></html>"
    )
    assert html.visible_text(tree) == "Seen\nAlso"


def test_declared_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "win.html"
    body = "Президент заявил, что переговоры в Минске продолжатся в пятницу утром. " * 3
    path.write_bytes(
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>Переговоры</title></head><body><article><p>{body}</p></article></body></html>"
        ).encode("cp1251")
    )
    source = read(path)
    assert source.title == "Переговоры"
    assert "переговоры в Минске" in source.text


def test_empty_page_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Nothing here</title></head><body></body></html>")
    source = read(path)
    assert source.text == ""
    assert source.title == "Nothing here"
    assert source.warnings


def test_zero_byte_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.touch()
    with pytest.raises(IngestError, match="empty file"):
        read(path)


def test_non_ascii_file_name(tmp_path: Path) -> None:
    source = read(write_page(tmp_path, "Беслан – статья.html"))
    assert source.title == "Siege ends in Beslan"


def test_copyright_year_is_not_taken_for_a_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(
        "<html><head><title>Undated</title></head><body><article><p>The commission described"
        " how the town was taken on 12 March 2003 and held for weeks by the militia, and how"
        " the inhabitants left.</p></article><footer>Copyright 2019</footer></body></html>",
        encoding="utf-8",
    )
    assert read(path).published is None


def test_a_time_element_gives_the_date(tmp_path: Path) -> None:
    path = tmp_path / "dated.html"
    path.write_text(
        '<html><head><title>Dated</title></head><body><article><time datetime="2015-07-11">'
        "July 11</time><p>The commission described how the town was taken and held for weeks"
        " by the militia, and how the inhabitants left.</p></article></body></html>",
        encoding="utf-8",
    )
    assert read(path).published == PartialDate(2015, 7, 11)


def test_site_name_is_cut_from_the_page_title_but_dashes_stay(tmp_path: Path) -> None:
    article = (
        "<body><article><p>Leaders met in Minsk for talks that lasted all night and produced"
        " a package of measures for the implementation of the agreements.</p></article></body>"
    )
    named = tmp_path / "named.html"
    named.write_text(
        "<html><head><title>Talks resume in Minsk | Example News</title>"
        '<meta property="og:site_name" content="Example News"></head>' + article + "</html>"
    )
    dashed = tmp_path / "dashed.html"
    dashed.write_text(
        "<html><head><title>ECONOMIC SPOTLIGHT - BANKAMERICA</title></head>" + article + "</html>"
    )
    assert read(named).title == "Talks resume in Minsk"
    assert read(named).outlet == "Example News"
    assert read(dashed).title == "ECONOMIC SPOTLIGHT - BANKAMERICA"


BODY = ("<p>Negotiators from both delegations met again on Tuesday in the capital and agreed to "
        "extend the ceasefire by a further thirty days, officials from the mediating office said.</p>"
        "<p>The previous truce had been broken several times in the eastern districts, where at least "
        "a dozen civilians were reported killed in the last week of fighting.</p>")


def _page(tmp_path: Path, head: str, body: str, *, encoding: str = "utf-8") -> ParsedSource:
    path = tmp_path / "page.html"
    path.write_bytes(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode(encoding))
    return read(path)


def test_a_title_before_the_charset_declaration_still_decodes_by_it(tmp_path: Path) -> None:
    source = _page(tmp_path, '<title>Māori land claims settled</title><meta charset="utf-8">',
                   f"<article><h1>Māori land claims settled</h1>{BODY}</article>")
    assert source.title == "Māori land claims settled"
    late = _page(tmp_path, "<title>Переговоры в Минске</title>"
                 '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
                 f"<article>{BODY}<p>Переговоры в Минске продолжатся в пятницу утром.</p></article>",
                 encoding="cp1251")
    assert late.title == "Переговоры в Минске"
    assert "продолжатся в пятницу" in late.text


def test_date_published_wins_over_date_created_wherever_they_are_declared(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">[{"@type": "WebPage", "dateCreated": "2015-07-01"},'
          '{"@type": "NewsArticle", "headline": "Truce extended", "dateCreated": "2015-07-02",'
          ' "datePublished": "2015-07-24", "dateModified": "2015-07-25"}]</script>')
    source = _page(tmp_path, f'<meta charset="utf-8"><title>Truce extended</title>{ld}', f"<article>{BODY}</article>")
    assert source.published == PartialDate(2015, 7, 24)


def test_a_login_menu_or_a_url_slug_is_never_the_author_the_byline_is(tmp_path: Path) -> None:
    body = ('<header><form><label>Username</label><input name="user"><label>Password</label>'
            '<input name="pw" type="password"></form></header>'
            '<article><h1>Truce extended</h1><p class="byline">By Amina Yusuf</p>'
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>'
                   '<link rel="canonical" href="https://news.example.org/world/afp/truce-extended">', body)
    assert source.author == "Amina Yusuf"


def test_the_title_is_not_repeated_as_the_first_line_and_boilerplate_lines_are_left_out(tmp_path: Path) -> None:
    body = ("<article><h1>Truce extended for thirty days</h1>"
            "<div>24 July 2015</div><div>From the section Europe</div><div>941 comments</div>"
            "<div>Share this article</div>"
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended for thirty days</title>', body)
    assert source.title == "Truce extended for thirty days"
    assert source.text.startswith("Negotiators from both delegations"), source.text[:200]


def test_the_standfirst_is_kept_as_the_first_paragraph(tmp_path: Path) -> None:
    body = ('<article><h1>Truce extended</h1>'
            '<p class="standfirst">The ceasefire in the east will hold for another month, '
            "both sides say, after a week of deadly violations.</p>"
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.text.startswith("The ceasefire in the east will hold"), source.text[:200]
    assert "Negotiators from both delegations" in source.text


def _teaser(headline: str, summary: str) -> str:
    return f'<article class="teaser"><h3><a href="/story">{headline}</a></h3><p>{summary}</p></article>'


TEASERS = [
    ("Floods cut roads to three villages", "Rescue teams reached the valley on Monday after two days of "
     "rain had washed away the only bridge into the district, officials said."),
    ("Parliament debates the budget again", "Deputies argued late into the night over the defence budget, "
     "which the opposition says is far too large for a country at war."),
    ("Talks on prisoners stall in Geneva", "Negotiators left the table without an agreement on the exchange "
     "of prisoners, the third failure in as many months of talks."),
    ("Elections set for the spring", "The electoral commission named a date in April for the vote, which "
     "has been delayed twice since the fighting broke out last year."),
]
STANDFIRST = "A week after the truce was signed, the guns have fallen silent along the front line."


def test_an_article_among_teasers_of_other_stories_gives_its_own_text_only(tmp_path: Path) -> None:
    before = "".join(_teaser(h, s) for h, s in TEASERS[:3])
    after = "".join(_teaser(h, s) for h, s in TEASERS[3:])
    body = (f'<main><section class="top-stories">{before}</section>'
            f'<article class="story"><h1>Truce extended</h1><p class="standfirst">{STANDFIRST}</p>{BODY}'
            f'</article><section class="more">{after}</section></main>')
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended | Example Post</title>'
                   '<meta property="og:site_name" content="Example Post">', body)
    assert source.title == "Truce extended"
    assert source.text.startswith(STANDFIRST), source.text[:300]
    assert "Negotiators from both delegations" in source.text
    assert "civilians were reported killed" in source.text
    for headline, summary in TEASERS:
        assert headline not in source.text
        assert summary[:40] not in source.text


def test_a_section_page_without_its_own_article_keeps_its_text(tmp_path: Path) -> None:
    body = "<main><h1>World news</h1>" + "".join(_teaser(h, s) for h, s in TEASERS) + "</main>"
    source = _page(tmp_path, '<meta charset="utf-8"><title>World news</title>', body)
    assert any(summary[:40] in source.text for _, summary in TEASERS)


def test_an_account_menu_with_a_username_class_is_not_the_author(tmp_path: Path) -> None:
    body = ('<header><ul class="nav"><li class="nav-user"><a href="#"><span class="username">Username</span></a>'
            '</li></ul></header><article><h1>Truce extended</h1>'
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.author != "Username"


# --- who wrote it (db.ingest.byline) ----------------------------------------------------------


def test_a_byline_element_names_the_author_without_its_by(tmp_path: Path) -> None:
    body = ('<article><h1>Truce extended</h1><p class="byline">By Erin Example | Kyiv bureau</p>'
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.author == "Erin Example"


def test_an_agency_is_the_author_only_when_no_person_is_named(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Truce extended",'
          ' "author": {"@type": "Organization", "name": "Example Press Agency"}}</script>')
    body = ('<article><h1>Truce extended</h1><span itemprop="author" itemscope '
            'itemtype="http://schema.org/Person"><span itemprop="name">Olena Koval</span></span>'
            f"{BODY}</article>")
    head = f'<meta charset="utf-8"><title>Truce extended</title>{ld}'
    assert _page(tmp_path, head, body).author == "Olena Koval"
    agency = '<meta charset="utf-8"><title>Truce extended</title><meta name="author" content="AFP">'
    body = f'<article><h1>Truce extended</h1><p class="byline">By Jana Novak</p>{BODY}</article>'
    assert _page(tmp_path, agency, body).author == "Jana Novak"
    only = f"<article><h1>Truce extended</h1>{BODY}</article>"
    assert _page(tmp_path, agency, only).author == "AFP"


def test_a_byline_in_another_storys_teaser_is_not_the_authors(tmp_path: Path) -> None:
    body = (f"<article><h1>Truce extended</h1>{BODY}</article>"
            '<aside><ul><li><h2>Exodus from the capital</h2><span class="author">Par '
            '<span class="authorname">Marc Teaser</span></span></li></ul></aside>')
    head = '<meta charset="utf-8"><title>Truce extended</title><meta name="author" content="Reuters">'
    assert _page(tmp_path, head, body).author == "Reuters"


def test_a_byline_read_on_past_the_name_is_cut_to_it(tmp_path: Path) -> None:
    body = ('<article><h1>Truce extended</h1><div class="author-line"><span class="byline-name">'
            'Joshua Example</span> <span>May 20, 2019</span></div>'
            f"{BODY}</article>")
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.author == "Joshua Example"


# --- where the article starts (db.ingest.pagetext) --------------------------------------------


@pytest.mark.parametrize(
    "date_line",
    [
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Mis à jour le 3 mars 2020 à 10h05",
        "Опубликовано 12 марта 2020 в 10:05",
        "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde",
        "5:45 AM PST 11/19/2019 by Patrick Example",
    ],
)
def test_a_date_line_in_any_language_or_with_labels_is_not_the_first_paragraph(
    tmp_path: Path, date_line: str
) -> None:
    body = f"<article><h1>Truce extended</h1><p>{date_line}</p>{BODY}</article>"
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.text.startswith("Negotiators from both delegations"), source.text[:200]


def test_a_date_said_in_a_sentence_still_starts_the_text(tmp_path: Path) -> None:
    line = "On 3 March 2020 the talks resumed in Geneva after a month of fighting."
    body = f"<article><h1>Truce extended</h1><p>{line}</p>{BODY}</article>"
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.text.startswith(line), source.text[:200]


def test_the_pages_headline_is_left_out_when_it_differs_from_the_title(tmp_path: Path) -> None:
    head = ('<meta charset="utf-8"><title>Ceasefire: a month more | Example Post</title>'
            '<meta property="og:title" content="Ceasefire: a month more">')
    body = f"<article><h1>Both sides agree to extend the truce for thirty days</h1>{BODY}</article>"
    source = _page(tmp_path, head, body)
    assert source.text.startswith("Negotiators from both delegations"), source.text[:200]


@pytest.mark.parametrize(
    "prompt", ["このニュースをシェア", "Artikel teilen", "Partager cet article", "Поделиться", "कॉपी लिंक", "Copy link"]
)
def test_a_share_prompt_in_another_language_is_not_the_first_line(tmp_path: Path, prompt: str) -> None:
    body = f"<article><h1>{web_page.TITLE}</h1><p>{prompt}</p>{web_page.BODY}</article>"
    assert web_page.page(tmp_path, body).text.split("\n")[0] == web_page.FIRST


def test_the_page_sources_line_breaks_inside_a_paragraph_are_joined(tmp_path: Path) -> None:
    # a blog's paragraphs as <div><span> with the source's own newlines in them
    def wrapped(text: str) -> str:
        words = text.split(" ")
        return " ".join(words[:6]) + " \n" + " ".join(words[6:12]) + "\n " + " ".join(words[12:])

    paragraphs = (web_page.FIRST, web_page.SECOND, web_page.THIRD)
    blocks = "".join(f'<div style="text-align: justify;"><span>{wrapped(p)}</span></div>' for p in paragraphs)
    text = web_page.page(tmp_path, f'<div class="post-body"><h1>{web_page.TITLE}</h1>{blocks}</div>').text
    assert [line.strip() for line in text.split("\n")][:3] == list(paragraphs)
