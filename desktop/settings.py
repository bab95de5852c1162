"""Where the window keeps its state (geometry, dock layout, column widths, recent archives, the
reference table mappings confirmed per layout of columns).

What could tell who or what a researcher works on (the recent archives, the source last read in
each) can be turned off; for an encrypted archive neither is ever recorded.

QSettings in INI format under the organisation/application names set in :mod:`desktop.app`.
``DOSSIER_SETTINGS_DIR`` moves the file (tests point it at a temporary folder so they never read
or write the researcher's own settings).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Dossier"
APPLICATION = "dossier"
RECENT_LIMIT = 8
#: minutes without a key or mouse press before an encrypted archive locks (0: never)
LOCK_MINUTES = 15
REMEMBER_RECENT, REMEMBER_LAST_SOURCE, LOCK_AFTER = "privacy/rememberRecent", "privacy/rememberLastSource", "privacy/lockMinutes"


def settings() -> QSettings:
    """The settings store (a fresh handle; QSettings objects are cheap)."""
    folder = os.environ.get("DOSSIER_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / "dossier.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def read_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def write_bytes(key: str, value: QByteArray) -> None:
    settings().setValue(key, value)


def recent_archives() -> list[str]:
    """Archives opened lately, most recent first."""
    value = settings().value("recentArchives", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if v]


def _flag(key: str) -> bool:
    return str(settings().value(key, "true")).lower() not in {"false", "0", "no"}


def remember_recent() -> bool:
    """Whether opened archives are listed in File ▸ Open Recent (on unless turned off)."""
    return _flag(REMEMBER_RECENT)


def remember_last_source() -> bool:
    """Whether each archive opens again on the source last read in it."""
    return _flag(REMEMBER_LAST_SOURCE)


def set_remembering(recent: bool, last_source: bool) -> None:
    settings().setValue(REMEMBER_RECENT, recent)
    settings().setValue(REMEMBER_LAST_SOURCE, last_source)
    if not recent:
        clear_recent_archives()
    if not last_source:
        settings().remove("lastSource")


def lock_minutes() -> int:
    """Idle minutes before an encrypted archive locks (0: never)."""
    try:
        return max(0, int(str(settings().value(LOCK_AFTER, LOCK_MINUTES))))
    except ValueError:
        return LOCK_MINUTES


def set_lock_minutes(minutes: int) -> None:
    settings().setValue(LOCK_AFTER, max(0, minutes))


def add_recent_archive(location: str, *, encrypted: bool = False) -> None:
    """List ``location`` first among the recent archives (never an encrypted one, nor when turned off)."""
    if encrypted or not remember_recent():
        return
    items = [location, *(r for r in recent_archives() if r != location)][:RECENT_LIMIT]
    settings().setValue("recentArchives", items)


def clear_recent_archives() -> None:
    settings().remove("recentArchives")


def _layout_key(columns: Sequence[str]) -> str:
    # a table's layout is the set of its column names; hashed, as a key may not hold "/" freely
    names = json.dumps(sorted(set(columns)), ensure_ascii=False)
    return "referenceMappings/" + hashlib.sha256(names.encode("utf-8")).hexdigest()[:24]


def remembered_table_mapping(columns: Sequence[str]) -> dict[str, object] | None:
    """The reference mapping confirmed last for a table with these columns (as a JSON record).

    Kept per user, not in the archive: how someone reads a kind of download is their habit, the
    same in every archive they open, and nothing a teammate's copy or a merge should carry."""
    value = settings().value(_layout_key(columns))
    if not isinstance(value, str):
        return None
    try:
        record = json.loads(value)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def remember_table_mapping(columns: Sequence[str], record: dict[str, object]) -> None:
    settings().setValue(_layout_key(columns), json.dumps(record, ensure_ascii=False))
