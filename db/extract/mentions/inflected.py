"""New-actor candidates in an inflected language (Russian, Ukrainian): a run of capitalised words
split where an organisation's name ends and a person's begins ("МВД Ингушетии Яхья Хадзиева" ->
"МВД Ингушетии", "Яхья Хадзиев"), put in its base form ("Северном Кавказе" -> "Северный
Кавказ") and given a kind from the words and the dictionary's tags."""

from __future__ import annotations

import re
from collections import Counter

from db.extract.mentions import russian, ukrainian, ukrainian_extent
from db.extract.mentions import ukrainian_reading as uk_reading
from db.extract.mentions.word_readings import WORD as _WORD
from db.extract.mentions.word_readings import opening as _opening
from db.extract.mentions.word_readings import reading as _reading
from db.extract.mentions.word_readings import tags as _tags
from db.language import language
from db.language.morphology import LANGUAGES, base_form, parses
from db.language.morphology import initialism as is_initialism
from db.language.name_forms import person_base, prefer_written

_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "NOUN", "ADJF"}
_PROPER_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}
_INITIALS_BEFORE = re.compile(r"(?<![\w'’.-])(?:[А-ЯІЇЄҐ] ?\. ?){1,2}$")
_NOT_NAME_TAGS = {"VERB", "INFN", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "GRND", "PRED", "INTJ"}


