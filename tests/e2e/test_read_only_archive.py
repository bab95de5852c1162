"""An archive on read-only media can be read (issue 21, defect 11): opened read-only, with or
without its -shm beside it; writing to it is refused with one line, exit 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import archive as archive_module
from tests.factories import make_source

REPO = Path(__file__).resolve().parents[2]


def _unprivileged() -> list[str]:
    """The command prefix that makes this process subject to file modes (root is not)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop the rights to write everything")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder and archive nobody may write (as on a CD or a write-protected stick)."""
    base = Path(tempfile.mkdtemp(prefix="dossier-i21-ro-"))
    folder = base / "media"
    folder.mkdir()
    path = folder / "field.sqlite"
    opened = archive_module.open(path)
    make_source(opened, "Forty were detained at the checkpoint.", title="Checkpoint report")
    opened.close()
    os.chmod(base, 0o755)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    yield folder
    os.chmod(folder, 0o755)
    shutil.rmtree(base, ignore_errors=True)


def dossier(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-m", "desktop", *argv],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_an_archive_on_read_only_media_is_read(read_only_folder: Path) -> None:
    path = read_only_folder / "field.sqlite"
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["field.sqlite"]
    done = dossier("--archive", str(path), "sources", "--json")
    assert done.returncode == 0, done.stderr
    assert [s["title"] for s in json.loads(done.stdout)] == ["Checkpoint report"]
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["field.sqlite"]


def test_importing_into_it_is_refused_in_one_line(read_only_folder: Path, tmp_path: Path) -> None:
    report = Path(tempfile.mkdtemp(prefix="dossier-i21-in-")) / "new.txt"
    report.write_text("New\n\nAnother report.\n")
    os.chmod(report.parent, 0o755)
    path = read_only_folder / "field.sqlite"
    done = dossier("--archive", str(path), "import", str(report), "--json")
    shutil.rmtree(report.parent, ignore_errors=True)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"{path}: the archive is read-only")
