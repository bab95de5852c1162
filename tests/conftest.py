"""Shared fixtures: a migrated archive per test (built once, copied), the sample, ../shared/data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import archive as archive_module
from db.archive import Archive

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_shared_data() -> Path:
    """../shared/data, or a skip (a failure under CI, where it must be present)."""
    if not SHARED_DATA.is_dir():
        message = f"{SHARED_DATA} is missing"
        if IN_CI:
            pytest.fail(message + " (CI=true: tests that use shared data must run)")
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Dossier's data folder (the automatic backups, db.backups) is the test's own, never the
    user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DOSSIER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def shared_data() -> Path:
    return require_shared_data()


@pytest.fixture
def shared_data_dir() -> Path:
    return require_shared_data()


@pytest.fixture(scope="session")
def _empty_archive_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    archive_module.open(path).close()
    return path


@pytest.fixture
def archive_path(tmp_path: Path, _empty_archive_file: Path) -> Path:
    """A fresh, migrated, empty archive file for this test."""
    path = tmp_path / "archive.sqlite"
    shutil.copyfile(_empty_archive_file, path)
    return path


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    opened = archive_module.open(archive_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def _sample_archive_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.sample import load_sample

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    opened = archive_module.open(path)
    load_sample(opened)
    opened.close()
    return path


@pytest.fixture
def sample_archive(tmp_path: Path, _sample_archive_file: Path) -> Iterator[Archive]:
    """A copy of the first-run sample archive (the seed article with actors and statistics)."""
    path = tmp_path / "sample.sqlite"
    shutil.copyfile(_sample_archive_file, path)
    opened = archive_module.open(path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def _postgres_server() -> Iterator[str | None]:
    """A PostgreSQL database for the server tests: ``DOSSIER_TEST_PG_URL`` when set, otherwise a
    throw-away cluster this test run starts itself (None when the machine has no server)."""
    url = os.environ.get("DOSSIER_TEST_PG_URL")
    if url:
        yield url
        return
    from tests.postgres import NoServer, start_server

    folder = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
    try:
        server = start_server(folder)
    except NoServer as error:
        _postgres_missing.append(str(error))
        yield None
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        yield server.url
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


#: why no server could be started (said once, by the tests that need one)
_postgres_missing: list[str] = []


@pytest.fixture
def postgres_url(_postgres_server: str | None) -> str:
    if _postgres_server is None:
        message = "; ".join(_postgres_missing) or "no PostgreSQL server"
        if IN_CI:
            pytest.fail(message + " (CI=true: the server tests must run)")
        pytest.skip(message)
    return _postgres_server


#: the modules of the optional part "dictionaries" (db.optional_parts)
DICTIONARIES = ("pymorphy3_dicts_ru", "pymorphy3_dicts_uk")


def _forget_dictionaries() -> None:
    """The analysers, their words' caches and the part's note made again from the next use."""
    from db import optional_parts
    from db.language import morphology

    morphology.analyser.cache_clear()
    morphology.inflections.cache_clear()
    for cache in morphology._LEMMAS.values():
        cache.clear()
    optional_parts._reported.discard(morphology.PART)


@pytest.fixture
def without_dictionaries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Russian and Ukrainian dictionaries missing, as Python marks an absent module
    (``sys.modules[name] = None``: ``importlib.util.find_spec`` finds nothing, as in the frozen
    app without the part)."""
    import sys

    for name in DICTIONARIES:
        monkeypatch.setitem(sys.modules, name, None)
    _forget_dictionaries()
    yield
    monkeypatch.undo()
    _forget_dictionaries()
