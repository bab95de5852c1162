"""Importing a file that brings many kinds of rows at once (a REFI-QDA project or codebook, a
bibliography, Web Annotations), routed here by ``db.importer`` in one unit of work per file."""

from __future__ import annotations

from pathlib import Path

from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import Writer
from db.ingest.formats import project_format


def import_project_file(writer: Writer, path: Path, options: ImportOptions) -> list[ImportResult]:
    """Import ``path`` by what it holds; its results as the import command prints them."""
    kind = project_format(path)
    if kind == "refi":
        from db.interchange.refi.project import import_refi

        return import_refi(writer, path, options)
    if kind in ("ris", "bibtex", "csl"):
        from db.interchange.citations.importing import import_citations

        return import_citations(writer, path, kind, options)
    if kind == "w3c":
        from db.interchange.web_annotation import import_annotations

        return import_annotations(writer, path, options)
    return [ImportResult(str(path), "failed", error="not a project or bibliography Dossier reads")]
