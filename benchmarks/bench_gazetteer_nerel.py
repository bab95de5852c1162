"""How many of NEREL's places the offline gazetteer resolves, as Russian news writes them
(../shared/data/ru/nerel: gold entity spans, "в Дагестане", "Томской области", "США").

    python benchmarks/bench_gazetteer_nerel.py [--split dev] [--errors 15]

A mention is looked up as a place actor made from it would be: by its base form (the
nominative that new-actor suggestions give a place, :func:`db.language.morphology.base_form`
with the place readings preferred: "Дагестане" -> "Дагестан"), then as written. For
STATE_OR_PROVINCE and COUNTRY it counts how many the gazetteer resolves, and how many go to a
place of the right kind (a region, a country); for the other types (PERSON, ORGANIZATION ...,
not CITY, LOCATION, FACILITY, DISTRICT, whose names may well be places) how many it wrongly
resolves: a person "Грузинов" put on the map. NEREL's STATE_OR_PROVINCE spans also cover
adjectives ("башкирского"), which no gazetteer should resolve: they are counted apart (a span
that begins in lower case). Nothing was tuned on this set; dev and test are held out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402
from db.gazetteer import gazetteer  # noqa: E402
from db.language.morphology import base_form  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
#: the types that are places, and the kind of gazetteer place each should resolve to
PLACES = {"STATE_OR_PROVINCE": "region", "COUNTRY": "country"}
#: types whose names may be places' names (a city, a district, a facility named for a town)
NEUTRAL = {"CITY", "LOCATION", "FACILITY", "DISTRICT", "NATIONALITY", "EVENT", "DATE", "NUMBER",
           "ORDINAL", "MONEY", "PERCENT", "TIME", "AGE", "PENALTY", "WORK_OF_ART", "PRODUCT", "LAW", "AWARD"}


def mentions(split: str) -> list[tuple[str, str]]:
    """(type, text) of every gold entity span of ``split``."""
    found = []
    for path in sorted((NEREL / split).glob("*.ann")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3 and len(parts[1].split()) == 3:
                found.append((parts[1].split()[0], parts[2]))
    return found


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    arguments.add_argument("--errors", type=int, default=15, help="how many misses of each type to print")
    args = arguments.parse_args()
    places = gazetteer()
    tally: Counter[tuple[str, str]] = Counter()
    misses: dict[str, Counter[str]] = {kind: Counter() for kind in [*PLACES, "other"]}
    cache: dict[str, list[str]] = {}
    for kind, text in mentions(args.split):
        if kind in NEUTRAL:
            continue
        if text not in cache:
            words = text.split()
            cache[text] = [" ".join(base_form(words, "ru", frozenset({"Geox"}))), text]
        found = places.lookup(cache[text])
        group = kind if kind in PLACES else "other"
        if group != "other" and not text[:1].isupper():
            group_kind = f"{kind} (lower case)"
            tally[(group_kind, "all")] += 1
            tally[(group_kind, "resolved")] += bool(found)
            continue
        tally[(group, "all")] += 1
        tally[(group, "resolved")] += bool(found)
        if group != "other":
            right = bool(found) and found[0].kind == PLACES[kind]
            tally[(group, "right kind")] += right
            if not right:
                misses[group][f"{text} -> {found[0].describe() if found else 'not found'}"] += 1
        elif found:
            misses["other"][f"{kind} {text} -> {found[0].describe()}"] += 1
    rows = []
    for group in ["STATE_OR_PROVINCE", "COUNTRY", "STATE_OR_PROVINCE (lower case)", "COUNTRY (lower case)", "other"]:
        total = tally[(group, "all")]
        if not total:
            continue
        resolved = tally[(group, "resolved")]
        share = f"{tally[(group, 'right kind')] / total:.1%}" if group in PLACES else "-"
        rows.append([group, str(total), f"{resolved / total:.1%}", share])
    print(f"NEREL {args.split}: gold mentions the gazetteer resolves (base form, then as written)")
    print_table(["type", "mentions", "resolved", "to the right kind"], rows)
    for group, counter in misses.items():
        label = "wrongly resolved (other types)" if group == "other" else f"{group} not resolved to a {PLACES[group]}"
        print(f"\n{label}, most frequent:")
        for line, count in counter.most_common(args.errors):
            print(f"  {count:3} {line}")


if __name__ == "__main__":
    main()
