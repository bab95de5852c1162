"""Importing a file that holds many sources (a table of articles, a Telegram export): its rows
streamed and written a chunk at a time; a chunk that fails is written again row by row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

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


def import_table(writer: Writer, path: Path, options: ImportOptions, progress: Progress) -> list[ImportResult]:
    """A table of articles (or a Telegram export): checked and opened here, its rows stored by
    ``_import_rows``."""
    file = hash_file(path)
    if file.results is not None:
        return file.results
    reader = reader_for(path)
    assert reader is not None
    try:
        rows = reader.parse(path, password=options.password, options=options.table_options)
        return _import_rows(writer, file, rows, options, progress.cancelled)
    except _Halted as halted:
        progress.halt = str(halted)
        return halted.results
    except ImportStopped as stop:
        progress.halt = str(stop)
        return [ImportResult(str(path), "failed", error=str(stop))]
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
    """A table of articles: rows inserted a chunk at a time, each chunk committed; a chunk that
    fails is retried row by row, each row in its own savepoint, so one bad row never takes its
    neighbours with it. Rows repeated in earlier chunks are found in the archive, so memory does
    not grow with the table."""
    name = str(file.path)
    results: list[ImportResult] = []
    original = [OriginalData(file.data if file.data is not None else file.path.read_bytes(),
                             readable_name(file.path.name), file.media_type, file.sha256)]
    [file_id] = writer.write(lambda session: store_originals(session, original))
    writer.commit()
    original.clear()  # the bytes are not held while the rows are read
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
        existing = {} if options.keep_duplicates else writer.lookup(lambda session, ks=keys: sources_by_sha256(session, ks))
        fresh: list[tuple[ParsedSource, str]] = []
        seen: set[str] = set()
        for row, key in zip(chunk, keys, strict=True):
            if not options.keep_duplicates and (key in existing or key in seen):
                results.append(ImportResult(name, "duplicate", source_id=existing.get(key), part=row.part))
            else:
                seen.add(key)
                fresh.append((row, key))
        try:
            results.extend(_store_chunk(writer, name, fresh, file_id, options))
        except _Halted as halted:
            raise _Halted(results + halted.results, str(halted)) from halted
        except ImportStopped as stop:
            results.extend(ImportResult(name, "failed", error=str(stop), part=row.part) for row, _ in fresh)
            raise _Halted(results, str(stop)) from stop
    return results


class _Halted(ImportStopped):
    """ImportStopped with the results of the table so far."""

    def __init__(self, results: list[ImportResult], message: str) -> None:
        super().__init__(message)
        self.results = results


def _store_chunk(
    writer: Writer, name: str, fresh: list[tuple[ParsedSource, str]], file_id: int, options: ImportOptions
) -> list[ImportResult]:
    """The chunk's rows in one savepoint and committed, or row by row when that fails."""
    try:
        ids = writer.write(lambda session: store_sources(session, fresh, file_id, options))
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
    results: list[ImportResult] = []
    for index, (row, key) in enumerate(fresh):
        try:
            [source_id] = writer.write(lambda session, one=(row, key): store_sources(session, [one], file_id, options))
            writer.commit()
        except ImportStopped as stop:
            results.extend(ImportResult(name, "failed", error=str(stop), part=r.part) for r, _ in fresh[index:])
            raise _Halted(results, str(stop)) from stop
        except (SQLAlchemyError, ValueError) as error:
            results.append(ImportResult(name, "failed", error=f"could not be saved ({saving_problem(error)})", part=row.part))
            continue
        results.append(ImportResult(name, "imported", source_id=source_id, warnings=row.warnings, part=row.part, title=row.title))
    return results
