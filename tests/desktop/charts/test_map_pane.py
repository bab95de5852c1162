"""The map pane on real archives: places from the offline gazetteer over the shipped outlines,
what it cannot place listed with a way to place it, no network ever."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db import gazetteer as gazetteer_module
from db.archive import Archive
from db.commands import add_actor
from db.places import set_place_point
from desktop.charts.map import basemap as basemap_module
from desktop.charts.map.pane import MapPane
from desktop.tasks import TaskRunner
from tests.desktop.charts.seeing_helpers import click, loaded, on_screen, shown


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every way out of this process to the network fails (and is recorded)."""
    tried: list[Any] = []

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        tried.append(args)
        raise OSError("the network is blocked in this test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return tried


@pytest.fixture
def pane(qtbot: QtBot, sample_archive: Archive, tasks: TaskRunner) -> MapPane:
    return shown(qtbot, MapPane(sample_archive, tasks), size=(1100, 560))


def actor_id(archive: Archive, name: str) -> int:
    with archive.session() as session:
        return int(session.execute(text("SELECT id FROM actors WHERE name = :n"), {"n": name}).scalar_one())


def test_the_map_works_with_the_network_blocked(qtbot: QtBot, no_network: list[Any], sample_archive: Archive,
                                               tasks: TaskRunner, tmp_path: Path) -> None:
    # read the gazetteer and the outlines afresh, under the block
    gazetteer_module._load.cache_clear()
    basemap_module.basemap.cache_clear()
    pane = shown(qtbot, MapPane(sample_archive, tasks), size=(1100, 560))
    assert pane.summary() == "8 of 9 places on the map · 1 not on the map (listed beside it)"
    assert pane.export_png(tmp_path / "map.png").stat().st_size > 0
    assert no_network == []


def test_places_from_the_gazetteer_and_the_list_of_those_not_on_the_map(pane: MapPane) -> None:
    assert pane.objectName() == "mapView"
    # the countries, and the republics of the North Caucasus (first-level regions of Russia)
    assert {r.name for r in pane.plot.shown} == {"Russia", "Syria", "Iraq", "Chechnya", "Dagestan", "Ingushetia",
                                                 "Kabardino-Balkaria", "Karachay-Cherkessia"}
    listed = [pane.unplaced.item(i).text() for i in range(pane.unplaced.count())]
    assert listed == ["North Caucasus — 2 claims, 1 source"]  # a federal district, no region of ISO 3166-2
    assert pane.unplaced_title.text() == "Not on the map (1)"
    russia = next(r for r in pane.plot.shown if r.name == "Russia")
    assert "from the gazetteer: Russia (country, RU" in pane.plot.describe(russia)
    dagestan = next(r for r in pane.plot.shown if r.name == "Dagestan")
    assert "from the gazetteer: Dagestan (region, RU)" in pane.plot.describe(dagestan)


def test_the_outlines_are_drawn_with_disputed_borders_dashed(pane: MapPane) -> None:
    outlines = basemap_module.basemap("50m")
    assert outlines.countries > 200
    assert pane.plot.scale == "110m"  # from Iraq to Russia: a continent, drawn coarse
    # Kosovo (claimed by Serbia, says Natural Earth) meets Serbia along a dashed line near 21°E 43°N
    drawn = outlines.whole()
    xs, ys = drawn.disputed_x, drawn.disputed_y
    near = (np.abs(xs - 21) < 1.5) & (np.abs(ys - 42.7) < 1)
    assert near.any()
    image: QImage = pane.plot.widget.grab().toImage()
    land = image.pixelColor(on_screen(pane.plot.widget, pane.plot.view, 45.0, 55.0))  # in Russia
    sea = image.pixelColor(on_screen(pane.plot.widget, pane.plot.view, 51.0, 42.0))  # the Caspian
    assert land.name() == "#f4f2ec"
    assert sea.name() == "#dfe9f2"


def test_a_click_on_a_place_selects_it(qtbot: QtBot, pane: MapPane, sample_archive: Archive) -> None:
    syria = actor_id(sample_archive, "Syria")
    row = next(r for r in pane.plot.shown if r.actor_id == syria)
    with qtbot.waitSignal(pane.actor_clicked, timeout=3000) as clicked:
        click(qtbot, pane.plot.widget, on_screen(pane.plot.widget, pane.plot.view, row.longitude, row.latitude))
    assert clicked.args == [syria]
    assert pane.plot.highlighted() == syria
    with qtbot.waitSignal(pane.coordinates_requested, timeout=3000) as asked:
        pane.set_button.click()
    assert asked.args == [syria]


def test_a_place_given_coordinates_moves_onto_the_map(qtbot: QtBot, pane: MapPane, sample_archive: Archive) -> None:
    caucasus = actor_id(sample_archive, "North Caucasus")
    with sample_archive.session() as session:
        set_place_point(session, caucasus, (43.6, 44.9))
    pane.refresh()
    loaded(qtbot, pane)
    row = next(r for r in pane.plot.shown if r.actor_id == caucasus)
    assert (row.latitude, row.longitude, row.origin) == (43.6, 44.9, "set")
    assert pane.unplaced_title.text() == "Not on the map (0)"


def test_exports_as_png_and_svg(pane: MapPane, tmp_path: Path) -> None:
    assert QImage(str(pane.export_png(tmp_path / "map.png", width=1000))).width() == 1000
    assert ElementTree.parse(pane.export_svg(tmp_path / "map.svg")).getroot().tag.endswith("svg")


def test_a_region_named_in_ukrainian_is_drawn_inside_its_country(qtbot: QtBot, archive: Archive, tasks: TaskRunner,
                                                                  tmp_path: Path) -> None:
    with archive.session() as session:
        add_actor(session, "Донецька область", "place")
        add_actor(session, "Харків", "place")
    pane = shown(qtbot, MapPane(archive, tasks), size=(1100, 560))
    assert pane.summary() == "2 of 2 places on the map"
    oblast = next(r for r in pane.plot.shown if r.name == "Донецька область")
    assert "from the gazetteer: Donetsk (region, UA)" in pane.plot.describe(oblast)
    # south of Kharkiv, on land (not in the Sea of Azov)
    kharkiv = next(r for r in pane.plot.shown if r.name == "Харків")
    assert oblast.latitude < kharkiv.latitude
    image: QImage = pane.plot.widget.grab().toImage()
    beside = image.pixelColor(on_screen(pane.plot.widget, pane.plot.view, oblast.longitude + 0.6, oblast.latitude))
    assert beside.name() == "#f4f2ec"  # land
    pane.grab().save(str(tmp_path / "map-region.png"))


def test_names_of_neighbouring_places_do_not_overlap(qtbot: QtBot, pane: MapPane, tmp_path: Path) -> None:
    """The five North Caucasus republics of the sample, a few pixels apart at the opening view:
    each name that is written stands clear of the others (moved to another side of its mark, or
    left to the mark's tooltip), and zooming in on them writes them all."""
    loaded(qtbot, pane)

    def overlapping(labels: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, str]]:
        return [(a, b) for n, (a, p) in enumerate(labels) for b, q in labels[n + 1:]
                if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]

    written = pane.plot.visible_labels()
    assert {"Russia", "Syria", "Iraq"} <= {name for name, _ in written}
    assert overlapping(written) == []
    pane.grab().save(str(tmp_path / "map-names.png"))
    pane.plot.view.setRange(xRange=(40, 50), yRange=(41, 46), padding=0)
    qtbot.waitUntil(lambda: len(pane.plot.visible_labels()) > len(written))
    closer = pane.plot.visible_labels()
    assert {"Dagestan", "Chechnya", "Ingushetia"} <= {name for name, _ in closer}
    assert overlapping(closer) == []
    pane.grab().save(str(tmp_path / "map-names-closer.png"))
