"""Where the window keeps its state (geometry, dock layout, column widths, recent archives).

QSettings in INI format under the organisation/application names set in :mod:`desktop.app`.
``DOSSIER_SETTINGS_DIR`` moves the file (tests point it at a temporary folder so they never read
or write the researcher's own settings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Dossier"
APPLICATION = "dossier"
RECENT_LIMIT = 8


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


def add_recent_archive(location: str) -> None:
    items = [location, *(r for r in recent_archives() if r != location)][:RECENT_LIMIT]
    settings().setValue("recentArchives", items)


def clear_recent_archives() -> None:
    settings().remove("recentArchives")
