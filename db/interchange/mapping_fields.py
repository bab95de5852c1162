"""A table mapping as fields a person names: ``{FIELD: COLUMN or [COLUMN]}`` (../shared/CONTRACT.md).

``dossier reference --map FIELD=COLUMN`` and its ``--json`` speak these fields: place, period,
period_start, period_end, value, low, high, measure, subject, unit. A wide table maps period to
its year columns (or place to its place columns). A field's value that is not a column of the
table is a fixed value for every row: ``period=1993`` for a table of one year, ``place=France``
for a national series; measure and unit are always names, subject a column when the table has
one by that name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields, replace

import pandas as pd

from db.ingest.tablefile import TableError
from db.interchange.column_types import code_kind
from db.interchange.layouts import TableMapping, parse_period

FIELDS = ("place", "period", "period_start", "period_end", "value", "low", "high", "measure",
          "subject", "unit")

Fields = dict[str, "str | list[str] | None"]


def mapping_fields(mapping: TableMapping) -> Fields:
    """The fields of a mapping, every one present (None when unused)."""
    result: Fields = dict.fromkeys(FIELDS)
    fixed_period = mapping.fixed_period.iso() if mapping.fixed_period is not None else None
    if mapping.layout == "wide_years":
        result["place"] = mapping.place
        result["period"] = list(mapping.values)
    elif mapping.layout == "wide_places":
        result["period"] = mapping.period or fixed_period
        result["place"] = list(mapping.values)
    else:
        result["place"] = mapping.place or mapping.fixed_place
        result["period"] = mapping.period or (fixed_period if mapping.period_start is None else None)
        result["period_start"] = mapping.period_start
        result["period_end"] = mapping.period_end
        if mapping.values:
            result["value"] = mapping.values[0] if len(mapping.values) == 1 else list(mapping.values)
        result["low"], result["high"] = mapping.low, mapping.high
    result["measure"] = mapping.measure
    result["unit"] = mapping.unit
    result["subject"] = mapping.subject_column or mapping.subject
    return result


def _column(frame: pd.DataFrame, field: str, column: str) -> str:
    if column not in frame.columns:
        raise TableError(f"the table has no column {column!r} (for the {field})")
    return column


def with_fields(mapping: TableMapping, frame: pd.DataFrame, given: Mapping[str, Sequence[str]]) -> TableMapping:
    """``mapping`` with the fields a person gave (each one or more columns) put in.

    Raises :class:`TableError` when a field that must be a column names none of the table's."""
    unknown = sorted(set(given) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    columns = {str(c) for c in frame.columns}
    long_fields = {"value", "low", "high", "period_start", "period_end"}
    if long_fields & set(given) and mapping.layout != "long":
        mapping = replace(mapping, layout="long", values=(), count_rows=False,
                          period=mapping.period if mapping.layout == "wide_places" else None,
                          place=mapping.place if mapping.layout == "wide_years" else None)
    for field, names in given.items():
        names = list(names)
        one = names[-1]
        if field == "place":
            if len(names) > 1:
                mapping = replace(mapping, layout="wide_places", place=None, fixed_place=None,
                                  values=tuple(_column(frame, field, n) for n in names))
            elif one in columns:
                codes = code_kind(frame[one], numeric_allowed=True) is not None
                mapping = replace(mapping, place=one, fixed_place=None, place_codes=codes)
            else:
                mapping = replace(mapping, place=None, fixed_place=one, place_codes=False)
        elif field == "period":
            if len(names) > 1:
                mapping = replace(mapping, layout="wide_years", period=None, fixed_period=None,
                                  values=tuple(_column(frame, field, n) for n in names))
            elif one in columns:
                mapping = replace(mapping, period=one, fixed_period=None, period_start=None, period_end=None)
            else:
                fixed = parse_period(one)
                if fixed is None:
                    raise TableError(f"the table has no column {one!r} and it is not a year or date (for the period)")
                mapping = replace(mapping, period=None, fixed_period=fixed)
        elif field == "period_start":
            mapping = replace(mapping, period=None, period_start=_column(frame, field, one))
        elif field == "period_end":
            mapping = replace(mapping, period=None, period_end=_column(frame, field, one))
        elif field == "value":
            mapping = replace(mapping, values=tuple(_column(frame, field, n) for n in names), count_rows=False)
        elif field == "low":
            mapping = replace(mapping, count_rows=False, low=_column(frame, field, one))
        elif field == "high":
            mapping = replace(mapping, count_rows=False, high=_column(frame, field, one))
        elif field == "subject":
            mapping = replace(mapping, subject_column=one if one in columns else None,
                              subject=None if one in columns else one)
        elif field == "measure":
            mapping = replace(mapping, measure=one)
        else:  # unit: a name
            mapping = replace(mapping, unit=one)
    if "value" in given and "measure" not in given:
        # the guessed measure was named after another column
        values = mapping.values
        generic = len(values) == 1 and values[0].casefold() in ("value", "values", "count", "number", "total")
        mapping = replace(mapping, measure=(mapping.measure if generic else values[0]) if len(values) == 1 else None)
    return mapping


def to_record(mapping: TableMapping) -> dict[str, object]:
    """A mapping as plain JSON values (to be remembered for the next table of the same layout)."""
    record: dict[str, object] = {f.name: getattr(mapping, f.name) for f in fields(mapping)}
    record["values"] = list(mapping.values)
    record["fixed_period"] = mapping.fixed_period.iso() if mapping.fixed_period is not None else None
    return record


def from_record(record: Mapping[str, object], columns: Sequence[str]) -> TableMapping | None:
    """A remembered mapping back, or None when it does not fit a table with ``columns`` (a
    record from another version, a column gone)."""
    known = {f.name for f in fields(TableMapping)}
    try:
        values = dict(record)
        values = {k: v for k, v in values.items() if k in known}
        listed = values.get("values") or ()
        values["values"] = tuple(str(v) for v in listed) if isinstance(listed, list | tuple) else ()
        period = values.get("fixed_period")
        values["fixed_period"] = parse_period(period) if period else None
        mapping = TableMapping(**values)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if mapping.layout not in ("long", "wide_years", "wide_places") or not set(mapping.columns()) <= set(columns):
        return None
    return mapping
