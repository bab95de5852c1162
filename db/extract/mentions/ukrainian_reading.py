"""How the Ukrainian dictionary (pymorphy3) and the gazetteer are read for names: first names
the dictionary leaves untagged, cities in an oblique case, places in the nominative, names that
are no actors (laws, feasts, events), words opening a line of speech."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from db.extract.mentions import russian, ukrainian
from db.language.morphology import agree, base_form, capitalised_like, parses


@functools.lru_cache(maxsize=4096)
def unmarked_first_name(word: str) -> bool:
    """Whether a Ukrainian word is a man's first name the dictionary leaves untagged in the
    nominative ("Володимир", "Богдан": a plain animate noun there, a first name in every other
    case)."""
    for parse in parses(word, "uk")[:4]:
        grammemes = parse.tag.grammemes
        if parse.tag.POS == "NOUN" and "anim" in grammemes and parse.tag.case == "nomn" and \
                word[:1].isupper():
            return any("Name" in form.tag.grammemes for form in parse.lexeme)
    return False


_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


def first_reading_common(word: str) -> bool:
    """Whether a capitalised word the dictionary knows reads first of all as a common noun
    or a word of another part of speech, and as no first name: "Станом", "Метою", "Жили"
    opening a sentence, though surnames Стан, Мета, Жила exist too ("Марину" may be the
    woman, "Михайлова" reads first as the possessive of Михайло: both stay names)."""
    found = parses(word, "uk")
    return len(word) > 1 and not word.isupper() and bool(found) and found[0].is_known and \
        found[0].tag.POS != "ADJF" and not _PROPER & found[0].tag.grammemes and \
        not any("Name" in p.tag.grammemes for p in found) and not unmarked_first_name(word)


#: the short words for a street, square, avenue, city, village, river before a name, and a
#: person's initial
_ABBREVIATION = re.compile(r"(?<![\w'’-])(?:вул|пров|просп|пл|бульв|м|с|смт|р|[А-ЯІЇЄҐ]) ?\.\s*$")


def after_abbreviation(text: str, start: int) -> bool:
    """Whether a name at ``start`` follows a place's short word or an initial and its dot
    ("вул. Дружби", "с. Щастя", "В. Ф. Шевчука"): the dot ends no sentence there."""
    return _ABBREVIATION.search(text, max(0, start - 8), start) is not None


def known_place(name: str) -> bool:
    """Whether the offline gazetteer (countries, cities of 15,000 people or more, by every name
    GeoNames gives them, Ukrainian and Russian ones among them; continents, world regions)
    knows ``name``."""
    from db.gazetteer import gazetteer, world_region

    return bool(gazetteer().lookup([name])) or world_region(name) is not None


def small_town(name: str) -> bool:
    """Whether ``name`` is a town of 1,000 to 15,000 people GeoNames names so in Cyrillic
    ("Моршин", "Теребовля"): asked only of a name no word gives a kind to."""
    from db.gazetteer import small_town as town

    return town(name)


def place_not_a_person(word: str, base: str) -> bool:
    """Whether one word guessed a surname by its ending ("Трускавець", "Кременчук") is a
    place: the dictionary reads it as an inanimate noun, as no name of a person, and the
    gazetteer or GeoNames' towns know it."""
    found = parses(word, "uk")
    return bool(found) and found[0].is_known and found[0].tag.POS == "NOUN" and \
        "inan" in found[0].tag.grammemes and \
        not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in found) and \
        (known_place(base) or small_town(base))


def large_place(name: str) -> bool:
    """Whether ``name`` is a continent, a world region, a country or a city of 100,000 people
    or more the gazetteer knows: a name that is more likely the place than a common word
    opening a sentence ("Київ", "Європа")."""
    from db.gazetteer import gazetteer, world_region

    return world_region(name) is not None or any(place.kind != "city" or place.population >= 100_000
               for place in gazetteer().lookup([name]))


_FUNCTION_OR_VERB = {"NPRO", "ADVB", "CONJ", "PRCL", "PREP", "VERB", "INFN", "PRED", "INTJ"}


def function_word_or_verb(word: str) -> bool:
    """Whether any reading of a word the dictionary knows is a pronoun, an adverb, a
    conjunction, a particle, a preposition or a verb ("Далі", "Тобі", "Немає", also read
    as the surname Далі, the name Тобі): opening a sentence, it is that word."""
    found = parses(word, "uk")
    return not word.isupper() and any(p.is_known and p.tag.POS in _FUNCTION_OR_VERB
                                      for p in found)


