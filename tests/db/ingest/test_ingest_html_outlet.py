"""Saved web pages: the outlet a researcher sees named when the page gives it only in schema.org
microdata (no og:site_name), not the site's Twitter handle."""

from __future__ import annotations

from pathlib import Path

from tests.db.ingest.web_page import BODY, TITLE, page

PUBLISHER = ('<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
             '<meta itemprop="name" content="Example Weekly"></div>')


def test_a_microdata_publishers_name_is_the_outlet_over_the_twitter_handle(tmp_path: Path) -> None:
    head = (f'<meta charset="utf-8"><title>{TITLE} - Weekly News</title>'
            '<meta name="twitter:site" content="@ExWeekly_In">')
    body = f'<div itemscope itemtype="https://schema.org/NewsArticle"><h1>{TITLE}</h1>{PUBLISHER}{BODY}</div>'
    assert page(tmp_path, body, head).outlet == "Example Weekly"


def test_a_publisher_in_visible_microdata_text_is_the_outlet(tmp_path: Path) -> None:
    head = f'<meta charset="utf-8"><title>{TITLE}</title>'
    publisher = '<p itemprop="publisher" itemscope>Published by <span itemprop="name">Example Weekly</span></p>'
    body = f"<article><h1>{TITLE}</h1>{BODY}{publisher}</article>"
    assert page(tmp_path, body, head).outlet == "Example Weekly"
