"""Reads of sources: the ids a pane lists, pages of rows, one source in full, search, counts."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from db import queries
from db.archive import Archive
from db.filters import SourceFilter
from db.rows import ArchiveCounts, SourceDetail, SourceRow
from db.search import SearchHit, hit_snippets, ranked_ids, search_sources
from desktop.reads.base import read


def source_ids(archive: Archive, where: SourceFilter) -> list[int]:
    """The ids the sources pane lists, filtered and ordered in SQL."""
    return read(archive, queries.source_ids, where)


def source_id_array(archive: Archive, where: SourceFilter, limit: int | None = None) -> array[int]:
    """:func:`source_ids` packed, as a lazy list keeps them (a million in 8 MB); the first
    ``limit`` only, when given."""
    return read(archive, queries.source_id_array, where, limit)


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


def listed_hits(archive: Archive, where: SourceFilter, limit: int, ranked: bool, first: int,
                marks: tuple[str, str]) -> tuple[list[int], dict[int, str]]:
    """The ids of the best ``limit`` hits for ``where.search`` as the sources pane lists them
    (best first, or ``ranked`` False: in the filter's order), with the snippets of the first
    ``first`` (the others' by :func:`snippets`, as their rows are shown). One read."""
    return read(archive, _listed_hits, where, limit, ranked, first, marks)


def _listed_hits(session: Session, where: SourceFilter, limit: int, ranked: bool, first: int,
                 marks: tuple[str, str]) -> tuple[list[int], dict[int, str]]:
    hits = ranked_ids(session, where.search, where=where, limit=limit)
    if not ranked:  # sorted by a column: the SQL order, restricted to the ranked hits
        kept = set(hits)
        hits = [i for i in queries.source_ids(session, where) if i in kept]
    return hits, hit_snippets(session, where.search, hits[:first], marks)


def snippets(archive: Archive, query: str, ids: Sequence[int], marks: tuple[str, str]) -> dict[int, str]:
    """The snippets of the hits ``ids`` of ``query``, the matching words between ``marks``."""
    return read(archive, hit_snippets, query, ids, marks)


def counts(archive: Archive) -> ArchiveCounts:
    """How many sources, actors, statistics and annotations the archive holds."""
    return read(archive, queries.counts)


def search_index_complete(archive: Archive) -> bool:
    """Whether the stemmed search index has taken in every source (not yet: an upgraded archive)."""
    from db.search_index import stem_index_ready

    return read(archive, stem_index_ready)
