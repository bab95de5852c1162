"""The actor network pane (objectName "networkView"): actors and the ties between them, laid out
in the background and kept in place between refreshes.

Filters by period, kind of actor, co-mentions (in a sentence, in a source, or none) and their
minimum weight. A click on an actor emits ``actor_clicked(id)``; a click on a tie lists its
evidence beside the plot, and a click on a passage there emits ``span_clicked(source, start,
end)`` (or ``source_clicked(source)`` for a whole source). Exports: PNG, SVG, GEXF (Gephi),
GraphML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.archive import Archive
from db.interchange import graphs
from db.network import Evidence, Network, NetworkFilter
from desktop.charts import export
from desktop.charts.holder import beside
from desktop.charts.network.layout import Positions, layout
from desktop.charts.network.plot import KINDS, NetworkPlot
from desktop.charts.reading import ReadingPane
from desktop.reads import network as reads
from desktop.tasks import Task, TaskRunner

_CO_MENTIONS = (("in a sentence", "sentence"), ("in a source", "source"), ("not shown", "none"))


def _year_box(parent: QWidget, name: str, tip: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(1899, 2100)
    box.setSpecialValueText("any")  # the minimum: no bound
    box.setValue(1899)
    box.setToolTip(tip)
    return box


class NetworkPane(ReadingPane):
    actor_clicked = Signal(int)
    span_clicked = Signal(int, int, int)
    source_clicked = Signal(int)
    #: the evidence of a tie arrived in the list
    evidence_shown = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("networkView")
        self.archive = archive
        self.network = Network([], [])
        self.positions: Positions = {}
        self.where = NetworkFilter()
        self.plot = NetworkPlot(self)
        self._evidence_generation = 0
        self.evidence: list[Evidence] = []

        filters = QHBoxLayout()
        self.from_year = _year_box(self, "networkFrom", "Only sources published and relations from this year")
        self.to_year = _year_box(self, "networkTo", "Only sources published and relations until this year")
        filters.addWidget(QLabel("From", self))
        filters.addWidget(self.from_year)
        filters.addWidget(QLabel("to", self))
        filters.addWidget(self.to_year)
        self.kinds_button = QToolButton(self)
        self.kinds_button.setObjectName("networkKinds")
        self.kinds_button.setText("Kinds")
        self.kinds_button.setToolTip("Which kinds of actor the network shows")
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kinds_menu = QMenu(self.kinds_button)
        self.kind_actions: dict[str, QAction] = {}
        for kind, (_symbol, _colour, name) in KINDS.items():
            action = kinds_menu.addAction(name)
            action.setObjectName(f"networkKind_{kind}")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filters_changed)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(kinds_menu)
        filters.addWidget(self.kinds_button)
        self.co_mentions = QComboBox(self)
        self.co_mentions.setObjectName("networkCoMentions")
        for text, value in _CO_MENTIONS:
            self.co_mentions.addItem(text, value)
        self.min_weight = QSpinBox(self)
        self.min_weight.setObjectName("networkMinWeight")
        self.min_weight.setRange(1, 10_000)
        self.min_weight.setPrefix("at least ")
        self.min_weight.setToolTip("Co-mentions named together fewer times are left out (relations always show)")
        filters.addWidget(QLabel("Co-mentions", self))
        filters.addWidget(self.co_mentions)
        filters.addWidget(self.min_weight)
        filters.addStretch(1)
        for box in (self.from_year, self.to_year, self.min_weight):
            box.editingFinished.connect(self._filters_changed)
        self.co_mentions.activated.connect(self._filters_changed)

        self.evidence_title = QLabel("Click a tie to see what ties the two actors.", self)
        self.evidence_title.setWordWrap(True)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName("networkEvidence")
        self.evidence_list.setWordWrap(True)
        self.evidence_list.itemActivated.connect(self._passage_chosen)
        self.evidence_list.itemClicked.connect(self._passage_chosen)
        splitter = beside(self, self.plot, [self.evidence_title, self.evidence_list], width=260)

        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(4, 4, 4, 4)
        layout_.addLayout(self.tool_bar(title="Export network", exports={
            "png": ("Network as PNG…", self.export_png), "svg": ("Network as SVG…", self.export_svg),
            "gexf": ("Graph as GEXF (Gephi)…", self.export_gexf),
            "graphml": ("Graph as GraphML…", self.export_graphml)}, reset=self.plot.reset_view))
        symbols = {"o": "●", "s": "■", "t": "▼", "d": "◆", "p": "⬟", "h": "⬢", "star": "★"}
        key = QLabel(" ".join(f"<span style='color:{c}'>{symbols[m]}</span> {n}" for m, c, n in KINDS.values())
                     + " · <b>—</b> relation · <span style='color:#1f77b4'>—</span> named in one sentence"
                     " · <span style='color:#999999'>—</span> in one source (wider: more often)", self)
        key.setObjectName("networkKey")
        key.setWordWrap(True)
        key.setStyleSheet("color: #555555;")
        key.setToolTip("Click an actor to select it, a tie to see its evidence; drag to pan, wheel to zoom")
        layout_.addLayout(filters)
        layout_.addWidget(key)
        layout_.addWidget(splitter, 1)
        self.plot.actor_clicked.connect(self.actor_clicked)
        self.plot.edge_clicked.connect(self.show_evidence)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    def current_filter(self) -> NetworkFilter:
        def year(box: QSpinBox, first: bool) -> dt.date | None:
            if box.value() == box.minimum():
                return None
            return dt.date(box.value(), 1, 1) if first else dt.date(box.value(), 12, 31)

        kinds = frozenset(k for k, a in self.kind_actions.items() if a.isChecked())
        return NetworkFilter(start=year(self.from_year, True), end=year(self.to_year, False),
                             kinds=frozenset() if len(kinds) == len(KINDS) else kinds,
                             min_weight=self.min_weight.value(), co_mentions=self.co_mentions.currentData())

    @Slot()
    def _filters_changed(self) -> None:
        if self.current_filter() != self.where:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the network again and lay it out from where its actors were."""
        archive, where, previous = self.archive, self.current_filter(), dict(self.positions)
        self.where = where

        def job(report: Any, cancelled: Any) -> tuple[Network, Positions] | None:
            found = reads.network(archive, where, report, cancelled)
            if cancelled():
                return None
            ids = [n.id for n in found.nodes]
            ties = [(e.a, e.b, float(e.weight)) for e in found.edges]
            return found, layout(ids, ties, previous, report=report, cancelled=cancelled)

        self.read(job, "lay out the network", self._arrived, saying="Reading and laying out the network…")

    def _arrived(self, result: tuple[Network, Positions]) -> None:
        first = not self.positions
        self.network, laid_out = result
        self.positions = {**self.positions, **laid_out}
        self.plot.draw(self.network, laid_out, keep_view=not first)
        self.status_label.setText(self.summary())

    def summary(self) -> str:
        n, e = len(self.network.nodes), len(self.network.edges)
        if not n:
            return "No ties to show yet: record relations between actors, or mark the actors a source names."
        hidden = f" · {self.network.hidden:,} weaker co-mentions left out" if self.network.hidden else ""
        crowded = self.network.crowded
        lists = (f" · {crowded:,} {'sentence' if self.where.co_mentions == 'sentence' else 'source'}"
                 f"{'' if crowded == 1 else 's'} naming too many actors to tie them (lists, tables)") if crowded else ""
        return f"{n:,} actor{'' if n == 1 else 's'} · {e:,} tie{'' if e == 1 else 's'}{hidden}{lists}"

    # --- evidence ------------------------------------------------------------------------------

    @Slot(int)
    def show_evidence(self, index: int) -> Task:
        """List what ties the two actors of edge ``index``: every tie between them (a relation's
        evidence, the sentences or sources naming both), read in the background."""
        clicked = self.network.edges[index]
        pair = {clicked.a, clicked.b}
        ties = [i for i, e in enumerate(self.network.edges) if {e.a, e.b} == pair]
        edges = [self.network.edges[i] for i in ties]
        archive, where = self.archive, self.where
        self._evidence_generation += 1
        generation = self._evidence_generation
        self.evidence_title.setText("; ".join(self.plot.describe_edge(i) for i in ties))
        self.evidence_list.clear()

        def job(_report: Any, _cancelled: Any) -> list[Evidence]:
            return [passage for edge in edges for passage in reads.evidence(archive, edge, where)]

        task = Task(job, "read a tie's evidence")

        def arrived(found: list[Evidence]) -> None:
            if shiboken6.isValid(self) and generation == self._evidence_generation:
                self._show_passages(found)

        task.on_finished(arrived)
        return self.tasks.read(task)

    def _show_passages(self, found: list[Evidence]) -> None:
        self.evidence = found
        self.evidence_list.clear()
        for number, passage in enumerate(found):
            when = passage.published.iso() if passage.published else "undated"
            item = QListWidgetItem(f"{passage.title} ({when})\n“{passage.quote}”"
                                   if passage.start is not None else f"{passage.title} ({when})")
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip("Click to open it in the reader")
            self.evidence_list.addItem(item)
        if not found:
            self.evidence_list.addItem("No passage recorded for this tie.")
        self.evidence_shown.emit()

    @Slot(QListWidgetItem)
    def _passage_chosen(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if number is None:
            return
        passage = self.evidence[int(number)]
        if passage.start is not None and passage.end is not None:
            self.span_clicked.emit(passage.source_id, passage.start, passage.end)
        else:
            self.source_clicked.emit(passage.source_id)

    def highlight_actor(self, actor_id: int | None) -> bool:
        return self.plot.highlight_actor(actor_id)

    # --- export --------------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int = 1600) -> Path:
        return export.export_png(self.plot.plot, path, width)

    def export_svg(self, path: str | Path) -> Path:
        return export.export_svg(self.plot.plot, path)

    def export_gexf(self, path: str | Path) -> Path:
        return graphs.write_graph(self.network, Path(path), self.positions, suffix=".gexf")

    def export_graphml(self, path: str | Path) -> Path:
        return graphs.write_graph(self.network, Path(path), self.positions, suffix=".graphml")
