"""Import files and folders: one transaction per source, a result for every file.

A file that fails leaves nothing behind and the batch goes on; a cancelled import keeps what was
already imported. The format readers live in :mod:`db.ingest`.
"""

from __future__ import annotations

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
    add_annotation,
    add_source,
    add_sources,
    sha256_of,
    store_original,
)
from db.ingest._common import check_regular_file
from db.ingest.base import IngestError, ParsedSource, PasswordRequired
from db.ingest.registry import media_type, reader_for, walk
from db.queries import sources_by_sha256, sources_with_sha256

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

    def describe(self) -> str:
        """One line for people: ``PATH: what happened``."""
        where = f"{self.path} ({self.part})" if self.part else self.path
        if self.status == "failed":
            return f"{where}: {self.error}"
        if self.status == "duplicate":
            return f"{where}: already in the archive (source {self.source_id})"
        if self.status == "skipped":
            return f"{where}: skipped ({self.error})"
        note = f" [{'; '.join(self.warnings)}]" if self.warnings else ""
        return f"{where}: imported as source {self.source_id}{note}"


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


def import_paths(
    archive: Archive,
    paths: Iterable[Path | str],
    options: ImportOptions | None = None,
    *,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import files and folders (recursively). Returns one result per source or file."""
    options = options or ImportOptions()
    files = list(walk(Path(p) for p in paths))
    results: list[ImportResult] = []
    writer = _Writer(archive)
    try:
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                break
            if report is not None:
                report(done, len(files), str(path))
            results.extend(_import_file(writer, path, options, cancelled))
    finally:
        writer.close()
    if report is not None:
        report(len(files), len(files), "")
    return results


def import_file(archive: Archive, path: Path, options: ImportOptions | None = None) -> list[ImportResult]:
    """Import one file (a table gives one result per row)."""
    return import_paths(archive, [path], options)


def _import_file(
    writer: _Writer, path: Path, options: ImportOptions, cancelled: Cancelled | None
) -> list[ImportResult]:
    name = str(path)
    reader = reader_for(path)
    if reader is None:
        if path.is_dir():  # walk hands back a folder it could not list
            return [ImportResult(name, "failed", error="the folder cannot be read (permissions?)")]
        if not path.exists():
            return [ImportResult(name, "failed", error="file not found")]
        return [ImportResult(name, "skipped", error=f"not a format Dossier reads ({path.suffix or 'no extension'})")]
    is_table = bool(getattr(reader, "TABLE", False))
    kind_of_file = media_type(path) or reader.MEDIA_TYPE
    try:
        check_regular_file(path)  # before hashing: a pipe would block, a folder cannot be read
        file_sha = _file_sha256(path)
    except IngestError as error:
        return [ImportResult(name, "failed", error=str(error))]
    except OSError as error:
        return [ImportResult(name, "failed", error=f"cannot read the file ({error.strerror or error})")]
    if not is_table and not options.keep_duplicates:
        existing = sources_with_sha256(writer.session, file_sha)
        if existing:
            return [ImportResult(name, "duplicate", source_id=existing[0])]
    try:
        parsed = reader.parse(path, password=options.password, options=options.table_options)
        if is_table:
            return _import_rows(writer, path, parsed, kind_of_file, options, cancelled)
        sources = list(parsed)
    except PasswordRequired as error:
        return [ImportResult(name, "failed", error=str(error), needs_password=True)]
    except IngestError as error:
        return [ImportResult(name, "failed", error=str(error))]
    except MemoryError:
        return [ImportResult(name, "failed", error="too large to read in the memory available")]
    except Exception as error:  # a reader's library failing on a file we did not foresee
        return [ImportResult(name, "failed", error=f"cannot be read ({type(error).__name__}: {error})")]
    results = []
    for source in sources:
        try:
            with writer.unit() as session:
                file_id = store_original(session, path.read_bytes(), path.name, kind_of_file)
                source_id = _store(session, source, file_sha, file_id, None, options)
        except (SQLAlchemyError, OSError, ValueError) as error:
            results.append(ImportResult(name, "failed", error=f"could not be saved ({error})"))
            continue
        results.append(
            ImportResult(name, "imported", source_id=source_id, warnings=source.warnings, title=source.title)
        )
    return results


def _row_key(row: ParsedSource) -> str:
    """What makes two rows of article tables the same article."""
    published = row.published.iso() if row.published else ""
    return sha256_of("\x1f".join([row.title or "", published, row.url or "", row.text]))


def _import_rows(
    writer: _Writer,
    path: Path,
    rows: Iterator[ParsedSource],
    kind_of_file: str,
    options: ImportOptions,
    cancelled: Cancelled | None,
) -> list[ImportResult]:
    """A table of articles: rows inserted a chunk at a time; a chunk that fails is retried row by
    row, each row in its own savepoint, so one bad row never takes its neighbours with it."""
    name = str(path)
    results: list[ImportResult] = []
    with writer.unit() as session:
        file_id = store_original(session, path.read_bytes(), path.name, kind_of_file)
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
        created_by=options.created_by,
    )


def _store_many(
    session: Session, rows: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions
) -> list[int]:
    return add_sources(session, [_new_source(row, key, file_id, row.part, options) for row, key in rows])


def _store(
    session: Session,
    parsed: ParsedSource,
    sha256: str,
    file_id: int,
    part: str | None,
    options: ImportOptions,
) -> int:
    source_id = add_source(session, _new_source(parsed, sha256, file_id, part, options))
    for comment in parsed.comments:
        add_annotation(session, source_id, comment.start, comment.end, note=comment.note)
    return source_id
