"""Import files and folders: one unit of work per source, a result for every file.

A file that fails leaves nothing behind and the batch goes on; a cancelled import keeps what was
already imported. The format readers live in :mod:`db.ingest`; here: ``run`` (an import from the
paths given), ``files`` (a batch of files), ``tables`` (a file of many sources), ``writer``
(savepoints and commits) and ``results`` (what is said about each file).
"""

from typing import TYPE_CHECKING

from db.lazy import exports

if TYPE_CHECKING:  # the names of __all__, for type checkers
    from db.importer.results import ImportOptions, ImportResult
    from db.importer.run import import_file, import_paths, iter_import

#: the names, by the module (in this package) that holds them: imported when first asked for
_MODULES = {
    "results": ("ImportOptions", "ImportResult"),
    "run": ("import_file", "import_paths", "iter_import"),
}
__getattr__, __dir__ = exports(__name__, _MODULES)

__all__ = ["ImportOptions", "ImportResult", "import_file", "import_paths", "iter_import"]
