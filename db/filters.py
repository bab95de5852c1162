"""What a list of sources is narrowed to: the filter the sources pane (and scripts) ask for.

:func:`source_conditions` turns a :class:`SourceFilter` into SQL conditions on ``sources``, so that
listing (:func:`db.queries.source_ids`) and full-text search (:func:`db.search.search_sources`)
narrow by the same rules in the same query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import aliased

from db.models import Actor, Annotation, Mention, Source, Statistic

SourceSortKey = Literal["title", "published", "outlet", "kind", "language", "annotations", "statistics",
                        "id"]


@dataclass(frozen=True)
class SourceFilter:
    """What the sources pane shows: filters and order, all applied in SQL.

    ``text`` matches title, outlet or author (a substring); ``search`` is a full-text query;
    ``actor_id`` keeps sources that mention the actor, are published by it, or hold a claim it
    made or that is about it; ``kind`` is a source kind.
    """

    text: str = ""
    search: str = ""
    actor_id: int | None = None
    kind: str | None = None
    sort: SourceSortKey = "published"
    descending: bool = False

    @property
    def narrows(self) -> bool:
        """True when anything besides the search keeps sources out."""
        return bool(self.text.strip()) or self.actor_id is not None or bool(self.kind)


def with_outlet(query: Select[Any], where: SourceFilter) -> tuple[Select[Any], Any]:
    """``query`` joined to the outlet's actor row when the filter or order needs its name.

    Returns the query and the outlet alias (None when not joined): at a million sources the join
    costs seconds, so it is made only when asked for.
    """
    if not (where.text.strip() or where.sort == "outlet"):
        return query, None
    outlet = aliased(Actor)
    return query.outerjoin(outlet, outlet.id == Source.outlet_id), outlet


def source_conditions(where: SourceFilter, outlet: Any = None) -> list[ColumnElement[bool]]:
    """The filter's conditions on ``sources`` (all but the full-text search).

    ``outlet`` is the alias :func:`with_outlet` joined; it must be given when ``where.text`` is set.
    """
    conditions: list[ColumnElement[bool]] = []
    if where.text.strip():
        if outlet is None:
            raise ValueError("filtering by text needs the outlet joined (with_outlet)")
        pattern = f"%{where.text.strip()}%"
        conditions.append(
            or_(Source.title.ilike(pattern), outlet.name.ilike(pattern), Source.author.ilike(pattern))
        )
    if where.actor_id is not None:
        mentioned = select(Annotation.source_id).join(Mention, Mention.annotation_id == Annotation.id)
        conditions.append(
            or_(
                Source.id.in_(mentioned.where(Mention.actor_id == where.actor_id)),
                Source.outlet_id == where.actor_id,
                Source.id.in_(
                    select(Statistic.source_id).where(
                        or_(
                            Statistic.claimant_id == where.actor_id,
                            Statistic.place_id == where.actor_id,
                        )
                    )
                ),
            )
        )
    if where.kind:
        conditions.append(Source.kind == where.kind)
    return conditions
