"""Reading what a researcher types into a cell of the statistics table (pure functions)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from db import values
from db.claims_list import AUTHOR
from db.dates import PartialDate
from desktop.models.statistics import StatisticsModel


def parse_period_cell(text: str) -> dict[str, PartialDate | None]:
    """"2014", "2010 – 2015-07-11" or "" as period_start and period_end (ValueError if not dates)."""
    cell = text.strip()
    if not cell:
        return {"period_start": None, "period_end": None}
    parts = [p.strip() for p in re.split(r"\s+(?:–|—|-|to)\s+|\s*[–—]\s*|\s+to\s+", cell) if p.strip()]
    if len(parts) == 1 and re.fullmatch(r"\d{4}-\d{4}", cell):
        parts = cell.split("-")
    if len(parts) not in (1, 2):
        raise ValueError(f"{text!r} is not a period (write 2014, or 2010 – 2015-07-11)")
    try:
        dates = [PartialDate.from_iso(p) for p in parts]
    except ValueError:
        raise ValueError(f"{text!r} is not a period (write 2014, or 2010 – 2015-07-11)") from None
    return {"period_start": dates[0], "period_end": dates[-1]}


def parse_measure_cell(text: str) -> dict[str, str | None]:
    """"killed (people)" as measure and unit."""
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", text)
    if match and match.group(1):
        return {"measure": match.group(1), "unit": match.group(2).strip() or None}
    return {"measure": text.strip(), "unit": None}


def changes_for_cell(column: int, text: str) -> dict[str, Any]:
    """The fields a cell edit changes (ValueError with a message when the text cannot be read)."""
    if column == StatisticsModel.VALUE:
        return dataclasses.asdict(values.parse(text))
    if column == StatisticsModel.PERIOD:
        return parse_period_cell(text)
    if column == StatisticsModel.MEASURE:
        changes = parse_measure_cell(text)
        if not changes["measure"]:
            raise ValueError("a statistic needs a measure")
        return changes
    if column == StatisticsModel.SUBJECT:
        return {"subject": text.strip() or None}
    if column == StatisticsModel.PLACE:
        return {"place": text.strip() or None}
    if column == StatisticsModel.CLAIMANT:
        name = text.strip()
        return {"claimant": None if not name or name == AUTHOR else name}
    raise ValueError("this column cannot be edited")
