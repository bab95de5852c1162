"""The default archive: where it is, and its first run with the sample (whole or not at all)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from db import sample
from db.archive import Archive
from db.location import data_dir, default_archive, open_archive
from db.queries import counts


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DOSSIER_DATA_DIR", str(folder))
    return folder


def sources_in(opened: Archive) -> int:
    with opened.session() as session:
        return counts(session).sources


def test_the_data_folder_is_the_users_unless_overridden(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DOSSIER_DATA_DIR", raising=False)
    assert data_dir() == platformdirs.user_data_path("dossier")
    monkeypatch.setenv("DOSSIER_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert default_archive() == tmp_path / "archive.sqlite"


def test_the_default_archive_is_created_with_the_sample_once(data: Path) -> None:
    opened = open_archive(None)
    try:
        assert opened.path == data / "archive.sqlite"
        assert sources_in(opened) == 1
    finally:
        opened.close()
    assert sorted(p.name for p in data.iterdir()) == ["archive.sqlite"]
    again = open_archive(None)
    try:
        assert sources_in(again) == 1
    finally:
        again.close()


def test_a_named_archive_is_created_empty(data: Path, tmp_path: Path) -> None:
    opened = open_archive(str(tmp_path / "mine.sqlite"))
    try:
        assert sources_in(opened) == 0
    finally:
        opened.close()
    assert not data.exists()


def test_an_interrupted_first_run_leaves_nothing_half_made(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = sample.load_sample

    def interrupted(opened: Archive) -> int:
        real_load(opened)  # the sample is in, but the run is stopped before it is complete
        raise KeyboardInterrupt

    monkeypatch.setattr(sample, "load_sample", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_archive(None)
    assert list(data.iterdir()) == []

    monkeypatch.setattr(sample, "load_sample", real_load)
    opened = open_archive(None)
    try:
        assert sources_in(opened) == 1
    finally:
        opened.close()


def test_what_a_killed_first_run_left_is_cleared(data: Path) -> None:
    data.mkdir()
    for name in ("archive.sqlite.creating", "archive.sqlite.creating-wal", "archive.sqlite.creating-shm"):
        (data / name).write_bytes(b"half made")
    opened = open_archive(None)
    try:
        assert sources_in(opened) == 1
    finally:
        opened.close()
    assert sorted(p.name for p in data.iterdir()) == ["archive.sqlite"]
