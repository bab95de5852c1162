"""Dictionary morphology for Russian and Ukrainian (pymorphy3 with its OpenCorpora and
LanguageTool dictionaries): a word's base form and its case forms, loaded on first use.

The analysers take about 0.1 s and 25 MB each to load; nothing here loads them at import.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

#: languages with a pymorphy3 dictionary
LANGUAGES = ("ru", "uk")
_CACHE_LIMIT = 200_000


@functools.cache
def analyser(code: str) -> Any:
    """The pymorphy3 analyser of ``code`` ("ru" or "uk")."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


_LEMMAS: dict[str, dict[str, str]] = {code: {} for code in LANGUAGES}


def lemma(word: str, code: str) -> str:
    """The most likely base form of ``word`` (lower case): "боевиков" -> "боевик"."""
    cache = _LEMMAS[code]
    found = cache.get(word)
    if found is None:
        parses = analyser(code).parse(word)
        found = parses[0].normal_form if parses else word.lower()
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[word] = found
    return found


def lemmas(words: Sequence[str], code: str) -> list[str]:
    return [lemma(w, code) for w in words]


def parses(word: str, code: str) -> list[Any]:
    """Every analysis pymorphy3 gives of ``word``, most likely first."""
    return list(analyser(code).parse(word))


#: the cases a name is written in (singular): "Дагестан", "Дагестана", "Дагестану" ...
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_FIXED = {"Fixd", "Abbr"}


def case_forms(name: str, code: str = "ru") -> set[str]:
    """Every case form of a name (lower case), its words agreeing: "Северный Кавказ" ->
    "северного кавказа", "северном кавказе" ...; words that are not in the nominative (the
    genitive of "МВД Ингушетии") or do not decline ("МВД") stay as they are."""
    words = name.split()
    if not words or len(words) > 6:
        return set()
    morph = analyser(code)
    parsed = []
    for word in words:
        options = [p for p in morph.parse(word) if "nomn" in p.tag and not _FIXED & set(p.tag.grammemes)]
        # a name's word: the reading as a name, surname, place or noun in the nominative
        options.sort(key=lambda p: (not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes),
                                    -p.score))
        parsed.append(options[0] if options else None)
    nouns = [p for p in parsed if p is not None and p.tag.POS == "NOUN"]
    animacy = (nouns[-1].tag.animacy if nouns else None) or "inan"
    forms = set()
    for case in CASES:
        pieces = []
        for word, parse in zip(words, parsed, strict=True):
            wanted = {case}
            if parse is not None and parse.tag.POS in _ADJECTIVES and nouns:
                head = nouns[-1].tag
                wanted.add(head.number or "sing")
                if head.number != "plur" and head.gender:
                    wanted.add(head.gender)
                if case == "accs" and (head.gender == "masc" or head.number == "plur"):
                    wanted.add(animacy)
            inflected = (parse.inflect(wanted) or parse.inflect({case})) if parse is not None else None
            pieces.append(_same_case(word, inflected.word) if inflected is not None else word.lower())
        forms.add(" ".join(pieces))
    forms.discard(name.lower())
    return forms


def _same_case(original: str, inflected: str) -> str:
    return inflected.replace("ё", "е") if "ё" not in original.lower() else inflected


_ADJECTIVES = {"ADJF", "PRTF", "NUMR"}


def base_form(words: list[str], code: str = "ru") -> list[str]:
    """A name as it is written in the nominative: the leading words that agree in one case are
    put in the nominative, adjectives agreeing with their noun; words in another case kept
    ("Северном Кавказе" -> "Северный Кавказ", "Юрия Царёва" -> "Юрий Царёв", "Следственного
    комитета" -> "Следственный комитет", "МВД Ингушетии" stays); capitals kept as written."""
    morph = analyser(code)
    readings = [[p for p in morph.parse(w) if p.tag.case and not _FIXED & set(p.tag.grammemes)]
                for w in words]
    best_case, best_run, best_score = None, 0, 0.0
    for case in CASES:
        run, score = 0, 0.0
        for options in readings:
            matching = [p.score for p in options if p.tag.case == case]
            if not matching:
                break
            run, score = run + 1, score + max(matching)
        if (run, score) > (best_run, best_score):
            best_case, best_run, best_score = case, run, score
    if best_case is None or best_case == "nomn":
        return list(words)
    chosen = [max((p for p in options if p.tag.case == best_case), key=lambda p: p.score)
              for options in readings[:best_run]]
    nouns = [p for p in chosen if p.tag.POS == "NOUN"]
    head = nouns[-1] if nouns else None
    result = []
    for word, parse in zip(words[:best_run], chosen, strict=True):
        wanted = {"nomn"}
        if parse.tag.POS in _ADJECTIVES and head is not None:
            wanted.add(head.tag.number or "sing")
            if head.tag.number != "plur" and head.tag.gender:
                wanted.add(head.tag.gender)
        nominative = parse.inflect(wanted) or parse.inflect({"nomn"})
        result.append(_capitalised_like(word, nominative.word) if nominative is not None else word)
    return result + list(words[best_run:])


def _capitalised_like(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