def capitalised_being(word: str) -> bool:
    """Whether a capitalised word inside a sentence reads first as a common noun of a
    living being ("Бог", "Вчитель", "Сніговик"): capitalised there, it names one."""
    found = parses(word, "uk")
    return bool(found) and not word.isupper() and found[0].is_known and \
        found[0].tag.POS == "NOUN" and "anim" in found[0].tag.grammemes and \
        found[0].tag.number != "plur"


def lone_adjective_kind(word: str, following: str) -> str | None:
    """What a capitalised word read first as an adjective the dictionary knows names when no
    noun after it agrees with it: a person where it is a surname too ("Покровський",
    "Сагайдачного"), else a place whose noun is left out ("вулиці ... Соборну",
    "областей: Одеську, ..."); None for any other word."""
    found = parses(word, "uk")
    if not found or word.isupper() or found[0].tag.POS != "ADJF" or not found[0].is_known or \
            _POSSESSIVE.fullmatch(found[0].normal_form):  # "Вакаревим": the surname Вакарев
        return None
    nouns = [p for p in parses(following, "uk") if p.tag.POS == "NOUN"] if following else []
    if any(agree(a, n, in_case=True) for n in nouns for a in found if a.tag.POS == "ADJF"):
        return None
    if any({"Name", "Patr"} & p.tag.grammemes for p in found):
        return None
    # a masculine one names a man (his surname or nickname: "Карий не мав наміру", "У Карого"),
    # as the nouns left out after a place's adjective are a street's, a region's (feminine)
    return "person" if any("Surn" in p.tag.grammemes for p in found) or \
        found[0].tag.gender == "masc" else "place"


def large_place_not_a_name(written: list[str]) -> bool:
    """Whether one word is a country or a large city the gazetteer knows (in the nominative
    or another case) and reads as no first name: "Лондон", "Кременчук" are the cities more
    likely than the surnames; not a word ending as surnames do ("Шевченко", "Хмельницький",
    towns of that name too)."""
    if len(written) != 1 or written[0].isupper() or first_name(written[0]) or \
            ukrainian.SURNAME_ENDING.fullmatch(written[0]) or \
            any(p.tag.POS == "ADJF" for p in parses(written[0], "uk")[:1]):
        return False
    return large_place(place_base(written[0])) or large_place(written[0])


def city_in_oblique_case(word: str) -> str | None:
    """The city a Ukrainian word names in a case other than the nominative, if the gazetteer
    knows it ("Донецька" -> "Донецьк", "Львова" -> "Львів")."""
    for parse in parses(word, "uk"):
        if parse.tag.POS == "NOUN" and "inan" in parse.tag.grammemes and \
                parse.tag.case not in (None, "nomn"):
            nominative = parse.inflect({"nomn"})
            if nominative is not None and nominative.word != word.lower() and \
                    known_place(capitalised_like(word, nominative.word)):
                return capitalised_like(word, nominative.word)
    return None


def place_base(word: str) -> str:
    """A one-word place in the nominative, read as a thing ("Києві" the city Київ, not the man
    Кий), the locative first, as after "у", "на"."""
    things = [p for p in parses(word, "uk") if "inan" in p.tag.grammemes and p.tag.case and
              not (p.tag.number == "plur" and p.tag.case == "nomn")]
    if not things or word.isupper():
        return " ".join(base_form([word], "uk", singular=True))
    if any(p.tag.case == "nomn" for p in things):
        return word
    chosen = max(things, key=lambda p: (p.tag.case == "loct", p.score))
    nominative = chosen.inflect({"nomn"})
    return capitalised_like(word, nominative.word) if nominative is not None else word


#: the lower-case words right after a name ("Другої світової війни": its noun comes later)
_NEXT_WORDS = re.compile(r"(?: [а-яіїєґ'’-]+){1,4}")


def lower_case_words_after(text: str, at: int) -> list[str]:
    """The lower-case words right after ``at`` (up to four)."""
    match = _NEXT_WORDS.match(text, at)
    return match.group(0).split() if match else []


def names_no_actor(written: list[str]) -> bool:
    """Whether a Ukrainian name's head noun, after its adjectives (and the lower-case words
    after it), names a law, a book, a feast, an event or an award
    (:data:`ukrainian.NOT_ACTOR_HEADS`)."""
    for word in written:
        found = parses(word, "uk")
        if word.isupper() or not found:
            return False
        if {p.normal_form for p in found if p.tag.POS == "NOUN"} & ukrainian.NOT_ACTOR_HEADS:
            return True
        if found[0].tag.POS != "ADJF":
            return False
    return False


