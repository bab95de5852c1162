"""Exports in the formats of other tools (REFI-QDA, Web Annotation, citations), run on the
window's task runner: the same table of formats as ``dossier export``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from db.archive import Archive

#: the formats offered in File ▸ Export… (name, what the researcher reads, the suffix written)
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("qdpx", "REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (.qdpx)", ".qdpx"),
    ("qdc", "REFI-QDA codebook (.qdc)", ".qdc"),
    ("w3c", "W3C Web Annotations (.jsonld)", ".jsonld"),
    ("csl", "CSL-JSON for Zotero (.json)", ".json"),
    ("ris", "RIS (.ris)", ".ris"),
    ("bibtex", "BibTeX / BibLaTeX (.bib)", ".bib"),
)


__all__ = ["FORMATS", "export"]


def export(archive: Archive, name: str, out: Path, source_ids: Sequence[int] | None,
           report: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> int:
    """Write ``out`` in format ``name``; the count the command line prints."""
    # the writers are loaded on the first export, not with the window
    from db.cli.exports import EXPORTS
    from db.interchange.refi.project import ExportCancelled, export_qdpx

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled

    if report is not None:
        report(0, 1, str(out))
    stop()
    if name == "qdpx":
        with archive.session() as session:
            count = export_qdpx(session, out, source_ids, report=report, cancelled=cancelled)
    else:
        count = EXPORTS[name].write(archive, out, source_ids, argparse.Namespace())
    if cancelled is not None and cancelled():
        out.unlink(missing_ok=True)
        raise ExportCancelled
    if report is not None:
        report(1, 1, str(out))
    return count
