"""Filtering, grouping with totals, conflict flags and inline editing for the statistics pane.

:func:`install_statistics_tools` fits these onto the main window's :class:`StatisticsPane`
without changing it: a filter bar above its table (measure, period, place, claimant, source,
conflicts only), a proxy that also flags conflicting claims and lets cells be edited (each edit
an undoable command), and a totals table below it grouped with pandas.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QWidget,
)

from db import values
from db.dates import PartialDate
from db.queries import StatisticRow
from db.values import format_number
from desktop.models.base import Role
from desktop.models.tables import StatisticsModel
from desktop.views.common import tidy_table

if TYPE_CHECKING:
    from db.conflicts import Conflict
    from desktop.views.statistics import StatisticsPane

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
AUTHOR = "(the author)"
REFERENCE = "(reference data)"


# --- reading edited cells (pure functions) ---------------------------------------------------


def parse_period_cell(text: str) -> dict[str, PartialDate | None]:
    """"2014", "2010 – 2015-07-11" or "" as period_start and period_end (ValueError if not dates)."""
    cell = text.strip()
    if not cell:
        return {"period_start": None, "period_end": None}
    parts = [p.strip() for p in re.split(r"\s+(?:–|—|-|to)\s+|\s*[–—]\s*|\s+to\s+", cell) if p.strip()]
    if len(parts) == 1 and re.fullmatch(r"\d{4}-\d{4}", cell):
        parts = cell.split("-")
    if len(parts) not in (1, 2):
        raise ValueError(f"{text!r} is not a period (write 2014, or 2010 – 2015-07-11)")
    try:
        dates = [PartialDate.from_iso(p) for p in parts]
    except ValueError:
        raise ValueError(f"{text!r} is not a period (write 2014, or 2010 – 2015-07-11)") from None
    return {"period_start": dates[0], "period_end": dates[-1]}


def parse_measure_cell(text: str) -> dict[str, str | None]:
    """"killed (people)" as measure and unit."""
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", text)
    if match and match.group(1):
        return {"measure": match.group(1), "unit": match.group(2).strip() or None}
    return {"measure": text.strip(), "unit": None}


def changes_for_cell(column: int, text: str) -> dict[str, Any]:
    """The fields a cell edit changes (ValueError with a message when the text cannot be read)."""
    if column == StatisticsModel.VALUE:
        return dataclasses.asdict(values.parse(text))
    if column == StatisticsModel.PERIOD:
        return parse_period_cell(text)
    if column == StatisticsModel.MEASURE:
        changes = parse_measure_cell(text)
        if not changes["measure"]:
            raise ValueError("a statistic needs a measure")
        return changes
    if column == StatisticsModel.SUBJECT:
        return {"subject": text.strip() or None}
    if column == StatisticsModel.PLACE:
        return {"place": text.strip() or None}
    if column == StatisticsModel.CLAIMANT:
        name = text.strip()
        return {"claimant": None if not name or name == AUTHOR else name}
    raise ValueError("this column cannot be edited")


# --- filtering -------------------------------------------------------------------------------


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
        if self.source is not None and _source_label(row) != self.source:
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


def _source_label(row: StatisticRow) -> str:
    if row.source_id is None:
        return f"{REFERENCE} {row.dataset}" if row.dataset else REFERENCE
    return row.source_title or f"Source {row.source_id}"


class StatisticsFilterProxy(QSortFilterProxyModel):
    """The pane's proxy: its text filter plus :class:`StatisticsFilter`, conflict flags, editing.

    ``edit_requested(statistic_id, changes, text)`` is emitted for a cell edit; the window pushes
    an undoable command for it (the proxy itself never writes).
    """

    edit_requested = Signal(int, dict, str)
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
                    f" ({_source_label(o)})"
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
        self.edit_requested.emit(int(index.data(Role.ID)), changes, f"Edit {str(title).lower()}")
        return True


def _warning_icon() -> QIcon:
    if not _ICONS:
        style = QApplication.style()
        _ICONS.append(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    return _ICONS[0]


_ICONS: list[QIcon] = []


# --- the filter bar and totals ---------------------------------------------------------------

GROUPINGS = {
    "No grouping": (),
    "Measure": ("measure",),
    "Measure and place": ("measure", "place"),
    "Measure and claimant": ("measure", "claimant"),
    "Measure and year": ("measure", "year"),
    "Measure and source": ("measure", "source"),
}


def totals_frame(rows: Iterable[StatisticRow], keys: tuple[str, ...]) -> Any:
    """Claims, total, smallest and largest value per group (a pandas DataFrame)."""
    import pandas as pd

    records = [
        {
            "measure": r.measure + (f" ({r.unit})" if r.unit else ""),
            "place": r.place or "—",
            "claimant": r.claimant or "(the author)",
            "year": str((r.period_start or r.period_end).year) if (r.period_start or r.period_end) else "—",
            "source": _source_label(r),
            "value": r.value if r.value is not None else (r.low if r.low is not None else r.high),
        }
        for r in rows
    ]
    columns = [*keys, "claims", "total", "smallest", "largest"]
    if not records or not keys:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame.from_records(records)
    grouped = frame.groupby(list(keys), sort=True, dropna=False)["value"]
    result = grouped.agg(claims="size", total="sum", smallest="min", largest="max").reset_index()
    return result[columns]


class StatisticsTools(QWidget):
    """The filter bar: choose measure, place, claimant, source, years; group for totals."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsTools")
        self.measure = self._combo("statisticsMeasureFilter", "All measures")
        self.place = self._combo("statisticsPlaceFilter", "All places")
        self.claimant = self._combo("statisticsClaimantFilter", "All claimants")
        self.source = self._combo("statisticsSourceFilter", "All sources")
        self.year_from = self._year("statisticsYearFrom", "from any year")
        self.year_to = self._year("statisticsYearTo", "to any year")
        self.conflicts_only = QCheckBox("Conflicts only")
        self.conflicts_only.setObjectName("statisticsConflictsOnly")
        self.conflicts_only.setToolTip("Only claims that disagree with another claim about the same thing")
        self.grouping = QComboBox()
        self.grouping.setObjectName("statisticsGrouping")
        self.grouping.addItems(list(GROUPINGS))
        self.grouping.setToolTip("Group the shown claims and total them")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("statisticsClearFilters")
        self.clear_button.setToolTip("Show every statistic again")
        self.summary = QLabel()
        self.summary.setObjectName("statisticsSummary")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(2)
        for column, widget in enumerate((self.measure, self.place, self.claimant, self.source)):
            layout.addWidget(widget, 0, column)
            layout.setColumnStretch(column, 1)
        second = (self.year_from, self.year_to, self.conflicts_only, self.grouping)
        for column, widget in enumerate(second):
            layout.addWidget(widget, 1, column)
        layout.addWidget(self.clear_button, 0, 4)
        layout.addWidget(self.summary, 1, 4)
        # the bar must not widen the pane: the window shares its width with the chart
        for widget in (*second, self.measure, self.place, self.claimant, self.source, self.clear_button, self.summary):
            widget.setMinimumWidth(40)
        for combo in (self.measure, self.place, self.claimant, self.source, self.grouping):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self.changed)
        self.conflicts_only.toggled.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    @staticmethod
    def _combo(name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        combo.setToolTip(everything)
        return combo

    @staticmethod
    def _year(name: str, anything: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(1799, 2100)
        spin.setSpecialValueText(anything)
        spin.setValue(1799)
        spin.setToolTip("Claims whose period overlaps these years")
        return spin

    def set_rows(self, rows: list[StatisticRow]) -> None:
        """Offer the measures, places, claimants and sources that occur, keeping the choices."""
        self.blockSignals(True)
        try:
            self._fill(self.measure, (r.measure for r in rows))
            self._fill(self.place, (r.place for r in rows if r.place))
            self._fill(self.claimant, (r.claimant or AUTHOR for r in rows))
            self._fill(self.source, (_source_label(r) for r in rows))
        finally:
            self.blockSignals(False)

    @staticmethod
    def _fill(combo: QComboBox, values: Iterable[str]) -> None:
        current = combo.currentData()
        wanted = sorted(set(values), key=str.casefold)
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in wanted:
            combo.addItem(value, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def criteria(self) -> StatisticsFilter:
        def year(spin: QSpinBox) -> int | None:
            return None if spin.value() == spin.minimum() else spin.value()

        return StatisticsFilter(
            measure=self.measure.currentData(),
            place=self.place.currentData(),
            claimant=self.claimant.currentData(),
            source=self.source.currentData(),
            year_from=year(self.year_from),
            year_to=year(self.year_to),
            conflicts_only=self.conflicts_only.isChecked(),
        )

    def grouping_keys(self) -> tuple[str, ...]:
        return GROUPINGS.get(self.grouping.currentText(), ())

    def choose(self, combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def clear(self) -> None:
        self.blockSignals(True)
        for combo in (self.measure, self.place, self.claimant, self.source):
            combo.setCurrentIndex(0)
        self.year_from.setValue(self.year_from.minimum())
        self.year_to.setValue(self.year_to.minimum())
        self.conflicts_only.setChecked(False)
        self.blockSignals(False)
        self.changed.emit()


class TotalsView(QTableView):
    """Totals of the shown statistics per group (hidden when not grouping)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsTotals")
        tidy_table(self)
        self.totals = QStandardItemModel(self)
        self.setModel(self.totals)
        self.setMaximumHeight(130)
        self.horizontalHeader().setStretchLastSection(False)
        self.hide()

    def show_totals(self, rows: list[StatisticRow], keys: tuple[str, ...]) -> None:
        if not keys:
            self.hide()
            return
        frame = totals_frame(rows, keys)
        self.totals.clear()
        self.totals.setHorizontalHeaderLabels([str(c).capitalize() for c in frame.columns])
        for record in frame.itertuples(index=False):
            items = []
            for column, value in zip(frame.columns, record, strict=True):
                text = format_number(float(value)) if column in ("claims", "total", "smallest", "largest") and value == value else str(value)
                item = QStandardItem(text)
                item.setEditable(False)
                if column in ("claims", "total", "smallest", "largest"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.totals.appendRow(items)
        self.resizeColumnsToContents()
        self.show()


# --- putting it on the pane ------------------------------------------------------------------


@dataclass
class StatisticsToolsHandle:
    """What :func:`install_statistics_tools` added (for the window and tests)."""

    pane: StatisticsPane
    tools: StatisticsTools
    proxy: StatisticsFilterProxy
    totals: TotalsView
    update: Callable[[], None]


def install_statistics_tools(
    pane: StatisticsPane,
    on_edit: Callable[[int, dict[str, Any], str], None],
    on_message: Callable[[str], None] = lambda _m: None,
) -> StatisticsToolsHandle:
    """Fit the filter bar, conflict flags, inline edit and totals onto the statistics pane."""
    proxy = StatisticsFilterProxy(pane)
    proxy.setSourceModel(pane.model)
    old_proxy = pane.proxy
    pane.filter_edit.textChanged.disconnect()
    pane.proxy = proxy
    header = pane.view.horizontalHeader()
    sort_column, sort_order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    pane.view.setModel(proxy)
    old_proxy.deleteLater()
    pane.view.selectionModel().selectionChanged.connect(pane._selection_changed)
    pane.filter_edit.textChanged.connect(proxy.setFilterFixedString)
    pane.view.sortByColumn(sort_column, sort_order)
    pane.view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed  # F2; typing alone never starts an edit
    )
    tools = StatisticsTools(pane)
    totals = TotalsView(pane)
    layout = pane.layout()
    layout.insertWidget(1, tools)  # type: ignore[attr-defined]
    layout.addWidget(totals)

    def update() -> None:
        proxy.set_criteria(tools.criteria())
        rows = proxy.visible_rows()
        total = pane.model.rowCount()
        tools.summary.setText(
            f"{len(rows):,} of {total:,}" + (f" · {len(proxy.conflicting)} in conflict" if proxy.conflicting else "")
        )
        totals.show_totals(rows, tools.grouping_keys())

    tools.changed.connect(update)
    pane.filter_edit.textChanged.connect(lambda _text: update())
    pane.model.modelReset.connect(lambda: tools.set_rows(pane.model.rows))
    pane.model.modelReset.connect(update)
    proxy.edit_requested.connect(on_edit)
    proxy.edit_refused.connect(on_message)
    tools.set_rows(pane.model.rows)
    update()
    return StatisticsToolsHandle(pane, tools, proxy, totals, update)


def with_criteria(handle: StatisticsToolsHandle, **changes: Any) -> None:
    """Set filters by value (tests, links from other panes): measure=, place=, claimant= ..."""
    criteria = replace(handle.tools.criteria(), **changes)
    tools = handle.tools
    for name in ("measure", "place", "claimant", "source"):
        tools.choose(getattr(tools, name), getattr(criteria, name))
    tools.conflicts_only.setChecked(criteria.conflicts_only)
    handle.update()
