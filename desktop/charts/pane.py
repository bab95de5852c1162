"""The chart pane (objectName "chartView"): statistics as claims over time or side by side.

Every point is a statistic; clicking it emits ``statistic_clicked(id)`` so the window can open its
source at its sentence, and ``highlight_statistic(id)`` rings the point of a statistic selected
elsewhere.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.archive import Archive
from db.chartdata import (
    COLUMNS,
    GROUPINGS,
    chart_choices,
    chart_frame,
    delete_chart,
    list_charts,
    load_chart,
    save_chart,
)
from db.values import format_number
from desktop.charts import draw
from desktop.charts.svg import export_svg

TIME_SERIES = "time"
BARS = "bars"
ALL_PERIODS = ""
#: at most this many groups get a colour and a legend entry of their own; the rest are "others"
MAX_SERIES = 16
#: charts of more statistics than this are built on a worker thread
BACKGROUND_ABOVE = 20_000
GROUPING_HELP = {
    "claimant": "Who makes the claim (reference data: its dataset)",
    "place": "Where the counted events happened",
    "actor": "The actor marked inside the claim's sentence (otherwise what is counted)",
    "source": "The source the claim comes from (reference data: its dataset)",
}
#: how the grouping choices read in the combo box
GROUPING_LABELS = {
    "claimant": "Claimant",
    "place": "Place",
    "actor": "Actor",
    "source": "Source",
}


class ChartPane(QWidget):
    """Choose measures, subjects and a grouping; see the claims as a time series or as bars."""

    statistic_clicked = Signal(int)
    #: the chart was drawn (after refresh() or a change of choices)
    ready = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.archive = archive
        #: the statistics on the chart, one row each (db.chartdata.COLUMNS)
        self.frame: pd.DataFrame = pd.DataFrame()
        #: the rows drawn now (bars show one period of ``frame``)
        self.shown: pd.DataFrame = pd.DataFrame()
        self.drawn = draw.Drawn()
        #: the category labels under the bars (bars mode)
        self.drawn_ticks: list[tuple[float, str]] = []
        self._by_id: pd.DataFrame = pd.DataFrame()
        self._highlighted: int | None = None
        self._updating = False
        self._choices: list[tuple[str, str | None, int]] = []
        self._saved: list[str] = []
        #: bumped on every load, so a frame built for older choices is dropped
        self._generation = 0

        self._build_controls()
        self._build_plot()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.controls)
        splitter.addWidget(self.plot_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.controls = QWidget(self)
        # Narrow enough to leave the plot most of a dock; long names elide, with tooltips.
        self.controls.setMaximumWidth(260)
        form = QFormLayout(self.controls)
        form.setContentsMargins(6, 6, 6, 6)

        self.measure_list = QListWidget(self.controls)
        self.measure_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.measure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.measure_list.setObjectName("chartMeasures")
        self.measure_list.setToolTip("Measures to chart (what is counted)")
        self.measure_list.itemChanged.connect(self._measures_changed)
        form.addRow(QLabel("Measures"))
        form.addRow(self.measure_list)

        self.subject_list = QListWidget(self.controls)
        self.subject_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.subject_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.subject_list.setObjectName("chartSubjects")
        self.subject_list.setToolTip("Subjects to include (none checked: all)")
        self.subject_list.itemChanged.connect(self._settings_changed)
        form.addRow(QLabel("Subjects"))
        form.addRow(self.subject_list)

        self.group_combo = QComboBox(self.controls)
        self.group_combo.setObjectName("chartGroupBy")
        for key in GROUPINGS:
            self.group_combo.addItem(GROUPING_LABELS[key], key)
            self.group_combo.setItemData(
                self.group_combo.count() - 1, GROUPING_HELP[key], Qt.ItemDataRole.ToolTipRole
            )
        self.group_combo.currentIndexChanged.connect(self._settings_changed)
        form.addRow("Colour by", self.group_combo)

        self.mode_combo = QComboBox(self.controls)
        self.mode_combo.setObjectName("chartMode")
        self.mode_combo.addItem("Over time", TIME_SERIES)
        self.mode_combo.addItem("Compare (bars)", BARS)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        form.addRow("Show", self.mode_combo)

        self.period_combo = QComboBox(self.controls)
        self.period_combo.setObjectName("chartPeriod")
        self.period_combo.setToolTip("Compare the claims about one period")
        self.period_combo.currentIndexChanged.connect(self._redraw_if_ready)
        form.addRow("Period", self.period_combo)

        self.reference_check = QCheckBox("Reference data", self.controls)
        self.reference_check.setObjectName("chartReference")
        self.reference_check.setChecked(True)
        self.reference_check.toggled.connect(self._settings_changed)
        form.addRow(self.reference_check)

        self.saved_combo = QComboBox(self.controls)
        self.saved_combo.setObjectName("chartSaved")
        self.saved_combo.setPlaceholderText("Saved charts")
        self.saved_combo.activated.connect(self._open_saved)
        save_button = QPushButton("Save…", self.controls)
        save_button.setObjectName("chartSave")
        save_button.clicked.connect(self._ask_save)
        delete_button = QToolButton(self.controls)
        delete_button.setText("Delete")
        delete_button.setObjectName("chartDeleteSaved")
        delete_button.clicked.connect(self._delete_saved)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.saved_combo, 1)
        saved_row.addWidget(save_button)
        saved_row.addWidget(delete_button)
        form.addRow(QLabel("Saved charts"))
        form.addRow(saved_row)

    def _build_plot(self) -> None:
        self.plot_area = QWidget(self)
        column = QVBoxLayout(self.plot_area)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title_label = QLabel(self.plot_area)
        self.title_label.setObjectName("chartTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumWidth(80)
        bar.addWidget(self.title_label, 1)
        self.key_label = QLabel(
            "● exact  ○ approximate  ▲ at least  ▼ at most  — span of a period  "
            "<span style='color:#D62728'>◯ conflicting claims</span>",
            self.plot_area,
        )
        self.key_label.setObjectName("chartKey")
        # Wrap rather than hold the dock wider than the window leaves it.
        self.key_label.setWordWrap(True)
        self.key_label.setMinimumWidth(120)
        self.key_label.setStyleSheet("color: #555555;")
        self.key_label.setToolTip("Click a point to open its sentence; drag to pan, wheel to zoom; click a legend entry to hide it")
        reset = QToolButton(self.plot_area)
        reset.setObjectName("chartResetView")
        reset.setText("Reset view")
        reset.setToolTip("Show all the data again after zooming or panning")
        reset.clicked.connect(self.reset_view)
        bar.addWidget(reset)
        export = QToolButton(self.plot_area)
        export.setObjectName("chartExport")
        export.setText("Export")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction("Chart as PNG…", lambda: self._ask_export("png"))
        menu.addAction("Chart as SVG…", lambda: self._ask_export("svg"))
        menu.addAction("Data as CSV…", lambda: self._ask_export("csv"))
        export.setMenu(menu)
        bar.addWidget(export)
        column.addLayout(bar)
        column.addWidget(self.key_label)

        self.plot_widget = pg.PlotWidget(parent=self.plot_area, background="w")
        self.plot_widget.setObjectName("chartPlot")
        self.plot_widget.installEventFilter(self)
        column.addWidget(self.plot_widget, 1)
        # Said in words instead of an empty plot with meaningless axes.
        self.empty_label = QLabel(self.plot_area)
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666666;")
        self.empty_label.setVisible(False)
        column.addWidget(self.empty_label, 1)
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.date_axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        self.category_axis = pg.AxisItem(orientation="bottom")
        # Categories are 0, 1, 2 …: no "(x0.001)" scaling of their positions.
        self.category_axis.enableAutoSIPrefix(False)
        self.plot.setAxisItems({"bottom": self.date_axis})
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for axis in (self.plot.getAxis("left"), self.date_axis, self.category_axis):
            axis.setTextPen("#222222")
            axis.setPen("#555555")
        # The legend sits right of the plot, in the plot's own grid, so it never hides a point.
        self.legend = pg.LegendItem(labelTextColor="#222222", verSpacing=-4)
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.plot.layout.addItem(self.legend, 2, 3)
        self.plot.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # In a narrow dock the same entries float over the plot's top right corner instead
        # (draggable), rather than squeezing the plot to nothing.
        self.inner_legend = pg.LegendItem(
            offset=(-6, 6), labelTextColor="#222222", verSpacing=-4,
            brush=pg.mkBrush(255, 255, 255, 215), pen=pg.mkPen("#cccccc"),
        )
        self.inner_legend.setParentItem(self.plot.getViewBox())
        self.inner_legend.setVisible(False)
        self._legends = _BothLegends(self.legend, self.inner_legend)
        self.plot.layout.setColumnStretchFactor(3, 0)
        self.highlight = pg.ScatterPlotItem(
            symbol="o", size=28, pen=pg.mkPen(draw.HIGHLIGHT_COLOUR, width=4), brush=None, antialias=True
        )
        self.highlight.setZValue(10)
        self.highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

        self._hover = draw.HoverIndex([])
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    # --- settings ------------------------------------------------------------------------------

    def checked_measures(self) -> list[str]:
        return _checked(self.measure_list)

    def checked_subjects(self) -> list[str]:
        return _checked(self.subject_list)

    def settings(self) -> dict[str, Any]:
        """What this chart shows, as saved under a name in the archive."""
        return {
            "measures": self.checked_measures(),
            "subjects": self.checked_subjects(),
            "group_by": self.group_combo.currentData(),
            "mode": self.mode_combo.currentData(),
            "period": self.period_combo.currentData() or ALL_PERIODS,
            "reference": self.reference_check.isChecked(),
        }

    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Show the chart ``settings`` describe (unknown measures are ignored)."""
        self._updating = True
        try:
            measures = set(settings.get("measures") or [])
            for i in range(self.measure_list.count()):
                item = self.measure_list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in measures else Qt.CheckState.Unchecked)
            self._fill_subjects(set(settings.get("subjects") or []))
            _select_data(self.group_combo, settings.get("group_by", "claimant"))
            _select_data(self.mode_combo, settings.get("mode", TIME_SERIES))
            self.reference_check.setChecked(bool(settings.get("reference", True)))
        finally:
            self._updating = False
        self._load(period=settings.get("period") or ALL_PERIODS)

    # --- data ----------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the archive again (after any change) and redraw, keeping the choices made."""
        kept = self.settings() if self.measure_list.count() else None
        with self.archive.session() as session:
            choices = chart_choices(session)
            self._saved = [c.name for c in list_charts(session)]
        self._choices = choices
        self._updating = True
        try:
            self.measure_list.clear()
            counts: dict[str, int] = {}
            for measure, _subject, n in choices:
                counts[measure] = counts.get(measure, 0) + n
            wanted = set(kept["measures"]) & set(counts) if kept else set()
            if not wanted and counts:
                # A first look: the measure with the most claims.
                wanted = {max(counts, key=lambda m: counts[m])}
            for measure in sorted(counts, key=lambda m: (-counts[m], m)):
                item = QListWidgetItem(f"{measure or '(no measure)'} ({counts[measure]:,})")
                item.setToolTip(item.text())
                item.setData(Qt.ItemDataRole.UserRole, measure)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if measure in wanted else Qt.CheckState.Unchecked)
                self.measure_list.addItem(item)
            self._fill_subjects(set(kept["subjects"]) if kept else set())
            self.saved_combo.clear()
            self.saved_combo.addItems(self._saved)
            self.saved_combo.setCurrentIndex(-1)
        finally:
            self._updating = False
        self._load(period=kept["period"] if kept else None)

    def _fill_subjects(self, wanted: set[str]) -> None:
        measures = set(self.checked_measures())
        counts: dict[str, int] = {}
        for measure, subject, n in getattr(self, "_choices", []):
            if measure in measures:
                key = subject or ""
                counts[key] = counts.get(key, 0) + n
        self.subject_list.clear()
        for subject in sorted(counts, key=lambda s: (-counts[s], s)):
            item = QListWidgetItem(f"{subject or '(no subject)'} ({counts[subject]:,})")
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, subject)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if subject in wanted else Qt.CheckState.Unchecked)
            self.subject_list.addItem(item)

    def _load(self, period: str | None = None) -> None:
        """Build the frame for the current choices, then show it (``period`` for bars).

        Small charts are built at once; above ``BACKGROUND_ABOVE`` statistics the frame is built
        on a worker thread so the window stays responsive, and ``ready`` tells when it is drawn.
        """
        self._generation += 1
        measures = self.checked_measures()
        options: dict[str, Any] = {
            "measures": measures,
            "subjects": self.checked_subjects() or None,
            "group_by": self.group_combo.currentData(),
            "include_reference": self.reference_check.isChecked(),
        }
        if not measures:
            self._frame_arrived(self._generation, pd.DataFrame(columns=list(COLUMNS)), period)
            return
        if sum(n for m, _s, n in self._choices if m in measures) <= BACKGROUND_ABOVE:
            with self.archive.session() as session:
                frame = chart_frame(session, **options)
            self._frame_arrived(self._generation, frame, period)
            return
        self.title_label.setText("Reading the statistics…")
        # Each job brings its own signals, which it keeps alive while it may emit: closing the pane
        # mid-build deletes the pane, never the object the worker emits on, and Qt drops the
        # connections to a deleted pane.
        signals = _JobSignals()
        signals.done.connect(self._frame_arrived)
        signals.failed.connect(self._frame_failed)
        job = _FrameJob(self.archive, options, self._generation, period, signals)
        QThreadPool.globalInstance().start(job)

    @Slot(int, object, object)
    def _frame_arrived(self, generation: int, frame: pd.DataFrame, period: str | None) -> None:
        if generation != self._generation:
            return  # the choices changed while it was being built
        self.frame = frame
        # Rows for tooltips are looked up by id when hovered, not built for every point now.
        self._by_id = frame.set_index("id", drop=False) if "id" in frame else frame
        previous = self.period_combo.currentData()
        self._updating = True
        try:
            self.period_combo.clear()
            self.period_combo.addItem("All periods", ALL_PERIODS)
            for year in _single_years(frame):
                self.period_combo.addItem(year, year)
            _select_data(self.period_combo, period if period is not None else previous or ALL_PERIODS)
        finally:
            self._updating = False
        self._redraw()

    @Slot(int, str)
    def _frame_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.title_label.setText(f"The chart could not be read: {message}")

    def _row(self, statistic_id: int) -> Any:
        """One statistic of the chart as an object with its columns as attributes, or None."""
        try:
            row = self._by_id.loc[statistic_id]
        except KeyError:
            return None
        if isinstance(row, pd.DataFrame):
            row = row.iloc[0]
        return SimpleNamespace(**{str(k): v for k, v in row.items()})

    # --- drawing -------------------------------------------------------------------------------

    def _clear(self) -> None:
        self._legends.clear()
        self.plot.clear()
        # draw.py adds its items straight to the view box (see draw._add).
        self.plot.getViewBox().clear()

    def _redraw(self) -> None:
        self._clear()
        # Auto range would refit (and every clipped curve recompute) after each added item: off
        # while drawing, back on in reset_view().
        self.plot.getViewBox().disableAutoRange()
        mode = self.mode_combo.currentData()
        self.period_combo.setEnabled(mode == BARS)
        frame = _fold_small_groups(self.frame, MAX_SERIES, self.group_combo.currentText().lower())
        colours = draw.colour_for([str(g) for g in frame["group"].unique()]) if "group" in frame else {}
        if mode == BARS:
            period = self.period_combo.currentData() or ALL_PERIODS
            frame = _in_period(frame, period)
            self.plot.setAxisItems({"bottom": self.category_axis})
            grouping = self.group_combo.currentData()
            caption = "place" if grouping == "claimant" else "claimant"
            self.drawn, self.drawn_ticks = draw.draw_bars(
                self.plot, self._legends, frame, colours, bar_labels=caption
            )
            self.category_axis.setTicks([self.drawn_ticks, []])
            self.plot.setLabel("bottom", GROUPING_LABELS[self.group_combo.currentData()])
        else:
            self.drawn_ticks = []
            self.plot.setAxisItems({"bottom": self.date_axis})
            self.drawn = (
                draw.draw_time_series(self.plot, self._legends, frame, colours)
                if not frame.empty
                else draw.Drawn()
            )
            self.plot.setLabel("bottom", "Period")
        self.shown = frame
        self.plot.setLabel("left", _value_label(frame))
        self.title_label.setText(_title(frame, self.group_combo.currentText()))
        # The plot's own title travels with PNG and SVG exports.
        self.plot.setTitle(self._plot_title(), color="#222222", size="11pt")
        for scatter in self.drawn.scatters:
            scatter.sigClicked.connect(self._points_clicked)
        self.plot.addItem(self.highlight, ignoreBounds=True)
        empty = not self.drawn.positions and not self.drawn.references
        if empty:
            if not self._choices:
                text = "No statistics to chart yet.\nRecord a statistic in the reader, or import a table as reference data."
            elif frame.empty:
                text = "Choose a measure to chart."
            else:
                text = "These statistics have no period or value to plot."
            self.empty_label.setText(text)
        self.empty_label.setVisible(empty)
        self.plot_widget.setVisible(not empty)
        if self._highlighted is not None:
            self._place_highlight(self._highlighted, scroll=False)
        self.reset_view()
        self._hover = self.drawn.hover_index()
        self._place_legend()
        self.ready.emit()

    def _place_legend(self) -> None:
        """Legend beside the plot when there is room, else over its top right corner."""
        needed = self.legend.layout.preferredWidth()
        inside = needed > 0 and self.plot_widget.width() < needed * 2.8
        self.inner_legend.setVisible(inside)
        self.legend.setVisible(not inside)
        # The plot's grid gives the legend what it asks for only when asked explicitly.
        width = 0.0 if inside else needed
        self.legend.setMinimumWidth(width)
        self.legend.setMaximumWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The plot widget's own resize, after the layouts gave it its new width.
        if watched is self.plot_widget and event.type() == QEvent.Type.Resize:
            self._place_legend()
        return super().eventFilter(watched, event)

    def _plot_title(self) -> str:
        measures = self.checked_measures()
        if not measures:
            return ""
        what = ", ".join(m or "(no measure)" for m in measures[:3]) + (" …" if len(measures) > 3 else "")
        subjects = self.checked_subjects()
        if subjects:
            what += " – " + ", ".join(s or "(no subject)" for s in subjects[:2]) + (" …" if len(subjects) > 2 else "")
        by = self.group_combo.currentText().lower()
        if self.mode_combo.currentData() == BARS:
            period = self.period_combo.currentData()
            return f"{what.capitalize()} by {by}" + (f", {period}" if period else ", all periods")
        return f"{what.capitalize()} over time, by {by}"

    @Slot()
    def reset_view(self) -> None:
        """Show all the data again."""
        # Auto range (rather than one autoRange() now) refits once the widget has its real size.
        view = self.plot.getViewBox()
        view.setDefaultPadding(0.06)
        view.enableAutoRange()
        view.updateAutoRange()
        if self.mode_combo.currentData() == BARS and self.drawn_ticks:
            # Bars keep their width: show every category with half a bar of margin either side.
            view.setXRange(-0.7, len(self.drawn_ticks) - 0.3, padding=0)
            # Bars stand on zero: no negative margin under counts.
            tops = self.shown[["value", "low", "high"]].max(axis=1)
            bottoms = self.shown[["value", "low", "high"]].min(axis=1)
            if tops.notna().any():
                top, bottom = float(tops.max()), min(0.0, float(bottoms.min()))
                margin = (top - bottom) * 0.02 or 1.0
                view.setYRange(bottom - margin, top + 5 * margin, padding=0)

    @Slot(object)
    def _mouse_moved(self, scene_position: Any) -> None:
        """Tooltip for the value under the mouse: claims' points and reference lines alike."""
        view = self.plot.getViewBox()
        found = None
        if view.sceneBoundingRect().contains(scene_position):
            point = view.mapSceneToView(scene_position)
            found = self._hover.nearest(point.x(), point.y(), view.viewPixelSize())
        if found is not None:
            view.setToolTip(self._tip(x=0.0, y=0.0, data=found))
        elif view.toolTip():
            view.setToolTip("")

    def _tip(self, x: float, y: float, data: Any) -> str:
        row = self._row(int(data)) if data is not None else None
        return draw.tooltip(row) if row is not None else (format_number(y) or "?")

    @Slot(object, object, object)
    def _points_clicked(self, _item: Any, points: Any, _event: Any) -> None:
        if len(points) == 0:
            return
        statistic_id = int(points[0].data())
        self.highlight_statistic(statistic_id)
        self.statistic_clicked.emit(statistic_id)

    @Slot(int)
    def highlight_statistic(self, statistic_id: int) -> None:
        """Ring the point of ``statistic_id`` (selected elsewhere), bringing it into view."""
        self._highlighted = statistic_id
        self._place_highlight(statistic_id, scroll=True)

    def highlighted_statistic(self) -> int | None:
        """The statistic ringed on the chart, if it is drawn."""
        if self._highlighted in self.drawn.positions and self.highlight.isVisible():
            return self._highlighted
        return None

    def _place_highlight(self, statistic_id: int, *, scroll: bool) -> None:
        position = self.drawn.positions.get(statistic_id)
        if position is None:
            self.highlight.setData([], [])
            self.highlight.setVisible(False)
            return
        x, y = position
        self.highlight.setData([x], [y])
        self.highlight.setVisible(True)
        if scroll:
            (x0, x1), (y0, y1) = self.plot.viewRange()
            if not (x0 <= x <= x1 and y0 <= y <= y1):
                self.plot.getViewBox().translateBy(x=x - (x0 + x1) / 2, y=y - (y0 + y1) / 2)

    # --- reacting to the controls --------------------------------------------------------------

    @Slot()
    def _measures_changed(self) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            self._fill_subjects(set(self.checked_subjects()))
        finally:
            self._updating = False
        self._settings_changed()

    @Slot()
    def _settings_changed(self) -> None:
        if self._updating:
            return
        self._load()

    @Slot()
    def _mode_changed(self) -> None:
        if self._updating:
            return
        if self.mode_combo.currentData() == BARS and not self.period_combo.currentData():
            # Bars compare claims about one period: start with the year most claims are about.
            year = _busiest_year(self.frame)
            if year:
                self._updating = True
                try:
                    _select_data(self.period_combo, year)
                finally:
                    self._updating = False
        self._redraw()

    @Slot()
    def _redraw_if_ready(self) -> None:
        if not self._updating:
            self._redraw()

    # --- export --------------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int = 1600) -> Path:
        """Write the chart as a PNG image ``width`` pixels wide."""
        exporter = ImageExporter(self.plot)
        exporter.parameters()["width"] = width
        exporter.parameters()["antialias"] = True
        path = Path(path)
        # The exporter ignores QImage.save() failing: check the file is there.
        stamp = path.stat().st_mtime_ns if path.exists() else None
        exporter.export(str(path))
        if not path.exists() or path.stat().st_mtime_ns == stamp:
            raise OSError(f"cannot write {path}")
        return path

    def export_svg(self, path: str | Path) -> Path:
        """Write the chart as an SVG drawing."""
        return export_svg(self.plot, path)

    def export_csv(self, path: str | Path) -> Path:
        """Write the statistics on the chart (one row each, with their provenance) as CSV."""
        columns = [c for c in self.shown.columns if c not in {"x", "y", "x0", "x1"}]
        out = self.shown.loc[:, columns].copy()
        for column in ("x_start", "x_end"):
            if column in out:
                out[column] = out[column].dt.strftime("%Y-%m-%d")
        out.to_csv(path, index=False)
        return Path(path)

    def _ask_export(self, kind: str) -> None:
        filters = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "csv": "CSV table (*.csv)"}
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", f"chart.{kind}", filters[kind])
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"  # the PNG writer picks its format by the suffix
        try:
            {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}[kind](path)
        except (OSError, ValueError, RuntimeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            QMessageBox.warning(self, "Export chart", f"{path}: {reason}")

    # --- saved charts --------------------------------------------------------------------------

    def save_as(self, name: str) -> None:
        """Save this chart's settings under ``name`` in the archive."""
        with self.archive.session() as session:
            save_chart(session, name, self.settings())
            self._saved = [c.name for c in list_charts(session)]
        self.saved_combo.clear()
        self.saved_combo.addItems(self._saved)
        self.saved_combo.setCurrentText(name.strip())

    def open_saved(self, name: str) -> bool:
        """Show the chart saved under ``name``; False when there is none."""
        with self.archive.session() as session:
            settings = load_chart(session, name)
        if settings is None:
            return False
        self.apply_settings(settings)
        return True

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, "Save chart", "Name:", text=self.saved_combo.currentText())
        if ok and name.strip():
            self.save_as(name)

    @Slot(int)
    def _open_saved(self, index: int) -> None:
        if index >= 0:
            self.open_saved(self.saved_combo.itemText(index))

    def _delete_saved(self) -> None:
        name = self.saved_combo.currentText()
        if not name:
            return
        with self.archive.session() as session:
            delete_chart(session, name)
        self.saved_combo.removeItem(self.saved_combo.currentIndex())
        self.saved_combo.setCurrentIndex(-1)


