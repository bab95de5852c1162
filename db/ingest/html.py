"""Saved web pages: the article's main text and the page's own metadata.

Nothing is fetched and nothing runs: the bytes on disk are parsed as a tree (trafilatura for the
main text, lxml for ``<meta>``, OpenGraph and JSON-LD, also wrapped in ``<![CDATA[ ]]>``); scripts, styles and remote images are
dropped, never loaded.

The bytes are decoded by the charset the page declares (``<meta charset>`` or ``http-equiv``)
wherever in the head it stands: a parser that meets the declaration after ``<title>`` would have
read the title in the wrong encoding ("MÄ ori" for "Māori"). Bytes that are valid UTF-8 (and not
all ASCII) are read as UTF-8 whatever the page declares: a page saved again as UTF-8 keeps its
old ``Shift_JIS``. Without a declaration, UTF-8 if the bytes are UTF-8, else the parser's own guess.

Metadata, first found wins, in this order of precedence:

- title: ``<title>`` without its " | Site" suffix when the page's ``<h1>`` says the same (what
  the reader sees twice, over a share title or the site's own name in the metas), else JSON-LD
  ``headline`` (an Article's before a WebPage's), ``og:title`` and the other title metas,
  ``<title>`` without its suffix, trafilatura's, the first line; the site's name before or
  after it cut (:mod:`db.ingest.pagetitle`);
- date: JSON-LD ``datePublished``, ``article:published_time`` and the other publication metas,
  JSON-LD ``dateCreated``, an element marked ``itemprop=datePublished``, the first ``<time
  datetime>`` after the headline, then trafilatura's reading of the page (never a copyright
  year, never ``dateModified``), then a date the byline element shows beside the name, then
  htmldate's extensive search of the page's text (never a lone year);
- author: the person the page names, in the precedence of :mod:`db.ingest.byline` (JSON-LD,
  metas, ``itemprop``/``rel=author``, a byline element, trafilatura's, a "By" line); an agency
  only when no person is named, never a login form's labels;
- outlet: ``og:site_name`` and the like, JSON-LD ``publisher``, a schema.org microdata
  ``itemprop=publisher``'s ``name`` (before trafilatura's, which may be a Twitter handle); language: JSON-LD
  ``inLanguage``, ``og:locale``, ``Content-Language``, ``<html lang>``, else detected on import.

On a page that also shows other stories (a section page, an article among teasers), the text
is the article's whose headline matches the title (:mod:`db.ingest.mainarticle`). The text then
loses the headline repeated as its first line (as the title, an ``<h1>``, or as the page's
og:title, JSON-LD headline or ``<title>`` give it: "Kicker - Headline") and page furniture (date lines,
comment counts, share prompts: :mod:`db.ingest.pagetext`).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from html import unescape as unescape_entities
from pathlib import Path
from typing import Any

from db.ingest._common import first_line_title, parse_date, read_bytes, trim_title
from db.ingest.articlehead import (
    captions,
    link_items,
    link_labels,
    set_apart,
    shown_date,
    standfirst,
)
from db.ingest.base import IngestError, ParsedSource
from db.ingest.byline import author_of, byline_nodes
from db.ingest.bylinetext import byline_date
from db.ingest.mainarticle import headline_of, main_article
from db.ingest.pagetext import article_text, unwrapped
from db.ingest.pagetitle import article_headline, shown_over_title, without_site_name
from db.text import fold

EXTENSIONS: tuple[str, ...] = (".html", ".htm", ".xhtml")
MEDIA_TYPE = "text/html"

_INVISIBLE = ("script", "style", "noscript", "template", "head", "iframe", "object", "svg")
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one saved web page as one source."""
    data = read_bytes(path)
    refuse_binary(data)
    yield page_source(data, path.stem)


