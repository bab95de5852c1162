"""The statistics pane's filters, totals, conflict flags and inline edit (with undo), on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.dates import PartialDate
from db.interchange.reference import read_table
from db.queries import list_statistics
from desktop.models.statistics import StatisticsModel
from desktop.views.statistics.cells import changes_for_cell, parse_period_cell
from desktop.views.statistics.filtering import CONFLICT_COLOUR, ConflictingIds
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle, statistics_listed
from tests.factories import make_statistic


def shown(window: MainWindow, column: int = StatisticsModel.VALUE) -> list[str]:
    statistics_listed(window)
    proxy = window.statistics.proxy
    return sorted(proxy.index(r, column).data() for r in range(proxy.rowCount()))


def refresh(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.controllers.statistics.conflicts_updated, timeout=10_000):
        window.archive_changed.emit()
    settle(qtbot, window)


def test_filter_by_measure_place_claimant_and_years(qtbot: QtBot, window: MainWindow) -> None:
    tools = window.statistics.tools
    assert shown(window) == ["~2,200", "~249", "~5,816"]
    tools.measure.setCurrentIndex(tools.measure.findText("killed"))
    assert shown(window) == ["~249", "~5,816"]
    tools.claimant.setCurrentIndex(tools.claimant.findText("Caucasus Knot"))
    assert shown(window) == ["~5,816"]
    tools.clear_button.click()
    assert shown(window) == ["~2,200", "~249", "~5,816"]
    # "since 2010" overlaps 2012; the 249 of 2014 does not
    tools.year_to.setValue(2012)
    assert shown(window) == ["~5,816"]
    tools.clear_button.click()
    tools.place.setCurrentIndex(tools.place.findText("Russia"))
    assert shown(window) == ["~2,200"]
    assert tools.summary.text() == "1 of 3"


def test_grouping_shows_totals(qtbot: QtBot, window: MainWindow) -> None:
    tools = window.statistics.tools
    totals = window.statistics.totals
    assert not totals.isVisible()
    tools.grouping.setCurrentText("Measure and place")
    statistics_listed(window)
    assert totals.isVisible()
    model = totals.model()
    rows = {
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    }
    assert rows == {
        ("gone to fight (people)", "Russia", "1", "2,200", "2,200", "2,200"),
        ("killed (people)", "North Caucasus", "2", "6,065", "249", "5,816"),
    }


def test_conflicting_claims_are_flagged_and_listed(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    other = make_statistic(
        sample_archive, None, value=120.0, measure="killed", unit="people", subject="militants",
        place="North Caucasus", period_start=PartialDate(2014), dataset="Memorial", claimant="Memorial",
    )
    refresh(qtbot, window)
    pane = window.conflicts
    assert pane.heading.text().startswith("1 conflict among 2 claims")
    claims = pane.claim_items()
    assert [(c.text(0), c.text(3)) for c in claims] == [("~249", "(the author)"), ("120", "Memorial")]
    assert claims[1].text(4) == "Reference data: Memorial"
    proxy = window.statistics.proxy
    flagged = {
        proxy.index(r, 0).data(): proxy.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
        for r in range(proxy.rowCount())
    }
    assert isinstance(flagged["~249"], QBrush)
    assert flagged["~2,200"] is None
    assert "Conflicts with:\n120 — Memorial" in proxy.index(
        next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "~249"), 0
    ).data(Qt.ItemDataRole.ToolTipRole)
    # painted so: the conflicting claim's row tinted (the model answers a cell's painted roles at once)
    view = window.statistics.view
    conflicting = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "~249")
    settled = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "~2,200")
    picture = view.viewport().grab().toImage()
    for row, tinted in ((conflicting, True), (settled, False)):
        cell = view.visualRect(proxy.index(row, StatisticsModel.PERIOD))  # a short period: blank at its right
        assert (picture.pixelColor(cell.right() - 3, cell.center().y()) == CONFLICT_COLOUR) == tinted
    window.statistics.tools.conflicts_only.setChecked(True)
    assert shown(window) == ["120", "~249"]
    # double-clicking the local claim opens its sentence in the reader
    pane.tree.itemDoubleClicked.emit(claims[0], 0)
    assert window.reader.source_id == 1
    span = window.reader.selected_span()
    assert span is not None
    assert window.reader.detail is not None
    assert window.reader.detail.text[span[0]:span[1]] == "an estimated 249 militants were killed in 2014 alone"
    assert other in {c.data(0, Qt.ItemDataRole.UserRole + 1) for c in claims}


def edit_cell(qtbot: QtBot, window: MainWindow, value_text: str, column: int, typed: str) -> None:
    """Double-click a cell of the row showing ``value_text``, type, press Enter."""
    view = window.statistics.view
    proxy = window.statistics.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == value_text)
    index = proxy.index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: any(e.isVisible() for e in view.viewport().findChildren(QLineEdit)))
    [editor] = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits the edit on the next turn of the event loop, then closes the editor
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, window)


def stat(archive: Archive, measure: str) -> tuple[object, ...]:
    with archive.session() as s:
        [row] = [r for r in list_statistics(s) if r.measure == measure]
    return (row.value, row.low, row.high, row.approximate, row.claimant, row.period_start)


def test_inline_edit_and_undo(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    before = stat(sample_archive, "gone to fight")
    edit_cell(qtbot, window, "~2,200", StatisticsModel.VALUE, "2,000 (1,800-2,400)")
    assert stat(sample_archive, "gone to fight") == (2000.0, 1800.0, 2400.0, False, "Russian officials", None)
    assert window.undo_stack.undoText() == "Edit value"
    edit_cell(qtbot, window, "2,000 (1,800–2,400)", StatisticsModel.CLAIMANT, "FSB")
    assert stat(sample_archive, "gone to fight")[4] == "FSB"
    window.action.undo.trigger()
    settle(qtbot, window)
    window.action.undo.trigger()
    settle(qtbot, window)
    assert stat(sample_archive, "gone to fight") == before
    window.action.redo.trigger()
    settle(qtbot, window)
    assert stat(sample_archive, "gone to fight")[0] == 2000.0


def test_a_bad_cell_edit_says_why_and_changes_nothing(qtbot: QtBot, window: MainWindow, sample_archive: Archive) -> None:
    before = stat(sample_archive, "gone to fight")
    edit_cell(qtbot, window, "~2,200", StatisticsModel.PERIOD, "last summer")
    assert stat(sample_archive, "gone to fight") == before
    assert "not a period" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_export_the_filtered_statistics(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.statistics.with_criteria(measure="killed")
    path = tmp_path / "killed.xlsx"
    task = window.controllers.statistics.export_statistics(path)
    assert task is not None
    # not waitSignal(task.signals.finished): the worker may emit it before the wait connects
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert sorted(read_table(path)["value"].astype(float)) == [249.0, 5816.0]
    assert window.statusBar().currentMessage() == f"Saved 2 statistics to {path}"
    task = window.controllers.statistics.export_actors(tmp_path / "actors.csv")
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert len(read_table(tmp_path / "actors.csv")) == 18


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("~1,200 (1,000–1,500)", {"value": 1200.0, "low": 1000.0, "high": 1500.0, "approximate": True}),
        ("≥ 19", {"value": None, "low": 19.0, "high": None, "approximate": False}),
        ("10-20", {"value": None, "low": 10.0, "high": 20.0, "approximate": False}),
        ("some 430", {"value": 430.0, "low": None, "high": None, "approximate": True}),
    ],
)
def test_value_cells(text: str, expected: dict[str, object]) -> None:
    assert changes_for_cell(StatisticsModel.VALUE, text) == expected


def test_period_cells() -> None:
    assert parse_period_cell("2010 – 2015-07-11") == {
        "period_start": PartialDate(2010), "period_end": PartialDate(2015, 7, 11),
    }
    assert parse_period_cell("2014") == {"period_start": PartialDate(2014), "period_end": PartialDate(2014)}
    with pytest.raises(ValueError, match="not a period"):
        parse_period_cell("summer")


def test_a_claim_from_a_pdf_shows_its_page(archive: Archive, tmp_path: Path) -> None:
    from db.importer import import_paths
    from tests.db.ingest.conftest import write_pdf

    pages = ["Summary of the mission.", "Annex: some 40 people were killed in Ilovaisk.", "Sources."]
    [result] = import_paths(archive, [write_pdf(tmp_path / "report.pdf", pages, title="Mission report")])
    make_statistic(archive, result.source_id, "some 40 people were killed", value=40.0, measure="killed")
    with archive.session() as s:
        rows = list_statistics(s)
    model = StatisticsModel(archive)
    model.reload()
    assert [r.id for r in rows] == model.ids
    assert model.headerData(StatisticsModel.PAGE, Qt.Orientation.Horizontal) == "Page"
    assert model.index(0, StatisticsModel.PAGE).data() == "2"


def test_the_filter_proxy_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, sample_archive: Archive
) -> None:
    """Filtered, flagging conflicts and editable, the pane's proxy is still a well-behaved model."""
    make_statistic(
        sample_archive, None, value=120.0, measure="killed", unit="people", subject="militants",
        place="North Caucasus", period_start=PartialDate(2014), dataset="Memorial", claimant="Memorial",
    )
    refresh(qtbot, window)
    proxy = window.statistics.proxy
    assert proxy.conflicting
    qtmodeltester.check(proxy)
    window.statistics.with_criteria(measure="killed", conflicts_only=True)
    assert shown(window) == ["120", "~249"]
    qtmodeltester.check(proxy)