def first_name(word: str) -> bool:
    """Whether any reading of a Ukrainian word is a first name."""
    return unmarked_first_name(word) or any("Name" in p.tag.grammemes for p in parses(word, "uk"))


def unknown_surname(word: str) -> bool:
    """Whether a capitalised word the dictionary does not know reads, by its ending, as a
    surname ("Гветадзе")."""
    found = parses(word, "uk")
    return word[:1].isupper() and bool(found) and not found[0].is_known and \
        any("Surn" in p.tag.grammemes for p in found)


def common_initialism(word: str) -> bool:
    """Whether an initialism is a common noun the dictionary gives a plural to ("ПДВ", "АЗС",
    "ТЕС": a tax, filling stations, power plants), as it does to no name of one body ("СБУ",
    "НБУ"; "ЗСУ", "США" are plural only). A few state bodies read so too ("МВС", "ОДА"):
    the words that name an institution are read before this."""
    if not word.isupper() or len(word) < 2:
        return False
    return any(p.is_known and p.tag.POS == "NOUN" and "plur" in p.tag.grammemes and
               "Pltm" not in p.tag.grammemes for p in parses(word, "uk"))


def masculine_in_ii(word: str) -> bool:
    """Whether a word in "-ія" or "-ію" reads first as the genitive or dative of a masculine
    noun in "-ій" ("Амфібрахія", "Амфібрахію" of the man Амфібрахій), not as a country's or
    a region's name in "-ія" ("Бельгію")."""
    found = parses(word, "uk")
    return word.lower().endswith(("ія", "ію")) and bool(found) and found[0].tag.POS == "NOUN" \
        and found[0].tag.gender == "masc" and found[0].normal_form.endswith("ій")


def plural_common_noun(word: str) -> bool:
    found = parses(word, "uk")
    return bool(found) and not word.isupper() and found[0].tag.POS == "NOUN" and \
        found[0].tag.number == "plur" and found[0].tag.case == "nomn" and \
        not russian.PERSON_TAGS & set(found[0].tag.grammemes)


_WITH = re.compile(r"(?:^|\s)(?:з|із|зі)\s+$", re.IGNORECASE)


def thing_in_oblique_case(word: str, before: str = "") -> bool:
    """Whether a word reads as a thing in a case a preposition of place takes ("Києві",
    "Львова"); "з" with the instrumental is "with" someone ("із Романом"), no place."""
    with_someone = _WITH.search(before) is not None
    return any(p.tag.case not in (None, "nomn") and "inan" in p.tag.grammemes and
               not (with_someone and p.tag.case == "ablt") for p in parses(word, "uk"))


_SPEECH = re.compile(r"(?:^|\n|[.!?…:]\s*)\s*(?:[—–-]|«)\s*$")


def opening_a_line_of_speech(text: str, start: int) -> bool:
    """Whether ``start`` opens a line of dialogue ("— Згода !") or a quotation after a colon
    ("сказав : « Гарна ...")."""
    return _SPEECH.search(text, max(0, start - 8), start) is not None


_DISTRICT = re.compile(r"(?:район|област|округ)[аиуі]\w*", re.IGNORECASE)


def district_after_place(words: list[str]) -> bool:
    """Whether a name ends in the district or region a place lies in, in the genitive, after
    the place itself ("Садове Арцизького району", "Володимирець Рівненської області"), not
    after an institution ("Прокуратура Приморського району" is one name)."""
    if len(words) < 3 or not _DISTRICT.fullmatch(words[-1]) or words[-1][:1].isupper():
        return False
    adjective = [p for p in parses(words[-2], "uk") if p.tag.POS == "ADJF" and p.tag.case == "gent"]
    head = words[0]
    return bool(adjective) and words[-2][:1].isupper() and not head.isupper() and not any(
        ukrainian.INSTITUTION_HEAD.search(word) or ukrainian.STATE.search(word) or
        ukrainian.ORGANISATION_NOUN.search(word) for word in words[:-2])


def adjective_and_noun_place(name: str) -> bool:
    """Whether a two-word name is a capitalised adjective and the noun it goes with, no first
    name, as villages, tracts and countries are named ("Мала Костромка", "Горохова Діброва",
    "Велика Британія"): a place; a person written surname first has a first name second
    ("Лісова Ганна")."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    first, second = parses(words[0], "uk"), parses(words[1], "uk")
    if not first or not second or first[0].tag.POS != "ADJF" or \
            any({"Name", "Patr"} & p.tag.grammemes for p in second) or \
            unmarked_first_name(words[1]):
        return False
    return any(p.tag.POS == "NOUN" and "Surn" not in p.tag.grammemes and
               p.tag.case == first[0].tag.case and p.tag.gender == first[0].tag.gender
               for p in second)


def adjective_of_noun(word: str, following: str) -> bool:
    """Whether a capitalised word reads as an adjective agreeing with the lower-case noun
    after it ("Полтавської області", "Вінницькій області"): no woman's surname there."""
    if not following[:1].islower():
        return False
    nouns = [p for p in parses(following, "uk") if p.tag.POS == "NOUN"]
    return any(a.tag.POS == "ADJF" and any(agree(a, n, in_case=True) for n in nouns) for a in parses(word, "uk"))


