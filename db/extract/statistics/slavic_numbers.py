"""Numbers for the statistic suggesters of Russian and Ukrainian, one reader for both: numbers
in digits ("2 200", "1,5 млн", "165 тыс.") and in words in every case form (the forms come from
the dictionary's lexemes of the numerals), bounds, ranges ("от 10 до 40", "від 10 до 40") and
vague counts ("сотни", "сотні"), and the numbers that are not counts (dates, years, times,
durations, ages, distances, ordinals, law articles, names, titles). A language names its words in
a :class:`NumberWords`: :mod:`.russian_numbers`, :mod:`.ukrainian_numbers`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from db.extract.statistics.bounds import BoundWords
from db.extract.statistics.phrase import WORD, NumberPhrase, tidy
from db.language.morphology import parses


@dataclass(frozen=True, eq=False)
class NumberWords:
    """One language's words for reading numbers (regular expressions unless said otherwise)."""

    code: str  # the dictionary's language
    numerals: dict[str, float]  # numeral lemma -> value
    scale_words: dict[str, int]  # "тысяча" -> 1000
    scale_abbreviations: dict[str, int]  # "тыс" -> 1000
    vague: dict[str, int]  # counting noun -> its smallest vague reading ("сотни" -> 200)
    counting_nouns: dict[str, int]  # every counting noun -> its value
    bound_words: BoundWords
    month: str  # a month name in any form
    scale_after: re.Pattern[str]  # groups abbr / word
    not_a_count_after: re.Pattern[str]  # words after a number making it a time, age, distance
    law_before: re.Pattern[str]
    law_after: re.Pattern[str]
    one_of: re.Pattern[str]  # "из" after "один"
    genitive_before: re.Pattern[str]  # "около тысячи"
    range_between: re.Pattern[str]  # "–", "или", "до"
    range_to: str  # the word of "from A to B"'s "to" ("до")
    range_from: re.Pattern[str]  # "от" before A
    half: tuple[str, str]  # "с", "половиной"
    odd: re.Pattern[str]  # "с лишним" after: at least
    about_before: re.Pattern[str]  # "около" before: approximate
    year_after: re.Pattern[str]  # "г.", "году", "-х"
    year_before: re.Pattern[str]  # "в", "с", "до" before a year
    year_not_after: re.Pattern[str]  # what after a 4-digit number still counts ("тыс", "человек")
    factor: tuple[re.Pattern[str], re.Pattern[str]]  # "в" ... "раз больше"
    age_before: re.Pattern[str]
    none_before: re.Pattern[str]  # "ни"
    number_before: re.Pattern[str]  # "№", "номер"
    one_prefixes: tuple[str, ...]  # how "one" starts ("од", "одн")
    #: a preposition before a 4-digit number between 1000 and 2100 and the plural cases the word
    #: after it takes when the number counts ("у 2000 школах", "у 2000 гривень"): else a year
    #: ("У 2010 управління уклало")
    year_governed: tuple[re.Pattern[str], frozenset[str]] | None = None
    #: before and after "22.00" (hours and minutes written with a full stop), what makes it a time
    time: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: before a number, a unit of time or length it comes after, for "about" ("років два")
    measure_before: re.Pattern[str] | None = None
    #: the dictionary form of an ordinal: after a number in words, a singular one makes the
    #: words one ordinal ("у вісімдесят другому році"; "два перших місця", plural, counts)
    ordinal_lemma: re.Pattern[str] | None = None
    #: a cardinal's case ending after its digits, by how it ends for 2-4 (group few: "3-х
    #: майданчиків", трьох) and for 5 and more (group many: "5-ти", п'яти); an ordinal's ("11-х
    #: класів", одинадцятих) is none of them
    cardinal_ending: re.Pattern[str] | None = None
    #: before a span of time or an age, what makes it an average measured, a figure ("середня
    #: тривалість життя становить 72 роки", "середній вік учителів — 45 років")
    average_before: re.Pattern[str] | None = None
    _cache: dict[str, object] = field(default_factory=dict, repr=False)


_DIGITS = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d{1,2}(?!\d))?(?![\d,])|\d+(?:[.,]\d+)?"


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def number_words(lang: NumberWords) -> dict[str, tuple[str, frozenset[str]]]:
    """Every written form of the numerals and counting nouns -> (lemma, the grammatical numbers
    the form is written in: "тысячи" is a singular genitive and a plural nominative)."""
    known = lang._cache.get("words")
    if known is not None:
        return known  # type: ignore[return-value]
    forms: dict[str, tuple[str, set[str]]] = {}
    for lemma in [*lang.numerals, *lang.counting_nouns]:
        for parse in parses(lemma, lang.code):
            if parse.normal_form.replace("ё", "е") != lemma:
                continue
            for form in parse.lexeme:
                word = _fold(form.word)
                entry = forms.setdefault(word, (lemma, set()))
                if entry[0] == lemma:
                    entry[1].add("plur" if "plur" in form.tag.grammemes else "sing")
        forms.setdefault(lemma, (lemma, {"sing"}))
    table = {word: (lemma, frozenset(numbers)) for word, (lemma, numbers) in forms.items()}
    lang._cache["words"] = table
    return table


