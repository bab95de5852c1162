"""Numbers a Russian or Ukrainian sentence holds that are no figure: a back-reference ("ці
двоє"), a house number, a number in a short name in quotes, a limit allowed, a numbered name
("11 окремого загону") …; and what a number in words ending its clause after "яких" counts.
The words are the language's :class:`~db.extract.statistics.slavic.SentenceWords`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.extract.statistics.phrase import WORD
from db.extract.statistics.slavic_numbers import SlavicNumber, best_reading, reading_pos
from db.language.morphology import parses

if TYPE_CHECKING:
    from db.extract.statistics.slavic import SentenceWords


def a_numbered_name(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    """Digits governing the genitive plural with an adjective after them that is singular in
    every reading the dictionary has (a noun there may be a misspelt plural: "1800 тон"), or
    digits of 2-4 with a noun only singular and genitive after them ("2 батальйону")."""
    digits = re.sub(r"-[^\W\d_]+$", "", sentence[number.start:number.end])  # "5-ти"
    if not lang.singular_names or not digits.isdigit() or number.value is None:
        return False
    value = int(digits)
    word = re.match(r" (\w[\w'’-]*)", sentence[number.end:])
    readings = parses(word.group(1), lang.numbers.code) if word else []
    if 2 <= value % 10 <= 4 and not 12 <= value % 100 <= 14:
        # "2 батальйону", "бойовик 2 батальйону 2 бригади": 2-4 count in the nominative plural, a
        # noun only ever singular and genitive there is a unit's name (of the 2nd battalion)
        return bool(readings) and any(p.tag.case == "gent" for p in readings) and all(
            p.tag.POS == "NOUN" and not {"plur", "nomn", "accs", "Abbr", "Fixd"} & set(p.tag.grammemes)
            for p in readings)
    if value < 5 or not (5 <= value % 100 <= 20 or value % 10 in (0, 5, 6, 7, 8, 9)):
        return False
    return any(p.tag.POS in ("ADJF", "PRTF") for p in readings) and all(
        {"masc", "femn", "neut"} & set(p.tag.grammemes) and not {"Abbr", "Fixd", "plur"} & set(p.tag.grammemes)
        for p in readings)


def not_a_figure(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    """A back-reference ("ці двоє"), a house number ("вул. Жуйка, 18"), a number in a short name
    in quotes («Авангард 10»), "між двома" (a relation's sides), a rate ("3 відсотки річних"), a
    small measure ("40 л"), how often ("тричі на день"), a number denied ("не 3, а 2"), a limit
    allowed ("при допустимому значенні 0,5"), the first few of an order ("перших двох
    інстанцій", "три попередні"), a ratio's whole ("один із 40"), a speed ("120 ударів на
    хвилину"), who a pronoun names ("Нам двом"), the article-like "one"."""
    before = sentence[max(0, number.start - 30):number.start]
    if lang.back_reference is not None and lang.back_reference.search(before):
        return True
    if (((lang.selection_before is not None and lang.selection_before.search(before))
         or (lang.selection_after is not None and lang.selection_after.match(sentence[number.end:])))
            and not lang.scaled.search(sentence[number.start:number.end])):
        return True
    if lang.ratio_before is not None and sentence[number.start].isdigit() and lang.ratio_before.search(before):
        return True
    if lang.speed_after is not None and lang.speed_after.match(sentence[number.end:]):
        return True
    if (lang.age_over is not None and lang.age_over[0].search(before)
            and lang.age_over[1].match(sentence[number.end:])):
        return True
    if (lang.out_of_possible is not None and lang.out_of_possible[0].search(before)
            and lang.out_of_possible[1].match(sentence[number.end:])):
        return True
    if lang.pronoun_cases and not sentence[number.start].isdigit() and _pronoun_group(lang, sentence, number):
        return True
    if lang.limit_before is not None and lang.limit_before.search(sentence[max(0, number.start - 50):number.start]):
        return True
    if (lang.address_before is not None and lang.address_after is not None and sentence[number.start].isdigit()
            and lang.address_after.match(sentence[number.end:])
            and lang.address_before.search(sentence[max(0, number.start - 60):number.start])):
        return True
    if lang.name_quote is not None and any(
            quote.start() < number.start and number.end < quote.end() and _a_name(lang, quote.group("name"))
            and not re.search(r":\s*$", sentence[:quote.start()])  # after a colon, words said: ": «У нас 40 шкіл»"
            for quote in lang.name_quote.finditer(sentence)):
        return True
    if lang.phrase_quote is not None and not sentence[number.start].isdigit() and any(
            quote.start("name") < number.start and number.end < quote.end() and _a_name(lang, quote.group("name"))
            and reading_pos(lang.numbers.code, WORD.findall(quote.group("name"))[0]) == "NOUN"
            for quote in lang.phrase_quote.finditer(sentence)):
        return True  # a noun's phrase quoted, a number in words in it: «братерство двох слов'янських народів»
    if lang.between is not None and not sentence[number.start].isdigit() and lang.between.search(before):
        return True
    if lang.denied is not None and lang.denied.search(before) and re.match(r"[^,;]{0,30},\s*а\s", sentence[number.end:]):
        return True
    if lang.rate_after is not None and number.unit == "%" and lang.rate_after.match(sentence[number.end:]):
        return True
    if number.unit in lang.small_measures and not lang.scaled.search(sentence[number.start:number.end]):
        return True
    if lang.how_often is not None and number.unit == lang.times_unit and (
            lang.how_often.match(sentence[number.end:]) or number.value is None or not lang.times_counted):
        return True  # "тричі на день"; "сотні разів" says often, counts nothing
    return (lang.one_counts_after is not None and number.value == 1 and number.low is None
            and number.high is None and not number.approximate and not sentence[number.start].isdigit()
            and not lang.one_counts_after.search(before))


def a_price(lang: SentenceWords, sentence: str, number: SlavicNumber, scaled: bool) -> bool:
    """A sum that is a rate per span of time ("2 тис. гривень на місяць"), the price of one thing
    ("вартість однієї дози – 90–130 гривень") or an exchange rate ("долар сягнув 9,04 грн")."""
    if number.unit not in lang.money.values():
        return False
    largest = max((v for v in (number.value, number.low, number.high) if v is not None), default=0.0)
    if (lang.per_time_after is not None and largest < 1_000_000
            and lang.per_time_after.match(sentence[number.end:])):
        return True
    return (lang.price_before is not None and not scaled and largest < 1_000
            and lang.price_before.search(sentence[:number.start]) is not None)


def people_done_to(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    """A number in words next to an impersonal verb in "-но", "-то" (the dictionary's Impe), the
    people something was done to ("двох госпіталізовано", "Десятьом було надано допомогу",
    "Затримано трьох"); "було", "буде" may stand between."""
    after = re.match(r"\s+(?:(?:було|буде)\s+)?([^\W\d_]+)", sentence[number.end:])
    before = re.search(r"([^\W\d_]+)\s+$", sentence[max(0, number.start - 30):number.start])
    return any(word is not None and any("Impe" in p.tag.grammemes for p in parses(word.group(1).lower(), lang.numbers.code))
               for word in (after, before))


def _pronoun_group(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    """A number in words after a personal pronoun in a case it is in too ("Нам двом", "нас двох")."""
    pronoun = re.search(r"([^\W\d_]+)\s+$", sentence[max(0, number.start - 12):number.start])
    cases = lang.pronoun_cases.get(pronoun.group(1).lower(), frozenset()) if pronoun else frozenset()
    first = WORD.match(sentence, number.start)
    readings = [p for p in parses(first.group(0).lower(), lang.numbers.code) if p.tag.POS == "NUMR"] if first else []
    return bool(cases) and bool(readings) and all(p.tag.case in cases for p in readings)  # "у нас дві школи" counts


def antecedent_counted(lang: SentenceWords, sentence: str, number: SlavicNumber) -> str | None:
    """What a number ending its clause counts when nothing after it is named: the noun right
    before digits when that is only ever a genitive plural ("В Україні аеровокзалів 36": the
    count said after what it counts; "верстов десять", words, is "about ten"), or after "яких …"
    the plural noun before the pronoun."""
    if not re.match(r"\s*(?:[,.;:!?)»]|$)", sentence[number.end:]):
        return None
    if lang.genitive_noun_before and sentence[number.start].isdigit():  # "верстов десять": about ten
        word = re.search(r"([^\W\d_][\w'’-]*)\s+$", sentence[max(0, number.start - 40):number.start])
        readings = parses(word.group(1).lower(), lang.numbers.code) if word else []
        if readings and all(p.tag.POS == "NOUN" and {"gent", "plur"} <= set(p.tag.grammemes)
                            and "Abbr" not in p.tag.grammemes for p in readings):
            return str(readings[0].normal_form)
    relative = lang.relative_before.search(sentence[:number.start]) if lang.relative_before is not None else None
    if relative is None:
        return None
    for word in reversed(WORD.findall(sentence[max(0, relative.start() - 60):relative.start()])[-4:]):
        nouns = [p for p in parses(word.lower(), lang.numbers.code) if p.tag.POS == "NOUN" and "plur" in p.tag.grammemes]
        if nouns:  # a noun with a singular before one used only in the plural ("табори": табір)
            return str(min(nouns, key=lambda p: "Pltm" in p.tag.grammemes).normal_form)
    return None


def _a_name(lang: SentenceWords, quoted: str) -> bool:
    """Words in quotes that name something: at most four, no verb («Світанок 7», not «Зруйновано 15 мостів»)."""
    words = WORD.findall(quoted)
    return len(quoted.split()) <= 4 and not any(
        (reading := best_reading(lang.numbers.code, word.lower())) is not None
        and reading.tag.POS in ("VERB", "INFN", "PRTS", "GRND")  # type: ignore[attr-defined]
        for word in words)
