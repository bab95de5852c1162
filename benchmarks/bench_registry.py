"""Speed of the registry and statistics tools on archive sizes a researcher reaches.

    python benchmarks/bench_registry.py [--actors 1000,5000] [--claims 2000]

- likely duplicates over N actors with two aliases each (rapidfuzz cdist in blocks),
- merge + unmerge of two actors with many mentions,
- conflict detection over the World Bank GDP table (13,979 reference figures) plus local claims,
- importing that table as reference data, and exporting all statistics to CSV and XLSX.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import print_table
from db import archive as archive_module
from db.actors import likely_duplicates, merge_actors, unmerge
from db.commands import NewSource, NewStatistic, add_actor, add_mention, add_source, add_statistic
from db.conflicts import find_conflicts
from db.dates import PartialDate
from db.interchange.exports import export_statistics
from db.interchange.reference import import_reference_table

GDP = Path(__file__).resolve().parents[2] / "shared" / "data" / "stats" / "worldbank-gdp" / "gdp.csv"
SYLLABLES = ["ab", "dul", "kha", "mir", "ras", "tam", "zan", "gu", "sel", "dov", "ka", "ris", "to", "vi", "la"]


def name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{word()} {word()}"


def timed(fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", default="1000,5000")
    parser.add_argument("--claims", type=int, default=2000)
    args = parser.parse_args()
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for count in (int(n) for n in args.actors.split(",")):
            opened = archive_module.open(Path(folder) / f"actors-{count}.sqlite")
            rng = random.Random(count)
            with opened.session() as s:
                for _ in range(count):
                    add_actor(s, name(rng), "person", aliases=[name(rng), name(rng)])
            with opened.session() as s:
                seconds, found = timed(lambda s=s: likely_duplicates(s))
            rows.append([f"likely duplicates, {count:,} actors ({count * 3:,} names)", seconds, f"{len(found):,} pairs"])  # type: ignore[arg-type]
            opened.close()

        opened = archive_module.open(Path(folder) / "merge.sqlite")
        text = "Rustam Asilderov met Abu Muhammad al-Kadarskii. " * 500
        with opened.session() as s:
            source = add_source(s, NewSource(text=text, title="long"))
            a = add_actor(s, "Rustam Asilderov", "person")
            b = add_actor(s, "Abu Muhammad al-Kadarskii", "person")
            step = len("Rustam Asilderov met Abu Muhammad al-Kadarskii. ")
            for i in range(500):
                add_mention(s, source, i * step, i * step + 16, a)
                add_mention(s, source, i * step + 21, i * step + 46, b)
        with opened.session() as s:
            seconds, record = timed(lambda s=s: merge_actors(s, a, b))
        rows.append(["merge two actors with 500 mentions each", seconds, ""])
        with opened.session() as s:
            seconds, _ = timed(lambda s=s: unmerge(s, record))  # type: ignore[arg-type]
        rows.append(["undo that merge", seconds, ""])
        opened.close()

        if GDP.is_file():
            opened = archive_module.open(Path(folder) / "gdp.sqlite")
            with opened.session() as s:
                seconds, summary = timed(lambda s=s: import_reference_table(s, GDP, "World Bank GDP"))
            rows.append(["import World Bank GDP (long table)", seconds, f"{summary.statistics:,} figures"])  # type: ignore[attr-defined]
            rng = random.Random(3)
            with opened.session() as s:
                source = add_source(s, NewSource(text="x" * 100, title="claims"))
                for _ in range(args.claims):
                    add_statistic(s, NewStatistic(
                        value=rng.uniform(1e9, 5e10), measure="gdp", place=rng.choice(["Georgia", "Armenia", "Azerbaijan"]),
                        period_start=PartialDate(rng.randint(1995, 2015)), approximate=rng.random() < 0.5,
                        source_id=source,
                    ))
            with opened.session() as s:
                seconds, conflicts = timed(lambda s=s: find_conflicts(s))
            total = 13979 + args.claims
            rows.append([f"find conflicts among {total:,} statistics", seconds, f"{len(conflicts):,} conflicts"])  # type: ignore[arg-type]
            for suffix in (".csv", ".xlsx"):
                with opened.session() as s:
                    out = Path(folder) / f"statistics{suffix}"
                    seconds, written = timed(lambda s=s, out=out: export_statistics(s, out))
                rows.append([f"export statistics to {suffix}", seconds, f"{written:,} rows"])
            opened.close()
        else:
            rows.append([f"{GDP} missing: reference-data rows skipped", 0.0, ""])
    print_table(["operation", "seconds", "result"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
