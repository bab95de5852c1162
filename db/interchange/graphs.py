"""The actor network written for other tools: GEXF (Gephi) and GraphML (yEd, Cytoscape, igraph).

One node per actor (label, kind, sources naming it, and its position when the window laid it
out), one edge per tie (kind: relation, sentence or source; weight; a relation's predicate and
dates). Written with networkx, imported only when a graph is written (an optional part of the
standalone download: without it writing a graph raises ValueError saying so).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.network import Network, NetworkFilter, network

SUFFIXES = (".gexf", ".graphml")


def _networkx() -> Any:
    """networkx, or ValueError (logged once) where its optional part is not installed."""
    from db import optional_parts

    if not optional_parts.installed("graphs"):
        optional_parts.report_missing("graphs")
        raise ValueError(optional_parts.missing_note("graphs"))
    import networkx

    return networkx


def graph_of(found: Network, positions: dict[int, tuple[float, float]] | None = None) -> Any:
    """The network as a networkx MultiDiGraph (relations have a direction; co-mentions are
    written from the lower id to the higher)."""
    nx = _networkx()

    graph = nx.MultiDiGraph(name="Dossier actor network")
    positions = positions or {}
    for node in found.nodes:
        attributes: dict[str, Any] = {"label": node.name, "kind": node.kind, "sources": node.sources}
        if node.id in positions:
            x, y = positions[node.id]
            # GEXF viewers (Gephi) read positions from the viz namespace; GraphML keeps plain x, y
            attributes.update(x=x * 1000, y=y * 1000)
        graph.add_node(str(node.id), **attributes)
    for number, edge in enumerate(found.edges):
        attributes = {"kind": edge.kind, "weight": float(edge.weight), "label": edge.label or edge.kind,
                      "start": edge.start.iso() if edge.start else "", "end": edge.end.iso() if edge.end else ""}
        graph.add_edge(str(edge.a), str(edge.b), key=str(number), **attributes)
    return graph


def write_graph(found: Network, path: Path, positions: dict[int, tuple[float, float]] | None = None, *,
                suffix: str | None = None) -> Path:
    """Write ``found`` to ``path`` as GEXF or GraphML (by ``suffix``, else the path's)."""
    kind = (suffix or path.suffix).lower()
    if kind not in SUFFIXES:
        raise ValueError(f"a network is written as {' or '.join(SUFFIXES)}")
    nx = _networkx()
    graph = graph_of(found, positions)
    if kind == ".gexf":
        for name, attributes in graph.nodes(data=True):
            if "x" in attributes:
                graph.nodes[name]["viz"] = {"position": {"x": attributes["x"], "y": attributes["y"], "z": 0.0}}
        nx.write_gexf(graph, path)
    else:
        nx.write_graphml(graph, path)
    return path


def export_network(session: Session, path: Path, where: NetworkFilter | None = None) -> int:
    """Write the archive's whole actor network (without positions); returns how many ties."""
    found = network(session, where)
    write_graph(found, path)
    return len(found.edges)
