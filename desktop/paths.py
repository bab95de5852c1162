"""Where Dossier keeps the researcher's data (platformdirs), overridable from the command line."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dossier"


def data_dir() -> Path:
    override = os.environ.get("DOSSIER_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME)


def default_archive() -> Path:
    return data_dir() / "archive.sqlite"
