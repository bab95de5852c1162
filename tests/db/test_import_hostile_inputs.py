"""Inputs that crashed a whole import with a traceback (issue 21, defect 4): each must become a
``PATH: problem`` line, the rest of the batch saved, the JSON printed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from db.archive import Archive
from db.cli import main
from db.importer import import_paths

REPO = Path(__file__).resolve().parents[2]


def _report(folder: Path, name: str, text: str = "Twelve checkpoints were closed.") -> Path:
    path = folder / name
    path.write_text(f"{name}\n\n{text}\n", encoding="utf-8")
    return path


def _deep_folder(base: Path) -> Path:
    """A folder whose path is longer than the system allows (PATH_MAX, 4096 on Linux): made
    one level at a time, relative to the one before."""
    names = ["d" * 200] * 24
    descriptor = os.open(base, os.O_RDONLY)
    try:
        for name in names:
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        with os.fdopen(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor), "w") as handle:
            handle.write("Deep\n\nA text too far down.\n")
        os.close(os.open("photo.jpg", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor))
    finally:
        os.close(descriptor)
    return base / "/".join(names)


def _remove_deep(base: Path) -> None:
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "field"
    folder.mkdir()
    _report(folder, "a.txt")
    _deep_folder(folder)
    _report(folder, "z.txt")
    yield folder
    _remove_deep(folder)


def test_a_path_over_the_system_limit_fails_alone(archive: Archive, deep: Path) -> None:
    results = import_paths(archive, [deep], workers=0)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["a.txt"].status == "imported"
    assert by_name["z.txt"].status == "imported"
    failed = [r for r in results if r.status == "failed"]
    assert failed
    assert all("too long" in (r.error or "") for r in failed)


def test_a_text_over_two_gigabytes_is_refused_before_it_is_read(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    folder.mkdir()
    _report(folder, "a.txt")
    huge = folder / "b-huge.txt"
    with huge.open("wb") as handle:  # sparse: takes no disk space
        handle.write(b"Leaked chat log\n\n" + b"They said forty were taken.\n" * 40000)
        handle.truncate((2 << 30) + 1)
    _report(folder, "c.txt")
    results = import_paths(archive, [folder], workers=0)
    assert [r.status for r in results] == ["imported", "failed", "imported"]
    assert "too large" in (results[1].error or "")


def _limit_pages(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # SQLite's own "database or disk is full", as a full disk gives it: the archive may not grow
    # past what it holds now and a few pages
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 40}")


def test_a_full_disk_is_said_as_such_and_the_import_ends_cleanly(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _report(folder, "a-small.txt")
    big = folder / "b-big.txt"
    big.write_text("Big report\n\n" + "".join(f"Line {n} of the list of names.\n" for n in range(60000)))
    for n in range(3):
        _report(folder, f"c-{n}.txt", f"Report number {n}.")
    event.listen(Engine, "connect", _limit_pages)
    try:
        code = main(["--archive", str(archive_path), "import", str(folder), "--json"])
    finally:
        event.remove(Engine, "connect", _limit_pages)
    out, err = capsys.readouterr()
    results = json.loads(out)
    assert code == 1
    assert [r["status"] for r in results] == ["imported", "failed", "failed", "failed", "failed"]
    assert all(r["error"].startswith("disk full") for r in results[1:])
    assert "Traceback" not in err
    assert f"{big}: disk full" in err
    with sqlite3.connect(archive_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM sources").fetchone() == (1,)


_UNPRIVILEGED = """
import json, sys
from db import archive
from db.importer import import_paths
opened = archive.open(sys.argv[1])
print(json.dumps([[r.path, r.status, r.error] for r in import_paths(opened, [sys.argv[2]], workers=0)]))
opened.close()
"""


def test_a_folder_listable_but_not_enterable_fails_alone() -> None:
    """Run by a process without rights to the folder (root reads everything: without the
    capabilities that let it)."""
    base = Path(tempfile.mkdtemp(prefix="dossier-i21-"))
    try:
        os.chmod(base, 0o777)
        folder = base / "field"
        folder.mkdir()
        _report(folder, "a.txt")
        closed = folder / "m-closed"
        closed.mkdir()
        _report(closed, "inside.txt")
        (closed / "photo.jpg").write_bytes(b"\xff\xd8\xff")
        _report(folder, "z.txt")
        for path in (folder, folder / "a.txt", folder / "z.txt"):
            os.chmod(path, 0o777 if path.is_dir() else 0o666)
        os.chmod(closed, 0o444)  # names listed, the folder not entered
        prefix: list[str] = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root without setpriv to drop the rights to read everything")
            prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
        done = subprocess.run(
            [*prefix, sys.executable, "-c", _UNPRIVILEGED, str(base / "archive.sqlite"), str(folder)],
            cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        )
        assert done.returncode == 0, done.stderr
        results = {Path(path).name: (status, error) for path, status, error in json.loads(done.stdout)}
        assert results["a.txt"][0] == "imported"
        assert results["z.txt"][0] == "imported"
        assert results["inside.txt"] == ("failed", "cannot read the file: Permission denied")
        assert results["photo.jpg"][0] == "failed"
    finally:
        os.chmod(base / "field" / "m-closed", 0o755)
        shutil.rmtree(base, ignore_errors=True)
