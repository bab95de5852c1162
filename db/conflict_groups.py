"""The conflicts of a whole archive, compact: for the window, which lists a few hundred of them
at a time and flags the conflicting claims in its tables.

:func:`db.conflicts.find_conflicts` gives each conflict its claims in full (claimant, source,
quote), which is what a report or a merge needs; on a large archive nearly every claim is in a
conflict, and a window holding them all held some 70 MB of rows. A :class:`ConflictGroup` holds
the ids of its claims and of the pairs that disagree, packed, and the few words its line shows;
the window reads the claims of the conflicts it shows when it shows them.

The rules are :mod:`db.conflicts`' own, run on the same bare columns.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import values
from db.conflicts import (
    APPROXIMATE_TOLERANCE,
    _disagreeing_pairs,
    _stored,
    _stored_periods,
    normalise_phrase,
)
from db.models import Actor
from db.text import isolated

if TYPE_CHECKING:
    import numpy as np

#: a conflict's line names at most this many of its claims' values
CLAIMED_SHOWN = 12


@dataclass(frozen=True)
class ConflictGroup:
    """Claims about the same measure and subject whose values disagree, by id."""

    measure: str
    subject: str | None
    #: the places of its claims, by name
    places: tuple[str, ...]
    #: the ids of its claims (int64), by period then id
    packed_ids: bytes
    #: the pairs of claims that disagree, as positions in ``packed_ids`` (first, second, first,
    #: second …), packed as uint16 (uint32 for a group of more than 65,535 claims): a group of n
    #: claims that all disagree has n(n-1)/2 pairs, and at 100,000 claims pairs of int64 ids
    #: held 12 MB of the window's memory
    packed_pairs: bytes
    #: its claims' values as the tables show them ("~249 vs 300"), the first few
    claimed: str

    @property
    def statistic_ids(self) -> tuple[int, ...]:
        return tuple(array("q", self.packed_ids))

    @property
    def size(self) -> int:
        """How many claims it groups."""
        return len(self.packed_ids) // 8

    @property
    def pairs(self) -> tuple[tuple[int, int], ...]:
        """The pairs of statistic ids that disagree."""
        ids = array("q", self.packed_ids)
        flat = array(_position_code(self.size), self.packed_pairs)
        return tuple((ids[a], ids[b]) for a, b in zip(flat[0::2], flat[1::2], strict=True))

    def describe(self) -> str:
        """One line for a list: "militants killed (Dagestan): 249 vs 300"."""
        what = isolated(" ".join(p for p in (self.subject, self.measure) if p)) or "statistic"
        where = f" ({', '.join(isolated(p) for p in self.places)})" if self.places else ""
        return f"{what}{where}: {self.claimed}"


def _position_code(size: int) -> str:
    """The array code of positions in a group of ``size`` claims."""
    return "H" if size <= 0xFFFF else "I"


def _positions(members: np.ndarray[Any, Any], pairs: np.ndarray[Any, Any]) -> bytes:
    """``pairs`` of ids of ``members`` as their positions in it, packed (see ConflictGroup)."""
    import numpy as np

    order = np.argsort(members, kind="stable")
    positions = order[np.searchsorted(members[order], pairs.ravel())]
    dtype = np.uint16 if _position_code(len(members)) == "H" else np.uint32
    return np.ascontiguousarray(positions, dtype=dtype).tobytes()


class _Bare(NamedTuple):
    value: float | None
    low: float | None
    high: float | None
    approximate: bool


def _number(x: Any) -> float | None:
    return None if x is None or x != x else float(x)


def find_conflict_groups(session: Session, tolerance: float = APPROXIMATE_TOLERANCE) -> list[ConflictGroup]:
    """Every group of conflicting claims, compact, in :func:`db.conflicts.find_conflicts`' order."""
    import numpy as np

    stored = _stored(session)
    first, last = _stored_periods(stored)
    i, j = _disagreeing_pairs(stored, first, last, tolerance)
    if not len(i):
        return []
    ids = stored["id"].to_numpy(np.int64)
    pairs = np.unique(np.stack([np.minimum(ids[i], ids[j]), np.maximum(ids[i], ids[j])], axis=1), axis=0)
    nodes, numbered = np.unique(pairs, return_inverse=True)
    numbered = numbered.reshape(pairs.shape)
    from db.conflicts import _components

    group = _components(numbered[:, 0], numbered[:, 1])
    # each node's row in the frame, for its period, value and place
    row_of = np.searchsorted(ids, nodes) if bool(np.all(ids[:-1] <= ids[1:])) else _rows_of(ids, nodes)
    undated = first[row_of] == 0
    # by group, then undated last, by first day, last day, id (as find_conflicts orders claims)
    members = np.lexsort((nodes, last[row_of], first[row_of], undated, group))
    starts = np.flatnonzero(np.r_[True, np.diff(group[members]) != 0])
    pair_order = np.argsort(group[numbered[:, 0]], kind="stable")
    pair_groups = group[numbered[pair_order, 0]]
    place_ids = {int(p) for p in stored["place_id"].dropna().unique()}
    names: dict[int, str] = {}
    if place_ids:
        query = select(Actor.id, Actor.name).where(Actor.id.in_(sorted(place_ids)))
        names = {actor_id: name for actor_id, name in session.execute(query)}
    columns = {c: stored[c].to_numpy() for c in ("value", "low", "high", "approximate", "measure", "subject",
                                                  "place_id")}
    conflicts = []
    for chosen in np.split(members, starts[1:]):
        rows = row_of[chosen]
        root = group[chosen[0]]
        in_group = pair_order[np.searchsorted(pair_groups, root, "left"): np.searchsorted(pair_groups, root, "right")]
        places = sorted({names[int(p)] for p in columns["place_id"][rows] if p == p and p is not None
                         and int(p) in names})
        shown = [values.format(_Bare(_number(columns["value"][r]), _number(columns["low"][r]),
                                     _number(columns["high"][r]), bool(columns["approximate"][r]))) or "?"
                 for r in rows[:CLAIMED_SHOWN]]
        more = len(rows) - len(shown)
        head = rows[0]
        subject = columns["subject"][head]
        member_ids = np.ascontiguousarray(nodes[chosen], dtype=np.int64)
        conflicts.append(ConflictGroup(
            str(columns["measure"][head]), None if subject is None or subject != subject else str(subject),
            tuple(places), member_ids.tobytes(), _positions(member_ids, pairs[in_group]),
            " vs ".join(shown) + (f" and {more:,} more" if more > 0 else "")))
    del stored, columns
    conflicts.sort(key=lambda c: (normalise_phrase(c.measure), c.subject or "", c.statistic_ids))
    return conflicts


def _rows_of(ids: np.ndarray[Any, Any], wanted: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    order = np.argsort(ids, kind="stable")
    return np.asarray(order[np.searchsorted(ids[order], wanted)])
