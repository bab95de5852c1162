"""An archive's rows by UUID, without local ids or timestamps: what a round trip must keep."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from db.archive import Archive
from db.models import (
    Actor,
    Alias,
    Annotation,
    Code,
    Memo,
    Mention,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)

#: local bookkeeping: ids, times, the edit counter and who last edited (issue 16)
_SKIP = {"id", "created_at", "modified_at", "original_file_id", "version", "modified_by"}


def _row(obj: Any, uuids: dict[str, dict[int, str]], refs: dict[str, str]) -> dict[str, Any]:
    data = {}
    for column in obj.__table__.columns:
        if column.key in _SKIP:
            continue
        value = getattr(obj, column.key)
        if column.key in refs:
            value = uuids[refs[column.key]].get(value) if value is not None else None
        data[column.key] = value
    return data


def dump(archive: Archive) -> dict[str, Any]:
    with archive.session() as s:
        uuids = {
            "actor": dict(s.execute(select(Actor.id, Actor.uuid)).all()),
            "source": dict(s.execute(select(Source.id, Source.uuid)).all()),
            "code": dict(s.execute(select(Code.id, Code.uuid)).all()),
            "annotation": dict(s.execute(select(Annotation.id, Annotation.uuid)).all()),
        }
        codes_of: dict[int, list[str]] = {}
        for annotation_id, code_id in s.execute(select(annotation_codes)):
            codes_of.setdefault(annotation_id, []).append(uuids["code"][code_id])
        out: dict[str, Any] = {
            "sources": sorted((_row(r, uuids, {"outlet_id": "actor"}) for r in s.scalars(select(Source))), key=lambda r: r["uuid"]),
            "codes": sorted((_row(r, uuids, {"parent_id": "code"}) for r in s.scalars(select(Code))), key=lambda r: r["uuid"]),
            "actors": sorted((_row(r, uuids, {}) for r in s.scalars(select(Actor))), key=lambda r: r["uuid"]),
            "aliases": sorted((_row(r, uuids, {"actor_id": "actor"}) | {"uuid": None} for r in s.scalars(select(Alias))),
                              key=lambda r: (r["actor_id"], r["name"])),
            "annotations": sorted(
                (_row(r, uuids, {"source_id": "source"}) | {"codes": sorted(codes_of.get(r.id, []))}
                 for r in s.scalars(select(Annotation))), key=lambda r: r["uuid"]),
            "mentions": sorted((_row(r, uuids, {"annotation_id": "annotation", "actor_id": "actor"}) for r in s.scalars(select(Mention))), key=lambda r: r["uuid"]),
            "relations": sorted((_row(r, uuids, {"subject_id": "actor", "object_id": "actor", "evidence_annotation_id": "annotation"})
                                 for r in s.scalars(select(Relation))), key=lambda r: r["uuid"]),
            "statistics": sorted((_row(r, uuids, {"place_id": "actor", "claimant_id": "actor", "source_id": "source", "annotation_id": "annotation"})
                                  for r in s.scalars(select(Statistic))), key=lambda r: r["uuid"]),
            "memos": sorted((_row(r, uuids, {}) for r in s.scalars(select(Memo))), key=lambda r: r["uuid"]),
        }
    return out


def counts(archive: Archive) -> dict[str, int]:
    return {kind: len(rows) for kind, rows in dump(archive).items()}
