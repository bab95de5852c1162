"""An import from start to end: the files found under the paths given, in batches, each with its
result; cancelled, it keeps what was already imported."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from db.archive import Archive
from db.importer.files import batches, import_batch
from db.importer.results import Cancelled, ImportOptions, ImportResult, Report
from db.importer.tables import import_table
from db.importer.writer import Progress, Writer
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
    """Import files and folders (recursively). Returns one result per source or file, in order.

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
    progress = Progress(len(files), report, cancelled)
    results: list[ImportResult] = []
    writer = Writer(archive)
    pool = ParserPool(workers)
    try:
        for kind, group in batches(files):
            if progress.stopped():
                break
            if kind == "project":
                from db.interchange.importing import import_project_file

                progress.step(group[0])
                results.extend(import_project_file(writer, group[0], options))
            elif kind == "table":
                progress.step(group[0])
                results.extend(import_table(writer, group[0], options, cancelled))
            else:
                results.extend(import_batch(writer, group, options, progress, pool))
    finally:
        pool.close(wait=not progress.stopped())
        writer.close()
    if report is not None:
        report(len(files), len(files), "")
    return results


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
