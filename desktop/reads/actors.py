"""Reads of actors: the registry, one actor's record and detail, matches for a spelling,
likely duplicates, and the actors export."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from db import lookup, queries
from db.actors import ActorDetail, ActorState, DuplicateCandidate, actor_detail, actor_state
from db.actors import likely_duplicates as find_likely_duplicates
from db.archive import Archive
from db.models import Actor
from db.rows import ActorRow
from db.versions import version_of
from desktop.reads.base import read


def actors(archive: Archive) -> list[ActorRow]:
    """Every actor with its aliases and counts."""
    return read(archive, queries.list_actors)


def actor_names(archive: Archive) -> list[str]:
    """The name of every actor (for completing a claimant or a place)."""
    return [name for _id, name, _canonical, _kind in read(archive, queries.actor_names)]


def actor(archive: Archive, actor_id: int) -> ActorDetail | None:
    """What the actor editor shows besides the record: mentions, claims, relations."""
    return read(archive, actor_detail, actor_id)


def actor_record(archive: Archive, actor_id: int) -> ActorState:
    """The editable record (name, kind, aliases, relations); ValueError when it is gone."""
    return read(archive, actor_state, actor_id)


def actor_record_to_edit(archive: Archive, actor_id: int) -> tuple[ActorState, int]:
    """The record and its version, read together: the edit hands the version back, and is
    refused when someone else saved the actor in between ("changed by X meanwhile")."""

    def both(session: Session, actor_id: int) -> tuple[ActorState, int]:
        return actor_state(session, actor_id), version_of(session, Actor, actor_id)

    return read(archive, both, actor_id)


def match_actors(archive: Archive, spelling: str) -> list[lookup.ActorMatch]:
    """Actors whose name or alias is close to a spelling, best first."""
    return read(archive, lookup.match_actors, spelling)


def likely_duplicates(archive: Archive, threshold: float = 88.0) -> list[DuplicateCandidate]:
    """Pairs of actors that are probably the same one."""
    return read(archive, find_likely_duplicates, threshold)


def export_actors(archive: Archive, path: Path) -> int:
    """Write every actor with its aliases to a CSV or XLSX file."""
    from db.interchange.exports import export_actors as export

    return read(archive, export, path)
