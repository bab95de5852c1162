"""A claim's number: its best estimate, the bounds the text gives, and whether it is approximate.

One reader and one writer for it, used by the command line, the tables, the chart and the exports,
so the same claim reads the same everywhere.

The display rule (:func:`format_number`): the number with at most 15 significant digits (all a
float holds reliably, so no float noise such as ``0.30000000000000004``), in its shortest form,
never in exponent notation, with commas between thousands and a full stop before decimals:
``5,816``, ``1,234.5678``, ``0.25``, ``-3``, ``1,500,000``.

A claim (:func:`format`) is written as the statistics table shows it, and :func:`parse` reads that
back (and the other forms a researcher types into the Value cell)::

    249                   value
    ~1,200 (1,000–1,500)  approximate value with both bounds
    110 (≥ 110)           value that is also a lower bound ("at least 110")
    10–20                 a range without a best estimate
    ≥ 19, ≤ 50            a lower or an upper bound alone
    ~≥ 24                 approximate lower bound ("dozens")

:func:`describe` writes the same claim in words for sentences (a chart's tooltip):
"about 5,816", "between 10 and 20", "at least 19".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

__all__ = [
    "Claimed",
    "Estimate",
    "describe",
    "format",
    "format_number",
    "parse",
    "read_number",
]

#: significant digits shown: what a float holds reliably (DBL_DIG)
DIGITS = 15


class Claimed(Protocol):
    """Anything that carries a claim's number: a statistic row, a suggestion, an :class:`Estimate`."""

    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def approximate(self) -> bool: ...


