"""The window's side of :mod:`db.optional_parts`: a missing part's note in the status bar.

The core logs the note once per process on the ``dossier.parts`` logger, from whichever thread
met the missing part (an import's worker, a search); this handler hands it to the GUI thread
through a queued signal, where the window shows it in its status bar for a while.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from db.optional_parts import BY_NAME, LOGGER, short_note

#: long enough to read the note (it names the file to unpack)
NOTICE_MS = 20_000


class _Relay(QObject):
    noted = Signal(str)


class PartsNotice(logging.Handler):
    """Shows every note of the ``dossier.parts`` logger with ``show_status`` (on the GUI thread)."""

    def __init__(self, show_status: Callable[[str, int], None]) -> None:
        super().__init__(logging.WARNING)
        self._relay = _Relay()
        self._relay.noted.connect(lambda message: show_status(message, NOTICE_MS),
                                  Qt.ConnectionType.QueuedConnection)

    def emit(self, record: logging.LogRecord) -> None:
        part = getattr(record, "part", None)
        self._relay.noted.emit(short_note(part) if part in BY_NAME else record.getMessage())


def install(show_status: Callable[[str, int], None]) -> PartsNotice:
    """Route the missing parts' notes to ``show_status`` until :func:`remove` (stderr no more)."""
    handler = PartsNotice(show_status)
    LOGGER.addHandler(handler)
    return handler


def remove(handler: PartsNotice) -> None:
    LOGGER.removeHandler(handler)
