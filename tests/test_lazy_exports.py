"""Packages that gather their modules' names load a module only when one of its names is used
(db.lazy), and the window starts without the importers, merges, findings, exports and extractors it
does not yet need (each is loaded when first asked for: its tests run it from the window)."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAZY = ["db.importer", "db.undo", "desktop.undo"]


@pytest.mark.parametrize("package", LAZY)
def test_every_name_of_a_lazy_package_is_there_and_typed(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, f"{package}.{name}"
        assert name in dir(module)
    with pytest.raises(AttributeError, match="no attribute 'missing'"):
        module.missing  # noqa: B018
    # what type checkers are told (the TYPE_CHECKING imports) is what is served at run time
    tree = ast.parse((ROOT / package.replace(".", "/") / "__init__.py").read_text())
    typed = {alias.name: node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and node.module and node.module.startswith(package + ".") for alias in node.names}
    assert sorted(typed) == sorted(module.__all__)
    for name, home in typed.items():
        assert getattr(module, name) is getattr(importlib.import_module(home), name)


#: what the window's start-up does not need: loaded on the first import, merge, report, export,
#: suggestion or statistic form (together a third of a second of the start-up's imports)
NOT_AT_START = (
    "db.importer.run", "db.ingest.parsing", "desktop.views.dialogs.importing",
    "db.undo.merge", "db.merge", "desktop.reads.merging", "desktop.views.dialogs.merge", "desktop.undo.merge",
    "db.undo.findings", "db.findings.estimates", "db.findings.report.build", "desktop.views.dialogs.report",
    "desktop.views.dialogs.vague", "db.interchange.refi.project", "db.cli.exports",
    "db.extract.mentions", "db.extract.statistics",
)


def test_the_window_module_does_not_load_what_only_an_action_needs() -> None:
    code = ("import sys, desktop.window.main_window\n"
            f"print(' '.join(m for m in {NOT_AT_START!r} if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120, check=True).stdout.split()
    assert loaded == []


def test_the_statistics_pane_starts_without_numpy() -> None:
    """The pane's conflict flags, empty until the conflicts are worked out, need no numpy: its
    import took 100-190 ms of the window's constructor on the GUI thread."""
    code = ("import sys\n"
            "from desktop.views.statistics.filtering import ConflictingIds\n"
            "none = ConflictingIds()\n"
            "print('numpy' in sys.modules, 7 in none, len(none), list(none))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120, check=True).stdout.strip().split(maxsplit=3)
    assert shown == ["False", "False", "0", "[]"]


def test_the_commonest_writes_are_loaded_once_the_window_is_usable(tmp_path: Path) -> None:
    """The first annotation of a session does not wait for its modules' import (55 ms of its
    150 ms on the writer thread at 100,000 sources): they load off the GUI thread after the lists."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from db import archive\n"
        "from desktop.app import make_application\n"
        "from desktop.window.main_window import MainWindow, WRITES_AHEAD\n"
        "app = make_application()\n"
        f"window = MainWindow(archive.open({str(tmp_path / 'a.sqlite')!r}), persist=False)\n"
        "print(' '.join(m for m in WRITES_AHEAD if m in sys.modules))\n"
        "def usable():\n"
        "    QTimer.singleShot(0, lambda: (window.tasks.loader.waitForDone(30000), app.quit()))\n"
        "window.refreshed.connect(usable)\n"
        "window.show()\n"
        "app.exec()\n"
        "print(' '.join(m for m in WRITES_AHEAD if m in sys.modules))\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120, check=True).stdout.splitlines()
    from desktop.window.main_window import WRITES_AHEAD

    assert out[-2:] == ["", " ".join(WRITES_AHEAD)]
