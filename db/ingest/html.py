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
  the reader sees twice, over a share title or the site's own name in the metas; unless the
  declared title is another ``<h1>``, and ``<title>`` a section's "News"), else the article's
  visible ``<h1>`` where the page declares no title apart from ``<title>`` (an og:title or
  JSON-LD name that only copies it is a template's) and the ``<h1>`` is not that title with a
  kicker before it, else JSON-LD ``headline`` (an Article's before a WebPage's), ``og:title``
  and the other title metas (one cut short by an unescaped quotation mark gives way to
  ``<title>``), ``<title>`` without its suffix, trafilatura's, the first line; the site's name
  before or after it cut (:mod:`db.ingest.pagetitle`);
- date: JSON-LD ``datePublished``, ``article:published_time`` and the other publication metas,
  JSON-LD ``dateCreated``, an element marked ``itemprop=datePublished``, the first ``<time
  datetime>`` after the headline, then trafilatura's reading of the page (never a copyright
  year, never ``dateModified``), then a date the byline element shows beside the name, then
  htmldate's extensive search of the page's text (never a lone year);
- author: the person the page names, in the precedence of :mod:`db.ingest.byline` (JSON-LD,
  metas, ``itemprop``/``rel=author``, a byline element, trafilatura's, a "By" line); an agency
  or the site's own name (:mod:`db.ingest.bylinesite`) only when no person is named, never a
  login form's labels;
- outlet: ``og:site_name`` and the like, JSON-LD ``publisher``, a schema.org microdata
  ``itemprop=publisher``'s ``name`` (before trafilatura's, which may be a Twitter handle); language: JSON-LD
  ``inLanguage``, ``og:locale``, ``Content-Language``, ``<html lang>``, else detected on import.

On a page that also shows other stories (a section page, an article among teasers), the text
is the article's whose headline matches the title (:mod:`db.ingest.mainarticle`). The text then
loses the headline repeated as its first line (as the title, an ``<h1>``, or as the page's
og:title, JSON-LD headline or ``<title>`` give it: "Kicker - Headline"), page furniture (date lines,
comment counts, share prompts: :mod:`db.ingest.pagetext`) and what the markup shows heads the
article without being its prose (sub-headlines, a kicker before the headline, a summary's points,
an image box's caption, a dialog's message: :func:`db.ingest.articlehead.heading_lines`), as long
as a paragraph follows them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from db.ingest._common import first_line_title, parse_date, read_bytes, trim_title
from db.ingest.articlehead import (
    captions,
    heading_lines,
    key,
    link_items,
    link_labels,
    set_apart,
    shown_date,
    standfirst,
)
from db.ingest.base import IngestError, ParsedSource
from db.ingest.byline import author_of, byline_nodes
from db.ingest.bylinesite import site_keys
from db.ingest.bylinetext import byline_date
from db.ingest.mainarticle import headline_of, main_article
from db.ingest.pagemeta import declared_metadata
from db.ingest.pagetext import article_text, unwrapped
from db.ingest.pagetitle import (
    article_headline,
    kicker_before,
    separated_apart,
    shown_over_title,
    without_site_name,
)
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
    meta, authors = declared_metadata(tree)
    extracted = _trafilatura(data)
    text = unwrapped((extracted.get("text") or "").strip())
    outlet = meta.get("outlet") or extracted.get("sitename")
    headlines = tuple(" ".join(h.text_content().split()) for h in tree.iter("h1"))
    address = meta.get("url") or extracted.get("url") or url
    page_title = without_site_name(meta.get("page title"), outlet, address, headlines, meta.get("outlet"))
    title: str | None
    headline = _visible_headline(tree, meta, outlet, address)
    shown = {fold(h) for h in headlines}
    if page_title and fold(page_title) in shown and not _declared_also_shown(meta.get("title"), page_title, shown):
        title = page_title  # what the reader sees twice, over a share title or the site's
    elif headline:
        title = headline  # over a <title> that is the only other one the page gives
    else:
        title = meta.get("title") or page_title or extracted.get("title")
        title = without_site_name(title, outlet, address, headlines, meta.get("outlet"))
    text = _main_article_text(tree, title, text)
    site = site_keys((outlet, meta.get("outlet"), extracted.get("sitename")), address)
    author = author_of(
        tree, authors, extracted.get("author"), text, headline_of(tree, title), site, meta.get("written by")
    )
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
    heads = heading_lines(tree, headline_of(tree, title), title)
    text = article_text(text, title, headlines + declared, set_off, link_labels(tree), author, boxes, heads)
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


def _declared_also_shown(declared: str | None, page_title: str, shown: set[str]) -> bool:
    """Whether the page's declared title is another ``<h1>`` than its ``<title>`` (which is then a
    section's heading, "News"): the declared one is the article's."""
    return declared is not None and fold(declared) in shown and key(declared) != key(page_title)


def _visible_headline(tree: Any, meta: dict[str, str], outlet: str | None, address: str | None) -> str | None:
    """The article's visible headline when it differs from ``<title>`` and the page declares no
    title of its own beside it (no og:title or JSON-LD headline, or one that only repeats
    ``<title>``: a site's template copies it there), else None (see :mod:`db.ingest.pagetitle`)."""
    page_title = meta.get("page title")
    declared = meta.get("title")
    if not page_title:
        return None
    short = without_site_name(page_title, outlet, address, (), meta.get("outlet")) or page_title
    if declared and key(declared) not in (key(page_title), key(short)):
        return None  # a share title written apart from <title>: the page's own choice
    headline = article_headline(tree, page_title, outlet, address)
    if (
        not headline
        or separated_apart(page_title, headline)
        or separated_apart(short, headline)
        or shown_over_title(page_title, headline)
        or kicker_before(headline, short)
    ):
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
