"""The chart pane (objectName "chartView"): statistics as claims over time or side by side.

Every point is a statistic; clicking it emits ``statistic_clicked(id)`` so the window can open its
source at its sentence, and ``highlight_statistic(id)`` rings the point of a statistic selected
elsewhere.

The pane reads through :mod:`desktop.reads.charts` on the window's task runner (so the window's
busy indicator shows it, and closing waits for it): the choices on :meth:`ChartPane.refresh`, a
frame on every change of measures, subjects, grouping or reference data; saving and deleting a
saved chart go to the writer thread. Only the newest read is drawn; ``ready`` tells when it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from db.archive import Archive
from db.chartdata import DETAILS, DRAWN_COLUMNS, ClaimDetail, SavedChart, with_details
from desktop.charts import draw, export, frames
from desktop.charts.controls import ALL_PERIODS, ChartControls
from desktop.charts.estimates import draw_estimates
from desktop.charts.plot import ChartPlot
from desktop.charts.saved import SavedCharts
from desktop.reads import charts as reads
from desktop.tasks import Task, TaskRunner

#: at most this many groups get a colour and a legend entry of their own; the rest are "others"
MAX_SERIES = 16
#: charts of more statistics than this say they are being read while the old one still shows
SAY_READING_ABOVE = 20_000
#: at most this many hovered points keep their source title and quote read
KEEP_DETAILS = 256


class ChartPane(QWidget):
    """Choose measures, subjects and a grouping; see the claims as a time series or as bars."""

    statistic_clicked = Signal(int)
    #: the chart was drawn (after refresh() or a change of choices)
    ready = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None,
                 plot_widget: pg.PlotWidget | None = None) -> None:
        """``plot_widget``: the pyqtgraph plot to draw in, made beforehand (see ChartPlot)."""
        super().__init__(parent)
        self.setObjectName("chartView")
        self.archive = archive
        self.tasks = tasks
        #: the statistics on the chart, one row each (db.chartdata.COLUMNS)
        self.frame: pd.DataFrame = pd.DataFrame()
        #: the rows drawn now (bars show one period of ``frame``, small groups folded)
        self.shown: pd.DataFrame = pd.DataFrame()
        #: estimates drawn beside their claims (db.findings.estimates.Finding)
        self.estimates: list[Any] = []
        #: source titles and quotes read for hovered points, by statistic id (a few at a time)
        self._details: dict[int, ClaimDetail] = {}
        self._details_asked: set[int] = set()
        #: bumped on every read of the choices and of a frame: an older result is dropped
        self._choices_generation = 0
        self._generation = 0
        self._choices_pending = False
        self._frame_task: Task | None = None
        #: what ``frame`` was read for and the period it was drawn with (None: nothing drawn)
        self._drawn: tuple[reads.FrameOptions, str] | None = None
        #: estimates set while a frame was being read, not drawn yet
        self._estimates_waiting = False
        #: the estimates drawn last (compared by value: named tuples)
        self._estimates_drawn: list[Any] = []
        #: settings asked for before the choices arrived (applied when they do)
        self._pending_settings: dict[str, Any] | None = None

        self.controls = ChartControls(self)
        self.saved = SavedCharts(self.controls)
        self.controls.add_section("Saved charts", self.saved)
        self.plot_area = ChartPlot(self.tooltip, self, plot_widget)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.controls)
        splitter.addWidget(self.plot_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.controls.frame_changed.connect(self._load)
        self.controls.mode_changed.connect(self._mode_changed)
        self.controls.period_changed.connect(self._redraw)
        self.saved.chosen.connect(self.apply_settings)
        self.saved.save_requested.connect(self.save_as)
        self.saved.delete_requested.connect(self.delete_saved)
        self.plot_area.statistic_clicked.connect(self.statistic_clicked)
        self.plot_area.export_requested.connect(self._ask_export)
        self.refresh()

    # --- settings ------------------------------------------------------------------------------

    def checked_measures(self) -> list[str]:
        return self.controls.checked_measures()

    def settings(self) -> dict[str, Any]:
        """What this chart shows, as saved under a name in the archive."""
        return self.controls.settings()

    @Slot(dict)
    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Show the chart ``settings`` describe (unknown measures are ignored)."""
        if self._choices_pending:
            self._pending_settings = dict(settings)  # applied when the choices arrive
            return
        self.controls.apply(settings)
        self._load(period=settings.get("period") or ALL_PERIODS)

    @property
    def loading(self) -> bool:
        """Whether a read is under way, or a large chart is being drawn, whose chart is not
        drawn yet (``ready`` will follow)."""
        return self._choices_pending or self._frame_task is not None or self.plot_area.drawing

    # --- reading -------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the archive again (after any change) and redraw, keeping the choices made."""
        self._choices_generation += 1
        self._choices_pending = True
        archive = self.archive
        task = Task(lambda _report, _cancelled: reads.choices(archive), "read what the chart can show")
        self._deliver(task, partial(self._choices_arrived, self._choices_generation),
                      partial(self._choices_failed, self._choices_generation))
        self.tasks.read(task, background=True)

    def _choices_arrived(self, generation: int, choices: reads.Choices) -> None:
        if generation != self._choices_generation:
            return  # refreshed again since
        self._choices_pending = False
        self.saved.set_charts(choices.saved)
        pending, self._pending_settings = self._pending_settings, None
        kept = pending or (self.settings() if self.controls.measure_list.count() else None)
        self.controls.set_choices(choices.counts, kept)
        if pending is not None:
            self.controls.apply(pending)
        self._load(period=(kept.get("period") or ALL_PERIODS) if kept else None)

    def _choices_failed(self, generation: int, message: str) -> None:
        if generation == self._choices_generation:
            self._choices_pending = False
            self.plot_area.set_status(f"The chart could not be read: {message}")

    @Slot()
    def _load(self, period: str | None = None) -> None:
        """Read the frame for the current choices, then show it (``period`` for bars)."""
        self._generation += 1
        if self._frame_task is not None:
            self._frame_task.cancel()  # still queued, it is skipped: its frame would be dropped
            self._frame_task = None
        measures = self.controls.checked_measures()
        if not measures:
            self._frame_arrived(self._generation, period, None, (pd.DataFrame(columns=list(DRAWN_COLUMNS)), False))
            return
        options = reads.FrameOptions(
            measures=tuple(measures),
            subjects=tuple(self.controls.checked_subjects()),
            group_by=self.controls.grouping(),
            include_reference=self.controls.include_reference(),
        )
        if self.controls.statistics_of(measures) > SAY_READING_ABOVE:
            self.plot_area.set_status("Reading the statistics…")
        archive = self.archive
        # read again for the same choices (after a write elsewhere: an import of sources, an
        # annotation): the frame drawn is compared off the GUI thread, and when nothing on the
        # chart changed it is not drawn again (at a million sources drawing 100,000 claims held
        # the window 0.3-0.7 s, and then painting them, in the middle of an import)
        asked = period if period is not None else self.controls.period()
        drawn = self.frame if self._drawn == (options, asked) else None

        def job(_report: Any, cancelled: Callable[[], bool]) -> tuple[pd.DataFrame, bool] | None:
            if cancelled():
                return None
            frame = reads.frame(archive, options)
            return frame, drawn is not None and drawn.equals(frame)

        task = Task(job, "read the chart")
        self._deliver(task, partial(self._frame_arrived, self._generation, period, options),
                      partial(self._frame_failed, self._generation))
        self._frame_task = self.tasks.read(task, background=True)

    def _frame_arrived(self, generation: int, period: str | None, options: reads.FrameOptions | None,
                       read: tuple[pd.DataFrame, bool] | None) -> None:
        if generation != self._generation or read is None:
            return  # the choices changed while it was being read
        self._frame_task = None
        frame, unchanged = read
        self._details = {}  # titles and quotes may have changed with the archive
        if unchanged:
            if self._estimates_waiting:  # they came while the frame was being read
                self.set_estimates(self.estimates)
            self.ready.emit()
            return
        self.frame = frame
        self.controls.set_periods(frames.single_years(frame), period)
        self._redraw()
        self._drawn = (options, self.controls.period()) if options is not None else None

    def _frame_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._frame_task = None
            self.plot_area.set_status(f"The chart could not be read: {message}")

    def _deliver(self, task: Task, finished: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        """Call back with the task's result, unless the pane is gone by then (it closed while a
        read or write was under way: the task finishes and tells no one)."""

        def alive(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(result: Any) -> None:
                if shiboken6.isValid(self):
                    callback(result)

            return call

        task.on_finished(alive(finished))
        task.on_failed(alive(failed))

    def tooltip(self, statistic_id: int) -> str:
        """What the chart says of one of its statistics (its tooltip). The frame holds what is
        drawn; the source's title and the quote are read by id on the task runner the first
        time the point is hovered (the plot shows the tooltip again when they arrive) and kept
        for the few points hovered last."""
        if "id" not in self.frame or self.frame.empty:
            return ""
        rows = np.flatnonzero(self.frame["id"].to_numpy() == statistic_id)
        if not len(rows):
            return ""
        row: dict[str, Any] = {str(k): v for k, v in self.frame.iloc[int(rows[0])].items()}
        detail = self._details.get(statistic_id)
        if detail is None:
            self._read_details(statistic_id)
            detail = ClaimDetail(None, None)
        row.update(source_title=detail.source_title, quote=detail.quote)
        return draw.tooltip(SimpleNamespace(**row))

    def _read_details(self, statistic_id: int) -> None:
        if statistic_id in self._details_asked:
            return
        self._details_asked.add(statistic_id)
        archive, generation = self.archive, self._generation
        task = Task(lambda _report, _cancelled: reads.details(archive, [statistic_id]), "read a claim's quote")
        self._deliver(task, partial(self._details_arrived, generation, statistic_id),
                      lambda _message: self._details_asked.discard(statistic_id))
        self.tasks.read(task)

    def _details_arrived(self, generation: int, statistic_id: int, found: dict[int, ClaimDetail]) -> None:
        self._details_asked.discard(statistic_id)
        if generation != self._generation:
            return  # read for a frame since replaced
        if len(self._details) >= KEEP_DETAILS:
            self._details.clear()
        self._details[statistic_id] = found.get(statistic_id, ClaimDetail(None, None))
        self.plot_area.describe_again(statistic_id)

    # --- drawing -------------------------------------------------------------------------------

    @Slot()
    def _redraw(self) -> None:
        controls = self.controls
        bars = controls.bars()
        controls.period_combo.setEnabled(bars)
        grouping = controls.grouping_label()
        frame = frames.fold_small_groups(self.frame, MAX_SERIES, grouping.lower())
        colours = draw.colour_for([str(g) for g in frame["group"].unique()]) if "group" in frame else {}
        if bars:
            frame = frames.in_period(frame, controls.period())
        if not controls.has_choices():
            empty = "No statistics to chart yet.\nRecord a statistic in the reader, or import a table as reference data."
        elif frame.empty:
            empty = "Choose a measure to chart."
        else:
            empty = "These statistics have no period or value to plot."
        self.shown = frame
        self.plot_area.draw(
            frame,
            colours,
            bars=bars,
            grouping=grouping,
            caption="place" if controls.grouping() == "claimant" else "claimant",
            plot_title=frames.plot_title(
                controls.checked_measures(), controls.checked_subjects(), grouping,
                bars=bars, period=controls.period(),
            ),
            empty_text=empty,
            then=self._claims_drawn,
        )

    def _claims_drawn(self) -> None:
        """The claims are drawn: the estimates beside them, then ``ready``."""
        self._estimates_waiting = False
        self._draw_estimates()
        self.ready.emit()

    def _draw_estimates(self) -> None:
        if not self.controls.bars() and self.estimates:
            self.plot_area.estimates = draw_estimates(self.plot_area.plot, self.estimates,
                                                      self.controls.checked_measures())
            self._estimates_drawn = self.estimates

    def set_estimates(self, findings: list[Any]) -> None:
        """The estimates to draw beside their claims (a band low–high, a mark at the best).

        Only the estimates are drawn again: the claims drawn stay (at 1M sources the estimates
        arrive after the chart, and drawing its 100,000 claims anew took a second and ~10 MB).
        While a frame is being read, nothing is drawn now: its arrival draws both."""
        self.estimates = findings
        self._estimates_waiting = self.loading
        if self.loading:
            return
        drawn = self.plot_area.estimates
        if drawn is not None and findings == self._estimates_drawn:
            return  # the same estimates again (found anew after a write that changed no claim)
        if drawn is not None:
            for item in drawn.items:
                self.plot_area.plot.removeItem(item)
            self.plot_area.estimates = None
        self._draw_estimates()

    @Slot()
    def _mode_changed(self) -> None:
        if self.controls.bars() and not self.controls.period():
            # Bars compare claims about one period: start with the year most claims are about.
            year = frames.busiest_year(self.frame)
            if year:
                self.controls.select_period(year)
        self._redraw()

    @Slot(int)
    def highlight_statistic(self, statistic_id: int) -> None:
        """Ring the point of ``statistic_id`` (selected elsewhere), bringing it into view."""
        self.plot_area.highlight_statistic(statistic_id)

    def highlighted_statistic(self) -> int | None:
        """The statistic ringed on the chart, if it is drawn."""
        return self.plot_area.highlighted_statistic()

    # --- export --------------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int = 1600) -> Path:
        """Write the chart as a PNG image ``width`` pixels wide."""
        return export.export_png(self.plot_area.plot, path, width)

    def export_svg(self, path: str | Path) -> Path:
        """Write the chart as an SVG drawing."""
        return export.export_svg(self.plot_area.plot, path)

    def export_csv(self, path: str | Path) -> Path:
        """Write the statistics on the chart (one row each, with their provenance) as CSV."""
        shown = self.shown
        if "id" in shown and not set(DETAILS) <= set(shown.columns):
            shown = with_details(shown, reads.details(self.archive, [int(i) for i in shown["id"]]))
        return export.export_csv(shown, path)

    @Slot(str)
    def _ask_export(self, kind: str) -> None:
        writers = {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}
        export.ask_and_export(self, kind, writers[kind])

    # --- saved charts --------------------------------------------------------------------------

    @Slot(str)
    def save_as(self, name: str) -> Task:
        """Save this chart's settings under ``name`` in the archive (on the writer thread)."""
        archive, settings, shown = self.archive, self.settings(), name.strip()
        task = Task(lambda _report, _cancelled: reads.save(archive, name, settings), "save the chart")
        self._deliver(task, partial(self._saved_written, shown), partial(self._write_failed, "Save chart"))
        return self.tasks.write(task)

    def open_saved(self, name: str) -> bool:
        """Show the chart saved under ``name``; False when there is none."""
        return self.saved.open(name)

    @Slot(str)
    def delete_saved(self, name: str) -> Task:
        """Delete the chart saved under ``name`` from the archive (on the writer thread)."""
        archive = self.archive
        task = Task(lambda _report, _cancelled: reads.delete(archive, name), "delete a saved chart")
        self._deliver(task, partial(self._saved_written, None), partial(self._write_failed, "Delete saved chart"))
        return self.tasks.write(task)

    def _saved_written(self, current: str | None, charts: list[SavedChart]) -> None:
        self.saved.set_charts(charts, current)

    def _write_failed(self, what: str, message: str) -> None:
        QMessageBox.warning(self, what, f"The archive was not changed: {message}")