def _number_re(lang: NumberWords) -> re.Pattern[str]:
    known = lang._cache.get("re")
    if known is not None:
        return known  # type: ignore[return-value]
    # the dictionary writes "е" for "ё"; an apostrophe is written three ways
    words = "|".join(re.escape(w).replace("е", "[её]").replace("'", "['’ʼ]")
                     for w in sorted(number_words(lang), key=len, reverse=True))
    word_phrase = rf"(?:{words})(?:\s+(?:{words}|{lang.half[0]}\s+{lang.half[1]}))*"
    scales = "|".join(lang.scale_abbreviations)  # "$29,70млн": a scale may follow with no space
    lang._cache["re"] = found = re.compile(rf"(?<![\w.,])(?<![^\W\d_]-)(?:(?P<digits>{_DIGITS})|(?P<words>{word_phrase}))"
                                           rf"(?!(?!(?<=\d)(?:{scales}))\w|\.\d|['’ʼ][^\W\d_])",  # "сім'ями" holds no "сім"
                                           re.IGNORECASE)
    return found


def _word_value(lang: NumberWords, phrase: str, before: str = "") -> tuple[float, bool]:
    """The value of a number in words, and whether it is a vague count ("сотни" -> 200, True;
    "десятки тысяч" -> 20,000, True; "две тысячи пятьсот" -> 2,500, False)."""
    table = number_words(lang)
    total, current, vague = 0.0, 0.0, False
    for position, word in enumerate(_fold(phrase).split()):
        if word == lang.half[0]:
            continue
        if word == lang.half[1]:
            current += 0.5
            continue
        lemma, numbers = table[word]
        if lemma in lang.numerals:
            current += lang.numerals[lemma]
            continue
        if current or total:  # "пять тысяч", "две сотни", "десятки тысяч": a multiplier
            current = (current or 1) * lang.counting_nouns[lemma]
            total, current = total + current, 0.0
            continue
        singular = "sing" in numbers and ("plur" not in numbers or (position == 0 and lang.genitive_before.search(before)))
        if singular:  # "тысяча человек", "около тысячи", "десяток"
            current = float(lang.counting_nouns[lemma])
        else:  # "сотни", "тысячи людей", "десятки тысяч": the smallest reading
            vague, current = True, float(lang.vague[lemma])
    return total + current, vague


#: a number phrase of Russian or Ukrainian
SlavicNumber = NumberPhrase



def _digits_value(text: str) -> float:
    return float(re.sub(r"[\u00a0\u202f ]", "", text).replace(",", "."))


def _scale_factor(lang: NumberWords, match: re.Match[str]) -> float:
    if match.group("abbr"):
        return float(lang.scale_abbreviations[match.group("abbr").lower()])
    lemma = number_words(lang).get(_fold(match.group("word")), ("", frozenset()))[0]
    return float(lang.counting_nouns.get(lemma, 1_000))


def _read(lang: NumberWords, sentence: str, match: re.Match[str]) -> tuple[float, bool, int]:
    """A number's value, whether it is vague, and where it ends (with its scale: "165 тыс.")."""
    end = match.end()
    if match.group("digits"):
        value, vague = _digits_value(match.group("digits")), False
        scale = lang.scale_after.match(sentence[end:])
        if scale:
            factor = _scale_factor(lang, scale)
            value, end = tidy(value * factor), end + scale.end()
            value, end = _said_by_scales(lang, sentence, value, end, factor)
        return value, vague, end
    value, vague = _word_value(lang, match.group("words"), sentence[max(0, match.start() - 20):match.start()])
    scale = lang.scale_after.match(sentence[end:])
    if scale and scale.group("abbr"):
        value, end = tidy(value * _scale_factor(lang, scale)), end + scale.end()
    return value, vague, end


def _said_by_scales(lang: NumberWords, sentence: str, value: float, end: int, factor: float) -> tuple[float, int]:
    """A number said by its scales, each smaller than the one before ("1 млн 260 тис. жителів",
    "3 млрд 200 млн грн"), three digits after the thousands its units ("1 мільйон 845 тисяч 274
    хворих"): its value and where it ends."""
    while True:
        more = re.match(r"\s+(\d{1,3})(?![\d.,])", sentence[end:])
        if more is None:
            return value, end
        smaller = lang.scale_after.match(sentence[end + more.end():])
        if smaller is None:
            if factor == 1_000 and len(more.group(1)) == 3:
                return tidy(value + int(more.group(1))), end + more.end()
            return value, end
        next_factor = _scale_factor(lang, smaller)
        if next_factor >= factor:
            return value, end
        value, end, factor = tidy(value + int(more.group(1)) * next_factor), end + more.end() + smaller.end(), next_factor


