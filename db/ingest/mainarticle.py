"""The one article on a page that shows many: a news index or section page, or an article set
among teaser blocks of other stories (a headline and a summary each, above and below it).

A main-text extractor scores blocks by their text and links, so a teaser's one-paragraph summary
can pass for the article's first paragraph. The page says which story is its own: the headline
(``<h1>``) that matches the page's title. The article is the element around that headline that
holds its paragraphs: the ``<article>`` (or ``itemprop=articleBody`` block) it stands in, else
its nearest ancestor with paragraphs of prose; other stories' blocks inside it (an ``<article>``
without the headline) are cut out. When no headline matches, the page is left whole.
"""

from __future__ import annotations

import copy
from typing import Any

from db.text import fold

#: letters of paragraph text an element must hold to be taken for the article around a headline
_ARTICLE_LETTERS = 300
#: an element holding this share of the page's prose is the page, not one article on it
_MOST_OF_PAGE = 0.8
#: a page with this much more prose than the article shows other stories' summaries around it
_OTHERS_AROUND = 1.5
#: how far up from the headline the article is looked for
_MAX_LEVELS = 6


def main_article(tree: Any, title: str | None) -> Any | None:
    """A copy of the element holding the page's own article, teasers of other stories removed,
    or None when the page shows no such single article (or the article is the whole page)."""
    headline = headline_of(tree, title)
    if headline is None:
        return None
    container = _container(headline)
    if container is None or container.tag in ("body", "html"):
        return None
    if _prose_letters(container) > _MOST_OF_PAGE * _prose_letters(tree):
        return None  # the page is the article, or the headline's block is no article's
    if not _other_stories(tree, container):
        return None  # nothing else on the page to mistake for it
    kept = copy.deepcopy(container)
    for other in list(kept.iter("article")):
        if other is not kept and not any(h.tag == "h1" for h in other.iter("h1")):
            parent = other.getparent()
            if parent is not None:
                parent.remove(other)
    return kept


def headline_of(tree: Any, title: str | None) -> Any | None:
    """The <h1> whose text is the page's title (or begins it), else the page's only <h1>."""
    headings = [h for h in tree.iter("h1") if h.text_content().strip()]
    if title:
        wanted = fold(title)
        for heading in headings:
            text = fold(heading.text_content())
            if text == wanted or (len(text) > 15 and (wanted.startswith(text) or text.startswith(wanted))):
                return heading
    return headings[0] if len(headings) == 1 and title else None


def _container(headline: Any) -> Any | None:
    node = headline.getparent()
    for _ in range(_MAX_LEVELS):
        if node is None:
            return None
        if node.tag in ("body", "html"):
            return node
        if _prose_letters(node) >= _ARTICLE_LETTERS:
            return node
        node = node.getparent()
    return None


def _prose_letters(node: Any) -> int:
    """Letters in the paragraphs of ``node`` that are not themselves links."""
    total = 0
    for paragraph in node.iter("p"):
        text = paragraph.text_content()
        links = sum(len(a.text_content()) for a in paragraph.iter("a"))
        if links < len(text) / 2:
            total += sum(c.isalpha() for c in text)
    return total


def _other_stories(tree: Any, container: Any) -> bool:
    """Whether the page shows other stories' blocks beside (or inside) the article."""
    inside = set(container.iter())
    articles = [a for a in tree.iter("article") if a is not container]
    return any(a not in inside or not any(True for _ in a.iter("h1")) for a in articles) or (
        _prose_letters(tree) > _OTHERS_AROUND * _prose_letters(container)
    )