def refine(text: str, start: int, end: int, kind: str | None, code: str,
           ) -> list[tuple[int, int, str, str | None]]:
    """(start, end, base-form name, kind) of the names in ``text[start:end]``."""
    end = ukrainian_extent.extent(text, start, end) if code == "uk" else _with_head_noun(text, end)
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    if not words:
        return []
    tags = [_tags(w, code) for _, _, w in words]
    # a verb, adverb, preposition or pronoun opening the run is no part of a name ("Сообщил")
    while words and tags[0] & _NOT_NAME_TAGS and not tags[0] & _NAME_TAGS:
        words, tags = words[1:], tags[1:]
    # a plural noun opening a Ukrainian sentence is no part of the name after it
    # ("Представники НОКу")
    # and so is a common noun before a name in the genitive ("Засідання Державного комітету")
    if code == "uk" and len(words) > 1 and _opening(text, words[0][0]) and (
            uk_reading.plural_common_noun(words[0][2]) or _common_noun_before_genitive(
                words[0][2], tags[0], words[1][2])):
        words, tags = words[1:], tags[1:]
    # a pronoun, adverb or verb opening a Ukrainian sentence is none either ("Чому ВГСУ")
    if code == "uk" and len(words) > 1 and _opening(text, words[0][0]) and \
            uk_reading.function_word_or_verb(words[0][2]) and \
            not uk_reading.first_name(words[0][2]):
        words, tags = words[1:], tags[1:]
    # a Ukrainian title opening the run goes, and says a person follows ("Голова Петро ...")
    while code == "uk" and len(words) > 1 and (ukrainian.is_title(words[0][2]) or
                                              words[0][2].lower() in ukrainian.NOT_NAMES):
        kind = "person" if ukrainian.is_title(words[0][2]) else kind
        words, tags = words[1:], tags[1:]
    if not words or (code == "uk" and len(words) == 1 and ukrainian.is_title(words[0][2])):
        return []  # a title alone names no one: "Тоді Міністр енергетики ... заявив"
    opening = _opening(text, words[0][0]) and not (
        code == "uk" and uk_reading.after_abbreviation(text, words[0][0]))
    # a common word opening a sentence ("Решение принял ..."; not the city "Київ")
    common_opening = (not tags[0] & _PROPER_TAGS or (
        code == "uk" and uk_reading.first_reading_common(words[0][2]))) and (
        opening or (code == "uk" and uk_reading.opening_a_line_of_speech(text, words[0][0]))) and (
        code != "uk" or not uk_reading.large_place(" ".join(base_form([words[0][2]], code))))
    if len(words) == 1 and common_opening:
        return []
    if code == "uk" and len(words) == 1 and (
            opening or uk_reading.opening_a_line_of_speech(text, words[0][0])) and \
            uk_reading.function_word_or_verb(words[0][2]):
        return []  # "Далі", "Тобі", "Немає" opening a sentence or a line of speech ("— Агов")
    following = "".join(uk_reading.lower_case_words_after(text, words[0][1])[:1])
    if code == "uk" and len(words) == 1 and opening and \
            uk_reading.adjective_of_noun(words[0][2], following) and \
            not uk_reading.possessor(words[0][2], following):
        return []  # "Сірі чаплі не люблять змін": an adjective opening a sentence, its noun
    honoured = [i for i in range(1, len(words)) if code == "uk" and words[i][2] in ("імені", "ім")]
    if code == "uk":
        for i in range(len(words) - 1):
            if russian.PERSON_TAGS & tags[i] and uk_reading.adjective_of_noun(
                    words[i][2], words[i + 1][2]):
                tags[i] = tags[i] - russian.PERSON_TAGS  # "Полтавської області": no surname
        for i in range(len(words) - 1):
            if russian.PERSON_TAGS & tags[i] and is_initialism(words[i + 1][2], code) and \
                    any(p.tag.POS == "ADJF" for p in parses(words[i][2], code)):
                tags[i] = tags[i] - russian.PERSON_TAGS  # "Хмельницької АЕС": no woman's surname
        for i in range(1, len(words)):
            if russian.PERSON_TAGS & tags[i] and uk_reading.common_noun_of_adjective(
                    words[i - 1][2], words[i][2]):  # "Верховна Рада": no woman named Рада
                tags[i - 1] = tags[i - 1] - russian.PERSON_TAGS
                tags[i] = tags[i] - russian.PERSON_TAGS
        for i in range(honoured[0] + 1 if honoured else len(words), len(words)):
            tags[i] = tags[i] - russian.PERSON_TAGS - {"Name"}  # "університету імені Тараса ..."
    pieces: list[list[int]] = [[0]]
    person = next((i for i, t in enumerate(tags) if russian.PERSON_TAGS & t), None)
    if person is not None and person > 0 and not any(russian.PERSON_TAGS & t for t in tags[:person]) \
            and words[person][2][:1].isupper():  # "Хаджибейським лиманом": no surname Лиман
        # "МВД Ингушетии Яхья Хадзиев": the person's name begins there (with an unknown first
        # name just before a known surname)
        before = words[person - 1][2]
        # a word the dictionary does not know, in the surname's case ("Вагіфа Алієва": its
        # guess reads "Вагіфа" as an initialism)
        unknown_first = code == "uk" and "Name" not in tags[person] and \
            _unknown_first_name(before, words[person][2])
        if (unknown_first or not tags[person - 1] & {"Geox", "Orgn", "Abbr"}) and \
                not before.isupper() and before[:1].isupper() and (
                    unknown_first or (person > 1 and "Name" not in tags[person]) or (
                    code == "uk" and "Name" not in tags[person] and uk_reading.first_name(before))
                    or (code == "uk" and _surname_first(words[0][2], tags[person:person + 2],
                                                        words[person][2]))):
            # a first name the dictionary does not tag as one in this case, before a
            # surname: "Євгенові Іванову" (the dative of Євген reads first as an adjective);
            # not before a first name it does tag ("Верховної Ради Андрій Парубій")
            person -= 1
        # an electoral bloc is named after its leader, in the genitive ("Блоку Порошенка",
        # "Блок Юлії Тимошенко"): one organisation (a person after it is split off below)
        bloc = code == "uk" and person == 1 and _BLOC.fullmatch(words[0][2]) is not None and \
            "gent" in _person_cases(words[1][2])
        pieces = [list(range(person)), list(range(person, len(words)))] if person and \
            not bloc else [list(range(len(words)))]
    elif code == "uk" and uk_reading.district_after_place([w for _, _, w in words]):
        # "Садове Арцизького району": the village, and the district it lies in
        pieces = [list(range(len(words) - 2)), [len(words) - 2, len(words) - 1]]
    else:
        pieces = [list(range(len(words)))]
    if code == "uk":
        pieces = [part for piece in pieces
                  for part in _second_person(piece, [w for _, _, w in words], tags)]
    # a city split off before a person's name ("Ізраїлю Шимоном Пересом") is the city
    cities = {piece[0]: city for piece in pieces[:-1]
              if code == "uk" and len(piece) == 1 and
              (city := uk_reading.city_in_oblique_case(words[piece[0]][2])) is not None and
              (uk_reading.large_place(city) or not uk_reading.first_name(words[piece[0]][2]))}
    found = []
    for piece in pieces:
        if code == "uk" and len(piece) == 1 and piece[0] == 0 and common_opening:
            continue  # "Дружина Ірина Сміяненко": the common word opening the sentence goes
        p_start, p_end = words[piece[0]][0], words[piece[-1]][1]
        # "м." of a city keeps its dot ("Печерський райсуд м. Києва"), and so do "ім." and the
        # initials after it ("Інститут психології ім. С. Костюка")
        written = [words[i][2] + "." if (words[i][2] == "м" or (honoured and i >= honoured[0] and (
            words[i][2] == "ім" or len(words[i][2]) == 1))) and
            text[words[i][1]:words[i][1] + 2].lstrip(" ")[:1] == "." else words[i][2] for i in piece]
        if code == "uk" and uk_reading.names_no_actor(
                written + uk_reading.lower_case_words_after(text, p_end)) and \
                not text[max(0, p_start - 2):p_start].strip().endswith(("«", '"', "“")):
            continue  # "Податкового кодексу", "Різдва": a law, a feast (not a quoted title)
        piece_tags = [tags[i] for i in piece]
        if code == "uk" and len(written) == 1 and ((
                uk_reading.common_initialism(written[0]) and
                _institution(written[0], code) is None) or (
                (initialism := ukrainian.INFLECTED_INITIALISM.fullmatch(written[0])) and
                initialism.group(1).lower() in ukrainian.NOT_NAMES)):
            continue  # "без ПДВ", "на ТЕС", "ФОПа": a tax, a power plant, a trader, no name
        before, after = text[max(0, p_start - 12):p_start], text[p_end:p_end + 2]
        piece_kind = _kind(" ".join(written), piece_tags, kind if len(pieces) == 1 else None,
                           code, before, after)
        if code == "uk" and piece_kind == "person" and kind != "person" and (
                uk_reading.large_place_not_a_name(written) or (len(written) == 1 and
                uk_reading.place_not_a_person(written[0], " ".join(base_form(written, code))))):
            piece_kind = "place"  # "в Лондон", "(Кременчук, ...)": the city, not a surname
        if piece_kind == "person" and code in LANGUAGES:
            base = " ".join(person_base(written, code))
        elif code == "uk" and len(written) == 1 and \
                (initialism := ukrainian.INFLECTED_INITIALISM.fullmatch(written[0])):
            base = initialism.group(1)
        elif code == "uk" and len(written) == 1 and piece_kind == "place":
            base = uk_reading.place_base(written[0])
        elif code == "uk":
            base = " ".join(base_form(written, code, singular=True,
                                      gender_of=lambda word: uk_reading.expansion_gender(text, word)))
        else:
            base = _base(written, code)
        if piece[0] in cities and len(piece) == 1:
            base, piece_kind = cities[piece[0]], "place"
        elif code == "uk" and len(written) == 1 and (owner := uk_reading.possessor(
                written[0], "".join(uk_reading.lower_case_words_after(text, p_end)[:1]))):
            base, piece_kind = owner, "person"  # "Лесиного музею": the person Леся
        elif piece_kind is None and code == "uk" and len(written) == 1 and \
                uk_reading.first_name(written[0]) and not uk_reading.large_place(base) and \
                ukrainian.PLACE_PREPOSITION.search(before) is None:
            piece_kind = "person"  # "нагадали Романові": a first name, not the town Roman
        elif piece_kind is None and code == "uk" and (uk_reading.known_place(base) or
                                                      uk_reading.small_town(base)):
            piece_kind = "place"  # the Ukrainian dictionary tags no places: the gazetteer knows
            # cities, GeoNames smaller towns ("Моршин")
        elif code == "uk" and len(written) == 1 and piece_kind in (None, "person") and \
                kind != "person" and "Name" not in piece_tags[0] and \
                (city := uk_reading.city_in_oblique_case(written[0])):
            # "аеропортам Донецька", "від Львова": a city's genitive, not an adjective or a
            # woman's surname
            base, piece_kind = city, "place"
        if piece_kind is None and code == "uk" and len(written) == 1 and \
                not _opening(text, p_start) and uk_reading.capitalised_being(written[0]):
            piece_kind = "person"  # "бачить її Бог", "сказав Вчитель": a being named so
        if piece_kind is None and code == "uk" and len(written) == 1 and \
                not _opening(text, p_start):
            # "вулиці Городецьку, Соборну", "областей: Одеську, ..."; "сказав Покровський"
            piece_kind = uk_reading.lone_adjective_kind(
                written[0], "".join(uk_reading.lower_case_words_after(text, p_end)[:1]))
            if piece_kind == "person":
                base = " ".join(person_base(written, code))
        found.append((p_start, p_end, base, piece_kind))
    return found


