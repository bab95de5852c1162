"""Edit ▸ Privacy…: what Dossier remembers between sessions, and when an encrypted archive locks.

Passive: it shows the settings given and gives back what was chosen.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class PrivacyDialog(QDialog):
    def __init__(self, recent: bool, last_source: bool, lock_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setWindowTitle("Privacy")
        self.recent = QCheckBox("List the archives opened lately (File ▸ Open Recent)")
        self.recent.setObjectName("rememberRecent")
        self.recent.setChecked(recent)
        self.last_source = QCheckBox("Open each archive again on the source last read in it")
        self.last_source.setObjectName("rememberLastSource")
        self.last_source.setChecked(last_source)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("lockMinutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" min")
        self.minutes.setSpecialValueText("never")
        self.minutes.setValue(lock_minutes)
        note = QLabel("Neither is ever recorded for an encrypted archive. An encrypted archive locks "
                      "after the time set without use (from the next time it is opened).")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.recent)
        form.addRow(self.last_source)
        form.addRow("Lock an encrypted archive after:", self.minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def choice(self) -> tuple[bool, bool, int]:
        return self.recent.isChecked(), self.last_source.isChecked(), self.minutes.value()
