"""Desktop tests: window state (QSettings) goes to a temporary folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("DOSSIER_SETTINGS_DIR", str(folder))
    return folder
