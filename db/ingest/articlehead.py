"""What stands between a page's headline and its article's first paragraph, read off the page.

A main-text extractor keeps or drops the blocks there by their text alone, so it drops a
standfirst set apart from the body (``<div class="article__perex">``, ``<p class="bajada">``
in the headline's box) and keeps an image's caption or the tag links under a date line. The
page's markup says what each is:

- the standfirst: a block of prose (60 letters or more) after the headline and before the
  first paragraph, marked as one by its class ("standfirst", "perex", "dek", "lede", "sapo",
  "chapeau", "bajada", "summary", "intro" ...) or ``itemprop=description``/``abstract``, or
  saying what the page's own description (``og:description``) says, or a one-line heading
  right under the headline (a deck: "<h1>…</h1><h2>A Home Depot executive discusses …</h2>",
  a kicker's label at its start left out); never inside a figure, a link, a list or page
  furniture;
- captions: ``<figcaption>``, an element whose class says caption or credit, an image's
  ``alt``/``title``/``data-caption``, and a short centred line right after a paragraph that
  holds an image and no text (how many older pages caption a picture);
- link labels: the text of a link of a few words (a tag, a category), which on a line of its
  own before the first paragraph is no part of the article;
- set apart: what the page marks as beside the article (``role=complementary``: a work's
  summary and notes box), text hidden from sighted readers (``sr-only``, ``visually-hidden``,
  ``aria-hidden``, ``hidden``: "Chapter Text" for screen readers) and a table of contents (list
  items that only link to the page's own headings), a dialog shown only on a click (a class
  saying modal, popup, dialog; ``role=dialog``); never a standfirst either;
- heading lines: the page's headings, bold labels, blocks of short lines broken by ``<br>``
  (sub-headlines) and the short blocks before the headline (a kicker), which head the article
  without being its prose (a heading that is a sentence of a standfirst's length is the
  standfirst).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from db.ingest.htmltree import elements_after, inside
from db.text import fold

#: letters a standfirst has at least (fewer: a heading or a kicker), and at most
STANDFIRST_LETTERS = 60
_STANDFIRST_MAX_CHARS = 800
#: parts of a class name that mark a standfirst ("article__perex", "story-dek", "c-standfirst")
_STANDFIRST_PARTS = frozenset(
    ["standfirst", "perex", "dek", "deck", "lede", "lead", "leadin", "sapo", "chapeau", "chapo",
     "bajada", "entradilla", "summary", "intro", "introduction", "subtitle", "subheadline",
     "strapline", "abstract", "excerpt", "description", "lid", "anons", "vorspann"]
)
#: parts of a class name that say the block belongs to an image, a person or a list instead
_NOT_STANDFIRST_PARTS = frozenset(
    ["photo", "image", "img", "picture", "caption", "credit", "video", "media", "author", "bio",
     "byline", "meta", "list", "item", "card", "related", "promo", "newsletter", "gallery"]
)
_CAPTION_PARTS = frozenset(
    ["caption", "captions", "credit", "credits", "figcaption", "photocredit", "imagecredit",
     "wp-caption-text", "attribution", "copyright"]
)
#: parts of a class name of an image's box
_IMAGE_PARTS = frozenset(["image", "img", "photo", "foto", "picture", "pic", "figure", "media"])
_CLASS_PART = re.compile(r"[a-z0-9]+", re.IGNORECASE)
_PROSE_TAGS = ("p", "div", "h2", "h3", "span", "section", "header", "strong", "em", "b")
#: where a block is page furniture or another story, not the article's head
_OUTSIDE = frozenset(["nav", "footer", "aside", "li", "form", "menu", "figure", "figcaption", "a", "button"])
#: a caption line under an image has at most this many letters
_CAPTION_LETTERS = 200
#: a link label has at most this many words
_LABEL_WORDS = 3
#: how far into the page's own description a standfirst must agree with it
_DESCRIPTION_LETTERS = 40


def key(text: str) -> str:
    """Letters and digits only, folded: the same words styled differently compare equal."""
    return "".join(c for c in fold(text) if c.isalnum())


def _class_parts(node: Any) -> set[str]:
    return {part.casefold() for part in _CLASS_PART.findall(node.get("class") or "")}


#: ARIA roles of what is not the article: a box beside it, navigation, the site's banner and footer
_ROLES_BESIDE = frozenset(["complementary", "navigation", "banner", "contentinfo", "search"])


def beside(node: Any) -> bool:
    """Whether the node is in a part of the page its ARIA role sets beside the article."""
    return any(
        isinstance(n.tag, str) and (n.get("role") or "").casefold() in _ROLES_BESIDE
        for n in (node, *node.iterancestors())
    )


def _text(node: Any) -> str:
    return " ".join(node.text_content().split())


def standfirst(tree: Any, text: str, headline: Any | None, description: str | None) -> str | None:
    """The page's standfirst when ``text`` (the article's text) lacks it, else None. ``tree``
    holds no scripts or styles (their text would read as prose)."""
    first = next((line for line in text.split("\n") if key(line)), "")
    first_key = key(first)[:_DESCRIPTION_LETTERS]
    if not first_key:
        return None
    head_keys = {key(line) for line in text.split("\n")[:3]}
    nodes = [node for node in tree.iter() if isinstance(node.tag, str)]
    order = {node: index for index, node in enumerate(nodes)}
    start = order.get(headline, -1) if headline is not None else -1
    end = _first_paragraph_at(nodes, first_key)
    if end is None or end <= start:
        return None
    wanted = key(description or "")[:_DESCRIPTION_LETTERS]
    subheadlines = {key(_text(n)) for n in nodes[start + 1 : end] if n.tag in ("div", "p", "span") and _short_lines(n)}
    for node in nodes[start + 1 : end]:
        if node.tag not in _PROSE_TAGS or (headline is not None and headline in node.iterancestors()):
            continue
        parts = _class_parts(node)
        if parts & _NOT_STANDFIRST_PARTS or inside(node, _OUTSIDE) or beside(node):
            continue
        marked = (
            bool(parts & _STANDFIRST_PARTS)
            or (node.get("itemprop") or "").casefold() in ("description", "abstract", "alternativeheadline")
            # a heading of a standfirst's length right under the headline ("<h1>…</h1><h2>A Home
            # Depot executive discusses …</h2>"): the deck, which extractors drop as a heading
            # (one line: a heading of lines broken by <br> is sub-headlines)
            or (node.tag in _DECK_TAGS and headline is not None and _next_element(headline) is node
                and len(_br_lines(node)) == 1)
        )
        if not marked and not wanted:
            continue
        block = _without_kicker(node)
        if len(block) > _STANDFIRST_MAX_CHARS:
            continue
        block_key = key(block)
        if (
            len(block_key) < STANDFIRST_LETTERS
            or block_key in subheadlines  # even where the description says the same
            or first_key in block_key
            or block_key in head_keys
        ):
            continue
        if marked or (len(wanted) == _DESCRIPTION_LETTERS and block_key.startswith(wanted)):
            return block
    return None


_DECK_TAGS = ("h2", "h3", "h4")
#: a kicker at the start of a standfirst ("<span class=slug>Analyse</span> Après …") has no more words
_KICKER_WORDS = 3


def _next_element(node: Any) -> Any | None:
    following = node.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return following


def _without_kicker(node: Any) -> str:
    """The block's text without a short label it begins with in an element of its own."""
    children = [c for c in node if isinstance(c.tag, str)]
    if children and not (node.text or "").strip():
        first = children[0]
        label = _text(first)
        if label and len(label.split()) <= _KICKER_WORDS and (first.tail or "").strip():
            whole = _text(node)
            return whole[len(label):].strip() if whole.startswith(label) else whole
    return _text(node)


