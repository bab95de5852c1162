"""Saved web pages: who wrote them where the page names the writer without marking a byline:
a labelled line ("Autor: Anna Roe", "Текст: Иван Петров"), a link to the writer's page, a
signature with its time ("Posted by Jane Doe at 10:05"); and what a byline is not (an "About
the author" box's sentence, a web address beside the name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.ingest.web_page import BODY, FIRST, HEAD, TITLE, page


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Autor: Anna Beispiel", "Anna Beispiel"),
        ("Autorin: Lea Muster", "Lea Muster"),
        ("Author: Jane Example", "Jane Example"),
        ("Texte : Jean Dupont", "Jean Dupont"),
        ("Text: Anna Beispiel, Foto: Max Muster", "Anna Beispiel"),
        ("Текст: Иван Петров", "Иван Петров"),
        ("Autor: Jan Kowalski", "Jan Kowalski"),
        ("Yazan: Ahmet Yılmaz", "Ahmet Yılmaz"),
    ],
)
def test_a_labelled_line_under_the_headline_names_the_author_and_is_not_the_first_paragraph(
    tmp_path: Path, line: str, author: str
) -> None:
    source = page(tmp_path, f"<article><h1>{TITLE}</h1><p>{line}</p>{BODY}</article>")
    assert source.author == author
    assert source.text.startswith(FIRST), source.text[:200]


@pytest.mark.parametrize(
    "href", ["/author/jane-example/", "https://news.example.de/autoren/jane-example", "/auteurs/1234"]
)
def test_a_link_to_the_writers_page_names_the_author(tmp_path: Path, href: str) -> None:
    body = f'<article><h1>{TITLE}</h1><p><a href="{href}">Jane Example</a> · 3 March 2020</p>{BODY}</article>'
    assert page(tmp_path, body).author == "Jane Example"


def test_a_link_to_a_writers_page_among_other_stories_or_comments_is_not_the_author(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1>{BODY}</article>"
            '<div class="related-stories"><a href="/author/john-sample">John Sample</a></div>'
            '<div id="comments"><a href="/author/ann-reader">Ann Reader</a></div>')
    assert page(tmp_path, body).author is None


def test_a_signature_with_its_time_names_the_author(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1>{BODY}<p>Posted by Jane Example at 10:05</p></article>"
    assert page(tmp_path, body).author == "Jane Example"


def test_an_about_the_author_box_gives_the_name_not_its_sentence(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1>{BODY}<div class='author-box'><h4>About the author</h4>"
            "<a href='/author/jane-example'>Jane Example</a>"
            "<p>Jane Example covers conflict and diplomacy for Example Post from the capital.</p></div></article>")
    assert page(tmp_path, body).author == "Jane Example"


def test_a_web_address_beside_the_name_in_the_byline_is_left_out(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Jane Example (https://example.org/~jane/)">'
    assert page(tmp_path, f"<article><h1>{TITLE}</h1>{BODY}</article>", head).author == "Jane Example"
