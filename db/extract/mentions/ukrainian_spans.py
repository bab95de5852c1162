"""Ukrainian names that reach past a run of capitalised words: an organisation's name written
before its quoted name ("Благодійний фонд «Платар»"), taken with it as one organisation; a
person's initials before or after the surname ("В. Ф. Януковича", "Кузнєцов А. С."); a state
body's branch in a region ("Управління СБУ у Чернігівській області"); streets (see
ukrainian_streets)."""

from __future__ import annotations

import re

from db.extract.mentions import ukrainian
from db.extract.mentions.ukrainian_streets import Found, listed_streets, with_street

_ORGANISATIONS = {"organisation", "state_body", "armed_group", "media_outlet"}


def widen(text: str, found: list[Found]) -> list[Found]:
    """The names of a Ukrainian text (sorted by start, longest first) with the ones a name
    before them holds already left out, and an organisation followed by its quoted name taken
    with it ("Благодійного фонду «Платар»" -> "Благодійний фонд «Платар»")."""
    kept: list[Found] = []
    for name in found:
        if kept and name[0] < kept[-1][1]:
            continue  # a name that ran on over the next run holds it already
        if kept and (branch := _branch(text, kept[-1], name)) is not None:
            kept[-1] = branch
            continue
        if kept and (district := _district_of_city(text, kept[-1], name)) is not None:
            kept[-1] = district
            continue
        if kept and (family := _family(text, kept[-1], name)) is not None:
            kept[-1] = family
            continue
        name = _whole_quoted_title(text, _with_region_word(text, _with_number(text, with_street(
            text, _with_quoted_name(text, _latin_organisation(text, name))))))
        if name[2] == "person":
            name = _with_initials(text, name)
            while kept and kept[-1][0] >= name[0]:
                kept.pop()  # an initial taken for a name of its own ("В" of "В. Ф. ...")
        kept.append(name)
    return listed_streets(text, _unknown_words_as_persons(text, _listed_kinds(text, _shared_heads(
        text, _nicknames(text, kept)))))


_LETTER = r"[A-ZА-ЯІЇЄҐ]"
#: one or two initials right before a surname ("В. Ф. ", "Т . І . ", as tokenized text has it)
_INITIALS_BEFORE = re.compile(rf"(?<![\w'’.-])((?:{_LETTER} ?\. ?){{1,2}})$")
#: one or two initials right after a surname (" А. С.")
_INITIALS_AFTER = re.compile(rf" ({_LETTER} ?\.(?: ?{_LETTER} ?\.)?)(?![\w'’-])")


def _initials(written: str) -> str:
    return " ".join(f"{letter}." for letter in re.findall(_LETTER, written))


def _with_initials(text: str, name: Found) -> Found:
    """A person with the initials written before or after the surname ("В. Ф. Януковича" ->
    "В. Ф. Янукович", "Януковича В. Ф." -> "Янукович В. Ф.")."""
    start, end, kind, written = name
    words = text[start:end].split()
    if len(words) > 1 and len(words[-1]) == 1 and text[end:end + 1] == ".":
        # the run took the first initial after the surname without its dot: "Януковича В"
        end = start + text[start:end].rstrip().rfind(" ")
        written = written.rsplit(" ", 1)[0]
    before = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and " " not in written:
        return (before.start(1), end, kind, f"{_initials(before.group(1))} {written}")
    after = _INITIALS_AFTER.match(text, end)
    if after is not None and text[start:end].split()[-1] != "В":
        return (start, after.end(1), kind, f"{written} {_initials(after.group(1))}")
    return (start, end, kind, written) if end != name[1] else name


def _with_quoted_name(text: str, name: Found) -> Found:
    start, end, kind, written = name
    if kind not in _ORGANISATIONS and kind is not None:
        return name
    last = text[start:end].split()[-1]
    if text[start:end].isupper() or not ukrainian.ORGANISATION_NOUN.search(last):
        return name
    close = ukrainian.quoted_end(text, end)
    if close is None:
        return name
    return (start, close, kind or "organisation",
            f"{written} {ukrainian.quoted(text[end:close])}")


#: "у", "в" (and "м." or "місті" of a city) between a state body and the region of its branch
_IN = re.compile(r"\s+(?:у|в)\s+(?:м\.\s*|місті\s+)?")


def _branch(text: str, body: Found, place: Found) -> Found | None:
    """A state body followed by the region or city its branch serves, in the locative, is
    the branch's name ("Управління СБУ у Чернігівській області", "ДПІ у Деснянському
    районі"): one state body, named as written after the body's base form."""
    if body[2] != "state_body" or place[2] != "place":
        return None
    gap = _IN.fullmatch(text, body[1], place[0])
    if gap is None:
        return None
    return (body[0], place[1], body[2], " ".join([body[3], *text[body[1]:place[1]].split()]))


