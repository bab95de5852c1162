"""Bylines a page shows without marking them as bylines, and the date a byline shows.

Many pages put the author's name in plain elements: "by" in a ``<span>`` of its own and the
name in the next element, or "On 6/13/2018 by @jdoe" in a ``<small>``, both in the headline's
box (the elements around the ``<h1>`` before the article's prose) or in an element of its own
after it, several names listed ("By Jane Doe, John Roe and Jim Poe"); and some sign the article at
its end ("Posted by Jane Doe."). These are read here, in any of the byline languages ("by",
"par", "von", "por", "door", "di", "автор", "著者："), also with the date after the name ("By Jane
Doe on December 13, 2016") or a picture's credit ("Text von Anna Roe Illustration von Max Muster"),
after everything the page marks as its byline; a "By" read to screen readers only ("| By ") is a
lone "by" too. Last, a line of the article's text that only labels its writer ("Autor: Jan Roe",
"Text: Jan Roe"), most often under its last paragraph.

A byline element often also says when ("By Jane Doe<br>March 25, 2015"): :func:`byline_date`
reads that date, the last resort when the page declares none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from db.ingest.htmltree import elements_after, inside

#: a "by" on its own, before the element that holds the name
_LONE_BY = re.compile(r"^[|•·,/\s–—-]*(?:written\s+)?(?:by|par|von|por|door|di|da|av|автор|авторы|от)\s*:?$", re.IGNORECASE)
#: one name in a byline: up to five words, none a number
_NAME = r"[^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,4}?"
#: a label before the writer's name, with a colon ("Autor: Anna Roe", "Texte : Jean Dupont",
#: "Yazan: Ahmet Yılmaz", "Текст: Иван Петров")
AUTHOR_LABEL = (
    r"(?:author|written\s+by|text|words|reporter|reporting|autor|autorin|autora|autores|autorzy|"
    r"auteur|autrice|autore|autori|texte|testo|texto|tekst|verfasser|verfasserin|redakteur|redakteurin|"
    r"redacción|redação|författare|skribent|forfatter|kirjoittaja|szerző|yazan|yazar|muhabir|"
    r"автор|авторы|авторка|текст|автори|συντάκτης|κείμενο|著者|筆者|執筆者?|作者|記者|文)\s*[：:]\s*"
)
#: a name after "by" at the end of a short line (several, listed: "By Jane Doe, John Roe and Jim Poe"): "On 6/13/2018 by @jdoe", "Par Jean Dupont"
_BY_NAME = re.compile(
    r"(?:(?:^|\s)(?:(?:text|words|story|written|reportage|texte)\s+)?(?:by|par|von|por|door|di|av|автор|авторы)\s*:?\s+"
    r"|(?:^|\s)" + AUTHOR_LABEL + r")"
    r"(@?" + _NAME + r"(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|i|en|og|och|&)\s+)" + _NAME + r"){0,4})"
    # and the date after it: "By Jane Doe on December 13, 2016", "By Jane Doe - Jan 9, 2017"
    r"(?:(?:\s*[-–—|·•,]\s*|\s+(?:on|le|am|el|il|em)\s+)(?:\w+\.?,?\s+)?\d.*"
    # or the picture's credit after it: "Text: Anna Roe, Foto: Max Muster", "Texte : J. Dupont / Photos : …"
    r"|\s*[-–—|·•,;/]\s*(?:foto|fotos|photo|photos|bild|bilder|image|images|illustration|grafik|video|"
    r"фото|видео)\s*[：:].*"
    # or without a colon: "Text von Anna Roe Illustration von Max Muster", "By Jane Doe, photos by …"
    r"|\s*[-–—|·•,;/]?\s+(?:fotos?|photos?|photographs?|bilder?|images?|illustrations?|grafiken?|videos?)\s+"
    r"(?:by|von|de|di|par|por)\s.*)?\s*$",
    re.IGNORECASE,
)
#: what may stand before "by" in such a line: a date ("On 6/13/2018"), "Written", "Story"
_BEFORE_BY = re.compile(
    r"^(?:.*\d.*|(?:written|posted|published|story|words|text|article|escrito|publicado|"
    r"écrit|publié|geschrieben|veröffentlicht|verfasst|scritto|pubblicato|on|le|am|el|il|"
    # "Ein Beitrag von Jane Doe", "An essay by …", "Un article de …"
    r"(?:ein|eine|an?|un|una|uno)\s+(?:(?:gast)?beitrag|artikel|kommentar|reportage|text|article|story|"
    r"essay|column|report|art[ií]culo|articolo)))?$",
    re.IGNORECASE,
)
#: a signature line: "Posted by Jane Doe.", "Publié par Jean Dupont", "Geschrieben von Anna Roe"
_SIGNATURE = re.compile(
    r"^(?:posted|written|published|submitted|publicado|escrito|postado|publié|écrit|rédigé|"
    r"geschrieben|veröffentlicht|pubblicato|scritto|опубликовал[а]?|написал[а]?)\s+"
    r"(?:by|por|par|von|da|di|от)\s*:?\s+"
    r"([^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,4}?)\.?"
    # and when: "Posted by Jane Doe at 10:05 AM", "… on March 3, 2020"
    r"(?:\s+(?:at|on|um|am|le|à|el|a\s+las|il|alle|em|às|в)\s+\S*\d.*)?$",
    re.IGNORECASE,
)
#: the headline's box: the ancestors of the <h1> with at most this many letters besides it
_BOX_LETTERS = 600
_BOX_LEVELS = 5
#: a line read as a byline has at most this many characters
_LINE_CHARS = 80
_SIGNATURE_CHARS = 60
#: where no byline is read: page furniture, pictures, other stories
_NOT_HERE = frozenset(["nav", "aside", "form", "menu", "figure", "figcaption", "button", "select"])
_NOT_SIGNED_HERE = frozenset(["nav", "aside", "form", "menu", "figure", "figcaption", "li", "blockquote"])


def _text(node: Any) -> str:
    return " ".join(node.text_content().split())


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _headline_box(headline: Any) -> Any:
    """The headline's nearest ancestor that still holds little more than the headline's head."""
    own = _letters(_text(headline))
    box = headline
    for _ in range(_BOX_LEVELS):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if _letters(_text(parent)) - own > _BOX_LETTERS:
            break
        box = parent
    return box


def head_bylines(tree: Any, headline: Any | None) -> Iterator[str]:
    """Names shown after a "by" in the headline's box, in document order."""
    if headline is None:
        return
    box = _headline_box(headline)
    for node in box.iter():
        if not isinstance(node.tag, str) or node is headline or headline in node.iterancestors():
            continue
        if node.tag in _NOT_HERE or inside(node, _NOT_HERE):
            continue
        name = _by_name(node, anywhere=True)
        if name:
            yield name
    yield from _by_lines_after(headline, box)


