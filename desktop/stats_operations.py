"""Reads and file work for the statistics, conflicts, actor and suggestion views.

Each function opens its own Session and returns plain data, so it can run on a worker thread.
pandas (through :mod:`db.interchange`) loads only when a table is exported or imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db.archive import Archive
from db.conflicts import Conflict, find_conflicts
from db.queries import ActorRow, list_actors
from db.registry import ActorDetail, ActorState, DuplicateCandidate, actor_detail, actor_state
from db.registry import likely_duplicates as _likely_duplicates
from db.suggestions import SourceSuggestions, suggestions_for_source

if TYPE_CHECKING:
    import pandas as pd

    from db.interchange.layouts import TableMapping


def conflicts(archive: Archive) -> list[Conflict]:
    with archive.session() as session:
        return find_conflicts(session)


def actor(archive: Archive, actor_id: int) -> ActorDetail | None:
    with archive.session() as session:
        return actor_detail(session, actor_id)


def actor_record(archive: Archive, actor_id: int) -> ActorState:
    with archive.session() as session:
        return actor_state(session, actor_id)


def actors(archive: Archive) -> list[ActorRow]:
    with archive.session() as session:
        return list_actors(session)


def likely_duplicates(archive: Archive, threshold: float = 88.0) -> list[DuplicateCandidate]:
    with archive.session() as session:
        return _likely_duplicates(session, threshold)


def suggestions(archive: Archive, source_id: int) -> SourceSuggestions | None:
    with archive.session() as session:
        return suggestions_for_source(session, source_id)


def export_statistics(archive: Archive, path: Path, ids: Sequence[int] | None = None) -> int:
    from db.interchange.exports import export_statistics as export

    with archive.session() as session:
        return export(session, path, ids)


def export_actors(archive: Archive, path: Path) -> int:
    from db.interchange.exports import export_actors as export

    with archive.session() as session:
        return export(session, path)


def preview_table(archive: Archive, path: Path) -> tuple[pd.DataFrame, TableMapping]:
    """The first rows of a table and the guessed mapping (TableError when it cannot be read)."""
    from db.interchange.layouts import guess_mapping
    from db.interchange.reference import read_table

    frame = read_table(path)
    places = [a.name for a in actors(archive) if a.kind == "place"]
    return frame, guess_mapping(frame, path.name, places)


def dataset_exists(archive: Archive, dataset: str) -> int:
    from db.interchange.reference import datasets

    with archive.session() as session:
        return dict(datasets(session)).get(dataset, 0)
