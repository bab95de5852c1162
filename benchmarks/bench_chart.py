"""Chart speed: building the frame for many statistics, and redrawing a huge reference series.

    python benchmarks/bench_chart.py [--statistics 100000] [--points 1000000] [--repeats 5]

1. Frame: an archive with N statistics (70 % claims with their sentence spans in 500 sources,
   30 % yearly reference data), then ``db.chartdata.chart_frame`` for all of them, grouped by
   claimant and by actor (the costlier grouping). Also the conflict flags on their own.
2. Redraw: a 1,000,000-point daily reference series drawn by the pane's own code
   (desktop.charts.draw: DateAxisItem, downsampling "peak", clipToView); the time from
   ``setXRange`` (a zoom) to the pixels being painted (``QWidget.grab()``), for zooms to 10 %,
   1 %, 0.01 % and back to everything. Goals: frame < 1 s, redraw < 50 ms.

The machine is shared: the table gives wall time and, for the frame, CPU time of this process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select

from benchmarks._common import median, print_table
from db import archive as archive_module
from db.archive import Archive
from db.commands import NewSource, add_actor, add_source
from db.models import Annotation, Statistic
from db.vocabulary import ActorKind

if TYPE_CHECKING:
    import pandas as pd

MEASURES = ("killed", "wounded", "detained", "gone to fight", "displaced")
SUBJECTS = ("militants", "civilians", "security officials", None)


def fill_statistics(archive: Archive, count: int, seed: int = 3) -> None:
    """``count`` statistics: claims with spans in 500 sources, and yearly reference series."""
    rng = random.Random(seed)
    with archive.session() as session:
        sources = [
            add_source(
                session,
                NewSource(
                    text=f"Report {n}: " + "Some 40 militants were killed, officials said. " * 20,
                    title=f"Report {n}",
                ),
            )
            for n in range(500)
        ]
        claimants = [add_actor(session, f"Claimant {n}", ActorKind.ORGANISATION) for n in range(30)]
        places = [add_actor(session, f"Place {n}", ActorKind.PLACE) for n in range(20)]
    claims = int(count * 0.7)
    batch = 20_000
    done = 0
    while done < count:
        rows_annotations: list[dict[str, object]] = []
        rows_statistics: list[dict[str, object]] = []
        with archive.session() as session:
            first_annotation = (session.scalar(select(func.max(Annotation.id))) or 0) + 1
            for n in range(done, min(count, done + batch)):
                year = rng.randint(2000, 2020)
                start = dt.date(year, 1, 1)
                is_claim = n < claims
                annotation_id = None
                source_id = None
                if is_claim:
                    source_id = rng.choice(sources)
                    annotation_id = first_annotation + len(rows_annotations)
                    offset = rng.randrange(0, 900)
                    rows_annotations.append(
                        {
                            "id": annotation_id,
                            "uuid": str(uuid.uuid4()),
                            "source_id": source_id,
                            "start": offset,
                            "end": offset + 40,
                            "quote": "Some 40 militants were killed, officials said.",
                            "prefix": "",
                            "suffix": "",
                            "orphaned": False,
                        }
                    )
                long = is_claim and rng.random() < 0.15
                rows_statistics.append(
                    {
                        "uuid": str(uuid.uuid4()),
                        "value": float(rng.randint(1, 5000)),
                        "low": float(rng.randint(1, 100)) if rng.random() < 0.1 else None,
                        "high": None,
                        "approximate": rng.random() < 0.4,
                        "measure": rng.choice(MEASURES),
                        "unit": "people",
                        "subject": rng.choice(SUBJECTS),
                        "period_start": start,
                        "period_start_precision": "year",
                        "period_end": dt.date(min(2020, year + 4), 1, 1) if long else start,
                        "period_end_precision": "year",
                        "place_id": rng.choice(places),
                        "claimant_id": rng.choice(claimants) if is_claim else None,
                        "source_id": source_id,
                        "annotation_id": annotation_id,
                        "dataset": None if is_claim else f"Dataset {n % 3}",
                    }
                )
            if rows_annotations:
                session.execute(insert(Annotation), rows_annotations)
            session.execute(insert(Statistic), rows_statistics)
        done += len(rows_statistics)


def bench_frame(count: int, repeats: int) -> list[list[str]]:
    from db.chartdata import chart_frame, conflicting_ids

    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder:
        archive = archive_module.open(Path(folder) / "chart.sqlite")
        started = time.perf_counter()
        fill_statistics(archive, count)
        print(f"filled {count:,} statistics in {time.perf_counter() - started:.1f} s", file=sys.stderr)

        def timed(run: Callable[[], object]) -> tuple[str, str]:
            walls, cpus = [], []
            for _ in range(repeats):
                wall, cpu = time.perf_counter(), time.process_time()
                run()
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            return f"{median(walls) * 1000:.0f} ms", f"{median(cpus) * 1000:.0f} ms"

        def frame_of(**options: object) -> pd.DataFrame:
            with archive.session() as session:
                return chart_frame(session, **options)  # type: ignore[arg-type]

        frame = frame_of()
        assert len(frame) == count
        for group_by in ("claimant", "actor"):
            wall, cpu = timed(partial(frame_of, group_by=group_by))
            rows.append([f"chart_frame, {count:,} statistics, by {group_by}", wall, cpu, "< 1000 ms"])

        def flags() -> None:
            with archive.session() as session:
                conflicting_ids(session)

        wall, cpu = timed(flags)
        rows.append([f"  conflict flags alone ({int(frame['conflict'].sum()):,} flagged)", wall, cpu, ""])
        one = frame_of(measures=["killed"])
        wall, cpu = timed(lambda: frame_of(measures=["killed"]))
        rows.append([f"chart_frame, one measure ({len(one):,} rows)", wall, cpu, ""])
        rows.append(bench_pane(archive, count))
        archive.close()
    return rows


def bench_pane(archive: Archive, count: int) -> list[str]:
    """The chart pane from choosing every measure to the chart drawn and painted."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.charts.pane import ChartPane
    from desktop.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    tasks = TaskRunner(app)
    pane = ChartPane(archive, tasks)
    pane.resize(1200, 700)
    pane.show()
    loop = QEventLoop()
    pane.ready.connect(loop.quit)

    def drawn() -> None:
        if pane.loading:
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()

    drawn()
    settings = pane.settings()
    settings["measures"] = list(MEASURES)
    started = time.perf_counter()
    pane.apply_settings(settings)
    drawn()
    pane.grab()
    elapsed = time.perf_counter() - started
    pane.close()
    tasks.shutdown()
    return [f"chart pane: all {count:,} statistics chosen -> drawn and painted", f"{elapsed * 1000:.0f} ms", "", ""]


