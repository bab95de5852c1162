"""The period a figure speaks of: the time expressions of a clause as a start and an end date."""

from __future__ import annotations

import re

from db.dates import PartialDate
from db.extract.statistics.english import MONTH_RE, MONTHS

_DECADE = re.compile(r"\b(?:the\s+)?(1[5-9]\d|20\d)0s\b", re.IGNORECASE)
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("since_month_year", re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({MONTH_RE})\.?\s+"
                                    rf"(\d{{4}})\b", re.I)),
    ("since_year", re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?(\d{4})\b", re.I)),
    ("since_month", re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({MONTH_RE})\b"
                               rf"(?!\.?\s+\d)", re.I)),
    ("between_years", re.compile(r"\b(?:between|from)\s+(\d{4})\s+(?:and|to|until|till|"
                                 r"through)\s+(\d{4})\b", re.I)),
    ("split_years", re.compile(r"(?<![\d/-])(\d{4})\s*[/–-]\s*(\d{2}|\d{4})(?![\d/-])")),
    ("decade", _DECADE),
    ("day_year", re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                            rf"(\d{{4}})\b", re.I)),
    ("month_year", re.compile(rf"\b({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)),
    ("day", re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)",
                       re.I)),
    ("month", re.compile(rf"\b(?:in|during|throughout|for|of|since|early|late|mid-?)\s+"
                         rf"({MONTH_RE})\b(?!\.?\s*,?\s*\d)", re.I)),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("this_year", re.compile(r"\b(?:this|so\s+far\s+this)\s+year\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("this_month", re.compile(r"\bthis\s+month\b", re.I)),
    ("year", re.compile(r"(?<![\d,.$#/-])(1[89]\d\d|20\d\d)(?![\d/%-]|[.,]\d|s\b)")),
)


def _month_before(month: int, published: PartialDate) -> PartialDate:
    """The month with that number at or before the publication date."""
    year = published.year
    if published.month is not None and month > published.month:
        year -= 1
    return PartialDate(year, month)


def _period_from(kind: str, match: re.Match[str], published: PartialDate | None,
                 ) -> tuple[PartialDate | None, PartialDate | None] | None:
    def month(name: str) -> int:
        return MONTHS[name.lower().rstrip(".")]

    try:
        if kind == "since_month_year":
            return PartialDate(int(match.group(2)), month(match.group(1))), published
        if kind == "since_year":
            return PartialDate(int(match.group(1))), published
        if kind == "since_month":
            if published is None:
                return None
            return _month_before(month(match.group(1)), published), published
        if kind == "between_years":
            first, last = int(match.group(1)), int(match.group(2))
            return (PartialDate(first), PartialDate(last)) if first <= last else None
        if kind == "split_years":
            first = int(match.group(1))
            second_text = match.group(2)
            last = int(second_text) if len(second_text) == 4 else \
                first // 100 * 100 + int(second_text)
            if not 1000 <= first <= 2100 or not first < last <= first + 10:
                return None
            return PartialDate(first), PartialDate(last)
        if kind == "decade":
            first = int(match.group(1)) * 10
            return PartialDate(first), PartialDate(first + 9)
        if kind == "day_year":
            day = PartialDate(int(match.group(3)), month(match.group(1)), int(match.group(2)))
            return day, day
        if kind == "month_year":
            value = PartialDate(int(match.group(2)), month(match.group(1)))
            return value, value
        if kind == "day":
            if published is None:
                return None
            base = _month_before(month(match.group(1)), published)
            day = PartialDate(base.year, base.month, int(match.group(2)))
            if published.day is not None and day > published:
                day = PartialDate(day.year - 1, day.month, day.day)
            return day, day
        if kind == "month":
            if published is None:
                return None
            value = _month_before(month(match.group(1)), published)
            return value, value
        if kind == "year":
            year = int(match.group(1))
            return PartialDate(year), PartialDate(year)
        return relative_period(kind, published)
    except ValueError:  # "February 30" and the like
        return None


#: the periods said against the publication date, in any language ("last year", "торік")
RELATIVE_KINDS = ("last_year", "this_year", "last_month", "this_month")


def relative_period(kind: str, published: PartialDate | None,
                    ) -> tuple[PartialDate | None, PartialDate | None] | None:
    """The period of a :data:`RELATIVE_KINDS` expression in a text published then: "last year"
    the whole year before, "this year" from its start to the publication date; None without
    the date (or its month, for a month)."""
    if published is None:
        return None
    if kind == "last_year":
        return PartialDate(published.year - 1), PartialDate(published.year - 1)
    if kind == "this_year":
        return PartialDate(published.year), published
    if published.month is None or kind not in RELATIVE_KINDS:
        return None
    if kind == "last_month":
        y, m = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        return PartialDate(y, m), PartialDate(y, m)
    return PartialDate(published.year, published.month), published


#: a language's relative expressions: (kind of :data:`RELATIVE_KINDS`, its pattern)
RelativeWords = tuple[tuple[str, re.Pattern[str]], ...]


def nearest_relative_period(words: RelativeWords, text: str, start: int, end: int, position: int,
                            published: PartialDate | None,
                            ) -> tuple[PartialDate | None, PartialDate | None]:
    """The period of the relative expression in ``text[start:end]`` nearest ``position`` (a
    figure's), by :func:`relative_period`; (None, None) when there is none or no date."""
    found = [(abs(match.start() - position), period)
             for kind, pattern in words for match in pattern.finditer(text, start, end)
             if (period := relative_period(kind, published)) is not None]
    return min(found, key=lambda f: f[0])[1] if found else (None, None)


def find_period(text: str, published: PartialDate | None,
                ) -> tuple[int, tuple[PartialDate | None, PartialDate | None]] | None:
    """(position, period) of the first time expression in ``text`` that gives a period."""
    if not _QUICK_PERIOD.search(text):
        return None
    best: tuple[int, int, tuple[PartialDate | None, PartialDate | None]] | None = None
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            period = _period_from(kind, match, published)
            if period is None:
                continue
            key = (match.start(), -(match.end() - match.start()))
            if best is None or key < (best[0], best[1]):
                best = (match.start(), -(match.end() - match.start()), period)
            break
    return (best[0], best[2]) if best else None


def guess_period(sentence: str, published: PartialDate | None,
                 ) -> tuple[PartialDate | None, PartialDate | None]:
    """The period a sentence speaks of: "in 2014" -> (2014, 2014), "since 2010" -> (2010,
    published), "in the 1990s" -> (1990, 1999); (None, None) when it names none."""
    found = find_period(sentence, published)
    return found[1] if found else (None, None)


_QUICK_PERIOD = re.compile(rf"\d|\b(?:{MONTH_RE}|year|month)\b", re.IGNORECASE)
