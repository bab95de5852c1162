"""Importing files a batch at a time: hashed, checked for duplicates with one query, read (slow
formats in worker processes), written in one savepoint, or file by file when that fails."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db import long_values
from db.commands import OriginalData, add_annotation, add_sources, sha256_of, store_originals
from db.importer.results import ImportOptions, ImportResult
from db.importer.scans import continue_scans, incomplete_sources, is_pdf, read_scans
from db.importer.writer import (
    ImportStopped,
    Progress,
    Writer,
    new_source,
    source_language,
    source_languages,
)
from db.ingest._bounds import file_too_large
from db.ingest._common import check_regular_file, os_problem, readable_name
from db.ingest.base import IngestError, ParsedSource
from db.ingest.formats import media_type, page_of_resources, project_format, reader_for
from db.ingest.parsing import ParserPool, is_slow, parse_file
from db.queries import sources_by_sha256

#: files read, parsed and written together (one savepoint per batch)
FILE_BATCH = 200
#: ... and at most this many bytes of them held at once
BATCH_BYTES = 32 << 20
#: larger files are hashed as a stream and read again when stored, never held during parsing
HOLD_LIMIT = 8 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def batches(files: list[Path]) -> Iterator[tuple[str, list[Path]]]:
    """Consecutive files grouped into batches (``"files"``); each table of articles
    (``"table"``) and each project or bibliography (``"project"``: REFI-QDA, RIS, BibTeX,
    CSL-JSON, Web Annotations) on its own."""
    batch: list[Path] = []
    size = 0
    for path in files:
        reader = reader_for(path)
        alone = "project" if _is_file(path) and project_format(path) is not None else (
            "table" if reader is not None and getattr(reader, "TABLE", False) else None)
        if alone is not None:
            if batch:
                yield "files", batch
                batch, size = [], 0
            yield alone, [path]
            continue
        try:
            file_size = path.stat().st_size
        except OSError:
            file_size = 0  # reported when the file is read
        if batch and (len(batch) >= FILE_BATCH or size + file_size > BATCH_BYTES):
            yield "files", batch
            batch, size = [], 0
        batch.append(path)
        size += file_size
    if batch:
        yield "files", batch


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False when it cannot be looked at (a path too long, a folder
    not entered): that is said when the file is read."""
    try:
        return path.is_file()
    except OSError:
        return False


@dataclass
class ImportedFile:
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
    same_as: ImportedFile | None = None
    #: long texts already in the archive's scratch space: source's place in ``sources`` -> row
    staged: dict[int, int] = field(default_factory=dict)
    #: a duplicate whose source a cancelled OCR left incomplete: that source, to read the rest into
    source_id_to_continue: int | None = None

    def fail(self, error: str, *, needs_password: bool = False) -> None:
        self.results = [ImportResult(str(self.path), "failed", error=error, needs_password=needs_password)]


def import_batch(
    writer: Writer, paths: list[Path], options: ImportOptions, progress: Progress, pool: ParserPool
) -> list[ImportResult]:
    """Hash the batch's files, find the duplicates with one query, read the others (slow ones in
    the pool, ahead of time), write what was read, and say what happened to each, in order."""
    files = [hash_file(path) for path in paths]
    if not options.keep_duplicates:
        writer.lookup(lambda session: _find_duplicates(session, files))
        _find_scans_to_continue(writer, files)
    to_read = [f for f in files if f.results is None and f.same_as is None]
    slow = [f for f in to_read if is_slow(f.path)]
    # Slow files are read by the pool ahead of time; results are taken in file order below.
    ahead = (
        {id(f): pool.submit(f.path, options.password, options.table_options) for f in slow}
        if pool.wanted(len(slow)) else {}
    )
    parsed: list[ImportedFile] = []
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
            else:
                read_scans(file.path, file.data, file.sources, options, progress)
        elif file.source_id_to_continue is not None:
            file.results = [continue_scans(writer, file.path, file.source_id_to_continue, options, progress)]
        parsed.append(file)
    for future in ahead.values():  # cancelled: files not yet read are not read
        if future is not None:
            future.cancel()
    try:
        _write(writer, [f for f in parsed if f.results is None and f.same_as is None], options)
    except ImportStopped as stop:
        progress.halt = str(stop)
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


def hash_file(path: Path) -> ImportedFile:
    """Check that ``path`` is a file Dossier reads, and hash it (keeping the bytes if small)."""
    file = ImportedFile(path)
    reader = reader_for(path)
    if reader is None:
        try:
            _not_a_source(file, path)
        except OSError as error:  # a folder listed but not entered, a path too long ...
            file.fail(os_problem(error))
        return file
    file.media_type = media_type(path) or reader.MEDIA_TYPE
    try:
        size = check_regular_file(path)  # before reading: a pipe would block
        size_problem = file_too_large(size)
        if size_problem is not None:
            file.fail(size_problem)
        elif size <= HOLD_LIMIT:
            file.data = path.read_bytes()
            file.sha256 = sha256_of(file.data)
        else:
            file.sha256 = file_sha256(path)
    except IngestError as error:
        file.fail(str(error))
    except OSError as error:
        file.fail(os_problem(error))
    return file


