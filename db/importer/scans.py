"""The scanned pages of an imported PDF read by OCR (:mod:`db.ingest.ocr`), in the importer's
thread: its progress moves page by page and Cancel stops between pages.

A cancelled OCR keeps the pages read: the PDF's source is saved as usual with their text, the
pages not yet read empty, and its notes say "OCR incomplete". Importing the same file again
(a duplicate by its sha256) continues: the pages still missing are read into that same source,
its annotations anchored again to the longer text (:func:`db.anchors.replace_source_text`).
A scan imported while Tesseract was missing is marked the same way, and read when imported again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.anchors import replace_source_text
from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import ImportStopped, Progress, Writer
from db.ingest import ocr
from db.ingest.base import ParsedSource
from db.ingest.parsing import parse_file
from db.models import Source
from db.queries import in_chunks


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def read_scans(path: Path, data: bytes | None, sources: Sequence[ParsedSource], options: ImportOptions,
               progress: Progress) -> None:
    """OCR the scanned pages of the PDF at ``path`` (its own source, not an e-mail's attachment)."""
    if not is_pdf(path) or not sources or not sources[0].scanned_pages:
        return
    try:
        ocr.read_scanned_pages(
            sources[0], data if data is not None else path, password=options.password,
            report=lambda done, total: progress.pages(path, done, total), cancelled=progress.stopped,
        )
    except Exception as error:  # what OCR did not foresee: the PDF is still imported, as it was
        sources[0].warnings.append(f"the scanned pages could not be read by OCR ({error})")


def incomplete_sources(session: Session, source_ids: Sequence[int]) -> set[int]:
    """Those of ``source_ids`` whose OCR was cancelled before the last page (one query a chunk)."""
    found: set[int] = set()
    for chunk in in_chunks(list(source_ids)):
        rows = session.execute(
            select(Source.id, Source.notes).where(Source.id.in_(chunk), Source.notes.contains(ocr.INCOMPLETE)))
        found.update(source_id for source_id, notes in rows if ocr.is_incomplete(notes))
    return found


def continue_scans(writer: Writer, path: Path, source_id: int, options: ImportOptions,
                   progress: Progress) -> ImportResult:
    """Read the pages a cancelled OCR left into source ``source_id``, which came from ``path``;
    what goes wrong leaves that source as it was, and says so."""
    try:
        return _continue_scans(writer, path, source_id, options, progress)
    except ImportStopped:
        raise
    except Exception as error:
        writer.rollback()
        return ImportResult(str(path), "duplicate", source_id=source_id,
                            warnings=[f"the OCR left incomplete could not be continued ({error})"])


def _continue_scans(writer: Writer, path: Path, source_id: int, options: ImportOptions,
                    progress: Progress) -> ImportResult:
    parsed = parse_file(path, options.password)
    if parsed.error is not None or not parsed.sources:
        return ImportResult(str(path), "failed", error=parsed.error or "no pages")
    scanned = {n + 1 for n in parsed.sources[0].scanned_pages}

    def current(session: Session) -> tuple[str, list[int], str | None]:
        source = session.get(Source, source_id)
        assert source is not None
        return source.text, list(source.page_starts or []), source.notes

    text, starts, notes = writer.lookup(current)
    done = ocr.pages_read(notes) or {}
    left = sorted(scanned - set(done))
    source = ParsedSource(text=text, page_starts=starts, language=parsed.sources[0].language,
                          notes=ocr.without_ocr_notes(notes))
    result = ocr.read_scanned_pages(
        source, path, password=options.password, pages=left, previous=done,
        report=lambda n, total: progress.pages(path, n, total), cancelled=progress.stopped,
    )
    if result is None:  # Tesseract is gone meanwhile: the source stays as it is
        return ImportResult(str(path), "duplicate", source_id=source_id, warnings=source.warnings)

    def store(session: Session) -> None:
        replace_source_text(session, source_id, source.text)
        row = session.get(Source, source_id)
        assert row is not None
        row.page_starts = source.page_starts
        row.notes = source.notes

    try:
        writer.write(store)
        writer.commit()
    except ImportStopped as stop:
        progress.halt = str(stop)
        return ImportResult(str(path), "failed", error=str(stop))
    warnings = [f"OCR continued: {len(result.pages)} more scanned pages read", *source.warnings]
    return ImportResult(str(path), "imported", source_id=source_id, warnings=warnings)
