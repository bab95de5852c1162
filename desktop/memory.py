"""Handing back memory the window holds for nothing (issue 18), after the big reads.

Two things grow and are never given back by themselves: the source lines of every module
imported after PySide6, which shiboken's import hook reads through :mod:`linecache` to see
whether a module uses PySide6 (some 50 MB once pandas and pyqtgraph are loaded, and 0.1-0.2 s of
the opening: :func:`read_no_sources` stops it), and what glibc keeps of the memory a big
transient freed (the reads of 100,000 claims, the estimates worked out over them). Of the
latter, each thread's malloc arena keeps its own share: :func:`few_arenas` has the threads
share two. And time: :func:`settle_long_lived` keeps the libraries' objects out of the
garbage collector's full scans.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import linecache
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim  # glibc only (musl has none)
    except (OSError, AttributeError):
        return None
    return trim


_TRIM = _malloc_trim()
_pending: list[bool] = []
_settled: list[bool] = []
#: glibc's mallopt parameter for the number of malloc arenas
_M_ARENA_MAX = -8
#: arenas for the window's threads: glibc gives each new thread one (up to 8 a core), and
#: each keeps what its reads freed (at 1M sources 20-35 MB freed but held in all, against 7 MB
#: with two; the reads take no longer, they hold the GIL for most of their work anyway)
ARENAS = 2


def few_arenas() -> bool:
    """Have glibc share ``ARENAS`` malloc arenas between all threads (before any is started);
    False where there is no glibc ``mallopt``."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_ARENA_MAX, ARENAS))


def read_no_sources() -> bool:
    """Have shiboken's import hook take every module imported from now on as one that selects no
    PySide ``__feature__`` (snake_case, true_property), without reading its source: Dossier and
    its libraries select none, and the frozen app, whose modules have no source, is answered so
    for every module already. The hook read each new module's whole source (1,100 files, 23
    million characters kept in :mod:`linecache` once the chart's libraries are in: 56 MB, and
    75-120 ms of pyqtgraph's import on the GUI thread). False when this PySide has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010 (a private name of shiboken's)
    return True


def _uses_no_feature(_module: object) -> bool:
    return False


def settle_long_lived() -> None:
    """Leave the objects alive now out of every later garbage collection (``gc.freeze``), once
    the window's libraries are all imported (the chart's come last): most of the 200,000 objects
    a full collection scans are their functions, classes and tables, alive until the program
    ends, and each full one went over them all (0.3-0.5 s of the GUI thread at a million
    sources). Once a process: the archive's data, loaded after, is still collected."""
    if not _settled:
        _settled.append(True)
        gc.freeze()


def give_back() -> None:
    """Forget the cached source lines and return glibc's free memory to the system (a few ms)."""
    linecache.clearcache()  # read again from the files when a traceback needs them
    if _TRIM is not None:
        _TRIM(0)


def give_back_soon() -> None:
    """:func:`give_back` once the event loop is idle again (several big reads arriving together
    hand back once)."""
    if not _pending:
        _pending.append(True)

        def run() -> None:
            _pending.clear()
            give_back()

        QTimer.singleShot(0, run)
