"""The PyInstaller build (``make package``) run as a researcher would: dist/dossier/dossier.

These tests carry the ``frozen`` marker and are skipped while the bundle is missing. With
``DOSSIER_FROZEN=1`` (CI sets it after building) a missing bundle fails instead of skipping.
What breaks only when frozen is what they exercise: data files read through importlib.resources,
Alembic reading the migration scripts from the bundle, modules imported by name (dialects,
dateparser's languages), Qt plugins, fonts and the bundled SQLite with FTS5.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "dossier"
EXECUTABLE = BUNDLE / ("dossier.exe" if sys.platform == "win32" else "dossier")
SEED = REPO / "resources" / "sample" / "isis-comes-to-russia.txt"

pytestmark = pytest.mark.frozen


@pytest.fixture(scope="module")
def executable() -> Path:
    """The frozen program, or a skip (a failure when DOSSIER_FROZEN=1 asks for these tests)."""
    if not EXECUTABLE.is_file():
        message = f"{EXECUTABLE} is missing (run `make package`)"
        if os.environ.get("DOSSIER_FROZEN") == "1":
            pytest.fail(message + "; DOSSIER_FROZEN=1 requires the bundle")
        pytest.skip(message)
    return EXECUTABLE


def run(
    command: list[str], tmp_path: Path, *args: str, gui: bool = False, timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``args`` in ``tmp_path``, its data folder there too (never the user's)."""
    env = dict(os.environ)
    env["DOSSIER_DATA_DIR"] = str(tmp_path / "data")
    env["HOME"] = str(tmp_path)  # QSettings and caches stay in the test's folder
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    if gui:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)  # the headless commands must not need Qt
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=timeout, check=False,
    )


def frozen(executable: Path, tmp_path: Path, *args: str, gui: bool = False) -> subprocess.CompletedProcess[str]:
    return run([str(executable)], tmp_path, *args, gui=gui)


def from_source(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "desktop"], tmp_path, *args)


