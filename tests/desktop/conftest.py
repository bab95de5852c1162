"""Desktop tests: window state (QSettings) goes to a temporary folder, never the user's; one
``window`` fixture for every test that needs the main window.

A module shapes the window by overriding the small fixtures it is built from:
``window_archive`` (what archive it opens: the sample by default), ``window_persists`` (whether it
keeps its layout in QSettings) and ``window_source`` (a source to open in the reader first).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import open_window, settle


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("DOSSIER_SETTINGS_DIR", str(folder))
    return folder


@pytest.fixture
def window_archive(sample_archive: Archive) -> Archive:
    """The archive the ``window`` opens."""
    return sample_archive


@pytest.fixture
def window_persists() -> bool:
    """Whether the ``window`` saves and restores its layout (in the test's own QSettings)."""
    return False


@pytest.fixture
def window_source() -> int | None:
    """A source the ``window`` shows in the reader before the test starts (None: none)."""
    return None


@pytest.fixture
def window(qtbot: QtBot, window_archive: Archive, window_persists: bool, window_source: int | None) -> MainWindow:
    """The main window, shown, its panes filled (and ``window_source`` open, its panes loaded)."""
    main = open_window(qtbot, window_archive, persist=window_persists)
    if window_source is not None:
        main.open_source(window_source)
        settle(qtbot, main)
    return main
