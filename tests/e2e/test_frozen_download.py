"""The Linux download (``make dist-linux`` after ``make package``) as a researcher gets it.

One .tar.zst with the app folder, the desktop entry and the icons: unpacked anywhere, the
program in it starts. Skipped while the archive is missing; with ``DOSSIER_FROZEN=1`` (CI builds
it after the bundle) a missing archive fails instead.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import dist_linux  # noqa: E402

from db import __version__  # noqa: E402
from tests.e2e.downloads import built, unpack  # noqa: E402

TOP = f"dossier-{__version__}"

pytestmark = [pytest.mark.frozen, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux download")]


@pytest.fixture(scope="module")
def archive() -> Path:
    return built(dist_linux.archive_name())


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("download")
    unpack(archive, folder)
    return folder / TOP


def test_the_download_is_one_file_under_the_ceiling(archive: Path) -> None:
    size_mb = archive.stat().st_size / 1e6
    assert size_mb < dist_linux.CEILING_MB, f"{archive.name} is {size_mb:.1f} MB"


def test_it_holds_the_desktop_entry_icons_and_the_install_note(unpacked: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(unpacked / "dossier.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Name"], desktop["Icon"]) == ("Application", "Dossier", "dossier")
    assert desktop["Exec"].split()[0].endswith("dossier")
    icons = unpacked / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "dossier.svg").is_file()
    for size in (48, 256):
        png = icons / f"{size}x{size}" / "apps" / "dossier.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "install-desktop-entry.sh" in (unpacked / "INSTALL.txt").read_text(encoding="utf-8")
    assert os.access(unpacked / "install-desktop-entry.sh", os.X_OK)


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DOSSIER_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path),
                "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "share")})
    return env


def test_the_unpacked_app_starts_and_opens_the_window(unpacked: Path, tmp_path: Path) -> None:
    program = unpacked / "dossier"
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, env=_env(tmp_path),
                             cwd=tmp_path, timeout=120, check=False)
    assert version.stdout.strip() == f"dossier {__version__}", version.stderr
    archive = tmp_path / "smoke.sqlite"
    smoke = subprocess.run([str(program), "--archive", str(archive), "--smoke"], capture_output=True, text=True,
                           env={**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}, cwd=tmp_path, timeout=180,
                           check=False)
    assert smoke.returncode == 0, smoke.stderr
    assert "Traceback" not in smoke.stderr
    assert archive.is_file()


def test_the_install_script_puts_dossier_in_the_menu(unpacked: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(unpacked / "install-desktop-entry.sh")], capture_output=True, text=True,
                            env=_env(tmp_path), cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    entry = (share / "applications" / "dossier.desktop").read_text(encoding="utf-8")
    assert f'Exec="{unpacked}/dossier" %F' in entry.splitlines()
    assert (share / "icons" / "hicolor" / "128x128" / "apps" / "dossier.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "dossier.svg").is_file()
