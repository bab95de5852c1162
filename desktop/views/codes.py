"""The codes pane: the codebook, each code's colour and how often it is used."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView, QWidget

from db.queries import CodeRow
from desktop.models.base import Role
from desktop.models.tables import CodesModel
from desktop.views.common import pane_layout, selected_id, tidy_table


class CodesPane(QWidget):
    """The codes with their use counts (editing the codebook is wired on top of this pane)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codesView")
        self.model = CodesModel()
        self.proxy = QSortFilterProxyModel(self)
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
        self.layout_ = pane_layout(self)
        self.layout_.addWidget(self.view, 1)
        #: the codes as read (``model`` shows nested ones by their path)
        self.rows: list[CodeRow] = []

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

    def select_code(self, code_id: int) -> None:
        row = self.model.row_of(code_id)
        if row is not None:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected_code(self) -> int | None:
        return selected_id(self.view)
