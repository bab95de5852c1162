"""A memo on a source, actor, statistic or code."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.views.dialogs.common import ok_cancel


class MemoDialog(QDialog):
    """Free text the researcher keeps about one row; empty removes the memo."""

    def __init__(self, what: str, text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.setWindowTitle(f"Memo — {what}")
        self.resize(460, 320)
        self.edit = QPlainTextEdit(text or "")
        self.edit.setObjectName("memoEdit")
        self.edit.setPlaceholderText("What to remember about this: doubts, leads, comparisons …")
        self.buttons = ok_cancel(self, "Save")
        layout = QVBoxLayout(self)
        title = QLabel(what)
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return self.edit.toPlainText().strip()
