"""Ukrainian names that reach past a run of capitalised words: an organisation's name written
before its quoted name ("Благодійний фонд «Платар»"), taken with it as one organisation; a
person's initials before or after the surname ("В. Ф. Януковича", "Кузнєцов А. С."); a state
body's branch in a region ("Управління СБУ у Чернігівській області"); a street with the word
before its name ("вул. Гагаріна", "вулиці Шевченка" -> "вулиця Шевченка")."""

from __future__ import annotations

import re

from db.extract.mentions import ukrainian

Found = tuple[int, int, str | None, str]  # start, end, kind, name as suggested

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
        name = _with_number(text, _with_street(
            text, _with_quoted_name(text, _latin_organisation(text, name))))
        if name[2] == "person":
            name = _with_initials(text, name)
            while kept and kept[-1][0] >= name[0]:
                kept.pop()  # an initial taken for a name of its own ("В" of "В. Ф. ...")
        kept.append(name)
    return kept


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


#: "у", "в" (and "м." of a city) between a state body and the region of its branch
_IN = re.compile(r"\s+(?:у|в)\s+(?:м\.\s*)?")


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


#: the word for a street, a square, an avenue before its name, written out or shortened
_STREET = re.compile(r"(?<![\w'’-])(вул\.|вулиц(?:я|і|ю|ею)|пров\.|провул(?:ок|ку|ком)|"
                     r"просп\.|проспект(?:у|і|ом)?|пл\.|площ(?:а|і|у|ею)|бульв\.|"
                     r"бульвар(?:у|і|ом)?|майдан(?:у|і|ом)?)\s*$", re.IGNORECASE)


def _with_street(text: str, name: Found) -> Found:
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
    return (street.start(1), end, "place", f"{word} {own}")


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
    return name


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
