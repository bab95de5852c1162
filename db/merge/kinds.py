"""What a merge compares: the kinds of rows, their fields, and the digest of a field's value.

Each kind is a table of researcher's rows (identified across archives by UUID). Its fields are
the table's columns but the bookkeeping ones (ids, timestamps, authors, versions); a column that
points at another row is compared by that row's UUID, never by the local integer id. An
annotation's codes are one more field (the set of its codes' UUIDs), a source's original file
is compared by the file's sha256.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table

import db.models  # noqa: F401  (the tables must be on the metadata)
from db.base import Base

#: columns every row has that say nothing about its content
BOOKKEEPING = frozenset({"id", "uuid", "created_at", "modified_at", "created_by", "modified_by", "version"})
#: the bytes of one field's digest
DIGEST_SIZE = 8
#: an annotation's codes, compared as one field
CODES = "codes"
#: a source's original file, compared by its sha256
ORIGINAL = "original_file_id"
#: the fields of a statistic that are its claim: a change makes a new version, the old is kept
CLAIM_FIELDS = frozenset({"value", "low", "high", "approximate", "unit"})


@dataclass(frozen=True)
class Kind:
    """One kind of row: its table, its fields in order, and which fields point at which kind."""

    name: str
    fields: tuple[str, ...]
    #: field -> the kind it points at ("*" for a memo's target: any kind, by UUID)
    refs: dict[str, str]

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]

    def index(self, field: str) -> int:
        return self.fields.index(field)


#: the order kinds are merged in: every kind after the kinds it points at
ORDER = ("actors", "codes", "sources", "annotations", "aliases", "mentions", "relations",
         "statistics", "memos")


@cache
def kind(name: str) -> Kind:
    table = Base.metadata.tables[name]
    refs: dict[str, str] = {}
    fields: list[str] = []
    for column in table.columns:
        if column.name in BOOKKEEPING:
            continue
        fields.append(column.name)
        for fk in column.foreign_keys:
            if column.name != ORIGINAL:
                refs[column.name] = fk.column.table.name
    if name == "annotations":
        fields.append(CODES)
    if name == "memos":
        refs["target_uuid"] = "*"
    return Kind(name, tuple(fields), refs)


def kinds() -> list[Kind]:
    return [kind(name) for name in ORDER]


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _encoded(value: Any) -> bytes:
    # a type tag, so that 1, "1" and True differ; a whole float is its integer (drivers differ)
    if isinstance(value, str):
        return b"s" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, bool):
        return b"b1" if value else b"b0"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return b"i" + str(int(value)).encode()
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    return b"j" + json.dumps(_plain(value), ensure_ascii=False, sort_keys=True).encode("utf-8")


_NONE = hashlib.blake2b(b"n", digest_size=DIGEST_SIZE).digest()


def digest(value: Any) -> bytes:
    """A short digest of one field's value, the same on SQLite and PostgreSQL."""
    if value is None:
        return _NONE
    return hashlib.blake2b(_encoded(value), digest_size=DIGEST_SIZE).digest()


def field_digests(digests: bytes) -> list[bytes]:
    return [digests[i : i + DIGEST_SIZE] for i in range(0, len(digests), DIGEST_SIZE)]


def to_json(value: Any) -> str:
    """A value as kept in the merge history (and shown in a conflict)."""
    return json.dumps(_plain(value), ensure_ascii=False)
