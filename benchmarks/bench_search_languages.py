"""Search in the languages of the sources: recall of inflected queries and of ё/е variants on
real Russian news (NEREL, ../shared/data/ru/nerel, its test split as the held-out set: nothing
was tuned on it), stemmed (issue 13) against the words-as-written search of before.

    python benchmarks/bench_search_languages.py [--split test] [--queries 400]

The truth does not come from the stemmer: a source is relevant to a query word when one of its
words has that word's dictionary base form (pymorphy3), e.g. "боевиков", "боевики" for
"боевик". Queries are base forms of nouns and adjectives that the texts use in other forms
(sampled with a fixed seed); a query is also asked in a case form ("боевиками"). ё/е: words
written with ё somewhere, asked with е and with ё; relevant: every source with either spelling.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
WORD = r"[А-Яа-яЁё]+"


def _load(split: str) -> list[str]:
    splits = ("train", "dev", "test") if split == "all" else (split,)
    return [p.read_text(encoding="utf-8") for name in splits
            for p in sorted((NEREL / name).glob("*_text.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="all", help="train, dev, test or all (nothing in search "
                        "was tuned on NEREL, so all of it is held out)")
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()

    import re

    from db import archive as archive_module
    from db.commands import NewSource, add_sources
    from db.language.morphology import analyser
    from db.search import search_sources

    texts = _load(args.split)
    morph = analyser("ru")
    by_lemma: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, set[str]] = defaultdict(set)
    by_spelling: dict[str, set[int]] = defaultdict(set)  # ё folded -> sources
    yo_words: set[str] = set()
    for index, text in enumerate(texts):
        for word in set(re.findall(WORD, text)):
            lower = word.lower()
            by_spelling[lower.replace("ё", "е")].add(index)
            if "ё" in lower:
                yo_words.add(lower)
            parse = morph.parse(lower)[0]
            if {"NOUN", "ADJF"} & {parse.tag.POS} and len(lower) > 3:
                by_lemma[parse.normal_form].add(index)
                forms[parse.normal_form].add(lower)
    # base forms the texts (also) write in other forms, in at least two sources
    candidates = sorted(lemma for lemma, found in forms.items()
                        if len(by_lemma[lemma]) >= 2 and found - {lemma})
    rng = random.Random(13)
    queries = rng.sample(candidates, min(args.queries, len(candidates)))

    with tempfile.TemporaryDirectory() as folder:
        opened = archive_module.open(Path(folder) / "bench.sqlite")
        with opened.session() as session:
            ids = add_sources(session, [NewSource(text=t, title="", language="ru") for t in texts])
        index_of = {source_id: n for n, source_id in enumerate(ids)}

        def found(query: str, exact: bool) -> set[int]:
            typed = f'"{query}"' if exact else query
            with opened.session() as session:
                return {index_of[h.source_id] for h in search_sources(session, typed, limit=10_000)}

        rows = []
        for label, make in (("base form (боевик)", lambda q: q),
                            ("instrumental plural (боевиками)", _instrumental)):
            for exact in (True, False):
                hit = total = 0
                wrong = 0
                for lemma in queries:
                    query = make(lemma)
                    if query is None:
                        continue
                    relevant = by_lemma[lemma]
                    got = found(query, exact)
                    hit += len(got & relevant)
                    total += len(relevant)
                    wrong += len(got - relevant)
                rows.append([label, "as written (before)" if exact else "stemmed (now)",
                             f"{hit / total:.3f}", str(total), str(wrong)])
        for spelled in ("е", "ё"):
            for exact in (True, False):
                hit = total = 0
                for word in sorted(yo_words):
                    query = word if spelled == "ё" else word.replace("ё", "е")
                    relevant = by_spelling[word.replace("ё", "е")]
                    hit += len(found(query, exact) & relevant)
                    total += len(relevant)
                rows.append([f"ё/е: asked with {spelled} ({len(yo_words)} words)",
                             "as written (before)" if exact else "stemmed (now)",
                             f"{hit / total:.3f}" if total else "-", str(total), "-"])
        opened.close()
    print(f"NEREL {args.split}: {len(texts)} sources, {len(queries)} query words")
    print_table(["queries", "search", "recall", "relevant", "other hits"], rows)


def _instrumental(lemma: str) -> str | None:
    from db.language.morphology import analyser

    parse = analyser("ru").parse(lemma)[0]
    inflected = parse.inflect({"ablt", "plur"}) or parse.inflect({"ablt"})
    return inflected.word if inflected is not None else None


if __name__ == "__main__":
    main()
