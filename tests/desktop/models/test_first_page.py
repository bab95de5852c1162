"""A long list shown at once: the sources pane lists its first page before the whole list of
ids is read (a million ids take a second), then takes the rest in without a reset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewSource, add_sources
from db.dates import PartialDate
from desktop.models.sources import SourcesModel
from desktop.models.statistics import StatisticsModel
from desktop.tasks import TaskRunner
from desktop.views.sources import SourcesPane


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(10_000)


def _fill(archive: Archive, count: int) -> None:
    with archive.session() as session:
        add_sources(session, [NewSource(title=f"Report {n:03d}", text=f"Report {n} from Grozny.",
                                        published=PartialDate(2000 + n % 20, 1 + n % 12, 1))
                              for n in range(count)])


def test_the_first_page_is_listed_first_then_the_rest_without_a_reset(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    _fill(archive, 130)
    model = SourcesModel(archive, runner)
    model.page_size = 50
    pane = SourcesPane(model)
    qtbot.addWidget(pane)
    seen: list[tuple[int, bool, str]] = []
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.total))
    model.loaded.connect(lambda: seen.append((model.total, model.partial, pane.count_label.text())))
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.reload()
    assert seen[0] == (50, True, "Listing sources…")
    assert seen[1] == (130, False, "130 sources")
    assert resets == [50]  # the whole list came in after the first page, the rows stayed
    first = [model.row_at(n).id for n in range(50)]  # type: ignore[union-attr]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 130
    assert [model.row_at(n).id for n in range(130)] == model.ids  # type: ignore[union-attr]
    assert model.ids[:50] == first  # newest first, as listed at once


def test_a_list_within_one_page_is_read_once(qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    _fill(archive, 30)
    model = SourcesModel(archive, runner)
    model.page_size = 50
    loads: list[int] = []
    model.loaded.connect(lambda: loads.append(model.total))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    qtbot.wait(200)
    assert loads == [30]
    assert not model.partial


def test_another_order_is_listed_first_page_first_too(qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    _fill(archive, 130)
    model = SourcesModel(archive, runner)
    model.page_size = 50
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.reload()
    partial: list[bool] = []
    model.loaded.connect(lambda: partial.append(model.partial))
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.sort(0)  # by title
    assert partial == [True, False]
    assert [model.row_at(n).title for n in range(3)] == ["Report 000", "Report 001", "Report 002"]  # type: ignore[union-attr]
    assert model.total == 130


def test_the_statistics_pane_says_it_is_loading_until_its_list_is_in(qtbot: QtBot, sample_archive: Archive) -> None:
    from desktop.window.main_window import MainWindow
    from tests.desktop.helpers import statistics_listed

    window = MainWindow(sample_archive, persist=False)
    qtbot.addWidget(window)
    window.show()
    summary = window.statistics.tools.summary
    assert summary.text() == "Loading statistics…"  # not an empty pane
    statistics_listed(window)
    assert summary.text() == "3 of 3"


def _claims(archive: Archive, count: int) -> None:
    from db.commands import NewStatistic, add_statistic

    with archive.session() as session:
        for n in range(count):
            add_statistic(session, NewStatistic(value=float(n), measure="killed", subject="civilians",
                                                period_start=PartialDate(1990 + n % 30)))


def test_the_statistics_list_their_first_page_first_then_the_rest_without_a_reset(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    """At a million sources the pane's 100,000 claims: the first page is shown at once."""
    from desktop.views.statistics.pane import StatisticsPane

    _claims(archive, 130)
    model = StatisticsModel(archive, runner, page_size=50)
    pane = StatisticsPane(model)
    qtbot.addWidget(pane)
    seen: list[tuple[int, bool, str]] = []
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.total))
    pane.listed.connect(lambda: seen.append((model.total, model.partial, pane.tools.summary.text())))
    with qtbot.waitSignals([pane.listed, pane.listed], timeout=10_000):
        pane.reload()
    assert seen == [(50, True, "Listing… of 130"), (130, False, "130 of 130")]
    assert resets == [50]  # the rest came in below the first page, no second reset
    assert [model.row_at(n).value for n in range(130)] == [  # type: ignore[union-attr]
        r.value for r in model.rows_of(model.ids)]
    # listed again after a write: the whole list at once, in place
    loads: list[bool] = []
    model.loaded.connect(lambda: loads.append(model.partial))
    with qtbot.waitSignal(pane.listed, timeout=10_000):
        pane.reload()
    qtbot.wait(200)
    assert loads == [False]


def test_statistics_within_one_page_are_read_once(qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    from desktop.views.statistics.pane import StatisticsPane

    _claims(archive, 30)
    pane = StatisticsPane(StatisticsModel(archive, runner, page_size=50))
    qtbot.addWidget(pane)
    summaries: list[str] = []
    pane.listed.connect(lambda: summaries.append(pane.tools.summary.text()))
    with qtbot.waitSignal(pane.listed, timeout=10_000):
        pane.reload()
    qtbot.wait(200)
    assert summaries == ["30 of 30"]
    assert not pane.model.partial
