"""Language detection at import (py3langid, limited to the languages Dossier knows): accuracy and
cost by how much of the text is read, on real news: 643 Russian (NEREL) and 1,000 English (AG
News: title and description) texts, none of them used to choose anything but the sample size.

    python benchmarks/bench_language_detection.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    from db.language import detect

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


if __name__ == "__main__":
    main()
