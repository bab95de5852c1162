"""The chart pane on real archives: points lead to their statistics, exports open, settings persist."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pandas as pd
import pyqtgraph as pg
import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.dates import PartialDate
from db.queries import list_statistics
from desktop.charts import draw
from desktop.charts.controls import BARS, TIME_SERIES
from desktop.charts.pane import ChartPane
from desktop.tasks import TaskRunner
from tests.desktop.charts.chart_helpers import drawn, open_chart
from tests.factories import make_source, make_statistic


@pytest.fixture
def pane(qtbot: QtBot, sample_archive: Archive, tasks: TaskRunner) -> ChartPane:
    return open_chart(qtbot, sample_archive, tasks, size=(1100, 650))


def statistic_id(archive: Archive, value: float) -> int:
    with archive.session() as session:
        return next(s.id for s in list_statistics(session) if s.value == value)


def check(qtbot: QtBot, pane: ChartPane, *measures: str) -> None:
    """Check just ``measures`` and wait for the chart of them."""
    measure_list = pane.controls.measure_list
    for i in range(measure_list.count()):
        item = measure_list.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) in measures
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    drawn(qtbot, pane)


def choose(qtbot: QtBot, pane: ChartPane, combo: QComboBox, value: object) -> None:
    """Choose ``value`` in one of the pane's combo boxes and wait for the chart it asks for."""
    combo.setCurrentIndex(combo.findData(value))
    drawn(qtbot, pane)


def point_on_screen(pane: ChartPane, statistic: int) -> QPoint:
    """Where a statistic's point is drawn, in the plot widget's viewport."""
    plot = pane.plot_area
    x, y = plot.drawn.positions[statistic]
    scene = plot.plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot.plot_widget.mapFromScene(scene)


def hover(qtbot: QtBot, pane: ChartPane, position: QPoint) -> None:
    """Move the mouse onto ``position`` and wait until the plot has seen it there.

    From elsewhere first: Qt sends nothing for a move to where the cursor already is (say after
    another test), and pyqtgraph drops moves that come within 10 ms of the last one it took, so
    the mouse goes back and forth until the plot reports a move onto ``position``.
    """
    QToolTip.hideText()
    widget = pane.plot_area.plot_widget
    target = widget.mapToScene(position)
    seen: list[QPointF] = []
    steps = itertools.cycle([QPoint(2, 2), position])

    def arrived() -> bool:
        if seen and (seen[-1] - target).manhattanLength() < 1:
            return True
        qtbot.mouseMove(widget.viewport(), next(steps))
        return False

    def moved(scene_position: QPointF) -> None:
        seen.append(scene_position)

    scene = pane.plot_area.plot.scene()
    scene.sigMouseMoved.connect(moved)
    try:
        qtbot.waitUntil(arrived, timeout=2000)
    finally:
        scene.sigMouseMoved.disconnect(moved)


def colour_near(image: QImage, centre: QPoint, colour: str, radius: int = 16) -> bool:
    target = QColor(colour)
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            pixel = image.pixelColor(centre.x() + dx, centre.y() + dy)
            if (
                abs(pixel.red() - target.red()) < 30
                and abs(pixel.green() - target.green()) < 30
                and abs(pixel.blue() - target.blue()) < 30
            ):
                return True
    return False


# --- what is shown -----------------------------------------------------------------------------


def test_opens_on_the_commonest_measure_with_its_claims(pane: ChartPane, sample_archive: Archive) -> None:
    plot = pane.plot_area
    assert pane.objectName() == "chartView"
    assert pane.checked_measures() == ["killed"]
    killed = {statistic_id(sample_archive, 249), statistic_id(sample_archive, 5816)}
    assert set(plot.drawn.positions) == killed
    assert plot.title_label.text().startswith("2 claims")
    assert plot.plot.getAxis("left").labelText == "Killed (people)"
    assert isinstance(plot.plot.getAxis("bottom"), pg.DateAxisItem)


