"""Scoring new-actor suggestions against gold entity spans, shared by the Russian (NEREL) and
Ukrainian (ner-uk) benchmarks: precision and recall by exact span and by base form, and how
many suggestions are usable as they are (the right span, the right base form and the right
kind), with the unusable ones sorted into classes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks._common import print_table
from db.extract.candidates import MentionCandidate

NEAR_KINDS = {"organisation": {"organisation", "state_body", "armed_group", "media_outlet"},
              "person": {"person"}, "place": {"place"}}


@dataclass
class Gold:
    kind: str
    text: str
    base: str | None  # the gold base form; None where it is not known


#: a tokenised corpus's spaces inside quotation marks ("Дмитро « Бобін » Александров"), which
#: the text as written has not: a name's base form is the same either way
_QUOTE_SPACES = re.compile(r"(?<=[«„“])\s+|\s+(?=[»“”])")


def key(text: str) -> str:
    text = _QUOTE_SPACES.sub("", text)
    return text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def error_class(text: str, start: int, end: int, gold: Iterable[tuple[int, int]],
                others: dict[tuple[int, int], str], other_label: str = "other type") -> str:
    spans = list(gold)
    inside = [s for s in spans if s[0] <= start and end <= s[1]]
    covering = [s for s in spans if start <= s[0] and s[1] <= end]
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
    if any(s[0] < end and start < s[1] for s in spans):
        return "overlaps a gold entity"
    kind = next((k for s, k in others.items() if s[0] < end and start < s[1]), None)
    if kind is not None:
        return f"{other_label}: {kind}"
    head = text[max(0, start - 3):start].strip()
    if not head or head[-1] in ".!?\n":
        return "non-entity, sentence-initial"
    return "non-entity"


@dataclass
class Tally:
    """Counts over the documents of one split."""

    other_label: str = "other type"
    errors: int = 0  # how many unusable suggestions to keep as examples
    suggested: int = 0
    exact: int = 0
    usable: int = 0
    usable_unknown: int = 0
    judged_base: int = 0
    right_base: int = 0
    gold_total: int = 0
    gold_found: int = 0
    names_suggested: int = 0
    names_right: int = 0
    gold_names: int = 0
    gold_names_found: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, label: str, text: str, gold: dict[tuple[int, int], Gold],
            others: dict[tuple[int, int], str], found: Sequence[MentionCandidate]) -> None:
        """One document's suggestions (``found``: MentionCandidate-likes)."""
        self.gold_total += len(gold)
        spans = {(c.start, c.end) for c in found}
        self.gold_found += sum(1 for span in gold if span in spans)
        # by base form: the distinct names a reader sees in the document's suggestion list
        known_bases = {key(g.base) for g in gold.values() if g.base}
        names = {key(c.name) for c in found}
        # a name at a gold span whose base form is unknown is judged by its span
        unknown = {key(c.name) for c in found
                   if (g := gold.get((c.start, c.end))) is not None and g.base is None}
        self.names_suggested += len(names)
        self.names_right += len(names & (known_bases | unknown))
        self.gold_names += len(known_bases)
        self.gold_names_found += len(known_bases & names)
        for candidate in found:
            self.suggested += 1
            entity = gold.get((candidate.start, candidate.end))
            problem = None
            if entity is None:
                problem = error_class(text, candidate.start, candidate.end, gold, others,
                                      self.other_label)
            else:
                self.exact += 1
                if entity.base is not None:
                    self.judged_base += 1
                    if key(candidate.name) == key(entity.base):
                        self.right_base += 1
                    else:
                        problem = "base form"
                if problem is None and candidate.kind not in NEAR_KINDS[entity.kind]:
                    problem = f"kind {candidate.kind} for {entity.kind}"
            if problem is None:
                self.usable += 1
                self.usable_unknown += entity is not None and entity.base is None
                continue
            self.classes[problem.split(" for ")[0] if problem.startswith("kind") else problem] += 1
            if len(self.examples) < self.errors:
                wanted = f" (gold {entity.base or entity.text!r})" if entity is not None else ""
                self.examples.append(f"{label}: {text[candidate.start:candidate.end]!r} -> "
                                     f"{candidate.name!r} {candidate.kind}: {problem}{wanted}")

    def rows(self) -> list[list[str]]:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"
        return [
            ["precision (exact span)", share(self.exact, self.suggested)],
            ["recall (exact span)", share(self.gold_found, self.gold_total)],
            ["precision (base form, distinct names per text)",
             share(self.names_right, self.names_suggested)],
            ["recall (base form, distinct gold names per text)",
             share(self.gold_names_found, self.gold_names)],
            ["base form right / exact spans with a known base",
             share(self.right_base, self.judged_base)],
            ["usable as they are (span, base form, kind) / suggestions",
             share(self.usable, self.suggested)],
            ["  of which base form unknown (span and kind only)",
             share(self.usable_unknown, self.suggested)],
        ]

    def print(self, extra_rows: Sequence[Sequence[str]] = ()) -> None:
        print_table(["measure", "value"], [*self.rows(), *extra_rows])
        print()
        print_table(["unusable suggestions by class", "share of suggestions"],
                    [[name, f"{count / self.suggested:.3f}"]
                     for name, count in self.classes.most_common()])
        for line in self.examples:
            print(line)
