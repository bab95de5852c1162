"""A French or Ukrainian source's suggestions in the window: its statistics read in its language's
way (bound, range, a number in words, the claimant; a date's day and a time not offered),
accepted into the archive with their reading."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.extract.statistics import StatisticCandidate
from db.queries import list_statistics
from desktop.views.dialogs import StatisticDialog
from desktop.views.suggestions import CANDIDATE_ROLE
from desktop.window.main_window import MainWindow
from tests.desktop.controllers.test_suggestions import click, item_for, pane_of
from tests.desktop.helpers import settle
from tests.factories import make_source


class Report(NamedTuple):
    language: str
    title: str
    text: str
    #: (value, low, high, claimant) of every statistic offered
    offered: list[tuple[float | None, float | None, float | None, str]]
    #: the start of the range's suggestion, and its claimant
    range_at: str
    range_claimant: str
    #: a new actor's quote and what the pane says it is
    actor: tuple[str, str]


REPORTS = [
    Report("fr", "Bilan au Daghestan",
           "Selon le ministère russe de l'Intérieur, au moins 24 combattants ont été tués lors d'une "
           "opération au Daghestan. Trois policiers ont été blessés, a indiqué la police. D'après l'ONG "
           "Memorial, entre 200 et 250 personnes ont été tuées dans la région en 2014. Le procès s'ouvrira "
           "le 24 septembre à 10 h 30.",
           [(24, 24, None, "le ministère russe de l'Intérieur"), (3, None, None, "la police"),
            (None, 200, 250, "l'ONG Memorial")], "D'après l'ONG", "l'ONG Memorial", ("Daghestan", "new place")),
    Report("uk", "Підсумки операції на Донеччині",
           "За даними МВС, щонайменше 24 бойовики загинули під час операції на Донеччині. Троє "
           "поліцейських дістали поранення, повідомили в поліції. За даними ООН, від 200 до 250 людей "
           "загинули в регіоні у 2014 році. Суд розпочнеться 24 вересня о 10:30.",
           [(24, 24, None, "МВС"), (3, None, None, "поліція"), (None, 200, 250, "ООН")],
           "За даними ООН", "ООН", ("МВС", "new state body")),
]


@pytest.fixture(params=REPORTS, ids=[r.language for r in REPORTS])
def report(request: pytest.FixtureRequest) -> Report:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def window_source(sample_archive: Archive, report: Report) -> int:
    return make_source(sample_archive, report.text, title=report.title, language=report.language)


def test_a_report_suggests_its_statistics_in_its_language_and_accepting_one_keeps_its_reading(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, report: Report, tmp_path: Path
) -> None:
    pane = pane_of(window)
    statistics = [c for i in pane.items() if isinstance(c := i.data(0, CANDIDATE_ROLE), StatisticCandidate)]
    # the day of the date and the time are not offered
    assert sorted(((c.value, c.low, c.high, c.claimant) for c in statistics), key=str) == sorted(
        report.offered, key=str)
    quote, what = report.actor
    assert item_for(pane, quote).text(1) == what
    window.resize(1200, 760)
    window.grab().save(str(tmp_path / f"suggestions-{report.language}.png"))
    click(qtbot, pane, item_for(pane, report.range_at))
    qtbot.mouseClick(pane.accept_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.current
    assert isinstance(dialog, StatisticDialog)
    assert (dialog.low.text(), dialog.high.text()) == ("200", "250")
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with sample_archive.session() as s:
        [stat] = list_statistics(s, source_id=window.reader.source_id)
    assert (stat.value, stat.low, stat.high, stat.claimant) == (None, 200, 250, report.range_claimant)