class _BothLegends:
    """The side legend and the floating one, filled alike (only one shows at a time)."""

    def __init__(self, *legends: pg.LegendItem) -> None:
        self.legends = legends

    def addItem(self, item: Any, name: str) -> None:  # pyqtgraph LegendItem.addItem's name
        for legend in self.legends:
            legend.addItem(item, name)

    def clear(self) -> None:
        for legend in self.legends:
            legend.clear()


class _JobSignals(QObject):
    """The signals of one frame job; no parent, so the pane's end is not theirs."""

    done = Signal(int, object, object)
    failed = Signal(int, str)


class _FrameJob(QRunnable):
    """Build a chart frame on a worker thread, with its own session."""

    def __init__(
        self, archive: Archive, options: dict[str, Any], generation: int, period: str | None, signals: _JobSignals
    ) -> None:
        super().__init__()
        self.archive, self.options, self.generation, self.period = archive, options, generation, period
        self.signals = signals

    def run(self) -> None:
        try:
            with self.archive.session() as session:
                frame = chart_frame(session, **self.options)
        except Exception as error:  # reported in the pane; a worker must not die silently
            self._emit(self.signals.failed, self.generation, str(error))
            return
        self._emit(self.signals.done, self.generation, frame, self.period)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the program is quitting: nobody to tell
            signal.emit(*args)


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _single_years(frame: pd.DataFrame) -> list[str]:
    """The years some claims are about as a whole or within (what bars can compare)."""
    if frame.empty:
        return []
    start, end = frame["x_start"], frame["x_end"]
    same = start.notna() & (start.dt.year == end.dt.year)
    return [str(y) for y in sorted(start[same].dt.year.unique().tolist())]