def _by_name(node: Any, *, anywhere: bool) -> str | None:
    """The name a "By Jane Doe" line of ``node`` gives (``anywhere``: after a few words such as a
    date, else at its start); a lone "By" gives the next element's text
    ("<span>By</span><div><a>Jane Doe</a></div>")."""
    line = _text(node)
    if not line or len(line) > _LINE_CHARS:
        return None
    if _LONE_BY.match(line):
        after = node.getnext()
        if after is not None and isinstance(after.tag, str) and 0 < len(_text(after)) <= _LINE_CHARS:
            return _text(after)
        return None
    match = _BY_NAME.search(line) if anywhere else _BY_NAME.match(line)
    if match is None or (anywhere and not _BEFORE_BY.match(line[: match.start()].strip())):
        return None
    return match.group(1).lstrip("@")


#: how many elements after the headline's box a "By Jane Doe" element is looked for, before prose
_AFTER_ELEMENTS = 80
_PROSE_CHARS = 200


def _by_lines_after(headline: Any, box: Any) -> Iterator[str]:
    """A "By Jane Doe" element of its own after the headline's box and before the article's
    first paragraph of prose (a page that sets its byline apart from the headline's header)."""
    for seen, node in enumerate(elements_after(box, within="body")):
        if seen >= _AFTER_ELEMENTS:
            return
        if node.tag == "p" and len(_text(node)) >= _PROSE_CHARS:
            return  # the article has begun
        if node.tag in _NOT_HERE or inside(node, _NOT_HERE | {"li"}):
            continue
        name = _by_name(node, anywhere=False)
        if name:
            yield name


