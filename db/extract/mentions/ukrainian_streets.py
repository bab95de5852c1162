"""Ukrainian streets: a street's name with the word before it ("вул. Гагаріна", "вулиці
Шевченка" -> "вулиця Шевченка") and the house's number after it, and the streets listed after
that word ("ремонт вулиць: Гоголя, Крупської, Героїв Сталінграда"), named after persons but no
persons there."""

from __future__ import annotations

import re

from db.extract.mentions import ukrainian
from db.extract.mentions.ukrainian_reading import city_in_oblique_case, known_place

Found = tuple[int, int, str | None, str]  # start, end, kind, name as suggested

#: the word for a street, a square, an avenue before its name, written out or shortened
_STREET = re.compile(r"(?<![\w'’-])(вул\.|вулиц(?:я|і|ю|ею)|пров\.|провул(?:ок|ку|ком)|"
                     r"просп\.|проспект(?:у|і|ом)?|пл\.|площ(?:а|і|у|ею)|бульв\.|"
                     r"бульвар(?:у|і|ом)?|майдан(?:у|і|ом)?)\s*$", re.IGNORECASE)


def with_street(text: str, name: Found) -> Found:
    """A street's name with the word before it ("вул. Гагаріна"; "вулиці Шевченка" ->
    "вулиця Шевченка", the street's name as written)."""
    start, end, kind, _ = name
    street = _STREET.search(text, max(0, start - 12), start)
    if street is None or kind in ("organisation", "state_body", "media_outlet", "armed_group"):
        return name
    word = street.group(1)
    if not word.endswith("."):
        from db.language.morphology import capitalised_like, parses

        found = [p for p in parses(word, "uk") if p.tag.POS == "NOUN"]
        nominative = found[0].inflect({"nomn"}) if found else None
        if nominative is not None:
            word = capitalised_like(word, nominative.word)
    own = " ".join(text[start:end].split())
    house = _HOUSE.match(text, end)
    if house is not None and not ukrainian.TIME_WORDS.match(text, house.end(1) + 1):
        # the house's number is part of the address ("вул. Крилова, 7"), a date is not
        # ("вул. Шевченка 5 травня")
        own, end = own + text[end:house.end(1)], house.end(1)
    return (street.start(1), end, "place", f"{word} {own}")


#: a house's number after its street: ", 7", " 362", ", 5/2а", ", 58-А"
_HOUSE = re.compile(r"(,? ?\d{1,4}(?:-?[а-яА-ЯіІєЄ](?![\w'’]))?(?: ?/ ?\d{1,4}[а-яі]?)?)"
                    r"(?![\d,.]\d|[\w'’])")


#: the word for streets before a list of their names ("вулиць:", "вулицями", "вул.")
_STREETS_BEFORE = re.compile(r"(?<![\w'’-])(?:вулиц(?:і|ь|ями|ях)|вул\.)\s*:?\s*", re.IGNORECASE)
#: one item of such a list and what joins it to the next: a few words, the first capitalised
#: or a number ("30 років Перемоги"), none ending a sentence (the dot of an initial or a short
#: word for a boulevard, a lane may stand there: "В. Чорновола", "б-р Шевченка"), then a comma,
#: "та", "і" or "й"
_SHORT = r"(?:[А-ЯІЇЄҐ] ?\.|б-р|пров\.|просп\.|пл\.|вул\.)"
_LIST_ITEM = re.compile(rf"(?:{_SHORT}\s*)*[А-ЯІЇЄҐ\d][\w'’-]*(?:\s*(?:{_SHORT}|[\w'’«»\"-]+)){{0,4}}"
                        r"(?:\s*,\s*|\s+(?:та|і|й)\s+)")
_SHORTS = re.compile(rf"(?:{_SHORT}\s*)+")
#: what follows a name inside a list: the next item's comma, "та", "і" or "й"
_LIST_GOES_ON = re.compile(r"\s*,\s*[А-ЯІЇЄҐ\d]|\s+(?:та|і|й)\s+[А-ЯІЇЄҐ]")


def listed_streets(text: str, found: list[Found]) -> list[Found]:
    """A person's name in an oblique case (or one that does not decline, or an adjective's,
    with more of the list after it) listed after the word for streets is a street named after
    that person, its name as written ("вулиць: Гоголя, Фрунзе, Різдвяна, Крупської" -> the
    streets Гоголя, Фрунзе, ...): a person in such a list would be written in the nominative."""
    result = []
    for name in found:
        start, end, kind, base = name
        written = " ".join(text[start:end].split())
        listed = (kind == "place" and base != written and not _adjective(written)) or \
            (kind == "person" and (base != written or _LIST_GOES_ON.match(text, end)))
        opening = _street_list(text, start) if listed else None
        # not in a list of towns ("ремонт вулиць Києва та Львова": the streets of those towns)
        if opening is not None and not (kind == "place" and _town(text, opening)):
            # a street named by its adjective keeps its nominative ("Соборну": "Соборна")
            name = (start, end, "place", base if _adjective(written) else written)
        result.append(name)
    return result


def _street_list(text: str, start: int) -> int | None:
    """Where the list of streets ``start`` is in begins, if it is in one."""
    window = max(0, start - 400)
    for opener in reversed(list(_STREETS_BEFORE.finditer(text, window, start))):
        at = opener.end()
        while at < start:
            item = _LIST_ITEM.match(text, at, start)
            if item is None:
                break
            at = item.end()
        shortened = _SHORTS.match(text, at, start)  # "..., б-р Шевченка"
        if (shortened.end() if shortened else at) == start:
            return opener.end()
    return None


def _town(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a town the gazetteer knows, in any case."""
    word = re.match(r"[\w'’-]+", text[at:])
    return word is not None and (known_place(word.group(0)) or
                                 city_in_oblique_case(word.group(0)) is not None)


def _adjective(written: str) -> bool:
    """Whether a street's name is an adjective agreeing with "вулиця" ("Соборну", "Зелена"),
    not a man's surname in the genitive ("Хмельницького")."""
    from db.language.morphology import parses

    found = parses(written.split()[-1], "uk")
    return bool(found) and found[0].tag.POS == "ADJF" and found[0].tag.gender == "femn" and \
        "Surn" not in found[0].tag.grammemes