_DISTRICT = re.compile(r"(?:мікро)?район\w*$", re.IGNORECASE)
#: a space, or "м." of a city, between a district and its city
_OF_CITY = re.compile(r" (?:м\. ?)?")


def _district_of_city(text: str, district: Found, city: Found) -> Found | None:
    """A city's district followed by the city (or region) in the genitive is one place
    ("Печерському районі Києва" -> "Печерський район Києва", "районі м. Києва"): a region
    named by its adjective after a district ("району Київської області") is not joined."""
    from db.language.morphology import parses

    if district[2] != "place" or city[2] != "place" or \
            not _DISTRICT.search(text[district[0]:district[1]]) or \
            _OF_CITY.fullmatch(text, district[1], city[0]) is None:
        return None
    first = text[city[0]:city[1]].split()[0]
    found = parses(first, "uk")
    if not found or found[0].tag.POS != "NOUN" or not any(
            p.tag.case == "gent" and p.tag.POS == "NOUN" for p in found):
        return None
    return (district[0], city[1], "place",
            " ".join([district[3], *text[district[1]:city[1]].split()]))


_LATIN = re.compile(r"[A-Za-z]")


def _latin_organisation(text: str, name: Found) -> Found:
    """A name in Latin letters in a Ukrainian text is an organisation where a company's legal
    form ends it ("Wargrave Trading LLP", "Zilington Limited") or where it stands alone in
    quotes («Bloomberg»): the English reading takes such runs for persons or leaves them."""
    start, end, kind, written = name
    if kind not in (None, "person") or not _LATIN.match(written):
        return name
    quoted = text[max(0, start - 1):start] in ("«", '"', "“") and \
        text[end:end + 1] in ("»", '"', "”")
    if quoted or ukrainian.ORGANISATION.search(written):
        return (start, end, "organisation", written)
    noun = _NOUN_BEFORE.search(text, max(0, start - 30), start)
    if kind is None and noun is not None:  # "компанії InMind", "телеканалу UBR"
        from db.extract.mentions.inflected import institution_kind

        return (start, end, institution_kind(noun.group(1)) or kind, written)
    return name


_NOUN_BEFORE = re.compile(r"(?<![\w'’-])([а-яіїєґ][\w'’-]*) $")


#: the number of an organisation or a building after its name ("ТЕЦ-5", "прокуратура №1",
#: "лікарня № 5"), not a year ("СБУ-2014") or an amount
_NUMBER = re.compile(r"(?:-|\s?№\s?)\d{1,3}(?![\d,.]?\d)")


def _with_number(text: str, name: Found) -> Found:
    """An organisation with the number it is known by ("Харківська ТЕЦ-5")."""
    start, end, kind, written = name
    number = _NUMBER.match(text, end)
    if kind not in _ORGANISATIONS or number is None:
        return name
    gap = "" if number.group(0).startswith("-") else " "
    return (start, number.end(), kind, f"{written}{gap}{number.group(0).strip()}")


#: "та", "і", "й" between two first names that share the surname after them
_AND = re.compile(r"\s+(та|і|й)\s+")
#: a surname in the plural, in any case ("Ткаченки", "Ященкам", "Супруненків", "Аметових")
_PLURAL_SURNAME = re.compile(r"[\w'’-]+(?:и|і|ів|ам|ям|ами|ями|их|им|ими|ах|ях)")


def _family(text: str, first: Found, rest: Found) -> Found | None:
    """Two first names joined by "та", "і" or "й" before one surname in the plural name the
    two people of a family together ("Олена та Сергій Ткаченки", "Денису і Володимиру
    Ященкам" -> "Денис і Володимир Ященки"), as one mention of them."""
    from db.extract.mentions.ukrainian_reading import first_name
    from db.language.morphology import capitalised_like, parses

    if first[2] != "person" or rest[2] != "person":
        return None
    gap = _AND.fullmatch(text, first[1], rest[0])
    written = text[rest[0]:rest[1]].split()
    if gap is None or " " in text[first[0]:first[1]] or len(written) != 2 or \
            not first_name(text[first[0]:first[1]]) or not first_name(written[0]) or \
            not _PLURAL_SURNAME.fullmatch(written[1]):
        return None
    plural = [p for p in parses(written[1], "uk") if p.tag.POS == "NOUN" and
              p.tag.number == "plur"]
    if not plural:
        return None
    nominative = plural[0].inflect({"nomn", "plur"})
    surname = capitalised_like(written[1], nominative.word) if nominative else written[1]
    given = rest[3].split()[0]
    return (first[0], rest[1], "person", f"{first[3]} {gap.group(1)} {given} {surname}")


