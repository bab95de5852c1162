"""Writes. Each takes the Session of the caller's unit of work (``with archive.session() as s``),
changes what it says, and returns the ids of what it created. Nothing here commits: one unit of
work is one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import Table, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from db.base import new_uuid
from db.dates import PartialDate, to_columns
from db.models import (
    Actor,
    Alias,
    Annotation,
    Memo,
    Mention,
    OriginalFile,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)
from db.queries import in_chunks
from db.text import fold
from db.vocabulary import ActorKind

T = TypeVar("T")

#: how much context is kept either side of an annotation's quote to find it again
CONTEXT_CHARS = 32


class CommandError(ValueError):
    """A write was refused; the message says why."""


def sha256_of(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# --- files and sources -----------------------------------------------------------------------


@dataclass(frozen=True)
class OriginalData:
    """An imported file's bytes and what to store with them."""

    data: bytes
    file_name: str
    media_type: str
    #: the bytes' sha256 when the caller has it already
    sha256: str | None = None


def store_originals(session: Session, files: Sequence[OriginalData]) -> list[int]:
    """Keep imported files' bytes, each file once by its sha256 however many sources come from
    it (and however often it is imported); their ids in order."""
    digests = [f.sha256 or sha256_of(f.data) for f in files]
    ids = _original_ids(session, digests)
    fresh: dict[str, OriginalData] = {}
    for digest, original in zip(digests, files, strict=True):
        if digest not in ids:
            fresh.setdefault(digest, original)
    if fresh:
        # One executemany: SQLite would run an INSERT .. RETURNING once per row.
        session.connection().execute(
            insert(cast(Table, OriginalFile.__table__)),
            [
                {"sha256": digest, "file_name": f.file_name, "media_type": f.media_type,
                 "size": len(f.data), "data": f.data}
                for digest, f in fresh.items()
            ],
        )
        ids.update(_original_ids(session, list(fresh)))
    return [ids[digest] for digest in digests]


def _original_ids(session: Session, digests: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in in_chunks(sorted(set(digests))):
        query = select(OriginalFile.sha256, OriginalFile.id).where(OriginalFile.sha256.in_(chunk))
        found.update((digest, file_id) for digest, file_id in session.execute(query))
    return found


@dataclass
class NewSource:
    text: str
    title: str = ""
    published: PartialDate | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str = "article"
    sha256: str | None = None
    original_file_id: int | None = None
    original_part: str | None = None
    page_starts: Sequence[int] = ()
    reliability: str | None = None
    credibility: int | None = None
    notes: str | None = None
    created_by: str | None = None
    #: the row's UUID when it comes from elsewhere (a REFI-QDA project's GUID); new otherwise
    uuid: str | None = None


def add_source(session: Session, new: NewSource) -> int:
    return add_sources(session, [new])[0]


def add_sources(session: Session, batch: Sequence[NewSource], *, outlets: dict[str, int] | None = None) -> list[int]:
    """Insert sources in one statement (a table of articles arrives in chunks); their ids in order.

    ``outlets`` (outlet name -> actor id) carries what was looked up from one chunk to the next;
    the caller empties it when a chunk is rolled back."""
    if not batch:
        return []
    outlets = {} if outlets is None else outlets
    for new in batch:
        if new.outlet and new.outlet not in outlets:
            outlets[new.outlet] = find_or_add_actor(session, new.outlet, ActorKind.MEDIA_OUTLET)
    uuids = [new.uuid or new_uuid() for new in batch]
    rows = []
    for new, uuid in zip(batch, uuids, strict=True):
        published, precision = to_columns(new.published)
        rows.append(
            {
                "uuid": uuid,
                "title": new.title or "",
                "published": published,
                "published_precision": precision,
                "outlet_id": outlets[new.outlet] if new.outlet else None,
                "author": new.author,
                "url": new.url,
                "language": new.language,
                "kind": new.kind,
                "text": new.text,
                "sha256": new.sha256 or sha256_of(new.text),
                "original_file_id": new.original_file_id,
                "original_part": new.original_part,
                "page_starts": list(new.page_starts) or None,
                "reliability": new.reliability,
                "credibility": new.credibility,
                "notes": new.notes,
                "created_by": new.created_by or session.info.get("author"),
                "modified_by": new.created_by or session.info.get("author"),
            }
        )
    table = cast(Table, Source.__table__)
    if len(rows) == 1:
        return [int(session.connection().execute(insert(table).returning(table.c.id), rows[0]).scalar_one())]
    # A Core executemany: several times faster than the ORM unit of work, and than INSERT ..
    # RETURNING, which SQLite runs once per row when the ids must come back in order. The new
    # rows' ids are then read back by their uuids (unique and indexed).
    session.connection().execute(insert(table), rows)
    by_uuid: dict[str, int] = {}
    for chunk in in_chunks(uuids):
        query = select(Source.uuid, Source.id).where(Source.uuid.in_(chunk))
        by_uuid.update((uuid, source_id) for uuid, source_id in session.execute(query))
    return [by_uuid[uuid] for uuid in uuids]


def update_source(session: Session, source_id: int, **fields: object) -> None:
    """Change a source's metadata; ``published`` takes a PartialDate, ``outlet`` a name."""
    source = get_row(session, Source, source_id)
    if "published" in fields:
        value = fields.pop("published")
        assert value is None or isinstance(value, PartialDate)
        source.published, source.published_precision = to_columns(value)
    if "outlet" in fields:
        name = fields.pop("outlet")
        source.outlet_id = (
            find_or_add_actor(session, str(name), ActorKind.MEDIA_OUTLET) if name else None
        )
    for key, value in fields.items():
        if key not in {"title", "author", "url", "language", "kind", "reliability", "credibility", "notes"}:
            raise CommandError(f"a source has no field {key!r}")
        setattr(source, key, value)
    session.flush()


def delete_source(session: Session, source_id: int) -> None:
    """Delete a source with what is on it, and its original file when no other source comes from
    it (a researcher deleting a source means its text to go, the file it came from with it)."""
    file_id = session.scalar(select(Source.original_file_id).where(Source.id == source_id))
    _purge_search_index_on_delete(session)
    session.execute(delete(Source).where(Source.id == source_id))
    if file_id is not None and not session.scalar(
        select(func.count()).select_from(Source).where(Source.original_file_id == file_id)
    ):
        session.execute(delete(OriginalFile).where(OriginalFile.id == file_id))


def _purge_search_index_on_delete(session: Session) -> None:
    """Where SQLite can (FTS5 'secure-delete', SQLite 3.42+), a deleted source's words are taken
    out of the search index itself, not only marked deleted there."""
    import sqlite3

    if session.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 42, 0):
        session.execute(text("INSERT INTO source_fts(source_fts, rank) VALUES ('secure-delete', 1)"))