def _fold_small_groups(frame: pd.DataFrame, keep: int, noun: str) -> pd.DataFrame:
    """The ``keep`` - 1 groups with the most claims (then values), the rest as one grey group.

    Hundreds of sources or claimants as separate series would give hundreds of colours nobody
    can tell apart, a legend taller than the window and seconds of drawing; each point's tooltip
    still names its own source and claimant.
    """
    if frame.empty or "group" not in frame:
        return frame
    groups = frame["group"]
    if groups.nunique() <= keep:
        return frame
    # Groups with claims come first (they are what the chart is about), then the biggest.
    claims = groups[~frame["is_reference"].astype(bool)].value_counts()
    sizes = groups.value_counts()
    ranking = sorted(sizes.index, key=lambda g: (-int(claims.get(g, 0)), -int(sizes[g]), str(g)))
    kept = set(ranking[: keep - 1])
    others = len(ranking) - len(kept)
    label = f"({others:,} other {noun}s)"
    return frame.assign(group=frame["group"].where(frame["group"].isin(kept), label))


def _busiest_year(frame: pd.DataFrame) -> str | None:
    """The year with the most claims (not reference values) about it alone; the latest on a tie."""
    if frame.empty:
        return None
    claims = frame[~frame["is_reference"]]
    start, end = claims["x_start"], claims["x_end"]
    years = start[start.notna() & (start.dt.year == end.dt.year)].dt.year
    if years.empty:
        return None
    counts = years.value_counts()
    best = counts[counts == counts.max()].index.max()
    return str(int(best))


