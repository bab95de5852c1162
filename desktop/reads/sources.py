"""Reads of sources: the ids a pane lists, pages of rows, one source in full, search, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from db import queries
from db.archive import Archive
from db.filters import SourceFilter
from db.rows import ArchiveCounts, SourceDetail, SourceRow
from db.search import SearchHit, search_sources
from desktop.reads.base import read


def source_ids(archive: Archive, where: SourceFilter) -> list[int]:
    """The ids the sources pane lists, filtered and ordered in SQL."""
    return read(archive, queries.source_ids, where)


def source_rows(archive: Archive, ids: Sequence[int]) -> list[SourceRow]:
    """One page of rows, in the order of ``ids``."""
    return read(archive, queries.source_rows, ids)


def source_detail(archive: Archive, source_id: int) -> SourceDetail | None:
    """One source with its text and annotations (None when it is gone)."""
    return read(archive, queries.source_detail, source_id)


def with_annotations_reread(archive: Archive, detail: SourceDetail) -> SourceDetail:
    """``detail`` with its annotations (codes, mentions) read again, the rest as it was: what an
    annotation's change needs, without reading the text and the statistics again."""
    return replace(detail, annotations=tuple(read(archive, queries.annotations_of, detail.row.id)))


def search(archive: Archive, where: SourceFilter, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
    """Ranked hits for ``where.search`` among the sources the rest of ``where`` keeps, best
    first, the matching words in snippets between ``marks`` (filter and search in one query)."""
    return read(archive, search_sources, where.search, where=where, limit=limit, marks=marks)


def counts(archive: Archive) -> ArchiveCounts:
    """How many sources, actors, statistics and annotations the archive holds."""
    return read(archive, queries.counts)


def sources_waiting_for_the_search_index(archive: Archive) -> int:
    """How many sources the stemmed search index has yet to take in (an upgraded archive)."""
    from db.search_index import pending_count

    return read(archive, pending_count)
