"""New-actor suggestions on Russian news against NEREL's gold entities (../shared/data/ru/nerel):
precision and recall by exact span and by base form, and how many suggestions are usable as
they are (the right span, the right base form and the right kind).

    python benchmarks/bench_actors_russian.py [--split test] [--errors 40]

Gold: PERSON, ORGANIZATION, CITY, COUNTRY, STATE_OR_PROVINCE, LOCATION, FACILITY spans (NEREL
nests entities; a suggestion matching any gold span of those types counts). Rules are tuned on
the train split only; dev and test are held out (report test).

Base forms: NEREL links its entities to Wikidata and keeps the Russian label ("Юрия Царёва" ->
"Царёв, Юрий Васильевич"). A span's gold base form is taken from its label, word by word: each
word of the span is paired with the label word it shares its stem with ("Юрия" - "Юрий",
"Царёва" - "Царёв", so "Юрий Царёв"). Where a word has no partner ("МВД" against "Министерство
внутренних дел ..."), the span has no known base form; a suggestion there is judged by span and
kind alone and counted apart ("base form unknown"). Base forms are compared in lower case, ё as е.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._actor_scores import Gold, Tally, key  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
KINDS = {"PERSON": "person", "ORGANIZATION": "organisation", "CITY": "place", "COUNTRY": "place",
         "STATE_OR_PROVINCE": "place", "LOCATION": "place", "FACILITY": "place"}
_LABEL_WORD = re.compile(r"[^\s,()«»\"]+")


def _gold(path: Path) -> dict[tuple[int, int], str]:
    return {span: gold.kind for span, gold in _gold_entities(path).items()}


def _gold_entities(path: Path) -> dict[tuple[int, int], Gold]:
    entities: dict[str, tuple[tuple[int, int], str, str]] = {}
    others: dict[tuple[int, int], str] = {}
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].split()
            if len(offsets) != 2:
                continue
            span = (int(offsets[0]), int(offsets[1]))
            if kind in KINDS:
                entities[parts[0]] = (span, KINDS[kind], parts[2])
            else:
                others[span] = kind
        elif line.startswith("N") and len(parts) >= 3:
            fields = parts[1].split()
            if len(fields) == 3:
                labels[fields[1]] = parts[2]
    return {span: Gold(kind, text, _paired_base(text, labels.get(tid, "")))
            for tid, (span, kind, text) in entities.items()}


def other_entities(path: Path) -> dict[tuple[int, int], str]:
    """Gold spans of the other types (EVENT, PROFESSION, NATIONALITY ...)."""
    found: dict[tuple[int, int], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].split()
            if kind not in KINDS and len(offsets) == 2:
                found[(int(offsets[0]), int(offsets[1]))] = kind
    return found


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def _paired_base(span_text: str, label: str) -> str | None:
    """The label's words paired with the span's, in the span's order; None where any word of
    the span has no partner sharing its stem (all but the last two letters of the label word)."""
    label_words = _LABEL_WORD.findall(label)
    if not label_words or label in ("нет данных",):
        return None
    paired = []
    for word in span_text.split():
        best, best_size = None, 0
        for candidate in label_words:
            size = _common_prefix(key(word), key(candidate))
            needed = max(2, len(candidate) - 2, min(len(word), len(candidate)) - 3)
            if size >= needed and size > best_size:
                best, best_size = candidate, size
        if best is None:
            return None
        paired.append(best)
    return " ".join(paired)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test")
    parser.add_argument("--errors", type=int, default=0, help="print this many unusable ones")
    args = parser.parse_args()
    from db.extract.mentions import suggest_new_actors

    tally = Tally(other_label="other NEREL type", errors=args.errors)
    for text_path in sorted((NEREL / args.split).glob("*_text.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = _gold_entities(text_path.with_suffix(".ann"))
        others = other_entities(text_path.with_suffix(".ann"))
        tally.add(text_path.stem, text, gold, others, suggest_new_actors(text, language="ru"))
    print(f"NEREL {args.split}: {tally.suggested} suggestions, {tally.gold_total} gold entities")
    tally.print()


if __name__ == "__main__":
    main()