def _in_period(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """The claims about ``period`` (a year) or within it; all claims when it is empty."""
    if not period or frame.empty:
        return frame
    first = pd.Timestamp(f"{period}-01-01")
    last = pd.Timestamp(f"{period}-12-31")
    return frame[(frame["x_start"] >= first) & (frame["x_end"] <= last)]


def _value_label(frame: pd.DataFrame) -> str:
    """The y axis: the measure and its unit when there is one of each."""
    if frame.empty or "measure" not in frame:
        return "Value"
    measures = frame["measure"].dropna().unique()
    units = frame["unit"].dropna().unique()
    measure = measures[0] if len(measures) == 1 else "Value"
    label = str(measure).capitalize() if measure else "Value"
    if len(units) == 1:
        label += f" ({units[0]})"
    return label


def _title(frame: pd.DataFrame, grouping: str) -> str:
    if frame.empty or "measure" not in frame:
        return "No statistics chosen"
    claims = int((~frame["is_reference"]).sum())
    reference = len(frame) - claims
    parts = [f"{claims:,} claim{'s' if claims != 1 else ''}"]
    if reference:
        parts.append(f"{reference:,} reference value{'s' if reference != 1 else ''}")
    conflicts = int(frame["conflict"].sum())
    if conflicts:
        parts.append(f"{conflicts} in conflict (red rings)")
    return " · ".join(parts) + f" — coloured by {grouping.lower()}"


__all__ = ["ChartPane"]