def named(text: str, start: int, end: int, kind: str, code: str, counts: Counter[str],
          ) -> list[tuple[int, int, str | None, str]]:
    """(start, end, kind, base-form name) of the names in a span the NER model found as a
    person, place or organisation: split at line breaks, brackets and dashes ("Исламского
    государства (ИГ)" gives two names), quotes at its edges left out; an organisation's kind made
    finer from its words ("МВД Ингушетии" a state body, "Интерфакс" a media outlet).
    ``counts``: the text's words in lower case, to prefer base forms the text also writes."""
    found: list[tuple[int, int, str | None, str]] = []
    for piece in _PIECE.finditer(text, start, end):
        written = piece.group(0).split()
        if not written or not any(c.isalpha() for c in piece.group(0)):
            continue
        name = " ".join(written)
        piece_kind: str | None = kind
        if kind == "organisation":
            piece_kind = _institution(name, code) or kind
        if kind == "person" and _CYRILLIC_WORD.search(name):
            base = person_base(written, code) if code in LANGUAGES else written
        elif code in LANGUAGES:
            base = base_form(written, code, frozenset(_PREFERRED.get(kind, ())))
        else:
            base = _base_words(written, code)
        if len(base) == 1:
            base = [prefer_written(written[0], base[0], counts)]
        found.append((piece.start(), piece.end(), piece_kind, " ".join(base)))
    return found


