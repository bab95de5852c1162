"""A module imported a few of its top-level statements at a time, so that a package whose own
code imports all of it (pyqtgraph: ~0.2 s, its longest statement ~30 ms) can be imported over
several event-loop turns instead of holding the window for one long one.

The module's source is parsed and its statements are run in order, each in the module's own
namespace, exactly as an import runs them, only with the caller's work in between. While that
lasts the module is in :data:`sys.modules`, as a module being imported is; code outside its own
statements that asks it for a name it does not have yet (another pane importing the library
meanwhile) has the rest of it run at once first, so it never sees half a library. A module that
is imported already, has no source (the frozen app keeps only bytecode of most modules), or
selects ``__future__`` features is not staged: :func:`begin` returns None and the caller imports
it as usual. This module holds no Qt: the caller decides what a turn is.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import time
from types import CodeType, ModuleType

#: the modules being imported in stages, by name
_STAGED: dict[str, StagedImport] = {}


class _Loading(ModuleType):
    """The class of a module while its statements are still being run."""

    def __getattr__(self, attribute: str) -> object:
        staged = _STAGED.get(self.__name__)
        if staged is None or staged.running:  # its own statements see it as an import does
            raise AttributeError(f"partially initialized module {self.__name__!r} has no attribute {attribute!r}")
        staged.finish()
        return getattr(self, attribute)


class StagedImport:
    """The import of one module, a few statements each :meth:`step`."""

    def __init__(self, module: ModuleType, statements: list[CodeType]) -> None:
        self.module = module
        self._statements = statements
        self._next = 0
        self.running = False

    @property
    def done(self) -> bool:
        return self._next >= len(self._statements)

    def step(self, budget_s: float) -> bool:
        """Run statements until ``budget_s`` is spent (at least one); True once all have run.
        A statement that raises ends the import as a failed import ends: the module is taken
        out of :data:`sys.modules` and the error raised."""
        until = time.perf_counter() + budget_s
        self.running = True
        try:
            while not self.done:
                statement = self._statements[self._next]
                self._next += 1
                exec(statement, self.module.__dict__)  # the module's own code, as an import runs it
                if time.perf_counter() >= until:
                    break
        except BaseException:
            self._end(failed=True)
            raise
        finally:
            self.running = False
        if self.done:
            self._end(failed=False)
        return self.done

    def finish(self) -> ModuleType:
        """Run every statement left now."""
        while not self.step(float("inf")):
            pass
        return self.module

    def _end(self, failed: bool) -> None:
        name = self.module.__name__
        _STAGED.pop(name, None)
        self.module.__class__ = ModuleType
        spec = self.module.__spec__
        if spec is not None:
            spec._initializing = False  # type: ignore[attr-defined]  # importlib's own flag
        if failed and sys.modules.get(name) is self.module:
            del sys.modules[name]


def begin(name: str) -> StagedImport | None:
    """Start importing ``name`` in stages (nothing of its code has run yet), or None when it
    cannot be staged (see the module's text): then import it as usual."""
    if name in sys.modules:
        return _STAGED.get(name)
    if "." in name and name.rpartition(".")[0] not in sys.modules:
        return None  # its package's own import comes first, as usual
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.origin is None:
        return None
    get_source = getattr(spec.loader, "get_source", None)
    try:
        source = get_source(name) if get_source is not None else None
    except ImportError:
        source = None
    if not source:
        return None
    tree = ast.parse(source, spec.origin)
    if any(isinstance(node, ast.ImportFrom) and node.module == "__future__" for node in tree.body):
        return None  # its flags would have to reach every later statement's compiling
    module = importlib.util.module_from_spec(spec)
    module.__doc__ = ast.get_docstring(tree, clean=False)
    statements = [compile(ast.Module(body=[node], type_ignores=[]), spec.origin, "exec", dont_inherit=True)
                  for node in tree.body]
    spec._initializing = True  # type: ignore[attr-defined]
    module.__class__ = _Loading
    staged = StagedImport(module, statements)
    _STAGED[name] = staged
    sys.modules[name] = module
    return staged
