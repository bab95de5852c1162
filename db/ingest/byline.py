"""Who wrote a saved web page: the person the page names, an agency only when no person is named.

A page names its author in many places, some machine-readable, some only visible. They are
looked at in this order of precedence, and the first that names a person wins:

1. JSON-LD ``author`` (a Person's name, or a list of them joined with ", ");
2. ``<meta name=author>``, ``article:author``, ``dc.creator`` ... (never a profile URL);
3. an element marked ``itemprop=author`` (its ``itemprop=name`` when it has one);
4. the text of a ``rel=author`` link;
5. the byline trafilatura reads from the page (its own byline rules, which most often agree
   with 6. and lose to it only where it reads nothing), cut to 6.'s name when it reads on
   past it ("Joshua Sokol May");
6. a visible byline element (a class with "byline" or "author" in it: "pb-byline",
   "author-name"), the innermost one, its links' names when it has links, without its "By";
7. a "By Jane Doe" line among the text's first lines, or a "Posted by: Jane Doe" in a line of
   labels there ("05/10/2018 - Publicado por: Jane Doe - Categoria: Saúde").

Each is cleaned ("By"/"Par"/"Von"/"Por", "Written by", "Analysis by", and a trailing date,
"| Reuters" or "Edited by ..." cut, whitespace collapsed) and refused when it cannot be a name: a URL, an account menu's "Username", a
sentence. An agency (AFP, Reuters, AP, a JSON-LD Organization) is kept aside and is the author
only when nothing on the page names a person. Bylines in page furniture (menus, footers, side
columns) and in other stories' teasers (list items) are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

#: what an account menu says where a byline's class name is ("username", "user-name")
_ACCOUNT_WORDS = frozenset(
    ["username", "user name", "user", "login", "log in", "sign in", "account", "my account",
     "profile", "guest", "anonymous", "admin", "administrator"]
)
#: news agencies, whose name on a story says where it came from, not who wrote it
_AGENCIES = frozenset(
    ["afp", "agence france-presse", "agence france presse", "reuters", "thomson reuters", "ap",
     "associated press", "the associated press", "dpa", "deutsche presse-agentur", "efe",
     "ansa", "xinhua", "tass", "itar-tass", "ria novosti", "ria", "interfax", "ukrinform",
     "unian", "anadolu", "anadolu agency", "aa", "upi", "pa", "press association", "pa media",
     "bloomberg", "kyodo", "yonhap", "apa", "belga", "anp", "sda", "ats", "europa press",
     "lusa", "pap", "ctk", "čtk", "mti", "agencies", "wire services", "staff", "staff reports",
     "redaction", "rédaction", "redazione", "redacción", "редакция", "редакція"]
)
_BY = re.compile(
    r"^(?:(?:written|posted|published|story|words|text|reporting|analysis|opinion|commentary|"
    r"escrito|publicado|postado|écrit|rédigé|publié|geschrieben|scritto|pubblicato)\s+)?"
    r"(?:by|par|von|por|door|автор|авторы|авторка|текст|від)\b\s*:?\s*",
    re.IGNORECASE,
)
#: a byline's tail that is not the name: "| Reuters", ", Staff Writer", a date or time
_TAIL = re.compile(
    r"\s*(?:[|•·]|\s[-–—]\s|,?\s+(?:updated|published|posted|on)\b|\d{1,2}[:/.]\d|"
    r",?\s+(?:edited|photos?|photographs?|illustrations?|video|graphics)\s+by\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
_MAX_WORDS = 10
_MAX_CHARS = 100
#: elements whose bylines belong to the site, not to the article
_FURNITURE_TAGS = frozenset(["nav", "footer", "aside", "li", "form", "menu"])
_CLASS_TOKEN = re.compile(r"[\w-]+")
_NOT_A_BYLINE_CLASS = re.compile(
    r"bio|img|image|photo|avatar|pic|thumb|follow|social|twitter|desc|about|more|title|"
    r"headshot|box|wrapper|container|list|tools|share|comment|label",
    re.IGNORECASE,
)
#: a "By Jane Doe" line at the head of the text
_BY_LINE = re.compile(r"^(?:by|par|von|por|автор:?)\s+(\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,5})\s*$", re.I)
_MAX_LABELS_LINE = 160
#: a name after "Posted by:", "Publicado por:", "Written by" in a line of labels ("05/10/2018 -
#: Posted by: Jane Doe - Category: Health"), up to the next separator
_POSTED_BY = re.compile(
    r"(?:^|\s)(?:written|posted|published|escrito|publicado|postado|publié|écrit|geschrieben|"
    r"scritto|pubblicato)\s+(?:by|por|par|von|da|di)\s*:?\s*"
    r"([^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,4})(?=\s*(?:$|[-–—|·•,]|\s(?:on|em|le|am|il)\s))",
    re.IGNORECASE,
)


def author_of(
    tree: Any,
    structured: Iterable[tuple[str | None, bool]],
    extracted: str | None,
    text: str,
) -> str | None:
    """The page's author by the precedence above. ``structured`` are the JSON-LD and meta
    authors in order, each with whether it names a person (False for an Organization);
    ``extracted`` is trafilatura's byline; ``text`` the article text."""
    agency: str | None = None
    for value, person, located in _candidates(tree, structured, extracted, text):
        name = clean(value)
        if name is None:
            continue
        if person and not is_agency(name):
            # over an agency, only a name the article's part of the page shows (trafilatura
            # also reads the bylines of other stories' teasers)
            if agency is None or located or _shown_outside_furniture(tree, name):
                return name
            continue
        agency = agency or name
    return agency


