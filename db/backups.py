"""Backups of an archive: the copy ``dossier backup OUT`` makes, and the automatic ones, kept
rotating in Dossier's data folder (as Zotero keeps its own) to go back to from the window.

A copy is made by SQLite's backup API through the archive's own connection, so it is consistent
while the window has the archive open and another program is writing (it copies what was
committed), and whichever DB-API module opened the archive makes it. It is written under a
hidden temporary name and renamed once complete, readable by its owner only.

Automatic backups go to ``DATA/backups/`` (``platformdirs.user_data_path("dossier")``, or
``DOSSIER_DATA_DIR``), named ``ARCHIVE-PLACE-YYYYMMDD-HHMMSS-REASON.sqlite`` so that they sort by
archive, then time (PLACE is six hex digits of the archive's full path: two ``archive.sqlite`` in
different folders keep apart), with a small ``.json`` beside each saying what it holds. When:

- ``daily``: the first time the archive is written on a day (the command line), or opened in the
  window; the newest :data:`KEEP_DAILY` are kept;
- ``merge``: before every merge that changes the archive; ``import``: before an import of
  :data:`BIG_IMPORT` files or more; the newest :data:`KEEP_OTHER` of each are kept.

A backup that would hold exactly what the newest one holds (the same fingerprint: each table's
row count, highest id and latest change) is not written again. The backups taken beside the file
before an upgrade (:mod:`db.sqlite_file`) stay where they are and are listed too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from db import keys, sqlite_file
from db.archive import Archive

Report = Callable[[int, int, str], None]

DAILY, MERGE, IMPORT = "daily", "merge", "import"
#: how many automatic backups of one archive are kept, by reason
KEEP_DAILY = 7
KEEP_OTHER = 5
#: an import of this many files or more is backed up before it starts
BIG_IMPORT = 20
#: pages copied per step of the backup API (progress between steps)
STEP_PAGES = 4096
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<archive>.+)-(?P<place>[0-9a-f]{6})-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)\.sqlite$")


class BackupError(Exception):
    """A backup cannot be made where asked; the message names the file and says why."""


@dataclass(frozen=True)
class Backup:
    """One backup of an archive, as the restore dialog lists it."""

    path: Path
    made: dt.datetime
    #: daily, merge, import, or the label of a backup beside the file ("before-0020")
    reason: str
    size: int
    #: how many sources it holds, when known
    sources: int | None


def backup_folder() -> Path:
    from db.location import data_dir

    return data_dir() / "backups"


def copy_archive(archive: Archive, out: Path, report: Report | None = None) -> Path:
    """A consistent copy of the SQLite ``archive`` at ``out`` (see the module); ``out``'s folder
    must exist, and ``out`` must not be the archive itself. Returns ``out``."""
    own = archive.path
    if own is None:
        raise BackupError(f"{archive.location}: a team archive is backed up by its server (pg_dump)")
    out = out.expanduser()
    if not out.parent.is_dir():
        raise BackupError(f"{out}: the folder {out.parent} does not exist")
    if out.is_dir():
        raise BackupError(f"{out}: is a folder; name the backup file to write")
    if any(out.resolve() == f.resolve() for f in sqlite_file.with_journals(own)):
        raise BackupError(f"{out}: is the archive itself; choose another file for the backup")
    partial = sqlite_file.building_name(out)
    sqlite_file.clear_leftovers(out)
    try:
        sqlite_file.private_file(partial)
        raw = archive.engine.raw_connection()
        try:
            source: Any = raw.driver_connection
            # keyed like the archive: an encrypted archive's copy is encrypted with the same key
            with closing(sqlite_file.connect(partial, archive.key)) as destination:
                def step(_status: int, remaining: int, total: int) -> None:
                    if report is not None:
                        report(total - remaining, total, out.name)

                source.backup(destination, pages=STEP_PAGES, progress=step)
                destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            raw.close()
        if archive.key is not None:
            keys.copy_key_file(own, out)
        os.replace(partial, out)
    except OSError as error:
        sqlite_file.remove_with_journals(partial)
        raise BackupError(f"{out}: cannot write the backup ({error.strerror or error})") from error
    except BaseException:
        sqlite_file.remove_with_journals(partial)
        raise
    sqlite_file.make_private(out)
    return out


def _place(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:6]


def _prefix(path: Path) -> str:
    name = re.sub(r"[^\w.-]+", "_", path.name)
    return f"{name}-{_place(path)}-"


def _fingerprint(archive: Archive) -> str:
    raw = archive.engine.raw_connection()
    try:
        parts = sqlite_file.fingerprint(cast(Any, raw.driver_connection))
    finally:
        raw.close()
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _sources(archive: Archive) -> int:
    raw = archive.engine.raw_connection()
    try:
        return int(cast(Any, raw.driver_connection).execute("SELECT count(*) FROM sources").fetchone()[0])
    finally:
        raw.close()


def _facts(backup: Path) -> dict[str, Any]:
    try:
        facts = json.loads(Path(f"{backup}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return facts if isinstance(facts, dict) else {}


def automatic_backups(path: Path) -> list[Path]:
    """The automatic backups of the archive file ``path``, newest first."""
    folder = backup_folder()
    prefix = _prefix(path)
    try:
        found = [p for p in folder.glob("*.sqlite") if p.name.startswith(prefix) and _NAME.match(p.name)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def back_up(archive: Archive, reason: str, *, report: Report | None = None,
            now: dt.datetime | None = None) -> Path | None:
    """An automatic backup of ``archive`` for ``reason`` (daily, merge, import), unless the newest
    one holds the same (then that one is returned); old ones are let go by :func:`rotate`. None
    for an archive that is not a file, read-only, or empty."""
    path = archive.path
    if path is None or archive.read_only:
        return None
    if _sources(archive) == 0:
        return None  # nothing to lose yet
    fingerprint = _fingerprint(archive)
    existing = automatic_backups(path)
    if existing and _facts(existing[0]).get("fingerprint") == fingerprint:
        return existing[0]
    now = now or dt.datetime.now()
    folder = backup_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{_prefix(path)}{now.strftime(_STAMP)}-{reason}.sqlite"
    copy_archive(archive, target, report)
    facts = {"archive": str(path.resolve()), "reason": reason, "made": now.isoformat(timespec="seconds"),
             "fingerprint": fingerprint, "sources": _sources(archive)}
    sidecar = Path(f"{target}.json")
    sqlite_file.private_file(sidecar)
    sidecar.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    rotate(path)
    return target


def daily_backup(archive: Archive, *, now: dt.datetime | None = None) -> Path | None:
    """Today's backup, unless there is one of today already (or nothing changed since the last)."""
    path = archive.path
    if path is None:
        return None
    today = (now or dt.datetime.now()).strftime("%Y%m%d")
    for backup in automatic_backups(path):
        match = _NAME.match(backup.name)
        if match and match["reason"] == DAILY and match["stamp"].startswith(today):
            return None
    return back_up(archive, DAILY, now=now)