def test_checking_another_measure_adds_its_points(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    plot = pane.plot_area
    check(qtbot, pane, "killed", "gone to fight")
    assert statistic_id(sample_archive, 2200) in plot.drawn.positions
    assert len(plot.drawn.positions) == 3
    # Two measures: the y axis no longer names one.
    assert plot.plot.getAxis("left").labelText == "Value (people)"


def test_a_long_period_is_a_span_and_a_year_a_point(pane: ChartPane, sample_archive: Archive) -> None:
    drawn_ = pane.plot_area.drawn
    since_2010 = statistic_id(sample_archive, 5816)
    series = next(items for label, items in drawn_.series.items() if label.startswith("Caucasus Knot"))
    [span] = [item for item in series if isinstance(item, pg.PlotDataItem)]
    xs, _ys = span.getData()
    assert pd.Timestamp(xs[0], unit="s") == pd.Timestamp("2010-01-01")
    assert pd.Timestamp(xs[1], unit="s") == pd.Timestamp("2015-07-12")  # the end of 2015-07-11
    in_2014 = statistic_id(sample_archive, 249)
    x, _y = drawn_.positions[in_2014]
    assert pd.Timestamp(x, unit="s").year == 2014
    assert since_2010 in drawn_.positions


def test_hover_text_gives_value_period_claimant_and_source(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    since_2010 = statistic_id(sample_archive, 5816)
    # the source's title and the quote are read when first asked for
    qtbot.waitUntil(lambda: "“some 5,816 civilians" in pane.tooltip(since_2010), timeout=5000)
    text = pane.tooltip(since_2010)
    assert "about 5,816 people killed" in text
    assert "Period: 2010 – 2015-07-11" in text
    assert "Claimed by: Caucasus Knot" in text
    assert "Source: " in text
    assert "“some 5,816 civilians" in text
    unattributed = pane.tooltip(statistic_id(sample_archive, 249))
    assert "Claimed by: the author" in unattributed


def test_approximate_values_are_hollow_and_exact_ones_filled(qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    source = make_source(archive, "Officials said 40 people were killed; rebels said about 90.")
    make_statistic(archive, source, "40 people were killed", value=40.0, claimant="Officials", period_start=PartialDate(2014))
    make_statistic(archive, source, "about 90", value=90.0, approximate=True, claimant="Rebels", period_start=PartialDate(2015))
    chart = open_chart(qtbot, archive, tasks)
    brushes = {}
    for scatter in chart.plot_area.drawn.scatters:
        for spot in scatter.points():
            brushes[spot.pos().y()] = spot.brush().color().alpha()
    assert brushes[40.0] == 255
    assert brushes[90.0] == 0


# --- clicking and highlighting -----------------------------------------------------------------


def test_clicking_a_point_emits_its_statistic(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    in_2014 = statistic_id(sample_archive, 249)
    position = point_on_screen(pane, in_2014)
    with qtbot.waitSignal(pane.statistic_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(pane.plot_area.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert clicked.args == [in_2014]
    assert pane.highlighted_statistic() == in_2014


def test_clicking_empty_space_emits_nothing(qtbot: QtBot, pane: ChartPane) -> None:
    with qtbot.assertNotEmitted(pane.statistic_clicked):
        qtbot.mouseClick(pane.plot_area.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 400))


def test_highlighting_rings_the_point(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    plot_widget = pane.plot_area.plot_widget
    since_2010 = statistic_id(sample_archive, 5816)
    position = point_on_screen(pane, since_2010)
    before = plot_widget.grab().toImage()
    assert not colour_near(before, position, draw.HIGHLIGHT_COLOUR)

    pane.highlight_statistic(since_2010)
    after = plot_widget.grab().toImage()
    assert colour_near(after, point_on_screen(pane, since_2010), draw.HIGHLIGHT_COLOUR)
    assert pane.highlighted_statistic() == since_2010

    # A statistic not on the chart (another measure) leaves no ring behind.
    pane.highlight_statistic(statistic_id(sample_archive, 2200))
    assert pane.highlighted_statistic() is None


def test_highlight_brings_a_point_outside_the_view_into_it(pane: ChartPane, sample_archive: Archive) -> None:
    plot = pane.plot_area
    in_2014 = statistic_id(sample_archive, 249)
    plot.plot.setXRange(0, 1e6, padding=0)  # 1970: far from every point
    pane.highlight_statistic(in_2014)
    (x0, x1), (y0, y1) = plot.plot.viewRange()
    x, y = plot.drawn.positions[in_2014]
    assert x0 <= x <= x1
    assert y0 <= y <= y1


def test_reset_view_shows_everything_again(qtbot: QtBot, pane: ChartPane) -> None:
    plot = pane.plot_area
    plot.plot.setXRange(0, 1e6, padding=0)
    qtbot.mouseClick(pane.findChild(QToolButton, "chartResetView"), Qt.MouseButton.LeftButton)
    (x0, x1), _ = plot.plot.viewRange()
    for x, _y in plot.drawn.positions.values():
        assert x0 <= x <= x1


def test_legend_click_hides_a_series_with_its_span(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    plot = pane.plot_area
    sample, _label = next((s, lab) for s, lab in plot.legend.items if lab.text.startswith("Caucasus Knot"))
    series = next(items for name, items in plot.drawn.series.items() if name.startswith("Caucasus Knot"))
    scene_point = sample.mapToScene(sample.boundingRect().center())
    qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=plot.plot_widget.mapFromScene(scene_point))
    assert all(not item.isVisible() for item in series)
    # A hidden point answers neither the mouse nor the tooltip.
    hover(qtbot, pane, point_on_screen(pane, statistic_id(sample_archive, 5816)))
    assert "Caucasus Knot" not in plot.plot.getViewBox().toolTip()
    qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=plot.plot_widget.mapFromScene(scene_point))
    assert all(item.isVisible() for item in series)


# --- bars, grouping, reference data, conflicts -------------------------------------------------


@pytest.fixture
def claims_archive(archive: Archive) -> Archive:
    """Claims of three claimants about 2014 in two places, yearly reference data, one conflict."""
    text = (
        "Police said 40 militants were killed in Dagestan in 2014. Rebels said 400 were killed. "
        "Memorial counted 25 killed in Chechnya in 2014."
    )
    source = make_source(archive, text, title="Three claims")
    common = {"measure": "killed", "subject": "militants", "unit": "people", "period_start": PartialDate(2014)}
    make_statistic(archive, source, "40 militants were killed", value=40.0, claimant="Police", place="Dagestan", **common)
    make_statistic(archive, source, "400 were killed", value=400.0, claimant="Rebels", place="Dagestan", **common)
    make_statistic(archive, source, "25 killed", value=25.0, claimant="Memorial", place="Chechnya", **common)
    with archive.session() as session:
        for year in range(2005, 2016):
            add_statistic(
                session,
                NewStatistic(
                    value=30.0 + year - 2005, measure="killed", subject="militants", unit="people",
                    period_start=PartialDate(year), place="Ingushetia", dataset="Yearly table",
                ),
            )
    return archive


def test_conflicting_claims_carry_a_red_ring(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks, size=(1000, 600))
    police, rebels = statistic_id(claims_archive, 40), statistic_id(claims_archive, 400)
    conflicting = set(chart.frame.loc[chart.frame["conflict"], "id"])
    assert conflicting == {police, rebels}
    assert "2 in conflict" in chart.plot_area.title_label.text()
    image = chart.plot_area.plot_widget.grab().toImage()
    assert colour_near(image, point_on_screen(chart, rebels), draw.CONFLICT_COLOUR)
    assert not colour_near(image, point_on_screen(chart, statistic_id(claims_archive, 25)), draw.CONFLICT_COLOUR, radius=3)


def test_reference_data_is_a_line(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks)
    [line] = chart.plot_area.drawn.references
    xs, ys = line.getData()
    assert len(xs) == 11
    assert list(ys[:3]) == [30.0, 31.0, 32.0]
    assert any(label.startswith("Yearly table") for label in chart.plot_area.drawn.series)
    chart.controls.reference_check.setChecked(False)
    drawn(qtbot, chart)
    assert chart.plot_area.drawn.references == []
    assert len(chart.plot_area.drawn.positions) == 3


def test_bars_compare_one_period_by_place(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks, size=(1000, 600))
    controls, plot = chart.controls, chart.plot_area
    choose(qtbot, chart, controls.group_combo, "place")
    choose(qtbot, chart, controls.mode_combo, BARS)
    choose(qtbot, chart, controls.period_combo, "2014")

    assert sorted(chart.shown["value"]) == [25.0, 39.0, 40.0, 400.0]  # 39: the table's 2014
    ticks = [label for _x, label in plot.drawn_ticks]
    assert ticks == ["Chechnya", "Dagestan", "Ingushetia"]
    assert plot.plot.getAxis("bottom").labelText == "Place"
    # Points on bars are clickable like those over time.
    memorial = statistic_id(claims_archive, 25)
    with qtbot.waitSignal(chart.statistic_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=point_on_screen(chart, memorial))
    assert clicked.args == [memorial]

    choose(qtbot, chart, controls.mode_combo, TIME_SERIES)
    assert isinstance(plot.plot.getAxis("bottom"), pg.DateAxisItem)


# --- exports and saved charts ------------------------------------------------------------------


def test_exports_open(pane: ChartPane, tmp_path: Path) -> None:
    png = pane.export_png(tmp_path / "chart.png", width=1200)
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() == 1200

    svg = pane.export_svg(tmp_path / "chart.svg")
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Killed" in svg.read_text("utf-8")

    csv = pane.export_csv(tmp_path / "chart.csv")
    back = pd.read_csv(csv)
    assert sorted(back["id"]) == sorted(pane.shown["id"])
    assert sorted(back["value"]) == [249.0, 5816.0]
    assert set(back["x_start"]) == {"2014-01-01", "2010-01-01"}
    assert "Caucasus Knot" in set(back["claimant"])
    # with each claim's provenance, read from the archive for the export
    assert any(str(q).startswith("some 5,816 civilians") for q in back["quote"])
    assert back["source_title"].notna().all()


def test_saved_chart_reopens_with_its_settings(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks)
    choose(qtbot, chart, chart.controls.group_combo, "place")
    choose(qtbot, chart, chart.controls.mode_combo, BARS)
    choose(qtbot, chart, chart.controls.period_combo, "2014")
    with qtbot.waitSignal(chart.saved.changed, timeout=10_000):
        chart.save_as("Killed in 2014 by place")

    other = open_chart(qtbot, claims_archive, tasks)
    combo, controls = other.saved.combo, other.controls
    assert [combo.itemText(i) for i in range(combo.count())] == ["Killed in 2014 by place"]
    assert controls.mode_combo.currentData() == TIME_SERIES
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    drawn(qtbot, other)
    assert controls.group_combo.currentData() == "place"
    assert controls.mode_combo.currentData() == BARS
    assert controls.period_combo.currentData() == "2014"
    assert sorted(other.shown["value"]) == [25.0, 39.0, 40.0, 400.0]


def test_a_deleted_saved_chart_leaves_the_list(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks)
    for name in ("By claimant", "By place"):
        with qtbot.waitSignal(chart.saved.changed, timeout=10_000):
            chart.save_as(name)
    assert chart.saved.names() == ["By claimant", "By place"]
    assert chart.saved.combo.currentText() == "By place"
    with qtbot.waitSignal(chart.saved.changed, timeout=10_000):
        qtbot.mouseClick(chart.findChild(QToolButton, "chartDeleteSaved"), Qt.MouseButton.LeftButton)
    assert chart.saved.names() == ["By claimant"]
    assert chart.saved.combo.currentIndex() == -1
    assert not chart.open_saved("By place")
    assert drawn(qtbot, open_chart(qtbot, claims_archive, tasks)).saved.names() == ["By claimant"]


def test_refresh_keeps_choices_and_shows_new_statistics(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    choose(qtbot, pane, pane.controls.group_combo, "place")
    source = make_source(sample_archive, "Another 12 militants were killed in 2015.")
    new = make_statistic(sample_archive, source, "12 militants were killed", value=12.0, period_start=PartialDate(2015))
    pane.refresh()
    drawn(qtbot, pane)
    assert pane.controls.group_combo.currentData() == "place"
    assert pane.checked_measures() == ["killed"]
    assert new in pane.plot_area.drawn.positions


def test_a_write_that_changes_nothing_charted_leaves_the_chart_as_drawn(
    qtbot: QtBot, pane: ChartPane, sample_archive: Archive
) -> None:
    """A source imported, an annotation made: the chart reads again but draws nothing anew (at a
    million sources a redraw of its claims held the window for most of a second mid-import)."""
    points = [item for item in pane.plot_area.plot.getViewBox().addedItems if isinstance(item, pg.ScatterPlotItem)]
    assert points
    make_source(sample_archive, "A new report with no statistic in it.")
    pane.refresh()
    drawn(qtbot, pane)
    assert all(item.scene() is not None for item in points)  # the same points, still on the plot
    again = [item for item in pane.plot_area.plot.getViewBox().addedItems if isinstance(item, pg.ScatterPlotItem)]
    assert again == points

    source = make_source(sample_archive, "Another 12 militants were killed in 2015.")
    new = make_statistic(sample_archive, source, "12 militants were killed", value=12.0, period_start=PartialDate(2015))
    pane.refresh()
    drawn(qtbot, pane)
    assert new in pane.plot_area.drawn.positions
    assert all(item.scene() is None for item in points)  # drawn anew with the new claim


def test_an_empty_archive_says_so(qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, archive, tasks)
    assert chart.plot_area.drawn.positions == {}
    assert chart.plot_area.empty_label.text().startswith("No statistics to chart yet.")
    assert not chart.plot_area.plot_widget.isVisibleTo(chart)


def test_centuries_old_periods_are_drawn(qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    old = make_statistic(archive, None, value=8000.0, period_start=PartialDate(1618), period_end=PartialDate(1648))
    chart = open_chart(qtbot, archive, tasks)
    x, _y = chart.plot_area.drawn.positions[old]
    assert pd.Timestamp(x, unit="s").year == 1633


def test_bars_start_with_the_year_most_claims_are_about(qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner) -> None:
    chart = open_chart(qtbot, claims_archive, tasks)
    choose(qtbot, chart, chart.controls.mode_combo, BARS)
    assert chart.controls.period_combo.currentData() == "2014"
    assert len(chart.shown) == 4


def test_hovering_a_point_shows_its_claim(qtbot: QtBot, pane: ChartPane, sample_archive: Archive) -> None:
    view = pane.plot_area.plot.getViewBox()
    since_2010 = statistic_id(sample_archive, 5816)
    hover(qtbot, pane, point_on_screen(pane, since_2010))
    qtbot.waitUntil(lambda: "Caucasus Knot" in view.toolTip(), timeout=2000)
    assert "about 5,816" in view.toolTip()


def test_a_hovered_point_reads_its_quote_and_source_back_from_the_archive(
    qtbot: QtBot, pane: ChartPane, sample_archive: Archive
) -> None:
    """The chart holds what it draws, not every claim's quote and title: those of the point
    under the mouse are read by its id, and its tooltip says them once they are."""
    assert "quote" not in pane.frame.columns
    assert "source_title" not in pane.frame.columns
    with sample_archive.session() as session:
        claim = next(s for s in list_statistics(session) if s.value == 5816)
    view = pane.plot_area.plot.getViewBox()
    hover(qtbot, pane, point_on_screen(pane, claim.id))
    qtbot.waitUntil(lambda: f"“{claim.quote[:40]}" in view.toolTip(), timeout=5000)
    assert f"Source: {claim.source_title}" in view.toolTip()
    assert "Claimed by: Caucasus Knot" in view.toolTip()


def test_large_charts_are_built_in_the_background(
    qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.charts.pane as pane_module

    monkeypatch.setattr(pane_module, "SAY_READING_ABOVE", 0)
    chart = ChartPane(claims_archive, tasks)
    qtbot.addWidget(chart)
    with qtbot.waitSignal(chart.ready, timeout=10_000):
        pass
    assert len(chart.plot_area.drawn.positions) == 3 + 11
    # Choices made while a frame is being built win over the frame that was asked for first.
    with qtbot.waitSignal(chart.ready, timeout=10_000):
        chart.controls.reference_check.setChecked(False)
        chart.controls.group_combo.setCurrentIndex(chart.controls.group_combo.findData("place"))
        assert chart.plot_area.title_label.text() == "Reading the statistics…"
    qtbot.waitUntil(lambda: set(chart.frame["group"]) == {"Dagestan", "Chechnya"}, timeout=10_000)
    assert not chart.frame["is_reference"].any()


def test_a_stale_frame_never_replaces_a_newer_one(
    qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frame asked for first arrives last: it is dropped, and the newer chart stays."""
    import desktop.reads.charts as reads_module

    chart = open_chart(qtbot, claims_archive, tasks)
    real_frame = reads_module.frame
    first_asked, release = threading.Event(), threading.Event()

    def frame_held_back_by_claimant(archive: Archive, options: reads_module.FrameOptions) -> pd.DataFrame:
        if options.group_by == "claimant":
            first_asked.set()
            release.wait(10)
        return real_frame(archive, options)

    monkeypatch.setattr(reads_module, "frame", frame_held_back_by_claimant)
    chart.controls.reference_check.setChecked(False)  # by claimant, held back
    qtbot.waitUntil(first_asked.is_set, timeout=10_000)
    choose(qtbot, chart, chart.controls.group_combo, "place")  # asked for later, arrives first
    assert set(chart.frame["group"]) == {"Dagestan", "Chechnya"}
    with qtbot.assertNotEmitted(chart.ready):
        release.set()
        qtbot.waitUntil(lambda: tasks.active == 0, timeout=10_000)
    assert set(chart.frame["group"]) == {"Dagestan", "Chechnya"}
    assert chart.plot_area.plot.getAxis("bottom").labelText == "Period"
    assert chart.plot_area.title_label.text().endswith("coloured by place")


def test_export_to_an_unwritable_place_says_so(pane: ChartPane, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "chart"
    with pytest.raises(OSError, match="cannot write"):
        pane.export_png(missing.with_suffix(".png"))
    with pytest.raises(OSError, match="non-existent directory"):
        pane.export_csv(missing.with_suffix(".csv"))


def test_a_measure_gone_from_the_archive_falls_back_to_the_commonest(
    qtbot: QtBot, pane: ChartPane, sample_archive: Archive
) -> None:
    from db.commands import delete_statistic

    check(qtbot, pane, "gone to fight")
    with sample_archive.session() as session:
        delete_statistic(session, statistic_id(sample_archive, 2200))
    pane.refresh()
    drawn(qtbot, pane)
    assert pane.checked_measures() == ["killed"]
    assert len(pane.plot_area.drawn.positions) == 2


def test_many_groups_fold_into_one_grey_series(
    qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.charts.pane as pane_module

    monkeypatch.setattr(pane_module, "MAX_SERIES", 2)
    chart = open_chart(qtbot, claims_archive, tasks)
    labels = sorted(chart.plot_area.drawn.series)
    # Claimants come before the reference table, alphabetically among equals: Memorial stays,
    # Police, Rebels and the table share the grey "others" (points and line).
    assert labels == ["(3 other claimants) (11 values)", "(3 other claimants) (2)", "Memorial (1)"]
    # Each point still tells its own claimant.
    rebels = statistic_id(claims_archive, 400)
    assert "Claimed by: Rebels" in chart.tooltip(rebels)


def test_hovering_a_long_reference_line_shows_its_value(qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    """More reference values than get markers: the line itself still answers the mouse."""
    with archive.session() as session:
        for n in range(draw.REFERENCE_POINTS_LIMIT + 100):
            add_statistic(
                session,
                NewStatistic(
                    value=float(n % 50), measure="killed", period_start=PartialDate(1980 + n // 12, n % 12 + 1),
                    dataset="Monthly table",
                ),
            )
    chart = open_chart(qtbot, archive, tasks, size=(1000, 600))
    plot = chart.plot_area
    assert plot.drawn.positions == {}  # no markers
    plot.plot.setXRange(pd.Timestamp("1990-01-01").timestamp(), pd.Timestamp("1992-01-01").timestamp(), padding=0)
    plot.plot.setYRange(0, 50, padding=0)
    plot.plot_widget.grab()  # lay out and paint the new range before mapping onto it
    # June 1991 is value n = 137 -> 37, drawn mid-month.
    x = (pd.Timestamp("1991-06-16").timestamp() + pd.Timestamp("1991-06-15").timestamp()) / 2
    scene = plot.plot.getViewBox().mapViewToScene(QPointF(x, 37.0))
    hover(qtbot, chart, plot.plot_widget.mapFromScene(scene))
    qtbot.waitUntil(lambda: "Monthly table" in plot.plot.getViewBox().toolTip(), timeout=2000)
    tip = plot.plot.getViewBox().toolTip()
    assert tip.startswith("37 killed")
    assert "Period: 1991-06" in tip


def test_unchecking_every_measure_asks_for_one(qtbot: QtBot, pane: ChartPane) -> None:
    plot = pane.plot_area
    check(qtbot, pane)
    assert plot.empty_label.isVisibleTo(pane)
    assert plot.empty_label.text() == "Choose a measure to chart."
    check(qtbot, pane, "killed")
    assert not plot.empty_label.isVisibleTo(pane)
    assert plot.plot_widget.isVisibleTo(pane)


def test_closing_the_pane_while_a_frame_is_built_is_harmless(
    qtbot: QtBot, claims_archive: Archive, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while a large chart is read on a worker: the worker finishes and tells
    no one, and a new chart on the same archive works."""
    import shiboken6

    import desktop.reads.charts as reads_module

    building, release = threading.Event(), threading.Event()
    real_frame = reads_module.frame

    def frame_after_the_close(*args: object, **kwargs: object) -> object:
        building.set()
        release.wait(10)
        return real_frame(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reads_module, "frame", frame_after_the_close)
    chart = ChartPane(claims_archive, tasks)
    qtbot.waitUntil(building.is_set, timeout=10_000)
    shiboken6.delete(chart)
    release.set()
    assert tasks.background_pool.waitForDone(10_000)
    qtbot.waitUntil(lambda: tasks.active == 0, timeout=10_000)  # delivered to no one
    monkeypatch.setattr(reads_module, "frame", real_frame)
    again = ChartPane(claims_archive, tasks)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.ready, timeout=10_000):
        pass
    assert len(again.plot_area.drawn.positions) == 3 + 11


def test_estimates_are_drawn_as_bands_and_marks_and_say_what_they_are_under_the_mouse(
    qtbot: QtBot, pane: ChartPane
) -> None:
    from db.findings.estimates import Finding
    from db.findings.rules import Rule

    measure = pane.controls.checked_measures()[0]

    def finding(year: int, low: float, best: float, high: float) -> Finding:
        return Finding(measure, "militants", None, None, "Dagestan", PartialDate(year), PartialDate(year),
                       Rule.UCDP, (), low, best, high, (1,), (), None, (), 2, 2)

    # a thousand estimates (as at 100,000 claims) and the one looked at
    many = [finding(1900 + n % 100, 1.0, 2.0, 3.0) for n in range(1000)]
    looked_at = finding(1950, 540.0, 549.0, 560.0)  # where no claim of the sample is
    pane.set_estimates([*many, looked_at])
    drawn(qtbot, pane)
    plot = pane.plot_area
    assert plot.estimates is not None
    assert len(plot.estimates.findings) == 1001
    assert len(plot.estimates.items) == 2  # all the bands in one item, all the marks in another
    x = (plot.estimates.spans[-1][0] + plot.estimates.spans[-1][1]) / 2
    view = plot.plot.getViewBox()
    view.setRange(xRange=(x - 86400 * 400, x + 86400 * 400), yRange=(500, 600), padding=0)
    for y in (549.0, 556.0):  # on the mark, and on the band above it
        scene = view.mapViewToScene(QPointF(x, y))
        hover(qtbot, pane, plot.plot_widget.mapFromScene(scene))
        qtbot.waitUntil(lambda: view.toolTip() == looked_at.describe(), timeout=2000)
    image = plot.plot_widget.grab().toImage()
    centre = plot.plot_widget.mapFromScene(view.mapViewToScene(QPointF(x, 549.0)))
    assert colour_near(image, centre, "#0d47a1", radius=3)  # the mark of the best estimate