def common_noun_of_adjective(adjective: str, noun: str) -> bool:
    """Whether a word read first as an adjective agrees with the word after it read as a
    common noun ("Верховна Рада", "Вищий Суд"): no person's name, though Рада is a woman's."""
    first = parses(adjective, "uk")
    if not first or first[0].tag.POS != "ADJF" or any(
            "Name" in p.tag.grammemes for p in first):  # "Ірина" reads first as Іра's
        return False
    commons = [p for p in parses(noun, "uk") if p.tag.POS == "NOUN" and p.is_known and
               not {"Name", "Surn", "Patr"} & p.tag.grammemes]
    return any(agree(a, n, in_case=True) for n in commons for a in first if a.tag.POS == "ADJF")


def agreeing(readings: list[Any], word: str, pos: str, listed: bool = False) -> list[Any]:
    """The adjective's readings that agree with a reading of ``word`` as a ``pos`` (a noun
    or an adjective after it); ``listed``: the adjective is the last of a list, whose noun
    is in the plural ("Київській та Житомирській областях"), so the case alone agrees."""
    found = [p for p in parses(word, "uk") if pos == p.tag.POS]
    return [a for a in readings if any(
        agree(a, w, in_case=True) or (listed and w.tag.number == "plur" and w.tag.case == a.tag.case)
        for w in found)]


_LOWER_WORD = re.compile(r" ([а-яіїєґ][а-яіїєґ'’-]*)(?![\w'’-])")


def noun_of_adjective(text: str, adjective: str, end: int) -> int | None:
    """Where the lower-case noun ends that a capitalised adjective in the genitive, ending at
    ``end``, goes with, over the lower-case adjectives between ("Донецької міськради",
    "Антимонопольного комітету", "Національної гвардії", "Українського товариства"): a
    capitalised adjective inside a name is never its end; None where no noun agrees."""
    every = parses(adjective, "uk")
    readings = [p for p in every if p.tag.POS == "ADJF" and p.tag.case == "gent"]
    if not readings or every[0].tag.POS != "ADJF":
        return None
    at = end
    for _ in range(3):
        match = _LOWER_WORD.match(text, at)
        if match is None:
            return None
        found = parses(match.group(1), "uk")
        if any(p.tag.POS == "NOUN" and agree(a, p, in_case=True) for p in found for a in readings):
            return match.end(1)
        if not any(p.tag.POS == "ADJF" and agree(a, p, in_case=True) for p in found for a in readings):
            return None
        at = match.end(1)
    return None


_CAPITAL = r"[A-ZА-ЯІЇЄҐ]"
#: "імені" or "ім." and the name of whom an institution is named after, in the genitive:
#: initials and a surname ("ім. Л. Погорілого", "ім . Т . Г . Шевченка"), or one or two
#: capitalised words ("імені Тараса Шевченка", "імені Паризької Комуни")
_IN_HONOUR_OF = re.compile(
    rf" (?:імені|ім ?\.) ?(?:(?:{_CAPITAL} ?\. ?){{1,3}}{_CAPITAL}[\w'’-]+|"
    rf"{_CAPITAL}[\w'’-]+(?: {_CAPITAL}[\w'’-]+)?)(?![\w'’-])")


def in_honour_of(text: str, at: int) -> int | None:
    """Where the words end, right after ``at``, that say whom an institution is named after
    ("університету імені Тараса Шевченка", "Інституту психології ім. С. Костюка"): they are
    part of its name; None where none follow."""
    match = _IN_HONOUR_OF.match(text, at)
    return match.end() if match is not None else None


