"""A second, empty archive to import into (the one a co-author opens)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import archive as archive_module
from db.archive import Archive


@pytest.fixture
def fresh(tmp_path: Path, _empty_archive_file: Path) -> Iterator[Archive]:
    path = tmp_path / "fresh.sqlite"
    shutil.copyfile(_empty_archive_file, path)
    opened = archive_module.open(path)
    yield opened
    opened.close()
