"""The rules that reconcile a group of claims into one estimate, each stated as the estimate records it.

Each claim first becomes three numbers (:func:`numbers_of`): its low, best and high. A claim with a
best estimate keeps it, its bounds where the text gives them and the best estimate where it does
not; one without a best estimate is read through the vague-quantity table when its quote has a
phrase of it ("dozens", "at least N"), otherwise from its bounds: the middle of a range, the
bound itself when only one is given ("at least 19" counts as 19, its most conservative reading).

The rules, on the claims left once relayed copies are counted once:

``ucdp``
    UCDP GED style: low is the lowest low, high the highest high, best the median of the best
    estimates from the most reliable sources (the best reliability grade among them, A to F; all
    claims when none is graded).
``acled``
    ACLED style, the most conservative figure: the lowest best estimate, for low, best and high.
``ibc``
    Iraq Body Count style: the lowest low and the highest high, no best estimate.
``median``
    The median of the best estimates; low and high the lowest low and highest high.
``hierarchy``
    A source hierarchy the researcher orders (claimant, outlet or dataset names, most trusted
    first): the claims from the highest-ranked source that has any decide (their median, lowest
    low and highest high); the others are left out, saying who outranked them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from db.findings.vague import VagueTable
from db.text import fold
from db.values import format_number

if TYPE_CHECKING:
    import numpy as np

    from db.findings.columns import Columns


class Rule(StrEnum):
    UCDP = "ucdp"
    ACLED = "acled"
    IBC = "ibc"
    MEDIAN = "median"
    HIERARCHY = "hierarchy"

    @property
    def label(self) -> str:
        """ "UCDP-style low/best/high" """
        return _TITLES[self]

    @property
    def statement(self) -> str:
        """The rule in one sentence, as a report prints it under the estimate."""
        return _STATEMENTS[self]


_TITLES = {
    Rule.UCDP: "UCDP-style low/best/high",
    Rule.ACLED: "ACLED-style most conservative",
    Rule.IBC: "IBC-style minimum/maximum",
    Rule.MEDIAN: "Median",
    Rule.HIERARCHY: "Source hierarchy",
}
_STATEMENTS = {
    Rule.UCDP: "Low is the lowest low, high the highest high; best is the median of the best "
    "estimates from the most reliable sources.",
    Rule.ACLED: "The most conservative figure: the lowest best estimate among the claims.",
    Rule.IBC: "Minimum and maximum of the claims, with no best estimate.",
    Rule.MEDIAN: "Best is the median of the best estimates; low and high the lowest low and the "
    "highest high.",
    Rule.HIERARCHY: "The claims of the highest-ranked source in the researcher's hierarchy decide.",
}


class Numbers(NamedTuple):
    """A claim's low, best and high as the rules use them (low <= best <= high)."""

    low: float
    best: float
    high: float
    #: the vague phrase its numbers were read from, if any
    phrase: str | None = None


def numbers_of(value: float | None, low: float | None, high: float | None, quote: str | None,
               vague: VagueTable) -> Numbers | None:
    """A claim's low, best and high (see the module notes); None when it has no number."""
    if value is not None and low is None and high is None:
        return Numbers(value, value, value)
    phrase = None
    if value is None:
        reading = vague.read(quote)
        if reading is not None and reading.best is not None:
            value, phrase = reading.best, reading.phrase
            low = reading.low if reading.low is not None else low
            high = reading.high if reading.high is not None else high
    if value is None:
        if low is not None and high is not None:
            value = (low + high) / 2
        else:
            value = low if low is not None else high
    if value is None:
        return None
    lo = value if low is None else min(low, value)
    hi = value if high is None else max(high, value)
    return Numbers(lo, value, hi, phrase)


@dataclass
class Outcomes:
    """A rule's results for every group at once (NaN where a group has none)."""

    low: np.ndarray[Any, Any]
    best: np.ndarray[Any, Any]
    high: np.ndarray[Any, Any]
    #: rows the rule left out, with why (the hierarchy's lower-ranked sources)
    left_out: dict[int, str] = field(default_factory=dict)
    #: groups that could not be reconciled, with why
    reason: dict[int, str] = field(default_factory=dict)


def _reduce(ufunc: Any, groups: np.ndarray[Any, Any], numbers: np.ndarray[Any, Any], size: int,
            start: float) -> np.ndarray[Any, Any]:
    import numpy as np

    out = np.full(size, start)
    ufunc.at(out, groups, numbers)
    return out