# --- actors ----------------------------------------------------------------------------------


def find_actor(session: Session, name: str) -> int | None:
    """The actor known by ``name`` or an alias of it (case- and accent-insensitive)."""
    key = fold(name)
    if not key:
        return None
    for actor_id, actor_name in session.execute(
        select(Actor.id, Actor.name).where(func.lower(Actor.name) == name.strip().lower())
    ):
        if fold(actor_name) == key:
            return int(actor_id)
    for actor_id, actor_name in session.execute(select(Actor.id, Actor.name)):
        if fold(actor_name) == key:
            return int(actor_id)
    for actor_id, alias in session.execute(select(Alias.actor_id, Alias.name)):
        if fold(alias) == key:
            return int(actor_id)
    return None


def add_actor(
    session: Session,
    name: str,
    kind: ActorKind | str = ActorKind.OTHER,
    *,
    aliases: Iterable[str | tuple[str, str | None]] = (),
    description: str | None = None,
) -> int:
    name = " ".join(name.split())
    if not name:
        raise CommandError("an actor needs a name")
    actor = Actor(name=name, kind=ActorKind(kind).value, description=description)
    session.add(actor)
    session.flush()
    for alias in aliases:
        alias_name, language = (alias, None) if isinstance(alias, str) else alias
        add_alias(session, actor.id, alias_name, language)
    return actor.id


def find_or_add_actor(session: Session, name: str, kind: ActorKind | str = ActorKind.OTHER) -> int:
    existing = find_actor(session, name)
    return existing if existing is not None else add_actor(session, name, kind)


def add_alias(session: Session, actor_id: int, name: str, language: str | None = None) -> int | None:
    """Add another name of an actor; None when the actor already has that name."""
    name = " ".join(name.split())
    actor = get_row(session, Actor, actor_id)
    if fold(name) == fold(actor.name) or any(fold(a.name) == fold(name) for a in actor.aliases):
        return None
    alias = Alias(actor_id=actor_id, name=name, language=language)
    session.add(alias)
    session.flush()
    return alias.id


def update_actor(session: Session, actor_id: int, **fields: object) -> None:
    actor = get_row(session, Actor, actor_id)
    for key, value in fields.items():
        if key == "kind":
            value = ActorKind(str(value)).value
        elif key not in {"name", "description", "notes"}:
            raise CommandError(f"an actor has no field {key!r}")
        setattr(actor, key, value)
    session.flush()


def delete_actor(session: Session, actor_id: int) -> None:
    # Clear outlet links first: the search index trigger reads the outlet's name as it goes.
    session.execute(update(Source).where(Source.outlet_id == actor_id).values(outlet_id=None))
    session.execute(delete(Actor).where(Actor.id == actor_id))


def add_relation(
    session: Session,
    subject_id: int,
    predicate: str,
    object_id: int,
    *,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    evidence_annotation_id: int | None = None,
) -> int:
    """Record that one actor stands in a relation to another ("member of", "leader of" ...)."""
    if subject_id == object_id:
        raise CommandError("an actor cannot be in a relation with itself")
    start_date, start_precision = to_columns(start)
    end_date, end_precision = to_columns(end)
    relation = Relation(
        subject_id=subject_id,
        predicate=predicate.strip(),
        object_id=object_id,
        start=start_date,
        start_precision=start_precision,
        end=end_date,
        end_precision=end_precision,
        evidence_annotation_id=evidence_annotation_id,
    )
    session.add(relation)
    session.flush()
    return relation.id


