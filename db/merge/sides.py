"""One side of a merge: every row of an archive, read once, as digests (never whole texts).

A :class:`Row` keeps what the merge decides on: the row's id and UUID, when and by whom it was
last changed, one digest per plain field, and the ids (of the same archive) its references point
at; the references become digests once both sides are matched (:meth:`Side.finish`), because a
reference compares by the *canonical* UUID of its target (two sources imported separately from
the same file are one source, whatever their UUIDs).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from db.merge.kinds import CODES, DIGEST_SIZE, ORIGINAL, Kind, digest, kinds
from db.models import ArchiveInfo, MergeBase, MergePeer, OriginalFile, Tombstone, annotation_codes
from db.text import fold

#: rows read from the database at a time
CHUNK = 2_000
Report = Callable[[int, int, str], None]


@dataclass(slots=True)
class Row:
    id: int
    uuid: str
    modified_at: dt.datetime | None
    modified_by: str | None
    #: one digest per field (references filled in by Side.finish)
    digests: bytearray
    #: the ids (of this archive) the reference fields point at, in the kind's refs order
    refs: tuple[object, ...]
    #: how the row is recognised when the UUIDs differ (a source's sha256 ...), or None
    keys: tuple[str | bytes, ...] = ()
    #: an annotation's codes (ids of this archive)
    codes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Tomb:
    deleted_at: dt.datetime | None
    replaced_by: str | None


@dataclass
class Side:
    """All rows of one archive, by kind and UUID, with its tombstones and recorded bases."""

    archive_uuid: str
    rows: dict[str, dict[str, Row]] = field(default_factory=dict)
    #: kind -> id -> uuid
    uuids: dict[str, dict[int, str]] = field(default_factory=dict)
    tombs: dict[str, Tomb] = field(default_factory=dict)
    #: the original files' sha256 by id
    originals: dict[int, str] = field(default_factory=dict)

    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def finish(self, spec: Kind, canon: Callable[[str], str]) -> None:
        """Fill in the digests of the reference fields, now that canonical UUIDs are known."""
        ref_fields = list(spec.refs)
        positions = [spec.index(f) for f in ref_fields]
        code_position = spec.index(CODES) if spec.name == "annotations" else None
        code_uuids = self.uuids.get("codes", {})
        for row in self.rows[spec.name].values():
            for position, name, raw in zip(positions, ref_fields, row.refs, strict=True):
                target = spec.refs[name]
                if raw is None:
                    value = None
                elif target == "*":
                    value = canon(str(raw))
                else:
                    uuid = self.uuids[target].get(int(str(raw)))
                    value = canon(uuid) if uuid is not None else None
                row.digests[position * DIGEST_SIZE : (position + 1) * DIGEST_SIZE] = digest(value)
            if code_position is not None:
                codes = sorted(canon(code_uuids[c]) for c in row.codes if c in code_uuids)
                at = code_position * DIGEST_SIZE
                row.digests[at : at + DIGEST_SIZE] = digest(codes)


def archive_uuid(connection: Connection) -> str:
    value = connection.scalar(select(ArchiveInfo.value).where(ArchiveInfo.key == "archive_uuid"))
    return str(value or "")


def read_side(connection: Connection, report: Report | None = None, label: str = "") -> Side:
    """Every researcher's row of the archive on ``connection``, as digests."""
    side = Side(archive_uuid(connection))
    side.originals = dict(connection.execute(select(OriginalFile.id, OriginalFile.sha256)).all())
    codes_of: dict[int, list[int]] = defaultdict(list)
    for annotation_id, code_id in connection.execute(select(annotation_codes)):
        codes_of[int(annotation_id)].append(int(code_id))
    for name, deleted_at, replaced_by in connection.execute(
        select(Tombstone.uuid, Tombstone.deleted_at, Tombstone.replaced_by)
    ):
        side.tombs[name] = Tomb(deleted_at, replaced_by)
    for spec in kinds():
        side.rows[spec.name] = _read_kind(connection, spec, side, codes_of)
        side.uuids[spec.name] = {row.id: row.uuid for row in side.rows[spec.name].values()}
        if report is not None:
            report(0, 0, f"{label}{spec.name}")
    if side.rows["codes"]:
        _code_paths(side)
    return side


