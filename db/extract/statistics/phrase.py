"""A number phrase as the word-table readers (French, Russian, Ukrainian) find it in a sentence:
where it is, its value or bounds, what it counts and who claims it; and a product of a number and
its scale tidied ("8,4 млрд" is 8,400,000,000, not 8,400,000,000.000001)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NumberPhrase:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    #: "digits", "words", "approx" ("une vingtaine"), "vague" ("des centaines") or "range"
    kind: str = "digits"
    unit: str | None = None
    subject: str | None = None
    claimant: str | None = None
    claim_span: tuple[int, int] | None = None
    #: where the counted noun phrase after the number ends
    counted_end: int = 0


def tidy(value: float) -> float:
    """``value`` as a whole number when it is one but for the float's last digits."""
    return float(round(value)) if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) else value
