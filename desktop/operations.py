"""Small functions the views call: each opens one Session, calls ``db`` and returns plain data.

Views never touch the ORM; models and panes call these instead. They are safe to call from a
worker thread (each call has its own Session and returns frozen dataclasses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from db import queries
from db.archive import Archive
from db.importer import ImportOptions, ImportResult, import_paths
from db.queries import (
    ActorRow,
    ArchiveCounts,
    CodeRow,
    SourceDetail,
    SourceFilter,
    SourceRow,
    StatisticRow,
)
from db.search import SearchHit, search_sources

#: marks around the matching words in search snippets (the sources pane draws them in bold)
SNIPPET_MARKS = ("\x02", "\x03")


def source_ids(archive: Archive, where: SourceFilter) -> list[int]:
    with archive.session() as session:
        return queries.source_ids(session, where)


def source_rows(archive: Archive, ids: Sequence[int]) -> list[SourceRow]:
    with archive.session() as session:
        return queries.source_rows(session, ids)


def source_detail(archive: Archive, source_id: int) -> SourceDetail | None:
    with archive.session() as session:
        return queries.source_detail(session, source_id)


def search(archive: Archive, query: str, limit: int = 500) -> list[SearchHit]:
    """Ranked search hits, best first, snippets marked with :data:`SNIPPET_MARKS`."""
    with archive.session() as session:
        return search_sources(session, query, limit=limit, marks=SNIPPET_MARKS)


def ranked_source_ids(archive: Archive, where: SourceFilter, limit: int = 500) -> list[SearchHit]:
    """Search hits for ``where.search``, best first, kept only if they pass the other filters."""
    hits = search(archive, where.search, limit)
    others = SourceFilter(text=where.text, actor_id=where.actor_id, kind=where.kind, extra=where.extra)
    if others == SourceFilter(extra=where.extra) and not where.extra:
        return hits
    with archive.session() as session:
        allowed = set(queries.source_ids(session, others))
    return [h for h in hits if h.source_id in allowed]


def statistics(archive: Archive, **filters: object) -> list[StatisticRow]:
    with archive.session() as session:
        return queries.list_statistics(session, **filters)  # type: ignore[arg-type]


def actors(archive: Archive) -> list[ActorRow]:
    with archive.session() as session:
        return queries.list_actors(session)


def codes(archive: Archive) -> list[CodeRow]:
    with archive.session() as session:
        return queries.list_codes(session)


def counts(archive: Archive) -> ArchiveCounts:
    with archive.session() as session:
        return queries.counts(session)


def import_file_filter() -> str:
    """The file dialog's filter: every type a reader exists for, then all files."""
    from db.ingest.formats import READERS

    patterns = " ".join(f"*{suffix}" for reader in READERS for suffix in reader.EXTENSIONS)
    return f"Documents ({patterns});;All files (*)"


def is_table(path: Path) -> bool:
    """A table of articles (one source per row), whose columns the researcher can map."""
    from db.ingest import table

    return path.is_file() and path.suffix.lower() in table.EXTENSIONS


def table_columns(path: Path) -> list[str]:
    """The header of a table of articles, as the import will read it (IngestError when it
    cannot be read)."""
    from db.ingest.tablefile import read_header

    return read_header(path)


def guess_table_mapping(columns: list[str]) -> object:
    """The importer's own guess of which column is what (a TableOptions)."""
    from db.ingest.table import guess_mapping

    return guess_mapping(columns)


def import_files(
    archive: Archive,
    paths: Iterable[Path],
    options: ImportOptions | None = None,
    *,
    report: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import files and folders (run it on the writer thread)."""
    return import_paths(archive, list(paths), options, report=report, cancelled=cancelled)
