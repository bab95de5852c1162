"""The codes pane: the codebook, each code's colour and how often it is used."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTableView, QToolButton, QWidget

from db.rows import CodeRow
from desktop.models.base import Role
from desktop.models.cells import PaintedProxy
from desktop.models.lists import CodesModel
from desktop.views.common import pane_layout, selected_id, tidy_table


class CodesPane(QWidget):
    """The codes with their use counts, and buttons (and a context menu) to edit the codebook.

    The pane edits nothing itself: it asks, with ``new_requested(sub)``, ``edit_requested``,
    ``merge_requested``, ``delete_requested`` and ``memo_requested`` for the selected code.
    """

    #: a new code (True: a sub-code of the selected one)
    new_requested = Signal(bool)
    edit_requested = Signal()
    merge_requested = Signal()
    delete_requested = Signal()
    memo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codesView")
        self.model = CodesModel()
        self.proxy = PaintedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Role.SORT)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setObjectName("codesTable")
        tidy_table(self.view)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setColumnWidth(0, 180)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, signal in (
            ("new", "New", "Create a code", self.new_requested),
            ("edit", "Edit", "Rename, recolour or move the selected code", self.edit_requested),
            ("merge", "Merge", "Merge the selected code into another", self.merge_requested),
            ("delete", "Delete", "Delete the selected code", self.delete_requested),
            ("memo", "Memo", "Write a memo on the selected code", self.memo_requested),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"code{key.capitalize()}Button")
            if key == "new":
                button.clicked.connect(lambda _checked=False: self.new_requested.emit(False))
            else:
                button.clicked.connect(signal.emit)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        layout = pane_layout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._buttons_state())
        #: the codes as read (``model`` shows nested ones by their path)
        self.rows: list[CodeRow] = []
        self._buttons_state()

    def set_codes(self, rows: list[CodeRow]) -> None:
        """Show the codebook; a nested code is listed by its path ("violence / shelling")."""
        self.rows = list(rows)
        by_id = {c.id: c for c in rows}

        def path(code: CodeRow) -> str:
            names, seen = [code.name], {code.id}
            parent = by_id.get(code.parent_id) if code.parent_id is not None else None
            while parent is not None and parent.id not in seen:
                names.append(parent.name)
                seen.add(parent.id)
                parent = by_id.get(parent.parent_id) if parent.parent_id is not None else None
            return " / ".join(reversed(names))

        selected = self.selected_code()
        self.model.set_rows([replace(c, name=path(c)) if c.parent_id else c for c in rows])
        if selected is not None:
            self.select_code(selected)
        self._buttons_state()

    def select_code(self, code_id: int) -> None:
        row = self.model.row_of(code_id)
        if row is not None:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected_code(self) -> int | None:
        return selected_id(self.view)

    def code(self, code_id: int | None) -> CodeRow | None:
        """The row of a code as read (its own name, not its path)."""
        return next((c for c in self.rows if c.id == code_id), None)

    def _buttons_state(self) -> None:
        selected = self.selected_code() is not None
        for key in ("edit", "merge", "delete", "memo"):
            self.buttons[key].setEnabled(selected)

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("New code…", lambda: self.new_requested.emit(False))
        if self.selected_code() is not None:
            menu.addAction("New sub-code…", lambda: self.new_requested.emit(True))
            menu.addAction("Edit…", self.edit_requested.emit)
            menu.addAction("Merge into…", self.merge_requested.emit)
            menu.addAction("Delete…", self.delete_requested.emit)
            menu.addAction("Memo…", self.memo_requested.emit)
        menu.popup(self.view.viewport().mapToGlobal(point))
