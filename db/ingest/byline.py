"""Who wrote a saved web page: the person the page names, an agency only when no person is named.

A page names its author in many places, some machine-readable, some only visible. They are
looked at in this order of precedence, and the first that names a person wins:

1. JSON-LD ``author`` (a Person's name, or a list of them joined with ", ", an Organization
   listed beside people left out);
2. ``<meta name=author>``, ``article:author``, ``dc.creator`` ... (each of them, in order: a
   page may give the site's name first and the writer's next); a profile's address
   (".../editors/jon-fingas", OpenGraph's ``article:author``) gives the name it spells where
   the page shows that name;
3. an element marked ``itemprop=author`` (its ``itemprop=name`` when it has one, a ``<meta>``'s
   content where the name is not shown);
4. the text of a ``rel=author`` link (the links beside the first one listed together);
5. the byline trafilatura reads from the page (its own byline rules, which most often agree
   with 6. and lose to it only where it reads nothing), cut to 6.'s name when it reads on
   past it ("Joshua Sokol May"), and left for 6.'s full name when it is one word of a cased
   script (a forename, a name run together: "Arianschlichenmayer") or a name that neither the
   page's text outside its furniture nor its metas show (a menu's "About Admin");
6. a visible byline element (a class with "byline" or "author" in it: "pb-byline",
   "author-name"), the innermost one of a byline's size (not a container whose class only
   mentions authors), its links' names when it has links, without its "By";
7. a "By Jane Doe" line among the text's first lines, or a "Posted by: Jane Doe" in a line of
   labels there ("05/10/2018 - Publicado por: Jane Doe - Categoria: Saúde");
8. a "by" or a label ("Autor: Anna Roe", "Texte : Jean Dupont", "Текст: Иван Петров") in the
   headline's box, a line signing the article ("Posted by Jane Doe.", "… at 10:05"), and last
   a link to a writer's page ("/author/jane-doe", "/autoren/…") outside other stories' boxes
   and comments: :mod:`db.ingest.bylinetext`; then the account a Twitter card's labelled data
   names (``twitter:label1`` "Written by" / "Verfasst von", ``twitter:data1`` the name: what
   WordPress's SEO plugins write, the one who posted the page, which a byline the page shows
   overrules); and last of all the owner a personal site is
   named after ("… – Jane Doe's blog" in ``<title>`` or ``og:site_name``).

The site's own name as a byline is kept aside as an agency is (:mod:`db.ingest.bylinesite`).

Each is cleaned ("By"/"Par"/"Von"/"Por", "Written by", "Analysis by", and a trailing date, a town
after the name ("Jane Doe, Berlin"),
"| Reuters", ", Reuters", ", Staff Writer" or "Edited by ..." cut, whitespace collapsed, "Jane
Doe and John Roe" and an interview's "Jane Doe im Gespräch mit John Roe" listed as "Jane Doe,
John Roe", "Doe, Jane" read "Jane Doe", a Korean or
Japanese reporter's title after the name ("신현주 기자") and a long description after it cut) and
refused when it cannot be a name (a web address beside the name cut first): a URL (with or without "https://": "www.facebook.com/jdoe"), an e-mail address, an account menu's "Username", a button's "Follow
Author", a reading time's "Lesedauer", a date's month ("December", "Dec"), a sentence (also one without its stop: three words or more in
lower case beside a capitalised name, "About the author Jane Doe covers conflict"; one lower-case word
ending it, "Art Edwards says"), a picture's credit ("Foto: …"), "Posted"; all in lower case, more than three words ("here are
some strategies"). An agency (AFP, Reuters,
AP) or another organisation (a JSON-LD Organization, "… Foundation", "… Media Group", "Us Weekly
Staff", and the newsroom as a whole: "Staff", "Redaktion", "La Rédaction", "The Editors") is kept
aside and is the author only when nothing on the page names a person. An account's name (one
lower-case word, "mikecason") gives way to a later byline spelling it as a name ("Mike Cason"). Bylines in page furniture (menus, footers, side
columns) and in other stories' teasers (list items) are not read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from db.ingest._common import only_date_words
from db.ingest.bylinename import (
    MAX_CHARS,
    MAX_WORDS,
    ROLE_AFTER,
    SENTENCE_WORDS,
    forename_first,
    is_organisation,
    listed,
    lower_case_end,
    lower_case_words,
    name_before_description,
    without_affiliation,
    without_place,
)
from db.ingest.bylinesite import is_site, past_site_name, site_owner
from db.ingest.bylinetext import author_links, head_bylines, labelled_lines, signatures

#: what an account menu says where a byline's class name is ("username", "user-name")
_ACCOUNT_WORDS = frozenset(
    ["username", "user name", "user", "login", "log in", "sign in", "account", "my account",
     "profile", "guest", "anonymous", "admin", "administrator"]
)
#: what a byline says when it names nobody: a site's account, a label with no name after it
#: ("Posted", "No Author"); the newsroom as a whole ("Staff", "Redaktion") is an organisation
#: (:func:`db.ingest.bylinename.is_organisation`), kept aside as an agency is
_NOBODY = frozenset(
    ["admin", "webmaster", "unknown", "anonymous", "n/a",
     "posted", "author", "autor", "no author", "unknown author", "by"]
)
#: a byline element's words that ask the reader to do something ("Follow Author", "View
#: profile", "Suivre"): a button's label, not a name
_PROMPT = re.compile(
    r"^(?:follow|unfollow|subscribe|share|e-?mail|contact|message|view|see|read|more|sign|log|"
    r"register|join|listen|watch|click|tap|send|suivre|s'abonner|abonnez|folgen|abonnieren|"
    r"seguir|suscr[ií]bete|suscribirse|segui|iscriviti|подписаться|читать|следить|"
    # a reading time's label ("Lesedauer: 3 Min."), cut to the label by the time after it
    r"lesedauer|lesezeit|reading\s+time|read\s+time|temps\s+de\s+lecture|tiempo\s+de\s+lectura|"
    r"tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|время\s+чтения)\b",
    re.IGNORECASE,
)
_BY = re.compile(
    r"^(?:(?:written|posted|published|story|words|text|reporting|analysis|opinion|commentary|"
    r"escrito|publicado|postado|écrit|rédigé|publié|geschrieben|verfasst|scritto|pubblicato|"
    r"ein\s+(?:gast)?beitrag|ein\s+artikel)\s+)?"
    r"(?:by|par|von|por|door|автор|авторы|авторка|текст|від)\b\s*:?\s*|^(?:著者|筆者|執筆者?|作者|記者|文)\s*[：:]\s*",
    re.IGNORECASE,
)
#: a byline's tail that is not the name: "| Reuters", ", Staff Writer", a date or time
_TAIL = re.compile(
    r"\s*(?:[|•·]|\s[-–—]\s|,?\s+(?:updated|published|posted|on)\b|\d{1,2}[:/.]\d|"
    r",?\s+(?:edited|photos?|photographs?|illustrations?|video|graphics)\s+by\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
#: an e-mail address, also written against harvesters ("jdoe[at]example.org", "jdoe (at) example.org")
_EMAIL = re.compile(r"[\w.+-]+(?:@|\s*[\[(]\s*at\s*[\])]\s*)[\w-]+(?:\.[\w-]+)+")
#: an interview's credit between the guest and the interviewer ("Anna Roe im Gespräch mit Lea Doe")
_INTERVIEW = re.compile(
    r"(?<=\w)\s+(?:im\s+gespräch\s+mit|im\s+interview\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec|"
    r"en\s+entretien\s+avec|in\s+conversazione\s+con|en\s+conversación\s+con)\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
#: a picture's credit read where a byline is ("Foto: Bild: SN/APA/Jane Doe", "Photo: Reuters")
_PICTURE_CREDIT = re.compile(
    r"^(?:fotos?|photos?|bild(?:er)?|images?|pictures?|illustrations?|grafik|credits?|quelle|source|фото)\s*[:：]",
    re.IGNORECASE,
)
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
    headline: Any | None = None,
    site: frozenset[str] = frozenset(),
    posted_by: str | None = None,
) -> str | None:
    """The page's author by the precedence above. ``structured`` are the JSON-LD and meta
    authors in order, each with whether it names a person (False for an Organization);
    ``extracted`` is trafilatura's byline; ``text`` the article text; ``headline`` the page's
    ``<h1>``, around which a "by" is looked for; ``site`` the keys of the site's own name
    (:func:`db.ingest.bylinesite.site_keys`), which no byline naming a person has; ``posted_by``
    the account a Twitter card's "Written by" names."""
    agency: str | None = None
    page = _PageWords(tree)
    candidates = _candidates(tree, page, structured, extracted, text, headline, posted_by)
    for value, person, located in candidates:
        value = past_site_name(value, site)
        name = clean(value) or _profile_name(tree, value)
        if name is None:
            continue
        if is_site(name, site):
            agency = agency or name  # the site's own name: the outlet, not a person
            continue
        if person and _HANDLE.fullmatch(name):
            # an account's name ("mikecason"): the page may spell it as the person's name
            spelt = (n for v, _, _ in candidates for n in _parts(clean(v)) if _key(n) == _key(name))
            return next((n for n in spelt if not _HANDLE.fullmatch(n)), name)  # (past its repeats)
        if person and not is_organisation(name):
            # over an agency, only a name the article's part of the page shows (trafilatura
            # also reads the bylines of other stories' teasers)
            if agency is None or located or page.shown(name):
                return name
            continue
        agency = agency or name
    return agency


