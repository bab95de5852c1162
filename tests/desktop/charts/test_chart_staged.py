"""A large chart is drawn a series an event-loop turn: the window goes on meanwhile, and a newer
drawing replaces one still under way (at a million sources, 8,490 claims drawn at once held the
window 110-130 ms)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from db import chartdata
from db.archive import Archive
from db.commands import NewStatistic, add_statistic
from db.dates import PartialDate
from desktop.charts import plot as plot_module
from desktop.charts.pane import ChartPane
from desktop.charts.plot import ChartPlot
from desktop.tasks import TaskRunner
from tests.desktop.charts.chart_helpers import drawn

CLAIMANTS = ("Police", "Rebels", "Memorial", "The ministry", "A governor", "Witnesses")


@pytest.fixture
def many_claims(archive: Archive) -> Archive:
    """More claims than a chart draws at once, by six claimants (six series)."""
    per_claimant = plot_module.STAGED_ABOVE // len(CLAIMANTS) + 50
    with archive.session() as session:
        for n in range(per_claimant):
            for claimant in CLAIMANTS:
                add_statistic(session, NewStatistic(
                    value=float(10 + n % 97), measure="killed", claimant=claimant,
                    period_start=PartialDate(1990 + n % 30, 1 + n % 12)))
    return archive


def _scatters(plot: ChartPlot) -> list[pg.ScatterPlotItem]:
    return [item for item in plot.plot.getViewBox().addedItems if isinstance(item, pg.ScatterPlotItem)]


def test_a_large_chart_is_drawn_over_several_turns_and_then_whole(
    qtbot: QtBot, many_claims: Archive, tasks: TaskRunner
) -> None:
    chart = ChartPane(many_claims, tasks)
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    seen: list[tuple[bool, int]] = []  # each turn: drawing, how many series are on the plot
    ticker = QTimer()
    ticker.timeout.connect(lambda: seen.append((chart.plot_area.drawing, len(chart.plot_area.drawn.series))))
    ticker.start(0)
    drawn(qtbot, chart)
    ticker.stop()

    part_drawn = [series for drawing, series in seen if drawing]
    assert part_drawn, "the chart was drawn in one turn"
    assert min(part_drawn) < len(CLAIMANTS)  # the window ran while some series were still to come
    assert not chart.loading
    assert not chart.plot_area.drawing
    with many_claims.session() as session:
        claims = chartdata.chart_frame(session)
    assert len(claims) > plot_module.STAGED_ABOVE
    assert set(chart.plot_area.drawn.positions) == set(claims["id"])  # every claim, once done
    assert len(chart.plot_area.drawn.series) == len(CLAIMANTS)
    assert chart.plot_area.plot_widget.updatesEnabled()


def test_a_newer_drawing_replaces_one_under_way(qtbot: QtBot, many_claims: Archive) -> None:
    plot = ChartPlot(lambda _id: "")
    qtbot.addWidget(plot)
    plot.resize(900, 600)
    plot.show()
    with many_claims.session() as session:
        large = chartdata.chart_frame(session, details=False)
    small = large[large["group"] == "Police"].head(40)
    finished: list[str] = []

    def draw(frame: object, name: str) -> None:
        plot.draw(frame, {str(g): "#0072B2" for g in large["group"].unique()}, bars=False, grouping="Claimant",  # type: ignore[arg-type]
                  caption="place", plot_title=name, empty_text="", then=lambda: finished.append(name))

    draw(large, "large")
    assert plot.drawing
    assert not finished
    draw(small, "small")  # before the large one is done
    assert finished == ["small"]
    assert not plot.drawing
    qtbot.wait(300)  # the large drawing's next turns come and do nothing
    assert finished == ["small"]
    assert set(plot.drawn.positions) == set(small["id"])
    assert list(plot.drawn.series) == ["Police (40)"]
    # nothing of the large drawing left on the plot (its series each held some 350 claims)
    assert all(len(item.data) <= len(small) for item in _scatters(plot))
    assert plot.plot_widget.updatesEnabled()
