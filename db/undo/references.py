"""Reference data: importing a table of figures, and taking the import back.

Taking it back removes the dataset's statistics and the places (and claimant) the import
created, if nothing else uses them (:func:`db.interchange.reference.undo_reference_import`), and
brings back the statistics an import with ``replace_existing`` replaced. Applying it again
restores the same rows; the file is not read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Actor, Statistic
from db.snapshots import capture
from db.undo.base import Change, Changes, Deleted

if TYPE_CHECKING:
    # pandas loads only when a table is imported (it costs ~0.4 s at start-up)
    from db.interchange.layouts import TableMapping
    from db.interchange.reference import ReferenceImport


def _dataset_rows(session: Session, dataset: str) -> list[tuple[str, int]]:
    ids = session.scalars(select(Statistic.id).where(Statistic.dataset == dataset))
    return [("statistics", i) for i in ids]


@dataclass(frozen=True)
class ReferenceImported(Change):
    """What an import stored, and the statistics of the same dataset it replaced."""

    summary: ReferenceImport
    #: the dataset's statistics before an import that replaced them (the import deleted them)
    replaced: Deleted | None = None

    def revert(self, session: Session) -> Changes:
        from db.interchange.reference import undo_reference_import

        summary = self.summary
        statistics = capture(session, _dataset_rows(session, summary.dataset))
        created = [*summary.places_created, *([summary.claimant_id] if summary.claimant_created else [])]
        actors = [capture(session, [("actors", a)]) for a in created]
        undo_reference_import(session, summary)
        # the places and claimant it created that were used by nothing else went with it
        gone = [
            Deleted(snapshot) for snapshot in actors
            if snapshot.roots and session.scalar(
                select(Actor.id).where(Actor.id == snapshot.roots[0][1])
            ) is None
        ]
        parts: list[Change] = [Deleted(statistics), *gone]
        if self.replaced is not None:
            parts.append(self.replaced.revert(session))
        return Changes(tuple(parts))


def import_reference(
    session: Session,
    path: Path,
    dataset: str,
    mapping: TableMapping | None = None,
    *,
    measure: str | None = None,
    replace_existing: bool = False,
) -> ReferenceImported:
    """Import a table as reference data (see :func:`db.interchange.reference.import_reference_table`)."""
    from db.interchange.reference import import_reference_table

    replaced = None
    if replace_existing:  # the import deletes them: keep what brings them back
        replaced = Deleted(capture(session, _dataset_rows(session, " ".join(dataset.split()))))
    summary = import_reference_table(
        session, path, dataset, mapping, measure=measure, replace_existing=replace_existing
    )
    return ReferenceImported(summary, replaced)


__all__ = ["ReferenceImported", "import_reference"]
