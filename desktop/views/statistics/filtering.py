"""Which statistics the pane shows: the filter bar's criteria and the pane's proxy model.

The proxy also flags conflicting claims and turns cell edits into ``edit_requested``
(it never writes: the statistics controller pushes an undo command for each edit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from db import values
from db.rows import StatisticRow
from desktop.models.base import Role
from desktop.models.lists import StatisticsModel
from desktop.views.statistics.cells import AUTHOR, changes_for_cell

if TYPE_CHECKING:
    from db.conflicts import Conflict

Index = QModelIndex | QPersistentModelIndex

#: what a cell edit changes, by column of :class:`StatisticsModel`
EDITABLE_COLUMNS = {
    StatisticsModel.VALUE,
    StatisticsModel.MEASURE,
    StatisticsModel.SUBJECT,
    StatisticsModel.PERIOD,
    StatisticsModel.PLACE,
    StatisticsModel.CLAIMANT,
}
CONFLICT_COLOUR = QColor("#ffd8cc")
REFERENCE = "(reference data)"


@dataclass(frozen=True)
class StatisticsFilter:
    """What the filter bar asks for; None or empty means "any"."""

    measure: str | None = None
    place: str | None = None
    claimant: str | None = None
    source: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    conflicts_only: bool = False

    def accepts(self, row: StatisticRow, conflicting: set[int]) -> bool:
        if self.measure is not None and row.measure != self.measure:
            return False
        if self.place is not None and (row.place or "") != self.place:
            return False
        if self.claimant is not None and (row.claimant or AUTHOR) != self.claimant:
            return False
        if self.source is not None and source_label(row) != self.source:
            return False
        if self.conflicts_only and row.id not in conflicting:
            return False
        if self.year_from is not None or self.year_to is not None:
            start = row.period_start or row.period_end
            end = row.period_end or row.period_start
            if start is None or end is None:
                return False
            # overlapping the chosen years counts ("since 2010" is in 2012)
            if self.year_from is not None and end.year < self.year_from:
                return False
            if self.year_to is not None and start.year > self.year_to:
                return False
        return True


def source_label(row: StatisticRow) -> str:
    if row.source_id is None:
        return f"{REFERENCE} {row.dataset}" if row.dataset else REFERENCE
    return row.source_title or f"Source {row.source_id}"


class StatisticsFilterProxy(QSortFilterProxyModel):
    """The pane's proxy: its text filter plus :class:`StatisticsFilter`, conflict flags, editing.

    ``edit_requested(statistic_id, changes, text, version)`` is emitted for a cell edit, with the
    version of the row the cell showed (a save by someone else since is then not overwritten);
    the window pushes an undoable command for it (the proxy itself never writes).
    """

    edit_requested = Signal(int, dict, str, object)
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria = StatisticsFilter()
        self.conflicting: set[int] = set()
        self.conflict_notes: dict[int, str] = {}
        self.editable = True
        self.setSortRole(Role.SORT)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_criteria(self, criteria: StatisticsFilter) -> None:
        if criteria != self.criteria:
            self.beginFilterChange()
            self.criteria = criteria
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_conflicts(self, conflicts: Iterable[Conflict]) -> None:
        notes: dict[int, str] = {}
        for conflict in conflicts:
            for claim in conflict.claims:
                others = [c for c in conflict.claims if c.id != claim.id]
                lines = [
                    f"{values.format(o) or '?'} — {o.claimant or 'the author'}"
                    f" ({source_label(o)})"
                    for o in others
                ]
                notes[claim.id] = "Conflicts with:\n" + "\n".join(lines)
        self.beginFilterChange()
        self.conflict_notes = notes
        self.conflicting = set(notes)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        row = self.sourceModel().index(source_row, 0, source_parent).data(Role.ROW)
        return row is None or self.criteria.accepts(row, self.conflicting)

    def visible_rows(self) -> list[StatisticRow]:
        return [self.index(r, 0).data(Role.ROW) for r in range(self.rowCount())]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole) or (
            role == Qt.ItemDataRole.ToolTipRole and index.column() == StatisticsModel.VALUE
        ):
            statistic_id = index.data(Role.ID)
            if statistic_id in self.conflicting:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(CONFLICT_COLOUR)
                if index.column() == StatisticsModel.VALUE:
                    if role == Qt.ItemDataRole.DecorationRole:
                        return _warning_icon()
                    base = super().data(index, role)
                    return f"{self.conflict_notes[statistic_id]}\n\n{base or ''}".strip()
        if role == Qt.ItemDataRole.EditRole:
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            return "" if text == AUTHOR else text
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        try:
            changes = changes_for_cell(index.column(), text)
        except ValueError as error:
            self.edit_refused.emit(str(error))
            return False
        title = self.headerData(index.column(), Qt.Orientation.Horizontal)
        row = index.data(Role.ROW)
        self.edit_requested.emit(int(index.data(Role.ID)), changes, f"Edit {str(title).lower()}",
                                 getattr(row, "version", None))
        return True


def _warning_icon() -> QIcon:
    if not _ICONS:
        style = QApplication.style()
        _ICONS.append(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    return _ICONS[0]


_ICONS: list[QIcon] = []
