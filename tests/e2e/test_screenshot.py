"""``dossier screenshot`` and ``dossier --smoke`` as subprocesses, offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from db.archive import Archive

REPO = Path(__file__).resolve().parents[2]


def dossier(*args: str, tmp_path: Path, platform: str | None = "offscreen",
            **more_env: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **more_env)
    env.pop("QT_QPA_PLATFORM", None)
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    env["DOSSIER_SETTINGS_DIR"] = str(tmp_path / "settings")
    env["DOSSIER_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=180, check=False,
    )


def distinct_colours(image: QImage) -> int:
    return len({
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 19)
        for y in range(0, image.height(), 13)
    })


def copy_of(sample_archive: Archive, tmp_path: Path) -> Path:
    path = tmp_path / "copy.sqlite"
    assert sample_archive.path is not None
    shutil.copyfile(sample_archive.path, path)
    return path


def test_screenshot_renders_the_window_at_the_requested_size(sample_archive: Archive, tmp_path: Path) -> None:
    archive = copy_of(sample_archive, tmp_path)
    out = tmp_path / "shots" / "main.png"
    result = dossier("--archive", str(archive), "screenshot", str(out), "--width", "1100", "--height", "720",
                     tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1100, 720)
    assert distinct_colours(image) > 30  # panes, text and highlighting, not a blank frame


def test_screenshot_of_a_chosen_source_and_of_a_missing_one(sample_archive: Archive, tmp_path: Path) -> None:
    archive = copy_of(sample_archive, tmp_path)
    out = tmp_path / "source.png"
    ok = dossier("--archive", str(archive), "screenshot", str(out), "--source", "1", tmp_path=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert QImage(str(out)).width() == 1400
    missing = dossier("--archive", str(archive), "screenshot", str(tmp_path / "m.png"), "--source", "999",
                      tmp_path=tmp_path)
    assert missing.returncode == 1
    assert "999: no such source" in missing.stderr


def test_screenshot_needs_no_display(
    sample_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server or over SSH: no display and no QT_QPA_PLATFORM set by the researcher."""
    archive = copy_of(sample_archive, tmp_path)
    out = tmp_path / "headless.png"
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = dossier("--archive", str(archive), "screenshot", str(out), tmp_path=tmp_path, platform=None)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1400


def test_smoke_says_when_the_window_is_usable_only_when_asked(sample_archive: Archive, tmp_path: Path) -> None:
    archive = copy_of(sample_archive, tmp_path)
    quiet = dossier("--archive", str(archive), "--smoke", tmp_path=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "usable" not in quiet.stderr  # nothing for a user to see
    asked = dossier("--archive", str(archive), "--smoke", tmp_path=tmp_path,
                    QT_LOGGING_RULES="dossier.startup.debug=true;qt.widgets.showhide=true",
                    QT_MESSAGE_PATTERN="%{time boot} %{message}")
    assert asked.returncode == 0, asked.stderr
    lines = asked.stderr.splitlines()
    usable = [n for n, line in enumerate(lines) if " usable: sources" in line]
    shown = [n for n, line in enumerate(lines) if 'name="mainWindowWindow") to true' in line]
    assert len(usable) == 1, asked.stderr  # once, at the first filling of the lists
    assert shown, asked.stderr
    assert shown[0] < usable[0]  # shown first, usable once its lists are in
    assert float(lines[shown[0]].split()[0]) <= float(lines[usable[0]].split()[0])


def test_smoke_opens_the_window_and_exits_cleanly(sample_archive: Archive, tmp_path: Path) -> None:
    archive = copy_of(sample_archive, tmp_path)
    result = dossier("--archive", str(archive), "--smoke", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_an_archive_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"interview notes, 2015\n" * 50)
    before = notes.read_bytes()
    for args in (("--smoke",), ("screenshot", str(tmp_path / "x.png"))):
        result = dossier("--archive", str(notes), *args, tmp_path=tmp_path)
        assert result.returncode == 2
        assert str(notes) in result.stderr
        assert "not a Dossier archive" in result.stderr
        assert notes.read_bytes() == before
    assert not (tmp_path / "x.png").exists()