#: what joins the adjectives of one noun: a comma, "та", "і", "й" (", а також" is no list)
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:та|і|й)\s+")


def _separator(gap: str) -> str:
    """A list's separator as written in a name: ", ", " та ", ", та "."""
    words = gap.replace(",", " ").split()
    return ("," if "," in gap else "") + "".join(f" {word}" for word in words) + " "


def _adjective_cases(word: str) -> set[str]:
    from db.language.morphology import parses

    if not word[:1].isupper() or word.isupper():
        return set()
    return {p.tag.case for p in parses(word, "uk") if p.tag.POS == "ADJF" and p.tag.case}


def _singular_nominative(word: str, cases: set[str]) -> str:
    """An adjective of a list in the nominative, in the number and gender it has ("Київській"
    -> "Київська": each region is one, the noun after them is plural)."""
    from db.language.morphology import capitalised_like, parses

    for parse in parses(word, "uk"):
        if parse.tag.POS == "ADJF" and parse.tag.case in cases and parse.tag.number != "plur":
            found = parse.inflect({"nomn"})
            if found is not None:
                return capitalised_like(word, found.word)
    return word


def _shared_heads(text: str, found: list[Found]) -> list[Found]:
    """Capitalised adjectives listed before the one noun in the plural they share are one
    name with it ("Київській, Житомирській та Полтавській областях" -> "Київська,
    Житомирська та Полтавська області", "Кременчуцькому, Дрогобицькому і Надвірнянському
    НПЗ"): each adjective alone is no place or organisation."""
    from db.language.morphology import parses

    result: list[Found] = []
    for name in found:
        written = text[name[0]:name[1]].split()
        head = written[-1] if len(written) == 2 else ""
        cases = _adjective_cases(written[0]) if head else set()
        plural = head.isupper() or (head[:1].islower() and any(
            p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case in cases
            for p in parses(head, "uk")))
        listed: list[Found] = []
        while cases and plural and result and " " not in text[result[-1][0]:result[-1][1]] and \
                _LIST_GAP.fullmatch(text, result[-1][1],
                                    (listed[0] if listed else name)[0]) is not None and \
                _adjective_cases(text[result[-1][0]:result[-1][1]]) & cases:
            listed.insert(0, result.pop())
        if not listed:
            result.append(name)
            continue
        shared = cases.intersection(*(_adjective_cases(text[a[0]:a[1]]) for a in listed))
        start = listed[0][0]
        gaps = [text[a[1]:b[0]] for a, b in zip(listed, [*listed[1:], name], strict=True)]
        words = [_singular_nominative(text[a[0]:a[1]], shared) for a in listed] + \
            [_singular_nominative(written[0], shared)]
        noun = head if head.isupper() else name[3].split()[-1]
        joined = "".join(f"{word}{_separator(gap)}" for word, gap in zip(
            words, [*gaps, " "], strict=True))
        result.append((start, name[1], name[2], f"{joined}{noun}"))
    return result


#: what joins names listed together: a comma, "та", "і", "й", "або", "чи", ", а також"
_LISTED = re.compile(r"[»”\"]?(?:\s*,\s*|\s*,?\s+(?:та|і|й|або|чи|а також)\s+)[«“\"]?")


def _adjective_name(written: str) -> bool:
    """Whether a one-word name reads first as an adjective, as streets and regions are named
    ("Пролетарська", "Одеську"), not as a surname."""
    from db.language.morphology import parses

    found = parses(written, "uk")
    return " " not in written and bool(found) and found[0].tag.POS == "ADJF" and \
        "Surn" not in found[0].tag.grammemes


def _listed_kinds(text: str, found: list[Found]) -> list[Found]:
    """A name of no known kind listed with names of a kind is of their kind: names joined
    by commas and "та", "і" name things alike ("Галич, Бурштин, Рогатин", "Міцкевича,
    Словацького, Нємцевича", "Сільпо, Billa, АТБ-Маркет")."""
    names = list(found)
    for order in (range(1, len(names)), range(len(names) - 2, -1, -1)):
        for index in order:
            neighbour = index - 1 if order.step == 1 else index + 1
            name, other = names[index], names[neighbour]
            left, right = (other, name) if neighbour < index else (name, other)
            if name[2] is None and other[2] is not None and \
                    _LISTED.fullmatch(text, left[1], right[0]) is not None and not (
                    other[2] == "person" and _adjective_name(text[name[0]:name[1]])):
                names[index] = (name[0], name[1], other[2], name[3])
    return names


