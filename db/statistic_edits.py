"""Changing a recorded statistic field by field (the statistics table's inline edit).

:func:`update_statistic` takes the fields to change and returns their previous values in the same
form, so undo is ``update_statistic(session, id, previous)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.commands import CommandError, find_or_add_actor
from db.dates import PartialDate, to_columns
from db.models import Actor, Statistic
from db.rows import partial
from db.values import format_number, read_number
from db.vocabulary import ActorKind

#: fields :func:`update_statistic` accepts; ``place``/``claimant`` are actor names (None clears)
EDITABLE = (
    "value",
    "low",
    "high",
    "approximate",
    "measure",
    "unit",
    "subject",
    "period_start",
    "period_end",
    "place",
    "claimant",
    "confidence",
    "notes",
)


def _number(field: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CommandError(f"{field}: not a number")
    if isinstance(value, int | float):
        return float(value)
    try:
        return read_number(str(value))
    except ValueError as error:
        raise CommandError(f"{field}: {error}") from None


def _period(field: str, value: Any) -> PartialDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.from_iso(str(value))
    except ValueError:
        raise CommandError(
            f"{field}: {value!r} is not a date (write 2014, 2014-06 or 2014-06-30)"
        ) from None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def statistic_fields(session: Session, statistic_id: int, names: Any = EDITABLE) -> dict[str, Any]:
    """The current values of some editable fields, in :func:`update_statistic`'s form."""
    statistic = session.get(Statistic, statistic_id)
    if statistic is None:
        raise CommandError(f"no statistic {statistic_id}")
    actor_names = {
        i: n
        for i, n in session.execute(
            select(Actor.id, Actor.name).where(
                Actor.id.in_([x for x in (statistic.place_id, statistic.claimant_id) if x])
            )
        )
    }
    values: dict[str, Any] = {}
    for name in names:
        if name == "period_start":
            values[name] = partial(statistic.period_start, statistic.period_start_precision)
        elif name == "period_end":
            values[name] = partial(statistic.period_end, statistic.period_end_precision)
        elif name == "place":
            values[name] = actor_names.get(statistic.place_id) if statistic.place_id else None
        elif name == "claimant":
            values[name] = actor_names.get(statistic.claimant_id) if statistic.claimant_id else None
        elif name in EDITABLE:
            values[name] = getattr(statistic, name)
        else:
            raise CommandError(f"a statistic has no field {name!r}")
    return values


def update_statistic(session: Session, statistic_id: int, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change some fields of a statistic; returns their previous values (to undo).

    Numbers may be given as text ("5,816"); periods as PartialDate or ISO text ("2014-06");
    place and claimant as names (found among actors and aliases, created when new).
    """
    statistic = session.get(Statistic, statistic_id)
    if statistic is None:
        raise CommandError(f"no statistic {statistic_id}")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise CommandError(f"a statistic has no field {sorted(unknown)[0]!r}")
    previous = statistic_fields(session, statistic_id, list(changes))
    for name, value in changes.items():
        if name in ("value", "low", "high"):
            setattr(statistic, name, _number(name, value))
        elif name == "confidence":
            number = _number(name, value)
            if number is not None and not 0 <= number <= 1:
                raise CommandError("confidence: between 0 and 1")
            statistic.confidence = number
        elif name == "approximate":
            statistic.approximate = (
                value if isinstance(value, bool)
                else str(value).strip().casefold() in {"1", "true", "yes", "y", "~", "approximate"}
            )
        elif name == "measure":
            measure = _text(value)
            if not measure:
                raise CommandError("measure: a statistic needs a measure, such as 'killed'")
            statistic.measure = measure
        elif name in ("unit", "subject", "notes"):
            setattr(statistic, name, _text(value) if name != "notes" else (value or None))
        elif name in ("period_start", "period_end"):
            day, precision = to_columns(_period(name, value))
            setattr(statistic, name, day)
            setattr(statistic, f"{name}_precision", precision)
        elif name in ("place", "claimant"):
            actor_name = _text(value)
            kind = ActorKind.PLACE if name == "place" else ActorKind.ORGANISATION
            actor_id = find_or_add_actor(session, actor_name, kind) if actor_name else None
            setattr(statistic, f"{name}_id", actor_id)
    if statistic.value is None and statistic.low is None and statistic.high is None:
        raise CommandError("a statistic needs a value, or a low or high bound")
    if statistic.low is not None and statistic.high is not None and statistic.low > statistic.high:
        raise CommandError(
            f"the low bound ({format_number(statistic.low)}) is above the high bound "
            f"({format_number(statistic.high)})"
        )
    if (
        statistic.period_start is not None
        and statistic.period_end is not None
        and statistic.period_end < statistic.period_start
    ):
        raise CommandError("the period ends before it starts")
    session.flush()
    return previous