#: letters of a text node compared with the start of the first paragraph
_START_LETTERS = 20
#: how far up (elements) and into (characters) the first paragraph's start is looked for
_BLOCK_LEVELS = 4
_BLOCK_CHARS = 1000


def _first_paragraph_at(nodes: list[Any], first_key: str) -> int | None:
    """Where in the page (document order) the text's first line begins: the first element whose
    own leading text begins it, and whose block holds all of its start (a paragraph's text
    with its links and spans when its own text before them is short: "<p>At <span>Home
    Depot</span>, we …")."""
    for index, node in enumerate(nodes):
        if not node.text or node.text.isspace():
            continue
        own = key(node.text)
        if not own:
            continue
        if len(own) < _START_LETTERS and node.tag == "p":
            own = key(node.text_content()[:_BLOCK_CHARS])
        length = min(len(own), len(first_key), _START_LETTERS)
        if length < min(8, len(first_key)) or own[:length] != first_key[:length]:
            continue
        block = node
        for _ in range(_BLOCK_LEVELS):
            if block is None:
                break
            if first_key in key(block.text_content()[:_BLOCK_CHARS]):
                return index
            block = block.getparent()
    return None


def _letters_in(node: Any) -> int:
    return sum(c.isalpha() for c in node.text_content())


def captions(tree: Any) -> set[str]:
    """The keys of the page's image captions and credits."""
    found: set[str] = set()
    for value in _caption_texts(tree):
        caption_key = key(value)
        if caption_key:
            found.add(caption_key)
    return found


