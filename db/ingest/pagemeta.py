"""What a saved web page declares about itself: JSON-LD of an article or a posting (a blog's, a
forum's; ``headline``, ``datePublished``, ``author``,
``publisher`` ..., also inside ``@graph`` and wrapped in ``<![CDATA[ ]]>``), the ``<meta>`` tags
(OpenGraph, Dublin Core, the citation and news metas), schema.org microdata's publisher, the
canonical link and ``<html lang>``; the authors each with whether they name a person (not an
organisation, not the site's own name). :mod:`db.ingest.html` weighs these against what the
page shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape as unescape_entities
from typing import Any

from db.text import fold


def declared_metadata(tree: Any) -> tuple[dict[str, str], list[tuple[str | None, bool]]]:
    """Title, date, outlet, URL and language as the page itself declares them, and the authors
    it declares (JSON-LD's, then the metas'), each with whether it names a person."""
    found: dict[str, str] = {}
    authors: list[tuple[str | None, bool]] = []

    def keep(key: str, value: object) -> None:
        if isinstance(value, str) and value.strip() and key not in found:
            found[key] = " ".join(_unescaped(value).split())

    # JSON-LD first: it is the most structured; <meta> tags fill what it lacks.
    created: list[str] = []
    for node in tree.iterfind(".//script[@type='application/ld+json']"):
        for item in _json_ld_items(node.text or ""):
            keep("title", item.get("headline") or item.get("name"))
            keep("published", item.get("datePublished"))
            if isinstance(item.get("dateCreated"), str):
                created.append(item["dateCreated"])
            name = _names(_people_first(item.get("author")))
            authors.append((name and _unescaped(name), _is_person(item.get("author"))))
            keep("outlet", _names(item.get("publisher")))
            keep("url", item.get("url") if isinstance(item.get("url"), str) else None)
            keep("language", item.get("inLanguage"))
    metas: dict[str, str] = {}
    every: dict[str, list[str]] = {}  # each author meta's values: the site's name may come first
    for node in tree.iterfind(".//meta"):
        content = node.get("content")
        # "property" may hold several names ("dc:creator twitter:site_name"); dc: is dc.
        declared = " ".join(node.get(a) or "" for a in ("property", "name", "itemprop")).lower().split()
        for token in declared:
            name = re.sub(r"^(dc|dcterms):", r"\1.", token)
            if content and content.strip() and name not in metas:
                metas[name] = content
            if content and content.strip() and name in _AUTHOR_METAS:
                every.setdefault(name, []).append(content)
        if (node.get("http-equiv") or "").lower() == "content-language" and content:
            metas.setdefault("content-language", content)
    for key, names in (
        ("title", ("og:title", "twitter:title", "dc.title", "citation_title")),
        (
            "published",
            (
                "article:published_time",
                "datepublished",
                "dc.date",
                "dc.date.issued",
                "citation_publication_date",
                "pubdate",
                "date",
            ),
        ),
        ("outlet", ("og:site_name", "application-name", "dc.publisher")),
        ("url", ("og:url",)),
        ("description", ("og:description", "description", "twitter:description", "dc.description")),
        ("language", ("og:locale", "content-language", "dc.language", "language")),
    ):
        for name in names:
            keep(key, metas.get(name))
    keep("outlet", _microdata_publisher(tree))
    # the site's own name as the author (a CMS's default, the generator's) names no person
    site = {fold(metas[n]) for n in ("generator", "copyright", "application-name", "og:site_name",
                                    "publisher", "dc.publisher") if n in metas}
    site.add(fold(found.get("outlet") or ""))
    site.add(_copyright_holder(metas.get("copyright") or ""))
    authors[:] = [(name, person and fold(name or "") not in site) for name, person in authors]
    authors.extend(
        (value, fold(value or "") not in site)
        for name in _AUTHOR_METAS
        for value in every.get(name, [None])
    )
    keep("written by", next(_labelled_twitter_data(metas), None))
    for date in created:  # a creation date only when nothing says when it was published
        keep("published", date)
    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in link.get("rel", "").lower().split():
            # A canonical link, when present, names the article better than og:url.
            href = link.get("href", "")
            if href.startswith(("http://", "https://")):
                found["url"] = href
            break
    keep("language", tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    title = tree.find(".//title")
    if title is not None:
        keep("page title", title.text_content())
    share, page_title = found.get("title"), found.get("page title")
    if share and page_title and page_title.startswith(share) and page_title[len(share):].lstrip()[:1] == '"':
        found["title"] = page_title  # a quotation mark left unescaped cut the meta's content short
    return found, authors


#: a label of Twitter's card data naming the writer (WordPress's SEO plugins write "Written by" /
#: "Verfasst von" as ``twitter:label1`` and the author's name as ``twitter:data1``)
_WRITTEN_BY = re.compile(
    r"^(?:written\s+by|posted\s+by|author|verfasst\s+von|geschrieben\s+von|autor(?:in)?|écrit\s+par|"
    r"auteur|escrito\s+por|scritto\s+da|autore|geschreven\s+door|napisane\s+przez|автор)$",
    re.IGNORECASE,
)


def _labelled_twitter_data(metas: dict[str, str]) -> Iterator[str]:
    """The name in a Twitter card's labelled data (``twitter:label1`` "Written by",
    ``twitter:data1`` "Jane Doe"): the account that posted the page, who most often wrote it
    (:mod:`db.ingest.byline` reads it after the bylines the page shows)."""
    for number in range(1, 5):
        label, data = metas.get(f"twitter:label{number}"), metas.get(f"twitter:data{number}")
        if label and data and _WRITTEN_BY.match(" ".join(label.split())):
            yield " ".join(data.split())


def _microdata_publisher(tree: Any) -> str | None:
    """The name of a schema.org microdata publisher (``<div itemprop="publisher" itemscope>``
    with an ``itemprop="name"``, a meta's content or an element's text)."""
    for node in tree.xpath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' publisher ')]"):
        for name in node.xpath(".//*[@itemprop='name']"):
            value = name.get("content") if name.tag == "meta" else name.text_content()
            if value and value.strip():
                return str(value)
    return None


_COPYRIGHT_WORDS = re.compile(
    r"copyright|\(c\)|©|\b\d{4}\b|[-–]|all rights reserved\.?|tous droits réservés|alle rechte vorbehalten",
    re.IGNORECASE,
)


def _copyright_holder(notice: str) -> str:
    """Who a copyright meta names ("Copyright (c) Condé Nast 2019. All rights reserved." -> the
    folded "conde nast"): the site's owner, whose name as the author meta names no writer."""
    return fold(_COPYRIGHT_WORDS.sub(" ", _unescaped(notice))).strip(" .,")


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)


