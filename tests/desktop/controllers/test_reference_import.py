"""The reference import dialog: the guessed bounds and period span shown and editable, and the
mapping confirmed for a table remembered for the next table with the same columns."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.queries import list_statistics
from desktop.controllers.statistics import Statistics
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle

HELD_OUT = Path(__file__).resolve().parents[2] / "data" / "reference"


def statistics(window: MainWindow) -> Statistics:
    return window.controllers.statistics


def ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_dialog_shows_bounds_and_period_span_of_a_real_table(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    dialog = statistics(window).import_reference(HELD_OUT / "wars_fatalities.csv")
    assert dialog is not None
    assert dialog.low_combo.currentText() == "fatalities_min"
    assert dialog.high_combo.currentText() == "fatalities_max"
    assert dialog.start_combo.currentText() == "start_date"
    assert dialog.end_combo.currentText() == "end_date"
    assert dialog.subject_combo.currentText() == "conflict"
    assert dialog.place_combo.currentText() == "country"
    assert "Bounds from: fatalities_min to fatalities_max" in dialog.summary.text()
    dialog.dataset_edit.setText("Wars")
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        wars = {r.subject: r for r in list_statistics(s) if r.dataset == "Wars"}
    assert (wars["Tajik Civil War"].low, wars["Tajik Civil War"].high) == (50000, 100000)


def test_a_confirmed_mapping_is_remembered_for_the_next_table_of_that_layout(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, tmp_path: Path
) -> None:
    first = tmp_path / "clashes_2016.csv"
    shutil.copy(HELD_OUT / "clashes_day_first.csv", first)
    dialog = statistics(window).import_reference(first)
    assert dialog is not None
    assert not dialog.from_memory
    # the researcher keeps only the upper bound, says how the dates read, names the measure
    dialog.low_combo.setCurrentIndex(dialog.low_combo.findData(None))
    dialog.date_order_combo.setCurrentIndex(dialog.date_order_combo.findData(True))
    dialog.measure_edit.setText("deaths (upper)")
    dialog.dataset_edit.setText("Clashes 2016")
    assert dialog.mapping() is not None
    ok(qtbot, dialog.buttons)
    settle(qtbot, window)
    with sample_archive.session() as s:
        rows = [r for r in list_statistics(s) if r.dataset == "Clashes 2016"]
    assert len(rows) == 6
    assert {(r.low, r.high) for r in rows if r.place == "Homs"} == {(None, 5), (None, 18)}
    assert all(r.measure == "deaths (upper)" for r in rows)

    second = tmp_path / "clashes_2017.csv"
    second.write_text("event_date,location,deaths_low,deaths_high,notes\n03/02/2017,Raqqa,4,6,x\n", encoding="utf-8")
    again = statistics(window).import_reference(second)
    assert again is not None
    assert again.from_memory
    assert "as you set them last time" in again.summary.text()
    assert again.low_combo.currentData() is None
    assert again.high_combo.currentText() == "deaths_high"
    assert again.measure_edit.text() == "deaths (upper)"
    assert again.date_order_combo.currentData() is True
    again.reject()
    # a table of other columns is guessed afresh
    other = statistics(window).import_reference(HELD_OUT / "wars_fatalities.csv")
    assert other is not None
    assert not other.from_memory
    other.reject()