def _caption_texts(tree: Any) -> Iterator[str]:
    for node in tree.iter("figcaption"):
        yield _text(node)
    for node in tree.xpath("//*[@class]"):
        names = (node.get("class") or "").casefold()
        if "caption" in names or "credit" in names or _class_parts(node) & _CAPTION_PARTS:
            yield _text(node)
            for inner in node.iterdescendants():
                if isinstance(inner.tag, str):
                    yield _text(inner)
    for node in tree.iter("img"):
        for attribute in ("alt", "title", "data-caption"):
            if node.get(attribute):
                yield node.get(attribute)
    for node in tree.xpath("//*[@data-caption]"):
        yield node.get("data-caption")
    for holder in tree.xpath("//*[@class]"):
        # an image's box ("image-widget", "foto") holding its caption and credit as paragraphs
        if (
            _class_parts(holder) & _IMAGE_PARTS
            and holder.find(".//img") is not None
            and _letters_in(holder) <= _CAPTION_LETTERS
        ):
            for inner in holder.iter("p", "span", "div", "small", "em"):
                yield _text(inner)
    for image_only in tree.iter("p"):
        if image_only.find(".//img") is None or key(image_only.text_content()):
            continue
        after = image_only.getnext()
        if after is not None and after.tag == "p" and len(key(after.text_content())) <= _CAPTION_LETTERS and (
            (after.get("align") or "").casefold() == "center" or "center" in (after.get("style") or "")
        ):
            yield _text(after)


def link_labels(tree: Any) -> set[str]:
    """The keys of the page's short link texts (tags, categories, section names)."""
    labels: set[str] = set()
    for link in tree.iter("a"):
        label = _text(link)
        if label and len(label.split()) <= _LABEL_WORDS:
            labels.add(key(label))
    labels.discard("")
    return labels


#: a list item whose link holds this share of its letters is a link to another page
_LINK_ITEM_SHARE = 0.6
_LINK_ITEM_WORDS = 4


def link_items(tree: Any) -> set[str]:
    """The keys of list items that are links to other stories ("Crónica · Ferrari salva el 'match
    ball'…" in a list of related articles), not the article's own bullet points (whose words
    are the article's, linked at most in part)."""
    items: set[str] = set()
    for item in tree.iter("li"):
        text = _text(item)
        links = [_text(a) for a in item.iter("a") if a.get("href")]
        longest = max(links, key=len, default="")
        if len(longest.split()) >= _LINK_ITEM_WORDS and len(key(longest)) >= _LINK_ITEM_SHARE * len(key(text)):
            items.add(key(text))
    items.discard("")
    return items


#: how many elements past the headline its date is looked for
_DATE_ELEMENTS = 150
_PUBLISHED = ("datepublished", "datecreated")


def shown_date(tree: Any, headline: Any | None) -> str | None:
    """The machine-readable date the article's head shows: an element marked
    ``itemprop=datePublished`` anywhere, else the first ``<time datetime>`` within the elements
    after the headline (a teaser's or a comment's, in a list or page furniture, is not read)."""
    for node in tree.xpath("//*[@itemprop]"):
        if (node.get("itemprop") or "").casefold() in _PUBLISHED and node.tag != "meta":
            value = node.get("datetime") or node.get("content")
            if value:
                return str(value)
    if headline is None:
        return None
    for seen, node in enumerate(elements_after(headline)):
        if seen >= _DATE_ELEMENTS:
            break
        if node.tag == "time" and node.get("datetime") and not inside(node, _OUTSIDE):
            return str(node.get("datetime"))
    return None


#: class names of text hidden from sighted readers (a screen reader's landmark headings)
_HIDDEN_PARTS = frozenset(
    ["sronly", "srtext", "screenreadertext", "screenreaderonly", "visuallyhidden", "visuallyhide",
     "hidden", "hide", "invisible", "offscreen", "a11y", "assistivetext", "elementinvisible",
     "landmark", "readeronly"]
)
#: parts of a class name of a dialog shown only on a click (a save button's "done", a login box)
_DIALOG_PARTS = frozenset(["modal", "popup", "dialog", "lightbox"])
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def hidden(node: Any) -> bool:
    classes = {re.sub(r"[^a-z0-9]", "", c) for c in (node.get("class") or "").casefold().split()}
    return (
        bool(classes & _HIDDEN_PARTS)
        or node.get("hidden") is not None
        or (node.get("aria-hidden") or "").casefold() == "true"
        or bool(_HIDDEN_STYLE.search(node.get("style") or ""))
    )


def _dialog(node: Any) -> bool:
    """Whether the node is a dialog the page shows only on a click (its text a line of its own)."""
    return (
        bool(_class_parts(node) & _DIALOG_PARTS)
        or (node.get("role") or "").casefold() in ("dialog", "alertdialog")
        or (node.tag == "dialog" and node.get("open") is None)
    )


