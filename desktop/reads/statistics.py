"""Reads of statistics (claims): the list, conflicts between them, measures in use, exports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db import lookup, queries
from db.apart import read_apart
from db.archive import Archive
from db.claims_list import Choices, ClaimFilter, Listed, claim_choices, claim_count, list_claims
from db.conflict_groups import ConflictGroup, find_conflict_groups
from db.rows import StatisticRow
from desktop.reads.base import read

if TYPE_CHECKING:
    import pandas as pd

    from db.interchange.layouts import TableMapping


def statistics(archive: Archive, ids: Sequence[int] | None = None) -> list[StatisticRow]:
    """Every statistic (or those of ``ids``) with its names, title and quote, by period."""
    if ids is None:
        return read(archive, queries.list_statistics)
    return read(archive, queries.list_statistics, ids=list(ids))


def listed(archive: Archive, chosen: ClaimFilter, grouping: Sequence[str] = (), limit: int | None = None) -> Listed:
    """The statistics pane's ids for a filter, the number of claims in all, the totals (only the
    first ``limit`` ids, without totals, when given)."""
    return read(archive, list_claims, chosen, grouping, limit)


def choices(archive: Archive, keep: dict[str, str | None] | None = None) -> Choices:
    """What the statistics pane's filter bar offers."""
    return read(archive, claim_choices, keep)


#: from this many claims, the conflicts and estimates are worked out in a process of their own
#: (:mod:`db.apart`: their temporaries never stay in the window's memory); a fresh process
#: costs about a second of start-up, more than the whole work on a small archive
APART_CLAIMS = 20_000


def apart_location(archive: Archive) -> str | None:
    """Where a process of its own can open the archive for a big read, or None: a small one,
    an encrypted one (the key stays here), a server."""
    if archive.encrypted or "://" in archive.location:
        return None
    return archive.location if read(archive, claim_count) >= APART_CLAIMS else None


def conflicts(archive: Archive) -> list[ConflictGroup]:
    """Claims about the same thing that disagree, by id (the window reads the claims of those
    it shows when it shows them); on a large archive worked out in a process of its own."""
    return read_apart(apart_location(archive), find_conflict_groups, here=lambda: read(archive, find_conflict_groups))


def known_measures(archive: Archive) -> list[str]:
    """Measures already used, for the statistic form's choices."""
    return read(archive, lookup.known_measures)


def export_statistics(archive: Archive, path: Path, ids: Sequence[int] | None = None) -> int:
    """Write the statistics (those of ``ids``, in that order) to a CSV or XLSX file."""
    from db.interchange.exports import export_statistics as export

    return read(archive, export, path, ids)


def preview_reference_table(archive: Archive, path: Path) -> tuple[pd.DataFrame, TableMapping]:
    """The first rows of a reference table and the guessed mapping (TableError when unreadable)."""
    from db.interchange.layouts import guess_mapping
    from db.interchange.reference import read_table

    frame = read_table(path)
    places = [a.name for a in read(archive, queries.list_actors, kind="place")]
    return frame, guess_mapping(frame, path.name, places)


def reference_figures(archive: Archive, dataset: str) -> int:
    """How many figures of a reference dataset the archive holds already."""
    from db.interchange.reference import datasets

    return dict(read(archive, datasets)).get(dataset, 0)
