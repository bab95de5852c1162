"""The timeline pane on real archives: items lead to their sources and sentences, the view zooms
from decades to days, filters narrow it, exports open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.archive import Archive
from db.commands import NewSource, add_sources
from db.dates import PartialDate
from desktop.charts.timeline.arrays import DAY_SECONDS
from desktop.charts.timeline.pane import TimelinePane
from desktop.tasks import TaskRunner
from tests.desktop.charts.seeing_helpers import click, loaded, on_screen, shown


@pytest.fixture
def pane(qtbot: QtBot, sample_archive: Archive, tasks: TaskRunner) -> TimelinePane:
    return shown(qtbot, TimelinePane(sample_archive, tasks))


def item_position(pane: TimelinePane, lane: str, item_id: int) -> tuple[float, float]:
    arrays = pane.plot.lanes[lane]
    index = arrays.index_of(item_id)
    assert index is not None
    x = (arrays.starts[index] + arrays.ends[index]) / 2
    return float(x), pane.plot.bands[lane][0] + float(arrays.rows[index])


def click_item(qtbot: QtBot, pane: TimelinePane, lane: str, item_id: int) -> None:
    x, y = item_position(pane, lane, item_id)
    click(qtbot, pane.plot.widget, on_screen(pane.plot.widget, pane.plot.view, x, y))


def test_shows_the_sample_and_says_what_is_undated(pane: TimelinePane) -> None:
    assert pane.objectName() == "timelineView"
    assert pane.status_label.text() == "1 source · 3 claims · 2 relations · 2 undated (not drawn)"
    assert not any(pane.plot.as_histogram.values())
    assert {k: len(v) for k, v in pane.plot.shown.items()} == {"sources": 1, "claims": 3, "relations": 2}


def test_a_click_on_a_source_or_a_claim_says_which(qtbot: QtBot, pane: TimelinePane, sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        claim = session.execute(text("SELECT id FROM statistics WHERE value = 249")).scalar_one()
    with qtbot.waitSignal(pane.source_clicked, timeout=3000) as source:
        click_item(qtbot, pane, "sources", 1)
    assert source.args == [1]
    with qtbot.waitSignal(pane.statistic_clicked, timeout=3000) as statistic:
        click_item(qtbot, pane, "claims", claim)
    assert statistic.args == [claim]
    assert pane.plot.highlighted("claims") == claim


def test_a_year_is_drawn_as_a_span_across_the_year(qtbot: QtBot, pane: TimelinePane, sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        claim = session.execute(text("SELECT id FROM statistics WHERE value = 249")).scalar_one()
    x, y = item_position(pane, "claims", claim)
    plot = pane.plot
    image: QImage = plot.widget.grab().toImage()
    # orange at both ends of 2014 (a few days in), none a month before it began
    year_start, year_end = x - 182 * DAY_SECONDS, x + 182 * DAY_SECONDS
    for day in (year_start + 5 * DAY_SECONDS, year_end - 5 * DAY_SECONDS):
        pixel = image.pixelColor(on_screen(plot.widget, plot.view, day, y))
        assert pixel.red() > 200, pixel.name()
        assert pixel.blue() < 200, pixel.name()
    before = image.pixelColor(on_screen(plot.widget, plot.view, year_start - 40 * DAY_SECONDS, y))
    assert before.name() == "#ffffff"


def test_many_items_are_counted_until_zoomed_in_to_days(qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    batch = [NewSource(text=f"report {i}", title=f"Report {i}", published=PartialDate(2000 + i % 20, 1 + (i // 20) % 12, 1 + (i // 240) % 28))
             for i in range(9000)]
    with archive.session() as session:
        add_sources(session, batch)
    pane = shown(qtbot, TimelinePane(archive, tasks))
    plot = pane.plot
    assert plot.as_histogram["sources"]  # twenty years of 9,000 sources: how many, not each
    centre = (pane.plot.extent()[0] + pane.plot.extent()[1]) / 2  # type: ignore[index]
    with qtbot.waitSignal(plot.redrawn, timeout=3000):
        plot.view.setXRange(centre - 20 * DAY_SECONDS, centre + 20 * DAY_SECONDS, padding=0)
    assert not plot.as_histogram["sources"]
    assert 0 < len(plot.shown["sources"]) < 200
    # a click on the histogram zooms in rather than opening anything
    with qtbot.waitSignal(plot.redrawn, timeout=3000):
        plot.reset_view()
    before = plot.view.viewRange()[0]
    x = sum(before) / 2
    base, _height = plot.bands["sources"]
    with qtbot.waitSignal(plot.redrawn, timeout=3000):
        click(qtbot, plot.widget, on_screen(plot.widget, plot.view, x, base))
    after = plot.view.viewRange()[0]
    assert after[1] - after[0] < (before[1] - before[0]) / 4


def test_the_actor_filter_narrows_every_lane(qtbot: QtBot, pane: TimelinePane, sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        umarov = session.execute(text("SELECT id FROM actors WHERE name = 'Dokku Umarov'")).scalar_one()
    pane.set_actor(umarov)
    loaded(qtbot, pane)
    assert pane.actor_combo.currentData() == umarov
    assert pane.status_label.text().startswith("1 source · 0 claims · 1 relation")


def test_exports_as_png_and_svg(pane: TimelinePane, tmp_path: Path) -> None:
    png = pane.export_png(tmp_path / "timeline.png", width=1200)
    assert QImage(str(png)).width() == 1200
    svg = pane.export_svg(tmp_path / "timeline.svg")
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")


def test_a_histogram_spreads_a_year_over_its_months() -> None:
    from db.timeline import YEAR, Lane, day_number
    from desktop.charts.timeline.arrays import LaneArrays, density

    lane = Lane()
    start, end = day_number(dt.date(2014, 1, 1)), day_number(dt.date(2015, 1, 1))
    for item in range(12):
        lane.add(item, start, end, YEAR, "in 2014")
    arrays = LaneArrays.of(lane)
    _edges, counts = density(arrays, start * DAY_SECONDS, end * DAY_SECONDS, 12)
    # twelve claims about 2014: about one a month, not twelve on the 1st of January
    assert counts.sum() == pytest.approx(12)
    assert counts.max() == pytest.approx(1, abs=0.1)
