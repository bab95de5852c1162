"""The timeline pane (objectName "timelineView"): when sources were published, which periods
claims are about, when relations began and ended.

Filters by actor, code and measure; a click on a source emits ``source_clicked(id)``, on a claim
``statistic_clicked(id)``, on a relation with evidence ``span_clicked(source, start, end)`` (the
window opens the source there). ``highlight_source``/``highlight_statistic`` ring an item
selected elsewhere. Reads run on the window's task runner, through :mod:`desktop.reads.timeline`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.archive import Archive
from db.timeline import Timeline, TimelineChoices, TimelineFilter
from desktop.charts import export
from desktop.charts.reading import ReadingPane
from desktop.charts.timeline.arrays import LaneArrays
from desktop.charts.timeline.plot import LANES, TimelinePlot
from desktop.reads import timeline as reads
from desktop.tasks import TaskRunner

ANY = "Any"


def _combo(parent: QWidget, name: str, tip: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class TimelinePane(ReadingPane):
    source_clicked = Signal(int)
    statistic_clicked = Signal(int)
    #: a relation's evidence: source id, start, end
    span_clicked = Signal(int, int, int)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("timelineView")
        self.archive = archive
        self.data: Timeline | None = None
        self._choices: TimelineChoices | None = None
        self.plot = TimelinePlot(self)

        filters = QHBoxLayout()
        self.actor_combo = _combo(self, "timelineActor", "Only what concerns this actor")
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.code_combo = _combo(self, "timelineCode", "Only sources with this code, and their claims")
        self.measure_combo = _combo(self, "timelineMeasure", "Only claims of this measure, and their sources")
        for label, combo in (("Actor", self.actor_combo), ("Code", self.code_combo), ("Measure", self.measure_combo)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(combo, 1)
            combo.addItem(ANY, None)
            combo.activated.connect(self._filters_changed)
        self.key_label = QLabel(
            " ".join(f"<span style='color:{c}'>■</span> {t}" for _k, t, c in LANES)
            + " · ● a day · ▬ a month, a year (lighter) or a period", self)
        self.key_label.setStyleSheet("color: #555555;")
        self.key_label.setToolTip("Click an item to open it; drag to pan, wheel to zoom; click a histogram to zoom in")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.tool_bar(
            title="Export timeline",
            exports={"png": ("Timeline as PNG…", self.export_png), "svg": ("Timeline as SVG…", self.export_svg)},
            reset=self.plot.reset_view))
        layout.addLayout(filters)
        layout.addWidget(self.key_label)
        layout.addWidget(self.plot, 1)
        self.plot.item_clicked.connect(self._item_clicked)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        return TimelineFilter(actor_id=self.actor_combo.currentData(), code_id=self.code_combo.currentData(),
                              measure=self.measure_combo.currentData())

    @Slot()
    def refresh(self) -> None:
        """Read the archive again (after any change), keeping the filters and the view."""
        archive, where = self.archive, self.current_filter()

        def job(_report: Any, cancelled: Any) -> reads.TimelineRead | None:
            return None if cancelled() else reads.timeline(archive, where)

        self.read(job, "read the timeline", self._arrived, saying="Reading the timeline…")

    @Slot()
    def _filters_changed(self) -> None:
        if self.actor_combo.currentIndex() < 0:  # typed text that names no actor
            self.actor_combo.setCurrentIndex(0)
        self.refresh()

    def set_actor(self, actor_id: int | None) -> None:
        """Filter by ``actor_id`` (None: any), as if chosen in the Actor box."""
        index = self.actor_combo.findData(actor_id) if actor_id is not None else 0
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.refresh()

    def _arrived(self, result: reads.TimelineRead) -> None:
        first = self.data is None
        self._set_choices(result.choices)
        self.data = result.timeline
        lanes = {"sources": result.timeline.sources, "claims": result.timeline.claims,
                 "relations": result.timeline.relations}
        self.plot.set_lanes({k: LaneArrays.of(v) for k, v in lanes.items()}, keep_view=not first)
        self.status_label.setText(self.summary())

    def summary(self) -> str:
        """What the timeline shows, in words."""
        data = self.data
        if data is None:
            return ""
        lanes = (("source", data.sources), ("claim", data.claims), ("relation", data.relations))
        shown = " · ".join(f"{len(lane):,} {noun}{'' if len(lane) == 1 else 's'}" for noun, lane in lanes)
        undated = sum(lane.undated for _n, lane in lanes)
        if not any(len(lane) for _n, lane in lanes):
            return "Nothing dated to show yet: give sources a publication date, claims a period." + (
                f" ({undated:,} undated)" if undated else "")
        return shown + (f" · {undated:,} undated (not drawn)" if undated else "")

    def _set_choices(self, choices: TimelineChoices) -> None:
        if choices == self._choices:
            return
        self._choices = choices
        options = (
            (self.actor_combo, [(f"{name} ({kind.replace('_', ' ')})", i) for i, name, kind in choices.actors]),
            (self.code_combo, [(name, i) for i, name in choices.codes]),
            (self.measure_combo, [(m, m) for m in choices.measures]),
        )
        for combo, items in options:
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(kept), 0) if kept is not None else 0)
            combo.blockSignals(False)
        completer = self.actor_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    # --- clicks and highlights -----------------------------------------------------------------

    @Slot(str, int)
    def _item_clicked(self, lane: str, item_id: int) -> None:
        if lane == "sources":
            self.source_clicked.emit(item_id)
        elif lane == "claims":
            self.statistic_clicked.emit(item_id)
        elif self.data is not None and item_id in self.data.evidence:
            self.span_clicked.emit(*self.data.evidence[item_id])

    def highlight_source(self, source_id: int) -> bool:
        return self.plot.highlight_item("sources", source_id)

    def highlight_statistic(self, statistic_id: int) -> bool:
        return self.plot.highlight_item("claims", statistic_id)

    # --- export --------------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int = 1600) -> Path:
        return export.export_png(self.plot.plot, path, width)

    def export_svg(self, path: str | Path) -> Path:
        return export.export_svg(self.plot.plot, path)
