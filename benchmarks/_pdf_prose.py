"""Scoring statistic suggestions on the prose pages of PDF reports (``bench_pdf_statistics``).

A prose label (``"prose": true``) has the reading of a sentence's figure: ``value``, ``unit``,
``low``/``high`` (bounds, and vague counts with no value), what is counted (``subject``, for the
reader, not scored), ``period`` (the year the sentence gives the figure; ``null`` when it gives
none: then any period passes), ``place`` (not scored) and ``claimant`` (who the sentence says
makes the claim; ``null`` when the report states it itself). A count's ``unit`` is ``null``: the
suggester's unit of a count (the counted noun, "people") is not scored.

A suggestion **reads the value** when it has the label's value and unit (for a range or a vague
count, its bounds); **with period** its period's first year is the label's; **with claimant**
its claimant is the label's (case and articles aside). Labels and suggestions are paired one to
one on the same page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from benchmarks._common import ratio, same_reading
from db.extract.statistics import StatisticCandidate

Suggestion = tuple[str, int, StatisticCandidate]
MODES = ("value", "value + period", "value + claimant", "value + period + claimant")


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    text = re.sub(r"^(?:the|a|an)\s+", "", value.replace("’", "'").strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).casefold() or None


def _unit_right(label: dict[str, Any], got: StatisticCandidate) -> bool:
    """A count's label has no unit: the suggester names a count's unit after the counted noun
    ("people"), which is not scored; a percentage or a currency must be the label's."""
    if label["unit"] is not None:
        return bool(label["unit"] == got.unit)
    return got.unit != "%" and not (got.unit is not None and re.fullmatch(r"[A-Z]{3}", got.unit))


def _period_right(label: dict[str, Any], got: StatisticCandidate) -> bool:
    if label["period"] is None:
        return True
    return got.period_start is not None and str(got.period_start.year) == label["period"]


def _check(mode: str) -> Callable[[dict[str, Any], StatisticCandidate], bool]:
    def right(label: dict[str, Any], got: StatisticCandidate) -> bool:
        if not _unit_right(label, got) or not same_reading(label, got):
            return False
        if "period" in mode and not _period_right(label, got):
            return False
        return "claimant" not in mode or _norm(label["claimant"]) == _norm(got.claimant)

    return right


def score(suggestions: list[Suggestion], labels: list[dict[str, Any]], mode: str,
          ) -> tuple[int, list[Suggestion], list[dict[str, Any]]]:
    """Right suggestions, the wrong ones, and the labels none read."""
    right = _check(mode)
    free = list(labels)
    wrong: list[Suggestion] = []
    for doc, page, got in suggestions:
        match = next((label for label in free if label["doc"] == doc and label["page"] == page
                      and right(label, got)), None)
        if match is None:
            wrong.append((doc, page, got))
        else:
            free.remove(match)
    return len(suggestions) - len(wrong), wrong, free


def rows(split: str, suggestions: list[Suggestion], labels: list[dict[str, Any]]) -> list[list[object]]:
    """One row a scoring mode, then one a document (with period and claimant)."""
    out: list[list[object]] = []
    for mode in MODES:
        right, _, missed = score(suggestions, labels, mode)
        out.append([split, mode, len(suggestions), len(labels), ratio(right, len(suggestions)),
                    ratio(len(labels) - len(missed), len(labels))])
    for doc in sorted({label["doc"] for label in labels}):
        mine = [s for s in suggestions if s[0] == doc]
        theirs = [label for label in labels if label["doc"] == doc]
        right, _, missed = score(mine, theirs, MODES[-1])
        out.append([split, f"  {doc}", len(mine), len(theirs), ratio(right, len(mine)),
                    ratio(len(theirs) - len(missed), len(theirs))])
    return out


def print_errors(split: str, suggestions: list[Suggestion], labels: list[dict[str, Any]]) -> None:
    _, wrong, missed = score(suggestions, labels, MODES[-1])
    for doc, page, c in wrong:
        print(f"  {split} WRONG {doc} p{page}: {c.quote[:70]!r} value={c.value} low={c.low} high={c.high} "
              f"unit={c.unit} period={c.period_start} claimant={c.claimant!r}")
    for label in missed:
        print(f"  {split} MISSED {label['doc']} p{label['page']}: {label['note'][:60]!r} value={label['value']} "
              f"low={label['low']} high={label['high']} period={label['period']} claimant={label['claimant']!r}")
