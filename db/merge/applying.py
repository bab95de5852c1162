"""Writing a merge's plan into this archive, in the caller's transaction.

Deletions first (their rows and what cascades, kept in a snapshot), then the rows coming in, kind
after kind (references translated to this archive's ids through the rows' UUIDs), then the
fields taken from the other archive; then the annotations whose text changed under them are
placed again (db.anchors), actors the other side merged are merged here, and the ancestor for
the next merge is recorded. Everything it does is returned as one :class:`db.undo.Change`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from db.anchors import Anchor, Placement, reanchor
from db.merge import kinds as k
from db.merge.changes import (
    Bookkeeping,
    CodesSet,
    ValuesSet,
    codes_of,
    current_values,
    record_base,
    set_codes,
    write_values,
)
from db.merge.planning import DELETED, THEIRS, Plan
from db.merge.sides import Row
from db.models import MergeHistory, OriginalFile, RejectedActorPair, Tombstone
from db.queries import in_chunks
from db.snapshots import capture_and_delete
from db.undo.base import Change, Changes, Deleted, Inserted

Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
#: the annotations' fields re-anchoring writes
ANCHOR_FIELDS = ("start", "end", "quote", "prefix", "suffix", "orphaned")


class MergeCancelled(Exception):
    """The researcher pressed Cancel: the transaction is rolled back, nothing changed."""


@dataclass
class Applied:
    change: Change
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    #: annotations that could not be placed on the merged text (kept, flagged orphaned)
    orphaned: int = 0


def fetch(connection: Connection | Session, table: Table, ids: Sequence[int]) -> Iterator[dict[str, Any]]:
    for chunk in in_chunks(sorted(set(ids))):
        for row in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            yield dict(row)


class _Writer:
    def __init__(self, session: Session, plan: Plan, theirs: Connection, peer: str,
                 report: Report | None, cancelled: Cancelled | None) -> None:
        self.session, self.plan, self.theirs, self.peer = session, plan, theirs, peer
        self.report, self.cancelled = report, cancelled
        #: kind -> canonical UUID -> our id, for rows that came in
        self.inserted: dict[str, dict[str, int]] = {}
        self.gone: dict[str, set[str]] = {}
        self.originals: dict[str, int] = dict(
            session.execute(select(OriginalFile.sha256, OriginalFile.id)).all()
        )
        self.history: list[dict[str, Any]] = []
        self.old_values: list[tuple[str, int, dict[str, Any]]] = []
        self.touched_sources: set[int] = set()
        self.done = 0
        self.total = sum(len(v) for v in plan.inserts.values()) + sum(len(v) for v in plan.updates.values())

    def step(self, n: int, what: str) -> None:
        self.done += n
        if self.cancelled is not None and self.cancelled():
            raise MergeCancelled("the merge was cancelled; nothing was changed")
        if self.report is not None:
            self.report(min(self.done, self.total), self.total, what)

    # --- references -------------------------------------------------------------------------

    def resolve(self, kind: str, key: str) -> int | None:
        made = self.inserted.get(kind, {}).get(key)
        if made is not None:
            return made
        mine = self.plan.ours_by_key.get(kind, {}).get(key)
        if mine is not None and key not in self.gone.get(kind, set()):
            return mine.id
        return None

    def local(self, spec: k.Kind, name: str, value: Any) -> Any:
        """A value of theirs as this archive stores it (references to our rows' ids)."""
        if value is None:
            return None
        if name == k.ORIGINAL:
            return self.original(self.plan.theirs.originals.get(int(value)))
        target = spec.refs.get(name)
        if target is None:
            return value
        if target == "*":
            key = self.plan.target(str(value))
            for rows in self.plan.ours_by_key.values():
                if key in rows:
                    return rows[key].uuid
            return key
        uuid = self.plan.theirs.uuids[target].get(int(value))
        return None if uuid is None else self.resolve(target, self.plan.target(uuid))

    def original(self, sha256: str | None) -> int | None:
        if sha256 is None:
            return None
        if sha256 not in self.originals:
            row = self.theirs.execute(select(OriginalFile.__table__).where(OriginalFile.sha256 == sha256)).mappings().one()
            values = {c: row[c] for c in ("sha256", "file_name", "media_type", "size", "data")}
            made = self.session.execute(insert(OriginalFile).values(values).returning(OriginalFile.id))
            self.originals[sha256] = int(made.scalar_one())
        return self.originals[sha256]

    # --- deletions, insertions, updates -----------------------------------------------------

    def delete(self) -> Deleted:
        rows = [(name, r.id) for name in reversed(k.ORDER) for r in self.plan.deletes[name]]
        for name in k.ORDER:
            self.gone[name] = {self.plan.key(r.uuid) for r in self.plan.deletes[name]}
        return Deleted(capture_and_delete(self.session, rows))

    def insert(self, spec: k.Kind) -> list[tuple[str, int]]:
        rows = self.plan.inserts[spec.name]
        if not rows:
            return []
        table = spec.table
        by_id = {r.id: r for r in rows}
        pending = list(fetch(self.theirs, table, list(by_id)))
        made: dict[str, int] = self.inserted.setdefault(spec.name, {})
        keys: list[tuple[str, int]] = []
        while pending:  # codes nest: a level at a time, parents first
            ready, waiting = [], []
            for values in pending:
                parent = values.get("parent_id") if spec.name == "codes" else None
                if parent is not None and self.local(spec, "parent_id", parent) is None and any(
                    w["id"] == parent for w in pending
                ):
                    waiting.append(values)
                else:
                    ready.append(values)
            if not ready:
                ready, waiting = waiting, []
            batch = []
            for values in ready:
                out = {c: values[c] for c in values if c != "id"}
                for name in (*spec.refs, k.ORIGINAL):
                    if name in out:
                        out[name] = self.local(spec, name, values[name])
                if any(out[n] is None and values[n] is not None and not table.c[n].nullable for n in spec.refs):
                    continue  # what it belongs to is gone on both sides
                batch.append(out)
            if batch:
                self.session.connection().execute(table.insert(), batch)
                for chunk in in_chunks([b["uuid"] for b in batch]):
                    for uuid, row_id in self.session.execute(select(table.c.uuid, table.c.id).where(table.c.uuid.in_(chunk))):
                        made[self.plan.key(uuid)] = int(row_id)
                        keys.append((spec.name, int(row_id)))
            pending = waiting
            self.step(len(ready), spec.name)
        if spec.name == "annotations":
            links = {made[self.plan.key(r.uuid)]: self.their_codes(r) for r in rows if self.plan.key(r.uuid) in made}
            set_codes(self.session, links)
            self.touched_sources.update(
                v["source_id"] for v in current_values(self.session, "annotations", list(links), ["source_id"]).values()
            )
        return keys

    def their_codes(self, row: Row) -> list[int]:
        found = []
        for code_id in row.codes:
            uuid = self.plan.theirs.uuids["codes"].get(code_id)
            local = self.resolve("codes", self.plan.target(uuid)) if uuid else None
            if local is not None:
                found.append(local)
        return found

    def update(self, spec: k.Kind) -> tuple[int, CodesSet | None]:
        updates = self.plan.updates[spec.name]
        if not updates:
            return 0, None
        table = spec.table
        theirs = {v["id"]: v for v in fetch(self.theirs, table, [u.theirs.id for u in updates])}
        columns = sorted({f for u in updates for f in u.take if f != k.CODES})
        extra = ["source_id"] if spec.name == "annotations" and "source_id" not in columns else []
        ours = current_values(self.session, spec.name, [u.ours.id for u in updates],
                              [*columns, *extra, "modified_at", "modified_by"])
        writes = []
        codes: dict[int, list[int]] = {}
        for update in updates:
            if update.ours.id not in ours:
                continue  # went with a row deleted above (a cascade)
            mine, other = ours[update.ours.id], theirs[update.theirs.id]
            values = {f: self.local(spec, f, other[f]) for f in update.take if f != k.CODES}
            for name in [n for n in values if n in spec.refs and values[n] is None and other[n] is not None]:
                if not table.c[name].nullable:
                    del values[name]  # what it points at is not here: keep ours
            for name in values:
                if spec.name == "statistics" and name in k.CLAIM_FIELDS:
                    self.keep(spec.name, update.ours.uuid, name, mine[name], mine["modified_by"], "superseded")
            if values:
                self.old_values.append((spec.name, update.ours.id, {c: mine[c] for c in (*values, "modified_at", "modified_by")}))
                values["modified_at"] = _later(mine["modified_at"], other["modified_at"])
                values["modified_by"] = other["modified_by"]
                writes.append((spec.name, update.ours.id, values))
            if k.CODES in update.take or update.join_codes:
                chosen = self.their_codes(update.theirs)
                if update.join_codes:
                    chosen = sorted({*chosen, *codes_of(self.session, [update.ours.id])[update.ours.id]})
                codes[update.ours.id] = chosen
            if spec.name == "sources" and "text" in values:
                self.touched_sources.add(update.ours.id)
            if spec.name == "annotations":
                self.touched_sources.update(int(s) for s in (mine["source_id"], values.get("source_id")) if s)
        write_values(self.session, writes)
        self.step(len(updates), spec.name)
        if not codes:
            return len(updates), None
        before = codes_of(self.session, list(codes))
        set_codes(self.session, codes)
        return len(updates), CodesSet(tuple(before.items()))

    def repoint_memos(self) -> None:
        """Our memos on a row this archive keeps under another UUID (a source the other side
        imported again, recognised by its text) follow that row, as theirs do (see ``local``)."""
        memos = self.plan.ours_by_key.get("memos", {})
        updated = {u.ours.id for u in self.plan.updates["memos"]}
        gone = self.gone.get("memos", set())
        writes = []
        for key, memo in memos.items():
            raw = memo.refs[0]
            if raw is None or key in gone or memo.id in updated:
                continue
            target = self.plan.target(str(raw))
            here = next((rows[target].uuid for name, rows in self.plan.ours_by_key.items()
                         if target in rows and target not in self.gone.get(name, set())), None)
            if here is None:
                here = next((self.plan.theirs_by_key[name][target].uuid for name, made in self.inserted.items()
                             if target in made and target in self.plan.theirs_by_key.get(name, {})), None)
            if here is not None and here != raw:
                self.old_values.append(("memos", memo.id, {"target_uuid": raw}))
                writes.append(("memos", memo.id, {"target_uuid": here}))
        write_values(self.session, writes)

    def keep(self, kind: str, uuid: str, name: str, value: Any, author: str | None, reason: str) -> None:
        self.history.append({"peer": self.peer, "kind": kind, "row_uuid": uuid, "field": name,
                             "value": k.to_json(value), "author": author, "reason": reason})

    def conflicts(self) -> None:
        """The side not kept of every conflict goes to the merge history."""
        by_kind: dict[str, list[tuple[int, str, str, bool]]] = {}
        for conflict in self.plan.conflicts:
            if conflict.field == DELETED:
                continue
            row = conflict.ours if conflict.kept == THEIRS else conflict.theirs
            assert row is not None
            by_kind.setdefault(conflict.kind, []).append((row.id, conflict.uuid, conflict.field, conflict.kept == THEIRS))
        for kind, items in by_kind.items():
            spec = k.kind(kind)
            table = spec.table
            mine = [i for i, _, _, ours in items if ours]
            other = [i for i, _, _, ours in items if not ours]
            old = {r[1]: r[2] for r in self.old_values if r[0] == kind}
            theirs = {v["id"]: v for v in fetch(self.theirs, table, other)}
            ours_now = {v["id"]: v for v in fetch(self.session, table, [i for i in mine if i not in old])}
            for row_id, uuid, name, ours in items:
                if ours:
                    value = old.get(row_id, ours_now.get(row_id, {})).get(name)
                    author = old.get(row_id, ours_now.get(row_id, {})).get("modified_by")
                else:
                    value, author = theirs[row_id].get(name), theirs[row_id].get("modified_by")
                self.keep(kind, uuid, name, value, author, "conflict")

    # --- after the rows -----------------------------------------------------------------------

    def reanchor(self) -> int:
        """Place again the annotations whose quote is no longer at their offsets."""
        from db.models import Annotation, Source

        orphaned = 0
        sources = sorted(s for s in self.touched_sources if s)
        for chunk in in_chunks(sources):
            texts = dict(self.session.execute(select(Source.id, Source.text).where(Source.id.in_(chunk))).all())
            query = select(Annotation.id, Annotation.source_id, *(getattr(Annotation, f) for f in ANCHOR_FIELDS)).where(
                Annotation.source_id.in_(chunk))
            stale: dict[int, list[Any]] = {}
            for row in self.session.execute(query).mappings():
                text = texts.get(row["source_id"], "")
                if text[row["start"] : row["end"]] != row["quote"]:
                    stale.setdefault(row["source_id"], []).append(row)
            writes = []
            for source_id, rows in stale.items():
                anchors = [Anchor(r["start"], r["end"], r["quote"], r["prefix"], r["suffix"]) for r in rows]
                for row, result in zip(rows, reanchor(texts[source_id], anchors), strict=True):
                    lost = result.placement is Placement.ORPHANED
                    values = {"start": result.start, "end": result.end, "quote": result.quote,
                              "prefix": result.prefix, "suffix": result.suffix, "orphaned": lost}
                    orphaned += lost
                    self.old_values.append(("annotations", row["id"], {f: row[f] for f in ANCHOR_FIELDS}))
                    writes.append(("annotations", row["id"], values))
            write_values(self.session, writes)
        return orphaned

    def merge_actors(self) -> list[Change]:
        from db.undo.actors import add_alias, merge_actors

        changes: list[Change] = []
        for mine, target in self.plan.actor_merges:
            survivor = self.resolve("actors", target)
            if survivor is not None and survivor != mine.id:
                changes.append(merge_actors(self.session, survivor, mine.id))
        for ours_uuid, theirs_uuid in self.plan.same_actors:
            survivor = self.resolve("actors", self.plan.key(ours_uuid))
            merged = self.resolve("actors", self.plan.key(theirs_uuid))
            if survivor is not None and merged is not None and survivor != merged:
                changes.append(merge_actors(self.session, survivor, merged))
        for theirs, target in self.plan.redirected:
            survivor = self.resolve("actors", target)
            name = self.theirs.scalar(select(k.kind("actors").table.c.name).where(k.kind("actors").table.c.id == theirs.id))
            if survivor is not None and name:
                changes.append(add_alias(self.session, survivor, str(name)))
        return changes

    def bookkeeping(self, peer_uuid: str, location: str) -> Bookkeeping:
        session = self.session
        rows = ((self.plan.key(uuid), name, bytes(row.digests))
                for name, by_uuid in self.plan.theirs.rows.items() for uuid, row in by_uuid.items())
        theirs = self.plan.theirs_by_key
        base = record_base(session, peer_uuid, location, _now(), rows,
                           lambda kind, key: key in theirs.get(kind, {}))
        alive = {self.plan.key(u) for rows in self.plan.ours.rows.values() for u in rows}
        alive.update(key for made in self.inserted.values() for key in made)
        known = set(session.scalars(select(Tombstone.uuid)))
        tombstones = tuple(
            {"uuid": uuid, "kind": "", "deleted_at": tomb.deleted_at, "replaced_by": tomb.replaced_by}
            for uuid, tomb in self.plan.theirs.tombs.items() if uuid not in known and self.plan.key(uuid) not in alive
        )
        connection = session.connection()
        if tombstones:
            connection.execute(insert(Tombstone), [dict(t) for t in tombstones])
        history: list[dict[str, Any]] = []
        if self.history:
            first = (session.scalar(select(MergeHistory.id).order_by(MergeHistory.id.desc()).limit(1)) or 0) + 1
            history = [{"id": first + n, "merged_at": _now(), **h} for n, h in enumerate(self.history)]
            connection.execute(insert(MergeHistory), history)
        theirs_rejected = set(self.theirs.execute(select(RejectedActorPair.first_uuid, RejectedActorPair.second_uuid)))
        ours_rejected = set(session.execute(select(RejectedActorPair.first_uuid, RejectedActorPair.second_uuid)))
        said = {(a, b) if a <= b else (b, a) for a, b in self.plan.different_actors}
        rejected = tuple(sorted((theirs_rejected | said) - ours_rejected))
        if rejected:
            connection.execute(insert(RejectedActorPair),
                               [{"first_uuid": a, "second_uuid": b} for a, b in rejected])
        return Bookkeeping(base, tombstones, tuple(history), rejected)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _later(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def apply_plan(session: Session, plan: Plan, theirs: Connection, peer_uuid: str, location: str,
               report: Report | None = None, cancelled: Cancelled | None = None) -> Applied:
    """Write ``plan`` into the archive of ``session``; ``theirs`` reads the other archive."""
    writer = _Writer(session, plan, theirs, location, report, cancelled)
    deleted = writer.delete()
    applied = Applied(Changes(()))
    inserted: list[tuple[str, int]] = []
    code_changes: list[Change] = []
    for spec in k.kinds():
        made = writer.insert(spec)
        inserted.extend(made)
        if made:
            applied.added[spec.name] = len(made)
    for spec in k.kinds():
        count, codes = writer.update(spec)
        if count:
            applied.updated[spec.name] = count
        if codes is not None:
            code_changes.append(codes)
    writer.repoint_memos()
    writer.conflicts()
    applied.orphaned = writer.reanchor()
    merges = writer.merge_actors()
    book = writer.bookkeeping(peer_uuid, location)
    for name in k.ORDER:
        if plan.deletes[name]:
            applied.deleted[name] = len(plan.deletes[name])
    session.expire_all()
    parts: list[Change] = [deleted, Inserted(tuple(inserted)), ValuesSet(tuple(writer.old_values)),
                           *code_changes, *merges, book]
    applied.change = Changes(tuple(parts))
    return applied
