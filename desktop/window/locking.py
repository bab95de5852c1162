"""An encrypted archive locks itself after idle time: every connection closed, the key forgotten,
the window hidden behind a lock screen that asks the passphrase again.

Idle means no key press, mouse press or wheel in any of Dossier's windows for the minutes the
settings say (``desktop.settings.lock_minutes``; 0 never locks). While background work runs the
lock waits for it (closing its connection under it would fail the work). Cancel on the lock
screen closes the window. A plain archive never locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from db.archive import Archive, EncryptedArchive
from desktop import settings
from desktop.views.dialogs.passphrase import PassphraseDialog
from desktop.views.dialogs.privacy import PrivacyDialog

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class IdleLock(QObject):
    """Locks ``archive`` after idle time and hides ``window`` until it is unlocked; ``busy`` says
    whether background work is running (the lock waits for it)."""

    def __init__(self, window: QWidget, archive: Archive, busy: Callable[[], bool],
                 minutes: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.archive = archive
        self.busy = busy
        self.screen: PassphraseDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        minutes = settings.lock_minutes() if minutes is None else minutes
        if archive.encrypted and minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.screen is None:
            self.timer.start()
        return False

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def lock(self) -> None:
        """Close every connection, forget the key, hide the window, show the lock screen."""
        if self.screen is not None or not self.archive.encrypted:
            return
        if self.busy():
            self.timer.start()
            return
        self.window.hide()
        self.archive.lock()
        name = self.archive.path.name if self.archive.path is not None else self.archive.location
        self.screen = PassphraseDialog(name, locked=True)
        self.screen.accepted.connect(self._try)
        self.screen.rejected.connect(self._give_up)
        self.screen.show()

    def _try(self) -> None:
        assert self.screen is not None
        try:
            self.archive.unlock(self.screen.value())
        except EncryptedArchive:
            self.screen.show_problem("Wrong passphrase: try again.")
            self.screen.setResult(QDialog.DialogCode.Rejected)
            self.screen.show()
            return
        self.screen.deleteLater()
        self.screen = None
        self.window.show()
        self.timer.start()

    def _give_up(self) -> None:
        if self.screen is not None:
            self.screen.deleteLater()
            self.screen = None
        self.timer.stop()
        self.window.close()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def edit_privacy(parent: QWidget) -> PrivacyDialog:
    """Edit ▸ Privacy…: shown (not waited for); the settings are saved when it is accepted."""
    dialog = PrivacyDialog(settings.remember_recent(), settings.remember_last_source(),
                           settings.lock_minutes(), parent)

    def save() -> None:
        recent, last_source, minutes = dialog.choice()
        settings.set_remembering(recent, last_source)
        settings.set_lock_minutes(minutes)

    dialog.accepted.connect(save)
    dialog.open()
    return dialog
