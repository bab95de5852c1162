"""How the words of a name read in the dictionary (pymorphy3), shared by the readers of
Russian and Ukrainian names: a word's tags, a Ukrainian word's part of speech and cases, and
whether a position opens a sentence."""

from __future__ import annotations

import re

from db.extract.mentions import ukrainian_reading as uk_reading
from db.extract.statistics.phrase import WORD as WORD  # one pattern with the numbers'
from db.language.morphology import parses


def tags(word: str, code: str) -> set[str]:
    """The grammemes of a word's likely readings (a Ukrainian first name the dictionary
    leaves untagged gets "Name")."""
    found: set[str] = set()
    for parse in parses(word, code)[:3]:
        if parse.score >= 0.1:
            found |= set(parse.tag.grammemes)
    if code == "uk" and "Name" not in found and uk_reading.unmarked_first_name(word):
        found.add("Name")
    return found


_PERSON = {"Name", "Surn", "Patr"}


def reading(word: str) -> tuple[str | None, set[str]]:
    """The part of speech of a Ukrainian word's first reading, and the cases of all. A word
    in lower case is no person's name: its readings as one are left out ("надала" is the
    verb, not the genitive of a surname Надал)."""
    lower = word[:1].islower()
    found = [p for p in parses(word, "uk") if not {"Fixd", "Abbr"} & p.tag.grammemes and
             not (lower and _PERSON & p.tag.grammemes)]
    return (found[0].tag.POS if found else None), {p.tag.case for p in found if p.tag.case}


#: a list's bullet or a table's cell border right before a word: it opens an item
_ITEM = re.compile(r"(?:^|\s)[*•|]\s*$")


def opening(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (or the text, or an item of a list or a table:
    "; * Учасники подавали", "| Огляд нацпроектів")."""
    return not text[max(0, start - 4):start].strip(" \"«“(") or \
        text[:start].rstrip(" \"«“(")[-1:] in (".", "!", "?", "\n", "…") or \
        _ITEM.search(text, max(0, start - 4), start) is not None
