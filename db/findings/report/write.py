"""``dossier export report OUT`` and File ▸ Report…: the claims dossier written as OUT's suffix says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from db.findings.report.build import EmptyReport, Report, ReportOptions, build_document

if TYPE_CHECKING:
    from db.archive import Archive
    from db.findings.report.document import Document

SUFFIXES = (".docx", ".pdf", ".html")

__all__ = ["SUFFIXES", "EmptyReport", "ReportOptions", "render", "write_report"]


def render(document: Document, suffix: str) -> bytes:
    """The document in the format of ``suffix`` (.docx, .pdf or .html)."""
    suffix = suffix.lower()
    if suffix == ".html":
        from db.findings.report.html import render_html

        return render_html(document).encode("utf-8")
    if suffix == ".docx":
        from db.findings.report.docx import render_docx

        return render_docx(document)
    if suffix == ".pdf":
        from db.findings.report.pdf import render_pdf

        return render_pdf(document)
    raise ValueError(f"a report is written as {', '.join(SUFFIXES)}, not {suffix or 'a file without a suffix'}")


def write_report(
    archive: Archive,
    out: Path,
    options: ReportOptions,
    report: Report | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the report of ``options`` to ``out``; how many claims it shows.

    Raises :class:`EmptyReport` when the selection has nothing to report, ValueError for a
    suffix it does not write; the file is written whole or not at all.
    """
    if out.suffix.lower() not in SUFFIXES:
        raise ValueError(f"a report is written as {', '.join(SUFFIXES)}")
    with archive.session() as session:
        document = build_document(session, options, report, cancelled)
    data = render(document, out.suffix)
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    partial.replace(out)
    return document.claims