#: a region's or district's noun written short after its adjective ("Вінницька обл.",
#: "Новгородківському р-ні")
_REGION_SHORT = re.compile(r" (обл|р-н[іуа]?|р-ну)(?![\w'’-])")


def _with_region_word(text: str, name: Found) -> Found:
    """A region or district named by its adjective and the short word for it is one place
    ("Вінницька обл", "Криничанський р-н"; "Дніпропетровської обл." -> "Дніпропетровська
    обл.", the span without the dot, which may end the sentence too)."""
    start, end, kind, _ = name
    short = _REGION_SHORT.match(text, end)
    if short is None or " " in text[start:end] or kind not in (None, "place", "person") or \
            not _adjective_cases(text[start:end]):
        return name
    cases = _adjective_cases(text[start:end])
    word = short.group(1)
    return (start, short.end(1), "place",
            f"{_singular_nominative(text[start:end], cases)} "
            f"{'обл.' if word.startswith('обл') else 'р-н'}")


_QUOTED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _whole_quoted_title(text: str, name: Found) -> Found:
    """A name opening a short quoted title without a verb is the whole title, whose later
    words are in lower case as Ukrainian writes names of parties, firms and papers ("«Фронт
    змін»", "«Віснику державних закупівель»" -> "Вісник державних закупівель"), not a name
    of its own; a quoted sentence ("« Люби ближнього свого »") is left as it is."""
    from db.language.morphology import base_form, parses

    start, end, kind, _ = name
    opening = text.rfind("«", max(0, start - 2), start)
    if kind == "person" or opening < 0 or text[opening + 1:start].strip():
        return name
    close = text.find("»", end)
    inside = text[end:close] if close > 0 else ""
    if close < 0 or "\n" in inside or "«" in inside or len(inside) > 80 or not inside.strip():
        return name
    words = _QUOTED_WORD.findall(text[start:close])
    rest = _QUOTED_WORD.findall(inside)
    if len(words) > 6 or not rest or not rest[0][:1].islower() or re.search(r"[,:;!?.]", inside) \
            or any(p.tag.POS in ("VERB", "INFN", "GRND") for w in rest for p in parses(w, "uk")[:1]):
        return name
    stop = close
    while text[stop - 1] == " ":
        stop -= 1
    written = text[start:stop].split()
    from db.extract.mentions.inflected import institution_kind

    # no place is quoted: the title's kind by its words, else an organisation's
    kind = institution_kind(" ".join(written)) or (
        kind if kind not in (None, "place") else "organisation")
    return (start, stop, kind, " ".join(base_form(written, "uk", singular=True)))


_UNKNOWN_WORD = re.compile(r"[А-ЯІЇЄҐ][а-яіїєґ'’]+")


def _unknown_words_as_persons(text: str, found: list[Found]) -> list[Found]:
    """A capitalised word inside a sentence that the dictionary does not know, of no kind
    here or anywhere else in the text, is most likely a person's name the dictionary lacks
    ("Пелипас", "Кокседж"): places and organisations come with words that say so."""
    from db.extract.mentions.word_readings import opening
    from db.language.morphology import parses

    kinds = {name[3] for name in found if name[2] is not None}
    result = []
    for name in found:
        written = text[name[0]:name[1]]
        if name[2] is None and name[3] not in kinds and _UNKNOWN_WORD.fullmatch(written) and \
                not opening(text, name[0]) and not any(p.is_known for p in parses(written, "uk")):
            name = (name[0], name[1], "person", name[3])
        result.append(name)
    return result


_OPEN_QUOTE = re.compile(r"\s*[«“\"]\s*")
_CLOSE_QUOTE = re.compile(r"\s*[»”\"]\s*")


def _nicknames(text: str, found: list[Found]) -> list[Found]:
    """A nickname in quotes between a first name and a surname is one person with them
    ("Дмитро «Бобін» Александров", "Ігоря «Беса» Безлера" -> "Ігор «Беса» Безлер": the
    nickname as written)."""
    from db.extract.mentions.ukrainian_reading import first_name

    result: list[Found] = []
    index = 0
    while index < len(found):
        if index + 2 < len(found):
            first, nick, surname = found[index:index + 3]
            written = text[first[0]:first[1]]
            if first[2] == "person" and " " not in written and first_name(written) and \
                    surname[2] in ("person", None) and \
                    " " not in text[surname[0]:surname[1]].strip() and \
                    _OPEN_QUOTE.fullmatch(text, first[1], nick[0]) and \
                    _CLOSE_QUOTE.fullmatch(text, nick[1], surname[0]):
                result.append((first[0], surname[1], "person",
                               f"{first[3]} «{text[nick[0]:nick[1]]}» {surname[3]}"))
                index += 3
                continue
        result.append(found[index])
        index += 1
    return result