def json_of(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_version(executable: Path, tmp_path: Path) -> None:
    from db import __version__

    result = frozen(executable, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"dossier {__version__}"


def test_smoke_opens_the_window_and_exits_cleanly(executable: Path, tmp_path: Path) -> None:
    archive = tmp_path / "smoke.sqlite"
    result = frozen(executable, tmp_path, "--archive", str(archive), "--smoke", gui=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert archive.is_file()  # the window opened (and so created) the archive it was given


def test_smoke_on_an_x11_display(executable: Path, tmp_path: Path) -> None:
    """The xcb platform plugin and the xcb libraries bundled with it load on a real X server."""
    if shutil.which("xvfb-run") is None:
        if os.environ.get("DOSSIER_FROZEN") == "1":
            pytest.fail("xvfb-run is missing (apt-get install xvfb xauth); DOSSIER_FROZEN=1 requires it")
        pytest.skip("xvfb-run is missing (apt-get install xvfb xauth)")
    archive = tmp_path / "x11.sqlite"
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "env", "QT_QPA_PLATFORM=xcb", str(executable)]
    result = run(command, tmp_path, "--archive", str(archive), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert archive.is_file()


def test_import_the_seed_then_list_show_and_search(executable: Path, tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite")
    [imported] = json_of(frozen(executable, tmp_path, "--archive", archive, "import", str(SEED), "--json"))
    assert (imported["status"], imported["error"]) == ("imported", None)

    [source] = json_of(frozen(executable, tmp_path, "--archive", archive, "sources", "--json"))
    assert (source["title"], source["published"], source["outlet"]) == (
        "ISIS Comes to Russia", "2015-07-11", "The Daily Beast",
    )
    assert source["id"] == imported["source_id"]

    shown = json_of(frozen(executable, tmp_path, "--archive", archive, "show", str(source["id"]), "--json"))
    assert shown["text"].startswith("Defectors")

    hits = json_of(frozen(executable, tmp_path, "--archive", archive, "search", "Caucasus", "--json"))
    assert [hit["source_id"] for hit in hits] == [source["id"]]


def test_the_default_archive_starts_with_the_sample(executable: Path, tmp_path: Path) -> None:
    """The sample's text and curation are package resources: they must be inside the bundle."""
    sources = json_of(frozen(executable, tmp_path, "sources", "--json"))
    assert [s["title"] for s in sources] == ["ISIS Comes to Russia"]
    assert (tmp_path / "data" / "archive.sqlite").is_file()
    statistics = json_of(frozen(executable, tmp_path, "stats", "--json"))
    assert statistics
    for statistic in statistics:
        assert statistic["quote"]
    actors = json_of(frozen(executable, tmp_path, "actors", "--json"))
    assert actors


def _write_french_page(folder: Path) -> Path:
    page = folder / "grozny.html"
    page.write_text(
        """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Attaque à Grozny : le bilan s'alourdit</title>
<meta property="og:site_name" content="Le Courrier du Caucase">
<meta property="article:published_time" content="2014-12-04T09:30:00+01:00">
</head><body><nav>Accueil | Monde</nav><article><h1>Attaque à Grozny : le bilan s'alourdit</h1>
<p>Au moins 14 policiers ont été tués lors de l'attaque de jeudi à Grozny, selon les autorités.</p>
<p>Les combats ont duré plus de douze heures dans le centre de la ville, autour de la Maison de
la presse et d'une école.</p></article><footer>© Le Courrier du Caucase</footer></body></html>""",
        encoding="utf-8",
    )
    return page


def _write_table(folder: Path) -> Path:
    table = folder / "reports.csv"
    table.write_text(
        "title,published,outlet,text\n"
        '"Ceasefire holds",12 mars 2015,Kavkaz Uzel,"The ceasefire announced on Monday held overnight."\n',
        encoding="utf-8",
    )
    return table


def _comparable(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({k: v for k, v in s.items() if k != "uuid"} for s in sources), key=lambda s: s["id"])


def test_web_pages_and_tables_read_the_same_frozen(executable: Path, tmp_path: Path) -> None:
    """trafilatura, dateparser's French tables and the CSV reader, frozen vs from source."""
    inputs = [str(_write_french_page(tmp_path)), str(_write_table(tmp_path))]
    frozen_archive, source_archive = str(tmp_path / "frozen.sqlite"), str(tmp_path / "source.sqlite")
    json_of(frozen(executable, tmp_path, "--archive", frozen_archive, "import", *inputs, "--json"))
    json_of(from_source(tmp_path, "--archive", source_archive, "import", *inputs, "--json"))

    got = _comparable(json_of(frozen(executable, tmp_path, "--archive", frozen_archive, "sources", "--json")))
    expected = _comparable(json_of(from_source(tmp_path, "--archive", source_archive, "sources", "--json")))
    assert got == expected
    by_title = {s["title"]: s for s in got}
    page = by_title["Attaque à Grozny : le bilan s'alourdit"]
    assert (page["published"], page["outlet"]) == ("2014-12-04", "Le Courrier du Caucase")
    assert by_title["Ceasefire holds"]["published"] == "2015-03-12"


@pytest.mark.shared
def test_word_and_encrypted_pdf_read_the_same_frozen(executable: Path, tmp_path: Path, shared_data: Path) -> None:
    """python-docx, and pypdf decrypting AES with the bundled cryptography."""
    inputs = [
        str(shared_data / "docx" / "python-docx" / "features_doc-coreprops.docx"),
        str(shared_data / "pdf" / "py-pdf-sample-files" / "005-libreoffice-writer-password_libreoffice-writer-password.pdf"),
    ]
    frozen_archive, source_archive = str(tmp_path / "frozen.sqlite"), str(tmp_path / "source.sqlite")
    imported = json_of(frozen(executable, tmp_path, "--archive", frozen_archive, "import", *inputs,
                              "--password", "openpassword", "--json"))
    assert [r["status"] for r in imported] == ["imported", "imported"]
    json_of(from_source(tmp_path, "--archive", source_archive, "import", *inputs, "--password", "openpassword", "--json"))

    got = json_of(frozen(executable, tmp_path, "--archive", frozen_archive, "sources", "--json"))
    expected = json_of(from_source(tmp_path, "--archive", source_archive, "sources", "--json"))
    assert _comparable(got) == _comparable(expected)


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return str(revision)


def test_an_archive_from_the_first_release_is_upgraded(executable: Path, tmp_path: Path) -> None:
    """Alembic runs frozen: it reads env.py and the versions from the bundle's files."""
    from sqlalchemy import create_engine

    from db.archive import head_revision, migrate

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, "0001")
    engine.dispose()
    assert _revision(path) == "0001"
    if head_revision() == "0001":
        pytest.skip("only one migration so far: nothing to upgrade")

    assert json_of(frozen(executable, tmp_path, "--archive", str(path), "sources", "--json")) == []
    assert _revision(path) == head_revision()
    backups = list(tmp_path.glob("old.sqlite.*.bak"))
    assert len(backups) == 1  # the upgrade kept a copy of the archive as it was
    assert _revision(backups[0]) == "0001"
    [imported] = json_of(frozen(executable, tmp_path, "--archive", str(path), "import", str(SEED), "--json"))
    assert imported["status"] == "imported"


def test_a_fresh_archive_is_created_at_the_newest_schema(executable: Path, tmp_path: Path) -> None:
    from db.archive import head_revision

    path = tmp_path / "new.sqlite"
    assert json_of(frozen(executable, tmp_path, "--archive", str(path), "sources", "--json")) == []
    assert _revision(path) == head_revision()


def test_an_archive_from_a_newer_dossier_is_refused_untouched(executable: Path, tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    json_of(frozen(executable, tmp_path, "--archive", str(path), "sources", "--json"))
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = path.read_bytes()

    result = frozen(executable, tmp_path, "--archive", str(path), "sources", "--json")
    assert result.returncode == 2
    assert "newer version of Dossier" in result.stderr
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("future.sqlite.*.bak"))


def _pixels(path: Path) -> Any:
    """The PNG's pixels as a height x width x 4 array (Qt decodes it; no window needed)."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not an image"
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def _staleness(executable: Path) -> str:
    """A hint when the code changed after the bundle was built (the pictures then differ too)."""
    built = executable.stat().st_mtime
    newer = [p for folder in ("db", "desktop", "resources") for p in (REPO / folder).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.stat().st_mtime > built]
    return f"; {len(newer)} files changed since the bundle was built: run `make package`" if newer else ""


def test_the_charts_library_can_be_imported_in_turns_frozen(executable: Path) -> None:
    """desktop.staged_import runs pyqtgraph's package code a few statements an event-loop turn
    (0.2 s of the window at once otherwise) from its source: the frozen importer finds it beside
    the Python archive, the same file as the one the bundle was built from."""
    import importlib.util

    spec = importlib.util.find_spec("pyqtgraph")
    assert spec is not None
    assert spec.origin is not None
    shipped = executable.parent / "_internal" / "pyqtgraph" / "__init__.py"
    assert shipped.read_bytes() == Path(spec.origin).read_bytes()


def test_the_window_looks_the_same_frozen(executable: Path, tmp_path: Path) -> None:
    """The frozen window on the sample draws what the window from source draws.

    A module or plugin missing from the bundle shows up here even when a pane catches the
    error and shows a message instead (the chart pane does): the pictures then differ.
    """
    json_of(frozen(executable, tmp_path, "sources", "--json"))  # the default archive, with the sample
    archive = str(tmp_path / "data" / "archive.sqlite")
    frozen_png, source_png = tmp_path / "frozen.png", tmp_path / "source.png"
    result = frozen(executable, tmp_path, "--archive", archive, "screenshot", str(frozen_png), "--source", "1",
                    gui=True)
    assert result.returncode == 0, result.stderr
    source = run([sys.executable, "-m", "desktop"], tmp_path, "--archive", archive, "screenshot", str(source_png),
                 "--source", "1", gui=True)
    assert source.returncode == 0, source.stderr

    got, expected = _pixels(frozen_png), _pixels(source_png)
    assert got.shape == expected.shape
    differing = (got != expected).any(axis=-1).mean()
    # measured 0.1 % (antialiasing); a pane showing an error instead of its content is several %
    assert differing < 0.01, (
        f"{differing:.1%} of the pixels differ: compare {frozen_png} with {source_png}" + _staleness(executable)
    )
    assert len(set(map(tuple, got.reshape(-1, 4)[::97]))) > 50  # text, highlights, a chart: not blank


def test_a_folder_read_by_worker_processes_frozen(
    executable: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The importer's worker processes are the frozen program itself (multiprocessing's
    freeze_support hands them their work): the folder reads the same as from source."""
    from tests.db.ingest.conftest import write_mixed_folder

    folder = tmp_path / "mixed"
    write_mixed_folder(folder)
    monkeypatch.setenv("DOSSIER_IMPORT_WORKERS", "2")
    frozen_archive, source_archive = str(tmp_path / "frozen.sqlite"), str(tmp_path / "source.sqlite")
    imported = frozen(executable, tmp_path, "--archive", frozen_archive, "import", str(folder), "--json")
    expected = from_source(tmp_path, "--archive", source_archive, "import", str(folder), "--json")

    assert imported.returncode == expected.returncode == 1, imported.stderr  # the damaged PDF
    statuses = [(Path(r["path"]).name, r["status"], r["error"]) for r in json.loads(imported.stdout)]
    assert statuses == [(Path(r["path"]).name, r["status"], r["error"]) for r in json.loads(expected.stdout)]
    assert sum(status == "imported" for _name, status, _error in statuses) == 13
    got = json_of(frozen(executable, tmp_path, "--archive", frozen_archive, "sources", "--json"))
    assert _comparable(got) == _comparable(json_of(from_source(tmp_path, "--archive", source_archive, "sources", "--json")))