def _shown_outside_furniture(tree: Any, name: str) -> bool:
    import copy

    page = copy.deepcopy(tree)
    for node in list(page.iter(*_FURNITURE_TAGS, "script", "style", "noscript", "template", "head")):
        if node.getparent() is not None:
            node.drop_tree()
    return " ".join(name.casefold().split()) in " ".join(page.text_content().casefold().split())


def _candidates(
    tree: Any, structured: Iterable[tuple[str | None, bool]], extracted: str | None, text: str
) -> Iterator[tuple[str | None, bool, bool]]:
    """(byline, names a person, known to stand outside the page's furniture), in precedence."""
    yield from ((name, person, True) for name, person in structured)
    yield from ((name, True, True) for name in _itemprop_authors(tree))
    yield from ((name, True, True) for name in _rel_authors(tree))
    elements = [name for name in (clean(value) for value in _byline_elements(tree)) if name]
    name = clean(extracted)
    if name:
        # trafilatura reads on past the name ("Joshua Sokol May"): the element says where it ends
        shorter = [n for n in elements if _begins_with_name(name, n)]
        yield (shorter[0], True, True) if shorter else (extracted, True, False)
    yield from ((name, True, True) for name in elements)
    for line in text.split("\n")[:8]:
        match = _BY_LINE.match(line.strip())
        if match:
            yield match.group(1), True, True
        elif len(line) <= _MAX_LABELS_LINE and not line.rstrip().endswith("."):
            posted = _POSTED_BY.search(line.strip())
            if posted and all(word[0].isupper() for word in posted.group(1).split()):
                yield posted.group(1), True, True


def _begins_with_name(byline: str, name: str) -> bool:
    """ "Joshua Sokol May" and "Erin Doe; Kyiv bureau" begin with a name: more comes after it."""
    rest = byline.casefold().removeprefix(name.casefold())
    return len(rest) < len(byline) and bool(rest) and not rest[0].isalnum()


def clean(value: str | None) -> str | None:
    """A byline as a name: "By Jane Doe | Reuters" -> "Jane Doe"; None when it is none."""
    if not value:
        return None
    name = " ".join(value.split())
    name = _BY.sub("", name, count=1)
    name = _TAIL.sub("", name).strip(" ,;:|-–—")
    if not name or not any(c.isalpha() for c in name) or name.startswith(("http://", "https://", "@")):
        return None
    words = len(name.split())
    if len(name) > _MAX_CHARS or words > _MAX_WORDS or (name.endswith((".", "!", "?")) and words > 3):
        return None  # a sentence, not a name
    if name.casefold() in _ACCOUNT_WORDS:
        return None
    return name


def is_agency(name: str) -> bool:
    """Whether every name in a byline ("AFP", "Reuters and AP") is a news agency's."""
    parts = re.split(r"\s*(?:,|/|&|\band\b|\bet\b|\bund\b|\by\b|\bи\b)\s*", name.casefold())
    return all(part.strip(" .") in _AGENCIES for part in parts if part.strip())


def _in_furniture(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag in _FURNITURE_TAGS:
            return True
        parent = parent.getparent()
    return False


def _visible(nodes: Iterable[Any]) -> Iterator[Any]:
    for node in nodes:
        if isinstance(node.tag, str) and node.tag not in ("meta", "link", "script") and not _in_furniture(node):
            yield node


def _itemprop_authors(tree: Any) -> Iterator[str]:
    for node in _visible(tree.xpath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]")):
        names = node.xpath(".//*[@itemprop='name']")
        yield (names[0].text_content() if names else node.text_content())


def _rel_authors(tree: Any) -> Iterator[str]:
    for node in _visible(tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")):
        yield node.text_content()


def _is_byline_class(node: Any) -> bool:
    tokens = _CLASS_TOKEN.findall(node.get("class", "").casefold())
    return any(("byline" in t or "author" in t) and not _NOT_A_BYLINE_CLASS.search(t) for t in tokens)


def _byline_elements(tree: Any) -> Iterator[str]:
    """The innermost byline elements' names: the names their links show ("By <a>Jane Doe</a>
    and <a>John Roe</a>"), else their text; an outer element ("Jane Doe · 2 hours ago") is not
    read when an inner one holds the name alone."""
    marked = [node for node in _visible(tree.xpath("//*[@class]")) if _is_byline_class(node)]
    for node in marked:
        if any(_is_byline_class(inner) for inner in node.iterdescendants() if isinstance(inner.tag, str)):
            continue
        links = [" ".join(a.text_content().split()) for a in node.iter("a")]
        names = [name for name in (clean(link) for link in links) if name]
        yield ", ".join(names) if names else node.text_content()
