"""Import reference data: a table's first rows, the guessed columns to check, a dataset name.

The mapping shown is the one confirmed last for a table with the same columns when there is one
(``remembered``: the controller keeps them per user), else the guess; every field of it is
editable, the bounds (a minimum and a maximum column) and a period's start and end included."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.dialogs.common import ok_cancel

if TYPE_CHECKING:
    from db.interchange.layouts import TableMapping

#: reads a table: its rows (a pandas DataFrame) and the guessed mapping; IngestError if unreadable
Preview = Callable[[Path], "tuple[Any, TableMapping]"]
#: the mapping confirmed last for a table with these columns, if any
Remembered = Callable[[list[str]], "TableMapping | None"]
DATE_ORDERS = {None: "As the dates say (day first when they never do)", True: "Day first (31/12/2015)",
               False: "Month first (12/31/2015)"}

LAYOUTS = {
    "long": "One row per place and year (long)",
    "wide_years": "One row per place, a column per year (wide)",
    "wide_places": "One row per year, a column per place (wide)",
}
NONE = "(none)"


def describe(mapping: TableMapping) -> str:
    values = ", ".join(mapping.values[:6]) + (" …" if len(mapping.values) > 6 else "")
    parts = [LAYOUTS[mapping.layout] + "."]
    if mapping.count_rows:
        parts.append("Each row is one event: rows are counted per place and year.")
    elif mapping.layout == "long" and values:
        parts.append(f"Values from: {values}.")
    if mapping.low or mapping.high:
        parts.append(f"Bounds from: {mapping.low or '–'} to {mapping.high or '–'}.")
    if mapping.period_start or mapping.period_end:
        parts.append(f"Periods from {mapping.period_start or '–'} to {mapping.period_end or '–'}.")
    if mapping.place_codes:
        parts.append(f"{mapping.place} holds country codes: stored as the countries' names.")
    if mapping.fixed_period is not None:
        parts.append(f"Every figure is for {mapping.fixed_period} (from the file name).")
    if mapping.fixed_place is not None:
        parts.append(f"Every figure is for {mapping.fixed_place} (from the file name).")
    return " ".join(parts)


class ReferenceImportDialog(QDialog):
    """Shows the table and the guessed mapping; the statistics controller imports it when accepted.

    ``figures_of(dataset)`` says how many figures of that dataset the archive already holds.
    """

    def __init__(self, path: Path, preview: Preview, figures_of: Callable[[str], int],
                 parent: QWidget | None = None, remembered: Remembered | None = None) -> None:
        super().__init__(parent)
        from db.ingest.base import IngestError

        self.setObjectName("referenceImportDialog")
        self.setWindowTitle(f"Import reference data — {path.name}")
        self.resize(760, 680)
        self.path = path
        self._figures_of = figures_of
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = ok_cancel(self, "Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.guessed: TableMapping | None = None
        try:
            frame, self.guessed = preview(path)
        except IngestError as error:
            layout.addWidget(self.error)
            layout.addWidget(self.buttons)
            self.error.setText(str(error))
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
            return
        columns = [str(c) for c in frame.columns]
        self._frame = frame
        #: the table's columns (its layout, as mappings are remembered)
        self.columns = columns
        previous = remembered(columns) if remembered is not None else None
        #: whether the mapping shown is the one confirmed last for these columns
        self.from_memory = previous is not None
        if previous is not None:
            self.guessed = previous
        self.preview = QTableWidget(min(len(frame), 8), len(columns))
        self.preview.setObjectName("tablePreview")
        self.preview.setHorizontalHeaderLabels(columns)
        for r, row in enumerate(frame.head(8).itertuples(index=False)):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.preview.resizeColumnsToContents()
        self.preview.setMaximumHeight(230)

        self.dataset_edit = QLineEdit(path.stem.replace("_", " ").replace("-", " ").strip())
        self.dataset_edit.setObjectName("datasetEdit")
        self.dataset_edit.setPlaceholderText("e.g. World Bank GDP — also the claimant of every figure")
        self.measure_edit = QLineEdit(self.guessed.measure or "")
        self.measure_edit.setObjectName("measureEdit")
        self.measure_edit.setPlaceholderText("the value columns' names are used when empty")
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layoutCombo")
        for key, text in LAYOUTS.items():
            self.layout_combo.addItem(text, key)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(self.guessed.layout))
        self.place_combo = self._column_combo("placeColumn", columns, self.guessed.place)
        self.period_combo = self._column_combo("periodColumn", columns, self.guessed.period)
        self.start_combo = self._column_combo("periodStartColumn", columns, self.guessed.period_start)
        self.end_combo = self._column_combo("periodEndColumn", columns, self.guessed.period_end)
        self.low_combo = self._column_combo("lowColumn", columns, self.guessed.low)
        self.high_combo = self._column_combo("highColumn", columns, self.guessed.high)
        self.subject_combo = self._column_combo("subjectColumn", columns, self.guessed.subject_column)
        self.date_order_combo = QComboBox()
        self.date_order_combo.setObjectName("dateOrder")
        for order, label in DATE_ORDERS.items():
            self.date_order_combo.addItem(label, order)
        self.date_order_combo.setCurrentIndex(self.date_order_combo.findData(self.guessed.day_first))
        self.replace_check = QCheckBox("Replace the figures of a dataset with the same name")
        self.replace_check.setObjectName("replaceDataset")
        remembered_note = ("Columns as you set them last time for a table with these columns. "
                           if self.from_memory else "")
        self.summary = QLabel(remembered_note + describe(self.guessed))
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow("Dataset", self.dataset_edit)
        form.addRow("Measure", self.measure_edit)
        form.addRow("Layout", self.layout_combo)
        form.addRow("Places in", self.place_combo)
        form.addRow("Years or dates in", self.period_combo)
        form.addRow("…or periods start in", self.start_combo)
        form.addRow("…and end in", self.end_combo)
        form.addRow("Lowest figure in", self.low_combo)
        form.addRow("Highest figure in", self.high_combo)
        form.addRow("Dates written", self.date_order_combo)
        form.addRow("Subjects in", self.subject_combo)
        layout.addWidget(self.preview)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.replace_check)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.dataset_edit.textChanged.connect(lambda _t: self.validate())
        self.replace_check.toggled.connect(lambda _c: self.validate())
        self.validate()

    @staticmethod
    def _column_combo(name: str, columns: list[str], current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(NONE, None)
        for column in columns:
            combo.addItem(column, column)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        return combo

    def dataset(self) -> str:
        return " ".join(self.dataset_edit.text().split())

    def replace_existing(self) -> bool:
        return self.replace_check.isChecked()

    def mapping(self) -> TableMapping | None:
        """The guessed mapping with the researcher's changes (None if the table was unreadable)."""
        if self.guessed is None:
            return None
        mapping = replace(
            self.guessed,
            layout=self.layout_combo.currentData(),
            place=self.place_combo.currentData(),
            period=self.period_combo.currentData(),
            period_start=self.start_combo.currentData(),
            period_end=self.end_combo.currentData(),
            low=self.low_combo.currentData(),
            high=self.high_combo.currentData(),
            day_first=self.date_order_combo.currentData(),
            subject_column=self.subject_combo.currentData(),
            measure=self.measure_edit.text().strip() or None,
        )
        if mapping.place != self.guessed.place:
            from db.interchange.column_types import code_kind

            codes = mapping.place is not None and code_kind(self._frame[mapping.place], numeric_allowed=True)
            mapping = replace(mapping, place_codes=bool(codes))
        used = {mapping.place, mapping.period, mapping.period_start, mapping.period_end,
                mapping.low, mapping.high, mapping.subject_column}
        if mapping.layout == "long" and mapping.layout == self.guessed.layout:
            values = tuple(c for c in mapping.values if c not in used)
            if (mapping.low or mapping.high) and len(values) > 1:
                values = ()  # bounds are of one figure: the other value columns are left out
            mapping = replace(mapping, values=values, count_rows=mapping.count_rows and not (mapping.low or mapping.high))
        if mapping.layout != self.guessed.layout:
            # the value columns depend on the layout: everything not used for places or years
            headers = (self.preview.horizontalHeaderItem(i) for i in range(self.preview.columnCount()))
            columns = [h.text() for h in headers if h is not None]
            mapping = replace(mapping, values=tuple(c for c in columns if c not in used), count_rows=False)
        return mapping

    def validate(self) -> bool:
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        dataset = self.dataset()
        message = ""
        if not dataset:
            message = "Name the dataset (it becomes the claimant of its figures)."
        elif not self.replace_existing():
            existing = self._figures_of(dataset)
            if existing:
                message = (f"The archive already holds {existing:,} figures of “{dataset}”: "
                           "choose another name or tick Replace.")
        self.error.setText(message)
        ok.setEnabled(not message)
        return not message
