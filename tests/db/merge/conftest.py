"""What the merge tests share: two researchers' archives from one ancestor, and an archive's content
as a researcher sees it (rows by what they say, not by their ids or UUIDs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from db import archive as archive_module
from db.archive import Archive
from db.merge.sending import send_copy
from db.models import (
    Actor,
    Annotation,
    Code,
    Memo,
    Mention,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)


def content(archive: Archive) -> dict[str, list[Any]]:
    """Every researcher's row, described by content, each kind sorted: equal for equal archives."""
    with archive.session() as s:
        actor = dict(s.execute(select(Actor.id, Actor.name)).all())
        codes = {i: (n, p) for i, n, p in s.execute(select(Code.id, Code.name, Code.parent_id))}

        def path(code_id: int | None) -> str:
            parts = []
            while code_id is not None:
                name, code_id = codes[code_id]
                parts.append(name)
            return "/".join(reversed(parts))

        sources = {r.id: r for r in s.scalars(select(Source))}
        source_key = {i: (r.sha256, r.title) for i, r in sources.items()}
        codes_of: dict[int, list[str]] = {}
        for a, c in s.execute(select(annotation_codes)):
            codes_of.setdefault(a, []).append(path(c))
        annotations = {r.id: r for r in s.scalars(select(Annotation))}
        span = {i: (source_key[r.source_id], r.start, r.end, r.quote) for i, r in annotations.items()}
        uuid_of = {r.uuid: ("source", source_key[r.id]) for r in sources.values()}
        uuid_of.update({u: ("actor", n) for u, n in s.execute(select(Actor.uuid, Actor.name))})
        return {
            "sources": sorted((r.sha256 or "", r.title, r.text, r.author or "", r.url or "", r.kind,
                               actor.get(r.outlet_id or 0, "")) for r in sources.values()),
            "actors": sorted((r.name, r.kind, r.description or "", r.notes or "",
                              tuple(sorted(a.name for a in r.aliases))) for r in s.scalars(select(Actor))),
            "codes": sorted((path(i), r.color, r.description or "") for i, r in
                            ((r.id, r) for r in s.scalars(select(Code)))),
            "annotations": sorted((*span[i], r.note or "", r.orphaned, tuple(sorted(codes_of.get(i, []))))
                                  for i, r in annotations.items()),
            "mentions": sorted((span[r.annotation_id], actor[r.actor_id]) for r in s.scalars(select(Mention))),
            "relations": sorted((actor[r.subject_id], r.predicate, actor[r.object_id]) for r in s.scalars(select(Relation))),
            "statistics": sorted((r.value, r.low, r.high, r.approximate, r.measure, r.subject or "",
                                  actor.get(r.place_id or 0, ""), actor.get(r.claimant_id or 0, ""),
                                  span.get(r.annotation_id or 0, ())) for r in s.scalars(select(Statistic))),
            "memos": sorted((r.target_kind, uuid_of.get(r.target_uuid, ("?", r.target_uuid)), r.text)
                            for r in s.scalars(select(Memo))),
        }


def check_integrity(archive: Archive) -> None:
    """No reference to a row that is gone, and every placed span quotes its text."""
    with archive.engine.connect() as connection:
        if archive.dialect == "sqlite":
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        rows = connection.execute(
            select(Source.text, Annotation.start, Annotation.end, Annotation.quote)
            .join(Annotation, Annotation.source_id == Source.id).where(Annotation.orphaned.is_(False))
        ).all()
    bad = [(start, end, quote) for body, start, end, quote in rows if body[start:end] != quote]
    assert bad == []


@pytest.fixture
def pair(tmp_path: Path, archive: Archive) -> Iterator[tuple[Archive, Archive]]:
    """Ours (the ``archive`` fixture) and a colleague's copy sent from it (empty yet)."""
    send_copy(archive, tmp_path / "colleague.sqlite")
    theirs = archive_module.open(tmp_path / "colleague.sqlite")
    yield archive, theirs
    theirs.close()


@pytest.fixture(scope="session")
def empty_template(_empty_archive_file: Path) -> Path:
    """The migrated empty archive the tests copy (for hypothesis, which makes its own folders)."""
    return _empty_archive_file