def _read_kind(connection: Connection, spec: Kind, side: Side, codes_of: dict[int, list[int]]) -> dict[str, Row]:
    table = spec.table
    stored = [f for f in spec.fields if f != CODES]
    columns = [table.c.id, table.c.uuid, table.c.modified_at, table.c.modified_by, *(table.c[f] for f in stored)]
    ref_order = list(spec.refs)
    # where each stored column goes: (its index among the values, whether it is plain, original)
    layout = [(stored.index(name), name not in spec.refs, name == ORIGINAL) if name != CODES else (-1, False, False)
              for name in spec.fields]
    ref_index = [stored.index(f) for f in ref_order]
    empty = bytes(DIGEST_SIZE)
    originals = side.originals
    found: dict[str, Row] = {}
    authors: dict[str, str] = {}
    result = connection.execute(select(*columns).execution_options(yield_per=CHUNK))
    for record in result:
        row_id, uuid, modified_at, modified_by, *values = record
        parts = []
        for index, plain, original in layout:
            if not plain:
                parts.append(empty)
            elif original:
                parts.append(digest(originals.get(values[index]) if values[index] is not None else None))
            else:
                parts.append(digest(values[index]))
        digests = bytearray(b"".join(parts))
        by_field = dict(zip(stored, values, strict=True)) if spec.name in _KEYED else {}
        if modified_by is not None:  # a few names for many rows: one string each
            modified_by = authors.setdefault(modified_by, modified_by)
        row = Row(int(row_id), str(uuid), modified_at, modified_by, digests,
                  tuple(values[i] for i in ref_index))
        if spec.name == "sources":
            text = by_field.get("text") or ""
            # bytes, not hex strings: a hundred thousand sources on each side hold them all at once
            keys: list[str | bytes] = [b"t" + digest(" ".join(text.split()))] if text.strip() else []
            if by_field.get("sha256"):
                keys.insert(0, _sha_key(str(by_field["sha256"])))
            row.keys = tuple(keys)
        elif spec.name == "aliases":
            row.keys = (fold(str(by_field["name"])),)
        elif spec.name == "memos":
            row.keys = (str(by_field["target_kind"]),)
        elif spec.name == "codes":
            row.keys = (str(by_field["name"]), str(by_field["parent_id"] or ""))
        elif spec.name == "annotations":
            row.codes = tuple(codes_of.get(row.id, ()))
        found[row.uuid] = row
    return found


def _sha_key(sha256: str) -> bytes:
    try:
        return b"s" + bytes.fromhex(sha256)
    except ValueError:  # not a hex digest: kept as written
        return b"S" + sha256.encode("utf-8")


#: the kinds recognised by content besides their UUID
_KEYED = frozenset({"sources", "aliases", "memos", "codes"})


def _code_paths(side: Side) -> None:
    """A code is recognised by its path in the codebook ("Violence/Killings")."""
    codes = side.rows["codes"]
    by_id = {row.id: row for row in codes.values()}
    paths: dict[int, str] = {}

    def path(row: Row, depth: int = 0) -> str:
        if row.id in paths:
            return paths[row.id]
        name, parent = str(row.keys[0]), str(row.keys[1])
        parent_row = by_id.get(int(parent)) if parent and depth < 100 else None
        made = f"{path(parent_row, depth + 1)}/{name}" if parent_row is not None else name
        paths[row.id] = made
        return made

    for row in codes.values():
        path(row)
    for row in codes.values():
        row.keys = (f"path:{paths[row.id]}",)


class Bases(dict[str, bytes]):
    """What an archive recorded of a peer's rows (canonical UUID -> digests), read only for the
    rows a merge asks about (:meth:`load`): the rows both sides still agree on are never read."""

    def __init__(self, connection: Connection, peer_uuid: str) -> None:
        super().__init__()
        self.connection = connection
        self.peer_id = (connection.scalar(select(MergePeer.id).where(MergePeer.peer_uuid == peer_uuid))
                        if peer_uuid else None)

    def load(self, keys: Iterable[str]) -> None:
        if self.peer_id is None:
            return
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(MergeBase.row_uuid, MergeBase.digests).where(
                MergeBase.peer_id == self.peer_id, MergeBase.row_uuid.in_(chunk))
            for uuid, digests in self.connection.execute(query):
                self[str(uuid)] = bytes.fromhex(digests)


def read_bases(connection: Connection, peer_uuid: str) -> Bases:
    """What this archive last saw of ``peer_uuid``'s rows, loaded on demand (see :class:`Bases`)."""
    return Bases(connection, peer_uuid)
