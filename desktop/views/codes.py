"""The codes pane: the codebook, each code's colour and how often it is used."""

from __future__ import annotations

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

    def set_codes(self, rows: list[CodeRow]) -> None:
        self.model.set_rows(rows)

    def selected_code(self) -> int | None:
        return selected_id(self.view)
