"""The place a figure is about: "in Grozny", "across northern Iraq"."""

from __future__ import annotations

import re

from db.extract.statistics.english import MONTH_RE, WEEKDAY_RE
from db.extract.statistics.sentences import clean

_PLACE = re.compile(
    r"\b(?:in|near|across|at|inside|outside|throughout)\s+(?:the\s+)?"
    r"((?:(?:northern|southern|eastern|western|central|north|south|east|west|north-?western|"
    r"north-?eastern|south-?western|south-?eastern|northeastern|northwestern|southeastern|"
    r"southwestern)\s+)?"
    r"(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+|al-)?[A-Z][\w'’-]*)*"
    r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)")


def guess_place(text: str) -> str | None:
    for match in _PLACE.finditer(text):
        place = match.group(1)
        first = place.split()[-1] if place.split()[0].islower() else place.split()[0]
        if re.fullmatch(rf"{MONTH_RE}\.?|{WEEKDAY_RE}", first, re.IGNORECASE):
            continue
        return clean(place)
    return None
