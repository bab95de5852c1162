"""A memo on a source, actor, statistic or code, and the search over all memos."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db import lookup
from desktop.views.dialogs.common import notice_label, ok_cancel


class MemoDialog(QDialog):
    """Free text the researcher keeps about one row; empty removes the memo."""

    def __init__(self, what: str, text: str | None, parent: QWidget | None = None, *,
                 notice: str | None = None) -> None:
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
        #: why the dialog opened again (a colleague's save in between), or None
        self.notice: QLabel | None = None
        if notice:
            self.notice = notice_label(notice, "memoNotice")
            layout.addWidget(self.notice)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class MemoSearchDialog(QDialog):
    """Type words; the memos holding all of them are listed."""

    chosen = Signal(str, int)

    def __init__(self, search: Callable[[str], list[lookup.MemoRow]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoSearchDialog")
        self.setWindowTitle("Find in memos")
        self.resize(520, 420)
        self._search = search
        self.edit = QLineEdit()
        self.edit.setObjectName("memoSearch")
        self.edit.setPlaceholderText("Words in the memo")
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("memoResults")
        self.results.setWordWrap(True)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self.run)
        self.results.itemActivated.connect(self._activated)
        self.run("")

    def run(self, words: str) -> None:
        self.results.clear()
        memos = self._search(words)
        for memo in memos:
            first = " ".join(memo.text.split())
            item = QListWidgetItem(f"{memo.target_kind.capitalize()}: {memo.target_label}\n{first[:200]}")
            item.setData(Qt.ItemDataRole.UserRole, (memo.target_kind, memo.target_id))
            item.setToolTip(memo.text)
            self.results.addItem(item)
        self.count.setText(f"{len(memos)} memo{'s' if len(memos) != 1 else ''}")

    def _activated(self, item: QListWidgetItem) -> None:
        kind, target_id = item.data(Qt.ItemDataRole.UserRole)
        if target_id is not None:
            self.chosen.emit(kind, int(target_id))
