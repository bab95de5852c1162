"""Which statistics the pane shows: the filter bar's criteria and the pane's proxy model.

The proxy also flags conflicting claims and turns cell edits into ``edit_requested``
(it never writes: the statistics controller pushes an undo command for each edit).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from db import values
from db.claims_list import AUTHOR, REFERENCE, ClaimFilter
from db.rows import StatisticRow
from desktop.models.base import Role
from desktop.models.cells import Roles, fill_span
from desktop.models.statistics import StatisticsModel
from desktop.views.statistics.cells import changes_for_cell

if TYPE_CHECKING:
    from db.conflict_groups import ConflictGroup

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
#: a conflicting claim's tooltip lists this many of the claims it disagrees with
NOTE_CLAIMS = 8


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

    def claims(self, text: str, conflicting: Iterable[int]) -> ClaimFilter:
        """The query for these choices and a filter box's text (SQL does the filtering)."""
        return ClaimFilter(measure=self.measure, place=self.place, claimant=self.claimant, source=self.source,
                           year_from=self.year_from, year_to=self.year_to, text=text.strip(),
                           within=frozenset(conflicting) if self.conflicts_only else None)


def source_label(row: StatisticRow) -> str:
    if row.source_id is None:
        return f"{REFERENCE} {row.dataset}" if row.dataset else REFERENCE
    return row.source_title or f"Source {row.source_id}"


class ConflictingIds:
    """The ids of the claims in conflict and the conflict each is in, as two packed arrays (a
    set and a dict of 100,000 ids held some 10 MB): ``id in ids``, ``len(ids)``, iteration."""

    def __init__(self, conflicts: Iterable[ConflictGroup] = ()) -> None:
        self.conflicts = list(conflicts)
        self._ids: Any
        self._groups: Any
        if not self.conflicts:  # the window's first, before any are worked out: without numpy
            self._ids = self._groups = array("q")  # (100-190 ms of its start-up on the GUI thread)
            return
        import numpy as np  # loaded by the conflicts' read, off the GUI thread

        ids = [np.frombuffer(c.packed_ids, dtype=np.int64) for c in self.conflicts]
        flat = np.concatenate(ids)
        groups = np.repeat(np.arange(len(ids), dtype=np.int32), [len(i) for i in ids])
        order = np.argsort(flat, kind="stable")
        self._ids, self._groups = flat[order], groups[order]

    def _position(self, statistic_id: object) -> int | None:
        if not isinstance(statistic_id, int | float) or not len(self._ids):
            return None
        n = int(self._ids.searchsorted(statistic_id))
        return n if n < len(self._ids) and int(self._ids[n]) == statistic_id else None

    def __contains__(self, statistic_id: object) -> bool:
        return self._position(statistic_id) is not None

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids.tolist())

    def conflict_of(self, statistic_id: int) -> ConflictGroup | None:
        n = self._position(statistic_id)
        return self.conflicts[int(self._groups[n])] if n is not None else None


class StatisticsFilterProxy(QIdentityProxyModel):
    """The pane's proxy over the lazy model (which filters and sorts in SQL): conflict flags and
    editing.

    ``edit_requested(statistic_id, changes, text, version)`` is emitted for a cell edit, with the
    version of the row the cell showed (a save by someone else since is then not overwritten);
    the window pushes an undoable command for it (the proxy itself never writes).
    """

    edit_requested = Signal(int, dict, str, object)
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the ids of the claims in conflict (on a large archive, nearly every claim)
        self.conflicting = ConflictingIds()
        self.editable = True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def set_conflicts(self, flagged: ConflictingIds) -> None:
        self.conflicting = flagged
        # no dataChanged: a view puts the model's data back into an open cell editor on it, and
        # what the researcher was typing would be lost; the pane repaints the rows instead

    def conflict_note(self, statistic_id: int) -> str:
        """What a conflicting claim's tooltip says: the claims it disagrees with (the first few)."""
        conflict = self.conflicting.conflict_of(statistic_id)
        if conflict is None:
            return ""
        others = [i for i in conflict.statistic_ids if i != statistic_id]
        model = self.sourceModel()
        # the few named are read now (the conflicts hold ids, not every claim of the archive)
        read = model.rows_of(others[:NOTE_CLAIMS]) if isinstance(model, StatisticsModel) else []
        lines = [f"{values.format(o) or '?'} — {o.claimant or 'the author'} ({source_label(o)})" for o in read]
        if len(others) > NOTE_CLAIMS:
            lines.append(f"and {len(others) - NOTE_CLAIMS:,} more")
        return "Conflicts with:\n" + "\n".join(lines)

    def multiData(self, index: Index, roleDataSpan: Roles) -> None:
        """A cell's painted roles in one call: the model's (see :mod:`desktop.models.cells`) with
        a conflicting claim's background and, in its value, the warning sign."""
        model = self.sourceModel()
        if not index.isValid() or not isinstance(model, StatisticsModel):
            super().multiData(index, roleDataSpan)
            return
        cell = model.painted(index)  # an identity proxy: the same row and column
        row = model.row_at(index.row())
        if cell is not None and row is not None and row.id in self.conflicting:
            cell = {**cell, Qt.ItemDataRole.BackgroundRole: _conflict_brush()}
            if index.column() == StatisticsModel.VALUE:
                cell[Qt.ItemDataRole.DecorationRole] = _warning_icon()
        fill_span(roleDataSpan, cell, lambda role: self.data(index, role))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole) or (
            role == Qt.ItemDataRole.ToolTipRole and index.column() == StatisticsModel.VALUE
        ):
            statistic_id = index.data(Role.ID)
            if statistic_id in self.conflicting:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return _conflict_brush()
                if index.column() == StatisticsModel.VALUE:
                    if role == Qt.ItemDataRole.DecorationRole:
                        return _warning_icon()
                    base = super().data(index, role)
                    return f"{self.conflict_note(statistic_id)}\n\n{base or ''}".strip()
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


def _conflict_brush() -> QBrush:
    if not _BRUSHES:
        _BRUSHES.append(QBrush(CONFLICT_COLOUR))
    return _BRUSHES[0]


def _warning_icon() -> QIcon:
    if not _ICONS:
        style = QApplication.style()
        _ICONS.append(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    return _ICONS[0]


_ICONS: list[QIcon] = []
_BRUSHES: list[QBrush] = []
