"""Statistic suggestions scored against hand-labelled sentences of one language (the Russian and
French benchmarks): each sentence is found again by where it is and checked by its sha1, the
suggestions for it are paired with its labels, and precision and recall are given per split."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from benchmarks._common import pair_statistics, print_table, ratio, same_number
from db.extract.statistics import StatisticCandidate, suggest_statistics

#: the text of the sentence an evaluation item names (its document's text cut at its offsets)
SentenceOf = Callable[[dict[str, Any]], str]


def claimant_matcher(snowball: str, unsaid: Collection[str] = ()) -> Callable[[str | None, str | None], bool]:
    """Two claimants are the same when their words (less ``unsaid`` ones: articles, titles) have
    the same Snowball stems in order, so another case form or an article still matches."""
    import Stemmer

    stemmer = Stemmer.Stemmer(snowball)

    def stems(value: str | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        words = [w for w in re.findall(r"[^\W_]+", value.casefold().replace("ё", "е")) if w not in unsaid]
        return tuple(stemmer.stemWords(words)) or None

    return lambda label, got: stems(label) == stems(got)


def checked(item: dict[str, Any], text: str, where: str) -> str:
    """``text``, the sentence ``item`` labels, once its sha1 is the labelled one's."""
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != item["sha1"]:
        raise SystemExit(f"{item['id']}: the sentence in {where} is not the one labelled")
    return text


def _bounds_right(label: dict[str, Any], got: StatisticCandidate) -> bool:
    return (same_number(label["low"], got.low) and same_number(label["high"], got.high)
            and bool(label["approximate"]) == got.approximate)


def evaluate(items: list[dict[str, Any]], sentence_of: SentenceOf, language: str,
             same_claimant: Callable[[str | None, str | None], bool], show_errors: bool) -> list[object]:
    labelled = suggested = full = value_only = bounds = negatives_hit = 0
    for item in items:
        sentence = sentence_of(item)
        got = suggest_statistics(sentence, None, language)
        labels = item["statistics"]
        labelled += len(labels)
        suggested += len(got)
        pairs = pair_statistics(labels, got, same_claimant)
        loose = pair_statistics(labels, got)
        full += len(pairs)
        value_only += len(loose)
        bounds += sum(_bounds_right(label, candidate) for label, candidate in loose)
        negatives_hit += bool(not labels and got)
        if show_errors and (len(pairs) != len(labels) or len(got) != len(pairs)):
            print(f"\n{item['id']}: {sentence}")
            for label in labels:
                print(f"   label: {label['value']} [{label['low']}, {label['high']}] "
                      f"~{label['approximate']} claimant={label['claimant']}")
            for candidate in got:
                print(f"   got:   {candidate.value} [{candidate.low}, {candidate.high}] "
                      f"~{candidate.approximate} claimant={candidate.claimant} unit={candidate.unit} "
                      f"subject={candidate.subject} measure={candidate.measure}")
    return [len(items), labelled, suggested, ratio(full, suggested), ratio(full, labelled),
            ratio(value_only, suggested), ratio(value_only, labelled), ratio(bounds, value_only),
            negatives_hit]


def main(description: str | None, labels: Path, sentence_of: SentenceOf, language: str,
         same_claimant: Callable[[str | None, str | None], bool],
         readable: Callable[[dict[str, Any]], bool] | None = None) -> None:
    """The command line of a language's benchmark: ``--errors``, ``--split NAME`` (tuning,
    heldout, or any other split the labels name, such as a second held-out draw). Items that
    ``readable`` says cannot be read here (their texts are not on this machine) are left out,
    and how many is said."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--errors", action="store_true", help="print the sentences scored wrong")
    parser.add_argument("--split", help="only this split (tuning, heldout ...)")
    args = parser.parse_args()
    items = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    if readable is not None:
        unread = [i for i in items if not readable(i) and (not args.split or i["split"] == args.split)]
        if unread:
            print(f"{len(unread)} labelled sentences left out: their texts are not on this machine "
                  f"(splits {', '.join(sorted({i['split'] for i in unread}))})")
        items = [i for i in items if readable(i)]
    splits = list(dict.fromkeys(["tuning", "heldout", *(i["split"] for i in items)]))
    rows = []
    for split in splits:
        chosen = [i for i in items if i["split"] == split]
        if (args.split and split != args.split) or not chosen:
            continue
        rows.append([split, *evaluate(chosen, sentence_of, language, same_claimant,
                                      args.errors and args.split == split)])
    print_table(["split", "sentences", "labelled", "suggested", "P", "R", "P value", "R value",
                 "bounds right", "negatives hit"], rows)
