"""Export to and import from REFI-QDA files, as ``dossier export``/``dossier import`` and the
window call them: one unit of work per project (a project that cannot be saved leaves nothing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import Writer
from db.interchange.refi.from_archive import build_export
from db.interchange.refi.model import Project
from db.interchange.refi.reader import EXTRAS_MEMBER, read_codebook, read_project
from db.interchange.refi.safety import MemberError, ProjectError, ProjectFiles
from db.interchange.refi.store import Store, Stored
from db.interchange.refi.writer import codebook_xml, write_qdpx

PROJECT_SUFFIXES = (".qdpx", ".qde")
CODEBOOK_SUFFIXES = (".qdc",)


class ExportCancelled(Exception):
    """Cancelled before the project was written: nothing is left behind."""


def export_qdpx(session: Session, out: Path, source_ids: Sequence[int] | None = None, *,
                report: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> int:
    """Write the archive (or the chosen sources) as a REFI-QDA project; returns the sources
    written. ``report(done, total, step)`` hears of each step (read, write and check, zip);
    ``cancelled()`` stops between them, before anything is written."""
    def step(done: int, what: str) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled
        if report is not None:
            report(done, 3, what)

    step(0, "reading the archive")
    export = build_export(session, source_ids)
    step(1, "writing and checking project.qde")
    write_qdpx(out, export.project, export.files, before_zip=lambda: step(2, "packing the .qdpx"))
    return export.counts["sources"]


def export_qdc(session: Session, out: Path) -> int:
    """Write the codebook as a REFI-QDA codebook; returns the codes written."""
    export = build_export(session, [])
    data = codebook_xml(export.project)
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return len(export.project.all_codes())


def _summary(stored: Stored) -> str:
    names = ("sources", "notes as sources", "codes", "annotations", "codings", "actors", "mentions",
             "relations", "statistics", "memos")
    said = [f"{stored.counts[n]:,} {n}" for n in names if stored.counts.get(n)]
    return ", ".join(said) if said else "nothing new"


def import_refi(writer: Writer, path: Path, options: ImportOptions) -> list[ImportResult]:
    """A .qdpx, .qde or .qdc: read whole first, then written in one unit of work. Each source
    gets a result (imported, duplicate, or failed with why); the last result sums the project up
    and names what was not imported (pictures, audio, selections that could not be placed)."""
    name = str(path)
    codebook = path.suffix.lower() in CODEBOOK_SUFFIXES
    try:
        with ProjectFiles(path) as files:
            if codebook:
                project = read_codebook(files.project_xml()[1], path.name)
            else:
                project = read_project(files)
            return _store(writer, name, project, files, options)
    except (ProjectError, MemberError) as error:
        return [ImportResult(name, "failed", error=str(error))]


def _store(writer: Writer, name: str, project: Project, files: ProjectFiles, options: ImportOptions) -> list[ImportResult]:
    try:
        with writer.unit() as session:
            stored = Store(session, project, files, options.created_by).run()
    except (SQLAlchemyError, ValueError) as error:
        return [ImportResult(name, "failed", error=f"could not be saved, nothing of it was imported ({error})")]
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        return [ImportResult(name, "failed", error=f"{EXTRAS_MEMBER} is damaged ({type(error).__name__}: {error}); nothing of the project was imported")]
    results: list[ImportResult] = []
    for outcome in stored.sources:
        part = f"source “{outcome.source.name or outcome.source.guid}”"
        if outcome.status == "failed":
            results.append(ImportResult(name, "failed", error=f"not imported: {'; '.join(outcome.warnings)}", part=part))
        else:
            results.append(ImportResult(name, "duplicate" if outcome.status == "duplicate" else "imported",
                                        source_id=outcome.source_id, warnings=outcome.warnings, part=part,
                                        title=outcome.source.name))
    warnings = list(project.problems) + [f"not imported: {s}" for s in project.skipped] + stored.warnings
    if stored.convention is not None and any(o.source.selections for o in stored.sources):
        warnings.insert(0, f"positions read as {stored.convention.describe()}")
    if stored.counts.get("unplaced"):
        warnings.append(f"{stored.counts['unplaced']} selection(s) could not be placed (kept as orphaned annotations)")
    new = any(n for k, n in stored.counts.items() if k != "unplaced")
    results.append(ImportResult(name, "imported" if new else "duplicate",
                                part="codebook" if not project.sources and not project.cases else "project",
                                summary=_summary(stored), warnings=warnings))
    return results
