"""Shared bits for the benchmarks: synthetic texts, timing, tables, peak memory."""

from __future__ import annotations

import itertools
import random
import resource
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# A Zipf-ish vocabulary of conflict-reporting words, so FTS sees realistic term frequencies.
_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "was",
    "were",
    "said",
    "killed",
    "militants",
    "police",
    "officials",
    "security",
    "forces",
    "attack",
    "village",
    "region",
    "republic",
    "insurgents",
    "civilians",
    "reported",
    "according",
    "ministry",
    "interior",
    "sources",
    "detained",
    "operation",
    "armed",
    "group",
    "leader",
    "commander",
    "province",
    "district",
    "border",
    "refugees",
    "camp",
    "government",
    "opposition",
    "protest",
    "election",
    "court",
    "sentenced",
    "prison",
    "human",
    "rights",
    "organisation",
    "monitor",
    "casualties",
    "wounded",
    "injured",
    "bombing",
    "explosion",
    "checkpoint",
    "soldiers",
    "troops",
    "army",
    "rebels",
    "ceasefire",
    "negotiations",
    "agreement",
    "violence",
    "displaced",
    "families",
    "humanitarian",
    "aid",
    "convoy",
    "journalists",
    "media",
    "statement",
    "spokesman",
    "estimated",
    "least",
    "more",
    "than",
    "some",
    "about",
    "nearly",
    "dozens",
    "hundreds",
    "thousands",
    "local",
    "residents",
    "witnesses",
    "investigation",
    "prosecutor",
    "charges",
    "terrorism",
    "extremism",
    "recruitment",
    "fighters",
    "abroad",
    "returned",
    "Chechnya",
    "Dagestan",
    "Ingushetia",
    "Kabardino",
    "Syria",
    "Iraq",
    "Moscow",
    "Grozny",
    "Makhachkala",
    "Nalchik",
    "Nazran",
    "Caucasus",
    "Emirate",
    "Knot",
    "Memorial",
]
_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "tu",
    "se",
    "la",
    "no",
    "vi",
    "da",
    "ze",
    "re",
    "po",
    "gu",
    "ha",
    "li",
    "to",
    "be",
    "sa",
    "ni",
    "mu",
]


def _long_tail(count: int = 20_000, seed: int = 3) -> list[str]:
    """Made-up words standing in for names and rare terms: real news has a long vocabulary tail."""
    rng = random.Random(seed)
    return [
        "".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) + str(n % 7) for n in range(count)
    ]


_VOCABULARY = _WORDS + _long_tail()
# Zipf: the n-th commonest word appears about 1/n as often as the commonest.
_CUMULATIVE = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(_VOCABULARY))))


def synthetic_texts(count: int, words: int = 160, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(title, text) pairs of about ``words`` words each, reproducible."""
    rng = random.Random(seed)
    for n in range(count):
        title = (
            " ".join(rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE, k=6)).capitalize() + f" {n}"
        )
        body = " ".join(rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE, k=words))
        yield title, body.capitalize() + "."


def queries(count: int = 60, seed: int = 11) -> list[str]:
    """Two-word queries as researchers type them: a topical word and a rarer one (a name)."""
    rng = random.Random(seed)
    topical = _WORDS[40:]
    rare = _VOCABULARY[len(_WORDS) : len(_WORDS) + 2000]
    return [f"{rng.choice(topical)} {rng.choice(rare)}" for _ in range(count)]


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


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [headers] + [
        [f"{c:,.2f}" if isinstance(c, float) else str(c) for c in row] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def raw_database(path: Path) -> sqlite3.Connection:
    """The baseline: a table of texts with an external-content FTS5 index, as plain sqlite3."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
        CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, text TEXT);
        CREATE VIRTUAL TABLE docs_fts USING fts5(title, text, content='docs', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN
            INSERT INTO docs_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
        """
    )
    return connection


# Peak memory from /proc/self/status (VmHWM): ru_maxrss of a child started by a large process can
# report the parent's size at the fork. Source for the probes the benchmarks run as processes.
PEAK_PROBE = """
import resource
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


# --- scoring statistic suggestions against labels (bench_extract, bench_extract_russian) ---------


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def same_reading(label: dict[str, Any], got: Any) -> bool:
    """The same value; for ranges and vague counts (no value), the same bounds."""
    if not same_number(label["value"], got.value):
        return False
    return label["value"] is not None or (same_number(label["low"], got.low) and same_number(label["high"], got.high))


def pair_statistics(labels: list[dict[str, Any]], got: Sequence[Any],
                    same_claimant: Callable[[str | None, str | None], bool] | None = None,
                    ) -> list[tuple[dict[str, Any], Any]]:
    """Labels paired one to one with the suggestions that read them right (and, given
    ``same_claimant``, name the same claimant), in label order."""
    pairs, free = [], list(got)
    for label in labels:
        for candidate in free:
            if same_reading(label, candidate) and (
                    same_claimant is None or same_claimant(label["claimant"], candidate.claimant)):
                pairs.append((label, candidate))
                free.remove(candidate)
                break
    return pairs


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "   n/a"
