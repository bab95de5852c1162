"""Where a Ukrainian name ends whose first word alone is capitalised, as Ukrainian writes the
names of institutions and places: over the lower-case words of the name after it."""

from __future__ import annotations

import re

from db.extract.mentions import russian, ukrainian
from db.extract.mentions import ukrainian_reading as uk_reading
from db.extract.mentions.word_readings import WORD, opening, reading, tags
from db.language.morphology import parses

_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
_CONNECTORS_UK = {"та", "і", "й"}


#: "м." (or "міста") before the city an institution serves ("Печерського райсуду м. Києва")
_CITY_WORD = re.compile(r" (?:м\. ?|міста )(?=[А-ЯІЇЄҐ])")
#: a capitalised word and the comma, "та", "і" or "й" after it, right before a name
_LISTED_BEFORE = re.compile(r"[А-ЯІЇЄҐ][\w'’-]*\s*(?:,|,?\s+(?:та|і|й))\s+$")
_REGION_HEAD = re.compile(r" (?:област[іи]|район[уі]?|округу|краю)(?![\w'’-])")


def _region(text: str, at: int) -> bool:
    """Whether a region's or district's noun follows ``at``: the capitalised genitive before
    it is the region's adjective, not a woman's surname ("Полтавської області")."""
    return _REGION_HEAD.match(text, at) is not None


