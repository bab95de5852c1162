"""The network pane on real archives: actors and ties lead to the actor and the passages, the
layout stays put between refreshes, a hub of thousands of ties is drawn without freezing."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.archive import Archive
from db.commands import NewSource, add_actor, add_mention, add_sources
from desktop.charts.network.pane import NetworkPane
from desktop.tasks import TaskRunner
from tests.desktop.charts.seeing_helpers import click, loaded, on_screen, shown


@pytest.fixture
def pane(qtbot: QtBot, sample_archive: Archive, tasks: TaskRunner) -> NetworkPane:
    return shown(qtbot, NetworkPane(sample_archive, tasks))


def actor_id(archive: Archive, name: str) -> int:
    with archive.session() as session:
        return int(session.execute(text("SELECT id FROM actors WHERE name = :n"), {"n": name}).scalar_one())


def screen_of(pane: NetworkPane, x: float, y: float):  # type: ignore[no-untyped-def]
    return on_screen(pane.plot.widget, pane.plot.view, x, y)


def test_the_sample_network_with_a_click_on_an_actor(qtbot: QtBot, pane: NetworkPane, sample_archive: Archive) -> None:
    assert pane.objectName() == "networkView"
    assert pane.status_label.text() == "16 actors · 36 ties"
    isis = actor_id(sample_archive, "ISIS")
    with qtbot.waitSignal(pane.actor_clicked, timeout=3000) as clicked:
        click(qtbot, pane.plot.widget, screen_of(pane, *pane.positions[isis]))
    assert clicked.args == [isis]
    assert pane.plot.highlighted() == isis


def test_a_click_on_a_tie_lists_its_sentences_and_one_opens_it(
        qtbot: QtBot, pane: NetworkPane, sample_archive: Archive) -> None:
    khamzat, vilaiyat = actor_id(sample_archive, "Amir Khamzat"), actor_id(sample_archive, "Chechen Vilaiyat")
    edges = pane.network.edges
    index = next(i for i, e in enumerate(edges) if e.kind == "sentence" and {e.a, e.b} == {khamzat, vilaiyat})
    (x0, y0), (x1, y1) = pane.positions[edges[index].a], pane.positions[edges[index].b]
    # a quarter of the way along the tie, away from both actors' marks
    with qtbot.waitSignal(pane.evidence_shown, timeout=5000):
        click(qtbot, pane.plot.widget, screen_of(pane, x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.3))
    # both ties between them: the relation and the sentence that names them together
    assert pane.evidence_title.text() == ("Amir Khamzat leader of Chechen Vilaiyat; "
                                          "Amir Khamzat and Chechen Vilaiyat: named together in 1 sentence")
    first = pane.evidence_list.item(0)
    assert "The defection of Amir Khamzat, commander of the Chechen Vilaiyat" in first.text()
    with qtbot.waitSignal(pane.span_clicked, timeout=3000) as opened:
        pane.evidence_list.itemClicked.emit(first)
    source, start, end = opened.args
    assert (source, end - start) == (1, len(pane.evidence[0].quote))


def test_the_layout_stays_put_when_an_actor_is_added(qtbot: QtBot, pane: NetworkPane, sample_archive: Archive) -> None:
    before = dict(pane.positions)
    with sample_archive.session() as session:
        newcomer = add_actor(session, "Newcomer", "person")
        text_ = session.execute(text("SELECT text FROM sources WHERE id = 1")).scalar_one()
        start = text_.index("Rustam Asilderov")
        add_mention(session, 1, start, start + 6, newcomer)
    pane.refresh()
    loaded(qtbot, pane)
    assert newcomer in pane.positions
    spread = max(math.dist(p, (0, 0)) for p in before.values())
    moved = max(math.dist(before[a], pane.positions[a]) for a in before)
    assert moved < 0.1 * spread


def test_filters_by_kind_and_weight(qtbot: QtBot, pane: NetworkPane) -> None:
    for kind, action in pane.kind_actions.items():
        action.setChecked(kind in {"person", "armed_group"})
    loaded(qtbot, pane)
    assert {n.kind for n in pane.network.nodes} == {"person", "armed_group"}
    pane.co_mentions.setCurrentIndex(pane.co_mentions.findData("none"))
    pane.co_mentions.activated.emit(pane.co_mentions.currentIndex())
    loaded(qtbot, pane)
    # the relations stay: the four recorded between people and armed groups
    assert {e.kind for e in pane.network.edges} == {"relation"}
    assert pane.summary() == "5 actors · 4 ties"


def test_a_hub_of_thousands_of_ties_is_laid_out_off_the_gui_thread(
        qtbot: QtBot, archive: Archive, tasks: TaskRunner) -> None:
    n = 2000
    with archive.session() as session:
        hub = add_actor(session, "Hub", "armed_group")
        others = [add_actor(session, f"Member {i}", "person") for i in range(n)]
        sources = add_sources(session, [NewSource(text=f"Hub and Member {i} met.", title=f"S{i}") for i in range(n)])
        for i, (source, other) in enumerate(zip(sources, others, strict=True)):
            add_mention(session, source, 0, 3, hub)
            add_mention(session, source, 8, 8 + len(f"Member {i}"), other)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    pane = shown(qtbot, NetworkPane(archive, tasks))
    timer.stop()
    assert len(pane.network.edges) == n
    assert len(ticks) >= 3  # the GUI thread kept turning while the network was read and laid out
    assert pane.highlight_actor(hub)
    assert len(pane.plot.selected_edges.getData()[0]) == 2 * n


def test_exports_as_png_svg_gexf_and_graphml(pane: NetworkPane, tmp_path: Path) -> None:
    assert pane.export_png(tmp_path / "network.png").stat().st_size > 0
    assert ElementTree.parse(pane.export_svg(tmp_path / "network.svg")).getroot().tag.endswith("svg")
    gexf = ElementTree.parse(pane.export_gexf(tmp_path / "network.gexf")).getroot()
    assert gexf.tag.endswith("gexf")
    graphml = ElementTree.parse(pane.export_graphml(tmp_path / "network.graphml")).getroot()
    assert graphml.tag.endswith("graphml")


def test_without_networkx_the_graph_export_says_which_part_to_add(
        pane: NetworkPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """networkx is the standalone download's optional part ``graphs`` (db.optional_parts)."""
    import sys

    from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton

    from db import optional_parts

    monkeypatch.setitem(sys.modules, "networkx", None)  # as Python marks a module that is not there
    monkeypatch.setattr(optional_parts, "_reported", set())
    target = tmp_path / "network.gexf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, message, *a: said.append(message))
    [menu_button] = [b for b in pane.findChildren(QToolButton) if b.text() == "Export"]
    [gexf] = [a for a in menu_button.menu().actions() if a.text().startswith("Graph as GEXF")]
    gexf.trigger()
    assert not target.exists()
    assert len(said) == 1
    assert optional_parts.archive_name("graphs") in said[0]
    assert pane.export_png(tmp_path / "network.png").stat().st_size > 0  # the picture still exports
