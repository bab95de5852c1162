"""The plot of the chart pane: the title and key over it, the pyqtgraph plot with its legends, the
ring round a highlighted statistic and the tooltip of the value under the mouse.

A passive widget: :meth:`ChartPlot.draw` shows the frame it is given (see
:mod:`desktop.charts.draw`); a click on a point emits ``statistic_clicked(id)``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.charts import draw, frames
from desktop.charts.drawn import Drawn, HoverIndex
from desktop.charts.estimates import DrawnEstimates

#: a chart over time of more claims than this is drawn a series a turn of the event loop
STAGED_ABOVE = 2_000
#: how long (seconds) one such turn may go on drawing series before it lets the window run
DRAW_TURN_S = 0.008


class ChartPlot(QWidget):
    """Claims over time or as bars; ``describe(id)`` gives the tooltip of a statistic."""

    statistic_clicked = Signal(int)
    #: the Export menu was used: "png", "svg" or "csv"
    export_requested = Signal(str)

    def __init__(self, describe: Callable[[int], str], parent: QWidget | None = None,
                 plot_widget: pg.PlotWidget | None = None) -> None:
        """``plot_widget``: a white pyqtgraph plot made beforehand (the window makes it a turn
        before the pane: 30-80 ms of its own), else one is made here."""
        super().__init__(parent)
        self._describe = describe
        self.drawn = Drawn()
        #: the category labels under the bars (bars mode)
        self.drawn_ticks: list[tuple[float, str]] = []
        #: the rows drawn now
        self.shown: pd.DataFrame = pd.DataFrame()
        self._bars = False
        #: the draw under way (a later one drops an unfinished one's remaining series)
        self._generation = 0
        self._drawing = False
        self._highlighted: int | None = None
        #: the statistic whose point is under the mouse, if any
        self._hovered: int | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._build_bar())
        column.addWidget(self.key_label)
        self.plot_widget = plot_widget if plot_widget is not None else pg.PlotWidget(background="w")
        self.plot_widget.setParent(self)
        self.plot_widget.setObjectName("chartPlot")
        self.plot_widget.installEventFilter(self)
        column.addWidget(self.plot_widget, 1)
        # Said in words instead of an empty plot with meaningless axes.
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666666;")
        self.empty_label.setVisible(False)
        column.addWidget(self.empty_label, 1)
        self._build_plot()

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("chartTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumWidth(80)
        bar.addWidget(self.title_label, 1)
        self.key_label = QLabel(
            "● exact  ○ approximate  ▲ at least  ▼ at most  — span of a period  "
            "<span style='color:#D62728'>◯ conflicting claims</span>",
            self,
        )
        self.key_label.setObjectName("chartKey")
        # Wrap rather than hold the dock wider than the window leaves it.
        self.key_label.setWordWrap(True)
        self.key_label.setMinimumWidth(120)
        self.key_label.setStyleSheet("color: #555555;")
        self.key_label.setToolTip("Click a point to open its sentence; drag to pan, wheel to zoom; click a legend entry to hide it")
        reset = QToolButton(self)
        reset.setObjectName("chartResetView")
        reset.setText("Reset view")
        reset.setToolTip("Show all the data again after zooming or panning")
        reset.clicked.connect(self.reset_view)
        bar.addWidget(reset)
        export = QToolButton(self)
        export.setObjectName("chartExport")
        export.setText("Export")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction("Chart as PNG…", lambda: self.export_requested.emit("png"))
        menu.addAction("Chart as SVG…", lambda: self.export_requested.emit("svg"))
        menu.addAction("Data as CSV…", lambda: self.export_requested.emit("csv"))
        export.setMenu(menu)
        bar.addWidget(export)
        return bar

    def _build_plot(self) -> None:
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

        self._hover = HoverIndex([])
        #: the estimates drawn beside the claims (their tooltips come from it), if any
        self.estimates: DrawnEstimates | None = None
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    def set_status(self, text: str) -> None:
        """Say ``text`` over the plot (a chart being read, or that it could not be)."""
        self.title_label.setText(text)

    # --- drawing -------------------------------------------------------------------------------

    def draw(
        self,
        frame: pd.DataFrame,
        colours: dict[str, str],
        *,
        bars: bool,
        grouping: str,
        caption: str,
        plot_title: str,
        empty_text: str,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show ``frame`` coloured by ``grouping`` (its label): over time, or with ``bars`` as one
        bar per claim in each group along the axis, each captioned by its ``caption`` column when
        there are few; ``empty_text`` is said instead when nothing in it can be plotted.

        Over time, a frame of more than :data:`STAGED_ABOVE` claims is drawn a series an
        event-loop turn (:attr:`drawing` meanwhile; the plot not painted until it is all there):
        drawing 8,490 claims at once held the window 110-130 ms at a million sources. ``then``
        is called once it is drawn, unless another draw has replaced it."""
        self._clear()
        self._generation += 1
        if self._drawing:  # an unfinished draw's series are gone: the plot may paint again
            self._drawing = False
            self.plot_widget.setUpdatesEnabled(True)
        self._hover = HoverIndex([])
        # Auto range would refit (and every clipped curve recompute) after each added item: off
        # while drawing, back on in reset_view().
        self.plot.getViewBox().disableAutoRange()
        self._bars = bars
        finish = partial(self._drawn_all, frame, grouping, plot_title, empty_text, then)
        if bars:
            self.plot.setAxisItems({"bottom": self.category_axis})
            self.drawn, self.drawn_ticks = draw.draw_bars(
                self.plot, self._legends, frame, colours, bar_labels=caption
            )
            self.category_axis.setTicks([self.drawn_ticks, []])
            self.plot.setLabel("bottom", grouping)
            finish()
            return
        self.drawn_ticks = []
        self.plot.setAxisItems({"bottom": self.date_axis})
        self.drawn = Drawn()
        self.plot.setLabel("bottom", "Period")
        parts = draw.time_series_parts(self.plot, self._legends, frame, colours, self.drawn) if not frame.empty else iter(())
        if len(frame) > STAGED_ABOVE:
            self._drawing = True
            self.plot_widget.setUpdatesEnabled(False)
        self._draw_parts(self._generation, parts, finish)

    @property
    def drawing(self) -> bool:
        """Whether a large chart is being drawn over several turns (``then`` follows)."""
        return self._drawing

    def _draw_parts(self, generation: int, parts: Iterator[None], finish: Callable[[], None]) -> None:
        """Draw the series of ``parts``: all of them now, or while :attr:`drawing` for at most
        :data:`DRAW_TURN_S` and the rest a turn later."""
        if generation != self._generation:
            return  # drawn again since: this one's items went with the plot's clearing
        turn = time.perf_counter()
        for _part in parts:
            if self._drawing and time.perf_counter() - turn > DRAW_TURN_S:
                QTimer.singleShot(0, self, partial(self._draw_parts, generation, parts, finish))
                return
        if self._drawing:
            self._drawing = False
            self.plot_widget.setUpdatesEnabled(True)
        finish()

    def _drawn_all(self, frame: pd.DataFrame, grouping: str, plot_title: str, empty_text: str,
                   then: Callable[[], None] | None) -> None:
        self.shown = frame
        self.plot.setLabel("left", frames.value_label(frame))
        self.title_label.setText(frames.title(frame, grouping))
        # The plot's own title travels with PNG and SVG exports.
        self.plot.setTitle(plot_title, color="#222222", size="11pt")
        for scatter in self.drawn.scatters:
            scatter.sigClicked.connect(self._points_clicked)
        self.plot.addItem(self.highlight, ignoreBounds=True)
        empty = not self.drawn.positions and not self.drawn.references
        if empty:
            self.empty_label.setText(empty_text)
        self.empty_label.setVisible(empty)
        self.plot_widget.setVisible(not empty)
        if self._highlighted is not None:
            self._place_highlight(self._highlighted, scroll=False)
        self.reset_view()
        self._hover = self.drawn.hover_index()
        self.estimates = None  # cleared with the rest; the pane draws them again
        self._place_legend()
        if then is not None:
            then()

    def _clear(self) -> None:
        self._legends.clear()
        self.plot.clear()
        # draw.py adds its items straight to the view box (see draw._add).
        self.plot.getViewBox().clear()

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

    @Slot()
    def reset_view(self) -> None:
        """Show all the data again."""
        # Auto range (rather than one autoRange() now) refits once the widget has its real size.
        view = self.plot.getViewBox()
        view.setDefaultPadding(0.06)
        view.enableAutoRange()
        view.updateAutoRange()
        if self._bars and self.drawn_ticks:
            # Bars keep their width: show every category with half a bar of margin either side.
            view.setXRange(-0.7, len(self.drawn_ticks) - 0.3, padding=0)
            # Bars stand on zero: no negative margin under counts.
            tops = self.shown[["value", "low", "high"]].max(axis=1)
            bottoms = self.shown[["value", "low", "high"]].min(axis=1)
            if tops.notna().any():
                top, bottom = float(tops.max()), min(0.0, float(bottoms.min()))
                margin = (top - bottom) * 0.02 or 1.0
                view.setYRange(bottom - margin, top + 5 * margin, padding=0)

    # --- the mouse, the highlight --------------------------------------------------------------

    @Slot(object)
    def _mouse_moved(self, scene_position: Any) -> None:
        """Tooltip for the value under the mouse: claims' points and reference lines alike."""
        view = self.plot.getViewBox()
        found = None
        tip = ""
        if view.sceneBoundingRect().contains(scene_position):
            point = view.mapSceneToView(scene_position)
            found = self._hover.nearest(point.x(), point.y(), view.viewPixelSize())
            if found is None and self.estimates is not None:
                estimate = self.estimates.under(point.x(), point.y(), view.viewPixelSize())
                tip = estimate.describe() if estimate is not None else ""
        self._hovered = found
        if found is not None:
            view.setToolTip(self._describe(found))
        elif tip:
            view.setToolTip(tip)
        elif view.toolTip():
            view.setToolTip("")

    def describe_again(self, statistic_id: int) -> None:
        """What ``describe`` says of a statistic changed (its quote was read): the tooltip says
        it now if its point is still under the mouse."""
        if statistic_id == self._hovered:
            self.plot.getViewBox().setToolTip(self._describe(statistic_id))

    @Slot(object, object, object)
    def _points_clicked(self, _item: Any, points: Any, _event: Any) -> None:
        if len(points) == 0:
            return
        statistic_id = int(points[0].data())
        self.highlight_statistic(statistic_id)
        self.statistic_clicked.emit(statistic_id)

    def highlight_statistic(self, statistic_id: int) -> None:
        """Ring the point of ``statistic_id``, bringing it into view (now and after redraws)."""
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