# --- codes and annotations -------------------------------------------------------------------


def anchor_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote at a span and the context either side used to find it again."""
    if not 0 <= start <= end <= len(text):
        raise CommandError(f"span {start}-{end} is outside the text (length {len(text)})")
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def add_annotation(
    session: Session,
    source_id: int,
    start: int,
    end: int,
    *,
    code_ids: Iterable[int] = (),
    note: str | None = None,
) -> int:
    source_text = session.scalar(select(Source.text).where(Source.id == source_id))
    if source_text is None:
        raise CommandError(f"no source {source_id}")
    quote, prefix, suffix = anchor_context(source_text, start, end)
    annotation = Annotation(
        source_id=source_id, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix, note=note
    )
    session.add(annotation)
    session.flush()
    set_annotation_codes(session, annotation.id, code_ids)
    return annotation.id


def set_annotation_codes(session: Session, annotation_id: int, code_ids: Iterable[int]) -> None:
    session.execute(delete(annotation_codes).where(annotation_codes.c.annotation_id == annotation_id))
    rows = [{"annotation_id": annotation_id, "code_id": c} for c in dict.fromkeys(code_ids)]
    if rows:
        session.execute(annotation_codes.insert(), rows)


def update_annotation(session: Session, annotation_id: int, *, note: str | None) -> None:
    get_row(session, Annotation, annotation_id).note = note
    session.flush()


def delete_annotation(session: Session, annotation_id: int) -> None:
    session.execute(delete(Annotation).where(Annotation.id == annotation_id))


def add_mention(session: Session, source_id: int, start: int, end: int, actor_id: int) -> int:
    """Mark a span as naming an actor; returns the mention's id."""
    get_row(session, Actor, actor_id)
    annotation_id = add_annotation(session, source_id, start, end)
    mention = Mention(annotation_id=annotation_id, actor_id=actor_id)
    session.add(mention)
    session.flush()
    return mention.id


def delete_mention(session: Session, mention_id: int) -> None:
    annotation_id = session.scalar(select(Mention.annotation_id).where(Mention.id == mention_id))
    if annotation_id is not None:
        delete_annotation(session, annotation_id)


# --- statistics ------------------------------------------------------------------------------


@dataclass
class NewStatistic:
    value: float | None
    measure: str
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    subject: str | None = None
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None
    place: str | None = None
    claimant: str | None = None
    source_id: int | None = None
    #: the span of the claim in the source's text (code points)
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    dataset: str | None = None
    notes: str | None = None


def add_statistic(session: Session, new: NewStatistic) -> int:
    if new.value is None and new.low is None and new.high is None:
        raise CommandError("a statistic needs a value, or a low or high bound")
    annotation_id = None
    if new.source_id is not None and new.start is not None and new.end is not None:
        annotation_id = add_annotation(session, new.source_id, new.start, new.end)
    period_start, start_precision = to_columns(new.period_start)
    period_end, end_precision = to_columns(new.period_end or new.period_start)
    statistic = Statistic(
        value=new.value,
        low=new.low,
        high=new.high,
        approximate=new.approximate,
        measure=new.measure.strip(),
        unit=new.unit,
        subject=new.subject,
        period_start=period_start,
        period_start_precision=start_precision,
        period_end=period_end,
        period_end_precision=end_precision,
        place_id=find_or_add_actor(session, new.place, ActorKind.PLACE) if new.place else None,
        claimant_id=(
            find_or_add_actor(session, new.claimant, ActorKind.ORGANISATION) if new.claimant else None
        ),
        source_id=new.source_id,
        annotation_id=annotation_id,
        confidence=new.confidence,
        dataset=new.dataset,
        notes=new.notes,
    )
    session.add(statistic)
    session.flush()
    return statistic.id


def delete_statistic(session: Session, statistic_id: int) -> None:
    annotation_id = session.scalar(select(Statistic.annotation_id).where(Statistic.id == statistic_id))
    session.execute(delete(Statistic).where(Statistic.id == statistic_id))
    if annotation_id is not None:
        delete_annotation(session, annotation_id)


# --- memos -----------------------------------------------------------------------------------


def set_memo(session: Session, target_kind: str, target_uuid: str, text: str) -> int:
    memo = session.scalar(
        select(Memo).where(Memo.target_kind == target_kind, Memo.target_uuid == target_uuid)
    )
    if memo is None:
        memo = Memo(target_kind=target_kind, target_uuid=target_uuid, text=text)
        session.add(memo)
    else:
        memo.text = text
    session.flush()
    return memo.id


def get_row(session: Session, model: type[T], row_id: int) -> T:
    row = session.get(model, row_id)
    if row is None:
        raise CommandError(f"no {model.__name__.lower()} {row_id}")
    return row
