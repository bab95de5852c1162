"""Checking the archive and listing its backups (reads the archive and its backups, writes
nothing in the archive; the daily backup is a file beside the user's data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.archive import Archive
from db.backups import Backup, daily_backup, list_backups, newest_good_backup
from db.integrity import CheckResult, check_archive


def check(archive: Archive, *, quick: bool, report: Callable[[int, int, str], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> CheckResult:
    """A check of ``archive``, with the newest whole backup to go back to when it is damaged.
    The quick one follows opening, which checked the file's pages (a large one's only when the
    window opened it: then the pages here)."""
    result = check_archive(archive, quick=quick, file_checked=quick and archive.pages_checked,
                           report=report, cancelled=cancelled)
    if not result.ok and archive.path is not None:
        result.backup = newest_good_backup(archive.path, archive.key)
    return result


def check_on_opening(archive: Archive) -> CheckResult:
    """The quick check, then, when the archive is whole, today's backup if there is none yet
    (a damaged archive is not copied over the way back)."""
    result = check(archive, quick=True)
    if result.ok and not archive.read_only:
        daily_backup(archive)
    return result


def backups_of(archive: Archive) -> list[Backup]:
    return list_backups(archive.path) if archive.path is not None else []


def newest_good(path: Path) -> Path | None:
    return newest_good_backup(path)