def find_numbers(lang: NumberWords, sentence: str) -> list[SlavicNumber]:
    """The numbers of ``sentence`` that may count something, with their bounds."""
    found: list[SlavicNumber] = []
    matches = list(_number_re(lang).finditer(sentence))
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        start = match.start()
        value, vague, end = _read(lang, sentence, match)
        end += _cardinal_ending(lang, sentence, end, value) if match.group("digits") else 0
        skip_until = end
        if _why_not(lang, sentence, start, end, match):
            continue
        number = SlavicNumber(start, end, None if vague else value, value if vague else None, None, vague)
        # ranges: "от 10 до 40", "10–40 тыс.", "два или три"
        following = matches[index + 1] if index + 1 < len(matches) else None
        between = lang.range_between.fullmatch(sentence, end, following.start()) if following is not None else None
        from_before = lang.range_from.search(sentence[max(0, start - 5):start])
        if following is not None and between is not None and not vague and (
                lang.range_to not in between.group(0).lower() or from_before):
            other, other_vague, other_end = _read(lang, sentence, following)
            why = _why_not(lang, sentence, following.start(), other_end, following)
            if why in _RANGE_NOT_COUNTED and (lang.range_to not in between.group(0).lower() or from_before):
                skip_until = other_end  # "25-26-річний", "від 7 до 12 років": the whole range is no count
                continue
            if not other_vague and not why:
                scale = lang.scale_after.match(sentence[following.end():])
                low = value
                if scale is not None and lang.scale_after.match(sentence[match.end():]) is None:
                    low = tidy(value * _scale_factor(lang, scale))  # "10–40 тыс.": the scale carries back
                if other > low:
                    number = SlavicNumber(start - (from_before.end() - from_before.start() if from_before else 0),
                                           other_end, None, low, other, False)
                    skip_until = other_end
        if number.low is None or number.high is None:
            _bounds(lang, sentence, number)
        found.append(number)
    return found


def _cardinal_ending(lang: NumberWords, sentence: str, end: int, value: float) -> int:
    """How long the cardinal's case ending after digits at ``end`` is ("3-х": 2), else 0."""
    ending = lang.cardinal_ending.match(sentence, end) if lang.cardinal_ending is not None else None
    if ending is None or value != int(value):
        return 0
    few = 2 <= value % 10 <= 4 and not 12 <= value % 100 <= 14
    return ending.end() - end if (few if ending.group("few") else value >= 5 and not few) else 0


def _bounds(lang: NumberWords, sentence: str, number: SlavicNumber) -> None:
    before = sentence[max(0, number.start - 40):number.start]
    after = sentence[number.end:number.end + 20]
    lang.bound_words.apply(before, number)
    if lang.odd.match(after) and number.value is not None:
        number.low = number.value
    if lang.about_before.search(before):
        number.approximate = True


#: why the upper end of a range makes the range no count
_RANGE_NOT_COUNTED = frozenset({"a duration, an age or a distance", "an ordinal, an adjective or a name"})


