"""Base forms of Russian person names and of names the dictionary does not know.

A person's name is put in the nominative as a whole: the case and gender its words agree in are
read from the dictionary's first names, surnames and patronymics ("Юрия Царёва" -> "Юрий Царёв",
"Анны Ахматовой" -> "Анна Ахматова", "Уго Чавеса" -> "Уго Чавес"); a surname the dictionary
does not know takes the ending its case and gender give ("Брэда Питта" -> "Брэд Питт"), and a
foreign woman's surname that does not decline stays ("Анны Франк" -> "Анна Франк").

Where a text writes a name in other forms too, the base form it also writes wins over a guess
("в Ливане" -> "Ливан" in a text that has "Ливан"): :func:`prefer_written`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from db.language.morphology import (
    CASES,
    analyser,
    capitalised_like,
    indeclinable,
    initialism,
    shouted_name,
    unshouted,
)

_PERSON = {"Name", "Surn", "Patr"}
#: endings of the oblique cases of names the dictionary does not know, and their nominative
_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("gent", "masc"): (("я", "ь"), ("а", ""), ("ы", "а")),
    ("accs", "masc"): (("я", "ь"), ("а", ""), ("у", "а"), ("ю", "я")),
    ("datv", "masc"): (("ю", "ь"), ("у", ""), ("е", "а")),
    ("ablt", "masc"): (("ым", ""), ("ом", ""), ("ем", "ь"), ("ой", "а")),
    ("loct", "masc"): (("е", ""),),
    ("gent", "femn"): (("ой", "а"), ("ы", "а")),
    ("accs", "femn"): (("у", "а"), ("ю", "я")),
    ("datv", "femn"): (("ой", "а"), ("е", "а")),
    ("ablt", "femn"): (("ой", "а"), ("ей", "я")),
    ("loct", "femn"): (("ой", "а"), ("е", "а")),
}
_VOWELS = set("аеёиоуыэюяaeiouy")


def person_base(words: list[str], code: str = "ru") -> list[str]:
    """A person's name in the nominative, its words agreeing in gender; a name written in
    capitals ("Петра ПОРОШЕНКА") as names are written ("Петро Порошенко")."""
    return [unshouted(w) if shouted_name(w, code) else w for w in _nominative(words, code)]


def _nominative(words: list[str], code: str) -> list[str]:
    morph = analyser(code)
    readings = [[] if indeclinable(w, parses, code) else _person_readings(parses)
                for w, parses in ((w, morph.parse(w)) for w in words)]
    best: tuple[float, bool, str, str] | None = None
    for case in CASES:
        for gender in ("masc", "femn"):
            total = 0.0
            for index, options in enumerate(readings):
                # Ukrainian: a surname that does not decline ("Дорошенко" of a woman) fits
                # every case, at half the weight of a declined word; a name's first word
                # reads as a first name before a surname ("Ганні": Ганна, not Ганн); in a tie
                # the reading the dictionary lists first wins ("Марині": Марина, not Мариня)
                weights = [_weight(p) * (0.5 if "Fixd" in p.tag.grammemes else 1.0) + (
                           0.5 * (index == 0 and "Name" in p.tag.grammemes) - 0.001 * rank
                           if code == "uk" else 0.0)
                           for rank, p in enumerate(options)
                           if p.tag.case == case and _fits(p, gender) and
                           (code == "uk" or "Fixd" not in p.tag.grammemes)]
                total += max(weights, default=0.0)
            key = (total, case == "nomn", case, gender)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None or best[0] == 0.0 or best[2] == "nomn":
        return list(words)
    _, _, case, gender = best
    result = []
    for word, options in zip(words, readings, strict=True):
        if initialism(word, code) or not word[:1].isalpha() or \
                not _cyrillic(word) or any("Fixd" in p.tag.grammemes for p in options) or \
                _fixed_first(word, code):
            result.append(word)
            continue
        fitting = [p for p in options if p.tag.case == case and
                   _fits(p, gender)]
        nominative = None
        if fitting:
            parse = max(fitting, key=_weight)
            # the Ukrainian dictionary marks no singular: its nominative is asked without it
            inflected = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn", "sing"})
            if inflected is None and code == "uk":
                inflected = parse.inflect({"nomn", gender}) or parse.inflect({"nomn"})
            nominative = inflected.word if inflected is not None else None
        if nominative is None:
            nominative = _by_ending(word.lower(), case, gender)
        result.append(capitalised_like(word, nominative))
    return result


def _fixed_first(word: str, code: str) -> bool:
    found = analyser(code).parse(word)
    return bool(found) and "Fixd" in found[0].tag.grammemes


def _fits(parse: Any, gender: str) -> bool:
    found = parse.tag.gender
    return found is None or found == gender


def _person_readings(parses: list[Any]) -> list[Any]:
    return [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur"]


def _weight(parse: Any) -> float:
    weight = float(parse.score)
    if _PERSON & parse.tag.grammemes:
        weight += 2.0
    elif {"Poss", "anim"} & parse.tag.grammemes:
        weight += 0.5
    return weight


def _by_ending(word: str, case: str, gender: str) -> str:
    if gender == "femn" and word[-1:] not in _VOWELS and word[-2:] not in ("ой", "ей"):
        return word  # "Франк": a foreign woman's surname does not decline
    for ending, nominative in _ENDINGS.get((case, gender), ()):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            if ending == "я" and stem[-1:] in _VOWELS:
                return stem + "й"  # "Андрея" -> "Андрей"
            return stem + nominative
    return word


def alternatives(word: str) -> set[str]:
    """Nominatives a written word may come from (lower case): the dictionary's and the endings'."""
    lower = word.lower()
    found = {lower}
    for parse in analyser("ru").parse(word):
        if parse.tag.case and parse.tag.number != "plur":
            inflected = parse.inflect({"nomn", "sing"})
            if inflected is not None:
                found.add(inflected.word)
    for (case, gender) in _ENDINGS:
        found.add(_by_ending(lower, case, gender))
    return found


def prefer_written(written: str, base: str, counts: Counter[str]) -> str:
    """``base`` of a one-word name, or another nominative ``written`` may come from where the
    text writes that one and not ``base`` (``counts``: the text's words, lower case)."""
    seen = counts[base.lower()] - (base.lower() == written.lower())
    if seen > 0 or not _cyrillic(written):
        return base
    options = [(counts[w], w) for w in alternatives(written) if w != written.lower() and counts[w]]
    if not options:
        return base
    return capitalised_like(written, max(options)[1])


def _cyrillic(word: str) -> bool:
    return any("а" <= c <= "я" or c == "ё" for c in word.lower())
