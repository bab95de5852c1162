"""The statistics pane's filter bar and its totals table (grouped with pandas, loaded lazily)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from db.rows import StatisticRow
from db.values import format_number
from desktop.views.common import tidy_table
from desktop.views.statistics.cells import AUTHOR
from desktop.views.statistics.filtering import StatisticsFilter, source_label

#: a filter's list of choices offers at most this many (those with the most claims)
MAX_CHOICES = 500

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

    def year(row: StatisticRow) -> str:
        date = row.period_start or row.period_end
        return str(date.year) if date is not None else "—"

    records = [
        {
            "measure": r.measure + (f" ({r.unit})" if r.unit else ""),
            "place": r.place or "—",
            "claimant": r.claimant or AUTHOR,
            "year": year(r),
            "source": source_label(r),
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
        first: tuple[QWidget, ...] = (self.measure, self.place, self.claimant, self.source)
        second: tuple[QWidget, ...] = (self.year_from, self.year_to, self.conflicts_only, self.grouping)
        for row, widgets in enumerate((first, second)):
            for column, widget in enumerate(widgets):
                layout.addWidget(widget, row, column)
                if row == 0:
                    layout.setColumnStretch(column, 1)
        layout.addWidget(self.clear_button, 0, 4)
        layout.addWidget(self.summary, 1, 4)
        # the bar must not widen the pane: the window shares its width with the chart
        for widget in (*first, *second, self.clear_button, self.summary):
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
            self._fill(self.source, (source_label(r) for r in rows))
        finally:
            self.blockSignals(False)

    @staticmethod
    def _fill(combo: QComboBox, values: Iterable[str]) -> None:
        current = combo.currentData()
        counted = Counter(values)
        if current is not None:
            counted[current] += 0  # the choice made stays offered
        # a list of 100,000 sources is no choice: the ones with the most claims (and the chosen)
        common = {value for value, _n in counted.most_common(MAX_CHOICES)} | ({current} - {None})
        wanted = sorted((v for v in counted if v in common), key=str.casefold)
        combo.blockSignals(True)
        anything = combo.itemText(0)
        combo.clear()
        combo.addItem(anything, None)
        combo.addItems(wanted)
        for n, value in enumerate(wanted, start=1):
            combo.setItemData(n, value)
        more = len(counted) - len(wanted)
        combo.setToolTip(f"The {len(wanted):,} with the most claims ({more:,} more: filter by text)" if more else "")
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
