"""The sources cited, in one CSL style to start: Chicago author-date.

    Kaplan, Isaac. 2015. “ISIS Comes to Russia.” The Daily Beast, July 11. https://…
    Caucasus Knot. 2014. “Statistics of Victims.” December 31.

An entry starts with the author (the byline), else the outlet, else the title; in-text
citations (:func:`cite`) are the same first element and the year: "Kaplan 2015".
"""

from __future__ import annotations

from collections.abc import Iterable

from db.rows import SourceRow
from db.text import isolated

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _creator(source: SourceRow) -> str:
    return (source.author or source.outlet or "").strip()


def _year(source: SourceRow) -> str:
    return str(source.published.year) if source.published else "n.d."


def cite(source: SourceRow) -> str:
    """The in-text citation: "Kaplan 2015", "Caucasus Knot n.d."; the title when no one is named."""
    who = isolated(_creator(source) or "") or f"“{isolated(source.title or 'Untitled')}”"
    return f"{who} {_year(source)}"


def entry(source: SourceRow) -> str:
    """The bibliography entry (see the module notes)."""
    parts: list[str] = []
    # names and titles set apart: an Arabic title keeps the entry's English order (db.text.isolated)
    creator = _creator(source)
    title = isolated((source.title or "Untitled").strip().rstrip("."))
    if creator:
        parts.append(isolated(creator.rstrip(".")) + ".")
        parts.append(_year(source) + ".")
        parts.append(f"“{title}.”")
    else:
        parts.append(f"“{title}.”")
        parts.append(_year(source) + ".")
    container = isolated(source.outlet) if source.author and source.outlet else ""
    day = ""
    if source.published and source.published.month:
        day = _MONTHS[source.published.month - 1]
        if source.published.day:
            day += f" {source.published.day}"
    tail = ", ".join(p for p in (container, day) if p)
    if tail:
        parts.append(tail + ".")
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def bibliography(sources: Iterable[SourceRow]) -> list[str]:
    """Entries sorted as a reader looks them up: by their first words, then year, then title."""
    return sorted({entry(s) for s in sources}, key=lambda e: (e.casefold(), e))
