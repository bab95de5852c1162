"""Language detection at import (py3langid, limited to the languages Dossier knows): accuracy and
cost by how much of the text is read, on real news: 643 Russian (NEREL) and 1,000 English (AG
News: title and description) texts, none of them used to choose anything but the sample size;
and how long the model takes to load in a new process (numpy already imported, as in an import),
from the packed file py3langid ships and from Dossier's unpacked copy in the cache folder.

    python benchmarks/bench_language_detection.py
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


_LOAD = """
import time, numpy
from db.language import detect
start = time.perf_counter()
detect._identifier()
print(time.perf_counter() - start)
"""


def load_times(repeats: int = 5) -> list[list[str]]:
    """Seconds to the model's first use in a new process: with an empty cache folder (the model
    is unpacked), then from the copy (median of ``repeats``); and from the packed file alone."""
    def once(cache: str) -> float:
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True,
                             cwd=ROOT, env={**os.environ, "DOSSIER_CACHE_DIR": cache})
        return float(out.stdout)

    with tempfile.TemporaryDirectory() as cache:
        first = once(cache)
        kept = sorted(once(cache) for _ in range(repeats))[repeats // 2]
    packed = subprocess.run([sys.executable, "-c", "import time, numpy\nfrom py3langid.langid import "
                             "MODEL_FILE, LanguageIdentifier\nt = time.perf_counter()\n"
                             "LanguageIdentifier.from_model_file(MODEL_FILE)\nprint(time.perf_counter() - t)"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return [["first use (unpacks into the cache folder)", f"{first:.3f}"],
            ["later sessions (the unpacked copy, mapped)", f"{kept:.3f}"],
            ["py3langid's packed file alone (raw baseline)", f"{float(packed.stdout):.3f}"]]


def main() -> None:
    from db.language import detect

    print_table(["model load", "seconds"], load_times())
    print()

    russian = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "ru" / "nerel").glob("*/*_text.txt"))]
    with (SHARED / "corpus" / "ag_news_test.csv").open(encoding="utf-8") as handle:
        english = [f"{row[1]}\n{row[2]}" for row, _ in zip(csv.reader(handle), range(1000), strict=False)]
    detect.detect_language("warm the model up: загрузка модели")
    rows = []
    for sample in (60, 150, 300, 600, 1000, 2000):
        detect.SAMPLE = sample
        for name, texts, want in (("Russian", russian, "ru"), ("English", english, "en")):
            start = time.perf_counter()
            got = [detect.detect_language(t) for t in texts]
            elapsed = (time.perf_counter() - start) / len(texts) * 1000
            right = sum(g == want for g in got)
            rows.append([str(sample), name, f"{right / len(texts):.4f}",
                         str(sum(g is None for g in got)), f"{elapsed:.2f}"])
    print_table(["characters read", "texts", "accuracy", "no guess", "ms per text"], rows)
    print()
    print_table(["walk over the bytes (300 characters)", "us per text", "same language"], walks(russian + english))


def walks(texts: list[str]) -> list[list[str]]:
    """Dossier's walk of the model's automaton (all bytes at once, NumPy) against py3langid's own
    (a byte at a time, the raw baseline), on the same samples: best of three rounds each."""
    from db.language import detect

    detector = detect._identifier()
    samples = [text[:300] for text in texts]
    timings: dict[str, float] = {}
    answers: dict[str, list[str]] = {}
    for label, classify in (("py3langid's own (baseline)", lambda s: str(detector.identifier.classify(s)[0])),
                            ("Dossier's (db.language.detect)", detector.classify)):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            answers[label] = [classify(sample) for sample in samples]
            best = min(best, time.perf_counter() - start)
        timings[label] = best / len(samples) * 1e6
    baseline = next(iter(answers.values()))
    return [[label, f"{timings[label]:.0f}", f"{sum(a == b for a, b in zip(got, baseline, strict=True))}/{len(got)}"]
            for label, got in answers.items()]


if __name__ == "__main__":
    main()