def _unescaped(value: str) -> str:
    """A value with the HTML entities it still holds read ("&quot;", "&#8216;"): JSON-LD is not
    HTML, and a meta's content escaped twice keeps them after parsing."""
    return unescape_entities(value) if _ENTITY.search(value) else value


#: metas naming the author, in precedence: Dublin Core's is the document's own
_AUTHOR_METAS = ("dc.creator", "dcterms.creator", "author", "article:author", "parsely-author",
                 "sailthru.author", "citation_author", "byl")


def _json_ld_items(raw: str) -> Iterator[dict[str, Any]]:
    """The Article items of a JSON-LD block, then its WebPage items (whose name is the page's)."""
    items = list(_json_ld_all(raw))
    yield from sorted(items, key=lambda item: not any(_ARTICLE.search(k) for k in _kinds(item)))


#: the schema.org types of a story: NewsArticle, ReportageNewsArticle ..., BlogPosting,
#: LiveBlogPosting, SocialMediaPosting, DiscussionForumPosting
_ARTICLE = re.compile(r"Article|Posting$")


def _kinds(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


#: what a page may wrap its JSON-LD in, for old XHTML parsers: ``<![CDATA[ ... ]]>``, ``<!-- -->``
_JSON_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


def _json_ld_all(raw: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(_JSON_LD_WRAPPER.sub("", raw))
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [])
            if any(_ARTICLE.search(k) or k == "WebPage" for k in _kinds(item)):
                yield item


def _names(value: object) -> str | None:
    """'Jane Doe' from a JSON-LD person, organisation or a list of them."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _people_first(value: object) -> object:
    """A JSON-LD list of authors without its organisations where it also names people (the
    outlet listed beside its writer)."""
    if isinstance(value, list):
        people = [v for v in value if _is_person(v)]
        return people if people and len(people) < len(value) else value
    return value


def _is_person(value: object) -> bool:
    """Whether a JSON-LD author names people: not an Organization (an agency, the outlet)."""
    if isinstance(value, list):
        return any(_is_person(v) for v in value)
    if isinstance(value, dict):
        return "Organization" not in _kinds(value) and not any(k.endswith("Organization") for k in _kinds(value))
    return True
