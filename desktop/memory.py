"""Handing back memory the window holds for nothing (issue 18), after the big reads.

Two things grow and are never given back by themselves: the source lines of every module
imported after PySide6, which shiboken's import hook reads through :mod:`linecache` to see
whether a module uses PySide6 (some 50 MB once pandas and pyqtgraph are loaded: freed before the
claims are read, the claims reuse that memory), and what glibc keeps of the memory a big
transient freed (the reads of 100,000 claims, the estimates worked out over them).
"""

from __future__ import annotations

import ctypes
import ctypes.util
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