def test_a_cell_edit_after_a_colleague_saved_the_claim_says_so_and_keeps_theirs(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import archive as archive_module
    from db.undo import edit_statistic

    # the window has finished opening (the checks, conflicts and estimates it starts once its
    # lists are in) before the colleague saves: nothing of its own then reads the claim again
    settle(qtbot, window)
    [claim] = [r for r in window.statistics.visible_rows() if r.measure == "gone to fight"]
    monkeypatch.setenv("DOSSIER_AUTHOR", "Madina")
    colleague = archive_module.open(sample_archive.location)
    try:  # a colleague on the same archive saves first; this window has not refreshed yet
        with colleague.session() as s:
            edit_statistic(s, claim.id, {"value": 1900.0})
    finally:
        colleague.close()
    edit_cell(qtbot, window, "~2,200", StatisticsModel.VALUE, "2,000")
    qtbot.waitUntil(lambda: "changed by Madina meanwhile" in window.statusBar().currentMessage())
    assert "not saved" in window.statusBar().currentMessage()
    assert stat(sample_archive, "gone to fight")[0] == 1900.0
    # once the table shows the colleague's value, the edit goes through
    settle(qtbot, window)
    qtbot.waitUntil(lambda: any("1,900" in v for v in shown(window)))
    edit_cell(qtbot, window, next(v for v in shown(window) if "1,900" in v), StatisticsModel.VALUE, "2,000")
    qtbot.waitUntil(lambda: stat(sample_archive, "gone to fight")[0] == 2000.0)


def test_a_column_sorts_the_list_and_the_selected_claim_stays_selected(qtbot: QtBot, window: MainWindow) -> None:
    """The model sorts itself (a proxy sorting through data() calls takes seconds on 100,000
    claims); the header still sorts both ways and the selection follows its row."""
    pane = window.statistics

    def in_order() -> list[str]:
        statistics_listed(window)
        return [pane.proxy.index(r, StatisticsModel.VALUE).data() for r in range(pane.proxy.rowCount())]

    pane.view.sortByColumn(StatisticsModel.VALUE, Qt.SortOrder.DescendingOrder)
    assert in_order() == ["~5,816", "~2,200", "~249"]
    [small] = [r.id for r in pane.visible_rows() if r.value == 249]
    pane.select_statistic(small, quietly=True)
    pane.view.sortByColumn(StatisticsModel.VALUE, Qt.SortOrder.AscendingOrder)
    assert in_order() == ["~249", "~2,200", "~5,816"]
    assert pane.selected_statistic() == small
    assert pane.view.currentIndex().row() == 0
    assert [r.value for r in pane.visible_rows()] == [249, 2200, 5816]
    pane.filter_edit.setText("FIGHT")  # the text filter ignores case
    assert in_order() == ["~2,200"]
    assert pane.tools.summary.text() == "1 of 3"


def test_conflicts_arriving_while_a_cell_is_edited_keep_what_is_typed(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive
) -> None:
    """The conflicts are worked out again after every edit, off the GUI thread: their arrival
    must not put the old value back into the cell the researcher is typing in."""
    settle(qtbot, window)
    view = window.statistics.view
    proxy = window.statistics.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "~2,200")
    rect = view.visualRect(proxy.index(row, StatisticsModel.VALUE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: any(e.isVisible() for e in view.viewport().findChildren(QLineEdit)))
    [editor] = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, "1,950")
    window.statistics.set_conflicts(ConflictingIds(window.controllers.statistics.conflicts))  # as they arrive
    assert editor.text() == "1,950"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, window)
    assert stat(sample_archive, "gone to fight")[0] == 1950.0
