"""YAML front matter at the top of Markdown and text notes (Obsidian, Jekyll, Hugo, Zotero and
read-later exports): title, date, author, outlet, URL and language.

    ---
    title: "Defectors describe life under ISIS"
    date: 2015-07-11
    author: [Anna Nemtsova]
    source: The Daily Beast
    url: https://www.thedailybeast.com/...
    ---

The block is read with PyYAML's safe loader and removed from the text; a block that is not valid
YAML, or not a mapping (a Markdown rule above and below a paragraph), stays in the text.
"""

from __future__ import annotations

import datetime as dt
import re

from db.dates import PartialDate
from db.ingest._common import date_from_datetime, parse_date, trim_title
from db.ingest.base import ParsedSource

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
#: front matter longer than this is not looked for (a note's header is a few lines)
_LIMIT = 16_384
_URL = re.compile(r"https?://\S+$", re.IGNORECASE)

_TITLE = ("title", "headline")
_DATE = ("date", "published", "pubdate", "publication_date", "date_published", "created", "issued")
_AUTHOR = ("author", "authors", "by", "byline", "creator", "creators")
_OUTLET = ("outlet", "publisher", "publication", "source", "site", "site_name", "journal",
           "newspaper", "website")  # fmt: skip
_URL_KEYS = ("url", "link", "source_url", "canonical_url", "canonical", "permalink", "source")
_LANGUAGE = ("lang", "language")


def read_front_matter(text: str, source: ParsedSource) -> int:
    """Fill ``source`` from a front matter block opening ``text``; where the rest starts (0 when
    there is none)."""
    opening = _OPENING.match(text)
    if opening is None:
        return 0
    closing = _CLOSING.search(text, opening.end(), min(len(text), _LIMIT))
    if closing is None:
        return 0
    import yaml

    try:
        data = yaml.safe_load(text[opening.end() : closing.start()])
    except (yaml.YAMLError, RecursionError, ValueError):
        source.warnings.append("the block at the top is not valid YAML front matter; it is kept in the text")
        return 0
    if not isinstance(data, dict) or not data:
        return 0
    fields = {str(key).strip().lower(): value for key, value in data.items()}

    def first(keys: tuple[str, ...]) -> object:
        return next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)

    source.title = trim_title(_text(first(_TITLE)))
    source.published = _date(first(_DATE))
    source.author = trim_title(_text(first(_AUTHOR)))
    source.url = next((u for k in _URL_KEYS if (u := _text(fields.get(k))) and _URL.match(u)), None)
    outlet = next((o for k in _OUTLET if (o := _text(fields.get(k))) and not _URL.match(o)), None)
    source.outlet = trim_title(outlet)
    language = _text(first(_LANGUAGE))
    if language and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", language):
        source.language = language.split("-")[0].split("_")[0].lower()
    end = closing.end()
    return end + 1 if text.startswith("\n", end) else end


def _text(value: object) -> str | None:
    """A field's value as text: a string, number or date as it is, a mapping by its name
    ({name: Anna Nemtsova, affiliation: ...}), a list of those joined. Deeper structures are
    ignored (YAML aliases could otherwise make them explode)."""
    if isinstance(value, list):
        parts = [_scalar(item) for item in value[:20]]
        return ", ".join(p for p in parts if p) or None
    return _scalar(value)


def _scalar(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        return None
    return str(value).strip()[:2000] or None


def _date(value: object) -> PartialDate | None:
    if isinstance(value, dt.date):  # YAML reads 2015-07-11 (and datetimes) as dates itself
        return date_from_datetime(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
        return PartialDate(value)
    return parse_date(_text(value))
