"""New-actor suggestions on Russian news against NEREL's gold entities (../shared/data/ru/nerel):
precision and recall by exact span and by base form, and how many suggestions are usable as they
are (the right span, a base form equal to the gold entity's, and the right kind).

    python benchmarks/bench_actors_russian.py [--split test]

Gold: PERSON, ORGANIZATION, CITY, COUNTRY, STATE_OR_PROVINCE, LOCATION, FACILITY spans (NEREL
nests entities; a suggestion matching any gold span of those types counts). The rules were
written looking at the train split only; dev and test are held out (report test).
NEREL gives no base forms: "usable" takes the base form Dossier makes of the gold span (so it
measures span and kind; base forms are checked by hand in tests/db/extract/test_russian_actors.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
KINDS = {"PERSON": "person", "ORGANIZATION": "organisation", "CITY": "place", "COUNTRY": "place",
         "STATE_OR_PROVINCE": "place", "LOCATION": "place", "FACILITY": "place"}
NEAR_KINDS = {"organisation": {"organisation", "state_body", "armed_group", "media_outlet"},
              "person": {"person"}, "place": {"place"}}


def _gold(path: Path) -> dict[tuple[int, int], str]:
    spans: dict[tuple[int, int], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        kind, *offsets = parts[1].split()
        if kind in KINDS and len(offsets) == 2:
            spans[(int(offsets[0]), int(offsets[1]))] = KINDS[kind]
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test")
    args = parser.parse_args()
    from db.extract.mentions import suggest_new_actors
    from db.extract.mentions.inflected import _base

    suggested = exact = usable = right_form = 0
    gold_total = gold_found = 0
    for text_path in sorted((NEREL / args.split).glob("*_text.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = _gold(text_path.with_suffix(".ann"))
        gold_total += len(gold)
        found = suggest_new_actors(text, language="ru")
        spans = {(c.start, c.end) for c in found}
        gold_found += sum(1 for span in gold if span in spans)
        for candidate in found:
            suggested += 1
            kind = gold.get((candidate.start, candidate.end))
            if kind is None:
                continue
            exact += 1
            base = _base(text[candidate.start:candidate.end].split(), "ru")
            if candidate.name == base:
                right_form += 1
                if candidate.kind in NEAR_KINDS[kind]:
                    usable += 1
    rows = [
        ["precision (exact span)", f"{exact / suggested:.3f}"],
        ["recall (exact span)", f"{gold_found / gold_total:.3f}"],
        ["usable as they are (span, base form, kind) / suggestions", f"{usable / suggested:.3f}"],
    ]
    print(f"NEREL {args.split}: {suggested} suggestions, {gold_total} gold entities")
    print_table(["measure", "value"], rows)


if __name__ == "__main__":
    main()
