"""The preview of a merge (reads both archives, writes nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.archive import Archive
from db.merge import MergeResult, preview_merge


def preview(archive: Archive, other: Path, report: Callable[[int, int, str], None] | None = None) -> MergeResult:
    return preview_merge(archive, other, report=report)