@dataclass(frozen=True)
class Estimate:
    """A claim's number: ``value`` is the best estimate; ``low``/``high`` bound it where the text
    gives a bound or a range (either may stand without a value: "at least 19", "10 to 20")."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False


# --- numbers ----------------------------------------------------------------------------------

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_NUMBER = (
    rf"[-+]?(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:[eE][-+]?\d+)?"
)
_NUMBER_RE = re.compile(_NUMBER)


def read_number(text: str) -> float | None:
    """A number as a person writes it ("5,816", "5 816", "-12.5", "1,500,000"); None when
    ``text`` is blank. Commas and spaces may only group thousands.

    Raises ValueError (with the text in its message) when it is not a finite number."""
    cell = text.strip()
    if not cell:
        return None
    if not _NUMBER_RE.fullmatch(cell):
        raise ValueError(f"“{cell}” is not a number")
    number = float(re.sub(rf"[,{_SPACES}]", "", cell))
    if math.isinf(number):
        raise ValueError(f"“{cell}” is too large a number")
    return number


def _given(number: Any) -> bool:
    """Whether a number is there: not None and not NaN (the chart's frames use NaN)."""
    return number is not None and number == number


def format_number(number: float | None) -> str:
    """``5,816``, ``1,234.5678``, ``0.25``: see the module notes; "" for no number (None, NaN)."""
    if not _given(number):
        return ""
    assert number is not None
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if number == 0:
        return "0"  # not "-0"
    exact = Decimal(f"{number:.{DIGITS}g}")
    text = f"{exact:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- claims -----------------------------------------------------------------------------------


def _parts(claim: Claimed) -> tuple[float | None, float | None, float | None, bool]:
    value, low, high = (x if _given(x) else None for x in (claim.value, claim.low, claim.high))
    approximate = claim.approximate
    return value, low, high, bool(approximate) if approximate == approximate else False


def _bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{format_number(low)}–{format_number(high)}"
    if low is not None:
        return f"≥ {format_number(low)}"
    if high is not None:
        return f"≤ {format_number(high)}"
    return ""


def format(claim: Claimed) -> str:
    """A claim as the statistics table shows it: ``~1,200 (1,000–1,500)``, ``10–20``, ``≥ 19``;
    "" when it has no number at all. :func:`parse` reads it back."""
    value, low, high, approximate = _parts(claim)
    bounds = _bounds(low, high)
    if value is not None:
        text = format_number(value) + (f" ({bounds})" if bounds else "")
    else:
        text = bounds
    return f"~{text}" if approximate and text else text


def describe(claim: Claimed) -> str:
    """A claim in words, for a sentence: "about 5,816", "5,816 (≥ 5,000)", "between 10 and 20",
    "at least about 24"; "" when it has no number at all."""
    value, low, high, approximate = _parts(claim)
    about = "about " if approximate else ""
    if value is not None:
        bounds = _bounds(low, high)
        return about + format_number(value) + (f" ({bounds})" if bounds else "")
    if low is not None and high is not None:
        return f"between {about}{format_number(low)} and {format_number(high)}"
    if low is not None:
        return f"at least {about}{format_number(low)}"
    if high is not None:
        return f"at most {about}{format_number(high)}"
    return ""


# Words and signs before a number that make it approximate (longest first).
_APPROXIMATE = (
    r"(?:~|≈|approx\.|c\.|(?:approximately|an\s+estimated|about|some|circa|around|roughly)"
    r"(?=\s))\s*"
)
_LOW = r"(?:≥|>=|>|at\s+least|more\s+than|over)"
_HIGH = r"(?:≤|<=|<|at\s+most|fewer\s+than|less\s+than|under|up\s+to)"
_BOUND = rf"(?P<approx>{_APPROXIMATE})?(?P<n>{_NUMBER})"
_LEADING = re.compile(rf"\s*{_APPROXIMATE}", re.IGNORECASE)
_VALUE = re.compile(rf"(?P<n>{_NUMBER})\s*(?:\((?P<bounds>[^()]*)\))?", re.IGNORECASE)
_RANGE = re.compile(
    rf"between\s+{_BOUND.replace('<approx>', '<a1>').replace('<n>', '<n1>')}\s+and\s+"
    rf"{_BOUND.replace('<approx>', '<a2>').replace('<n>', '<n2>')}"
    rf"|{_BOUND.replace('<approx>', '<a3>').replace('<n>', '<n3>')}\s*(?:–|—|-|to)\s*"
    rf"{_BOUND.replace('<approx>', '<a4>').replace('<n>', '<n4>')}",
    re.IGNORECASE,
)
_LOW_RE = re.compile(rf"{_LOW}\s*{_BOUND}", re.IGNORECASE)
_HIGH_RE = re.compile(rf"{_HIGH}\s*{_BOUND}", re.IGNORECASE)

_FORMS = "write 1,200, ~1,200 (1,000–1,500), 10–20 or ≥ 19"


def _number(text: str) -> float:
    number = read_number(text)
    assert number is not None  # the patterns match digits only
    return number


def _read_bounds(part: str) -> tuple[float | None, float | None, bool] | None:
    """(low, high, approximate) of "10–20", "between 10 and 20", "≥ 19", "at most ~50"."""
    match = _RANGE.fullmatch(part)
    if match:
        first, second = ("n1", "n2") if match.group("n1") else ("n3", "n4")
        marks = ("a1", "a2") if match.group("n1") else ("a3", "a4")
        approximate = any(match.group(m) for m in marks)
        return _number(match.group(first)), _number(match.group(second)), approximate
    match = _LOW_RE.fullmatch(part)
    if match:
        return _number(match.group("n")), None, bool(match.group("approx"))
    match = _HIGH_RE.fullmatch(part)
    if match:
        return None, _number(match.group("n")), bool(match.group("approx"))
    return None


def parse(text: str) -> Estimate:
    """Read a claim's number as :func:`format` and :func:`describe` write it, and as a
    researcher types it ("~1,200 (1,000–1,500)", "≥ 19", "10-20", "some 430", "at least 110").

    Raises ValueError with a message saying what is wrong."""
    cell = " ".join(text.split())
    if not cell:
        raise ValueError(f"no number given ({_FORMS})")
    approximate = False
    rest = cell
    while (leading := _LEADING.match(rest)) and leading.end() > 0:
        approximate = True
        rest = rest[leading.end():]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    main = _VALUE.fullmatch(rest)
    if main:
        value = _number(main.group("n"))
        if main.group("bounds") is not None:
            found = _read_bounds(main.group("bounds").strip())
            if found is None:
                raise ValueError(f"“{main.group('bounds').strip()}” is not a range or a bound ({_FORMS})")
            low, high, approximate_bound = found
            approximate = approximate or approximate_bound
    else:
        found = _read_bounds(rest)
        if found is None:
            raise ValueError(f"“{cell}” is not a number, a range or a bound ({_FORMS})")
        low, high, approximate_bound = found
        approximate = approximate or approximate_bound
    if low is not None and high is not None and low > high:
        raise ValueError(
            f"the range runs backwards ({format_number(low)} to {format_number(high)})"
        )
    return Estimate(value, low, high, approximate)
