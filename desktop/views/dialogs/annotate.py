"""Annotate a selection: tick codes from the codebook (type to filter, or to create), add a note."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from db.rows import CodeRow
from desktop.views.dialogs.common import next_colour, ok_cancel, quote_label, swatch

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PendingCode:
    """A code the researcher created in the dialog; made when the dialog is accepted."""

    key: int  # negative, so it never collides with a code id
    name: str
    colour: str
    #: an existing code's id, another pending code's key, or None for a top-level code
    parent: int | None


class _FilterEdit(QLineEdit):
    """Down arrow moves into the tree; Enter is the dialog's (ticks or creates), not OK's."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__()
        self._tree = tree

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._tree.setFocus()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # handled by returnPressed; do not let the dialog press OK too


class AnnotateDialog(QDialog):
    """Codes (hierarchical, checkable) and a note for one span.

    Type in the filter to narrow the codebook; Enter ticks the only match, or creates a code
    with that name when nothing matches ("Parent/Child" creates it under an existing code).
    """

    def __init__(self, codes: Sequence[CodeRow], quote: str, *, checked: Iterable[int] = (),
                 note: str | None = None, title: str = "Annotate",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotateDialog")
        self.setWindowTitle(title)
        self.resize(440, 520)
        self._codes = list(codes)
        self._pending: list[PendingCode] = []

        self.tree = QTreeWidget()
        self.tree.setObjectName("codeTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.filter = _FilterEdit(self.tree)
        self.filter.setObjectName("codeFilter")
        self.filter.setPlaceholderText("Type to find a code, or a new code's name (Parent/Child)")
        self.filter.setClearButtonEnabled(True)
        self.new_code = QPushButton("New code")
        self.new_code.setObjectName("newCodeButton")
        self.new_code.setToolTip("Create a code named as typed (Parent/Child nests it)")
        self.new_code.setEnabled(False)
        self.note = QPlainTextEdit(note or "")
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("Note (optional)")
        self.note.setMaximumHeight(90)
        self.hint = QLabel()
        self.hint.setObjectName("hintLabel")
        self.hint.setStyleSheet("color: #666;")
        self.buttons = ok_cancel(self)

        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.new_code)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label(quote))
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        layout.addWidget(QLabel("Note"))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

        self._fill(set(checked))
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._enter)
        self.new_code.clicked.connect(self.create_code_from_filter)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemChanged.connect(lambda *_: self._show_count())
        self.filter.setFocus()
        self._show_count()

    # --- the tree -------------------------------------------------------------------------

    def _item(self, code_id: int, name: str, colour: str, count: int | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name, "" if count is None else str(count)])
        item.setData(0, ID_ROLE, code_id)
        item.setIcon(0, swatch(colour))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setForeground(1, Qt.GlobalColor.gray)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        return item

    def _fill(self, checked: set[int]) -> None:
        items: dict[int, QTreeWidgetItem] = {}
        for code in self._codes:
            items[code.id] = self._item(code.id, code.name, code.color, code.count)
            if code.id in checked:
                items[code.id].setCheckState(0, Qt.CheckState.Checked)
        for code in sorted(self._codes, key=lambda c: c.name.casefold()):
            item = items[code.id]
            parent = items.get(code.parent_id) if code.parent_id is not None else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)

    def _all_items(self) -> list[QTreeWidgetItem]:
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            found.append(iterator.value())
            iterator += 1
        return found

    def item_for(self, code_id: int) -> QTreeWidgetItem | None:
        return next((i for i in self._all_items() if i.data(0, ID_ROLE) == code_id), None)

    def _matches(self, text: str) -> list[QTreeWidgetItem]:
        needle = text.strip().casefold()
        return [i for i in self._all_items() if needle and needle in i.text(0).casefold()]

    def _filter_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        leaf = needle.rsplit("/", 1)[-1].strip()
        for item in self._all_items():
            item.setHidden(bool(leaf) and leaf not in item.text(0).casefold())
        # keep the parents of matches visible, so a match is seen in its place
        for item in self._all_items():
            if not item.isHidden():
                parent = item.parent()
                while parent is not None:
                    parent.setHidden(False)
                    parent = parent.parent()
        exact = any(i.text(0).casefold() == leaf for i in self._all_items()) and "/" not in needle
        self.new_code.setEnabled(bool(leaf) and not exact)
        visible = [i for i in self._all_items() if not i.isHidden()]
        if needle and not visible:
            self.hint.setText(f"No code matches. Enter creates “{text.strip()}”.")
        else:
            self._show_count()

    def _enter(self) -> None:
        text = self.filter.text().strip()
        if not text:
            self.accept()
            return
        leaf = text.rsplit("/", 1)[-1].strip().casefold()
        visible = [i for i in self._all_items() if not i.isHidden() and leaf in i.text(0).casefold()]
        exact = [i for i in visible if i.text(0).casefold() == leaf]
        if "/" not in text and (len(visible) == 1 or len(exact) == 1):
            item = (exact or visible)[0]
            item.setCheckState(0, Qt.CheckState.Checked)
            self.filter.clear()
        elif not visible or "/" in text:
            self.create_code_from_filter()

    def _show_count(self) -> None:
        names = [i.text(0) for i in self._all_items() if i.checkState(0) == Qt.CheckState.Checked]
        self.hint.setText(("Codes: " + ", ".join(names)) if names else "No code ticked.")

    # --- creating codes -------------------------------------------------------------------

    def create_code_from_filter(self) -> PendingCode | None:
        """Create (pending) the code typed in the filter, ticked; returns it."""
        path = [p.strip() for p in self.filter.text().split("/") if p.strip()]
        if not path:
            return None
        parent_item: QTreeWidgetItem | None = None
        made: PendingCode | None = None
        for depth, name in enumerate(path):
            siblings = (
                [parent_item.child(i) for i in range(parent_item.childCount())]
                if parent_item is not None
                else [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
            )
            same = next(
                (s for s in siblings if s is not None and s.text(0).casefold() == name.casefold()),
                None,
            )
            if same is not None and depth < len(path) - 1:
                parent_item = same
                continue
            if same is not None:  # the whole path exists: tick it
                same.setCheckState(0, Qt.CheckState.Checked)
                parent_item = same
                continue
            key = -(len(self._pending) + 1)
            colour = next_colour(len(self._codes) + len(self._pending))
            parent_key = parent_item.data(0, ID_ROLE) if parent_item is not None else None
            made = PendingCode(key, name, colour, parent_key)
            self._pending.append(made)
            item = self._item(key, name, colour, None)
            item.setText(1, "new")
            self.tree.resizeColumnToContents(1)
            if parent_item is not None:
                parent_item.addChild(item)
                parent_item.setExpanded(True)
            else:
                self.tree.addTopLevelItem(item)
            parent_item = item
        if parent_item is not None:
            parent_item.setCheckState(0, Qt.CheckState.Checked)
            self.tree.scrollToItem(parent_item)
        self.filter.clear()
        self._show_count()
        return made

    # --- results --------------------------------------------------------------------------

    def set_checked(self, code_ids: Iterable[int]) -> None:
        wanted = set(code_ids)
        for item in self._all_items():
            state = Qt.CheckState.Checked if item.data(0, ID_ROLE) in wanted else Qt.CheckState.Unchecked
            item.setCheckState(0, state)

    def checked_codes(self) -> list[int]:
        """Ticked codes: ids of existing codes, negative keys of pending ones."""
        return [
            int(i.data(0, ID_ROLE)) for i in self._all_items()
            if i.checkState(0) == Qt.CheckState.Checked
        ]

    def pending_codes(self) -> list[PendingCode]:
        """Codes created in the dialog, parents before children."""
        return list(self._pending)

    def note_text(self) -> str | None:
        return self.note.toPlainText().strip() or None