#: a line of the article's text that only labels its writer ("Autor: Anna Roe", "Text: Jan Roe"),
#: wherever it stands (most often under the last paragraph)
_LABELLED_LINE = re.compile(
    r"^" + AUTHOR_LABEL + r"(" + _NAME + r"(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|i|en|og|och|&)\s+)" + _NAME + r"){0,4})\s*$",
    re.IGNORECASE,
)


def labelled_lines(text: str) -> Iterator[str]:
    """The names of the article's lines that label its writer ("Autor: Rechtsanwalt Jan Roe")."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        match = _LABELLED_LINE.match(line) if len(line) <= _LINE_CHARS else None
        if match:
            yield match.group(1)


def signatures(tree: Any) -> Iterator[str]:
    """Names in a line that signs the article ("Posted by Jane Doe."), outside the page's furniture
    (an article's own ``<footer>`` is read, the page's is not)."""
    for node in tree.iter("p", "div", "span", "address", "em", "i", "small", "footer"):
        line = _text(node)
        if not line or len(line) > _SIGNATURE_CHARS or inside(node, _NOT_SIGNED_HERE):
            continue
        match = _SIGNATURE.match(line)
        if match is None:
            continue
        footers = [a for a in (node, *node.iterancestors()) if a.tag == "footer"]
        if footers and not any(a.tag in ("article", "main") for a in footers[-1].iterancestors()):
            continue  # the page's own footer: the site's
        yield match.group(1)


#: what separates a byline's parts ("By Jane Doe | March 25, 2015", a line break)
_PARTS = re.compile(r"\s*(?:\n|[|•·]|\s[-–—]\s)\s*")


def byline_date(elements: list[Any]) -> str | None:
    """The date a byline element shows beside the name ("By Jane Doe<br>March 25, 2015")."""
    from db.ingest._common import parse_date

    for node in elements:
        for part in _PARTS.split(_lines(node)):
            if part and any(c.isdigit() for c in part) and parse_date(part) is not None:
                return part
    return None


def _lines(node: Any) -> str:
    """The element's text with its line breaks and blocks as new lines."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        if element is not node and element.tag in _BREAKS:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(node)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


_BREAKS = frozenset(["br", "div", "p", "span", "time", "li"])


#: a link's address part that says it leads to a writer's page ("/author/jane-doe", "/autoren/…")
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|autor(?:es|en|in|i|zy)?|auteurs?|autori?|autores|journalists?|journaliste?s?|"
    r"redakteur(?:in)?|writers?|columnists?|contributors?|reporters?|byline|avtor|автор[ыи]?|"
    r"yazar(?:lar)?|muhabir)/[^/?#]+",
    re.IGNORECASE,
)
#: a writer's link shows a name of at most this many words
_LINK_NAME_WORDS = 5


def author_links(tree: Any) -> Iterator[str]:
    """The names of links to a writer's page (``<a href="/author/jane-doe">Jane Doe</a>``), in
    document order, outside page furniture, other stories' teasers and comments: the last
    resort, where nothing else on the page names the writer."""
    for link in tree.iter("a"):
        href = link.get("href") or ""
        name = _text(link)
        if not name or not _AUTHOR_PAGE.search(href) or len(name.split()) > _LINK_NAME_WORDS:
            continue
        if inside(link, _NOT_SIGNED_HERE) or _elsewhere(link) or _in_page_part(link, ("header", "footer")):
            continue
        yield name


def _in_page_part(node: Any, tags: tuple[str, ...]) -> bool:
    """Whether the node is in the page's own header or footer (the site's), not an article's."""
    parts = [a for a in node.iterancestors() if a.tag in tags]
    return bool(parts) and not any(a.tag in ("article", "main") for a in parts[-1].iterancestors())


#: words of a class or id that say a part of the page holds other stories or readers' comments
_ELSEWHERE = re.compile(r"comment|related|teaser|promo|recommend|popular|trending|sidebar|widget|card|more", re.I)


def _elsewhere(node: Any) -> bool:
    """Whether the node is in readers' comments or in a box of other stories."""
    return any(
        _ELSEWHERE.search(f"{a.get('class') or ''} {a.get('id') or ''}")
        for a in node.iterancestors()
        if isinstance(a.tag, str) and a.tag not in ("html", "body")
    )
