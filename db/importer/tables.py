"""Importing a file that holds many sources (a table of articles, a Telegram export): its rows
streamed and written a chunk at a time; a chunk that fails is written again row by row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from db.commands import OriginalData, sha256_of, store_originals
from db.importer.files import ImportedFile, hash_file
from db.importer.results import Cancelled, ImportOptions, ImportResult, Status
from db.importer.writer import Writer, store_sources
from db.ingest.base import IngestError, ParsedSource
from db.ingest.formats import reader_for
from db.ingest.parsing import unreadable
from db.queries import sources_by_sha256

#: rows of a table written per transaction (each row in its own savepoint)
TABLE_CHUNK = 250


def import_table(
    writer: Writer, path: Path, options: ImportOptions, cancelled: Cancelled | None
) -> list[ImportResult]:
    """A table of articles (or a Telegram export): checked and opened here, its rows stored by
    ``_import_rows``."""
    file = hash_file(path)
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
    writer: Writer,
    file: ImportedFile,
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
                ids = store_sources(session, fresh, file_id, options)
            results.extend(
                ImportResult(name, "imported", source_id=i, warnings=r.warnings, part=r.part, title=r.title)
                for (r, _), i in zip(fresh, ids, strict=True)
            )
        except (SQLAlchemyError, ValueError):
            for row, key in fresh:
                try:
                    with writer.unit() as session:
                        [source_id] = store_sources(session, [(row, key)], file_id, options)
                except (SQLAlchemyError, ValueError) as error:
                    results.append(ImportResult(name, "failed", error=f"could not be saved ({error})", part=row.part))
                    continue
                results.append(ImportResult(name, "imported", source_id=source_id, warnings=row.warnings, part=row.part, title=row.title))
    return results
