"""Dictionary morphology for Russian and Ukrainian (pymorphy3 with its OpenCorpora and
LanguageTool dictionaries): a word's base form and its case forms, loaded on first use.

The analysers take about 0.1 s and 25 MB each to load; nothing here loads them at import.
The dictionaries are an optional part of the standalone download (:mod:`db.optional_parts`):
without them :func:`analyser` is one that knows no word, so every function here gives what it
gives for an unknown word (the word as written, no other forms) and the missing part is reported
once; Russian and Ukrainian text is then searched by its Snowball stems alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

#: languages with a pymorphy3 dictionary
LANGUAGES = ("ru", "uk")
_CACHE_LIMIT = 200_000


#: the optional part of the standalone download holding the dictionaries
PART = "dictionaries"


def available() -> bool:
    """Whether the dictionaries are installed (always from source; a part of the download)."""
    from db import optional_parts

    return optional_parts.installed(PART)


class _NoDictionary:
    """The analyser without its dictionary: no word is known, none has an analysis."""

    def parse(self, word: str) -> list[Any]:
        return []

    def word_is_known(self, word: str) -> bool:
        return False


@functools.cache
def analyser(code: str) -> Any:
    """The pymorphy3 analyser of ``code`` ("ru" or "uk"); one that knows no word, the missing
    part reported once, when the dictionaries are not installed."""
    if not available():
        from db import optional_parts

        optional_parts.report_missing(PART)
        return _NoDictionary()
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


#: the parts of speech whose every form :func:`inflections` gives (their stems alternate:
#: "борец" / "борца", "попытка" / "попыток", which no stemmer joins)
_INFLECTED = {"NOUN", "ADJF"}


@functools.lru_cache(maxsize=4096)
def inflections(word: str, code: str) -> tuple[str, ...]:
    """Every form of the most likely readings of ``word`` (lower case) that are nouns or
    adjectives, ё written е: "борцами" -> "борец", "борца" ... "борцах"; () when there is none.
    The readings as likely as the first all count: the Ukrainian dictionary has no frequencies,
    so "війни" reads first as the rare verb "війнути" and only as likely as the noun "війна"."""
    found = analyser(code).parse(word)
    if not found:
        return ()
    best = found[0].score
    forms = {form.word.replace("ё", "е")
             for parse in found if parse.score >= best and parse.tag.POS in _INFLECTED
             for form in parse.lexeme}
    return tuple(sorted(forms))


def parses(word: str, code: str) -> list[Any]:
    """Every analysis pymorphy3 gives of ``word``, most likely first."""
    return list(analyser(code).parse(word))


#: the cases a name is written in (singular): "Дагестан", "Дагестана", "Дагестану" ...
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_FIXED = {"Fixd", "Abbr"}
#: the readings of a word as a person's first name, surname or patronymic
_PERSONAL = frozenset({"Name", "Surn", "Patr"})


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
_LIKE_NOMINATIVE = {"nomn", "accs", "voct"}
_PERSON = {"Name", "Surn", "Patr"}


def shouted_name(word: str, code: str = "ru") -> bool:
    """Whether a word written in capitals is a person's name, not an initialism ("ПОРОШЕНКА",
    "ТИМОШЕНКО", "КОВАЛЬЧУКОМ"): the dictionary knows it, reads it as no abbreviation, one of
    its first readings as a first name, surname or patronymic and the first as a person's
    name or a living being's noun ("ковальчук"; "ВЛАДА", "МАСКА" are things first). It
    guesses surnames for unknown initialisms ("РВПРГ", "ГУОВ"): those stay initialisms."""
    if not word.isupper() or len(word) < 3:
        return False
    options = analyser(code).parse(word)
    return bool(options) and options[0].is_known and \
        any(_PERSONAL & p.tag.grammemes for p in options[:3]) and \
        bool((_PERSONAL | {"anim"}) & options[0].tag.grammemes) and \
        not any("Abbr" in p.tag.grammemes for p in options)


def initialism(word: str, code: str = "ru") -> bool:
    """Whether a word is an initialism ("АЕС", "МВД"): in capitals, and no name in capitals."""
    return word.isupper() and len(word) > 1 and not shouted_name(word, code)


def unshouted(word: str) -> str:
    """A name written in capitals as a name is written ("ПОРОШЕНКО" -> "Порошенко")."""
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def indeclinable(word: str, options: Sequence[Any], code: str = "ru") -> bool:
    """A word of a name kept as written: an initialism ("АЕК", "МВД"), a word the dictionary
    reads first as one that does not decline ("Баку", "Сочи"), or one it does not know and
    does not read as a noun or adjective first ("Пеле", "Ципи": foreign names)."""
    if initialism(word, code):
        return True
    if not options:
        return True
    top = options[0].tag
    if _FIXED & set(top.grammemes):
        return True
    return top.POS not in ("NOUN", *_ADJECTIVES) and not analyser(code).word_is_known(word)


def base_form(words: list[str], code: str = "ru", prefer: frozenset[str] = frozenset(),
              singular: bool = False, gender_of: Callable[[str], str | None] | None = None) -> list[str]:
    """A name as it is written in the nominative: its leading adjectives and the noun they go
    with put in the nominative, agreeing; the words after that noun kept as written (they are
    in the genitive: "Палаты общин" -> "Палата общин", "МВД Ингушетии" stays); capitals kept
    as written ("Северном Кавказе" -> "Северный Кавказ", "Следственного комитета" ->
    "Следственный комитет"). ``prefer``: grammemes whose readings win a tie ("Geox" for a
    place: "Ливане" -> "Ливан", not the name "Ливана"). ``singular``: a word that reads as a
    singular in another case is not taken for a plural nominative (Ukrainian "Партії регіонів"
    -> "Партія регіонів"; "Збройні Сили", a plural only, stays). Adjectives before an
    initialism agree with it ("Чорнобильської АЕС" -> "Чорнобильська АЕС"): see
    :func:`_before_initialism`, ``gender_of`` the initialism's gender where the text says it."""
    morph = analyser(code)
    head = next((i for i, w in enumerate(words) if initialism(w, code)), None)
    if head:
        agreeing = _before_initialism(words, head, code, gender_of)
        if agreeing is not None:
            return agreeing
    readings: list[list[Any]] = []
    agreeable: list[list[Any]] = []
    for w in words:
        options = morph.parse(w)
        if indeclinable(w, options, code):
            readings.append([])
            agreeable.append([])
            continue
        kept = [p for p in options if p.tag.case and not _FIXED & set(p.tag.grammemes)]
        if w[:1].islower():
            # a word written in lower case is no first name nor surname: "Чорнобильській зоні"
            # is the zone ("зона"), not the woman "Зоня"
            kept = [p for p in kept if not _PERSONAL & p.tag.grammemes] or kept
        singular_too = singular and any(p.tag.number != "plur" and p.tag.case != "nomn" for p in kept)
        if singular_too:
            kept = [p for p in kept if not (p.tag.number == "plur" and p.tag.case == "nomn")]
        readings.append(kept)
        # what an adjective before it may agree with: not its plural accusative or vocative,
        # the plural nominative's form ("Молоді України": "Молодь України", not a plural)
        agreeable.append([p for p in kept if p.tag.POS == "NOUN" and not (
            singular_too and p.tag.number == "plur" and p.tag.case in _LIKE_NOMINATIVE)])

    def weight(parse: Any) -> float:
        return float(parse.score) + (0.5 if prefer & parse.tag.grammemes else 0.0)

    best: tuple[bool, int, float] = (False, 0, 0.0)
    best_case, best_chosen = None, []
    for case in CASES:
        chosen: list[Any] = []
        before: list[Any] = []  # the readings of the adjective before, in this case
        score, headed = 0.0, False
        for index, options in enumerate(readings):
            in_case = [p for p in options if p.tag.case == case]
            if not in_case:
                break
            nouns = [p for p in in_case if p.tag.POS == "NOUN"]
            adjectives = [p for p in in_case if p.tag.POS in _ADJECTIVES]
            last = index == len(readings) - 1
            # a tie goes to the adjective where a lower-case word in the same case follows,
            # the noun it goes with ("Української асоціації": not the surname Українка)
            # and where the next word reads as a noun in that case the adjective agrees with
            # ("Латинської Америки", "Кривого Рогу": not the noun "латинська", "криве")
            tie_to_adjective = not last and ((words[index + 1][:1].islower() and any(
                p.tag.case == case for p in readings[index + 1])) or any(
                agree(a, n) for a in adjectives for n in agreeable[index + 1] if n.tag.case == case))
            if adjectives and not last and (not nouns or max(map(weight, adjectives)) >
                                            max(map(weight, nouns)) - (0.01 if tie_to_adjective else 0)):
                chosen.append(max(adjectives, key=weight))
                before = adjectives
                score += max(map(weight, adjectives))
                continue
            # the noun the adjectives before it agree with ("Старому Селі": село, not сель)
            agreeing = [n for n in nouns if any(agree(a, n) for a in before)]
            pick = max(agreeing or nouns or in_case, key=weight)
            chosen.append(pick)
            score += weight(pick)
            headed = True
            break
        key = (headed, len(chosen), score + (0.3 if case == "nomn" else 0.0))
        if key > best:
            best, best_case, best_chosen = key, case, chosen
    if best_case is None or best_case == "nomn" or not best[0]:
        return list(words)
    head = best_chosen[-1]
    if _PERSON & head.tag.grammemes and len(words) > len(best_chosen):
        from db.language.name_forms import person_base

        return person_base(words, code)  # a first name and its surname: "Ивана Петрова"
    result = []
    for word, parse in zip(words, best_chosen, strict=False):
        wanted = {"nomn"}
        if parse.tag.POS in _ADJECTIVES:
            wanted.add(head.tag.number or "sing")
            if head.tag.number != "plur" and head.tag.gender:
                wanted.add(head.tag.gender)
        elif parse.tag.number:
            wanted.add(parse.tag.number)
        elif parse.tag.POS == "NOUN" and parse.tag.case != "nomn":
            # the Ukrainian dictionary leaves a singular noun's number (and a masculine's
            # nominative) unsaid, so asked for the nominative it gives the plural ("директора"
            # -> "директори"): its dictionary form is the nominative singular
            result.append(capitalised_like(word, str(parse.normal_form)))
            continue
        # the Ukrainian dictionary gives adjectives a gender but no singular: "Головного
        # управління" -> "Головне управління", not the masculine "Головний"
        nominative = parse.inflect(wanted) or parse.inflect(wanted - {"sing"}) or \
            parse.inflect({"nomn"})
        result.append(capitalised_like(word, nominative.word) if nominative is not None else word)
    return result + list(words[len(best_chosen):])


