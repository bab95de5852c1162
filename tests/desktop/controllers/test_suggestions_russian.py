"""A Russian source's suggestions in the window: its statistics read the Russian way, accepted
into the archive with their claimant, bounds and counted noun in base form."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.dates import PartialDate
from db.extract.statistics import StatisticCandidate
from db.queries import list_statistics
from desktop.views.dialogs import StatisticDialog
from desktop.views.suggestions import CANDIDATE_ROLE
from desktop.window.main_window import MainWindow
from tests.desktop.controllers.test_suggestions import click, item_for, pane_of
from tests.desktop.helpers import settle
from tests.factories import make_source

TEXT = ("По данным МВД, в 2015 году в Дагестане были убиты не менее девятнадцати боевиков. "
        "Суд приговорил двоих к 12 годам по статье 208 УК РФ 24 сентября.")


@pytest.fixture
def window_source(sample_archive: Archive) -> int:
    return make_source(sample_archive, TEXT, title="Сводка МВД", language="ru")


def test_a_russian_report_suggests_its_statistics_and_accepting_one_keeps_its_reading(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, tmp_path: Path
) -> None:
    pane = pane_of(window)
    statistics = [c for i in pane.items() if isinstance(c := i.data(0, CANDIDATE_ROLE), StatisticCandidate)]
    # the prison term, the law article and the date are not offered; the two convicted are
    assert sorted((c.value, c.low) for c in statistics) == [(2, None), (19, 19)]
    window.resize(1200, 760)
    window.grab().save(str(tmp_path / "suggestions-russian.png"))
    click(qtbot, pane, item_for(pane, "По данным МВД"))
    qtbot.mouseClick(pane.accept_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.current
    assert isinstance(dialog, StatisticDialog)
    assert dialog.low.text() == "19"
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with sample_archive.session() as s:
        [stat] = list_statistics(s, source_id=window.reader.source_id)
    assert (stat.value, stat.low, stat.claimant, stat.subject) == (19, 19, "МВД", "боевик")
    assert stat.period_start == PartialDate(2015)