def _median(groups: np.ndarray[Any, Any], numbers: np.ndarray[Any, Any], size: int) -> np.ndarray[Any, Any]:
    """The median of ``numbers`` within each group (NaN for a group with none)."""
    import numpy as np

    out = np.full(size, np.nan)
    if not len(groups):
        return out
    order = np.lexsort((numbers, groups))
    g, n = groups[order], numbers[order]
    counts = np.bincount(g, minlength=size)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    present = counts > 0
    low = starts[present] + (counts[present] - 1) // 2
    high = starts[present] + counts[present] // 2
    out[present] = (n[low] + n[high]) / 2
    return out


def _who(columns: Columns, row: int) -> str:
    return columns.claimant[row] or columns.outlet[row] or columns.dataset[row] or "the author"


def _ranks(columns: Columns, rows: np.ndarray[Any, Any], preferred: Sequence[str]) -> np.ndarray[Any, Any]:
    """Each row's place in the hierarchy: the first name it answers to (claimant, outlet, dataset);
    ``len(preferred)`` when it answers to none. Worked out once per distinct trio of names."""
    import numpy as np
    import pandas as pd

    positions: dict[str, int] = {}
    for position, name in enumerate(preferred):
        positions.setdefault(fold(name), position)
    none = len(preferred)
    combined = np.zeros(len(rows), dtype=np.int64)
    names = (columns.claimant, columns.outlet, columns.dataset)
    for column in names:
        codes, uniques = pd.factorize(pd.Series([column[r] for r in rows.tolist()], dtype=object))
        combined = pd.factorize(combined * (len(uniques) + 1) + codes + 1)[0]
    if not len(rows):
        return combined
    first = np.full(int(combined.max()) + 1, len(rows), dtype=np.int64)
    np.minimum.at(first, combined, np.arange(len(rows)))
    ranks = np.array([
        min((positions.get(fold(x), none) for x in (c[int(rows[r])] for c in names) if x), default=none)
        for r in first.tolist()
    ], dtype=np.int64)
    return ranks[combined]


def apply(rule: Rule, columns: Columns, used: np.ndarray[Any, Any], preferred: Sequence[str] = ()) -> Outcomes:
    """Reconcile every group at once by ``rule``, from the claims ``used`` (relayed copies, claims
    without a number and groups of mixed units already left out)."""
    import numpy as np

    from db.findings.columns import UNGRADED

    size = len(columns.groups)
    rows = np.flatnonzero(used)
    g = columns.group[rows]
    lo, best, hi = columns.lo[rows], columns.best[rows], columns.hi[rows]
    has = np.bincount(g, minlength=size) > 0
    outcomes = Outcomes(np.full(size, np.nan), np.full(size, np.nan), np.full(size, np.nan))
    outcomes.reason = {n: "no claim with a number" for n in np.flatnonzero(~has).tolist()}
    if rule is Rule.HIERARCHY:
        if not preferred:
            why = "the source hierarchy is empty: name the sources to prefer, most trusted first"
            outcomes.reason = dict.fromkeys(range(size), why)
            return outcomes
        ranks = _ranks(columns, rows, preferred)
        top = _reduce(np.minimum, g, ranks.astype(float), size, float(len(preferred)))
        unranked = has & (top >= len(preferred))
        why = "no claim comes from a source in the hierarchy (" + ", ".join(preferred) + ")"
        outcomes.reason.update(dict.fromkeys(np.flatnonzero(unranked).tolist(), why))
        kept = ranks == top[g]
        for n in np.flatnonzero(~kept & ~unranked[g]).tolist():
            row = int(rows[n])
            winner = preferred[int(top[g[n]])]
            outcomes.left_out[row] = (
                f"{_who(columns, row)} ranks below {winner} in the source hierarchy" if ranks[n] < len(preferred)
                else f"{_who(columns, row)} is not in the source hierarchy"
            )
        rows, g, lo, best, hi = rows[kept], g[kept], lo[kept], best[kept], hi[kept]
    ranked = has & ~np.isin(np.arange(size), list(outcomes.reason))
    if rule is Rule.ACLED:
        least = _reduce(np.minimum, g, best, size, np.inf)
        outcomes.low = outcomes.best = outcomes.high = least
    else:
        outcomes.low = _reduce(np.minimum, g, lo, size, np.inf)
        outcomes.high = _reduce(np.maximum, g, hi, size, -np.inf)
        if rule is Rule.UCDP:
            grades = columns.grade[rows]
            top_grade = _reduce(np.minimum, g, grades.astype(float), size, float(UNGRADED))
            chosen = grades == top_grade[g]
            outcomes.best = _median(g[chosen], best[chosen], size)
        elif rule is not Rule.IBC:
            outcomes.best = _median(g, best, size)
    for array in (outcomes.low, outcomes.best, outcomes.high):
        array[~ranked] = np.nan
    return outcomes


def describe_number(number: float | None) -> str:
    return format_number(number) if number is not None else "–"
