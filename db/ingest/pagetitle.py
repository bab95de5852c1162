"""A saved page's title without the site's name around it.

Pages put their site's name after the headline ("Talks resume | Example News", "受賞：朝日新聞
デジタル", "wasm-module MOONGIFT") or before it ("Example News - Talks resume"). A part is the
site's name when it is the page's outlet, when it holds the name in the site's address
("ABC News" on abcnews.go.com, "phpspot開発日誌" on phpspot.org) or is made of its initials
("Sports Illustrated" on si.com); and the part before a separator is the title when the page's
own ``<h1>`` says just that (the site's name then need not be recognised).

A page that names its title only in ``<title>`` (no ``og:title`` or JSON-LD headline) often puts
a shorter or search-engine variant there and the headline the reader sees in its ``<h1>``: the
article's headline (:func:`article_headline`) then wins, unless ``<title>`` begins with it and
only a separator and the site's or section's name follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from db.ingest.articlehead import beside, hidden, key
from db.text import fold

#: between a title and the site's name, spaced or (in CJK titles) not
_SEPARATORS = (" | ", " -- ", " - ", " – ", " — ", " :: ", " : ", " · ", " / ", " « ", " » ", " › ", " ‹ ", " • ",
               "｜", "：", " ｜ ", "|", ":")
#: WordPress's old default title, "Site » Blog Archive » Title", in the languages it was shipped in
_BLOG_ARCHIVE = re.compile(
    r"^(?:.*?\s»\s)?(?:blog\s+archiv(?:e|es)?|archives\s+du\s+blog|archivio\s+(?:del\s+)?blog|"
    r"archivo\s+(?:del\s+)?blog|blogarchief)\s+»\s+(?=\S)",
    re.IGNORECASE,
)
#: the site's name in brackets after the title ("Headline (Example News)", "見出し（朝日新聞）")
_BRACKETED_TAIL = re.compile(r"^(.*\S)\s*[(（]([^()（）]+)[)）]\s*$")
#: separators that may also join a title's own words ("Alexa:Gadgets"): only before a site's name
_BARE = frozenset(["|", ":"])
#: second-level labels under a country code ("example.co.uk"): the site's name is the one before
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "ne", "or", "edu", "go", "gob"])
#: a site's name read from its address has at least this many letters, and this many to be
#: found inside a longer part ("abcnews" in "ABC News Network")
_MIN_SITE_LETTERS = 2
_MIN_CONTAINED = 4


def site_labels(address: str | None) -> frozenset[str]:
    """The names in a site's address: {"abcnews", "go"} for https://abcnews.go.com/..., {"bbc"}
    for www.bbc.co.uk (or a bare host); never the top-level domain."""
    if not address:
        return frozenset()
    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    parts = [p for p in host.casefold().split(".") if p and p != "www"]
    if len(parts) < 2:
        return frozenset()
    names = parts[:-2] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2 else parts[:-1]
    return frozenset(label for label in map(key, names) if len(label) >= _MIN_SITE_LETTERS)


def _names_site(part: str, outlet: str | None, labels: frozenset[str], than: str) -> bool:
    """Whether ``part`` of a title is the site's name; one that only holds a name from the
    address ("Genius Lyrics") must be shorter than the rest of the title, ``than``."""
    part_key = key(part)
    if not part_key:
        return False
    if (outlet and part_key == key(outlet)) or part_key in labels:
        return True
    initials = key("".join(word[0] for word in part.split() if word[:1].isalpha()))
    if len(initials) >= 2 and initials in labels:
        return True
    shorter = len(part_key) < len(key(than))
    return shorter and any(
        len(label) >= _MIN_CONTAINED and (label in part_key or part_key in label) for label in labels
    )


def without_site_name(
    title: str | None,
    outlet: str | None,
    address: str | None = None,
    headlines: Iterable[str] = (),
    declared: str | None = None,
) -> str | None:
    """The title without the site's name after or before it (see the module's docstring).
    ``outlet`` may be guessed (from the title itself, by trafilatura), ``declared`` is the name
    the page gives its site: only that one, or the address, tells a name before the title."""
    if not title:
        return title
    labels = site_labels(address) | site_labels(outlet if outlet and "." in outlet and " " not in outlet else None)
    shown = {key(h) for h in headlines} - {""}
    title = _BLOG_ARCHIVE.sub("", title)
    bracketed = _BRACKETED_TAIL.match(title)
    if bracketed and _names_site(bracketed.group(2), outlet, labels, bracketed.group(1)):
        title = bracketed.group(1)
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not (found and key(head)):
            continue
        if _names_site(tail, outlet, labels, head) or (
            separator not in _BARE
            and key(head) in shown
            and len(key(head)) >= len(key(tail))
            and not _names_site(head, outlet, labels, tail)
        ):
            return head.strip()
        head, found, tail = title.partition(separator)
        if found and key(tail) and _names_site(head, declared, labels, tail):
            return tail.strip()
    head, found, tail = title.rpartition(" ")
    if found and key(head) and key(tail) in labels:
        return head.strip()  # "wasm-module MOONGIFT": the site's name alone after a space
    return title


#: where an <h1> is page furniture, not the article's headline
_FURNITURE = frozenset(["nav", "footer", "aside", "form", "menu", "figure", "button"])
#: a word of at least this many letters shared with <title> ties a headline to it; a run of
#: letters without spaces this long (Chinese, Japanese) is compared by pairs of characters
_SHARED_LETTERS = 4
_UNSPACED_RUN = 8


def _words(text: str) -> set[str]:
    words: set[str] = set()
    for word in re.findall(r"\w+", fold(text)):
        if len(word) >= _UNSPACED_RUN and not word.isascii():
            words.update(word[i : i + 2] for i in range(len(word) - 1))
        elif len(word) >= _SHARED_LETTERS:
            words.add(word)
    return words


def _is_logo(heading: Any) -> bool:
    """An <h1> that holds an image or links to the site's home page: the site's name."""
    if heading.find(".//img") is not None or heading.find(".//svg") is not None:
        return True
    if any("logo" in part for part in (heading.get("class") or "").casefold().split()):
        return True  # the site's or a section's badge styled as a logo
    return any(urlsplit(a.get("href") or "").path in ("", "/") and not (a.get("href") or "").startswith("#")
               for a in heading.iter("a"))


def article_headline(tree: Any, page_title: str, outlet: str | None, address: str | None = None) -> str | None:
    """The headline the reader sees over the article: the first <h1> inside an ``<article>``,
    else the <h1> that shares the most words with ``page_title`` (the page's ``<title>``); never
    one hidden, in page furniture, holding the site's logo or link home, or naming the site."""
    labels = site_labels(address)
    outlet_key = key(outlet or "")
    title_words = _words(page_title)
    best: tuple[int, str] | None = None
    for heading in tree.iter("h1"):
        text = heading_text(heading)
        text_key = key(text)
        if (
            not text_key
            or text_key == outlet_key
            or text_key in labels
            or _is_logo(heading)
            or any(hidden(n) for n in (heading, *heading.iterancestors()) if n.tag not in ("html", "body"))
            or beside(heading)
            or any(a.tag in _FURNITURE for a in heading.iterancestors())
        ):
            continue
        if any(a.tag == "article" for a in heading.iterancestors()):
            return text
        shared = len(_words(text) & title_words)
        if shared and (best is None or shared > best[0]):
            best = (shared, text)
    return best[1] if best else None


def kicker_before(headline: str, title: str) -> bool:
    """Whether the ``<h1>`` is the title with a kicker or a label before it ("Premier League
    Rückschlag im Titelkampf", a ``<span>`` of the heading): the title is the headline then."""
    shown, own = key(headline), key(title)
    return len(own) < len(shown) and shown.endswith(own)


def separated_apart(title: str, headline: str) -> bool:
    """Whether ``<title>`` is the headline's words with a separator between its kicker and the
    rest that the ``<h1>`` runs together ("Paris - Drinks by boat" over "<span>Paris</span> Drinks
    by boat"): the title then shows them as they are meant."""
    spaced = [s for s in _SEPARATORS if s.startswith(" ")]
    return key(title) == key(headline) and sum(map(title.count, spaced)) > sum(map(headline.count, spaced))


def heading_text(heading: Any) -> str:
    """A heading's words as the reader sees them: a ruby's readings (``<rt>``, ``<rp>``) and the
    marks that only break lines (soft hyphens, zero-width spaces) left out."""
    text = "".join(heading.xpath(".//text()[not(ancestor::rt) and not(ancestor::rp)]"))
    return " ".join(text.translate(_INVISIBLE_MARKS).split())


#: soft hyphens and zero-width marks a headline may hold for line breaking, which nobody sees
_INVISIBLE_MARKS = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def shown_over_title(page_title: str, headline: str) -> bool:
    """Whether ``<title>`` is the headline and only a separator and a site's or section's name
    after it (the page states its title so: keep it as it is)."""
    folded, head = fold(page_title), fold(headline)
    if not folded.startswith(head) or folded == head:
        return False
    rest = folded[len(head):]
    return rest[:1].isspace() and any(rest.lstrip().startswith(s.strip()) for s in (*_SEPARATORS, "_"))
