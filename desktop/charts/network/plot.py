"""The network's plot: actors as marks (shape and colour by kind, size by the sources that name
them), ties as lines (relations dark, co-mentions in a sentence blue, in a source grey, wider
the more often), names beside the most connected actors.

Everything of a kind is one pyqtgraph item (one scatter for all actors, one line item per kind
and weight class), so thousands of ties pan and zoom at the speed of a few. A click on an actor
emits ``actor_clicked(id)``, on a tie ``edge_clicked(index)``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from db.network import Edge, Network, Node
from desktop.charts.holder import PlotHolder

#: kind -> (symbol, colour, what the key calls it)
KINDS = {
    "person": ("o", "#4C72B0", "person"),
    "organisation": ("s", "#55A868", "organisation"),
    "armed_group": ("t", "#C44E52", "armed group"),
    "state_body": ("d", "#8172B2", "state body"),
    "place": ("p", "#CCB974", "place"),
    "media_outlet": ("h", "#64B5CD", "outlet"),
    "other": ("star", "#8C8C8C", "other"),
}
#: edge kind -> (colour, alpha)
EDGE_STYLES = {"relation": ("#333333", 220), "sentence": ("#1f77b4", 110), "source": ("#999999", 70)}
#: names shown beside this many of the most connected actors
LABELS = 30
#: a relation's predicate is written along it when there are no more relations than this
RELATION_LABELS = 40


def _weight_class(weight: int) -> int:
    return 0 if weight <= 1 else 1 if weight <= 4 else 2


class NetworkPlot(PlotHolder):
    actor_clicked = Signal(int)
    edge_clicked = Signal(int)
    redrawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("networkPlot", parent, axes=False)
        self.view.setAspectLocked(True)
        self.network = Network([], [])
        self.positions: dict[int, tuple[float, float]] = {}
        #: edge segments (x0, y0, x1, y1) in the order of ``network.edges``
        self.segments = np.zeros((0, 4))
        self._edge_items: list[pg.PlotCurveItem] = []
        self.nodes = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=None)
        self.nodes.setZValue(5)
        self.nodes.sigClicked.connect(self._node_clicked)
        self.plot.addItem(self.nodes)
        self.ring = pg.ScatterPlotItem(symbol="o", size=26, pen=pg.mkPen("#D62728", width=3), brush=None)
        self.ring.setZValue(6)
        self.ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.plot.addItem(self.ring)
        self.selected_edges = pg.PlotCurveItem(pen=pg.mkPen("#D62728", width=2.5), connect="pairs")
        self.selected_edges.setZValue(4)
        self.plot.addItem(self.selected_edges)
        self._labels: list[pg.TextItem] = []
        self._highlighted: int | None = None
        self._node_ids = np.zeros(0, dtype=np.int64)
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)

    def draw(self, network: Network, positions: dict[int, tuple[float, float]], *, keep_view: bool) -> None:
        """Show ``network`` with its actors at ``positions``."""
        self.network, self.positions = network, positions
        for item in self._edge_items + self._labels:
            self.plot.removeItem(item)
        self._edge_items, self._labels = [], []
        self._draw_edges(network.edges)
        self._draw_nodes(network.nodes)
        self._label_relations(network.edges)
        self._place_ring()
        if not keep_view:
            self.reset_view()
        self.redrawn.emit()

    def _draw_edges(self, edges: list[Edge]) -> None:
        pos = self.positions
        self.segments = np.array([(*pos[e.a], *pos[e.b]) for e in edges], dtype=np.float64).reshape(-1, 4)
        groups: dict[tuple[str, int], list[int]] = {}
        for i, edge in enumerate(edges):
            groups.setdefault((edge.kind, _weight_class(edge.weight)), []).append(i)
        for (kind, weight_class), members in sorted(groups.items()):
            colour, alpha = EDGE_STYLES[kind]
            tint = pg.mkColor(colour)
            tint.setAlpha(min(255, alpha + 40 * weight_class))
            # lines one pixel wide take Qt's fast path: only ties named together often are wider
            pen = pg.mkPen(tint, width=1 + 1.2 * weight_class)
            chosen = self.segments[members]
            xs = chosen[:, [0, 2]].ravel()
            ys = chosen[:, [1, 3]].ravel()
            item = pg.PlotCurveItem(xs, ys, pen=pen, connect="pairs", skipFiniteCheck=True)
            item.setZValue(1 if kind != "relation" else 2)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.plot.addItem(item)
            self._edge_items.append(item)

    def _draw_nodes(self, nodes: list[Node]) -> None:
        degree: dict[int, int] = {}
        for edge in self.network.edges:
            degree[edge.a] = degree.get(edge.a, 0) + 1
            degree[edge.b] = degree.get(edge.b, 0) + 1
        self._node_ids = np.array([n.id for n in nodes], dtype=np.int64)
        brushes = {kind: pg.mkBrush(colour) for kind, (_s, colour, _n) in KINDS.items()}
        kinds = [n.kind if n.kind in KINDS else "other" for n in nodes]
        # sizes in whole pixels: few distinct marks, each drawn once into pyqtgraph's atlas
        self.nodes.setData(
            x=[self.positions[n.id][0] for n in nodes], y=[self.positions[n.id][1] for n in nodes],
            data=[n.id for n in nodes], symbol=[KINDS[k][0] for k in kinds], brush=[brushes[k] for k in kinds],
            size=[round(8 + 3 * math.sqrt(n.sources)) for n in nodes], pen=pg.mkPen("w", width=1))
        labelled = sorted(nodes, key=lambda n: (-degree.get(n.id, 0), n.name))[:LABELS]
        for node in labelled:
            label = pg.TextItem(node.name, color="#222222", anchor=(0, 1.1))
            label.setPos(*self.positions[node.id])
            label.setZValue(7)
            self.plot.addItem(label)
            self._labels.append(label)

    def _label_relations(self, edges: list[Edge]) -> None:
        relations = [e for e in edges if e.kind == "relation"]
        if len(relations) > RELATION_LABELS:
            return
        for edge in relations:
            (x0, y0), (x1, y1) = self.positions[edge.a], self.positions[edge.b]
            label = pg.TextItem(f"{edge.label} →", color="#666666", anchor=(0.5, 0.5))
            label.setPos((x0 + x1) / 2, (y0 + y1) / 2)
            label.setZValue(3)
            self.plot.addItem(label)
            self._labels.append(label)

    @Slot()
    def reset_view(self) -> None:
        self.view.autoRange(padding=0.08)

    # --- the mouse -----------------------------------------------------------------------------

    @Slot(object, object, object)
    def _node_clicked(self, _item: Any, points: Any, _event: Any) -> None:
        if len(points):
            actor = int(points[0].data())
            self.highlight_actor(actor)
            self.actor_clicked.emit(actor)

    def edge_at(self, scene_position: QPointF) -> int | None:
        """The tie drawn nearest a point of the scene (within a few pixels)."""
        if not len(self.segments) or not self.view.sceneBoundingRect().contains(scene_position):
            return None
        point = self.view.mapSceneToView(scene_position)
        px, py = point.x(), point.y()
        x0, y0, x1, y1 = self.segments.T
        dx, dy = x1 - x0, y1 - y0
        length2 = np.maximum(dx * dx + dy * dy, 1e-18)
        t = np.clip(((px - x0) * dx + (py - y0) * dy) / length2, 0, 1)
        distance = np.hypot(x0 + t * dx - px, y0 + t * dy - py)
        best = int(np.argmin(distance))
        pixel = max(self.view.viewPixelSize())
        return best if distance[best] <= 5 * pixel else None

    @Slot(object)
    def _scene_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        if self.nodes.pointsAt(self.view.mapSceneToView(event.scenePos())).size:
            return
        found = self.edge_at(event.scenePos())
        if found is not None:
            self.edge_clicked.emit(found)

    def describe_edge(self, index: int) -> str:
        edge = self.network.edges[index]
        names = {n.id: n.name for n in self.network.nodes}
        a, b = names.get(edge.a, "?"), names.get(edge.b, "?")
        if edge.kind == "relation":
            when = " – ".join(d.iso() if d else "…" for d in (edge.start, edge.end)) if edge.start or edge.end else ""
            return f"{a} {edge.label} {b}" + (f" ({when})" if when else "")
        where = "sentences" if edge.kind == "sentence" else "sources"
        return f"{a} and {b}: named together in {edge.weight:,} {where if edge.weight != 1 else where[:-1]}"

    @Slot(object)
    def _hovered(self, scene_position: Any) -> None:
        text = ""
        if self.view.sceneBoundingRect().contains(scene_position):
            points = self.nodes.pointsAt(self.view.mapSceneToView(scene_position))
            if len(points):
                node = next((n for n in self.network.nodes if n.id == int(points[0].data())), None)
                if node is not None:
                    text = f"{node.name} ({KINDS.get(node.kind, KINDS['other'])[2]}), named in {node.sources:,} sources"
            else:
                edge = self.edge_at(scene_position)
                text = self.describe_edge(edge) if edge is not None else ""
        if self.view.toolTip() != text:
            self.view.setToolTip(text)

    # --- highlight -----------------------------------------------------------------------------

    def highlight_actor(self, actor_id: int | None) -> bool:
        """Ring an actor and its ties; False when it is not in the network."""
        self._highlighted = actor_id
        return self._place_ring()

    def highlighted(self) -> int | None:
        return self._highlighted if self._highlighted in self.positions else None

    def _place_ring(self) -> bool:
        actor = self._highlighted
        if actor is None or actor not in self.positions:
            self.ring.setData([], [])
            self.selected_edges.setData([], [])
            return False
        x, y = self.positions[actor]
        self.ring.setData([x], [y])
        touching = [i for i, e in enumerate(self.network.edges) if actor in (e.a, e.b)]
        chosen = self.segments[touching]
        self.selected_edges.setData(chosen[:, [0, 2]].ravel(), chosen[:, [1, 3]].ravel(), connect="pairs")
        return True
