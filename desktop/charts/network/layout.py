"""Where the network's actors sit: a force-directed layout (Fruchterman and Reingold's: ties pull,
every pair pushes apart, a weak pull to the centre keeps loose parts near), computed with numpy
on a worker of the task runner, never on the GUI thread.

Stable between refreshes: actors laid out before start where they were, a new actor starts
beside the actors it is tied to, and when most actors are known the layout only settles
gently instead of starting over. Positions start from each actor's id, so the same archive
gives the same picture every time.

Above :data:`EXACT_UP_TO` actors the pushing apart is reckoned between an actor and the
centres of mass of a grid of cells (exact within its own cell), so 10,000 actors still lay out
in seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

Positions = dict[int, tuple[float, float]]
Floats = npt.NDArray[np.float64]

EXACT_UP_TO = 400
ITERATIONS = 90
#: iterations when at least :data:`SETTLED` of the actors had a place already
SETTLE_ITERATIONS = 20
SETTLED = 0.85
_GRID = 24


def _start(ids: Sequence[int], edges: npt.NDArray[np.int64], previous: Positions) -> tuple[Floats, int]:
    """Initial positions: the previous ones; else beside known neighbours; else from the id."""
    n = len(ids)
    pos = np.zeros((n, 2))
    known = np.zeros(n, dtype=bool)
    for i, actor in enumerate(ids):
        if actor in previous:
            pos[i] = previous[actor]
            known[i] = True
    spread = float(np.abs(pos[known]).max()) if known.any() else 1.0
    for i, actor in enumerate(ids):
        if known[i]:
            continue
        angle, radius = _hash_point(actor)
        neighbours: list[int] = (np.concatenate((edges[edges[:, 0] == i, 1], edges[edges[:, 1] == i, 0])).tolist()
                                 if len(edges) else [])
        placed = [j for j in neighbours if known[j]]
        if placed:
            centre = pos[placed].mean(axis=0)
            pos[i] = centre + 0.05 * spread * np.array([np.cos(angle), np.sin(angle)])
        else:
            pos[i] = spread * radius * np.array([np.cos(angle), np.sin(angle)])
    return pos, int(known.sum())


def _hash_point(actor: int) -> tuple[float, float]:
    # an actor's own place in the unit disc, the same in every run
    rng = np.random.default_rng(actor * 2654435761 % 2**32)
    return float(rng.uniform(0, 2 * np.pi)), float(np.sqrt(rng.uniform(0.05, 1.0)))


def _repulsion_exact(pos: Floats, k2: float) -> Floats:
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    d2 = dx * dx + dy * dy
    np.fill_diagonal(d2, np.inf)
    np.maximum(d2, 1e-9, out=d2)
    strength = k2 / d2
    return np.column_stack(((dx * strength).sum(axis=1), (dy * strength).sum(axis=1)))


def _repulsion_grid(pos: Floats, k2: float) -> Floats:
    low, high = pos.min(axis=0), pos.max(axis=0)
    size = np.maximum(high - low, 1e-9) / _GRID
    cells = np.minimum(((pos - low) / size).astype(np.int64), _GRID - 1)
    cell = cells[:, 0] * _GRID + cells[:, 1]
    mass = np.bincount(cell, minlength=_GRID * _GRID).astype(np.float64)
    centre: Floats = np.column_stack((np.bincount(cell, pos[:, 0], _GRID * _GRID),
                                     np.bincount(cell, pos[:, 1], _GRID * _GRID))).astype(np.float64)
    filled = mass > 0
    centre[filled] /= mass[filled, None]
    centres, masses = centre[filled], mass[filled]
    force = np.zeros_like(pos)
    for start in range(0, len(pos), 1024):
        part = pos[start:start + 1024]
        dx = part[:, 0, None] - centres[None, :, 0]
        dy = part[:, 1, None] - centres[None, :, 1]
        d2 = np.maximum(dx * dx + dy * dy, (size.min() / 2) ** 2)
        strength = k2 * masses[None, :] / d2
        force[start:start + 1024, 0] = (dx * strength).sum(axis=1)
        force[start:start + 1024, 1] = (dy * strength).sum(axis=1)
    return force


def layout(ids: Sequence[int], edges: Sequence[tuple[int, int, float]], previous: Positions | None = None, *,
           report: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Positions:
    """Positions of ``ids`` tied by ``edges`` (actor a, actor b, weight); ``previous`` positions
    are kept as the start. None of the work is done once ``cancelled()`` says so (the positions
    reached so far are returned)."""
    previous = previous or {}
    n = len(ids)
    if n == 0:
        return {}
    index = {actor: i for i, actor in enumerate(ids)}
    pairs = np.array([(index[a], index[b]) for a, b, _w in edges if a in index and b in index and a != b],
                     dtype=np.int64).reshape(-1, 2)
    weights = np.array([np.log1p(w) for a, b, w in edges if a in index and b in index and a != b])
    pos, known = _start(ids, pairs, previous)
    settled = known >= SETTLED * n
    iterations = SETTLE_ITERATIONS if settled else ITERATIONS
    spread = float(np.abs(pos).max()) or 1.0
    k = spread * 1.6 / np.sqrt(n)
    k2 = k * k
    temperature = spread * (0.004 if settled else 0.15)
    cooling = temperature / (iterations + 1)
    repulsion = _repulsion_exact if n <= EXACT_UP_TO else _repulsion_grid
    for step in range(iterations):
        if cancelled is not None and cancelled():
            break
        force = repulsion(pos, k2)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            distance = np.sqrt((delta * delta).sum(axis=1)) + 1e-9
            pull = delta * (distance * weights / k)[:, None]
            np.add.at(force, pairs[:, 0], -pull)
            np.add.at(force, pairs[:, 1], pull)
        force -= pos * (0.05 * k / spread) * np.sqrt(n)
        length = np.sqrt((force * force).sum(axis=1)) + 1e-12
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
        if report is not None and step % 10 == 0:
            report(step, iterations, "layout")
    if not previous:
        pos -= pos.mean(axis=0)
        scale = float(np.abs(pos).max()) or 1.0
        pos /= scale
    return {actor: (float(pos[i, 0]), float(pos[i, 1])) for i, actor in enumerate(ids)}