#: a piece of a name: no line breaks, brackets, dashes or quotes at its edges
_PIECE = re.compile(r"[^\s()\[\]«»\"“”„—–]+(?:[ \t]+[^\s()\[\]«»\"“”„—–]+)*")
#: the dictionary's readings a name of each kind takes in a tie ("Ливане": the place Ливан)
_PREFERRED = {"place": ("Geox",), "organisation": ("Orgn", "Abbr")}
_CYRILLIC_WORD = re.compile(r"[а-яё]", re.IGNORECASE)


def _surname_first(before: str, tags: list[set[str]], first: str) -> bool:
    """Whether a word the dictionary does not know as a surname is one written before a first
    name and patronymic, as documents list people ("Шелельо Михайло Васильович",
    "Веліжанським Сергієм Сергійовичем"): it agrees with them in case, where it declines."""
    if len(tags) < 2 or "Name" not in tags[0] or "Patr" not in tags[1]:
        return False
    cases, own = _person_cases(first), _person_cases(before)
    return not cases or not own or bool(cases & own)


_BLOC = re.compile(r"Блок(?:у|ом|і)?")
_CYRILLIC_NAME = re.compile(r"[А-ЯІЇЄҐ][а-яіїєґ'’]+")


def _unknown_first_name(before: str, surname: str) -> bool:
    """Whether a capitalised word the dictionary does not know, right before a surname and in
    a case it may be in, is a first name it lacks ("Вагіфа Алієва", "Пінкаса Ріттера"): no
    place the gazetteer knows."""
    if not _CYRILLIC_NAME.fullmatch(before) or any(p.is_known for p in parses(before, "uk")) or \
            uk_reading.known_place(" ".join(base_form([before], "uk"))):
        return False
    cases, own = _person_cases(surname), _person_cases(before)
    return not cases or not own or bool(cases & own)  # an undeclined one: any case


