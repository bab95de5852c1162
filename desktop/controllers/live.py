"""A team archive live: another researcher's change reaches this window within a second.

On a PostgreSQL archive a thread of its own LISTENs (db.live) and wakes this controller, which
emits ``changed`` on the GUI thread (at most every 150 ms however many writes arrive); the window
refreshes its panes on it as after its own edits. On a SQLite file it does nothing.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from db.archive import Archive
from db.live import Listener, supports_live

#: how long notifications are gathered before the panes refresh (ms)
GATHER_MS = 150
#: how often the listening thread looks up from waiting, to notice it should stop (s)
POLL_S = 0.5


class LiveUpdates(QObject):
    #: someone changed the archive (on the GUI thread)
    changed = Signal()
    #: from the listening thread; delivered queued to this object's slot
    _arrived = Signal()

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self.changed)
        self._arrived.connect(self._on_arrived)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: the listener's connection is open (tests wait for it)
        self.listening = threading.Event()

    @property
    def active(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Listen when the archive is a team archive; False for a SQLite file."""
        if not supports_live(self.archive) or self._thread is not None:
            return False
        self._thread = threading.Thread(target=self._listen, name="dossier-live", daemon=True)
        self._thread.start()
        return True

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                listener = Listener(self.archive)
            except Exception:  # the server is away: try again shortly
                self._stop.wait(2)
                continue
            self.listening.set()
            try:
                while not self._stop.is_set():
                    if listener.wait(POLL_S):
                        self._arrived.emit()
            except Exception:  # the connection dropped: listen again
                self.listening.clear()
            finally:
                listener.close()

    @Slot()
    def _on_arrived(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_S + 1)
            self._thread = None
