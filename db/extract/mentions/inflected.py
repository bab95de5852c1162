"""New-actor candidates in an inflected language (Russian, Ukrainian): a run of capitalised words
split where an organisation's name ends and a person's begins ("МВД Ингушетии Яхья Хадзиева" ->
"МВД Ингушетии", "Яхья Хадзиев"), put in its base form ("Северном Кавказе" -> "Северный
Кавказ") and given a kind from the words and the dictionary's tags."""

from __future__ import annotations

import re
from collections import Counter

from db.extract.mentions import russian
from db.language import language
from db.language.morphology import LANGUAGES, base_form
from db.language.name_forms import person_base, prefer_written

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "NOUN", "ADJF"}
_PROPER_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}
_NOT_NAME_TAGS = {"VERB", "INFN", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "GRND", "PRED", "INTJ"}


def _tags(word: str, code: str) -> set[str]:
    from db.language.morphology import parses

    found: set[str] = set()
    for parse in parses(word, code)[:3]:
        if parse.score >= 0.1:
            found |= set(parse.tag.grammemes)
    return found


def refine(text: str, start: int, end: int, kind: str | None, code: str,
           ) -> list[tuple[int, int, str, str | None]]:
    """(start, end, base-form name, kind) of the names in ``text[start:end]``."""
    end = _with_head_noun(text, end)
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    if not words:
        return []
    tags = [_tags(w, code) for _, _, w in words]
    # a verb, adverb, preposition or pronoun opening the run is no part of a name ("Сообщил")
    while words and tags[0] & _NOT_NAME_TAGS and not tags[0] & _NAME_TAGS:
        words, tags = words[1:], tags[1:]
    if not words:
        return []
    opening = not text[max(0, words[0][0] - 4):words[0][0]].strip(" \"«“(") or \
        text[:words[0][0]].rstrip(" \"«“(")[-1:] in (".", "!", "?", "\n", "…")
    if len(words) == 1 and opening and not tags[0] & _PROPER_TAGS:
        return []  # a common word opening a sentence ("Решение принял ...")
    pieces: list[list[int]] = [[0]]
    person = next((i for i, t in enumerate(tags) if russian.PERSON_TAGS & t), None)
    if person is not None and person > 0 and not any(russian.PERSON_TAGS & t for t in tags[:person]):
        # "МВД Ингушетии Яхья Хадзиев": the person's name begins there (with an unknown first
        # name just before a known surname)
        before = words[person - 1][2]
        if person > 1 and not tags[person - 1] & {"Geox", "Orgn", "Abbr"} and not before.isupper():
            person -= 1
        pieces = [list(range(person)), list(range(person, len(words)))]
    else:
        pieces = [list(range(len(words)))]
    found = []
    for piece in pieces:
        p_start, p_end = words[piece[0]][0], words[piece[-1]][1]
        written = [words[i][2] for i in piece]
        piece_tags = [tags[i] for i in piece]
        piece_kind = _kind(" ".join(written), piece_tags, kind if len(pieces) == 1 else None)
        base = " ".join(person_base(written, code)) if piece_kind == "person" and code == "ru" \
            else _base(written, code)
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
            piece_kind = _institution(name) or kind
        if kind == "person" and _CYRILLIC_WORD.search(name):
            base = person_base(written, code) if code == "ru" else written
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


def word_counts(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _institution(name: str) -> str | None:
    if russian.MEDIA.search(name):
        return "media_outlet"
    if russian.ARMED.search(name):
        return "armed_group"
    if russian.STATE.search(name):
        return "state_body"
    if russian.ORGANISATION.search(name):
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


def _kind(name: str, tags: list[set[str]], guessed: str | None) -> str | None:
    institution = _institution(name)
    if institution is not None:
        return institution
    persons = sum(bool(russian.PERSON_TAGS & t) for t in tags)
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
    return None