def _second_person(piece: list[int], words: list[str], tags: list[set[str]],
                   ) -> list[list[int]]:
    """A run split where a second person's name begins: a first name and the word after it,
    in a case the word before them cannot be in ("Віктора Януковича Євген Анісімов",
    "президентом Ізраїлю Шимоном Пересом", "У Львові Францішек Смолька"): a name's words agree in case, so two names in
    different cases side by side are two (a surname before its first name and patronymic
    agrees with them: "Шевченко Тарас Григорович" stays one)."""
    for at in range(1, len(piece)):
        index = piece[at]
        last = at == len(piece) - 1
        # a first name, or any name after a place in an oblique case ("Ізраїлю Шимоном"); a
        # first name alone may end the run ("Бродського Світлана": his wife Світлана)
        after_place = at == 1 and not last and \
            uk_reading.city_in_oblique_case(words[index - 1]) is not None
        opens = after_place or ("Name" in tags[index] and not tags[index - 1] & {"Name", "Patr"})
        if not opens or (not last and not words[index + 1][:1].isupper()):
            continue
        before, first = _person_cases(words[index - 1]), _person_cases(words[index])
        if before and first and not before & first:
            return [piece[:at], piece[at:]]
    return [piece]


def _person_cases(word: str) -> set[str]:
    """The cases a capitalised word may be in ("Януковича": genitive or accusative)."""
    found = [p for p in parses(word, "uk") if p.tag.case and "Fixd" not in p.tag.grammemes]
    if len(found) < len(parses(word, "uk")) and any("Fixd" in p.tag.grammemes
                                                     for p in parses(word, "uk")):
        return set()  # "Ткаченко" declines not: any case
    return {p.tag.case for p in found}


def _ukrainian_kind(name: str, tags: list[set[str]], before: str, after: str) -> str | None:
    """What the Ukrainian dictionary cannot say, which tags no places or organisations: a
    place by its last word ("область", "Шахтарськ", "Миколаївка") or, one or two words read as
    nouns or adjectives with a reading of a thing, by a preposition of place before it ("у
    Києві", not the man Кий; "до Львова", not a woman Львова); an organisation by its quotes («Профіт») or as an initialism."""
    words = name.split()
    last = words[-1]
    if before.rstrip().endswith(("«", "„", '"')) and after.lstrip().startswith(("»", "“", '"')):
        # no place is written in quotes: a party, a newspaper, a company ("від «Батьківщини»",
        # "газети «Житомирщина»"), also as tokenized text spaces them ("« Ровесника »")
        return "organisation"
    if ukrainian.place_initialism(last):
        return "place"
    if len(words) == 1 and not last.isupper() and _INITIALS_BEFORE.search(before):
        return "person"  # "А. А. Реформатського": a surname after the initials
    if len(words) == 1 and last.isupper() and len(last) >= 3 and \
            not any(p.is_known for p in parses(last, "uk")):
        return "organisation"  # "ГУОВ", "РВПРГ": an initialism, not a surname guessed by its end
    if len(words) > 1 and is_initialism(words[0], "uk") and \
            not ukrainian.place_initialism(words[0]) and words[1][:1].isupper():
        return "organisation"  # "НАН України", "ДАБІ України": an initialism and its country
    if ukrainian.PLACE_HEADS.search(last) or (
            len(words) == 1 and ukrainian.PLACE_ENDINGS.fullmatch(last) and
            not uk_reading.masculine_in_ii(last) and
            not last.isupper() and not russian.PERSON_TAGS & tags[0]):
        return "place"
    if len(words) == 1 and ukrainian.INFLECTED_INITIALISM.fullmatch(last):
        return "organisation"
    if len(tags) <= 2 and not last.isupper() and not (len(words) == 2 and uk_reading.first_name(words[0])) \
            and ukrainian.PLACE_PREPOSITION.search(before) is not None and (
                (len(words) == 1 and uk_reading.thing_in_oblique_case(last, before) and (
                    not russian.PERSON_TAGS & tags[0] or uk_reading.city_in_oblique_case(last))) or
                all({"NOUN", "ADJF"} & t and ("inan" in t or "anim" not in t) and
                    not russian.PERSON_TAGS & t for t in tags)):
        return "place"
    if ukrainian.PLACE_NOUN_BEFORE.search(before) and (not any(
            {"Name", "Patr"} & t for t in tags) or (  # "голова села Петро Іваненко" is a man
            len(words) == 1 and uk_reading.city_in_oblique_case(last))):  # "у м. Києві"
        return "place"  # "у селі Кожичі", "річку Полтву", "смт Димер": named by its noun
    if last.isupper() and len(last) >= 2 and not any(russian.PERSON_TAGS & t for t in tags):
        return "organisation"
    return None


