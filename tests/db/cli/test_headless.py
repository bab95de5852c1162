"""The headless commands in a fresh interpreter: what they load, and what they do not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
QT = ("PySide6", "pyqtgraph", "shiboken6")


def loaded_after(code: str, *prefixes: str) -> list[str]:
    """The modules starting with ``prefixes`` that ``code`` leaves in ``sys.modules``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                            check=True, timeout=120)
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_a_headless_command_loads_no_qt_and_nothing_of_the_desktop_front(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite"
    code = f"from db.cli import main\nassert main(['--archive', {str(archive)!r}, 'sources', '--json']) == 0"
    assert loaded_after(code, *QT, "desktop") == []


def test_the_parser_loads_no_archive_code() -> None:
    """The importer's worker processes start by importing the program's main module."""
    assert loaded_after("import db.cli\ndb.cli.build_parser()", *QT, "sqlalchemy", "alembic", "db.archive") == []