def rotate(path: Path) -> list[Path]:
    """Let go of the automatic backups of ``path`` beyond those kept; returns the removed."""
    seen: dict[str, int] = {}
    removed = []
    for backup in automatic_backups(path):
        match = _NAME.match(backup.name)
        reason = match["reason"] if match else DAILY
        seen[reason] = seen.get(reason, 0) + 1
        if seen[reason] > (KEEP_DAILY if reason == DAILY else KEEP_OTHER):
            for file in (backup, Path(f"{backup}.json"), keys.key_file(backup)):
                with suppress(OSError):
                    file.unlink()
            removed.append(backup)
    return removed


def list_backups(path: Path) -> list[Backup]:
    """Every backup of the archive file ``path``: the automatic ones and those beside it (made
    before an upgrade), newest first."""
    found: list[Backup] = []
    for backup in automatic_backups(path):
        match = _NAME.match(backup.name)
        assert match is not None
        facts = _facts(backup)
        with suppress(OSError):
            found.append(Backup(backup, dt.datetime.strptime(match["stamp"], _STAMP), match["reason"],
                                backup.stat().st_size, facts.get("sources")))
    for backup in sqlite_file.backups_of(path):
        label = backup.name[len(path.name) + 1:].removesuffix(".bak")
        with suppress(OSError):
            found.append(Backup(backup, dt.datetime.fromtimestamp(backup.stat().st_mtime),
                                label.rsplit("-", 2)[0], backup.stat().st_size, _count_sources(backup)))
    return sorted(found, key=lambda b: b.made, reverse=True)


def _count_sources(backup: Path, key: bytes | None = None) -> int | None:
    try:
        with closing(_read_only(backup, key)) as connection:
            return int(connection.execute("SELECT count(*) FROM sources").fetchone()[0])
    except Exception:
        return None


def _read_only(backup: Path, key: bytes | None) -> Any:
    return sqlite_file.connect(f"{backup.as_uri()}?mode=ro", key if sqlite_file.is_encrypted(backup) else None,
                               uri=True)


def newest_good_backup(path: Path, key: bytes | None = None) -> Path | None:
    """The newest backup of ``path`` that is whole (SQLite's quick check), to go back to. An
    encrypted backup is checked with the archive's data ``key``; without it, one whose key file
    is beside it is taken on trust (restoring it needs no passphrase, opening it will check it)."""
    for backup in list_backups(path):
        if sqlite_file.is_encrypted(backup.path) and key is None:
            if keys.key_file(backup.path).is_file():
                return backup.path
            continue
        try:
            with closing(_read_only(backup.path, key)) as connection:
                if connection.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok":
                    return backup.path
        except Exception:
            continue
    return None


def restore(archive: Archive, backup: Path) -> Path | None:
    """Put ``backup`` in place of the open ``archive``: first a backup of the archive as it is
    (reason ``restore``, kept with the others), then the archive is closed and replaced (the
    file it was is kept beside it, see :func:`db.sqlite_file.restore_backup`). The caller opens
    it again. Returns the backup made of the archive as it was (None when it held nothing new)."""
    path = archive.path
    if path is None:
        raise BackupError(f"{archive.location}: a team archive is restored by its server")
    before = back_up(archive, "restore")
    archive.close()
    sqlite_file.restore_backup(path, backup)
    return before


def remove_plain_backups(path: Path) -> list[Path]:
    """Remove the unencrypted backups of ``path`` (automatic ones and those beside it), once the
    archive is encrypted: a plain copy left in the data folder would undo the encryption.
    Returns the removed files."""
    removed = []
    for backup in list_backups(path):
        if sqlite_file.is_encrypted(backup.path):
            continue
        for file in (backup.path, Path(f"{backup.path}.json")):
            with suppress(OSError):
                file.unlink()
        removed.append(backup.path)
    return removed
