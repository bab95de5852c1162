"""What an import says about each file (or row), and what it is asked to do."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from db.ingest._common import readable_name

Status = Literal["imported", "duplicate", "failed", "skipped"]
Report = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

@dataclass
class ImportResult:
    path: str
    status: Status
    source_id: int | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: "row 17" for a row of a table of articles
    part: str | None = None
    title: str | None = None
    #: the file is encrypted: asking for a password may help
    needs_password: bool = False
    #: what a file of many kinds of rows brought in ("12 codes, 40 annotations"), said instead
    #: of a source id (a REFI-QDA project or codebook)
    summary: str | None = None
    #: from a project or bibliography file (REFI-QDA, RIS, BibTeX, CSL-JSON, Web Annotations),
    #: which may bring codes, annotations, actors and claims besides sources; other files bring
    #: sources only (with the actors of their outlets)
    beyond_sources: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": readable_name(self.path),
            "status": self.status,
            "source_id": self.source_id,
            "error": self.error,
        }
        if self.part is not None:
            data["part"] = self.part
        if self.warnings:
            data["warnings"] = self.warnings
        return data

    def describe(self, relative_to: Path | None = None) -> str:
        """One line for people: ``PATH: what happened`` (PATH relative to a folder if given)."""
        path = readable_name(self.path)
        if relative_to is not None:
            with contextlib.suppress(ValueError):
                path = str(Path(self.path).relative_to(relative_to))
        where = f"{path} ({self.part})" if self.part else path
        if self.status == "failed":
            return f"{where}: {self.error}"
        if self.status == "duplicate":
            if self.summary is not None:
                return f"{where}: already in the archive ({self.summary})"
            return f"{where}: already in the archive (source {self.source_id})"
        if self.status == "skipped":
            return f"{where}: skipped — {self.error}"
        title = f" “{self.title}”" if self.title else ""
        note = f" [{'; '.join(self.warnings)}]" if self.warnings else ""
        if self.summary is not None:
            return f"{where}: imported {self.summary}{note}"
        return f"{where}: imported as source {self.source_id}{title}{note}"


@dataclass(frozen=True)
class ImportOptions:
    password: str | None = None
    #: column mapping for tables of articles (db.ingest.table.TableOptions); guessed when None
    table_options: object | None = None
    #: import a file again even when the archive already has it
    keep_duplicates: bool = False
    created_by: str | None = None
