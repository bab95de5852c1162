"""Importing a file that holds many sources (a table of articles, a Telegram export): its rows
streamed and written a chunk at a time, each chunk committed and its results handed on at once,
so memory does not grow with the table; a chunk that fails is written again row by row."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db import long_values
from db.commands import OriginalData, sha256_of, store_originals
from db.importer.files import ImportedFile, hash_file, saving_problem
from db.importer.results import Cancelled, ImportOptions, ImportResult, Status
from db.importer.writer import ImportStopped, Progress, Writer, store_sources
from db.ingest._common import readable_name
from db.ingest.base import IngestError, ParsedSource
from db.ingest.formats import reader_for
from db.ingest.parsing import unreadable
from db.queries import sources_by_sha256

#: rows of a table written per transaction (each row in its own savepoint)
TABLE_CHUNK = 250


def import_table(writer: Writer, path: Path, options: ImportOptions, progress: Progress) -> Iterator[ImportResult]:
    """A table of articles (or a Telegram export): checked and opened here, its rows stored by
    ``_import_rows``; the results of its rows as they are saved. A full disk sets
    ``progress.halt``."""
    file = hash_file(path)
    if file.results is not None:
        yield from file.results
        return
    reader = reader_for(path)
    assert reader is not None
    try:
        rows = reader.parse(path, password=options.password, options=options.table_options)
        yield from _import_rows(writer, file, rows, options, progress.cancelled)
    except _Halted as halted:
        progress.halt = str(halted)
        yield from halted.results
    except ImportStopped as stop:
        progress.halt = str(stop)
        yield ImportResult(str(path), "failed", error=str(stop))
    except Exception as error:  # any reader failure, said in the researcher's words
        outcome = unreadable(error)
        status: Status = "skipped" if outcome.skipped else "failed"
        yield ImportResult(str(path), status, error=outcome.error, needs_password=outcome.needs_password)


def _row_key(row: ParsedSource) -> str:
    """What makes two rows of article tables the same article."""
    published = row.published.iso() if row.published else ""
    return sha256_of("\x1f".join([row.title or "", published, row.url or "", row.text]))


def _store_original(session: Session, file: ImportedFile) -> int:
    name = readable_name(file.path.name)
    if file.data is None and long_values.in_pieces(session):
        return long_values.store_original_file(session, file.path, name, file.media_type, file.sha256)
    data = file.data if file.data is not None else file.path.read_bytes()
    [file_id] = store_originals(session, [OriginalData(data, name, file.media_type, file.sha256)])
    return file_id


def _import_rows(
    writer: Writer,
    file: ImportedFile,
    rows: Iterator[ParsedSource],
    options: ImportOptions,
    cancelled: Cancelled | None,
) -> Iterator[ImportResult]:
    """A table of articles: rows inserted a chunk at a time, each chunk committed; a chunk that
    fails is retried row by row, each row in its own savepoint, so one bad row never takes its
    neighbours with it. Rows repeated in earlier chunks are found in the archive (committed), so
    nothing is kept from one chunk to the next."""
    name = str(file.path)
    outlets: dict[str, int] = {}  # looked up once for the whole table
    file_id = writer.write(lambda session: _store_original(session, file))
    writer.commit()
    file.data = None
    finished = False
    while not finished and not (cancelled is not None and cancelled()):
        chunk: list[ParsedSource] = []
        failure: ImportResult | None = None
        try:
            for row in rows:
                chunk.append(row)
                if len(chunk) >= TABLE_CHUNK:
                    break
            else:
                finished = True
        except IngestError as error:
            failure = ImportResult(name, "failed", error=str(error))
            finished = True
        keys = [_row_key(row) for row in chunk]
        existing = {} if options.keep_duplicates else writer.lookup(partial(sources_by_sha256, digests=keys))
        fresh: list[tuple[ParsedSource, str]] = []
        seen: set[str] = set()
        for row, key in zip(chunk, keys, strict=True):
            if not options.keep_duplicates and (key in existing or key in seen):
                yield ImportResult(name, "duplicate", source_id=existing.get(key), part=row.part)
            else:
                seen.add(key)
                fresh.append((row, key))
        try:
            yield from _store_chunk(writer, name, fresh, file_id, options, outlets)
        except ImportStopped as stop:
            if isinstance(stop, _Halted):
                raise
            raise _Halted([ImportResult(name, "failed", error=str(stop), part=row.part) for row, _ in fresh],
                          str(stop)) from stop
        if failure is not None:
            yield failure


class _Halted(ImportStopped):
    """ImportStopped with the results of the rows it left unsaved."""

    def __init__(self, results: list[ImportResult], message: str) -> None:
        super().__init__(message)
        self.results = results


def _store_chunk(
    writer: Writer, name: str, fresh: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions,
    outlets: dict[str, int],
) -> list[ImportResult]:
    """The chunk's rows in one savepoint and committed, or row by row when that fails (the
    outlets looked up are then forgotten: some may have been rolled back)."""
    try:
        ids = writer.write(partial(store_sources, rows=fresh, file_id=file_id, options=options, outlets=outlets))
        writer.commit()
        return [
            ImportResult(name, "imported", source_id=i, warnings=r.warnings, part=r.part, title=r.title)
            for (r, _), i in zip(fresh, ids, strict=True)
        ]
    except ImportStopped as stop:
        if not stop.disk_full:
            raise
    except (SQLAlchemyError, ValueError):
        pass
    writer.rollback()
    outlets.clear()
    results: list[ImportResult] = []
    for index, (row, key) in enumerate(fresh):
        try:
            [source_id] = writer.write(
                partial(store_sources, rows=[(row, key)], file_id=file_id, options=options))
            writer.commit()
        except ImportStopped as stop:
            results.extend(ImportResult(name, "failed", error=str(stop), part=r.part) for r, _ in fresh[index:])
            raise _Halted(results, str(stop)) from stop
        except (SQLAlchemyError, ValueError) as error:
            results.append(ImportResult(name, "failed", error=f"could not be saved ({saving_problem(error)})", part=row.part))
            continue
        results.append(ImportResult(name, "imported", source_id=source_id, warnings=row.warnings, part=row.part, title=row.title))
    return results
