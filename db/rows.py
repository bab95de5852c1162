"""The rows Dossier hands out: plain frozen dataclasses, never ORM objects.

Reads (:mod:`db.queries`, :mod:`db.actors` …) return them; the window's panes, the command line
and the exports show them. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.dates import PartialDate, from_columns, iso_or_none


def partial(value: dt.date | None, precision: str | None) -> PartialDate | None:
    """A stored (first day, precision) pair as the date the researcher gave."""
    return from_columns(value, precision)


@dataclass(frozen=True)
class SourceRow:
    id: int
    uuid: str
    title: str
    published: PartialDate | None
    outlet: str | None
    outlet_id: int | None
    author: str | None
    url: str | None
    language: str | None
    kind: str
    sha256: str | None
    annotation_count: int = 0
    statistic_count: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "title": self.title,
            "published": iso_or_none(self.published),
            "outlet": self.outlet,
            "author": self.author,
            "url": self.url,
            "language": self.language,
            "kind": self.kind,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class AnnotationRow:
    id: int
    uuid: str
    source_id: int
    start: int
    end: int
    quote: str
    note: str | None
    codes: tuple[str, ...] = ()
    code_ids: tuple[int, ...] = ()
    colors: tuple[str, ...] = ()
    orphaned: bool = False
    #: set when the annotation is a mention of an actor
    mention_id: int | None = None
    actor_id: int | None = None
    actor: str | None = None
    #: set when the annotation is the span of a statistic
    statistic_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "codes": list(self.codes),
            "note": self.note,
        }

    def mention_json(self) -> dict[str, Any]:
        return {
            "id": self.mention_id,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)  # slots: a pane holds every claim of the archive
class StatisticRow:
    id: int
    uuid: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    measure: str
    unit: str | None
    subject: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    place: str | None
    place_id: int | None
    claimant: str | None
    claimant_id: int | None
    source_id: int | None
    source_title: str | None
    annotation_id: int | None
    start: int | None
    end: int | None
    quote: str | None
    confidence: float | None = None
    dataset: str | None = None
    notes: str | None = None
    #: the page of the source's original document (a PDF) the quote is on
    page: int | None = None
    #: the row's edit counter when it was read (an edit hands it back: "changed by X meanwhile");
    #: bookkeeping, not content: two readings of the same claim compare equal whatever it is
    version: int | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approximate": self.approximate,
            "measure": self.measure,
            "unit": self.unit,
            "subject": self.subject,
            "period_start": iso_or_none(self.period_start),
            "period_end": iso_or_none(self.period_end),
            "place": self.place,
            "claimant": self.claimant,
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


def page_of(page_starts: Sequence[int], position: int) -> int | None:
    """The page (from 1) of the original document a code-point offset is on; None when the
    source has no pages (only PDFs have them)."""
    if len(page_starts) < 2:
        return None
    return max(1, bisect_right(page_starts, position))


def shared(rows: Iterable[StatisticRow],
           known: Iterable[StatisticRow] | Mapping[int, StatisticRow]) -> list[StatisticRow]:
    """``rows``, each one read the same as one of ``known`` (content and edit counter) replaced by
    that object: a list read again, or a second list of the same claims, then holds no copies."""
    by_id = known_by_id(known)
    return [same_or_new(row, by_id) for row in rows]


def known_by_id(known: Iterable[StatisticRow] | Mapping[int, StatisticRow]) -> Mapping[int, StatisticRow]:
    return known if isinstance(known, Mapping) else {row.id: row for row in known}


def same_or_new(row: StatisticRow, known: Mapping[int, StatisticRow]) -> StatisticRow:
    """The claim of ``known`` read the same as ``row`` (content and edit counter), else ``row``."""
    old = known.get(row.id)
    return old if old is not None and old == row and old.version == row.version else row


@dataclass(frozen=True)
class SourceDetail:
    row: SourceRow
    text: str
    reliability: str | None
    credibility: int | None
    notes: str | None
    page_starts: tuple[int, ...]
    original_file_name: str | None
    annotations: tuple[AnnotationRow, ...] = ()
    statistics: tuple[StatisticRow, ...] = ()

    @property
    def mentions(self) -> tuple[AnnotationRow, ...]:
        return tuple(a for a in self.annotations if a.mention_id is not None)

    @property
    def coded(self) -> tuple[AnnotationRow, ...]:
        """Annotations that are neither mentions nor statistic spans (or carry codes/notes)."""
        return tuple(
            a
            for a in self.annotations
            if (a.mention_id is None and a.statistic_id is None) or a.codes or a.note
        )

    def to_json(self) -> dict[str, Any]:
        data = self.row.to_json()
        data["text"] = self.text
        data["annotations"] = [a.to_json() for a in self.coded]
        data["mentions"] = [a.mention_json() for a in self.mentions]
        data["statistics"] = [s.to_json() for s in self.statistics]
        return data


@dataclass(frozen=True)
class ActorRow:
    id: int
    uuid: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    mention_count: int = 0
    source_count: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class CodeRow:
    id: int
    uuid: str
    parent_id: int | None
    name: str
    color: str
    description: str | None
    count: int = 0


@dataclass(frozen=True)
class ArchiveCounts:
    sources: int
    actors: int
    statistics: int
    annotations: int
