"""Re-exports a package's ``__init__`` resolves when first asked for (PEP 562).

A package that gathers its modules' names (``from db.undo import create_actor``) would load every
one of them on the first import of any (``import db.undo.base`` runs ``db/undo/__init__.py``
first); the window's start-up paid for importers, merges and findings it did not yet need. With
``__getattr__, __dir__ = exports(__name__, {...})`` a name's module is imported on first use and
the name kept in the package, so ``from package import name`` and ``package.name`` work as before.
The package's ``if TYPE_CHECKING:`` imports tell type checkers the same names.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def exports(
    package: str, modules: Mapping[str, Iterable[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose submodule ``m`` (a key of
    ``modules``, relative to the package) holds the names ``modules[m]``."""
    home = {name: f"{package}.{module}" for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        vars(sys.modules[package])[name] = value  # asked for once
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(home))

    return __getattr__, __dir__
