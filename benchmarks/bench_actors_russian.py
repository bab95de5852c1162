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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
KINDS = {"PERSON": "person", "ORGANIZATION": "organisation", "CITY": "place", "COUNTRY": "place",
         "STATE_OR_PROVINCE": "place", "LOCATION": "place", "FACILITY": "place"}
NEAR_KINDS = {"organisation": {"organisation", "state_body", "armed_group", "media_outlet"},
              "person": {"person"}, "place": {"place"}}
_LABEL_WORD = re.compile(r"[^\s,()«»\"]+")


@dataclass
class Gold:
    kind: str
    text: str
    base: str | None  # from the Wikidata label; None where it cannot be paired word by word


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


def _key(text: str) -> str:
    return text.lower().replace("ё", "е")


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
            size = _common_prefix(_key(word), _key(candidate))
            needed = max(2, len(candidate) - 2, min(len(word), len(candidate)) - 3)
            if size >= needed and size > best_size:
                best, best_size = candidate, size
        if best is None:
            return None
        paired.append(best)
    return " ".join(paired)


def _error_class(text: str, start: int, end: int, gold: dict[tuple[int, int], Gold],
                 others: dict[tuple[int, int], str]) -> str:
    inside = [s for s in gold if s[0] <= start and end <= s[1]]
    covering = [s for s in gold if start <= s[0] and s[1] <= end]
    if inside:
        return "partial span (inside a gold entity)"
    if covering:
        extra = text[start:min(s[0] for s in covering)].strip()
        if not extra:
            return "glued: gold entity + words after"
        head = text[max(0, start - 3):start].strip()
        if not head or head[-1] in ".!?\n":
            return "glued: sentence-initial word + entity"
        return "glued: title or other word + entity"
    if any(s[0] < end and start < s[1] for s in gold):
        return "overlaps a gold entity"
    kind = next((k for s, k in others.items() if s[0] < end and start < s[1]), None)
    if kind is not None:
        return f"other NEREL type: {kind}"
    head = text[max(0, start - 3):start].strip()
    if not head or head[-1] in ".!?\n":
        return "non-entity, sentence-initial"
    return "non-entity"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test")
    parser.add_argument("--errors", type=int, default=0, help="print this many unusable ones")
    args = parser.parse_args()
    from db.extract.mentions import suggest_new_actors

    suggested = exact = usable = usable_unknown = judged_base = right_base = 0
    gold_total = gold_found = 0
    names_suggested = names_right = gold_names = gold_names_found = 0
    classes: Counter[str] = Counter()
    examples: list[str] = []
    for text_path in sorted((NEREL / args.split).glob("*_text.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = _gold_entities(text_path.with_suffix(".ann"))
        others = other_entities(text_path.with_suffix(".ann"))
        gold_total += len(gold)
        found = suggest_new_actors(text, language="ru")
        spans = {(c.start, c.end) for c in found}
        gold_found += sum(1 for span in gold if span in spans)
        # by base form: the distinct names a reader sees in the document's suggestion list
        known_bases = {_key(g.base) for g in gold.values() if g.base}
        names = {_key(c.name) for c in found}
        # a name at a gold span whose base form is unknown is judged by its span
        unknown = {_key(c.name) for c in found
                   if (g := gold.get((c.start, c.end))) is not None and g.base is None}
        names_suggested += len(names)
        names_right += len(names & (known_bases | unknown))
        gold_names += len(known_bases)
        gold_names_found += len(known_bases & names)
        for candidate in found:
            suggested += 1
            entity = gold.get((candidate.start, candidate.end))
            problem = None
            if entity is None:
                problem = _error_class(text, candidate.start, candidate.end, gold, others)
            else:
                exact += 1
                if entity.base is not None:
                    judged_base += 1
                    if _key(candidate.name) == _key(entity.base):
                        right_base += 1
                    else:
                        problem = "base form"
                if problem is None and candidate.kind not in NEAR_KINDS[entity.kind]:
                    problem = f"kind {candidate.kind} for {entity.kind}"
            if problem is None:
                usable += 1
                usable_unknown += entity is not None and entity.base is None
                continue
            classes[problem.split(" for ")[0] if problem.startswith("kind") else problem] += 1
            if len(examples) < args.errors:
                wanted = f" (gold {entity.base or entity.text!r})" if entity is not None else ""
                examples.append(f"{text_path.stem}: {text[candidate.start:candidate.end]!r} -> "
                                f"{candidate.name!r} {candidate.kind}: {problem}{wanted}")
    rows = [
        ["precision (exact span)", f"{exact / suggested:.3f}"],
        ["recall (exact span)", f"{gold_found / gold_total:.3f}"],
        ["precision (base form, distinct names per text)", f"{names_right / names_suggested:.3f}"],
        ["recall (base form, distinct gold names per text)", f"{gold_names_found / gold_names:.3f}"],
        ["base form right / exact spans with a known base", f"{right_base / judged_base:.3f}"],
        ["usable as they are (span, base form, kind) / suggestions", f"{usable / suggested:.3f}"],
        ["  of which base form unknown (span and kind only)", f"{usable_unknown / suggested:.3f}"],
    ]
    print(f"NEREL {args.split}: {suggested} suggestions, {gold_total} gold entities")
    print_table(["measure", "value"], rows)
    print()
    print_table(["unusable suggestions by class", "share of suggestions"],
                [[name, f"{count / suggested:.3f}"] for name, count in classes.most_common()])
    for line in examples:
        print(line)


if __name__ == "__main__":
    main()
