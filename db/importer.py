"""Import files and folders: one transaction per source, a result for every file.

A file that fails leaves nothing behind and the batch goes on; a cancelled import keeps what was
already imported. The format readers live in :mod:`db.ingest`.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.archive import Archive
from db.commands import (
    NewSource,
    OriginalData,
    add_annotation,
    add_sources,
    sha256_of,
    store_originals,
)
from db.ingest._common import check_regular_file
from db.ingest.base import IngestError, ParsedSource
from db.ingest.formats import media_type, page_of_resources, reader_for, walk
from db.ingest.parsing import ParserPool, is_slow, parse_file, unreadable
from db.queries import sources_by_sha256

Status = Literal["imported", "duplicate", "failed", "skipped"]
Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: rows of a table written per transaction (each row in its own savepoint)
TABLE_CHUNK = 250


@dataclass
class ImportResult:
    path: str
    status: Status
    source_id: int | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: "row 17" for a row of a table of articles
    part: str | None = None
    title: str | None = None
    #: the file is encrypted: asking for a password may help
    needs_password: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "status": self.status,
            "source_id": self.source_id,
            "error": self.error,
        }
        if self.part is not None:
            data["part"] = self.part
        if self.warnings:
            data["warnings"] = self.warnings
        return data

    def describe(self, relative_to: Path | None = None) -> str:
        """One line for people: ``PATH: what happened`` (PATH relative to a folder if given)."""
        path = self.path
        if relative_to is not None:
            with contextlib.suppress(ValueError):
                path = str(Path(self.path).relative_to(relative_to))
        where = f"{path} ({self.part})" if self.part else path
        if self.status == "failed":
            return f"{where}: {self.error}"
        if self.status == "duplicate":
            return f"{where}: already in the archive (source {self.source_id})"
        if self.status == "skipped":
            return f"{where}: skipped — {self.error}"
        title = f" “{self.title}”" if self.title else ""
        note = f" [{'; '.join(self.warnings)}]" if self.warnings else ""
        return f"{where}: imported as source {self.source_id}{title}{note}"


@dataclass(frozen=True)
class ImportOptions:
    password: str | None = None
    #: column mapping for tables of articles (db.ingest.table.TableOptions); guessed when None
    table_options: object | None = None
    #: import a file again even when the archive already has it
    keep_duplicates: bool = False
    created_by: str | None = None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Writer:
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
class _Progress:
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


def import_paths(
    archive: Archive,
    paths: Iterable[Path | str],
    options: ImportOptions | None = None,
    *,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> list[ImportResult]:
    """Import files and folders (recursively). Returns one result per source or file, in order.

    Slow files (PDFs, web pages, Word) are read in up to ``workers`` processes at once (by
    default one per core, see :mod:`db.ingest.parsing`; 0 reads everything here).

    Files are read and parsed a batch at a time (up to ``FILE_BATCH`` files or ``BATCH_BYTES``)
    and each batch is written in one savepoint; when that fails, the batch is written again file
    by file so that only the files that cannot be saved fail. A table of articles streams its
    rows in chunks of its own.
    """
    options = options or ImportOptions()
    files = [f for f in walk(Path(p) for p in paths) if not _belongs_to(archive, f)]
    progress = _Progress(len(files), report, cancelled)
    results: list[ImportResult] = []
    writer = _Writer(archive)
    pool = ParserPool(workers)
    try:
        for is_table, group in _batches(files):
            if progress.stopped():
                break
            if is_table:
                progress.step(group[0])
                results.extend(_import_table(writer, group[0], options, cancelled))
            else:
                results.extend(_import_batch(writer, group, options, progress, pool))
    finally:
        pool.close(wait=not progress.stopped())
        writer.close()
    if report is not None:
        report(len(files), len(files), "")
    return results


def _belongs_to(archive: Archive, path: Path) -> bool:
    """The archive's own file (and its journal) in a folder being imported into it."""
    own = archive.path
    if own is None or not path.name.startswith(own.name):
        return False
    try:
        return path.parent.resolve() == own.parent.resolve() and path.name in {
            own.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    except OSError:
        return False


def import_file(archive: Archive, path: Path, options: ImportOptions | None = None) -> list[ImportResult]:
    """Import one file (a table gives one result per row)."""
    return import_paths(archive, [path], options)


#: files read, parsed and written together (one savepoint per batch)
FILE_BATCH = 200
#: ... and at most this many bytes of them held at once
BATCH_BYTES = 32 << 20
#: larger files are hashed as a stream and read again when stored, never held during parsing
HOLD_LIMIT = 8 << 20


def _batches(files: list[Path]) -> Iterator[tuple[bool, list[Path]]]:
    """Consecutive files grouped into batches; each table of articles on its own."""
    batch: list[Path] = []
    size = 0
    for path in files:
        reader = reader_for(path)
        if reader is not None and getattr(reader, "TABLE", False):
            if batch:
                yield False, batch
                batch, size = [], 0
            yield True, [path]
            continue
        try:
            file_size = path.stat().st_size
        except OSError:
            file_size = 0  # reported when the file is read
        if batch and (len(batch) >= FILE_BATCH or size + file_size > BATCH_BYTES):
            yield False, batch
            batch, size = [], 0
        batch.append(path)
        size += file_size
    if batch:
        yield False, batch


@dataclass
class _File:
    """One file of a batch on its way into the archive."""

    path: Path
    media_type: str = ""
    sha256: str = ""
    #: the bytes (None for a large file: read again when stored)
    data: bytes | None = None
    sources: list[ParsedSource] = field(default_factory=list)
    #: what happened, once it is known
    results: list[ImportResult] | None = None
    #: an identical file earlier in the same batch
    same_as: _File | None = None

    def fail(self, error: str, *, needs_password: bool = False) -> None:
        self.results = [ImportResult(str(self.path), "failed", error=error, needs_password=needs_password)]


def _import_batch(
    writer: _Writer, paths: list[Path], options: ImportOptions, progress: _Progress, pool: ParserPool
) -> list[ImportResult]:
    """Hash the batch's files, find the duplicates with one query, read the others (slow ones in
    the pool, ahead of time), write what was read, and say what happened to each, in order."""
    files = [_hash(path) for path in paths]
    if not options.keep_duplicates:
        _find_duplicates(writer.session, files)
    to_read = [f for f in files if f.results is None and f.same_as is None]
    slow = [f for f in to_read if is_slow(f.path)]
    # Slow files are read by the pool ahead of time; results are taken in file order below.
    ahead = (
        {id(f): pool.submit(f.path, options.password, options.table_options) for f in slow}
        if pool.wanted(len(slow)) else {}
    )
    parsed: list[_File] = []
    for file in files:
        if progress.stopped():
            break  # what was parsed is still imported: cancel keeps what is done
        progress.step(file.path)
        if file.results is None and file.same_as is None:
            if id(file) in ahead:
                outcome = pool.result(ahead.pop(id(file)), file.path, options.password, options.table_options)
            else:
                outcome = parse_file(file.path, options.password, options.table_options)
            file.sources = outcome.sources
            if outcome.skipped:
                file.results = [ImportResult(str(file.path), "skipped", error=outcome.error)]
            elif outcome.error is not None:
                file.fail(outcome.error, needs_password=outcome.needs_password)
        parsed.append(file)
    for future in ahead.values():  # cancelled: files not yet read are not read
        if future is not None:
            future.cancel()
    _write(writer, [f for f in parsed if f.results is None and f.same_as is None], options)
    results: list[ImportResult] = []
    for file in parsed:
        if file.same_as is not None:
            first = file.same_as.results or []
            file.results = [
                ImportResult(str(file.path), "duplicate", source_id=r.source_id)
                if r.status == "imported"
                else ImportResult(str(file.path), r.status, error=r.error, needs_password=r.needs_password)
                for r in first[:1]
            ]
        results.extend(file.results or [])
    return results


def _hash(path: Path) -> _File:
    """Check that ``path`` is a file Dossier reads, and hash it (keeping the bytes if small)."""
    file = _File(path)
    name = str(path)
    reader = reader_for(path)
    if reader is None:
        page = page_of_resources(path) if path.is_dir() else None
        if page is not None:
            file.results = [
                ImportResult(name, "skipped", error=f"the images, scripts and styles of the saved page {page.name}")
            ]
        elif path.is_dir():  # walk hands back a folder it could not list
            file.fail("the folder cannot be read (permissions?)")
        elif not path.exists():
            file.fail("file not found")
        else:
            file.results = [
                ImportResult(name, "skipped", error=f"not a format Dossier reads ({path.suffix or 'no extension'})")
            ]
        return file
    file.media_type = media_type(path) or reader.MEDIA_TYPE
    try:
        size = check_regular_file(path)  # before reading: a pipe would block
        if size <= HOLD_LIMIT:
            file.data = path.read_bytes()
            file.sha256 = sha256_of(file.data)
        else:
            file.sha256 = _file_sha256(path)
    except IngestError as error:
        file.fail(str(error))
    except OSError as error:
        file.fail(f"cannot read the file ({error.strerror or error})")
    return file


def _find_duplicates(session: Session, files: list[_File]) -> None:
    """Files already in the archive, and files repeated within the batch (one query)."""
    candidates = [f for f in files if f.results is None]
    existing = sources_by_sha256(session, [f.sha256 for f in candidates])
    first: dict[str, _File] = {}
    for file in candidates:
        if file.sha256 in existing:
            file.results = [ImportResult(str(file.path), "duplicate", source_id=existing[file.sha256])]
        elif file.sha256 in first:
            file.same_as = first[file.sha256]
        else:
            first[file.sha256] = file


def _write(writer: _Writer, files: list[_File], options: ImportOptions) -> None:
    """Store the batch in one savepoint; if that fails, each file in its own."""
    if not files:
        return
    try:
        with writer.unit() as session:
            _store_files(session, files, options)
        return
    except (SQLAlchemyError, OSError, ValueError):
        pass  # written again file by file: only the files that cannot be saved fail
    for file in files:
        try:
            with writer.unit() as session:
                _store_files(session, [file], options)
        except (SQLAlchemyError, OSError, ValueError) as error:
            file.fail(f"could not be saved ({error})")


def _store_files(session: Session, files: list[_File], options: ImportOptions) -> None:
    originals = store_originals(
        session,
        [
            OriginalData(f.data if f.data is not None else f.path.read_bytes(), f.path.name, f.media_type, f.sha256)
            for f in files
        ],
    )
    new = [
        _new_source(source, file.sha256, file_id, None, options)
        for file, file_id in zip(files, originals, strict=True)
        for source in file.sources
    ]
    ids = iter(add_sources(session, new))
    for file in files:
        file.results = []
        for source in file.sources:
            source_id = next(ids)
            for comment in source.comments:
                add_annotation(session, source_id, comment.start, comment.end, note=comment.note)
            file.results.append(
                ImportResult(str(file.path), "imported", source_id=source_id, warnings=source.warnings, title=source.title)
            )


def _import_table(
    writer: _Writer, path: Path, options: ImportOptions, cancelled: Cancelled | None
) -> list[ImportResult]:
    """A table of articles (or a Telegram export): checked and opened here, its rows stored by
    ``_import_rows``."""
    file = _hash(path)
    if file.results is not None:
        return file.results
    reader = reader_for(path)
    assert reader is not None
    try:
        rows = reader.parse(path, password=options.password, options=options.table_options)
        return _import_rows(writer, file, rows, options, cancelled)
    except Exception as error:  # any reader failure, said in the researcher's words
        outcome = unreadable(error)
        status: Status = "skipped" if outcome.skipped else "failed"
        return [ImportResult(str(path), status, error=outcome.error, needs_password=outcome.needs_password)]


def _row_key(row: ParsedSource) -> str:
    """What makes two rows of article tables the same article."""
    published = row.published.iso() if row.published else ""
    return sha256_of("\x1f".join([row.title or "", published, row.url or "", row.text]))


def _import_rows(
    writer: _Writer,
    file: _File,
    rows: Iterator[ParsedSource],
    options: ImportOptions,
    cancelled: Cancelled | None,
) -> list[ImportResult]:
    """A table of articles: rows inserted a chunk at a time; a chunk that fails is retried row by
    row, each row in its own savepoint, so one bad row never takes its neighbours with it."""
    name = str(file.path)
    results: list[ImportResult] = []
    data = file.data if file.data is not None else file.path.read_bytes()
    with writer.unit() as session:
        [file_id] = store_originals(session, [OriginalData(data, file.path.name, file.media_type, file.sha256)])
    del data
    seen: set[str] = set()
    finished = False
    while not finished and not (cancelled is not None and cancelled()):
        chunk: list[ParsedSource] = []
        try:
            for row in rows:
                chunk.append(row)
                if len(chunk) >= TABLE_CHUNK:
                    break
            else:
                finished = True
        except IngestError as error:
            results.append(ImportResult(name, "failed", error=str(error)))
            finished = True
        keys = [_row_key(row) for row in chunk]
        existing = {} if options.keep_duplicates else sources_by_sha256(writer.session, keys)
        fresh: list[tuple[ParsedSource, str]] = []
        for row, key in zip(chunk, keys, strict=True):
            if not options.keep_duplicates and (key in existing or key in seen):
                results.append(ImportResult(name, "duplicate", source_id=existing.get(key), part=row.part))
            else:
                seen.add(key)
                fresh.append((row, key))
        try:
            with writer.unit() as session:
                ids = _store_many(session, fresh, file_id, options)
            results.extend(
                ImportResult(name, "imported", source_id=i, warnings=r.warnings, part=r.part, title=r.title)
                for (r, _), i in zip(fresh, ids, strict=True)
            )
        except (SQLAlchemyError, ValueError):
            for row, key in fresh:
                try:
                    with writer.unit() as session:
                        [source_id] = _store_many(session, [(row, key)], file_id, options)
                except (SQLAlchemyError, ValueError) as error:
                    results.append(ImportResult(name, "failed", error=f"could not be saved ({error})", part=row.part))
                    continue
                results.append(ImportResult(name, "imported", source_id=source_id, warnings=row.warnings, part=row.part, title=row.title))
    return results


def _new_source(parsed: ParsedSource, sha256: str, file_id: int, part: str | None, options: ImportOptions) -> NewSource:
    return NewSource(
        text=parsed.text,
        title=parsed.title or "",
        published=parsed.published,
        outlet=parsed.outlet,
        author=parsed.author,
        url=parsed.url,
        language=parsed.language,
        kind=parsed.kind,
        sha256=sha256,
        original_file_id=file_id,
        original_part=part,
        page_starts=parsed.page_starts,
        notes=parsed.notes,
        created_by=options.created_by,
    )


def _store_many(
    session: Session, rows: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions
) -> list[int]:
    return add_sources(session, [_new_source(row, key, file_id, row.part, options) for row, key in rows])
