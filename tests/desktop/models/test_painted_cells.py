"""A cell's painted roles come from one call into the model and are made once, until its row
changes (issue 18: the window's first paint asked our models ~1,700 times, seven times a cell)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.commands import NewSource, add_sources, update_source
from db.rows import ActorRow
from desktop.models.actors import ActorsModel
from desktop.models.base import Column, RowsTableModel
from desktop.models.cells import PAINTED, PaintedProxy
from desktop.models.sources import SourcesModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class Counted(RowsTableModel[Row]):
    """Two columns; ``made`` counts each name formatted, ``asked`` each role asked through data()."""

    def __init__(self, rows: list[Row]) -> None:
        self.made = 0
        self.asked: list[int] = []
        self.columns = (Column[Row]("Name", self._name), Column[Row]("Id", lambda r: r.id, align_right=True))
        super().__init__(rows)

    def _name(self, row: Row) -> str:
        self.made += 1
        return row.name.upper()

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.append(role)
        return super().data(index, role)


def test_a_cells_text_is_made_once_and_again_after_its_row_changes(qtmodeltester: ModelTester) -> None:
    model = Counted([Row(1, "basayev"), Row(2, "maskhadov")])
    qtmodeltester.check(model)
    first = model.index(0, 0)
    made = model.made
    for _ in range(5):
        assert first.data() == "BASAYEV"
        assert first.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.made == made, "the cell's text was made again for a repeated ask"
    model.set_rows([Row(1, "dudayev"), Row(2, "maskhadov")])
    assert first.data() == "DUDAYEV"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["MASKHADOV", "DUDAYEV"]
    assert model.index(1, 1).data() == 1


def test_a_view_asks_each_cell_it_paints_once(qtbot: QtBot) -> None:
    model = Counted([Row(n, f"actor {n}") for n in range(40)])
    proxy = PaintedProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)  # the view lays its rows out
    model.dataChanged.emit(model.index(0, 0), model.index(39, 1))  # the rows changed: made anew
    model.asked.clear()
    made = model.made
    view.viewport().repaint()
    assert model.made > made, "nothing painted"
    assert not [role for role in model.asked if role in PAINTED], "painted roles asked one by one"
    made = model.made
    view.viewport().repaint()
    assert model.made == made, "repainting made the cells' texts again"


def test_a_lazy_models_cells_follow_a_write(archive: Archive) -> None:
    with archive.session() as session:
        add_sources(session, [NewSource(title="Report from Grozny", text="Grozny.")])
    model = SourcesModel(archive)
    model.reload()
    assert model.index(0, 0).data() == "Report from Grozny"
    with archive.session() as session:
        update_source(session, model.row_at(0).id, title="Report from Gudermes")  # type: ignore[union-attr]
    model.refresh_loaded()
    assert model.index(0, 0).data() == "Report from Gudermes"


def test_the_actors_tree_paints_kinds_and_actors_as_before(qtmodeltester: ModelTester) -> None:
    actors = [ActorRow(id=1, uuid="a", name="Memorial", kind="organisation", mention_count=3, source_count=2,
                       aliases=("HRC Memorial",), description=None),
              ActorRow(id=2, uuid="b", name="Kadyrov", kind="person", mention_count=5, source_count=4,
                       aliases=(), description=None)]
    model = ActorsModel(actors)
    qtmodeltester.check(model)
    people = model.index(0, 0)
    assert (people.data(), model.index(0, 1).data()) == ("People (1)", 5)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    kadyrov = [model.index(0, c, people).data() for c in range(3)]
    assert kadyrov == ["Kadyrov", 5, ""]
    model.set_actors([actors[0]])
    assert model.index(0, 0).data() == "Organisations (1)"
    assert model.index(0, 2, model.index(0, 0, QModelIndex())).data() == "HRC Memorial"
