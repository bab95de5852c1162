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

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from db.findings.claims import Claim
from db.findings.vague import VagueTable
from db.text import fold
from db.values import format_number


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

#: reliability grades, best first (the Admiralty code of db.vocabulary)
_GRADES = "ABCDEF"


class Numbers(NamedTuple):
    """A claim's low, best and high as the rules use them (low <= best <= high)."""

    low: float
    best: float
    high: float
    #: the vague phrase its numbers were read from, if any
    phrase: str | None = None


def numbers_of(claim: Claim, vague: VagueTable) -> Numbers | None:
    """The claim's low, best and high (see the module notes); None when it has no number."""
    value, low, high = claim.value, claim.low, claim.high
    if value is not None and low is None and high is None:
        return Numbers(value, value, value)
    phrase = None
    if value is None:
        reading = vague.read(claim.quote)
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


@dataclass(frozen=True)
class Outcome:
    low: float | None
    best: float | None
    high: float | None
    #: claims the rule left out, with why (the hierarchy's lower-ranked sources)
    left_out: tuple[tuple[int, str], ...] = ()
    #: why nothing could be reconciled (None when it was)
    reason: str | None = None


def _median(numbers: Sequence[float]) -> float:
    return float(statistics.median(numbers))


def _rank(claim: Claim, preferred: Sequence[str]) -> tuple[int, str] | None:
    """The position in the hierarchy of the first name the claim answers to (claimant, outlet,
    dataset), with that name; None when it answers to none."""
    names = {fold(n) for n in (claim.claimant, claim.outlet, claim.dataset) if n}
    for position, name in enumerate(preferred):
        if fold(name) in names:
            return position, name
    return None


def apply(
    rule: Rule,
    claims: Sequence[tuple[Claim, Numbers]],
    preferred: Sequence[str] = (),
) -> Outcome:
    """Reconcile ``claims`` (each with its numbers, relayed copies already left out) by ``rule``."""
    if not claims:
        return Outcome(None, None, None, reason="no claim with a number")
    lows = [n.low for _, n in claims]
    highs = [n.high for _, n in claims]
    bests = [n.best for _, n in claims]
    if rule is Rule.ACLED:
        least = min(bests)
        return Outcome(least, least, least)
    if rule is Rule.IBC:
        return Outcome(min(lows), None, max(highs))
    if rule is Rule.MEDIAN:
        return Outcome(min(lows), _median(bests), max(highs))
    if rule is Rule.UCDP:
        graded = [c.reliability for c, _ in claims if c.reliability and c.reliability in _GRADES]
        top = min(graded, key=_GRADES.index) if graded else None
        chosen = [n.best for c, n in claims if top is None or c.reliability == top]
        return Outcome(min(lows), _median(chosen), max(highs))
    # the source hierarchy
    if not preferred:
        return Outcome(None, None, None, reason="the source hierarchy is empty: name the sources to prefer, most trusted first")
    ranked = [(c, n, _rank(c, preferred)) for c, n in claims]
    positions = [r[0] for _, _, r in ranked if r is not None]
    if not positions:
        return Outcome(
            None, None, None,
            reason="no claim comes from a source in the hierarchy (" + ", ".join(preferred) + ")",
        )
    top_position = min(positions)
    winner = preferred[top_position]
    kept = [(c, n) for c, n, r in ranked if r is not None and r[0] == top_position]
    left_out = tuple(
        (c.id, f"{_who(c)} ranks below {winner} in the source hierarchy" if r is not None
         else f"{_who(c)} is not in the source hierarchy")
        for c, n, r in ranked
        if r is None or r[0] != top_position
    )
    return Outcome(
        min(n.low for _, n in kept),
        _median([n.best for _, n in kept]),
        max(n.high for _, n in kept),
        left_out,
    )


def _who(claim: Claim) -> str:
    return claim.claimant or claim.outlet or claim.dataset or "the author"


def describe_number(number: float | None) -> str:
    return format_number(number) if number is not None else "–"
