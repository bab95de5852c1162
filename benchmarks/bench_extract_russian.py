"""Russian statistic suggestions against hand labels on real Russian news (issue 13).

Run: ``.venv/bin/python benchmarks/bench_extract_russian.py [--errors] [--split tuning|heldout]``

The sentences are from NEREL's Russian Wikinews articles (``../shared/data/ru/nerel``, research
use: the texts stay there). ``benchmarks/ru_statistics_eval.jsonl`` holds only where each
sentence is (file, code-point offsets, the sha1 of its text) and its labels, written before the
rules were tuned: 100 sentences from train/ and dev/ (split "tuning", the rules were tuned on
them) and 50 from test/ (split "heldout", never looked at while tuning). About a third hold no
statistic (only dates, years, times, ages, law articles, ordinals ...).

A suggestion matches a label when it has the same value (for ranges and vague counts, the same
bounds) and, for the full score, the same claimant: compared word by word by their Snowball
stems, so a claimant in another case form ("Следственного комитета") still matches. "Value only"
leaves the claimant out; "bounds" counts the value matches whose ``low``/``high``/approximate
are all right too.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import pair_statistics, print_table, ratio, same_number  # noqa: E402
from db.extract.statistics import StatisticCandidate, suggest_statistics  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
EVAL = ROOT / "benchmarks" / "ru_statistics_eval.jsonl"


@functools.cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("russian")


def _stems(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    stemmer = _stemmer()
    words = re.findall(r"[^\W_]+", value.casefold().replace("ё", "е"))
    return tuple(stemmer.stemWords(words)) or None


def _same_claimant(label: str | None, got: str | None) -> bool:
    return _stems(label) == _stems(got)


def _sentence(item: dict[str, Any]) -> str:
    text: str = (NEREL / item["file"]).read_text(encoding="utf-8")[item["start"]:item["end"]]
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != item["sha1"]:
        raise SystemExit(f"{item['id']}: the sentence in {item['file']} is not the one labelled")
    return text


def _bounds_right(label: dict[str, Any], got: StatisticCandidate) -> bool:
    return (same_number(label["low"], got.low) and same_number(label["high"], got.high)
            and bool(label["approximate"]) == got.approximate)


def evaluate(items: list[dict[str, Any]], show_errors: bool) -> list[object]:
    labelled = suggested = full = value_only = bounds = negatives_hit = 0
    for item in items:
        sentence = _sentence(item)
        got = suggest_statistics(sentence, None, "ru")
        labels = item["statistics"]
        labelled += len(labels)
        suggested += len(got)
        pairs = pair_statistics(labels, got, _same_claimant)
        loose = pair_statistics(labels, got)
        full += len(pairs)
        value_only += len(loose)
        bounds += sum(_bounds_right(label, candidate) for label, candidate in loose)
        negatives_hit += bool(not labels and got)
        if show_errors and (len(pairs) != len(labels) or len(got) != len(pairs)):
            print(f"\n{item['id']}: {sentence}")
            for label in labels:
                print(f"   label: {label['value']} [{label['low']}, {label['high']}] claimant={label['claimant']}")
            for candidate in got:
                print(f"   got:   {candidate.value} [{candidate.low}, {candidate.high}] "
                      f"claimant={candidate.claimant} unit={candidate.unit} subject={candidate.subject}")
    return [len(items), labelled, suggested, ratio(full, suggested), ratio(full, labelled),
            ratio(value_only, suggested), ratio(value_only, labelled), ratio(bounds, value_only),
            negatives_hit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="print the sentences scored wrong")
    parser.add_argument("--split", choices=("tuning", "heldout"), help="only this split")
    args = parser.parse_args()
    items = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for split in ("tuning", "heldout"):
        if args.split and split != args.split:
            continue
        chosen = [i for i in items if i["split"] == split]
        rows.append([split, *evaluate(chosen, args.errors and args.split == split)])
    print_table(["split", "sentences", "labelled", "suggested", "P", "R", "P value", "R value",
                 "bounds right", "negatives hit"], rows)


if __name__ == "__main__":
    main()
