"""The stemmed search index of an archive upgraded from before it existed, built before a command
runs, with progress on a terminal (once; an archive whose index is complete costs one query)."""

from __future__ import annotations

from db.archive import Archive
from db.cli.output import Progress, problem


def build_pending_index(archive: Archive) -> None:
    """Stem every source still waiting for the stemmed index (none on PostgreSQL)."""
    from db.search_index import build_stem_index, pending_count

    with archive.session() as session:
        pending = pending_count(session)
    if not pending:
        return
    progress = Progress()
    if progress.active:
        problem(f"{archive.location}: building the search index of {pending} sources (once)")
    try:
        build_stem_index(archive.sessions, progress)
    finally:
        progress.close()