#: a user name: one lower-case word, letters and digits, as a CMS's account or a profile's
_HANDLE = re.compile(r"[a-z][a-z0-9_.]{3,29}")
#: a profile address's last part that spells a name ("/editors/jon-fingas", "/author/jane_doe")
_PROFILE_SLUG = re.compile(r"[^\W\d_]{2,}(?:[-_][^\W\d_]{2,}){1,3}")


def _key(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _parts(name: str | None) -> list[str]:
    """The names of a byline listing several ("Jane Doe; John Roe", trafilatura's way)."""
    return [part.strip() for part in re.split(r"[;,]", name or "") if part.strip()]


def _profile_name(tree: Any, value: str | None) -> str | None:
    """The name in an author profile's address (``article:author`` is one by OpenGraph's rules:
    ".../editors/jon-fingas") as the page shows it ("Jon Fingas"), when it shows it."""
    if not value or not _ADDRESS.fullmatch(value.strip()):
        return None
    slug = value.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    if not _PROFILE_SLUG.fullmatch(slug):
        return None
    words = re.split(r"[-_]", slug)
    pattern = re.compile(r"\b" + r"[\s-]+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
    shown = pattern.search(" ".join(_page_text(tree).split()))
    return shown.group(0) if shown else None


def _page_text(tree: Any) -> str:
    """The page's text outside scripts and styles."""
    return " ".join(
        t for t in tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    )


class _PageWords:
    """What a page shows outside its furniture, and what its metas and JSON-LD declare, each
    read once a page (the tree is copied to leave its furniture out) and asked for names."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree

    @functools.cached_property
    def _shown(self) -> str:
        import copy

        page = copy.deepcopy(self.tree)
        for node in list(page.iter(*_FURNITURE_TAGS, "script", "style", "noscript", "template", "head")):
            if node.getparent() is not None:
                node.drop_tree()
        # each element's text apart (a byline's parts in elements of their own: "By <span>Jane
        # Doe</span><div>Example Post</div>")
        return " ".join(" ".join(page.itertext()).casefold().split())

    @functools.cached_property
    def _declared(self) -> str:
        values = [node.get("content") or "" for node in self.tree.iter("meta")]
        values += [node.text or "" for node in self.tree.iter("script") if "json" in (node.get("type") or "")]
        return " ".join(" ".join(values).casefold().split())

    def shown(self, name: str) -> bool:
        """Whether the page shows ``name`` (as whole words) outside its furniture."""
        return _has_words(self._shown, name)

    def declared(self, name: str) -> bool:
        """Whether the page's metas or JSON-LD name ``name`` (as whole words)."""
        return _has_words(self._declared, name)


def _has_words(folded: str, name: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(" ".join(name.casefold().split())) + r"(?!\w)", folded) is not None


def _candidates(
    tree: Any,
    page: _PageWords,
    structured: Iterable[tuple[str | None, bool]],
    extracted: str | None,
    text: str,
    headline: Any | None,
    posted_by: str | None = None,
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
        if shorter:
            yield shorter[0], True, True
        elif elements and not (page.shown(name) or page.declared(name)):
            pass  # a name only a menu or a side column shows gives way to the byline element
        elif " " in name or name.lower() == name.upper() or not any(" " in n for n in elements):
            # one word of a cased script (a forename, "Arianschlichenmayer") gives way to a byline
            # element's full name; a Japanese or Chinese name has no space
            yield extracted, True, False
    yield from ((name, True, True) for name in elements)
    for line in text.split("\n")[:8]:
        match = _BY_LINE.match(line.strip())
        if match:
            yield match.group(1), True, True
        elif len(line) <= _MAX_LABELS_LINE and not line.rstrip().endswith("."):
            posted = _POSTED_BY.search(line.strip())
            if posted and all(word[0].isupper() for word in posted.group(1).split()):
                yield posted.group(1), True, True
    yield from ((name, True, True) for name in head_bylines(tree, headline))
    yield from ((name, True, True) for name in signatures(tree))
    yield from ((name, True, True) for name in labelled_lines(text))
    yield posted_by, True, True
    yield from ((name, True, True) for name in author_links(tree))
    yield from ((name, True, True) for name in site_owner(tree))


def _begins_with_name(byline: str, name: str) -> bool:
    """ "Joshua Sokol May" and "Erin Doe; Kyiv bureau" begin with a name: more comes after it."""
    rest = byline.casefold().removeprefix(name.casefold())
    return len(rest) < len(byline) and bool(rest) and not rest[0].isalnum()


#: a web address, with or without its scheme ("www.facebook.com/jane.doe", "twitter.com/jdoe")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S*|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE)


#: a web address after a name in a byline, in brackets or not
_INNER_ADDRESS = re.compile(r"\s*\(?\s*(?:https?://|www\.)[^\s)]+\s*\)?")


def clean(value: str | None) -> str | None:
    """A byline as a name: "By Jane Doe | Reuters" -> "Jane Doe"; None when it is none."""
    if not value:
        return None
    name = " ".join(value.split())
    name = _INNER_ADDRESS.sub("", name).strip() or name  # "Jane Doe (https://example.org/jd/)"
    name = _BY.sub("", name, count=1)
    name = _INTERVIEW.sub(", ", name, count=1)
    name = _TAIL.sub("", name).strip(" ,;:|-–—")
    if not name or not any(c.isalpha() for c in name) or name.startswith("@") or _ADDRESS.fullmatch(name):
        return None
    name = name_before_description(name)
    words = len(name.split())
    if len(name) > MAX_CHARS or words > MAX_WORDS or (name.endswith((".", "!", "?")) and words > 3):
        return None  # a sentence, not a name
    if _PICTURE_CREDIT.match(name):
        return None  # "Foto: Bild: SN/APA", a picture's credit
    if _EMAIL.fullmatch(name):
        return None  # a contact address, not the writer's name
    lower = lower_case_words(name)
    if lower >= SENTENCE_WORDS and (any(c.isupper() for c in name) or lower > SENTENCE_WORDS):
        # "About the author Jane Doe covers conflict": a sentence's words beside a name's; all
        # in lower case, a name has no more than three words ("jane doe" is still one, "here
        # are some strategies" is not)
        return None
    name = forename_first(listed(without_place(without_affiliation(ROLE_AFTER.sub("", name)))))
    if lower_case_end(name) and any(c.isupper() for c in name):
        return None  # "Art Edwards says" (a comment's), "Peter Roe designed" (a theme's credit)
    if name.endswith(".") and len(name.split()[-1]) > 3:
        name = name[:-1]  # a sentence's full stop ("Posted by Jane Doe."), not an initial's
    folded = name.casefold().strip(" .")
    if folded in _ACCOUNT_WORDS or folded in _NOBODY or _PROMPT.match(name) or only_date_words(name):
        return None  # only_date_words: a date line's month ("December") left by the tail's cut
    return name


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
    """The names of schema.org microdata authors, shown or in a ``<meta>``'s content
    (``<span itemprop=author itemscope><meta itemprop=name content="Jane Doe"></span>``,
    ``<meta itemprop=author content="Jane Doe">``), outside page furniture."""
    for node in tree.xpath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"):
        if not isinstance(node.tag, str) or node.tag in ("link", "script") or _in_furniture(node):
            continue
        names = node.xpath(".//*[@itemprop='name']")
        named = names[0] if names else node
        yield named.get("content") or "" if named.tag == "meta" else named.text_content()


def _rel_authors(tree: Any) -> Iterator[str]:
    """The names of the ``rel=author`` links, those beside the first one ("By <a rel=author>Jane
    Doe</a> and <a rel=author>John Roe</a>") listed together."""
    links = list(_visible(tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")))
    if not links:
        return
    beside_first = [a for a in links if a.getparent() is links[0].getparent()]
    names = list(dict.fromkeys(n for n in (clean(a.text_content()) for a in beside_first) if n))
    if len(names) > 1:
        yield ", ".join(names)
    for node in links:
        yield node.text_content()


def _is_byline_class(node: Any) -> bool:
    tokens = _CLASS_TOKEN.findall(node.get("class", "").casefold())
    return any(_BYLINE_CLASS.search(t) and not _NOT_A_BYLINE_CLASS.search(t) for t in tokens)


#: a class word naming a byline, in English and in the languages that write "autor" or "auteur"
#: ("byline", "author-name", "autor", "content-left-autor", "auteur")
_BYLINE_CLASS = re.compile(r"byline|author|autor|auteur")


#: a byline element holds at most this many characters: more is a container that a class name
#: only mentions an author in (``<body class="... f_author_page_on ...">``), not a byline
_BYLINE_ELEMENT_CHARS = 600


def byline_nodes(tree: Any) -> list[Any]:
    """The innermost elements whose class says byline or author, outside the page's furniture."""
    marked = [
        node
        for node in _visible(tree.xpath("//*[@class]"))
        if _is_byline_class(node)
        and node.tag not in ("html", "body")
        and len(" ".join(node.text_content().split())) <= _BYLINE_ELEMENT_CHARS
    ]
    return [
        node
        for node in marked
        if not any(_is_byline_class(inner) for inner in node.iterdescendants() if isinstance(inner.tag, str))
    ]


def _byline_elements(tree: Any) -> Iterator[str]:
    """The innermost byline elements' names: the names their links show ("By <a>Jane Doe</a>
    and <a>John Roe</a>"), else their text; an outer element ("Jane Doe · 2 hours ago") is not
    read when an inner one holds the name alone."""
    for node in byline_nodes(tree):
        links = [" ".join(a.text_content().split()) for a in node.iter("a")]
        names = [name for name in (clean(link) for link in links) if name]
        yield ", ".join(names) if names else node.text_content()
