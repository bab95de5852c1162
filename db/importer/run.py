"""An import from start to end: the files found under the paths given, in batches, each with its
result; cancelled, it keeps what was already imported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from db.archive import Archive
from db.backups import BIG_IMPORT, IMPORT, back_up
from db.importer.files import batches, import_batch
from db.importer.results import Cancelled, ImportOptions, ImportResult, Report
from db.importer.tables import import_table
from db.importer.writer import ImportStopped, Progress, Writer
from db.ingest.formats import walk
from db.ingest.parsing import ParserPool
from db.language.detect import load_in_background


def import_paths(
    archive: Archive,
    paths: Iterable[Path | str],
    options: ImportOptions | None = None,
    *,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> list[ImportResult]:
    """Import files and folders (recursively). Returns one result per source or file, in order
    (see :func:`iter_import`, which hands them on as they come)."""
    return list(iter_import(archive, paths, options, report=report, cancelled=cancelled, workers=workers))


def iter_import(
    archive: Archive,
    paths: Iterable[Path | str],
    options: ImportOptions | None = None,
    *,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> Iterator[ImportResult]:
    """Import files and folders (recursively), yielding one result per source or file, in order,
    once it is saved: a table of a million rows is never held as a million results.

    Slow files (PDFs, web pages, Word) are read in up to ``workers`` processes at once (by
    default one per core, see :mod:`db.ingest.parsing`; 0 reads everything here).

    Files are read and parsed a batch at a time (up to ``FILE_BATCH`` files or ``BATCH_BYTES``)
    and each batch is written in one savepoint; when that fails, the batch is written again file
    by file so that only the files that cannot be saved fail. A table of articles streams its
    rows in chunks of its own.
    """
    options = options or ImportOptions()
    load_in_background()  # the language model loads while the first files are read
    files = [f for f in walk(Path(p) for p in paths) if not belongs_to(archive, f)]
    if len(files) >= BIG_IMPORT:
        back_up(archive, IMPORT)  # a big import is kept from before it (db.backups)
    progress = Progress(len(files), report, cancelled)
    writer = Writer(archive)
    pool = ParserPool(workers)
    try:
        for kind, group in batches(files):
            if progress.halt is not None:  # nothing more can be saved: said of every file left
                yield from (ImportResult(str(path), "failed", error=progress.halt) for path in group)
                continue
            if progress.stopped():
                break
            if kind == "project":
                from db.interchange.importing import import_project_file

                progress.step(group[0])
                try:
                    for result in import_project_file(writer, group[0], options):
                        result.beyond_sources = True
                        yield result
                except ImportStopped as stop:
                    progress.halt = str(stop)
                    yield ImportResult(str(group[0]), "failed", error=str(stop), beyond_sources=True)
            elif kind == "table":
                progress.step(group[0])
                yield from import_table(writer, group[0], options, progress)
            else:
                yield from import_batch(writer, group, options, progress, pool)
    finally:
        pool.close(wait=not progress.stopped())
        writer.close()
    if report is not None:
        report(len(files), len(files), "")


def belongs_to(archive: Archive, path: Path) -> bool:
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