def _common_noun_before_genitive(word: str, tags: set[str], following: str) -> bool:
    found = parses(word, "uk")
    return bool(found) and found[0].tag.POS == "NOUN" and not tags & _PROPER_TAGS and \
        not word.isupper() and _institution(word, "uk") is None and \
        not ukrainian.ORGANISATION_NOUN.search(word) and \
        not ukrainian.PLACE_HEADS.search(word) and not ukrainian.is_title(word) and \
        "gent" in _reading(following)[1] and "nomn" not in _reading(following)[1]


def word_counts(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def institution_kind(name: str) -> str | None:
    """The kind a Ukrainian name's words say: a media outlet, armed group, state body or
    organisation ("Українська правда", "Печерський райсуд"), None where they say none."""
    return _institution(name, "uk")


def _institution(name: str, code: str = "ru") -> str | None:
    words = ukrainian if code == "uk" else russian
    if words.MEDIA.search(name):
        return "media_outlet"
    if words.ARMED.search(name):
        return "armed_group"
    if words.STATE.search(name):
        return "state_body"
    if words.ORGANISATION.search(name):
        return "organisation"
    return None


_NEXT = re.compile(r"\s+([а-яёіїєґ][\w-]*)")


def _with_head_noun(text: str, end: int) -> int:
    """Where a name ends that a capitalised adjective begins and a lower-case noun finishes
    ("Верховный суд", "Калининградской области"); ``end`` when none follows."""
    following = _NEXT.match(text, end)
    if following and russian.NAME_HEADS.match(following.group(1)):
        return following.end(1)
    return end


def _base(words: list[str], code: str) -> str:
    return " ".join(_base_words(words, code))


def _base_words(words: list[str], code: str) -> list[str]:
    lang = language(code)
    if lang is None or lang.base_name is None:
        return list(words)
    return lang.base_name(words)


def _kind(name: str, tags: list[set[str]], guessed: str | None, code: str = "ru",
          before: str = "", after: str = "") -> str | None:
    institution = _institution(name, code)
    if institution is not None:
        return institution
    if code == "uk":
        found = _ukrainian_kind(name, tags, before, after)
        if found is not None:
            return found
    persons = sum(bool(russian.PERSON_TAGS & t) for t in tags)
    if code == "uk" and uk_reading.adjective_and_noun_place(name):
        return "place"  # "Мала Костромка", "Красний Луч": no person's name opens with an adjective
    if code == "uk" and len(tags) == 1 and not persons and uk_reading.unknown_surname(name):
        return "person"  # a word the dictionary does not know, by its ending a surname
    if code == "uk" and 2 <= len(tags) <= 3 and uk_reading.first_name(name.split()[0]) \
            and all(w[:1].isupper() for w in name.split()):
        return "person"  # a first name and a surname the dictionary does not know ("Надії Бурдей")
    if persons == len(tags) or (len(tags) >= 2 and persons >= len(tags) - 1):
        return "person"
    if russian.PLACE_HEADS.search(name.split()[-1]):
        return "place"
    if any(russian.PLACE_TAGS & t for t in tags):
        return "place"
    if any(russian.ORGANISATION_TAGS & t for t in tags):
        return "organisation"
    # capitals alone say little in Russian (no title case): only the English cues that name
    # an institution are kept
    if guessed in ("media_outlet", "armed_group", "state_body", "organisation"):
        return guessed
    # two or three capitalised words the dictionary does not know: a foreign name ("Джейн Остин")
    if 2 <= len(tags) <= 3 and not any({"NOUN", "ADJF"} & t - russian.PERSON_TAGS and
                                       not russian.PERSON_TAGS & t for t in tags):
        return "person"
    if code == "uk" and len(tags) == 1 and not name.isupper():
        if ukrainian.SURNAME_ENDING.fullmatch(name):
            return "person"  # "Журавко", "Яковинцю": a surname by its ending
        if ukrainian.NEUTER_PLACE.fullmatch(name):
            return "place"  # "Дашавське": a neuter adjective standing alone names a place
    return None
