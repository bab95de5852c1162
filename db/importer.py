"""Import files and folders: one transaction per source, a result for every file.

A file that fails leaves nothing behind and the batch goes on; a cancelled import keeps what was
already imported. The format readers live in :mod:`db.ingest`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.archive import Archive
from db.commands import NewSource, add_annotation, add_source, sha256_of, store_original
from db.ingest.base import IngestError, ParsedSource, PasswordRequired
from db.ingest.registry import reader_for, walk
from db.queries import sources_with_sha256

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
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if report is not None:
            report(done, len(files), str(path))
        results.extend(import_file(archive, path, options, cancelled=cancelled))
    if report is not None:
        report(len(files), len(files), "")
    return results


def import_file(
    archive: Archive,
    path: Path,
    options: ImportOptions | None = None,
    *,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    options = options or ImportOptions()
    name = str(path)
    reader = reader_for(path)
    if reader is None:
        if not path.exists():
            return [ImportResult(name, "failed", error="file not found")]
        return [ImportResult(name, "skipped", error=f"not a format Dossier reads ({path.suffix or 'no extension'})")]
    is_table = bool(getattr(reader, "TABLE", False))
    try:
        file_sha = _file_sha256(path)
    except OSError as error:
        return [ImportResult(name, "failed", error=f"cannot read the file ({error.strerror or error})")]
    if not is_table and not options.keep_duplicates:
        with archive.session() as session:
            existing = sources_with_sha256(session, file_sha)
        if existing:
            return [ImportResult(name, "duplicate", source_id=existing[0])]
    try:
        parsed = reader.parse(path, password=options.password, options=options.table_options)
        if is_table:
            return _import_rows(archive, path, parsed, file_sha, reader.MEDIA_TYPE, options, cancelled)
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
            data = path.read_bytes()
            with archive.session() as session:
                file_id = store_original(session, data, path.name, reader.MEDIA_TYPE)
                del data
                source_id = _store(session, source, file_sha, file_id, None, options)
        except (SQLAlchemyError, OSError, ValueError) as error:
            results.append(ImportResult(name, "failed", error=f"could not be saved ({error})"))
            continue
        results.append(
            ImportResult(name, "imported", source_id=source_id, warnings=source.warnings, title=source.title)
        )
    return results


def _import_rows(
    archive: Archive,
    path: Path,
    rows: Iterator[ParsedSource],
    file_sha: str,
    media_type: str,
    options: ImportOptions,
    cancelled: Cancelled | None,
) -> list[ImportResult]:
    """A table of articles: a source per row, each row in its own savepoint, chunked commits."""
    name = str(path)
    results: list[ImportResult] = []
    file_id: int | None = None
    seen: set[str] = set()
    finished = False
    while not finished:
        if cancelled is not None and cancelled():
            break
        with archive.session() as session:
            if file_id is None:
                file_id = store_original(session, path.read_bytes(), path.name, media_type)
            for _ in range(TABLE_CHUNK):
                try:
                    row = next(rows)
                except StopIteration:
                    finished = True
                    break
                except IngestError as error:
                    results.append(ImportResult(name, "failed", error=str(error)))
                    finished = True
                    break
                results.append(_store_row(session, name, row, file_id, seen, options))
    return results


def _store_row(
    session: Session,
    name: str,
    row: ParsedSource,
    file_id: int,
    seen: set[str],
    options: ImportOptions,
) -> ImportResult:
    key = sha256_of("\x1f".join([row.title or "", row.published.iso() if row.published else "", row.url or "", row.text]))
    if not options.keep_duplicates:
        existing = sources_with_sha256(session, key)
        if existing or key in seen:
            return ImportResult(name, "duplicate", source_id=existing[0] if existing else None, part=row.part)
    seen.add(key)
    try:
        with session.begin_nested():
            source_id = _store(session, row, key, file_id, row.part, options)
    except (SQLAlchemyError, ValueError) as error:
        return ImportResult(name, "failed", error=f"could not be saved ({error})", part=row.part)
    return ImportResult(name, "imported", source_id=source_id, warnings=row.warnings, part=row.part, title=row.title)


def _store(
    session: Session,
    parsed: ParsedSource,
    sha256: str,
    file_id: int,
    part: str | None,
    options: ImportOptions,
) -> int:
    source_id = add_source(
        session,
        NewSource(
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
        ),
    )
    for comment in parsed.comments:
        add_annotation(session, source_id, comment.start, comment.end, note=comment.note)
    return source_id
