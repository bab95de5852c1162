"""Shared bits for the benchmarks: synthetic texts, timing, tables, peak memory."""

from __future__ import annotations

import random
import resource
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

# A Zipf-ish vocabulary of conflict-reporting words, so FTS sees realistic term frequencies.
_WORDS = ["the", "of", "and", "to", "in", "a", "was", "were", "said", "killed", "militants", "police", "officials", "security", "forces", "attack", "village", "region", "republic", "insurgents", "civilians", "reported", "according", "ministry", "interior", "sources", "detained", "operation", "armed", "group", "leader", "commander", "province", "district", "border", "refugees", "camp", "government", "opposition", "protest", "election", "court", "sentenced", "prison", "human", "rights", "organisation", "monitor", "casualties", "wounded", "injured", "bombing", "explosion", "checkpoint", "soldiers", "troops", "army", "rebels", "ceasefire", "negotiations", "agreement", "violence", "displaced", "families", "humanitarian", "aid", "convoy", "journalists", "media", "statement", "spokesman", "estimated", "least", "more", "than", "some", "about", "nearly", "dozens", "hundreds", "thousands", "local", "residents", "witnesses", "investigation", "prosecutor", "charges", "terrorism", "extremism", "recruitment", "fighters", "abroad", "returned", "Chechnya", "Dagestan", "Ingushetia", "Kabardino", "Syria", "Iraq", "Moscow", "Grozny", "Makhachkala", "Nalchik", "Nazran", "Caucasus", "Emirate", "Knot", "Memorial"]
_WEIGHTS = [1.0 / (rank + 1) for rank in range(len(_WORDS))]


def synthetic_texts(count: int, words: int = 160, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(title, text) pairs of about ``words`` words each, reproducible."""
    rng = random.Random(seed)
    for n in range(count):
        title = " ".join(rng.choices(_WORDS, _WEIGHTS, k=6)).capitalize() + f" {n}"
        body = " ".join(rng.choices(_WORDS, _WEIGHTS, k=words))
        yield title, body.capitalize() + "."


def queries(count: int = 60, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    middle = _WORDS[40:]  # neither the commonest words nor unseen ones
    return [f"{rng.choice(middle)} {rng.choice(middle)}" for _ in range(count)]


@contextmanager
def timer() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    elapsed: list[float] = []
    yield lambda: elapsed[0] if elapsed else time.perf_counter() - start
    elapsed.append(time.perf_counter() - start)


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    cells = [headers] + [[f"{c:,.2f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
