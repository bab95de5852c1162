"""The chart's choices (left of the plot): measures, subjects, what colours the points, over time or
as bars, the period bars compare, reference data on or off. A passive widget: it knows nothing of
the archive, is filled by the pane and says what changed through its signals."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from db.chartdata import GROUPINGS, GroupBy
from desktop.reads.charts import Choice

TIME_SERIES = "time"
BARS = "bars"
ALL_PERIODS = ""
GROUPING_HELP = {
    "claimant": "Who makes the claim (reference data: its dataset)",
    "place": "Where the counted events happened",
    "actor": "The actor marked inside the claim's sentence (otherwise what is counted)",
    "source": "The source the claim comes from (reference data: its dataset)",
}
#: how the grouping choices read in the combo box
GROUPING_LABELS = {
    "claimant": "Claimant",
    "place": "Place",
    "actor": "Actor",
    "source": "Source",
}


class ChartControls(QWidget):
    """The form of choices; the pane reads them with :meth:`settings` and the getters."""

    #: measures, subjects, grouping or reference data changed: the chart needs another frame
    frame_changed = Signal()
    #: over time / bars changed
    mode_changed = Signal()
    #: the period bars compare changed
    period_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Narrow enough to leave the plot most of a dock; long names elide, with tooltips.
        self.setMaximumWidth(260)
        self._choices: list[Choice] = []
        self._quiet = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(6, 6, 6, 6)

        self.measure_list = _check_list(self, "chartMeasures", "Measures to chart (what is counted)")
        self.measure_list.itemChanged.connect(self._measures_changed)
        self.form.addRow(QLabel("Measures"))
        self.form.addRow(self.measure_list)

        self.subject_list = _check_list(self, "chartSubjects", "Subjects to include (none checked: all)")
        self.subject_list.itemChanged.connect(self._frame_changed)
        self.form.addRow(QLabel("Subjects"))
        self.form.addRow(self.subject_list)

        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("chartGroupBy")
        for key in GROUPINGS:
            self.group_combo.addItem(GROUPING_LABELS[key], key)
            self.group_combo.setItemData(
                self.group_combo.count() - 1, GROUPING_HELP[key], Qt.ItemDataRole.ToolTipRole
            )
        self.group_combo.currentIndexChanged.connect(self._frame_changed)
        self.form.addRow("Colour by", self.group_combo)

        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("chartMode")
        self.mode_combo.addItem("Over time", TIME_SERIES)
        self.mode_combo.addItem("Compare (bars)", BARS)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.form.addRow("Show", self.mode_combo)

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("chartPeriod")
        self.period_combo.setToolTip("Compare the claims about one period")
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.form.addRow("Period", self.period_combo)

        self.reference_check = QCheckBox("Reference data", self)
        self.reference_check.setObjectName("chartReference")
        self.reference_check.setChecked(True)
        self.reference_check.toggled.connect(self._frame_changed)
        self.form.addRow(self.reference_check)

    def add_section(self, title: str, widget: QWidget) -> None:
        """Another row under a title of its own (the saved charts)."""
        self.form.addRow(QLabel(title))
        self.form.addRow(widget)

    # --- what is chosen -------------------------------------------------------------------------

    def checked_measures(self) -> list[str]:
        return _checked(self.measure_list)

    def checked_subjects(self) -> list[str]:
        return _checked(self.subject_list)

    def grouping(self) -> GroupBy:
        """What colours the points: one of :data:`db.chartdata.GROUPINGS`."""
        return cast("GroupBy", self.group_combo.currentData())

    def grouping_label(self) -> str:
        return self.group_combo.currentText()

    def bars(self) -> bool:
        return bool(self.mode_combo.currentData() == BARS)

    def period(self) -> str:
        """The year bars compare, or :data:`ALL_PERIODS`."""
        return str(self.period_combo.currentData() or ALL_PERIODS)

    def include_reference(self) -> bool:
        return self.reference_check.isChecked()

    def settings(self) -> dict[str, Any]:
        """What the chart shows, as saved under a name in the archive."""
        return {
            "measures": self.checked_measures(),
            "subjects": self.checked_subjects(),
            "group_by": self.grouping(),
            "mode": self.mode_combo.currentData(),
            "period": self.period(),
            "reference": self.include_reference(),
        }

    # --- filled by the pane (quietly: no signals) -----------------------------------------------

    def set_choices(self, choices: Sequence[Choice], kept: dict[str, Any] | None) -> None:
        """List the measures and subjects there are, checking those ``kept`` still names; with
        none of its measures left (or nothing kept), the measure with the most statistics."""
        self._choices = list(choices)
        with self._quietly():
            self.measure_list.clear()
            counts: dict[str, int] = {}
            for measure, _subject, n in self._choices:
                counts[measure] = counts.get(measure, 0) + n
            wanted = set(kept["measures"]) & set(counts) if kept else set()
            if not wanted and counts:
                # A first look: the measure with the most claims.
                wanted = {max(counts, key=lambda m: counts[m])}
            for measure in sorted(counts, key=lambda m: (-counts[m], m)):
                label = f"{measure or '(no measure)'} ({counts[measure]:,})"
                self.measure_list.addItem(_check_item(label, measure, measure in wanted))
            self._fill_subjects(set(kept["subjects"]) if kept else set())

    def has_choices(self) -> bool:
        """Whether the archive holds any statistic to chart."""
        return bool(self._choices)

    def statistics_of(self, measures: Sequence[str]) -> int:
        """How many statistics ``measures`` count in all."""
        chosen = set(measures)
        return sum(n for measure, _subject, n in self._choices if measure in chosen)

    def apply(self, settings: dict[str, Any]) -> None:
        """Choose what ``settings`` say (unknown measures are ignored), except the period."""
        with self._quietly():
            measures = set(settings.get("measures") or [])
            for i in range(self.measure_list.count()):
                item = self.measure_list.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in measures
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self._fill_subjects(set(settings.get("subjects") or []))
            _select_data(self.group_combo, settings.get("group_by", "claimant"))
            _select_data(self.mode_combo, settings.get("mode", TIME_SERIES))
            self.reference_check.setChecked(bool(settings.get("reference", True)))

    def set_periods(self, years: Sequence[str], selected: str | None) -> None:
        """The years bars can compare; ``selected`` (None: keep the one chosen, if still there)."""
        previous = self.period()
        with self._quietly():
            self.period_combo.clear()
            self.period_combo.addItem("All periods", ALL_PERIODS)
            for year in years:
                self.period_combo.addItem(year, year)
            _select_data(self.period_combo, selected if selected is not None else previous)

    def select_period(self, period: str) -> None:
        with self._quietly():
            _select_data(self.period_combo, period)

    def _fill_subjects(self, wanted: set[str]) -> None:
        measures = set(self.checked_measures())
        counts: dict[str, int] = {}
        for measure, subject, n in self._choices:
            if measure in measures:
                key = subject or ""
                counts[key] = counts.get(key, 0) + n
        self.subject_list.clear()
        for subject in sorted(counts, key=lambda s: (-counts[s], s)):
            label = f"{subject or '(no subject)'} ({counts[subject]:,})"
            self.subject_list.addItem(_check_item(label, subject, subject in wanted))

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Change the controls without telling the pane (it acts once, when it is done)."""
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    # --- the researcher changed something -------------------------------------------------------

    @Slot()
    def _measures_changed(self) -> None:
        if self._quiet:
            return
        with self._quietly():
            self._fill_subjects(set(self.checked_subjects()))
        self.frame_changed.emit()

    @Slot()
    def _frame_changed(self) -> None:
        if not self._quiet:
            self.frame_changed.emit()

    @Slot()
    def _mode_changed(self) -> None:
        if not self._quiet:
            self.mode_changed.emit()

    @Slot()
    def _period_changed(self) -> None:
        if not self._quiet:
            self.period_changed.emit()


def _check_list(parent: QWidget, name: str, tip: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setObjectName(name)
    widget.setToolTip(tip)
    return widget


def _check_item(label: str, value: str, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(label)
    item.setToolTip(label)
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
