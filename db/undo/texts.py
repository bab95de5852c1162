"""Correcting a source's text (every annotation anchored again) and placing an orphan, undoably.

Both change anchors: the record of either is the text and the anchors as they were, put back
exactly on undo, and the ones undo replaced put back exactly on redo (no second re-anchoring).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.anchors import ReanchorReport, replace_source_text
from db.anchors import place_orphan as place_annotation
from db.commands import CommandError
from db.models import Annotation, Source
from db.queries import in_chunks
from db.undo.base import Change


@dataclass(frozen=True)
class Anchoring:
    """Where one annotation sits: its span, quote and context, and whether it is an orphan."""

    annotation_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    orphaned: bool


_COLUMNS = ("start", "end", "quote", "prefix", "suffix", "orphaned")


@dataclass(frozen=True)
class AnchorsChanged(Change):
    """A source's text (None: not changed) and some of its annotations' anchors before a change."""

    source_id: int
    text: str | None
    anchors: tuple[Anchoring, ...]
    #: what re-anchoring did when the text was replaced (carried along both ways)
    report: ReanchorReport | None = None

    def revert(self, session: Session) -> AnchorsChanged:
        now = _read(session, self.source_id, [a.annotation_id for a in self.anchors],
                    with_text=self.text is not None)
        if self.text is not None:
            source = session.get(Source, self.source_id)
            if source is None:
                raise CommandError(f"no source {self.source_id}")
            source.text = self.text
        rows = {a.id: a for a in _annotations(session, [a.annotation_id for a in self.anchors])}
        for anchoring in self.anchors:
            annotation = rows.get(anchoring.annotation_id)
            if annotation is None:
                continue
            for column in _COLUMNS:  # only what differs: unchanged rows keep their timestamps
                if getattr(annotation, column) != getattr(anchoring, column):
                    setattr(annotation, column, getattr(anchoring, column))
        session.flush()
        return replace(now, report=self.report)


def _annotations(session: Session, ids: Iterable[int]) -> list[Annotation]:
    found: list[Annotation] = []
    for chunk in in_chunks(list(ids)):
        found.extend(session.scalars(select(Annotation).where(Annotation.id.in_(chunk))))
    return found


def _read(session: Session, source_id: int, ids: Iterable[int], *, with_text: bool) -> AnchorsChanged:
    text = None
    if with_text:
        text = session.scalar(select(Source.text).where(Source.id == source_id))
        if text is None:
            raise CommandError(f"no source {source_id}")
    rows = sorted(_annotations(session, ids), key=lambda a: a.id)
    return AnchorsChanged(
        source_id,
        text,
        tuple(Anchoring(a.id, a.start, a.end, a.quote, a.prefix, a.suffix, a.orphaned) for a in rows),
    )


def replace_text(session: Session, source_id: int, text: str, *, shown: str | None = None) -> AnchorsChanged:
    """Correct a source's text; every annotation is anchored again (see :mod:`db.anchors`).
    With the text the editor ``shown``, refused when someone else changed it meanwhile."""
    ids = session.scalars(select(Annotation.id).where(Annotation.source_id == source_id))
    before = _read(session, source_id, list(ids), with_text=True)
    if shown is not None and before.text != shown:
        from db.models import Source
        from db.versions import changed_meanwhile, last_change

        raise changed_meanwhile(*last_change(session, Source, Source.id == source_id))
    return replace(before, report=replace_source_text(session, source_id, text))


def place_orphan(session: Session, annotation_id: int, start: int, end: int) -> AnchorsChanged:
    """The researcher places an annotation that re-anchoring could not place."""
    source_id = session.scalar(select(Annotation.source_id).where(Annotation.id == annotation_id))
    if source_id is None:
        raise CommandError(f"no annotation {annotation_id}")
    before = _read(session, source_id, [annotation_id], with_text=False)
    place_annotation(session, annotation_id, start, end)
    return before


__all__ = ["Anchoring", "AnchorsChanged", "place_orphan", "replace_text"]

