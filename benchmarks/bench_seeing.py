"""Speed of the panes that see the archive whole: the timeline, the actor network and the map.

    python benchmarks/bench_seeing.py [--sources 100000] [--claims 100000] [--actors 2000]
                                      [--edges 5000] [--places 5000] [--repeats 7] [PART ...]

PART is any of timeline, network, map (default: all three).

1. Timeline: an archive of N sources (dates over 30 years, as precise as a day, a month or a
   year) and N claims (periods from a day to several years); the read (against the same columns
   read with raw sqlite3), then the redraw after a zoom: from ``setXRange`` to painted pixels
   (``QWidget.grab()``) at every zoom from all 30 years to 3 days. Goal: < 50 ms. Baseline: every
   item drawn as itself, without the histogram past 4,000 in view.
2. Network: A actors and E relations between random pairs (a few hubs of hundreds of ties); the
   layout on a worker thread's code (goal: < 5 s), kept-in-place re-layout after one new actor,
   and the redraw after a pan and a zoom (goal: < 33 ms).
3. Map: P place actors at coordinates the researcher set, with claims and sources; the read (the
   gazetteer matched against every name) and the redraw after a pan and a zoom (goal: < 50 ms).

The machine is shared: the tables give wall times (medians of the repeats) and the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select

from benchmarks._common import median, print_table
from db import archive as archive_module
from db.archive import Archive
from db.models import Actor, Annotation, Mention, PlacePoint, Relation, Source, Statistic

START = dt.date(1995, 1, 1)
DAYS = 30 * 365


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _timed(repeats: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return median(times)


def _pan_and_zoom(plot: Any, shift: float) -> tuple[Callable[[], None], Callable[[], None]]:
    """Steps that pan (by ``shift`` in data units) or zoom ``plot`` and paint it, back and forth."""
    step = [1.0]

    def pan() -> None:
        step[0] = -step[0]
        plot.view.translateBy(x=shift * step[0])
        plot.widget.grab()

    def zoom() -> None:
        step[0] = -step[0]
        plot.view.scaleBy((0.8 if step[0] > 0 else 1.25,) * 2)
        plot.widget.grab()

    return pan, zoom


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- timeline ----------------------------------------------------------------------------------


def fill_timeline(archive: Archive, sources: int, claims: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    precisions = ("day", "day", "day", "month", "year")
    with archive.session() as session:
        rows = []
        for n in range(sources):
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            precision = rng.choice(precisions)
            day = day.replace(day=1) if precision != "day" else day
            day = day.replace(month=1) if precision == "year" else day
            rows.append({"title": f"Report {n}", "published": day, "published_precision": precision,
                         "text": f"Report {n}.", "kind": "article"})
        for chunk in range(0, len(rows), 20_000):
            session.execute(insert(Source), rows[chunk:chunk + 20_000])
        ids = list(session.execute(select(Source.id)).scalars())
        stats = []
        for n in range(claims):
            first = START + dt.timedelta(days=rng.randrange(DAYS))
            length = rng.choice((0, 0, 30, 365, 3 * 365))
            stats.append({"value": float(n % 500), "measure": "killed", "subject": "militants",
                          "period_start": first, "period_start_precision": "day",
                          "period_end": first + dt.timedelta(days=length), "period_end_precision": "day",
                          "source_id": rng.choice(ids)})
        for chunk in range(0, len(stats), 20_000):
            session.execute(insert(Statistic), stats[chunk:chunk + 20_000])


def bench_timeline(sources: int, claims: int, repeats: int) -> list[list[str]]:
    from db.timeline import TimelineFilter
    from desktop.charts.timeline import plot as timeline_plot
    from desktop.charts.timeline.arrays import DAY_SECONDS, LaneArrays
    from desktop.charts.timeline.plot import TimelinePlot
    from desktop.reads import timeline as reads

    app = _app()
    folder = Path(tempfile.mkdtemp())
    archive = archive_module.open(folder / "timeline.sqlite")
    started = time.perf_counter()
    fill_timeline(archive, sources, claims)
    filled = time.perf_counter() - started
    rows: list[list[str]] = [[f"fill {sources:,} sources + {claims:,} claims", f"{filled:.1f} s", "", ""]]
    read = _timed(3, lambda: reads.timeline(archive, TimelineFilter()))
    connection = sqlite3.connect(folder / "timeline.sqlite")

    def raw() -> None:
        connection.execute("SELECT id, published, published_precision, title FROM sources ORDER BY published").fetchall()
        connection.execute("SELECT id, period_start, period_start_precision, period_end, period_end_precision, "
                           "measure, value, subject FROM statistics ORDER BY period_start").fetchall()

    baseline = _timed(3, raw)
    rows.append(["read the timeline (rows stacked)", _ms(read), _ms(baseline), f"{read / baseline:.1f}x raw"])
    data = reads.timeline(archive, TimelineFilter()).timeline
    plot = TimelinePlot()
    plot.resize(1200, 500)
    plot.show()
    app.processEvents()
    started = time.perf_counter()
    lanes = {"sources": LaneArrays.of(data.sources), "claims": LaneArrays.of(data.claims),
             "relations": LaneArrays.of(data.relations)}
    plot.set_lanes(lanes, keep_view=False)
    plot.widget.grab()
    rows.append(["arrays + first draw", _ms(time.perf_counter() - started), "", ""])
    first, last = plot.extent() or (0.0, 1.0)
    middle = (first + last) / 2
    for label, days in (("30 years", DAYS), ("3 years", 3 * 365), ("1 year", 365), ("30 days", 30), ("3 days", 3)):
        half = days * DAY_SECONDS / 2
        flip = [0.0]

        def zoom(half: float = half, flip: list[float] = flip) -> None:
            flip[0] = DAY_SECONDS - flip[0]  # a new range each time, so it really redraws
            plot.view.setXRange(middle - half + flip[0], middle + half + flip[0], padding=0)
            plot.redraw()
            plot.widget.grab()

        ours = _timed(repeats, zoom)
        shown = sum(len(v) for v in plot.shown.values())
        histogram = [k for k, v in plot.as_histogram.items() if v]
        saved = timeline_plot.MAX_ITEMS
        timeline_plot.MAX_ITEMS = 10**9  # baseline: every item drawn as itself
        every = _timed(max(1, repeats // 3), zoom)
        timeline_plot.MAX_ITEMS = saved
        rows.append([f"zoom to {label}: {shown:,} in view" + (f" ({', '.join(histogram)} as histogram)" if histogram else ""),
                     _ms(ours), _ms(every), f"{every / ours:.1f}x faster" if ours else ""])
    plot.close()
    archive.close()
    return rows


# --- network -----------------------------------------------------------------------------------


def fill_network(archive: Archive, actors: int, edges: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    kinds = ("person", "organisation", "armed_group", "state_body", "place", "media_outlet")
    with archive.session() as session:
        session.execute(insert(Actor), [{"name": f"Actor {n}", "kind": rng.choice(kinds)} for n in range(actors)])
        ids = list(session.execute(select(Actor.id).where(Actor.name.like("Actor %"))).scalars())
        hubs = ids[:5]
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < edges:
            a = rng.choice(hubs) if rng.random() < 0.3 else rng.choice(ids)
            b = rng.choice(ids)
            if a != b:
                pairs.add((a, b))
        session.execute(insert(Relation), [{"subject_id": a, "object_id": b, "predicate": "allied with"}
                                           for a, b in pairs])


def bench_network(actors: int, edges: int, repeats: int) -> list[list[str]]:
    from db.network import NetworkFilter
    from desktop.charts.network import layout as layout_module
    from desktop.charts.network.plot import NetworkPlot
    from desktop.reads import network as reads

    app = _app()
    archive = archive_module.open(Path(tempfile.mkdtemp()) / "network.sqlite")
    fill_network(archive, actors, edges)
    where = NetworkFilter(co_mentions="none")
    read = _timed(3, lambda: reads.network(archive, where, lambda *_: None, lambda: False))
    found = reads.network(archive, where, lambda *_: None, lambda: False)
    rows = [[f"read {len(found.nodes):,} actors, {len(found.edges):,} ties", _ms(read), "", ""]]
    ids = [n.id for n in found.nodes]
    ties = [(e.a, e.b, float(e.weight)) for e in found.edges]
    started = time.perf_counter()
    positions = layout_module.layout(ids, ties)
    laid = time.perf_counter() - started
    saved = layout_module.EXACT_UP_TO
    layout_module.EXACT_UP_TO = 10**9
    started = time.perf_counter()
    layout_module.layout(ids, ties)
    exact = time.perf_counter() - started
    layout_module.EXACT_UP_TO = saved
    rows.append(["layout from nothing (grid repulsion; baseline exact all pairs)", f"{laid:.2f} s", f"{exact:.2f} s",
                 f"{exact / laid:.1f}x faster"])
    started = time.perf_counter()
    again = layout_module.layout([*ids, -1], [*ties, (-1, ids[0], 1.0)], positions)
    rows.append(["re-layout after one new actor (kept in place)", f"{time.perf_counter() - started:.2f} s",
                 f"moved at most {max(abs(again[i][0] - positions[i][0]) for i in ids):.3f}", ""])
    plot = NetworkPlot()
    plot.resize(1200, 700)
    plot.show()
    app.processEvents()
    started = time.perf_counter()
    plot.draw(found, positions, keep_view=False)
    plot.widget.grab()
    rows.append(["first draw", _ms(time.perf_counter() - started), "", ""])
    pan, zoom = _pan_and_zoom(plot, 0.05)
    rows.append(["pan, redrawn and painted", _ms(_timed(repeats, pan)), "", "goal < 33 ms"])
    rows.append(["zoom, redrawn and painted", _ms(_timed(repeats, zoom)), "", "goal < 33 ms"])
    hub = max(ids, key=lambda i: sum(1 for e in found.edges if i in (e.a, e.b)))
    started = time.perf_counter()
    plot.highlight_actor(hub)
    plot.widget.grab()
    degree = sum(1 for e in found.edges if hub in (e.a, e.b))
    rows.append([f"select the busiest actor ({degree:,} ties), painted", _ms(time.perf_counter() - started), "", ""])
    plot.close()
    archive.close()
    return rows


# --- map ---------------------------------------------------------------------------------------


def fill_places(archive: Archive, places: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    with archive.session() as session:
        session.execute(insert(Actor), [{"name": f"Village {n}", "kind": "place"} for n in range(places)])
        ids = list(session.execute(select(Actor.id).where(Actor.kind == "place")).scalars())
        session.execute(insert(PlacePoint), [{"actor_id": i, "latitude": rng.uniform(41, 46),
                                              "longitude": rng.uniform(38, 49)} for i in ids])
        session.execute(insert(Source), [{"title": "Places report", "text": "Report " * 20, "kind": "article"}])
        source = session.execute(select(Source.id).where(Source.title == "Places report")).scalars().first()
        session.execute(insert(Statistic), [{"value": 1.0, "measure": "killed", "place_id": rng.choice(ids),
                                             "source_id": source} for _ in range(places * 2)])
        session.execute(insert(Annotation), [{"source_id": source, "start": 0, "end": 6, "quote": "Report"}
                                             for _ in range(places)])
        annotations = list(session.execute(select(Annotation.id).where(Annotation.source_id == source)).scalars())
        session.execute(insert(Mention), [{"annotation_id": a, "actor_id": rng.choice(ids)} for a in annotations])


def bench_map(places: int, repeats: int) -> list[list[str]]:
    from db.gazetteer import gazetteer
    from desktop.charts.map.basemap import SCALES, basemap
    from desktop.charts.map.plot import MapPlot
    from desktop.reads import places as reads

    app = _app()
    archive = archive_module.open(Path(tempfile.mkdtemp()) / "map.sqlite")
    fill_places(archive, places)
    started = time.perf_counter()
    gazetteer()
    rows = [["load the gazetteer (once a process)", f"{time.perf_counter() - started:.2f} s", "", ""]]
    started = time.perf_counter()
    outlines = {scale: basemap(scale) for scale in SCALES}
    rows.append(["decode the outlines, both scales (once a process)", _ms(time.perf_counter() - started), "", ""])
    read = _timed(3, lambda: reads.places(archive))
    found = reads.places(archive)
    rows.append([f"read {len(found):,} places (every name looked up)", _ms(read), "", ""])
    plot = MapPlot()
    plot.resize(1200, 700)
    plot.show()
    app.processEvents()
    started = time.perf_counter()
    plot.set_basemap(outlines)
    plot.draw(found, keep_view=False)
    plot.widget.grab()
    rows.append(["first draw", _ms(time.perf_counter() - started), "", ""])
    pan, zoom = _pan_and_zoom(plot, 0.5)
    rows.append(["pan, redrawn and painted", _ms(_timed(repeats, pan)), "", "goal < 50 ms"])
    rows.append(["zoom, redrawn and painted", _ms(_timed(repeats, zoom)), "", "goal < 50 ms"])
    plot.view.setRange(xRange=(-180, 180), yRange=(-60, 85), padding=0)
    rows.append(["the whole world in view, zoomed", _ms(_timed(repeats, zoom)), "", "goal < 50 ms"])
    plot.close()
    archive.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", choices=["timeline", "network", "map", []], default=[])
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--places", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    parts = args.parts or ["timeline", "network", "map"]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    headers = ["step", "Dossier", "baseline", "ratio / goal"]
    if "timeline" in parts:
        print_table(headers, bench_timeline(args.sources, args.claims, args.repeats))
    if "network" in parts:
        print_table(headers, bench_network(args.actors, args.edges, args.repeats))
    if "map" in parts:
        print_table(headers, bench_map(args.places, args.repeats))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
