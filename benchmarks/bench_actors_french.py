"""New-actor suggestions on French press against hand-labelled actors (benchmarks/fr_actors_eval.jsonl):
precision and recall by exact span and by base form, and how many suggestions are usable as
they are (the right span, the right base form and the right kind), scored as
bench_actors_russian.py scores NEREL (benchmarks/_actor_scores.py).

    DOSSIER_FR_MIRRORS=... python benchmarks/bench_actors_french.py [--split tuning|heldout]
        [--errors 40] [--draw]

The documents: 30 excerpts (first ~1,500 characters) of the French press of feryah/gilets_jaunes
(Belgian, Swiss, Quebec and France papers), drawn as benchmarks/_french_actor_docs.py says;
``--draw`` prints them for labelling. The texts stay in the mirror; the labels hold offsets in
the excerpt (HTML entities read) and its sha1. Split by document: "tuning" (15 documents, 118
actors) is tuned on, "heldout" (15, 136) is not (its errors are not read while tuning).

Labelled, exhaustively per document, before any French rule: every name a researcher would
take for an actor: persons, organisations, state bodies, media outlets, places (towns,
countries, regions, streets and squares, roads). The span leaves out lower-case articles and
elided ones ("l'Elysée" -> "Elysée"), titles ("le Premier ministre Edouard Philippe" ->
"Edouard Philippe"); a capitalised article of the name stays ("L'Obs", "Le Monde"). A ministry
named in a minister's title is its own state body, the span its name's word ("le ministre de
l'Intérieur": "Intérieur", base form "ministère de l'Intérieur"); a lower-case name of a body
is labelled where it names one body ("ministère de l'Intérieur", "parquet de Paris", "police
cantonale vaudoise"), not a generic one ("le gouvernement", "la police fédérale"); streets
and squares with their noun ("boulevard Malesherbes", "place du Luxembourg"). Not labelled:
the "gilets jaunes" (a description of people, lower case in most papers; a named group of them
is: "Gilets jaunes libres"), peoples and demonyms ("les Français"), events ("l'acte VIII",
"COP24", "Grand débat"), works, laws and treaties ("l'accord de Paris"), hashtags and
handles, page furniture ("FIGAROVOX/ANALYSE", "Lire aussi", "NDLR"). The base form is the
name as a registry would hold it: the span's words, all-capital datelines in title case
("PARIS" -> "Paris"), a ministry as above. Kinds person, organisation, state_body,
media_outlet, place; scored as the other benchmarks score (an organisation may be a state
body, armed group or media outlet), the finer kind reported apart.

Measured (branch fract; before: the generic suggester the French went through until then, after:
db/extract/mentions/french.py and french_names.py):
- tuning (tuned on): usable 0.424 -> 0.856, precision by exact span 0.602 -> 0.888, recall
  0.602 -> 0.941, precision by base form 0.564 -> 0.865, recall by base form 0.640 -> 0.933;
- heldout (run once before the French rules and once after them): usable 0.504 -> 0.774,
  precision by exact span 0.723 -> 0.883, recall 0.632 -> 0.890, precision by base form
  0.705 -> 0.885, recall by base form 0.650 -> 0.893 (137 suggestions, 136 gold actors). The
  unusable held-out suggestions left: no kind 6.6 %, no actor 6.6 %, a person's kind for
  another 3.6 %, a title or other word glued 2.2 %, words after the name 1.5 %, a part of a
  name 1.5 %.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._actor_scores import Gold, Tally  # noqa: E402
from benchmarks._french_actor_docs import draw, mirror, sha1, split_of  # noqa: E402

EVAL = ROOT / "benchmarks" / "fr_actors_eval.jsonl"
COARSE = {"person": "person", "place": "place", "organisation": "organisation",
          "state_body": "organisation", "media_outlet": "organisation",
          "armed_group": "organisation"}


def labelled() -> list[dict[str, object]]:
    return [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tuning", choices=("tuning", "heldout"))
    parser.add_argument("--errors", type=int, default=0, help="print this many unusable ones")
    parser.add_argument("--draw", action="store_true", help="print the drawn documents")
    args = parser.parse_args()
    git_dir = mirror()
    if git_dir is None:
        print("feryah/gilets_jaunes is not among DOSSIER_FR_MIRRORS: skipped")
        return
    documents = {document.id: document for document in draw(git_dir)}
    if args.draw:
        for index, document in enumerate(documents.values()):
            print(f"=== {index:02d} {split_of(index)} {document.id}\n{document.text}\n")
        return
    from db.extract.mentions import suggest_new_actors

    tally = Tally(other_label="other", errors=args.errors)
    fine = Counter[str]()
    items = [item for item in labelled() if item["split"] == args.split]
    for item in items:
        document = documents[str(item["id"])]
        if sha1(document.text) != item["sha1"]:
            raise SystemExit(f"{item['id']}: the mirror's text is not the one labelled")
        entities = item["entities"]
        assert isinstance(entities, list)
        gold = {(e["start"], e["end"]): Gold(COARSE[e["kind"]],
                                             document.text[e["start"]:e["end"]], e["base"])
                for e in entities}
        kinds = {(e["start"], e["end"]): e["kind"] for e in entities}
        found = suggest_new_actors(document.text, language="fr")
        tally.add(document.id, document.text, gold, {}, found)
        for candidate in found:
            wanted = kinds.get((candidate.start, candidate.end))
            if wanted is not None:
                fine["at a gold span"] += 1
                fine["finer kind right"] += candidate.kind == wanted
    print(f"French press ({args.split}): {len(items)} documents, {tally.suggested} suggestions, "
          f"{tally.gold_total} gold actors")
    share = fine["finer kind right"] / fine["at a gold span"] if fine["at a gold span"] else 0
    tally.print([["finer kind right (state body, media outlet ...) / exact spans",
                  f"{share:.3f}"]])


if __name__ == "__main__":
    main()
