"""Record a statistic: a form filled from the selection, for the researcher to confirm or correct."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.commands import NewStatistic
from db.lookup import StatisticDraft
from db.values import format_number, read_number
from desktop.views.dialogs.common import allow_ok_if_valid, ok_cancel, quote_label, read_date


class StatisticDialog(QDialog):
    """The number, its bounds, what it counts, who claims it, when and where."""

    def __init__(self, draft: StatisticDraft, *, measures: Sequence[str] = (),
                 actor_names: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticDialog")
        self.setWindowTitle("Record statistic")
        self.resize(520, 560)
        self.draft = draft

        def line(name: str, text: str | None, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(text or "")
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(lambda _t: self.validate())
            return edit

        self.value = line("valueEdit", format_number(draft.value), "best estimate")
        self.low = line("lowEdit", format_number(draft.low), "at least")
        self.high = line("highEdit", format_number(draft.high), "at most")
        self.approximate = QCheckBox("approximate (“some”, “about”)")
        self.approximate.setObjectName("approximateCheck")
        self.approximate.setChecked(draft.approximate)
        self.measure = QComboBox()
        self.measure.setObjectName("measureEdit")
        self.measure.setEditable(True)
        self.measure.addItems([m for m in measures if m])
        self.measure.setCurrentText(draft.measure or "")
        measure_edit = self.measure.lineEdit()
        if measure_edit is not None:
            measure_edit.setPlaceholderText("killed, displaced, detained …")
        self.measure.currentTextChanged.connect(lambda _t: self.validate())
        self.unit = line("unitEdit", draft.unit, "people, USD, km² …")
        self.subject = line("subjectEdit", draft.subject, "who or what is counted")
        completer = QCompleter(sorted(set(actor_names), key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.claimant = line("claimantEdit", draft.claimant, "the author, unless someone is cited")
        self.claimant.setCompleter(completer)
        self.place = line("placeEdit", draft.place, "")
        place_completer = QCompleter(completer.model(), self)
        place_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        place_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(place_completer)
        self.period_start = line("periodStartEdit", draft.period_start.iso() if draft.period_start else "",
                                 "2014, 2014-07 or 2014-07-11")
        self.period_end = line("periodEndEdit", draft.period_end.iso() if draft.period_end else "",
                               "same as the start if empty")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("statisticNotes")
        self.notes.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = ok_cancel(self, "Record")

        bounds = QHBoxLayout()
        bounds.addWidget(self.low)
        bounds.addWidget(QLabel("to"))
        bounds.addWidget(self.high)
        period = QHBoxLayout()
        period.addWidget(self.period_start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.period_end)
        form = QFormLayout()
        form.addRow("Value", self.value)
        form.addRow("Range", bounds)
        form.addRow("", self.approximate)
        form.addRow("Measure", self.measure)
        form.addRow("Unit", self.unit)
        form.addRow("Subject", self.subject)
        form.addRow("Claimed by", self.claimant)
        form.addRow("Place", self.place)
        form.addRow("Period", period)
        form.addRow("Notes", self.notes)
        sentence = QLabel(draft.sentence)
        sentence.setObjectName("sentenceLabel")
        sentence.setWordWrap(True)
        sentence.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label(draft.quote))
        layout.addWidget(sentence)
        if draft.problem:
            found = QLabel("No number was read in the selection: type it in.")
            found.setStyleSheet("color: #8a6d00;")
            layout.addWidget(found)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.validate()

    def _read(self, source_id: int | None) -> NewStatistic:
        value = read_number(self.value.text())
        low = read_number(self.low.text())
        high = read_number(self.high.text())
        if value is None and low is None and high is None:
            raise ValueError("Give a value, or at least one bound.")
        if low is not None and high is not None and low > high:
            raise ValueError(f"The range runs backwards ({format_number(low)} to {format_number(high)}).")
        measure = self.measure.currentText().strip()
        if not measure:
            raise ValueError("Say what is counted (the measure): killed, displaced …")
        start = read_date(self.period_start.text())
        end = read_date(self.period_end.text())
        if start is not None and end is not None and end.last_day() < start.first_day():
            raise ValueError("The period ends before it starts.")
        return NewStatistic(
            value=value, low=low, high=high, approximate=self.approximate.isChecked(),
            measure=measure, unit=self.unit.text().strip() or None,
            subject=self.subject.text().strip() or None,
            period_start=start, period_end=end,
            place=self.place.text().strip() or None,
            claimant=self.claimant.text().strip() or None,
            source_id=source_id, start=self.draft.start, end=self.draft.end,
            notes=self.notes.toPlainText().strip() or None,
        )

    def validate(self) -> bool:
        """Show what is wrong, if anything, and allow OK only when the form is complete."""
        return allow_ok_if_valid(lambda: self._read(None), self.error, self.buttons)

    def new_statistic(self, source_id: int) -> NewStatistic:
        """The statistic as the form says (call after the dialog was accepted)."""
        return self._read(source_id)
