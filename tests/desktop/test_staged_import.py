"""A module imported a few statements at a time (desktop.staged_import): the same module as an
import makes, never half of it to code outside it."""

from __future__ import annotations

import py_compile
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import staged_import

_INIT = '''
"""A library whose package imports all of it."""
import os
RAN = ["first"]
EARLY = "early"
from .part import PART  # a submodule that reads a name its package has already set
RAN.append("second")
def late():
    return "late"
RAN.append("last")
'''

_PART = '''
from . import EARLY
PART = EARLY + " part"
'''


@pytest.fixture
def library(tmp_path: Path) -> Iterator[str]:
    """A package on the path, under a name no test has imported (removed again afterwards)."""
    name = f"staged_library_{tmp_path.name.replace('-', '_')}"
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(_INIT), encoding="utf-8")
    (package / "part.py").write_text(textwrap.dedent(_PART), encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield name
    sys.path.remove(str(tmp_path))
    for loaded in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
        del sys.modules[loaded]


def test_one_statement_a_step_with_no_budget_then_the_same_module_an_import_makes(library: str) -> None:
    staged = staged_import.begin(library)
    assert staged is not None
    steps = 1
    while not staged.step(0.0):
        steps += 1
    assert steps == 8  # its eight statements: the docstring, an import, two names, the submodule, two appends, a function
    module = sys.modules[library]
    assert module is staged.module
    assert module.RAN == ["first", "second", "last"]
    assert module.PART == "early part"
    assert module.late() == "late"
    assert module.__doc__ == "A library whose package imports all of it."
    assert module.part is sys.modules[f"{library}.part"]
    assert type(module).__name__ == "module"  # a plain module once done


def test_a_name_asked_for_from_outside_before_it_is_set_runs_the_rest_first(library: str) -> None:
    """Another pane importing the library meanwhile gets all of it, never half."""
    staged = staged_import.begin(library)
    assert staged is not None
    staged.step(0.0)
    staged.step(0.0)
    import importlib

    again = importlib.import_module(library)  # in sys.modules already: the half-made module
    assert again.late() == "late"  # asking for a name not set yet finished it
    assert again.RAN == ["first", "second", "last"]
    assert staged.done


def test_a_statement_that_fails_fails_the_import_and_leaves_no_half_module(library: str, tmp_path: Path) -> None:
    init = tmp_path / library / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "raise ImportError('no such part')\n", encoding="utf-8")
    staged = staged_import.begin(library)
    assert staged is not None
    with pytest.raises(ImportError, match="no such part"):
        staged.finish()
    assert library not in sys.modules


def test_modules_imported_already_or_without_source_are_imported_as_usual(library: str, tmp_path: Path) -> None:
    assert staged_import.begin("json") is None  # imported already (by pytest)
    compiled = tmp_path / "staged_compiled_module.py"  # bytecode only, as in the frozen app
    compiled.write_text("VALUE = 1\n", encoding="utf-8")
    py_compile.compile(str(compiled), cfile=str(compiled.with_suffix(".pyc")))
    compiled.unlink()
    assert staged_import.begin("staged_compiled_module") is None
    future = tmp_path / "staged_future_module.py"
    future.write_text("from __future__ import annotations\nVALUE: int = 1\n", encoding="utf-8")
    assert staged_import.begin("staged_future_module") is None
    assert "staged_future_module" not in sys.modules