def _not_a_source(file: ImportedFile, path: Path) -> None:
    """What is said of a path no reader takes: a page's resources, a folder, a missing file."""
    name = str(path)
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
        path.stat()  # a file that cannot be looked at is said so, not skipped
        file.results = [
            ImportResult(name, "skipped", error=f"not a format Dossier reads ({path.suffix or 'no extension'})")
        ]


def _find_duplicates(session: Session, files: list[ImportedFile]) -> None:
    """Files already in the archive, and files repeated within the batch (one query)."""
    candidates = [f for f in files if f.results is None]
    existing = sources_by_sha256(session, [f.sha256 for f in candidates])
    first: dict[str, ImportedFile] = {}
    for file in candidates:
        if file.sha256 in existing:
            file.results = [ImportResult(str(file.path), "duplicate", source_id=existing[file.sha256])]
        elif file.sha256 in first:
            file.same_as = first[file.sha256]
        else:
            first[file.sha256] = file


def _find_scans_to_continue(writer: Writer, files: list[ImportedFile]) -> None:
    """Duplicate PDFs whose source a cancelled OCR left incomplete (one query for the batch)."""
    duplicates = {
        f.results[0].source_id: f for f in files
        if is_pdf(f.path) and f.results and f.results[0].status == "duplicate" and f.results[0].source_id
    }
    if not duplicates:
        return
    for source_id in writer.lookup(lambda session: incomplete_sources(session, list(duplicates))):
        duplicates[source_id].source_id_to_continue = source_id


def _write(writer: Writer, files: list[ImportedFile], options: ImportOptions) -> None:
    """Store the batch in one savepoint and commit; if that fails, each file on its own (then
    committed alone, since a full disk makes SQLite roll back all that is not). ImportStopped
    fails the files not saved and goes up."""
    if not files:
        return
    try:
        _stage_long_texts(writer, files)
        writer.write(lambda session: _store_files(session, files, options))
        writer.commit()
        return
    except ImportStopped as stop:
        if not stop.disk_full:
            for file in files:
                file.fail(str(stop))
            raise
    except (SQLAlchemyError, OSError, ValueError):
        pass  # written again file by file: only the files that cannot be saved fail
    writer.rollback()
    for index, file in enumerate(files):
        try:
            writer.write(partial(_store_files, files=[file], options=options))
            writer.commit()
        except ImportStopped as stop:
            for rest in files[index:]:
                rest.fail(str(stop))
            raise
        except (SQLAlchemyError, OSError, ValueError) as error:
            file.fail(f"could not be saved ({saving_problem(error)})")


def saving_problem(error: BaseException) -> str:
    """What went wrong saving, in one line (a database error names its SQL and parameters)."""
    orig = getattr(error, "orig", None)
    return " ".join(str(orig if orig is not None else error).split())


def _store_files(session: Session, files: list[ImportedFile], options: ImportOptions) -> None:
    originals = _store_originals(session, files)
    languages = iter(source_languages([source for file in files for source in file.sources]))
    new = [
        new_source(source, file.sha256, file_id, None, options, next(languages))
        for file, file_id in zip(files, originals, strict=True)
        for source in file.sources
    ]
    ids = iter(add_sources(session, new))
    for file in files:
        file.results = []
        for place, source in enumerate(file.sources):
            source_id = next(ids)
            if place in file.staged:
                long_values.fill(session, source_id, file.staged[place])
            for comment in source.comments:
                add_annotation(session, source_id, comment.start, comment.end, note=comment.note)
            file.results.append(
                ImportResult(str(file.path), "imported", source_id=source_id, warnings=source.warnings, title=source.title)
            )


def _stage_long_texts(writer: Writer, files: list[ImportedFile]) -> None:
    """Long texts written into the archive's scratch space in pieces, each committed there, and
    let go of here: the source is saved with an empty text and filled from its staged row (which
    stays until it is used, whatever is rolled back)."""
    for file in files:
        for place, source in enumerate(file.sources):
            if place in file.staged or len(source.text) <= long_values.LONG_TEXT:
                continue
            staged = writer.write(partial(long_values.stage, text=source.text))
            if staged is None:
                return  # PostgreSQL takes texts whole
            writer.scratch_used = True
            writer.commit()
            file.staged[place] = staged
            source.language = source_language(source)  # from its text, before the text is let go of
            source.text = ""


def _store_originals(session: Session, files: list[ImportedFile]) -> list[int]:
    """The files' bytes kept: those held at once together; large ones from disk, in pieces."""
    held = [f for f in files if f.data is not None or not long_values.in_pieces(session)]
    ids = dict(zip(
        (id(f) for f in held),
        store_originals(session, [
            OriginalData(f.data if f.data is not None else f.path.read_bytes(), readable_name(f.path.name),
                         f.media_type, f.sha256)
            for f in held
        ]),
        strict=True,
    ))
    for f in files:
        if id(f) not in ids:
            ids[id(f)] = long_values.store_original_file(
                session, f.path, readable_name(f.path.name), f.media_type, f.sha256)
    return [ids[id(f)] for f in files]