def reference_frame(points: int) -> pd.DataFrame:
    """A chart frame of one reference series of ``points`` values (no archive needed)."""
    import numpy as np
    import pandas as pd

    from db.chartdata import COLUMNS

    # A value every 15 minutes from 1990: a million of them span about 28 years.
    days = (np.datetime64("1990-01-01T00:00", "s") + np.arange(points) * np.timedelta64(900, "s")).astype("datetime64[s]")
    values = np.cumsum(np.random.default_rng(5).normal(size=points)) + 1000
    frame = pd.DataFrame(
        {
            "id": np.arange(1, points + 1),
            "value": values,
            "low": np.nan,
            "high": np.nan,
            "approximate": False,
            "measure": "killed",
            "unit": "people",
            "subject": "militants",
            "x_start": days,
            "x_end": days,
            "period": "",
            "group": "Daily table",
            "claimant": "Daily table",
            "place": "Dagestan",
            "source_id": pd.array([None] * points, dtype="Int64"),
            "source_title": None,
            "quote": None,
            "dataset": "Daily table",
            "is_reference": True,
            "conflict": False,
        }
    )
    return frame.loc[:, list(COLUMNS)]


def bench_redraw(points: int, repeats: int) -> list[list[str]]:
    """Draw the series as the chart pane does (desktop.charts.draw), then zoom and repaint."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from desktop.charts import draw
    from desktop.charts.drawn import Drawn

    app = QApplication.instance() or QApplication([])
    frame = reference_frame(points)
    widget = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
    widget.resize(1200, 700)
    widget.show()
    legend = pg.LegendItem()
    started = time.perf_counter()
    drawn = Drawn()
    for _series in draw.time_series_parts(widget.getPlotItem(), legend, frame, draw.colour_for(["Daily table"]), drawn):
        pass
    widget.grab()
    first = time.perf_counter() - started
    app.processEvents()
    [line] = drawn.references
    x, _y = line.getData()
    rows = [[f"draw a {points:,}-point reference line (first paint)", f"{first * 1000:.0f} ms", "", ""]]
    span = x[-1] - x[0]
    for label, width in (("zoom to 10 %", 0.1), ("zoom to 1 %", 0.01), ("zoom to 0.01 %", 0.0001), ("back to all", 1.0)):
        times = []
        for r in range(repeats):
            middle = x[0] + span * (0.3 + 0.1 * r / max(1, repeats))
            low, high = (x[0], x[-1]) if width == 1.0 else (middle - span * width / 2, middle + span * width / 2)
            # Start from another range each time so every repeat really redraws.
            widget.setXRange(x[0], x[0] + span * (0.999 if width != 1.0 else 0.5), padding=0)
            widget.grab()
            started = time.perf_counter()
            widget.setXRange(low, high, padding=0)
            widget.grab()
            times.append(time.perf_counter() - started)
        rows.append([f"redraw {points:,}-point line after {label}", f"{median(times) * 1000:.1f} ms", "", "< 50 ms"])
    widget.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statistics", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rows = bench_frame(args.statistics, args.repeats) + bench_redraw(args.points, args.repeats)
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", file=sys.stderr)
    print_table(["what", "median wall", "median CPU", "goal"], rows)


if __name__ == "__main__":
    main()
