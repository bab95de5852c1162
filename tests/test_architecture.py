"""The shape of the house, checked on the source text: who opens Sessions, how large a module grows.

Import rules (layers, what may import what) are import-linter's contracts in pyproject.toml.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

#: a module larger than this has more than one job (migrations are generated, and exempt)
MAX_LINES = 500
#: the only desktop code that may open a Session: the one door for reads, and the undo commands
SESSION_OPENERS = ("desktop/reads/", "desktop/undo/")


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.py"))


def _opens_a_session(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session"
    ]


def test_only_the_reads_and_the_undo_commands_open_a_session() -> None:
    offenders = {
        str(path.relative_to(REPO)): lines
        for path in _modules("desktop")
        if not str(path.relative_to(REPO)).startswith(SESSION_OPENERS) and (lines := _opens_a_session(path))
    }
    assert offenders == {}


def test_the_session_check_sees_a_session_opened() -> None:
    """The check above would notice one (it is not vacuous)."""
    assert _opens_a_session(REPO / "desktop" / "reads" / "base.py")


@pytest.mark.parametrize("folder", ["db", "desktop"])
def test_no_module_grows_past_one_job(folder: str) -> None:
    sizes = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _modules(folder)
        if "migrations" not in path.parts
    }
    assert sizes, folder
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
