"""The panes' Qt models: qtmodeltester on each, and the lazy sources model's paging, SQL order,
filtering and ranked search."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from db.archive import Archive
from db.dates import PartialDate
from db.filters import SourceFilter
from desktop.models.actors import ActorsModel
from desktop.models.base import Role
from desktop.models.lists import AnnotationsModel, CodesModel
from desktop.models.sources import SourcesModel
from desktop.models.statistics import StatisticsModel
from desktop.reads import actors as actor_reads
from desktop.reads import annotations as annotation_reads
from desktop.reads import sources as source_reads
from desktop.reads import statistics as statistic_reads
from tests.factories import make_source


def titles(model: SourcesModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_sources_model_passes_the_model_tester(qtmodeltester: ModelTester, sample_archive: Archive) -> None:
    make_source(sample_archive, "Shelling in Donetsk killed three.", title="Donetsk shelling")
    model = SourcesModel(sample_archive)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_sources_model_loads_pages_as_the_view_scrolls(qtmodeltester: ModelTester, archive: Archive) -> None:
    for n in range(450):
        make_source(archive, f"Report number {n} from the front.", title=f"Report {n:03d}")
    model = SourcesModel(archive)
    model.page_size = 200
    model.reload()
    assert model.total == 450
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_finding_a_row_loads_a_few_pages_but_never_the_whole_list(archive: Archive) -> None:
    for n in range(450):
        make_source(archive, f"Report number {n}.", title=f"Report {n:03d}")
    model = SourcesModel(archive)
    model.page_size = 100
    model.reload()
    last = model.ids[-1]
    assert model.row_of(last, max_pages=2) is None  # too far down: nothing loaded for it
    assert model.rowCount() == 100
    assert model.row_of(last) == 449
    assert model.index(449, 0).data(Role.ID) == last


def test_sorting_by_a_column_happens_in_sql(archive: Archive) -> None:
    make_source(archive, "b text", title="banana", published=PartialDate(2014))
    make_source(archive, "a text", title="Apple", published=PartialDate(2016, 3))
    make_source(archive, "c text", title="cherry", published=None)
    model = SourcesModel(archive)
    model.reload()
    # newest first by default; an undated source last
    assert titles(model) == ["Apple", "banana", "cherry"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["Apple", "banana", "cherry"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert titles(model) == ["cherry", "banana", "Apple"]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["banana", "Apple", "cherry"]


def test_filter_box_and_search_rank_the_matches(qtmodeltester: ModelTester, archive: Archive) -> None:
    make_source(archive, "Nothing about it here.", title="Weather report")
    make_source(archive, "Grozny was quiet. Later, in Grozny, shots.", title="Grozny Grozny night")
    make_source(archive, "A convoy passed near Grozny.", title="Convoys", outlet="Caucasus Knot")
    model = SourcesModel(archive)
    model.set_filter(text="caucasus")
    assert titles(model) == ["Convoys"]
    model.set_filter(text="", search="grozny")
    expected = [h.title for h in source_reads.search(archive, SourceFilter(search="grozny"), 500, ("[", "]"))]
    assert titles(model) == expected
    assert titles(model)[0] == "Grozny Grozny night"
    assert "Weather report" not in titles(model)
    snippet = model.index(0, SourcesModel.SNIPPET_COLUMN).data()
    assert "Grozny" in snippet
    qtmodeltester.check(model)


def test_actors_tree_passes_the_model_tester(qtmodeltester: ModelTester, sample_archive: Archive) -> None:
    actors = actor_reads.actors(sample_archive)
    model = ActorsModel(actors)
    qtmodeltester.check(model)
    kinds = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(k.startswith("Armed groups") for k in kinds)
    isis = next(a for a in actors if a.name == "ISIS")
    index = model.index_of_actor(isis.id)
    assert index.data() == "ISIS"
    assert index.siblingAtColumn(1).data() == isis.mention_count
    assert "Islamic State" in index.siblingAtColumn(2).data()
    assert index.parent().data().startswith("Armed groups")
    model.set_actors([])
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_statistics_annotations_and_codes_models(qtmodeltester: ModelTester, sample_archive: Archive) -> None:
    statistics = statistic_reads.statistics(sample_archive)
    model = StatisticsModel(sample_archive)
    model.reload()
    qtmodeltester.check(model)
    values = [model.index(r, StatisticsModel.VALUE).data() for r in range(model.rowCount())]
    assert "~249" in values  # approximate values carry "~"
    assert model.index(0, 0).data(Role.ID) == statistics[0].id

    source_id = statistics[0].source_id
    assert source_id is not None
    detail = source_reads.source_detail(sample_archive, source_id)
    assert detail is not None
    annotations = AnnotationsModel(detail.annotations)
    qtmodeltester.check(annotations)
    assert annotations.rowCount() == len(detail.annotations)

    codes = CodesModel(annotation_reads.codes(sample_archive))
    qtmodeltester.check(codes)
    names = [codes.index(r, 0).data() for r in range(codes.rowCount())]
    assert "Casualties" in names


def test_a_write_that_keeps_the_list_updates_rows_in_place(qtmodeltester: ModelTester, archive: Archive) -> None:
    from tests.factories import make_statistic

    ids = [make_source(archive, f"Some {n} people were killed.", title=f"Report {n:03d}") for n in range(250)]
    model = SourcesModel(archive)
    model.page_size = 100
    model.reload()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    target = model.row_at(150)
    assert target is not None
    assert target.statistic_count == 0
    make_statistic(archive, target.id, "people were killed", value=1.0)
    model.reload()
    assert not resets  # the view keeps its place
    assert changed == [(0, 199)]
    assert model.rowCount() == 200
    assert model.index(150, 5).data() == 1  # the new count shows
    # a write that changes the list (a new source) resets it
    make_source(archive, "A new report.", title="Report new")
    model.reload()
    assert resets == [True]
    assert model.total == 251
    assert ids[0] in model.ids
    qtmodeltester.check(model)
