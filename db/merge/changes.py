"""What a merge changed, as :class:`db.undo.Change` records, so the window takes it back in one step.

Rows it added are an ``Inserted`` and rows it deleted a ``Deleted`` (db.undo.base); besides those:
field values it overwrote (:class:`ValuesSet`), annotations' codes it replaced (:class:`CodesSet`)
and its bookkeeping — the ancestor recorded for the other archive, tombstones and history it
added — (:class:`Bookkeeping`), each reverting to the state before and returning the change that
re-applies it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from db.base import Base
from db.models import (
    MergeBase,
    MergeHistory,
    MergePeer,
    RejectedActorPair,
    Tombstone,
    annotation_codes,
)
from db.queries import in_chunks
from db.undo.base import Change

#: (table, row id, {column: value})
RowValues = tuple[str, int, Mapping[str, Any]]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def current_values(session: Session, table_name: str, ids: Sequence[int], columns: Sequence[str]) -> dict[int, dict[str, Any]]:
    table = _table(table_name)
    found: dict[int, dict[str, Any]] = {}
    for chunk in in_chunks(sorted(set(ids))):
        query = select(table.c.id, *(table.c[c] for c in columns)).where(table.c.id.in_(chunk))
        for row in session.execute(query).mappings():
            found[int(row["id"])] = {c: row[c] for c in columns}
    return found


def write_values(session: Session, rows: Sequence[RowValues]) -> None:
    """Set columns of rows, one executemany per table and set of columns."""
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for table_name, row_id, values in rows:
        columns = tuple(sorted(values))
        groups[(table_name, columns)].append({"row_id": row_id, **{f"v_{c}": values[c] for c in columns}})
    for (table_name, columns), batch in groups.items():
        table = _table(table_name)
        statement = (
            update(table).where(table.c.id == bindparam("row_id"))
            # a change, even when the time it carries is not later (a value from the other archive)
            .values({**{c: bindparam(f"v_{c}") for c in columns}, "version": table.c.version + 1})
        )
        session.connection().execute(statement, batch)


@dataclass(frozen=True)
class ValuesSet(Change):
    """Columns of rows as they were before the merge wrote them."""

    rows: tuple[RowValues, ...]

    def revert(self, session: Session) -> ValuesSet:
        by_table: dict[str, list[RowValues]] = defaultdict(list)
        for row in self.rows:
            by_table[row[0]].append(row)
        now: list[RowValues] = []
        for table_name, rows in by_table.items():
            columns = sorted({c for _, _, values in rows for c in values})
            present = current_values(session, table_name, [r[1] for r in rows], columns)
            now.extend((table_name, i, {c: present[i][c] for c in v}) for _, i, v in rows if i in present)
        write_values(session, [r for r in self.rows if r[1] in {i for _, i, _ in now}])
        session.expire_all()
        return ValuesSet(tuple(now))


def codes_of(session: Session, annotation_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {i: [] for i in annotation_ids}
    for chunk in in_chunks(sorted(set(annotation_ids))):
        query = select(annotation_codes.c.annotation_id, annotation_codes.c.code_id).where(
            annotation_codes.c.annotation_id.in_(chunk)
        )
        for annotation_id, code_id in session.execute(query):
            found[int(annotation_id)].append(int(code_id))
    return {i: tuple(sorted(c)) for i, c in found.items()}


def set_codes(session: Session, codes: Mapping[int, Sequence[int]]) -> None:
    ids = list(codes)
    for chunk in in_chunks(ids):
        session.execute(delete(annotation_codes).where(annotation_codes.c.annotation_id.in_(chunk)))
    links = [{"annotation_id": a, "code_id": c} for a, cs in codes.items() for c in dict.fromkeys(cs)]
    if links:
        session.execute(annotation_codes.insert(), links)


@dataclass(frozen=True)
class CodesSet(Change):
    """Annotations' codes as they were before the merge replaced them."""

    codes: tuple[tuple[int, tuple[int, ...]], ...]

    def revert(self, session: Session) -> CodesSet:
        before = codes_of(session, [a for a, _ in self.codes])
        set_codes(session, dict(self.codes))
        return CodesSet(tuple(before.items()))


def _peer(session: Session, peer_uuid: str) -> MergePeer | None:
    return session.execute(select(MergePeer).where(MergePeer.peer_uuid == peer_uuid)).scalar_one_or_none()


@dataclass(frozen=True)
class BaseDelta(Change):
    """The rows of the recorded ancestor a merge replaced: only those that changed."""

    peer_uuid: str
    #: the peer's location and time of the merge before (None: it was not known)
    peer_before: tuple[str, Any] | None
    #: (row uuid, kind, digests) taken away, and put in
    removed: tuple[tuple[str, str, str], ...]
    added: tuple[tuple[str, str, str], ...]

    def revert(self, session: Session) -> Change:
        peer = _peer(session, self.peer_uuid)
        assert peer is not None
        now = (peer.location, peer.merged_at)
        for chunk in in_chunks([u for u, _, _ in self.added]):
            session.execute(delete(MergeBase).where(MergeBase.peer_id == peer.id, MergeBase.row_uuid.in_(chunk)))
        if self.removed:
            session.connection().execute(insert(MergeBase), [
                {"peer_id": peer.id, "row_uuid": u, "kind": k, "digests": d} for u, k, d in self.removed])
        if self.peer_before is None:
            session.delete(peer)
        else:
            peer.location, peer.merged_at = self.peer_before
        session.flush()
        return BaseDelta(self.peer_uuid, now, self.added, self.removed) if self.peer_before is not None \
            else _Unknown(self.peer_uuid, now, self.added)


