"""The site's own name where a page gives it as the author.

Many pages declare their site as the author (``<meta name=author content="L'Opinion">``, a
JSON-LD author that is the outlet, trafilatura's reading of the address as a name, "Katholisch
At" for katholisch.at) while the visible byline names the writer. A byline that is the site's
name (its ``og:site_name`` or a part of it, "Achtsam durch die Krise | Die FURCHE"; the host of
its address, with or without the top-level domain) is the outlet, not a person: it is kept aside
as an agency is, and is the author only when nothing else on the page names anyone. A byline
that begins with the site's name and then names someone ("unocero - Alberto Ávila") names them.
A personal site named after its owner ("Jane Doe's blog") names its writer, last of all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from db.ingest.articlehead import key

#: what separates the parts of a site's name or of a byline ("Headline | Site", "Site - Name")
_PARTS = re.compile(r"\s+[|–—·:-]\s+|\s*\|\s*")
#: a site's key has at least this many letters (a two-letter name is too often something else)
_MIN_KEY = 3


def site_keys(names: Iterable[str | None], address: str | None) -> frozenset[str]:
    """The keys a byline naming the site itself has: of each of the site's ``names`` and their
    parts, and of the host of its ``address`` ("jungefreiheit.de" and "jungefreiheit")."""
    keys: set[str] = set()
    for name in names:
        if name:
            keys.add(key(name))
            keys.update(key(part) for part in _PARTS.split(name))
    if address:
        address = address.strip()
        host = (urlsplit(address if "//" in address else f"//{address}").hostname or "").removeprefix("www.")
        if "." in host:
            keys.add(key(host))
            keys.add(key(host.rsplit(".", 1)[0]))
    return frozenset(k for k in keys if len(k) >= _MIN_KEY)


def is_site(name: str, keys: frozenset[str]) -> bool:
    """Whether the byline is the site's own name."""
    return key(name) in keys


def past_site_name(value: str | None, keys: frozenset[str]) -> str | None:
    """ "unocero - Alberto Ávila" -> "Alberto Ávila": a byline that begins (or ends) with the
    site's name says who after (or before) it; any other byline as it is."""
    if not value or not keys:
        return value
    parts = [part for part in _PARTS.split(value.strip()) if part.strip()]
    if len(parts) == 2:
        if is_site(parts[0], keys) and not is_site(parts[1], keys):
            return parts[1]
        if is_site(parts[1], keys) and not is_site(parts[0], keys):
            return parts[0]
    return value



#: a personal site's name: "Jane Doe's blog", "Jane Doe's Digital Home", "Jane Doe’s Weblog"
_OWNED = re.compile(
    r"([^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3})['’]s\s+(?:digital\s+|personal\s+|little\s+)?"
    r"(?:blog|weblog|home|homepage|home\s+page|website|site|journal|notebook|notes|newsletter)\b",
    re.IGNORECASE,
)


def site_owner(tree: Any) -> Iterator[str]:
    """The person a personal site is named after, in its ``<title>`` or ``og:site_name``
    ("JSON parsing – Daniel Lemire's blog"): the writer of its posts, where nothing else names one."""
    names = [node.text_content() for node in tree.iterfind(".//title")]
    names += [node.get("content") or "" for node in tree.iterfind(".//meta[@property='og:site_name']")]
    for name in names:
        for match in _OWNED.finditer(" ".join(name.split())):
            words = match.group(1).split()
            while words and not words[0][:1].isupper():
                words.pop(0)  # the title's words before the name ("Notes – Jane Doe's blog")
            if len(words) >= 2 and all(word[:1].isupper() for word in words):
                yield " ".join(words)