#: words joining the adjectives of one initialism ("Слов'янської і Старобешівської ТЕС")
_JOINING = {"і", "й", "та", "и", "або", "чи", "или"}


def _before_initialism(words: list[str], head: int, code: str,
                       gender_of: Callable[[str], str | None] | None) -> list[str] | None:
    """The adjectives before an initialism (``words[head]``) in the nominative, or None where
    they are none or in the nominative already. An initialism shows no case, number or gender:
    the adjectives agree with it, so their case is the name's, and their form its number and
    gender where it shows one ("Чорнобильської": feminine); where it shows two
    ("Житомирського": masculine or neuter), the initialism's own: what the text's expansion
    of it ends in (``gender_of``: "Диканське ... підприємство (ГМРП)"), else the dictionary's
    gender of it ("СІЗО": masculine), else the masculine."""
    morph = analyser(code)
    adjectives = [[p for p in morph.parse(w) if p.tag.POS in _ADJECTIVES and p.tag.case]
                  for w in words[:head] if w.lower() not in _JOINING]
    if not adjectives or not all(adjectives) or any(w.lower() in _JOINING for w in (words[0], words[head - 1])):
        return None
    if any(any(p.tag.case == "nomn" for p in a) for a in adjectives):
        return None
    genders: set[str] = set()
    plural = False
    for case in CASES[1:]:  # the forms all the adjectives share in one case
        shared = set.intersection(*({(p.tag.number, p.tag.gender) for p in a if p.tag.case == case}
                                    for a in adjectives))
        genders |= {gender for number, gender in shared if number != "plur" and gender}
        plural = plural or any(number == "plur" for number, _ in shared)
    if not genders and not plural:
        return None
    # one body rather than several where the form reads both ("Одеським": with one, to several)
    if len(genders) > 1:
        own = gender_of(words[head]) if gender_of is not None else None
        known = {p.tag.gender for p in morph.parse(words[head]) if p.tag.POS == "NOUN" and p.tag.gender
                 and p.tag.number != "plur" and p.is_known}
        genders = {own} if own in genders else (known if len(known) == 1 and known <= genders else
                                                 {"masc" if "masc" in genders else sorted(genders)[0]})
    wanted = {"nomn", *genders} if genders else {"nomn", "plur"}
    result = []
    for word in words[:head]:
        if word.lower() in _JOINING:
            result.append(word)
            continue
        readings = [p for p in morph.parse(word) if p.tag.POS in _ADJECTIVES and p.tag.case]
        nominative = next((f for p in readings for w in ((wanted | {"sing"}) if genders else wanted, wanted)
                           if (f := p.inflect(w)) is not None), None)
        if nominative is None:
            return None
        result.append(capitalised_like(word, nominative.word))
    return result + list(words[head:])


def agree(adjective: Any, noun: Any, *, in_case: bool = False) -> bool:
    """Whether an adjective's reading agrees with a noun's in number and gender (the
    Ukrainian dictionary leaves a singular's number unsaid), and with ``in_case`` in case too
    (a noun's base form the dictionary gives no case is a nominative: "держава")."""
    if in_case and (noun.tag.case or "nomn") != adjective.tag.case:
        return False
    if (adjective.tag.number == "plur") != (noun.tag.number == "plur"):
        return False
    return adjective.tag.number == "plur" or bool(adjective.tag.gender == noun.tag.gender)


def capitalised_like(original: str, word: str) -> str:
    """``word`` written with the capitals of ``original`` (all capitals, or the first)."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts, own = original.split("-"), word.split("-")
    if len(parts) > 1 and len(parts) == len(own):
        # each part of a hyphenated name as written: "Івано-Франківської" -> "Івано-Франківська"
        return "-".join(capitalised_like(a, b) for a, b in zip(parts, own, strict=True))
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
