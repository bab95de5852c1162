"""Correct a source's text, and place the annotations that re-anchoring could not place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.anchors import Orphan
from desktop.views.dialogs.common import notice_label, ok_cancel


class SourceTextDialog(QDialog):
    """The whole text, editable; saving re-anchors every annotation on the new text."""

    def __init__(self, title: str, text: str, annotations: int, parent: QWidget | None = None, *,
                 edited: str | None = None, notice: str | None = None) -> None:
        """``edited``: the researcher's own version to show instead (its save was refused),
        with ``notice`` saying why."""
        super().__init__(parent)
        self.setObjectName("sourceTextDialog")
        self.setWindowTitle(f"Correct the text — {title}")
        self.resize(760, 640)
        self.original = text
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("sourceTextEdit")
        font = QFont()
        font.setFamilies(["Noto Serif", "DejaVu Serif", "serif"])
        self.edit.setFont(font)
        self.edit.setPlainText(text if edited is None else edited)
        note = QLabel(
            f"Fix OCR errors, typos or extraction damage. The {annotations} annotation(s) on this "
            "text will be found again by their words and context; any that cannot be are listed "
            "for you to place. Edit ▸ Undo puts the old text and every annotation back."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = ok_cancel(self, "Save")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        #: why the editor opened again, or None
        self.notice = notice_label(notice, "sourceTextNotice") if notice else None
        if self.notice is not None:
            layout.addWidget(self.notice)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def text(self) -> str:
        # QPlainTextEdit hands back U+2029 for nothing here, but a paste from a word processor
        # may carry "\r\n"; the archive keeps "\n" line ends
        return self.edit.toPlainText().replace("\r\n", "\n").replace("\r", "\n")

    def changed(self) -> bool:
        return self.text() != self.original


class OrphansDialog(QDialog):
    """Annotations whose words are no longer in the text: select text in the reader, place one."""

    place_requested = Signal(int)

    def __init__(self, orphans: Sequence[Orphan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphansDialog")
        self.setWindowTitle("Annotations to place")
        self.setModal(False)
        self.resize(460, 360)
        self.list = QListWidget()
        self.list.setObjectName("orphanList")
        self.list.setWordWrap(True)
        self.place = QPushButton("Place at the selection")
        self.place.setObjectName("placeButton")
        self.place.setToolTip("Select the words in the reader, then press this")
        self.place.setEnabled(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.place)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        close.rejected.connect(self.reject)
        self.place.clicked.connect(self._place)
        self.list.currentItemChanged.connect(lambda *_: self.update_buttons())
        self.has_selection = False
        self.set_orphans(orphans)

    def set_orphans(self, orphans: Sequence[Orphan]) -> None:
        current = self.current()
        self.list.clear()
        for orphan in orphans:
            text = f"“{' '.join(orphan.quote.split())}”"
            if orphan.note:
                text += f"\n{orphan.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, orphan.annotation_id)
            self.list.addItem(item)
            if orphan.annotation_id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.summary.setText(
            f"{len(orphans)} annotation(s) could not be found in the corrected text. Select "
            "where each belongs in the reader and press “Place at the selection”."
            if orphans else "Every annotation is placed."
        )
        self.update_buttons()

    def current(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def update_buttons(self) -> None:
        self.place.setEnabled(self.current() is not None and self.has_selection)

    def _place(self) -> None:
        annotation_id = self.current()
        if annotation_id is not None:
            self.place_requested.emit(annotation_id)