#: a possessive adjective's base form ends in "-ів", "-їв" (of a man: "Петрів", "Андріїв") or
#: "-ин", "-їн" (of a woman, or a man whose name ends in "-а": "Лесин", "Маріїн", "Миколин");
#: every other Ukrainian adjective's in "-ий", "-ій", "-їй"
_POSSESSIVE = re.compile(r"(.+?)(ів|їв|ин|їн)")
#: what the name ends in that each suffix is added to: "Гамлет-ів", "Петр(о)-ів",
#: "Андрі(й)-їв", "Микол(а)-ин", "Лес(я)-ин", "Марі(я)-їн"
_NAME_ENDINGS = {"ів": ("", "о"), "їв": ("й",), "ин": ("а", "я"), "їн": ("я",)}
#: possessive adjectives whose stem alternates ("-чин" of a name in "-ка": "Іванчиних" of
#: Іванка; "-жий" of a noun in "-г": "Божа" of Бог), and the base form the dictionary guesses
#: for one it does not list, as for any adjective ("Путінових" -> "путіновий" of Путін)
_ALTERNATING = ((re.compile(r"(.+)чин"), "ка"), (re.compile(r"(.+)жий"), "г"))
_GUESSED = re.compile(r"(.+)[ое]вий")


def _owners(adjective: Any) -> list[tuple[str, bool]]:
    """The names a possessive adjective may be made from, likeliest first, each with whether
    its stem alternates or was guessed (then a living being's noun makes one too)."""
    normal = adjective.normal_form
    stem = _POSSESSIVE.fullmatch(normal)
    found = [(stem.group(1) + ending, False) for ending in _NAME_ENDINGS[stem.group(2)]] \
        if stem else []
    found += [(match.group(1) + ending, True) for pattern, ending in _ALTERNATING
              if (match := pattern.fullmatch(normal)) is not None]
    guessed = _GUESSED.fullmatch(normal)
    if guessed is not None and not adjective.is_known:  # "дубовий" is the dictionary's own
        found.append((guessed.group(1), True))
    return found


def _owner(name: str, being: bool) -> bool:
    """Whether the dictionary knows ``name`` as a first name or a surname that declines (an
    undeclined one makes no possessive), or, where ``being``, as a living being ("Бог")."""
    return any(p.normal_form == name and p.is_known and p.tag.POS == "NOUN" and (
        ({"Name", "Surn"} & p.tag.grammemes and "Fixd" not in p.tag.grammemes) or
        (being and "anim" in p.tag.grammemes)) for p in parses(name, "uk"))


def possessor(word: str, following: str) -> str | None:
    """The person a capitalised possessive adjective before a lower-case noun it agrees with
    speaks of ("Петровими рухами" -> "Петро", "Лесиного музею" -> "Леся", "Іванчиних рук" ->
    "Іванка"): a name of its own, not one with the noun; None where ``word`` is no such
    adjective."""
    if not word[:1].isupper() or word.isupper() or not following[:1].islower():
        return None
    nouns = [p for p in parses(following, "uk") if p.tag.POS == "NOUN"]
    for adjective in parses(word, "uk"):
        if adjective.tag.POS != "ADJF" or \
                not any(agree(adjective, n, in_case=True) for n in nouns):
            continue
        for name, being in _owners(adjective):
            if _owner(name, being):
                return capitalised_like(word, name)
    return None


@functools.lru_cache(maxsize=256)
def expansion_gender(text: str, abbreviation: str) -> str | None:
    """The gender of the noun an initialism's expansion in the text ends in: lower-case
    adjectives and a noun whose initials (each part of a hyphenated word too) spell the
    initialism or its last letters, two at least ("госпрозрахункове мисливсько-рибальське
    підприємство" for ГМРП, "територіальне відділення" for ОТВ: neuter); the longest
    expansion found, the gender most of its occurrences give; None where the text has none."""
    letters = abbreviation.lower()
    for size in range(len(letters), 1, -1):
        pattern = r"(?<![\w'’-])" + r"(?:[^\S\n]+|-)".join(
            re.escape(letter) + r"[а-яіїєґ'’]*" for letter in letters[-size:]) + r"(?![\w'’-])"
        genders: Counter[str] = Counter()
        for match in re.finditer(pattern, text, re.IGNORECASE):
            words = match.group(0).split()
            nouns = [p for p in parses(words[-1], "uk") if p.tag.POS == "NOUN" and p.tag.gender and
                     p.tag.number != "plur"]
            # the adjectives before the noun agree with it: "нафтопереробний завод", not
            # "підсумками засідання"
            agreeing = {n.tag.gender for n in nouns if len(words) > 1 and all(
                any(a.tag.POS in ("ADJF", "PRTF") and agree(a, n, in_case=True) for a in parses(w, "uk"))
                for w in words[:-1])}
            if len(agreeing) == 1:
                genders[agreeing.pop()] += 1
        if genders:
            return genders.most_common(1)[0][0]
    return None
