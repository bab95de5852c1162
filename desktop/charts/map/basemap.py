"""The map's basemap: Natural Earth country outlines shipped with Dossier, at 1:50m for a
region and 1:110m for a continent or the world (``resources/basemap/countries-50m.json.xz`` and
``countries-110m.json.xz``, TopoJSON topologies built by
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
class Outlines:
    """What is drawn of a basemap: NaN between one ring or line and the next."""

    land_x: Floats
    land_y: Floats
    lines_x: Floats
    lines_y: Floats
    disputed_x: Floats
    disputed_y: Floats


@dataclass(frozen=True)
class Basemap:
    #: every ring of every country (the land), every border and coast that is not disputed,
    #: and the disputed borders (Natural Earth: one side claimed by the other, or undetermined)
    rings: list[Floats]
    lines: list[Floats]
    disputed: list[Floats]
    countries: int

    def __post_init__(self) -> None:
        for name in ("rings", "lines", "disputed"):
            parts = getattr(self, name)
            boxes = np.array([(p[:, 0].min(), p[:, 0].max(), p[:, 1].min(), p[:, 1].max()) for p in parts]).reshape(-1, 4)
            object.__setattr__(self, f"_{name}_boxes", boxes)

    def within(self, x0: float, x1: float, y0: float, y1: float) -> Outlines:
        """The rings and lines that reach into the box (degrees): what a view of it draws."""
        chosen = []
        for name in ("rings", "lines", "disputed"):
            boxes = getattr(self, f"_{name}_boxes")
            parts = getattr(self, name)
            inside = np.flatnonzero((boxes[:, 1] >= x0) & (boxes[:, 0] <= x1) & (boxes[:, 3] >= y0) & (boxes[:, 2] <= y1))
            chosen.append(_joined([parts[i] for i in inside]))
        (land_x, land_y), (lines_x, lines_y), (disputed_x, disputed_y) = chosen
        return Outlines(land_x, land_y, lines_x, lines_y, disputed_x, disputed_y)

    def whole(self) -> Outlines:
        return self.within(-1e9, 1e9, -1e9, 1e9)


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


#: the scales shipped, finest first
SCALES = ("50m", "110m")


@cache
def basemap(scale: str = "50m") -> Basemap:
    """The shipped basemap at ``scale`` (one of :data:`SCALES`; decoded once a process)."""
    data = json.loads(lzma.decompress(files("resources").joinpath("basemap", f"countries-{scale}.json.xz").read_bytes()))
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
    return Basemap(rings, lines, dashed, len(data["countries"]))
