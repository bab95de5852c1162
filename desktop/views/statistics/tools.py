"""The statistics pane's filter bar and its totals table (the totals are worked out in SQL)."""

from __future__ import annotations

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

from db.claims_list import Choices, Totals
from db.values import format_number
from desktop.views.common import tidy_table
from desktop.views.statistics.filtering import StatisticsFilter

#: the figures of each group of the totals, after its keys
_FIGURES = ("claims", "total", "smallest", "largest")

GROUPINGS = {
    "No grouping": (),
    "Measure": ("measure",),
    "Measure and place": ("measure", "place"),
    "Measure and claimant": ("measure", "claimant"),
    "Measure and year": ("measure", "year"),
    "Measure and source": ("measure", "source"),
}


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

    def set_choices(self, choices: Choices) -> None:
        """Offer the measures, places, claimants and sources that occur, keeping the choices."""
        self.blockSignals(True)
        try:
            for name in ("measure", "place", "claimant", "source"):
                self._fill(getattr(self, name), choices.offered.get(name, []), choices.more.get(name, 0))
        finally:
            self.blockSignals(False)

    def chosen(self) -> dict[str, str | None]:
        """The measure, place, claimant and source chosen (None: any), by name."""
        return {name: getattr(self, name).currentData() for name in ("measure", "place", "claimant", "source")}

    @staticmethod
    def _fill(combo: QComboBox, wanted: list[str], more: int) -> None:
        current = combo.currentData()
        if current is not None and current not in wanted:  # the choice made stays offered
            wanted = sorted([*wanted, current], key=str.casefold)
        combo.blockSignals(True)
        anything = combo.itemText(0)
        combo.clear()
        combo.addItem(anything, None)
        combo.addItems(wanted)
        for n, value in enumerate(wanted, start=1):
            combo.setItemData(n, value)
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

    def show_totals(self, totals: Totals | None) -> None:
        if totals is None or not totals.keys:
            self.hide()
            return
        self.totals.clear()
        self.totals.setHorizontalHeaderLabels([str(c).capitalize() for c in (*totals.keys, *_FIGURES)])
        for group in totals.groups:
            items = []
            for n, value in enumerate(group):
                figure = n >= len(totals.keys)
                text = format_number(float(value)) if figure and value is not None else "" if value is None else str(value)
                item = QStandardItem(text)
                item.setEditable(False)
                if figure:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.totals.appendRow(items)
        self.resizeColumnsToContents()
        self.show()
