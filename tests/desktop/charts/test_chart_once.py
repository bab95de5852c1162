"""Opening a window reads and draws the chart's claims once (issue 18): the conflicts, the
estimates and the statistics pane arriving after it do not read its frame again, and the
estimates are drawn beside the claims already drawn, not with every claim drawn anew."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.charts.plot import ChartPlot
from desktop.reads import charts as chart_reads
from desktop.window.main_window import MainWindow
from tests.desktop.charts.chart_helpers import drawn
from tests.desktop.helpers import settle, statistics_listed


def test_opening_a_window_reads_and_draws_the_chart_once(
    qtbot: QtBot, sample_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[chart_reads.FrameOptions] = []
    draws: list[int] = []
    read_frame, draw = chart_reads.frame, ChartPlot.draw

    def counted_frame(archive: Archive, options: chart_reads.FrameOptions) -> Any:
        frames.append(options)
        return read_frame(archive, options)

    def counted_draw(self: ChartPlot, frame: Any, *args: Any, **kwargs: Any) -> None:
        draws.append(len(frame))
        draw(self, frame, *args, **kwargs)

    monkeypatch.setattr(chart_reads, "frame", counted_frame)
    monkeypatch.setattr(ChartPlot, "draw", counted_draw)
    window = MainWindow(sample_archive, persist=False)
    qtbot.addWidget(window)
    findings = window.controllers.findings
    with qtbot.waitSignal(window.controllers.statistics.conflicts_updated, timeout=20_000), \
            qtbot.waitSignal(findings.estimates_updated, timeout=20_000), \
            qtbot.waitSignal(window.chart_ready, timeout=20_000):
        window.show()
    chart = drawn(qtbot, window.chart)
    statistics_listed(window)
    settle(qtbot, window)

    assert len(frames) == 1, frames
    assert [n for n in draws if n] == [len(chart.frame)], "every claim drawn more than once"
    assert len(chart.frame) > 0
    assert findings.findings, "the sample archive has estimates to draw"
    assert chart.plot_area.estimates is not None
    assert chart.plot_area.estimates.findings, "the estimates are drawn beside the claims"

    # estimates worked out again (after an edit of claims): drawn anew, the claims left as they are
    with qtbot.waitSignal(findings.estimates_updated, timeout=20_000):
        findings.refresh()
    settle(qtbot, window)
    assert len(frames) == 1
    assert [n for n in draws if n] == [len(chart.frame)]
    assert chart.plot_area.estimates is not None
    assert chart.plot_area.estimates.findings
