"""The Linux downloads `make package dist-linux` builds in dist/, for the frozen tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

DIST = Path(__file__).resolve().parents[2] / "dist"


def built(name: str) -> Path:
    """dist/``name``; skipped when it was not built (failed with DOSSIER_FROZEN=1, as in CI)."""
    path = DIST / name
    if not path.is_file():
        message = f"{path} is missing (run `make package dist-linux`)"
        if os.environ.get("DOSSIER_FROZEN") == "1":
            pytest.fail(message + "; DOSSIER_FROZEN=1 requires it")
        pytest.skip(message)
    if shutil.which("zstd") is None:
        pytest.fail("the zstd program is missing: the downloads cannot be checked")
    return path


def unpack(archive: Path, into: Path) -> None:
    """As ``tar --zstd -xf ARCHIVE`` in ``into`` would (zstd decompressing, tarfile reading)."""
    with subprocess.Popen(["zstd", "-d", "-c", "-q", str(archive)], stdout=subprocess.PIPE) as zstd:
        assert zstd.stdout is not None
        with tarfile.open(fileobj=zstd.stdout, mode="r|") as tar:
            tar.extractall(into, filter="tar")
    assert zstd.returncode == 0
