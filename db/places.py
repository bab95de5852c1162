"""Places on the map: every actor of kind "place", where it is (the coordinates the researcher
set, else the gazetteer's match of its name or an alias), and how many claims and sources
concern it. A place neither knows is listed as not on the map, never dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select, union
from sqlalchemy.orm import Session

from db.commands import CommandError, get_row
from db.gazetteer import Gazetteer, GazetteerPlace
from db.models import Actor, Alias, Annotation, Mention, PlacePoint, Statistic
from db.vocabulary import ActorKind

#: where a place's coordinates come from
SET, GAZETTEER = "set", "gazetteer"


@dataclass(frozen=True)
class PlaceRow:
    actor_id: int
    name: str
    latitude: float | None
    longitude: float | None
    #: SET (by the researcher), GAZETTEER, or None (not on the map)
    origin: str | None
    #: the gazetteer's place, when it placed it ("Grozny (city, RU, 297,137 people)")
    matched: str | None
    #: other places of the same name the gazetteer knows (the researcher may mean one of them)
    alternatives: int
    claims: int
    sources: int

    @property
    def on_map(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _counts(session: Session, actor_ids: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    claims: dict[int | None, int] = dict(session.execute(
        select(Statistic.place_id, func.count()).where(Statistic.place_id.in_(actor_ids)).group_by(Statistic.place_id)
    ).all()) if actor_ids else {}
    named = select(Mention.actor_id.label("actor"), Annotation.source_id.label("source")).join(
        Annotation, Annotation.id == Mention.annotation_id)
    claimed = select(Statistic.place_id.label("actor"), Statistic.source_id.label("source")).where(
        Statistic.place_id.is_not(None), Statistic.source_id.is_not(None))
    both = union(named, claimed).subquery()
    sources: dict[int | None, int] = dict(session.execute(
        select(both.c.actor, func.count()).group_by(both.c.actor)).all())
    return ({int(k): int(v) for k, v in claims.items() if k is not None},
            {int(k): int(v) for k, v in sources.items() if k is not None})


def places(session: Session, gazetteer: Gazetteer) -> list[PlaceRow]:
    """Every place actor, by name, with where it is and what concerns it."""
    actors = session.execute(select(Actor.id, Actor.name).where(Actor.kind == ActorKind.PLACE.value)
                             .order_by(Actor.name)).all()
    ids = [i for i, _n in actors]
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, name in session.execute(select(Alias.actor_id, Alias.name).where(Alias.actor_id.in_(ids))
                                          .order_by(Alias.id)):
        aliases[actor_id].append(name)
    points = {a: (lat, lon) for a, lat, lon in session.execute(
        select(PlacePoint.actor_id, PlacePoint.latitude, PlacePoint.longitude))}
    claims, sources = _counts(session, ids)
    rows = []
    for actor_id, name in actors:
        found: list[GazetteerPlace] = gazetteer.lookup([name, *aliases[actor_id]])
        latitude: float | None
        longitude: float | None
        origin: str | None
        if actor_id in points:
            (latitude, longitude), origin = points[actor_id], SET
        elif found:
            latitude, longitude, origin = found[0].latitude, found[0].longitude, GAZETTEER
        else:
            latitude = longitude = origin = None
        rows.append(PlaceRow(actor_id, name, latitude, longitude, origin,
                             found[0].describe() if found and origin == GAZETTEER else None,
                             max(0, len(found) - 1), claims.get(actor_id, 0), sources.get(actor_id, 0)))
    return rows


def place_point(session: Session, actor_id: int) -> tuple[float, float] | None:
    """The coordinates set for a place (None: none set)."""
    point = session.get(PlacePoint, actor_id)
    return (point.latitude, point.longitude) if point is not None else None


def set_place_point(session: Session, actor_id: int, point: tuple[float, float] | None) -> None:
    """Set a place actor's coordinates (latitude, longitude in degrees); None clears them (the
    gazetteer places it again, if it can)."""
    actor = get_row(session, Actor, actor_id)
    if actor.kind != ActorKind.PLACE.value:
        raise CommandError(f"{actor.name} is not a place")
    if point is None:
        session.execute(delete(PlacePoint).where(PlacePoint.actor_id == actor_id))
        return
    latitude, longitude = point
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise CommandError(f"{latitude}, {longitude}: latitude is -90 to 90, longitude -180 to 180")
    existing = session.get(PlacePoint, actor_id)
    if existing is None:
        session.add(PlacePoint(actor_id=actor_id, latitude=latitude, longitude=longitude))
    else:
        existing.latitude, existing.longitude = latitude, longitude
    session.flush()
