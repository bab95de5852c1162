"""The estimates' bands (low–high, translucent) are kept as a picture between paints, for a large
archive's thousands of them (issue 18): the picture must follow the plot when it is zoomed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.charts.estimates import BAND
from desktop.tasks import TaskRunner
from tests.desktop.charts.chart_helpers import open_chart


def _band_columns(image: QImage) -> set[int]:
    """The columns of the plot where a band's tint (on the white plot) is painted."""
    tint = QColor(BAND)
    alpha = tint.alphaF()
    expected = [round(255 * (1 - alpha) + channel * alpha) for channel in (tint.red(), tint.green(), tint.blue())]
    columns = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 4):
            pixel = image.pixelColor(x, y)
            if all(abs(a - b) <= 3 for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), expected, strict=True)):
                columns.add(x)
                break
    return columns


def test_estimate_bands_are_drawn_again_when_the_plot_is_zoomed(qtbot: QtBot, sample_archive: Archive) -> None:
    from db.commands import NewStatistic, add_statistic
    from db.dates import PartialDate
    from db.findings import estimates

    with sample_archive.session() as session:  # a claim with bounds: its estimate is a band
        add_statistic(session, NewStatistic(value=None, low=100, high=4000, measure="killed", subject="militants",
                                            period_start=PartialDate(2012), period_end=PartialDate(2014)))
    tasks = TaskRunner()
    chart = open_chart(qtbot, sample_archive, tasks, size=(900, 520))
    with sample_archive.session() as session:
        findings = estimates.estimate(session)
    chart.set_estimates(findings)
    assert chart.plot_area.estimates is not None
    assert chart.plot_area.estimates.findings
    view = chart.plot_area.plot.getViewBox()
    before = _band_columns(chart.plot_area.grab().toImage())
    assert before, "no band painted"
    x0, x1 = next((a, b) for a, b, low, _high, _best in chart.plot_area.estimates.spans if low == low)
    view.setXRange(x0 - (x1 - x0) / 4, x1 + (x1 - x0) / 4, padding=0)  # zoomed in on the band
    qtbot.wait(50)
    after = _band_columns(chart.plot_area.grab().toImage())
    assert len(after) > 1.2 * len(before), "the band did not follow the zoom"
    tasks.shutdown()


def test_estimates_that_arrive_while_an_unchanged_chart_is_read_again_are_drawn(
    qtbot: QtBot, sample_archive: Archive
) -> None:
    """The estimates come while the chart reads again after a write that changed no claim: the
    claims are not drawn anew, the estimates are."""
    from db.findings import estimates
    from tests.desktop.charts.chart_helpers import drawn
    from tests.factories import make_source

    tasks = TaskRunner()
    chart = open_chart(qtbot, sample_archive, tasks, size=(900, 520))
    assert chart.plot_area.estimates is None or not chart.plot_area.estimates.findings
    with sample_archive.session() as session:
        findings = estimates.estimate(session)
    assert findings
    make_source(sample_archive, "A new report with no statistic in it.")
    chart.refresh()
    chart.set_estimates(findings)  # while the chart is being read again
    assert chart.loading
    assert chart.plot_area.estimates is None or not chart.plot_area.estimates.findings
    drawn(qtbot, chart)
    assert chart.plot_area.estimates is not None
    assert chart.plot_area.estimates.findings
    tasks.shutdown()


def test_the_same_estimates_found_again_are_not_drawn_again(qtbot: QtBot, sample_archive: Archive) -> None:
    """After a write that changed no claim the estimates are worked out again, alike: the bands
    drawn stay (drawing thousands anew held the window at a million sources); changed ones are
    drawn."""
    from db.commands import NewStatistic, add_statistic
    from db.dates import PartialDate
    from db.findings import estimates

    tasks = TaskRunner()
    chart = open_chart(qtbot, sample_archive, tasks, size=(900, 520))
    with sample_archive.session() as session:
        chart.set_estimates(estimates.estimate(session))
    drawn = chart.plot_area.estimates
    assert drawn is not None
    assert drawn.findings
    with sample_archive.session() as session:
        chart.set_estimates(estimates.estimate(session))  # worked out anew: equal, not the same list
    assert chart.plot_area.estimates is drawn
    with sample_archive.session() as session:
        add_statistic(session, NewStatistic(value=None, low=100, high=4000, measure="killed", subject="militants",
                                            period_start=PartialDate(2012), period_end=PartialDate(2014)))
        chart.set_estimates(estimates.estimate(session))
    assert chart.plot_area.estimates is not drawn
    assert chart.plot_area.estimates is not None
    assert chart.plot_area.estimates.findings
    tasks.shutdown()
