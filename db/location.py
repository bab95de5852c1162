"""Where the archive is: the one named on the command line, or the default one in the data folder.

The default archive is ``archive.sqlite`` in the user data folder (``platformdirs``;
``$XDG_DATA_HOME/dossier/`` on Linux, or ``DOSSIER_DATA_DIR`` when set). It is created with the
sample on first use, by any command and by the window alike.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from db import archive
from db.archive import Archive

APP_NAME = "dossier"


def data_dir() -> Path:
    """The folder Dossier keeps the researcher's data in (``DOSSIER_DATA_DIR`` overrides it)."""
    override = os.environ.get("DOSSIER_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME)


def default_archive() -> Path:
    return data_dir() / "archive.sqlite"


def open_archive(location: str | None, passphrase: str | None = None, *, checked_later: bool = False) -> Archive:
    """Open the archive at ``location`` (a path or URL), or the default one when it is None; an
    encrypted one with its ``passphrase`` (``checked_later``: see :func:`db.archive.open`).

    Raises :class:`db.archive.ArchiveError` when it cannot be opened.
    """
    if location is not None:
        return archive.open(location, passphrase=passphrase, checked_later=checked_later)
    path = default_archive()
    if not path.exists():
        # the sample's imports (the importer, the extractors) load on the first run only
        from db.sample import create_with_sample

        create_with_sample(path)
    return archive.open(path, passphrase=passphrase, checked_later=checked_later)
