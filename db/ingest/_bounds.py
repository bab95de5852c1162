"""How much any one file may grow to while it is read: what keeps a tiny crafted file from
taking gigabytes of memory (a zip bomb, a repeat count of billions).

Office files (.docx, .odt, .xlsx) and e-books (.epub) are zip archives whose members the libraries inflate whole;
Python's zipfile never inflates a member past the size its directory declares, so checking the
declared sizes before anything is inflated bounds what reading can take.
"""

from __future__ import annotations

import zipfile

from db.ingest.base import IngestError

#: the largest file Dossier keeps (SQLite and PostgreSQL keep values of up to about 1 GB)
MAX_FILE_BYTES = 1_000_000_000
#: what one member parsed as XML (a document's body, a sheet, its strings) may inflate to; a
#: 10,000-page report's body is about 50 MB
MAX_XML_MEMBER = 256 << 20
#: what all members of one office file may inflate to together (its images included)
MAX_INFLATED = 1 << 30
#: characters that repeat counts (ODF's ``text:s text:c="N"``) may add to one document's text
MAX_REPEATED = 1_000_000


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def file_too_large(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be kept, or None."""
    if size > MAX_FILE_BYTES:
        return (f"too large to import ({size / 1e9:,.1f} GB; Dossier keeps files of up to "
                f"{MAX_FILE_BYTES / 1e9:,.0f} GB): split it into parts")
    return None


def check_members(archive: zipfile.ZipFile, kind: str, parsed_suffixes: tuple[str, ...] = (".xml", ".rels")) -> None:
    """Refuse an office file whose members would inflate past the bounds above (those named
    with ``parsed_suffixes`` are the ones parsed whole)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        parsed = info.filename.lower().endswith(parsed_suffixes)
        if parsed and info.file_size > MAX_XML_MEMBER:
            raise IngestError(
                f"not read: this {kind}'s part {info.filename} would inflate to "
                f"{_megabytes(info.file_size)} (more than {_megabytes(MAX_XML_MEMBER)}; a damaged "
                "or crafted file?)"
            )
    if total > MAX_INFLATED:
        raise IngestError(
            f"not read: this {kind} would inflate to {_megabytes(total)} (more than "
            f"{_megabytes(MAX_INFLATED)}; a damaged or crafted file?)"
        )
