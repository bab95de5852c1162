"""A French source's suggestions in the window: its statistics read the French way (bound, range,
a number in words, the claimant), accepted into the archive with their reading."""

from __future__ import annotations

from pathlib import Path

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

TEXT = ("Selon le ministère russe de l'Intérieur, au moins 24 combattants ont été tués lors d'une "
        "opération au Daghestan. Trois policiers ont été blessés, a indiqué la police. D'après l'ONG "
        "Memorial, entre 200 et 250 personnes ont été tuées dans la région en 2014. Le procès s'ouvrira "
        "le 24 septembre à 10 h 30.")


@pytest.fixture
def window_source(sample_archive: Archive) -> int:
    return make_source(sample_archive, TEXT, title="Bilan au Daghestan", language="fr")


def test_a_french_report_suggests_its_statistics_and_accepting_one_keeps_its_reading(
    qtbot: QtBot, window: MainWindow, sample_archive: Archive, tmp_path: Path
) -> None:
    pane = pane_of(window)
    statistics = [c for i in pane.items() if isinstance(c := i.data(0, CANDIDATE_ROLE), StatisticCandidate)]
    # the day of the date and the time are not offered
    assert sorted(((c.value, c.low, c.high, c.claimant) for c in statistics), key=str) == sorted([
        (24, 24, None, "le ministère russe de l'Intérieur"), (3, None, None, "la police"),
        (None, 200, 250, "l'ONG Memorial")], key=str)
    window.resize(1200, 760)
    window.grab().save(str(tmp_path / "suggestions-french.png"))
    window.grab().save("/tmp/suggestions-french.png")
    click(qtbot, pane, item_for(pane, "D'après l'ONG"))
    qtbot.mouseClick(pane.accept_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.current
    assert isinstance(dialog, StatisticDialog)
    assert (dialog.low.text(), dialog.high.text()) == ("200", "250")
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with sample_archive.session() as s:
        [stat] = list_statistics(s, source_id=window.reader.source_id)
    assert (stat.value, stat.low, stat.high, stat.claimant) == (None, 200, 250, "l'ONG Memorial")
