"""Actors that may be the same person or group in the two archives: suggestions, never merged alone.

An actor coming in whose name or alias folds to the name or alias of one of ours is offered to
the researcher; a pair they turn down is remembered (both ways, and it travels with merges) and
not offered again. Confirming a pair merges the two actors (db.actors.merging).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.merge.planning import Plan
from db.models import Actor, Alias, RejectedActorPair
from db.text import fold


@dataclass(frozen=True)
class ActorSuggestion:
    ours_uuid: str
    ours_name: str
    theirs_uuid: str
    theirs_name: str
    #: the name both are known by
    shared: str

    def to_json(self) -> dict[str, str]:
        return {"ours": self.ours_uuid, "ours_name": self.ours_name, "theirs": self.theirs_uuid,
                "theirs_name": self.theirs_name, "shared": self.shared}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _names(connection: Connection | Session, ids: list[int] | None = None) -> dict[int, tuple[str, list[str]]]:
    query = select(Actor.id, Actor.uuid, Actor.name)
    aliases = select(Alias.actor_id, Alias.name)
    if ids is not None:
        query = query.where(Actor.id.in_(ids))
        aliases = aliases.where(Alias.actor_id.in_(ids))
    found: dict[int, tuple[str, list[str]]] = {}
    for actor_id, uuid, name in connection.execute(query):
        found[int(actor_id)] = (str(uuid), [str(name)])
    for actor_id, name in connection.execute(aliases):
        if int(actor_id) in found:
            found[int(actor_id)][1].append(str(name))
    return found


def rejected_pairs(connection: Connection | Session) -> set[tuple[str, str]]:
    return set(connection.execute(select(RejectedActorPair.first_uuid, RejectedActorPair.second_uuid)))


def suggest_actors(plan: Plan, ours: Connection | Session, theirs: Connection) -> list[ActorSuggestion]:
    """Our actors that the actors coming in may be, by a shared name or alias."""
    incoming = [r.id for r in plan.inserts.get("actors", [])]
    if not incoming:
        return []
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for uuid, names in _names(ours).values():
        for name in names:
            if fold(name):
                index[fold(name)].append((uuid, names[0]))
    rejected = rejected_pairs(ours) | rejected_pairs(theirs)
    found: dict[tuple[str, str], ActorSuggestion] = {}
    for start in range(0, len(incoming), 500):
        for uuid, names in _names(theirs, incoming[start : start + 500]).values():
            for name in names:
                for ours_uuid, ours_name in index.get(fold(name), []):
                    pair = _pair(ours_uuid, uuid)
                    if pair not in rejected and (ours_uuid, uuid) not in found:
                        found[(ours_uuid, uuid)] = ActorSuggestion(ours_uuid, ours_name, uuid, names[0], name)
    return sorted(found.values(), key=lambda s: (fold(s.ours_name), s.theirs_uuid))


def reject_pair(session: Session, first_uuid: str, second_uuid: str) -> None:
    """The researcher says these two actors are not the same: do not suggest them again."""
    a, b = _pair(first_uuid, second_uuid)
    if session.get(RejectedActorPair, (a, b)) is None:
        session.add(RejectedActorPair(first_uuid=a, second_uuid=b))
        session.flush()