def extent(text: str, start: int, end: int) -> int:
    """Where a Ukrainian name ends whose first word alone is capitalised, as institutions and
    places are written: a capitalised adjective runs on over lower-case adjectives to the noun
    they go with ("Антимонопольного комітету", "Андріївському узвозі"), and a noun heading an
    institution over the lower-case words in the genitive after it and a capitalised name in
    the genitive after those ("Партії регіонів", "Фонду держмайна", "Антимонопольного комітету
    України"); ``end`` where nothing runs on. An adjective opening a sentence runs on only to
    a noun of an institution or a place ("Загальний обсяг" is none)."""
    last = WORD.findall(text[max(0, end - 40):end])
    if not last:
        return end
    pos, _ = reading(last[-1])
    head = last[-1]
    following = uk_reading.lower_case_words_after(text, end)[:1]
    if following and len(WORD.findall(text[start:end])) == 1 and \
            uk_reading.possessor(head, following[0]):
        return end  # "Петровими рухами": the person, not a name with the noun
    head_tags = tags(head, "uk")
    if pos == "NOUN" and russian.PERSON_TAGS & head_tags and \
            not ukrainian.INSTITUTION_HEAD.search(head) and any(
            p.tag.POS == "ADJF" for p in parses(head, "uk")):
        pos = "ADJF"  # "Української асоціації": the surname Українка first, an adjective here
    if pos == "ADJF":  # "Черкаській області" (Черкаська is a surname too)
        at = end
        # the adjective's readings its lower-case words agree with: "Луганську площею" is
        # no name (a city in the locative, then a noun in the instrumental)
        readings = [p for p in parses(head, "uk") if p.tag.POS == "ADJF"]
        if opening(text, start) and readings and all(p.tag.number == "plur" for p in readings):
            return end  # "Сучасні будинки", "Найкращі театри": a plural opening no name
        # the last of listed adjectives goes with a noun in the plural ("Херсонської та
        # Запорізької областей")
        listed = _LISTED_BEFORE.search(text, max(0, start - 40), start) is not None
        while (match := _NEXT_WORD.match(text, at)) and match.group(1)[:1].islower():
            word_pos, _ = reading(match.group(1))
            at = match.end()
            undeclined = word_pos is None and ukrainian.PLACE_HEADS.search(match.group(1))
            if word_pos in ("NOUN", "ADJF") and not undeclined:
                readings = uk_reading.agreeing(readings, match.group(1), word_pos, listed)
                if not readings:
                    return end
            if word_pos == "NOUN" or undeclined:  # "Столичного шосе": a noun that does not decline
                if (opening(text, start) or russian.PERSON_TAGS & head_tags) and not (
                        ukrainian.INSTITUTION_HEAD.search(match.group(1))
                        or ukrainian.PLACE_HEADS.search(match.group(1))):
                    return end
                end, head = at, match.group(1)
                break
            if word_pos != "ADJF":
                return end
        else:
            return end
    elif pos != "NOUN" or (russian.PERSON_TAGS & head_tags and
                           not ukrainian.INSTITUTION_HEAD.search(head)):
        return end  # "Рада національної безпеки": Рада is a woman's name too
    if not ukrainian.INSTITUTION_HEAD.search(head):
        return end
    at = head_end = end
    joined = False  # after "та", "і": another name may follow, not one of this
    subject = False  # "з" and the subject in the genitive have been read
    for _ in range(6):  # the lower-case words in the genitive after the head
        if (honoured := uk_reading.in_honour_of(text, at)) is not None:
            at = end = honoured  # "університету імені Тараса Шевченка"
            continue
        city = _CITY_WORD.match(text, at)  # "райсуду м. Києва": the city it serves
        match = _NEXT_WORD.match(text, city.end() - 1 if city else at)
        if not match:
            break
        word = match.group(1)
        if city and not word[:1].isupper():
            break
        if word[:1].isupper():
            if joined:
                break
            if word.isupper() or ("gent" in reading(word)[1] and (
                    city or not russian.PERSON_TAGS & tags(word, "uk") or
                    _region(text, match.end()))):
                end = match.end()
                # a capitalised name in the genitive and the words of it ("Полтавської області")
                # but not a person's name after them ("суду м. Києва Дениса Масенка")
                while (more := _NEXT_WORD.match(text, end)) and (
                        more.group(1)[:1].isupper() or ukrainian.PLACE_HEADS.search(more.group(1))):
                    if "Name" in tags(more.group(1), "uk") or (
                            russian.PERSON_TAGS & tags(more.group(1), "uk") and
                            not _region(text, more.end())):
                        break
                    end = more.end()
                # "Управління житлового господарства Донецької міськради": a capitalised
                # adjective runs on to its noun, and the genitive chain goes on after it
                noun = uk_reading.noun_of_adjective(text, WORD.findall(text[start:end])[-1], end)
                if noun is not None:
                    at = end = noun
                    continue
                if (honoured := uk_reading.in_honour_of(text, end)) is not None:
                    at = end = honoured  # "Фонду ім. Гайнріха Бьолля"
                    continue
                if not subject and (z := _NEXT_WORD.match(text, end)) and \
                        _subject(text, z.group(1), z.end()):
                    at = end  # "Міністерства України з питань надзвичайних ситуацій"
                    continue
            break
        word_pos, word_cases = reading(word)
        if word_pos == "ADJF" and _plural_genitive_noun(word) and reading("".join(
                uk_reading.lower_case_words_after(text, match.end())[:1]))[0] not in ("NOUN", "ADJF"):
            # "спілки художників": an artists' union, not the possessive "художників" (of an
            # artist) before a noun that does not follow
            word_pos = "NOUN"
        if word.lower() in _CONNECTORS_UK and not joined:
            joined_noun = _NEXT_WORD.match(text, match.end())
            if at == head_end and joined_noun is not None and \
                    not ukrainian.INSTITUTION_HEAD.search(joined_noun.group(1)):
                # right after the head noun, "та", "і" join another noun to the whole name,
                # not to its words ("Київської обласної ради і договору": the council), unless
                # another institution shares its words ("районної ради та адміністрації")
                break
            at, joined = match.end(), True
            continue
        if at == end and not subject and _subject(text, word, match.end()):
            at, subject = match.end(), True  # "Служби з надзвичайних ситуацій"
            continue
        if word.lower() in ukrainian.NOT_NAMES:
            break
        if word_pos not in ("NOUN", "ADJF") or "gent" not in word_cases or \
                ukrainian.TIME_WORDS.fullmatch(word):
            break
        at = match.end()
        if word_pos == "NOUN":
            # "Рада національної безпеки і оборони України": the words after "і" are still
            # of this name, and so is the capitalised one after them
            end, joined = at, False
    return end


def _subject(text: str, word: str, at: int) -> bool:
    """Whether ``word`` is "з" (or "із") opening the subject an institution deals with, in the
    genitive, as the next word at ``at`` reads ("Агентства з питань кіно", "Служби з
    надзвичайних ситуацій"): "з" with the instrumental is "with" someone, no part of a name."""
    if word.lower() not in ("з", "із"):
        return False
    following = _NEXT_WORD.match(text, at)
    if following is None or not following.group(1)[:1].islower():
        return False
    pos, cases = reading(following.group(1))
    return pos in ("NOUN", "ADJF") and "gent" in cases and "ablt" not in cases and \
        not ukrainian.TIME_WORDS.fullmatch(following.group(1))


def _plural_genitive_noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur"
               for p in parses(word, "uk"))
