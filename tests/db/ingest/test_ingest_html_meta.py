"""Saved web pages: the title without the site's name, a page saved again as UTF-8 under its old
charset, and a date found only in the page's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import html
from db.ingest.base import ParsedSource
from db.ingest.pagetitle import site_labels, without_site_name

BODY = ("<p>Negotiators from both delegations met again on Tuesday in the capital and agreed to "
        "extend the ceasefire by a further thirty days, officials from the mediating office said.</p>"
        "<p>The previous truce had been broken several times in the eastern districts, where at least "
        "a dozen civilians were reported killed in the last week of fighting.</p>")


def _page(tmp_path: Path, head: str, body: str, raw: bytes | None = None) -> ParsedSource:
    path = tmp_path / "page.html"
    markup = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    path.write_bytes(raw if raw is not None else markup.encode("utf-8"))
    return next(html.parse(path))


# --- the title ---------------------------------------------------------------------------------


def test_the_sites_name_in_the_title_is_cut_when_its_address_names_it(tmp_path: Path) -> None:
    head = ('<meta charset="utf-8"><link rel="canonical" href="https://abcnews.go.com/Politics/truce">'
            '<meta property="og:title" content="Truce extended for thirty days - ABC News">')
    source = _page(tmp_path, head, BODY)
    assert source.title == "Truce extended for thirty days"


def test_a_cjk_title_loses_the_sites_name_after_a_full_width_separator(tmp_path: Path) -> None:
    head = '<meta charset="utf-8"><title>停戦を30日延長、東部で監視団が巡回へ：朝日新聞デジタル</title>'
    source = _page(tmp_path, head, f"<h1>停戦を30日延長、東部で監視団が巡回へ</h1>{BODY}")
    assert source.title == "停戦を30日延長、東部で監視団が巡回へ"


def test_the_sites_name_is_told_by_its_initials_or_alone_after_a_space() -> None:
    assert without_site_name("Truce holds - Sports Illustrated", None, "https://www.si.com/x") == "Truce holds"
    assert without_site_name("wasm-module - DOM in Rust MOONGIFT", None, "https://www.moongift.jp/2019/") == (
        "wasm-module - DOM in Rust"
    )
    assert without_site_name("Example Post | Truce holds", None, declared="Example Post") == "Truce holds"
    # a site's name guessed from the title itself tells no name before it
    assert without_site_name("Sugar imports fall - USDA", "Sugar imports fall") == "Sugar imports fall - USDA"
    assert site_labels("https://www.bbc.co.uk/news/1") == {"bbc"}
    assert site_labels("https://abcnews.go.com/Politics/1") == {"abcnews", "go"}


def test_a_title_whose_parts_are_the_headline_and_no_site_is_kept_whole() -> None:
    # "Outside the web" is the headline's own part, and a logo's <h1> is not the title
    title = "Outside the web: standalone binaries"
    assert without_site_name(title, None, "https://v8.dev/blog/x", ["V8", title]) == title
    assert without_site_name("Example Post - Truce extended again", None, None, ["Example Post"]) == (
        "Example Post - Truce extended again"
    )
    assert without_site_name("Alexa:Gadgets for the kitchen", None, "https://fortune.com/", ["Alexa"]) == (
        "Alexa:Gadgets for the kitchen"
    )


# --- the charset -------------------------------------------------------------------------------


def test_a_page_saved_as_utf8_under_its_old_shift_jis_declaration_reads_as_utf8(tmp_path: Path) -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>脆弱性対策情報</title>'
    raw = f"<html><head>{head}</head><body><h1>脆弱性対策情報</h1>{BODY}</body></html>".encode()
    assert _page(tmp_path, "", "", raw).title == "脆弱性対策情報"


def test_a_shift_jis_page_still_reads_by_its_declaration(tmp_path: Path) -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>脆弱性対策情報</title>'
    raw = f"<html><head>{head}</head><body>{BODY}</body></html>".encode("shift_jis")
    assert _page(tmp_path, "", "", raw).title == "脆弱性対策情報"


# --- the date ----------------------------------------------------------------------------------


def test_a_date_shown_only_in_the_text_is_the_publication_date(tmp_path: Path) -> None:
    body = f'<h1>Waffenruhe verlängert</h1><p class="info">Veröffentlicht am 03.03.2019</p>{BODY}'
    source = _page(tmp_path, '<meta charset="utf-8"><title>Waffenruhe verlängert</title>', body)
    assert source.published == PartialDate(2019, 3, 3)


def test_a_copyright_year_alone_is_no_publication_date(tmp_path: Path) -> None:
    body = f"<h1>Truce extended</h1>{BODY}<footer>© 2019 Example Post</footer>"
    source = _page(tmp_path, '<meta charset="utf-8"><title>Truce extended</title>', body)
    assert source.published is None


@pytest.mark.parametrize(
    ("title", "outlet", "address"),
    [
        ("Truce holds › Example Post", "Example Post", None),  # a chevron before the site's name
        ("Truce holds • Example Post", "Example Post", None),
        ("Truce holds (Example Post)", "Example Post", None),  # the site's name in brackets
        ("停戦が続く（朝日新聞）", "朝日新聞", None),
        ("Example Post » Blog Archive » Truce holds", None, None),  # WordPress's old default
        ("Example Post » Blog Archiv » Truce holds", None, None),
        ("Blog Archive » Truce holds", None, None),
    ],
)
def test_the_sites_name_after_a_chevron_in_brackets_or_before_a_blog_archive_is_cut(
    title: str, outlet: str | None, address: str | None
) -> None:
    expected = "停戦が続く" if title.startswith("停戦") else "Truce holds"
    assert without_site_name(title, outlet, address) == expected


def test_a_bracketed_name_that_is_not_the_sites_stays() -> None:
    assert without_site_name("Truce holds (updated)", "Example Post") == "Truce holds (updated)"
    assert without_site_name("Drones • Tanks • Mines | Example Post", "Example Post") == "Drones • Tanks • Mines"
