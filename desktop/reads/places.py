"""Reads of the map pane: the place actors with where they are, and the gazetteer's places by name."""

from __future__ import annotations

from db import places as place_data
from db.archive import Archive
from db.gazetteer import GazetteerPlace, gazetteer
from db.places import PlaceRow


def places(archive: Archive) -> list[PlaceRow]:
    """Every place actor (the gazetteer is read first, on first use)."""
    found = gazetteer()
    with archive.session() as session:
        return place_data.places(session, found)


def search_gazetteer(text: str, limit: int = 25) -> list[GazetteerPlace]:
    """The gazetteer's places whose name begins with ``text``, best first (no archive read)."""
    return gazetteer().search(text, limit)


def place_point(archive: Archive, actor_id: int) -> tuple[float, float] | None:
    with archive.session() as session:
        return place_data.place_point(session, actor_id)