def set_apart(tree: Any) -> tuple[set[str], tuple[str, ...]]:
    """The keys of what the page sets apart from its article: hidden texts and table-of-contents
    entries (lines that are one of them), and the boxes beside the article (lines inside one)."""
    lines: set[str] = set()
    for node in tree.iter():
        if isinstance(node.tag, str) and node.tag not in ("html", "body") and (hidden(node) or _dialog(node)):
            lines.add(key(_text(node)))
    for item in tree.iter("li"):
        links = item.findall(".//a")
        if links and all((a.get("href") or "").startswith("#") for a in links) and key(
            "".join(_text(a) for a in links)
        ) == key(_text(item)):
            lines.add(key(_text(item)))
    boxes = tuple(
        key(_text(node))
        for node in tree.xpath("//*[@role]")
        if (node.get("role") or "").casefold() == "complementary"
    )
    lines.discard("")
    return lines, tuple(box for box in boxes if box)


#: a line of a sub-headline, a kicker or a label has fewer letters than a standfirst
_HEADING_LINE_LETTERS = STANDFIRST_LETTERS
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_EMPHASIS_TAGS = ("strong", "b")
_SENTENCE_END = re.compile(r"[.!?…。！？]\W*$")
_BLOCK_CHILDREN = frozenset(["p", "div", "ul", "ol", "li", "table", "section", "article", "blockquote"])


def heading_lines(tree: Any, headline: Any | None, title: str | None) -> set[str]:
    """The keys of lines that head an article but never begin its prose, whatever the page's
    language: the page's headings (``<h1>`` to ``<h6>``, each ``<br>``-broken line of one: a
    sub-headline, a kicker and the headline in a stream's ``<h2>``, "Darum gehts" over a
    summary box), a bold label alone on its line (shorter than a standfirst), the lines of a
    block of short lines broken by ``<br>`` with no sentence's stop (sub-headlines in a
    ``<div>``), and the short blocks before the article's own headline (a kicker, a section
    label, a save button's "done" message): what precedes the headline is never the article."""
    found: set[str] = set()
    for node in tree.iter(*_HEADING_TAGS):
        # (a sentence of a standfirst's length in a heading is the standfirst, which stays)
        found.update(key(line) for line in (_text(node), *_br_lines(node)) if not _standfirst_like(line))
    for node in tree.iter(*_EMPHASIS_TAGS):
        if _label_like(_text(node)):
            found.add(key(_text(node)))
    for node in tree.iter("div", "p", "span"):
        lines = _short_lines(node)
        if lines:
            found.update(key(line) for line in lines)
            found.add(key(_text(node)))  # the lines as an extractor may glue them
    if headline is not None and title and _is_headline_of(headline, title):
        ancestors = set(headline.iterancestors())
        for node in tree.iter():
            if node is headline:
                break
            if isinstance(node.tag, str) and node not in ancestors:
                block = key(_text(node))
                if len(block) < _HEADING_LINE_LETTERS:
                    found.add(block)
    found.discard("")
    return found


def _label_like(line: str) -> bool:
    """A line shorter than a standfirst, of words more than figures (not a table's row)."""
    letters = sum(c.isalpha() for c in line)
    return letters < _HEADING_LINE_LETTERS and letters > sum(c.isdigit() for c in line)


def _standfirst_like(line: str) -> bool:
    return sum(c.isalpha() for c in line) >= _HEADING_LINE_LETTERS and _SENTENCE_END.search(line) is not None


def _is_headline_of(headline: Any, title: str) -> bool:
    """Whether the ``<h1>`` says the title (or begins it, or the title begins it)."""
    shown, wanted = key(headline.text_content()), key(title)
    return bool(shown) and (shown == wanted or shown.startswith(wanted) or wanted.startswith(shown))


def _short_lines(node: Any) -> list[str]:
    """The lines of a block of two or more short lines broken by ``<br>``, none ending as a
    sentence does (sub-headlines), else none."""
    lines = _br_lines(node)
    if (
        len(lines) >= 2
        and not any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in node)
        and all(_label_like(line) and not _SENTENCE_END.search(line) for line in lines)
    ):
        return lines
    return []


def _br_lines(node: Any) -> list[str]:
    """The lines of ``node``'s text as its ``<br>`` elements break it."""
    lines = [""]

    def walk(element: Any) -> None:
        if element.text:
            lines[-1] += element.text
        for child in element:
            if child.tag == "br":
                lines.append("")
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                lines[-1] += child.tail

    walk(node)
    return [" ".join(line.split()) for line in lines if line.strip()]