# What other files begin with: a page never does
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a zip file (or a Word/Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"), (b"\x1f\x8b", "a gzip file"), (b"7z\xbc\xaf", "a 7-Zip file"),
    (b"Rar!", "a RAR file"), (b"\x7fELF", "a program"), (b"MZ", "a Windows program"), (b"RIFF", "a sound or video file"),
    (b"ID3", "an MP3 file"), (b"OggS", "a sound or video file"), (b"\x1aE\xdf\xa3", "a video file"),
)
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def refuse_binary(data: bytes) -> None:
    """IngestError for a file that is not text at all (an image or a program named .html)."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"not a web page: this is {what} with a web page's name")
    if data.startswith(_UNICODE_BOMS) or (data[1:2] == b"\x00" and data[:1] == b"<"):
        return  # UTF-16 or UTF-32 text: half its bytes are NULs
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > max(4, len(sample) // 100):
        raise IngestError("not a web page: a binary file (not text) with a web page's name")


def page_source(data: bytes | str, name: str, url: str | None = None) -> ParsedSource:
    """The source in a web page's HTML (bytes with their own charset declaration, or text);
    ``name`` is the title of last resort, ``url`` where the page was saved from, if known."""
    data = _decoded(data)
    tree = _tree(data)
    meta, authors = _page_metadata(tree)
    extracted = _trafilatura(data)
    text = unwrapped((extracted.get("text") or "").strip())
    outlet = meta.get("outlet") or extracted.get("sitename")
    headlines = tuple(" ".join(h.text_content().split()) for h in tree.iter("h1"))
    address = meta.get("url") or extracted.get("url") or url
    page_title = without_site_name(meta.get("page title"), outlet, address, headlines, meta.get("outlet"))
    title: str | None
    headline = _visible_headline(tree, meta, outlet, address)
    if page_title and fold(page_title) in {fold(h) for h in headlines}:
        title = page_title  # what the reader sees twice, over a share title or the site's
    elif headline:
        title = headline  # over a <title> that is the only other one the page gives
    else:
        title = meta.get("title") or page_title or extracted.get("title")
        title = without_site_name(title, outlet, address, headlines, meta.get("outlet"))
    text = _main_article_text(tree, title, text)
    author = author_of(tree, authors, extracted.get("author"), text, headline_of(tree, title))
    warnings: list[str] = []
    if not text:
        text = visible_text(tree)
        if text:
            warnings.append("the main article text was not found; all visible text was kept")
    if not text:
        warnings.append("the page has no visible text")
    _drop_invisible(tree, keep_head=True)  # what is left is what a reader sees
    hidden, boxes = set_apart(tree)
    set_off = captions(tree) | hidden | link_items(tree)
    # the headline as the page also declares it (og:title, JSON-LD, <title>): another form of it
    declared = tuple(t for t in (meta.get("title"), meta.get("page title"), page_title) if t)
    text = article_text(text, title, headlines + declared, set_off, link_labels(tree), author, boxes)
    lead = standfirst(tree, text, headline_of(tree, title), meta.get("description"))
    if lead:
        text = f"{lead}\n{text}"
    source = ParsedSource(
        text=text,
        title=trim_title(title) or first_line_title(text) or trim_title(name),
        published=parse_date(meta.get("published"))
        or parse_date(shown_date(tree, headline_of(tree, title)))
        or parse_date(extracted.get("date"))
        or parse_date(byline_date(byline_nodes(tree)))
        or parse_date(_searched_date(data)),
        outlet=outlet,
        author=author,
        url=meta.get("url") or extracted.get("url") or url,
        language=_language(meta.get("language")),
        warnings=warnings,
    )
    return source


_DECLARED = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _visible_headline(tree: Any, meta: dict[str, str], outlet: str | None, address: str | None) -> str | None:
    """The article's visible headline when the page's only title is its ``<title>`` and that
    differs from it (see :mod:`db.ingest.pagetitle`), else None."""
    page_title = meta.get("page title")
    if meta.get("title") or not page_title:
        return None
    headline = article_headline(tree, page_title, outlet, address)
    if not headline or shown_over_title(page_title, headline):
        return None
    return headline


def _decoded(data: bytes | str) -> bytes | str:
    """The page as text, decoded by the charset it declares anywhere in its first 64 KB (or as
    UTF-8 when it is UTF-8); bytes left to the parser when neither says (a BOM, say)."""
    if isinstance(data, str) or data.startswith(_UNICODE_BOMS) or data.startswith(b"\xef\xbb\xbf"):
        return data
    import codecs

    declared = _DECLARED.search(data[:65536])
    encoding = None
    if declared is not None:
        with contextlib.suppress(LookupError):
            encoding = codecs.lookup(declared.group(1).decode("ascii", "replace")).name
    if encoding not in (None, "utf-8") and not data.isascii():
        # a page saved again as UTF-8 keeps its old declaration (Shift_JIS, windows-1252): text
        # in those encodings is almost never valid UTF-8, so bytes that are say which it is
        with contextlib.suppress(UnicodeDecodeError):
            data.decode("utf-8")
            encoding = "utf-8"
    try:
        text = data.decode(encoding or "utf-8", errors="replace" if encoding else "strict")
    except UnicodeDecodeError:
        return data
    # lxml refuses text that still declares an encoding of its own
    return _XML_DECLARATION.sub("", text, count=1)


def _tree(data: bytes | str) -> Any:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"not a readable web page ({exc})") from None


#: the main article's text must be this share of the whole page's main text at least, or it is
#: taken for a fragment (a headline's box) and the whole page's is kept
_MAIN_ARTICLE_SHARE = 0.4


def _main_article_text(tree: Any, title: str | None, text: str) -> str:
    """The text of the page's own article when the page also shows other stories' teasers
    (:mod:`db.ingest.mainarticle`), else ``text``, the main text of the whole page."""
    import lxml.html

    article = main_article(tree, title)
    if article is None:
        return text
    markup = "<html><body>" + lxml.html.tostring(article, encoding="unicode") + "</body></html>"
    own = (_trafilatura(markup, with_metadata=False).get("text") or "").strip()
    return own if own and len(own) >= _MAIN_ARTICLE_SHARE * len(text) else text


def _trafilatura(data: bytes | str, *, with_metadata: bool = True) -> dict[str, Any]:
    import trafilatura

    try:
        # A byte string, never a URL: trafilatura fetches nothing for it.
        document = trafilatura.bare_extraction(
            data,
            with_metadata=with_metadata,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            # Precision: fewer teaser and furniture blocks ahead of the first paragraph (measured in
            # benchmarks/bench_web.py), at the cost of about one paragraph in a hundred.
            favor_precision=True,
            # Only dates the page declares (meta, <time>): the extensive search would turn a
            # "Copyright 2019" footer into a publication date of 2019-01-01.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a page trafilatura cannot handle still has visible text
        return {}
    if document is None:
        return {}
    result = document if isinstance(document, dict) else document.as_dict()
    return {k: v for k, v in result.items() if isinstance(v, str) and v.strip()}


def _searched_date(data: bytes | str) -> str | None:
    """The date htmldate's extensive search finds in the page's text (a date line in any of its
    formats, "Publié le 3 mars 2019", "2019年3月4日"), the last resort; never a lone year (a
    copyright line's "2019" it gives as 2019-01-01)."""
    from htmldate import find_date

    try:
        found = find_date(data, extensive_search=True, original_date=True)
    except Exception:  # htmldate raises assorted errors on odd pages; a date is optional
        return None
    return found if isinstance(found, str) and not found.endswith("-01-01") else None


def _page_metadata(tree: Any) -> tuple[dict[str, str], list[tuple[str | None, bool]]]:
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
            name = _names(item.get("author"))
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
    return found, authors


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
    yield from sorted(items, key=lambda item: not any("Article" in k for k in _kinds(item)))


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
            if any("Article" in k or k == "WebPage" for k in _kinds(item)):
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


def _is_person(value: object) -> bool:
    """Whether a JSON-LD author names people: not an Organization (an agency, the outlet)."""
    if isinstance(value, list):
        return any(_is_person(v) for v in value)
    if isinstance(value, dict):
        return "Organization" not in _kinds(value) and not any(k.endswith("Organization") for k in _kinds(value))
    return True


def _language(value: str | None) -> str | None:
    match = _LANGUAGE.match(value.strip()) if value else None
    return match.group(0).lower() if match else None


def _drop_invisible(tree: Any, *, keep_head: bool = False) -> None:
    for node in list(tree.iter(*_INVISIBLE)):
        parent = node.getparent()
        if parent is not None and not (keep_head and node.tag == "head"):
            node.drop_tree()


def visible_text(tree: Any) -> str:
    """All text a browser would show, one line per block, scripts and styles removed."""
    _drop_invisible(tree)
    parts: list[str] = []
    for node in tree.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        if node.tail:
            parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
