"""Writing an import: the write lock taken up front, a savepoint per unit of work, a commit per
batch; a busy archive waited for, a full disk said once; progress."""

from __future__ import annotations

import errno
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db import long_values
from db.archive import Archive
from db.commands import NewSource, add_sources
from db.importer.results import Cancelled, ImportOptions, Report
from db.ingest.base import ParsedSource
from db.language import normalise_code
from db.language.detect import SAMPLE, detect_languages

T = TypeVar("T")

#: how long a unit waits in all for another program's write lock before the import stops
#: (SQLite's busy timeout waits 5 s of it at each try)
LOCK_PATIENCE = 30.0


class ImportStopped(Exception):
    """Nothing more can be written (a full disk, an archive locked for too long): the files not
    yet saved fail with this message and the import ends; what was committed stays."""

    def __init__(self, message: str, *, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


def is_disk_full(error: BaseException | None) -> bool:
    """Whether ``error`` or what led to it is a full disk (SQLite then rolls the whole
    transaction back itself, so what SQLAlchemy says next is "no such savepoint")."""
    seen = 0
    while error is not None and seen < 10:
        text = str(error).lower()
        if "disk is full" in text or "no space left" in text or getattr(error, "errno", None) == errno.ENOSPC:
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _is_busy(error: OperationalError) -> bool:
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text


#: what a file's name is followed by in progress while its scanned pages are read
OCR_PAGE = " — OCR page "

DISK_FULL = "disk full: not saved (free some space and import it again)"


class Writer:
    """One writing Session for a whole import: each unit of work (a file, a row) in its own
    savepoint of a transaction that took the write lock when it began (BEGIN IMMEDIATE), and a
    commit at the end of every batch, so what an import says it saved is saved.

    A unit that fails is rolled back alone and leaves nothing behind. When another program holds
    the write lock, the unit waits for it (``LOCK_PATIENCE``); reads for duplicates run in a
    short transaction of their own and never hold the lock while files are being read.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.session = archive.writer()
        #: units written since the last commit
        self.pending = 0
        #: long texts were staged (db.long_values): the scratch space is dropped at the end
        self.scratch_used = False

    def lookup(self, read: Callable[[Session], T]) -> T:
        """A read (duplicates) that sees everything saved so far, holding no lock."""
        if self.pending:
            self.commit()
        with self.archive.session() as session:
            return read(session)

    def write(self, store: Callable[[Session], T]) -> T:
        """Run ``store`` as one unit: in a savepoint, rolled back alone if it raises."""
        deadline = time.monotonic() + LOCK_PATIENCE
        pause = 0.05
        while True:
            try:
                with self.session.begin_nested():
                    result = store(self.session)
                break
            except OperationalError as error:
                if is_disk_full(error):
                    self.rollback()
                    raise ImportStopped(DISK_FULL, disk_full=True) from error
                if not _is_busy(error) or self.pending:
                    raise
                self.rollback()
                if time.monotonic() + pause > deadline:
                    raise ImportStopped(
                        f"the archive is locked by another program (waited {LOCK_PATIENCE:.0f} s); "
                        "not saved: import it again"
                    ) from error
                time.sleep(pause)  # the lock is another program's: give it a moment more
                pause = min(pause * 2, 1.0)
        self.pending += 1
        return result

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """A block that is one unit of work and needs no retry (a whole project file): in a
        savepoint, rolled back alone if it raises, committed when it ends (ImportStopped when the
        disk is full)."""
        try:
            with self.session.begin_nested():
                yield self.session
        except OperationalError as error:
            if is_disk_full(error):
                self.rollback()
                raise ImportStopped(DISK_FULL, disk_full=True) from error
            raise
        self.pending += 1
        self.commit()

    def commit(self) -> None:
        """Save the units written so far (ImportStopped when the disk is full)."""
        try:
            self.session.commit()
        except OperationalError as error:
            self.rollback()
            if is_disk_full(error):
                raise ImportStopped(DISK_FULL, disk_full=True) from error
            raise
        self.pending = 0

    def rollback(self) -> None:
        self.session.rollback()
        self.pending = 0

    def close(self) -> None:
        try:
            if self.pending:
                self.commit()
            if self.scratch_used:
                long_values.clear(self.session)
                self.session.commit()
        finally:
            self.session.close()


@dataclass
class Progress:
    total: int
    report: Report | None
    cancelled: Cancelled | None
    done: int = 0
    #: why nothing more can be saved (a full disk ...), once it is known
    halt: str | None = None

    def step(self, path: Path) -> None:
        if self.report is not None:
            self.report(self.done, self.total, str(path))
        self.done += 1

    def pages(self, path: Path, done: int, total: int) -> None:
        """Within one file, its pages (OCR of a scan): the count is of pages while it lasts."""
        if self.report is not None:
            self.report(done, total, f"{path}{OCR_PAGE}{min(done + 1, total)} of {total}")

    def stopped(self) -> bool:
        return self.halt is not None or (self.cancelled is not None and self.cancelled())


def source_language(parsed: ParsedSource) -> str | None:
    """The language the file declares (as an ISO 639-1 code), else the one its text is in."""
    return source_languages([parsed])[0]


def source_languages(batch: Sequence[ParsedSource]) -> list[str | None]:
    """:func:`source_language` of each, the undeclared ones detected together (faster)."""
    codes = [normalise_code(parsed.language) for parsed in batch]
    unsaid = [n for n, code in enumerate(codes) if code is None]
    if unsaid:
        found = detect_languages([f"{batch[n].title or ''}\n{batch[n].text[:SAMPLE]}" for n in unsaid])
        for n, code in zip(unsaid, found, strict=True):
            codes[n] = code
    return codes


#: the languages whose numeric dates read month first ("08/01/2019" is August 1 in American
#: English); a text in any other writes the day first. None: a text too short to tell.
MONTH_FIRST = frozenset({"en", None})


def new_source(parsed: ParsedSource, sha256: str, file_id: int, part: str | None, options: ImportOptions,
               language: str | None) -> NewSource:
    """The source to store for ``parsed``, in ``language`` (:func:`source_languages`)."""
    return NewSource(
        text=parsed.text,
        title=parsed.title or "",
        published=(parsed.published_day_first
                   if parsed.published_day_first is not None and language not in MONTH_FIRST
                   else parsed.published),
        outlet=parsed.outlet,
        author=parsed.author,
        url=parsed.url,
        language=language,
        kind=parsed.kind,
        sha256=sha256,
        original_file_id=file_id,
        original_part=part,
        page_starts=parsed.page_starts,
        notes=parsed.notes,
        created_by=options.created_by,
    )


def store_sources(
    session: Session, rows: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions,
    outlets: dict[str, int] | None = None,
) -> list[int]:
    languages = source_languages([row for row, _ in rows])
    return add_sources(session, [new_source(row, key, file_id, row.part, options, language)
                                 for (row, key), language in zip(rows, languages, strict=True)], outlets=outlets)