def _why_not(lang: NumberWords, sentence: str, start: int, end: int, match: re.Match[str]) -> str | None:
    """Why a number is not a count, or None."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 40]
    raw = match.group(0)
    digits = match.group("digits")
    if re.match(rf"^\s*(?:(?:[–—-]|(?:{lang.range_to}|по)\s)\s*\d{{1,2}}\s+)?{lang.month}(?!\w)", after, re.IGNORECASE):
        return "day of a date"
    if digits and (re.match(r"^\.\d{1,2}\.\d{2,4}", after) or (re.match(r"^\d{1,2}\.\d{1,2}$", digits)
                   and re.match(r"^\.\d{2,4}", after))):
        return "a date"
    if re.search(r"[«“„\"]\s*$", before) and re.match(r"^[^»”\"«“]{0,30}[»”\"]", after):
        return "the title of a work"  # «17 мгновений весны», "33 коровы"
    next_word = re.match(r"^\s+([^\W\d_]+)", after)
    if next_word and (reading := best_reading(lang.code, next_word.group(1))) is not None and "Anum" in reading.tag.grammemes:  # type: ignore[attr-defined]
        return "an ordinal"
    whole_word = re.match(r"^\s+([^\W\d_]+(?:['’ʼ][^\W\d_]+)?)", after)  # "п'ятому"
    if not digits and whole_word and lang.ordinal_lemma is not None and any(
            p.tag.POS == "ADJF" and "plur" not in p.tag.grammemes and lang.ordinal_lemma.match(p.normal_form)
            for p in parses(whole_word.group(1).lower(), lang.code)):
        return "an ordinal"
    if digits and re.fullmatch(r"\d{4}", digits) and 1000 <= int(digits) <= 2100:
        if (lang.year_after.match(after)
                or re.search(rf"{lang.month}\s*$", before, re.IGNORECASE)
                or re.match(r"^\s*(?:[,.;:)!?»\"]|$|[–—-]\s*\d{2,4}|(?:и|і|й|та)\s+\d{4}|\w+\s+год|\w+\s+р\.)", after)
                or (lang.year_before.search(before) and not re.match(r"^\s*[^\W\d_]", after))):
            return "a year"
        if not lang.year_not_after.match(after) or _year_governed(lang, before, after):
            return "a year"
        to = re.match(r"^\s*(?:до|по)\s+(\d{4})(?!\d)", after)  # "від 1967 до 1974 року": a range of years
        if (to and 1000 <= int(to.group(1)) <= 2100 and lang.year_before.search(before)
                and lang.year_after.match(after[to.end():])):
            return "a year"
        first = re.search(r"(\d{4})\s*[–—-]\s*$", before)  # "у 2005-2006 міністр": the range's end
        if (first and 1000 <= int(first.group(1)) <= 2100
                and lang.year_before.search(before[:first.start()])):
            return "a year"
    joined = (re.search(r"[\d-]*$", before).group(0) + raw + re.match(r"[\d-]*", after).group(0)).strip("-")  # type: ignore[union-attr]
    if digits and re.fullmatch(r"\d+(?:-\d+){2,}", joined):
        return "a code"  # a telephone number: "239-55-44"
    if digits and re.match(r"0\d", digits):
        return "a code"  # "000", "0200": a count is not written with a leading zero
    if digits and (re.match(r"^[:.]\d{2}(?!\d)", after) or re.search(r"\d[:.]$", before)):
        return "a time or a score"
    if (digits and lang.time is not None and re.fullmatch(r"(?:[01]?\d|2[0-4])\.[0-5]\d", digits)
            and lang.time[0].search(before) and lang.time[1].match(after)):
        return "a time or a score"  # "з 22.00 по 06.00"
    if lang.measure_before is not None and lang.measure_before.search(before):
        return "a duration, an age or a distance"  # "років два тому", "кілометрів зо три"
    if re.match(r"^-[^\W\d_]", after) or re.search(r"[^\W\d_]-$", before) or re.match(r"^[^\W\d_]", after):
        return "an ordinal, an adjective or a name"
    if lang.factor[0].search(before) and lang.factor[1].match(after):
        return "a factor"
    if lang.not_a_count_after.match(after) and not (
            lang.average_before is not None and lang.average_before.search(sentence[max(0, start - 80):start])):
        return "a duration, an age or a distance"
    if lang.law_before.search(before) or (digits and lang.law_after.match(after)):
        return "a law article"
    if lang.age_before.search(before):
        return "an age"
    if not digits and len(raw.split()) == 2 and all(_fold(w).startswith(lang.one_prefixes) for w in raw.split()):
        return "each other"  # "одне одному", "один одного"
    if not digits and _fold(raw).startswith(lang.one_prefixes) and lang.one_of.match(after):
        return "one of"
    if lang.none_before.search(before):
        return "none"
    if lang.number_before.search(before):
        return "a number"
    return None


def _year_governed(lang: NumberWords, before: str, after: str) -> bool:
    """A year after a preposition: the word after it is in none of the plural cases a count there
    governs."""
    if lang.year_governed is None or not lang.year_governed[0].search(before):
        return False
    word = WORD.match(after.lstrip())
    if word is None:
        return False
    if word.group(0)[:1].isupper():
        return True  # "за 2019 Сміяненко задекларував": a name, what is counted is not
    cases = lang.year_governed[1]
    return not any(("plur" in p.tag.grammemes and cases & set(p.tag.grammemes))
                   or "Abbr" in p.tag.grammemes  # "у 2000 грн", "з 1200 га"
                   or ("Fixd" in p.tag.grammemes and "anim" not in p.tag.grammemes)
                   for p in parses(word.group(0), lang.code))


@functools.lru_cache(maxsize=50_000)
def best_reading(code: str, word: str) -> object | None:
    """The dictionary's likeliest reading of a word (kept for the words met again)."""
    found = parses(word, code)
    return found[0] if found else None


def reading_pos(code: str, word: str) -> str | None:
    """The part of speech of the dictionary's likeliest reading of ``word`` (lower-cased)."""
    reading = best_reading(code, word.lower())
    return None if reading is None else str(reading.tag.POS)  # type: ignore[attr-defined]
