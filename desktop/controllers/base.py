"""What every controller gets from the window, and the one place dialogs are opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from desktop.undo.base import Window

D = TypeVar("D", bound=QDialog)


class Services(Window, Protocol):
    """The narrow interface of the main window controllers use: what undo commands need
    (archive, tasks, ``archive_changed``, ``show_status``) and the undo stack they go on."""

    @property
    def undo_stack(self) -> QUndoStack: ...


class Dialogs(QObject):
    """Opens the controllers' dialogs window-modally, one at a time.

    ``current`` is the dialog showing now; ``opened`` is emitted for each (tests wait for it,
    fill the dialog in and press its buttons).
    """

    opened = Signal(QDialog)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        #: the dialog showing now, if any
        self.current: QDialog | None = None

    def show(self, dialog: D, on_accept: Callable[[], None] | None = None, *,
             delete_on_close: bool = True) -> D:
        """Open ``dialog`` (closing the one before); ``on_accept`` runs once when it is accepted."""
        if self.current is not None and self.current is not dialog:
            self.current.close()
        self.current = dialog
        if delete_on_close:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        done = False

        def finished(result: int) -> None:
            nonlocal done
            if self.current is dialog:
                self.current = None
            if result == QDialog.DialogCode.Accepted and not done and on_accept is not None:
                on_accept()
            done = True

        dialog.finished.connect(finished)
        dialog.open()
        self.opened.emit(dialog)
        return dialog