@dataclass(frozen=True)
class _Unknown(Change):
    """A peer recorded by a merge that was taken back; reverting records it again."""

    peer_uuid: str
    peer_after: tuple[str, Any]
    rows: tuple[tuple[str, str, str], ...]

    def revert(self, session: Session) -> BaseDelta:
        peer = MergePeer(peer_uuid=self.peer_uuid, location=self.peer_after[0], merged_at=self.peer_after[1])
        session.add(peer)
        session.flush()
        if self.rows:
            session.connection().execute(insert(MergeBase), [
                {"peer_id": peer.id, "row_uuid": u, "kind": k, "digests": d} for u, k, d in self.rows])
        return BaseDelta(self.peer_uuid, None, (), self.rows)


def record_base(session: Session, peer_uuid: str, location: str, merged_at: Any,
                rows: Iterable[tuple[str, str, bytes]], alive: Callable[[str, str], bool]) -> Change:
    """Record ``rows`` ((canonical UUID, kind, digests) of every row of the peer) as what the peer
    looks like now, rewriting only the recorded rows that differ; ``alive(kind, uuid)`` says
    whether a recorded row is still one of the peer's. Read and written a chunk at a time."""
    peer = _peer(session, peer_uuid)
    peer_before = None if peer is None else (peer.location, peer.merged_at)
    if peer is None:
        peer = MergePeer(peer_uuid=peer_uuid, location=location)
        session.add(peer)
    peer.location, peer.merged_at = location, merged_at
    session.flush()
    removed: list[tuple[str, str, str]] = []
    added: list[tuple[str, str, str]] = []
    batch: list[tuple[str, str, bytes]] = []

    def flush() -> None:
        stored: dict[str, tuple[str, str]] = {}
        if peer_before is not None:
            query = select(MergeBase.row_uuid, MergeBase.kind, MergeBase.digests).where(
                MergeBase.peer_id == peer.id, MergeBase.row_uuid.in_([u for u, _, _ in batch]))
            stored = {str(u): (str(k), str(d)) for u, k, d in session.execute(query)}
        fresh = []
        for uuid, kind, digests in batch:
            text = digests.hex()
            old = stored.get(uuid)
            if old is None or old[1] != text:
                fresh.append((uuid, kind, text))
                if old is not None:
                    removed.append((uuid, *old))
        stale = [u for u, _, _ in fresh if u in stored]
        if stale:
            session.execute(delete(MergeBase).where(MergeBase.peer_id == peer.id, MergeBase.row_uuid.in_(stale)))
        if fresh:
            session.connection().execute(insert(MergeBase), [
                {"peer_id": peer.id, "row_uuid": u, "kind": k, "digests": d} for u, k, d in fresh])
        added.extend(fresh)
        batch.clear()

    gone: list[tuple[str, str, str]] = []
    if peer_before is not None:
        query = select(MergeBase.row_uuid, MergeBase.kind, MergeBase.digests).where(MergeBase.peer_id == peer.id)
        for uuid, kind, digests in session.execute(query.execution_options(yield_per=2000)):
            if not alive(str(kind), str(uuid)):
                gone.append((str(uuid), str(kind), str(digests)))
    for chunk in in_chunks([u for u, _, _ in gone]):
        session.execute(delete(MergeBase).where(MergeBase.peer_id == peer.id, MergeBase.row_uuid.in_(chunk)))
    removed.extend(gone)
    for row in rows:
        batch.append(row)
        if len(batch) >= 500:
            flush()
    flush()
    if peer_before is None:
        return BaseDelta(peer_uuid, None, (), tuple(added))
    return BaseDelta(peer_uuid, peer_before, tuple(removed), tuple(added))


@dataclass(frozen=True)
class Bookkeeping(Change):
    """The ancestor recorded for the other archive, and the tombstones, history and rejected
    actor pairs the merge added; reverting puts the ancestor back and takes the rest away."""

    base: Change
    tombstones: tuple[Mapping[str, Any], ...]
    history: tuple[Mapping[str, Any], ...]
    rejected: tuple[tuple[str, str], ...]

    def revert(self, session: Session) -> Reapplied:
        base = self.base.revert(session)
        for chunk in in_chunks([t["uuid"] for t in self.tombstones]):
            session.execute(delete(Tombstone).where(Tombstone.uuid.in_(chunk)))
        for chunk in in_chunks([h["id"] for h in self.history]):
            session.execute(delete(MergeHistory).where(MergeHistory.id.in_(chunk)))
        for chunk in in_chunks(list(self.rejected)):
            session.execute(delete(RejectedActorPair).where(
                tuple_(RejectedActorPair.first_uuid, RejectedActorPair.second_uuid).in_(chunk)))
        return Reapplied(base, self.tombstones, self.history, self.rejected)


@dataclass(frozen=True)
class Reapplied(Change):
    """A merge's bookkeeping taken back; reverting writes it again."""

    base: Change
    tombstones: tuple[Mapping[str, Any], ...]
    history: tuple[Mapping[str, Any], ...]
    rejected: tuple[tuple[str, str], ...]

    def revert(self, session: Session) -> Bookkeeping:
        base = self.base.revert(session)
        connection = session.connection()
        if self.tombstones:
            connection.execute(insert(Tombstone), [dict(t) for t in self.tombstones])
        if self.history:
            connection.execute(insert(MergeHistory), [dict(h) for h in self.history])
        if self.rejected:
            connection.execute(insert(RejectedActorPair),
                               [{"first_uuid": a, "second_uuid": b} for a, b in self.rejected])
        return Bookkeeping(base, self.tombstones, self.history, self.rejected)
