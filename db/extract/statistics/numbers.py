"""Number phrases in a sentence: digits, spelled numbers and vague counts, with their modifiers,
ranges, currencies and units; and :func:`parse_quantity` for a selected phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from db.extract.statistics.english import (
    MODIFIERS,
    SCALE_RE,
    SCALES,
    SPELLED,
    UNIT_AFTER,
    UNIT_NAMES,
    UNITS,
    VAGUE,
    VAGUE_RE,
)
from db.ingest.base import IngestError
from db.values import Estimate


class NotAQuantity(IngestError, ValueError):
    """The phrase holds no number that could be recorded as a statistic."""


@dataclass(frozen=True)
class Quantity(Estimate):
    """A number as the text states it (best estimate, bounds, whether it is approximate) and the
    unit the text gives it ("USD", "%", "tonnes")."""

    unit: str | None = None


_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# A footnote marker set on the line after a grouped number: "1,2003" is 1,200 and note 3 (a group
# of thousands has three digits); the marker is taken in and left out of the value.
_MARKED = r"\d{1,3}(?:,\d{3})+\d{1,2}"

CORE = re.compile(
    rf"(?P<digits>(?<![\w.,/:#-])(?:{_MARKED}|{_DIGITS})(?![\w/:]|[.,]\d|-\w)(?:\s*(?P<scale>{SCALE_RE})\b)?)"
    rf"|(?P<vague>\b{VAGUE_RE}\b)"
    rf"|(?P<spelled>\b{SPELLED}\b(?!-[^\W\d_]))",
    re.IGNORECASE,
)

_MOD_RE = re.compile(
    r"(?:^|(?<=[\s(\[\"“]))(?P<mod>" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in
                                                sorted(MODIFIERS, key=len, reverse=True))
    + r")\s*$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\s?\$|U\.S\.\s?\$|A\$|C\$|HK\$|\$|#36;|€|£|¥)\s*$")
_CURRENCY_SYMBOL = {"$": "USD", "#36;": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


def _word_value(words: str) -> float:
    """Value of a spelled number ("twenty-three", "two dozen", "a hundred and five")."""
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):
            current = max(current, 1)
        elif word == "and":
            continue
        elif word in UNITS:
            current += UNITS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
    return total + current


@dataclass
class Number:
    """A number found in a sentence, with its modifiers and unit (sentence offsets)."""

    start: int  # of the whole phrase, modifiers included
    core_start: int
    end: int  # after the unit, if any
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    kind: str  # digits, spelled, vague
    literal: str
    bare_year: bool = False
    modified: bool = False
    subject: str | None = None
    subject_end: int = -1
    measure: str | None = None
    claimant: str | None = None
    claim_span: tuple[int, int] | None = None


def _core_value(match: re.Match[str]) -> tuple[float | None, float | None, str]:
    """(value, low, kind) of a core match."""
    if match.group("digits"):
        text = match.group("digits")
        number_text = re.match(_DIGITS, text)
        assert number_text is not None
        exact = Decimal(number_text.group(0).replace(",", ""))
        scale = match.group("scale")
        if scale:
            exact *= SCALES[scale.lower()]  # in decimal: 4.1 million is 4100000, not 4099999.99
        return float(exact), None, "digits"
    if match.group("vague"):
        key = re.sub(r"\s+", " ", match.group("vague").lower())
        # "a few million" reads like "several million": the smallest reading of the last word.
        low = VAGUE.get(key) or VAGUE.get("several " + key.split()[-1]) or \
            VAGUE.get(key.split()[-1], 2)
        return None, float(low), "vague"
    return _word_value(match.group("spelled")), None, "spelled"


_RANGE_OPENER = re.compile(r"\b(between|from)\s*$", re.IGNORECASE)


def find_numbers(sentence: str) -> list[Number]:
    """Every number phrase in the sentence, ranges joined, before any filtering."""
    cores = list(CORE.finditer(sentence))
    found: list[Number] = []
    skip_until = -1
    for index, core in enumerate(cores):
        if core.start() < skip_until:
            continue
        value, low, kind = _core_value(core)
        high: float | None = None
        approximate = kind == "vague"
        unit: str | None = None
        modified = False
        start = core.start()
        end = core.end()
        currency = _CURRENCY_BEFORE.search(sentence, max(0, start - 80), start)
        if currency:
            symbol = currency.group("cur").replace(" ", "")
            unit = _CURRENCY_SYMBOL.get(symbol[-1:] if symbol.endswith("$") else symbol, "USD")
            start = currency.start()
        # "between 10 and 20", "from 10 to 20", "two or three", "$12 to $14"
        next_core = cores[index + 1] if index + 1 < len(cores) else None
        range_match = None
        if next_core is not None:
            gap = sentence[end:next_core.start()]
            opener = _RANGE_OPENER.search(sentence, max(0, start - 80), start)
            joiner = re.fullmatch(r"\s*(and|to|or|-)\s*(?:US\s?\$|\$|#36;|€|£)?\s*", gap,
                                  re.IGNORECASE)
            word = joiner.group(1).lower() if joiner else ""
            opener_word = opener.group(1).lower() if opener else ""
            if joiner and ((opener_word == "between" and word == "and")
                           or (opener_word == "from" and word in ("to", "-"))
                           or word == "or" or (word == "to" and unit is not None)):
                range_match = next_core
        if range_match is not None:
            second, _, _ = _core_value(range_match)
            first = value if value is not None else low
            scale = range_match.group("scale")
            if first is not None and scale and not core.group("scale"):
                first *= SCALES[scale.lower()]  # "between $500 and $600 million"
            if kind == "vague" or first is None or second is None or second < first:
                range_match = None  # "fell 5 to 2" is no range
            else:
                low, high, value = first, second, None
                end = range_match.end()
                skip_until = end
                modified = True
                opener = _RANGE_OPENER.search(sentence, max(0, start - 80), start)
                if opener:
                    start = opener.start()
        # Modifiers, possibly stacked ("some more than"), read right to left.
        while True:
            mod = _MOD_RE.search(sentence, max(0, start - 80), start)
            if not mod:
                break
            role = MODIFIERS[re.sub(r"\s+", " ", mod.group("mod").lower())]
            modified = True
            if range_match is None and value is not None:
                if role == "low":
                    low = value
                elif role == "high":
                    high = value
                elif role == "approx-high":
                    high = value
                    approximate = True
            if role == "approx":
                approximate = True
            start = mod.start("mod")
        after = sentence[end:end + 80]
        unit_match = UNIT_AFTER.match(after)
        if unit_match:
            raw = re.sub(r"\s+", " ", unit_match.group("u").lower())
            unit = UNIT_NAMES.get(raw, raw)
            end += unit_match.end()
        elif re.match(r"\s+or\s+so\b", after, re.IGNORECASE):
            approximate = True
        literal = core.group(0)
        bare_year = (kind == "digits" and re.fullmatch(r"\d{4}", literal) is not None
                     and 1000 <= float(literal) <= 2100)
        found.append(Number(start, core.start(), end, value, low, high, approximate, unit,
                            kind, literal, bare_year=bare_year, modified=modified))
    return found


def parse_quantity(phrase: str) -> Quantity:
    """Read a selected phrase ("5,816", "some 2,200", "more than 430", "between 10 and 20",
    "two dozen", "1.5 million", "$25 million") as value, bounds and approximate flag.

    Raises :class:`NotAQuantity` when the phrase holds no number."""
    if not isinstance(phrase, str):
        raise NotAQuantity(f"not text: {phrase!r}")
    text = re.sub(r"\s+", " ", phrase.strip())
    for number in find_numbers(text):
        return Quantity(number.value, number.low, number.high, number.approximate, number.unit)
    raise NotAQuantity(f"no number in {phrase!r}")
