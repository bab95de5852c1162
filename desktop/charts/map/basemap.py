"""The map's basemap: Natural Earth 1:50m country outlines shipped with Dossier
(``resources/basemap/countries-50m.json.xz``, a TopoJSON topology built by
``packaging/build_map_data.py``), decoded into what the plot draws: the land as rings, the
borders and coasts as lines, and the disputed borders apart (drawn dashed).

Longitudes are degrees east; a ring that crosses the antimeridian goes on past 180 (Chukotka at
190) instead of jumping across the map.
"""

from __future__ import annotations

import json
import lzma
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Basemap:
    #: every ring of every country, one after the other, NaN between rings
    land_x: Floats
    land_y: Floats
    #: borders and coasts that are not disputed, NaN between lines
    lines_x: Floats
    lines_y: Floats
    #: disputed borders (Natural Earth: one side claimed by the other, or of an undetermined status)
    disputed_x: Floats
    disputed_y: Floats
    countries: int


def _decode(arcs: list[list[list[int]]], scale: list[float], translate: list[float]) -> list[Floats]:
    decoded = []
    for arc in arcs:
        steps = np.asarray(arc, dtype=np.float64).reshape(-1, 2)
        points = np.cumsum(steps, axis=0) * np.asarray(scale) + np.asarray(translate)
        decoded.append(points)
    return decoded


def _unwrap(points: Floats) -> Floats:
    jumps = np.diff(points[:, 0])
    shift = np.concatenate(([0.0], np.cumsum(np.where(jumps > 180, -360.0, np.where(jumps < -180, 360.0, 0.0)))))
    out = points.copy()
    out[:, 0] += shift
    return out


def _joined(parts: list[Floats]) -> tuple[Floats, Floats]:
    if not parts:
        return np.zeros(0), np.zeros(0)
    gap = np.full((1, 2), np.nan)
    stacked = np.concatenate([p for part in parts for p in (part, gap)])
    return stacked[:, 0].copy(), stacked[:, 1].copy()


@cache
def basemap() -> Basemap:
    """The shipped basemap (decoded once a process, about 0.1 s)."""
    data = json.loads(lzma.decompress(files("resources").joinpath("basemap", "countries-50m.json.xz").read_bytes()))
    arcs = _decode(data["arcs"], data["transform"]["scale"], data["transform"]["translate"])
    rings = []
    for country in data["countries"]:
        for polygon in country["polygons"]:
            for ring in polygon:
                pieces = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in ring]
                rings.append(_unwrap(np.concatenate(pieces)))
    disputed = set(data["disputed"])
    lines = [_unwrap(a) for i, a in enumerate(arcs) if i not in disputed]
    dashed = [_unwrap(arcs[i]) for i in sorted(disputed)]
    land_x, land_y = _joined(rings)
    lines_x, lines_y = _joined(lines)
    disputed_x, disputed_y = _joined(dashed)
    return Basemap(land_x, land_y, lines_x, lines_y, disputed_x, disputed_y, len(data["countries"]))
