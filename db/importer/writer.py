"""Writing an import: one Session, a savepoint per unit of work, commits now and then; progress."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db.archive import Archive
from db.commands import NewSource, add_sources
from db.importer.results import Cancelled, ImportOptions, Report
from db.ingest.base import ParsedSource
from db.language import normalise_code
from db.language.detect import SAMPLE, detect_language


class Writer:
    """One session for a whole import, each unit of work (a file, a row) in its own savepoint.

    A unit that fails is rolled back alone and leaves nothing behind; completed units are
    committed every ``COMMIT_EVERY`` units or ``COMMIT_SECONDS``, and when the import ends or is
    cancelled, so fewer commits are paid for than one per source.
    """

    COMMIT_EVERY = 200
    COMMIT_SECONDS = 0.5

    def __init__(self, archive: Archive) -> None:
        self.session = archive.sessions()
        self.pending = 0
        self.since = time.monotonic()

    @contextmanager
    def unit(self) -> Iterator[Session]:
        with self.session.begin_nested():
            yield self.session
        self.pending += 1
        if self.pending >= self.COMMIT_EVERY or time.monotonic() - self.since > self.COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        self.session.commit()
        self.pending = 0
        self.since = time.monotonic()

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self.session.close()


@dataclass
class Progress:
    total: int
    report: Report | None
    cancelled: Cancelled | None
    done: int = 0

    def step(self, path: Path) -> None:
        if self.report is not None:
            self.report(self.done, self.total, str(path))
        self.done += 1

    def stopped(self) -> bool:
        return self.cancelled is not None and self.cancelled()


def source_language(parsed: ParsedSource) -> str | None:
    """The language the file declares (as an ISO 639-1 code), else the one its text is in."""
    declared = normalise_code(parsed.language)
    if declared is not None:
        return declared
    return detect_language(f"{parsed.title or ''}\n{parsed.text[:SAMPLE]}")


def new_source(parsed: ParsedSource, sha256: str, file_id: int, part: str | None, options: ImportOptions) -> NewSource:
    return NewSource(
        text=parsed.text,
        title=parsed.title or "",
        published=parsed.published,
        outlet=parsed.outlet,
        author=parsed.author,
        url=parsed.url,
        language=source_language(parsed),
        kind=parsed.kind,
        sha256=sha256,
        original_file_id=file_id,
        original_part=part,
        page_starts=parsed.page_starts,
        notes=parsed.notes,
        created_by=options.created_by,
    )


def store_sources(
    session: Session, rows: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions
) -> list[int]:
    return add_sources(session, [new_source(row, key, file_id, row.part, options) for row, key in rows])
