"""How much of the Caucasus the offline gazetteer places, on names labelled by hand
(``benchmarks/data/caucasus_places.tsv``: the sample's places and aliases, and the Caucasus
places written in ../shared/data: AG News in English, NEREL in Russian, as they occur).

    python benchmarks/bench_gazetteer.py [--as-written]

A name is looked up as a place actor made from it would be: by its base form (the nominative
new-actor suggestions give a place: "Дагестана" -> "Дагестан"), then as written (``--as-written``:
as written only, as this benchmark did before). It counts as placed right when the gazetteer's
first place for it is the labelled one; a region labelled "-" (no first-level region of ISO
3166-2: North Caucasus, an alias) is right when it is not placed at all, so that it is listed as
not on the map instead of being put somewhere wrong. NEREL's places at large:
``bench_gazetteer_nerel.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import print_table
from db.gazetteer import gazetteer
from db.language.morphology import base_form

LABELS = Path(__file__).resolve().parent / "data" / "caucasus_places.tsv"


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--as-written", action="store_true", help="look names up as written only")
    args = arguments.parse_args()
    started = time.perf_counter()
    places = gazetteer()
    loaded = time.perf_counter() - started
    tally: Counter[tuple[str, str]] = Counter()
    misses = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, _where, kind, meant = line.split("\t")
        names = [name] if args.as_written else [" ".join(base_form(name.split(), "ru", frozenset({"Geox"}))), name]
        found = places.lookup(names)
        if meant == "-":
            outcome = "listed as not on the map" if not found else "placed (wrongly)"
        elif not found:
            outcome = "not found"
        else:
            right = f"{found[0].name} {found[0].country}" == meant
            outcome = "placed right" if right else "placed wrongly"
        tally[(kind, outcome)] += 1
        if outcome not in ("placed right", "listed as not on the map"):
            misses.append(f"{name} ({kind}): {outcome}" + (f" as {found[0].describe()}" if found else ""))
    kinds = sorted({k for k, _o in tally})
    rows = []
    for kind in kinds:
        total = sum(n for (k, _o), n in tally.items() if k == kind)
        good = tally[(kind, "placed right")] + tally[(kind, "listed as not on the map")]
        detail = ", ".join(f"{o}: {n}" for (k, o), n in sorted(tally.items()) if k == kind)
        rows.append([kind, f"{good}/{total}", detail])
    print(f"gazetteer loaded in {loaded:.2f} s: {len(places.places):,} places, {len(places.index):,} names")
    print_table(["kind", "right", "outcomes"], rows)
    print("\n".join(["", "not right:", *misses]))


if __name__ == "__main__":
    main()
