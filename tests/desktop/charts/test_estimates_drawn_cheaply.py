"""Drawing a large archive's estimates on the chart (issue 18: 6,240 of them at a million sources
held the GUI thread 55 ms in one turn, 45 of them normalising each estimate's measure)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from db.dates import PartialDate
from db.findings.estimates import Finding
from db.findings.rules import Rule
from desktop.charts import estimates as drawing


def _finding(measure: str, year: int, best: float) -> Finding:
    return Finding(measure=measure, subject="militants", unit=None, place_id=None, place=None,
                   period_start=PartialDate(year), period_end=PartialDate(year), rule=Rule.UCDP,
                   preferred=(), low=best - 1, best=best, high=best + 1, claims=(1,), excluded=(),
                   reason=None, warnings=(), sources=1, independent=1)


def test_each_measure_is_normalised_once_however_many_estimates_name_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = [_finding(("Killed", "killed", "Wounded")[n % 3], 2000 + n % 20, 10 + n) for n in range(600)]
    asked: list[Any] = []
    normalise = drawing.normalise_phrase

    def counted(text: str | None) -> str:
        asked.append(text)
        return normalise(text)

    monkeypatch.setattr(drawing, "normalise_phrase", counted)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    drawn = drawing.draw_estimates(widget.getPlotItem(), findings, ["Killed"])
    # "Killed" and "killed" are the same measure once normalised; "Wounded" is not charted
    assert [f.measure for f in drawn.findings] == [f.measure for f in findings if f.measure != "Wounded"]
    assert len(asked) <= 1 + 3, asked[:10]  # the measures charted, then each measure named once
