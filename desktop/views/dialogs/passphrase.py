"""The passphrase of an encrypted archive: asked when it opens and on the lock screen.

Passive: it shows the archive's name, what went wrong last time (a wrong passphrase), and gives
back what was typed; the window tries it and asks again with a message when it is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class PassphraseDialog(QDialog):
    """Asks the passphrase of the archive ``name``; ``locked`` for the lock screen (the archive
    was open and locked itself after idle time)."""

    def __init__(self, name: str, *, locked: bool = False, problem: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen" if locked else "passphraseDialog")
        self.setWindowTitle("Dossier is locked" if locked else "Encrypted archive")
        heading = QLabel(f"<h3>{'Locked: ' if locked else ''}{name}</h3>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        explain = QLabel(
            "The archive locked itself after a while without use: nothing of it is shown until "
            "its passphrase is given again." if locked else
            "This archive is encrypted. Give its passphrase to open it."
        )
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Passphrase")
        self.problem = QLabel(problem)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock" if locked else "Open")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close Dossier" if locked else "Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, explain, self.passphrase, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(420, self.sizeHint().height())

    def value(self) -> str:
        return self.passphrase.text()

    def show_problem(self, problem: str) -> None:
        """Say why the last passphrase did not open it, and clear it for another try."""
        self.problem.setText(problem)
        self.problem.setVisible(True)
        self.passphrase.clear()
        self.passphrase.setFocus()
