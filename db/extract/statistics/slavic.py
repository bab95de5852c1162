"""Statistic candidates in Russian and Ukrainian, one reader for both: what a number counts, who
claims it, when and where. A language names its words in a :class:`SentenceWords` (and its
numbers' in a :class:`~db.extract.statistics.slavic_numbers.NumberWords`):
:mod:`.russian`, :mod:`.ukrainian`, whose notes say what the rules decide.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.periods import RelativeWords, nearest_relative_period
from db.extract.statistics.phrase import WORD, clause_of, whole_words
from db.extract.statistics.phrase import clauses as split_clauses
from db.extract.statistics.slavic_claimants import assign_claimants
from db.extract.statistics.slavic_non_figures import (
    a_numbered_name,
    a_price,
    antecedent_counted,
    not_a_figure,
    people_done_to,
)
from db.extract.statistics.slavic_numbers import (
    NumberWords,
    SlavicNumber,
    best_reading,
    find_numbers,
    number_words,
)
from db.language.morphology import base_form, parses
from db.text import trimmed


@dataclass(frozen=True, eq=False)
class SentenceWords:
    """One language's words for reading a sentence's figures (regular expressions unless said)."""

    numbers: NumberWords
    money: dict[str, str]  # currency lemma -> ISO code
    money_abbreviations: dict[str, str]  # "руб" -> "RUB"
    home_currency: str  # what a bare currency abbreviation means
    unit_after: re.Pattern[str]  # group u: "%", "процент", "$", "руб."
    percent: tuple[str, ...]  # how a percent unit starts ("%", "процент", "проц", "п")
    possessives: frozenset[str]  # "его", "их": skipped before what is counted
    person: str  # the noun "person" ("человек"): people
    collective: frozenset[str]  # "двое", "пятеро": count people
    times_word: re.Pattern[str]  # "дважды"
    times_unit: str  # "раз"
    leading_claim: re.Pattern[str]
    subject_claim: re.Pattern[str]
    trailing_claim: re.Pattern[str]
    with_reference: re.Pattern[str]
    titles: re.Pattern[str]
    pronouns: frozenset[str]
    common_claimants: re.Pattern[str]
    claimant_trims: tuple[re.Pattern[str], ...]  # weekdays after, "по данным" before, "в" before, adverbs
    named_outlet: re.Pattern[str]  # "газета «X»": group name
    prepositions: frozenset[str]  # where a claimant's head words end
    clause_split: re.Pattern[str]
    quantity_before: re.Pattern[str]
    skip_verbs: frozenset[str]
    part_of: re.Pattern[str]  # "из" after a number: "138 из 142"
    and_after: re.Pattern[str]  # "погибли 5 человек, ранены 10"
    scaled: re.Pattern[str]
    period: re.Pattern[str]  # groups since, month, year, year2
    birth: tuple[re.Pattern[str], re.Pattern[str]]  # a year of birth: before, after
    month_number: Callable[[str], int | None]
    place: re.Pattern[str]
    place_noun: re.Pattern[str]
    quick: re.Pattern[str]
    #: after a sum of money, what makes it a price per unit ("1200 грн за погонний метр", "/ шт.")
    per_unit: re.Pattern[str] | None = None
    #: periods said against the publication date, by kind (periods.RELATIVE_KINDS): "в прошлом году"
    relative: RelativeWords = ()
    #: a claimant keeps its title, in the nominative ("директор офісу Олег Литвяк"), else the name alone
    #: before a number, what makes it so much each: no total when a number word ("по два
    #: мушкети") or a price after the goods ("мазуту по 6870 грн"); a share ("по 9,98% акцій"),
    #: a count in digits ("замовили по 155 сканерів"), a sum after a verb ("отримали по 20 тис.
    #: грн штрафу") stay
    distributive: re.Pattern[str] | None = None
    #: after such a sum and its currency, "each" said ("по 500 млн грн кожна"): the sum stays
    each_after: re.Pattern[str] | None = None
    #: after a number, a pronoun whole it is part of ("14 з них"): a count of what came before
    of_them: re.Pattern[str] | None = None
    #: before the word "one", a preposition governing it ("за один метр", "з одного боку",
    #: "у одного учасника"): no count
    one_governed: re.Pattern[str] | None = None
    #: before a number, a demonstrative making it a back-reference to what was counted before
    #: ("ці двоє учасників", "з цими трьома фірмами"): no count
    back_reference: re.Pattern[str] | None = None
    #: after a percent, what makes it a rate per period ("3 відсотки річних"): no share
    rate_after: re.Pattern[str] | None = None
    #: before the word "one", what makes it a count ("лише одна компанія", "всього одна ділянка");
    #: without it, or a bound, "one" is the article-like "a" ("сказав один геолог", "ще одна
    #: квартира": another): no count
    one_counts_after: re.Pattern[str] | None = None
    #: units of small measures (and sides, "з трьох боків"), no figure unless scaled ("на 40 л",
    #: "3 л" of a pot; "58 тис. літрів" is)
    small_measures: frozenset[str] = frozenset()
    #: after "twice", "three times", what makes it how often ("тричі на день"): no figure
    how_often: re.Pattern[str] | None = None
    #: whether a count of times is a figure ("суд шість разів переносив засідання"; "у 25 разів
    #: дешевше" compares): in Ukrainian neither, nor "тричі на день" in either
    times_counted: bool = True
    #: conjunctions joining two genitives of a chain ("департамент освіти та науки")
    coordinators: frozenset[str] = frozenset()
    #: "не 3, а 2": the number after "не" is the one denied
    denied: re.Pattern[str] | None = None
    #: between a bare number and the next, what makes them one list ("до 300, інколи 500 осіб",
    #: "з 2,2 до загальної суми 3 млрд грн"): the first counts what the next does, at its scale
    shares_next: re.Pattern[str] | None = None
    #: before the first number of such a list, "from" ("з 2,2 до 3 млрд"): the next is where a
    #: change went, not an upper bound
    change_from: re.Pattern[str] | None = None
    #: digits that govern the genitive plural (5-20, 25, 100 …) before an adjective that can only
    #: be singular are an ordinal or a unit's name, no count ("11 окремого колійного загону")
    singular_names: bool = False
    keep_titles: bool = False
    #: the direct speech frame after a quote ("«…», — заявив X", "…, — каже X"): groups verb
    #: (read as a finite verb) and who; it covers every figure before it
    quote_claim: re.Pattern[str] | None = None
    #: a source named at the end of a clause (", за даними реєстру."): group who; it covers the
    #: figures of its clause, as a trailing attribution does
    trailing_source: re.Pattern[str] | None = None
    #: a leading source set off by commas inside a clause ("Троє свідків засвідчили, згідно з
    #: матеріалами справи, що …") covers the clause's figures before it too
    inserted_source_covers_clause: bool = False
    #: a subject before a claim verb read as a subject: its verb a finite verb, a prepositional
    #: phrase or adverb before it left out ("У заяві прокуратура повідомила", "Днями ТНК-ВР
    #: повідомило"), ending at another verb ("Прес-служба посилається … і вказує"; "було
    #: вказано" names nobody), after a short opening phrase and its comma ("Крім того, слідчі
    #: встановили"); the pattern needs a group verb
    parsed_subject: bool = False
    #: words holding a verb name nobody (what follows a source that is none: "за результатами
    #: 2015 року платникам слід враховувати")
    verbless_claimants: bool = False
    #: a claimant that is what is measured, not who measured it ("згідно з розрахунками
    #: вартості ремонту"): nobody named
    not_a_source: re.Pattern[str] | None = None
    #: a man's name in the nominative from its written words and the dictionary's nominatives
    names: Callable[[list[str], list[str]], list[str]] | None = None
    #: before and after a house number ("вул. Жуйка, 18")
    address_before: re.Pattern[str] | None = None
    address_after: re.Pattern[str] | None = None
    #: a short name in quotes, a number in it part of the name («Авангард 10», «1+1 Продакшн»)
    name_quote: re.Pattern[str] | None = None
    #: a short phrase in quotes in lower case, a number in words in it part of the phrase
    #: («братерство двох слов'янських народів»): group name
    phrase_quote: re.Pattern[str] | None = None
    #: "між" before a number in words: who or what a relation is between ("між двома людьми")
    between: re.Pattern[str] | None = None
    #: a whole in brackets after a part, and the bracket's opening before the whole ("85 (зі 105) елементів")
    whole_aside: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: before a part of the figure before, in its scale ("144,66 млн грн, з них 62,11")
    of_them_before: re.Pattern[str] | None = None
    #: before a figure said in parallel to the one before, after a few words and a dash: it is
    #: in that one's scale ("2 мільйони гривень, цього року — 12") and, after a price, a price
    #: too ("11 гривень на день, у профільних – шість гривень")
    parallel_before: re.Pattern[str] | None = None
    #: a number in words counts only what it names ("Лишалося їх дві": a back-reference)
    words_count_named: bool = False
    #: a vote's tally, the word before each of its numbers ("«за» 0, «проти» 18, утрималися 3"):
    #: group vote; two or more in a sentence make each number a count of that vote
    tally: re.Pattern[str] | None = None
    #: a relative pronoun in the genitive plural before a number in words ending its clause
    #: ("табори, яких буде відкрито сорок один"): the number counts the noun before the pronoun
    relative_before: re.Pattern[str] | None = None
    #: a number ending its clause counts the noun before it when that is only a genitive plural
    #: ("В Україні аеровокзалів 36")
    genitive_noun_before: bool = False
    #: a claim verb opening the sentence before who says what follows (groups verb, who), and a
    #: claim verb and ", що" after a subject of a few words that follows a comma
    inverted_claim: re.Pattern[str] | None = None
    said_after_comma: str = r"(?!)"
    #: a publication, which an impersonal verb after it makes the claimant ("У звіті зазначено")
    publication: re.Pattern[str] | None = None
    #: before a number, what makes it a limit allowed, not a figure found ("при допустимому
    #: значенні 0,5 мг/м³", "норма — 0,2")
    limit_before: re.Pattern[str] | None = None
    #: before a number, what makes it the first or last few of an order, no count ("суди перших
    #: двох інстанцій", "наступні три учасники")
    selection_before: re.Pattern[str] | None = None
    #: after a number, the same ("три попередні кінофоруми")
    selection_after: re.Pattern[str] | None = None
    #: before digits, the "one in" of a ratio ("один із 40 чоловіків"): the whole is no count
    ratio_before: re.Pattern[str] | None = None
    #: a personal pronoun -> its cases: a number in words after it in one of them is who the
    #: pronoun names ("Нам двом аплодували", "для нас двох"), no count
    pronoun_cases: dict[str, frozenset[str]] = field(default_factory=dict)
    #: after a count, a speed or pace ("120 ударів на хвилину"), a body's or machine's measure
    speed_after: re.Pattern[str] | None = None
    #: after a sum below a million, what makes it a rate per span of time ("2 тис. гривень на
    #: місяць", "11 гривень на день"): a payment or a price, no figure; a year's is a total
    per_time_after: re.Pattern[str] | None = None
    #: before an unscaled sum in the sentence, what makes it the price of one thing ("вартість
    #: однієї дози – 90–130 гривень") or of a currency ("курс долара … з 7,99 грн", "долар
    #: сягнув 9,04 грн"): no figure
    price_before: re.Pattern[str] | None = None
    #: before and after a number, the most there could be ("набрав сім очок з восьми можливих"): no count
    out_of_possible: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: before and after a number, an age over it with nothing named ("два чоловіки за шістдесят",
    #: "одній із яких - за 80"): no count
    age_over: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    _places: dict[str, bool] = field(default_factory=dict, repr=False)


def _counted(lang: SentenceWords, sentence: str, number: SlavicNumber) -> tuple[str | None, str | None]:
    """(subject in base form, unit) from the words after the number."""
    after = sentence[number.end:number.end + 80]
    unit_match = lang.unit_after.match(after)
    if unit_match:
        symbol = unit_match.group("u").lower().rstrip(".")
        if symbol.startswith(lang.percent):
            return None, "%"
        return None, lang.money_abbreviations.get(symbol.replace(" ", ""), lang.home_currency)
    symbol_before = re.search(r"([$€£¥₽])\s*$", sentence[:number.start])
    if symbol_before:
        return None, {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}[symbol_before.group(1)]
    words = []
    if lang.times_word.fullmatch(sentence[number.start:number.end].strip()):
        return None, lang.times_unit
    base = number.end
    if lang.whole_aside is not None:  # "85 (зі 105) хімічних елементів": both count the elements
        aside = lang.whole_aside[0].match(after)
        if aside is None and lang.whole_aside[1].search(sentence[max(0, number.start - 8):number.start]):
            aside = re.match(r"\s*\)", after)
        if aside is not None:
            base += aside.end()
            after = after[aside.end():]
    for word_match in WORD.finditer(after):
        if word_match.start() > 0 and re.search(r"[,.;:!?()«»\"—]", after[:word_match.start()]):
            break
        if word_match.group(0).lower() in lang.possessives:
            continue
        words.append((word_match.group(0), base + word_match.end()))
        if len(words) == 4:
            break
    adjectives: list[str] = []
    collective = _is_collective(lang, sentence[number.start:number.end])
    for word, word_end in words:
        parse = best_reading(lang.numbers.code, word)
        if parse is None or any(p.tag.POS == "PREP" for p in parses(word.lower(), lang.numbers.code)):
            break  # "від 7 до 12": "до" is no note of music
        number.counted_end = word_end
        tag = parse.tag  # type: ignore[attr-defined]
        lemma = str(parse.normal_form)  # type: ignore[attr-defined]
        if tag.POS in ("ADJF", "PRTF") and "Apro" not in tag.grammemes:
            adjectives.append(_agree(parse, lemma))
            continue
        if tag.POS == "NPRO" and not adjectives:  # "десятків інших компаній": the noun after it
            continue
        if tag.POS == "NOUN":
            if lemma in lang.money:
                return None, lang.money[lemma]
            subject = " ".join([*adjectives, lemma])
            people = lemma == lang.person or tag.animacy == "anim" or collective
            return subject, "people" if people else lemma
        break
    if adjectives:  # a participle or adjective used as a noun ("трое подозреваемых", "пострадавших")
        return adjectives[-1], "people" if collective else None
    return None, "people" if collective else None


def _from_next(lang: SentenceWords, sentence: str, number: SlavicNumber, numbers: list[SlavicNumber]) -> bool:
    """Whether ``number`` took what the next number of its list counts (and its scale)."""
    following = next((n for n in numbers if n.start >= number.end), None)
    if (lang.shares_next is None or following is None or not sentence[number.start].isdigit()
            or not lang.shares_next.fullmatch(sentence, number.end, following.start)):
        return False
    subject, unit = _counted(lang, sentence, following)
    if subject is None and unit is None:
        return False
    _take_scale(lang, sentence, number, following)  # "з 2,2 до 3 млрд": billions both
    if (lang.change_from is not None and lang.change_from.search(sentence[max(0, number.start - 6):number.start])
            and sentence[number.end:following.start].split()[:1] == [lang.numbers.range_to]
            and following.high == following.value and following.low is None):
        following.high = None  # "зріс з 1,5 до 2 млн": where it went, no upper bound
    number.subject, number.unit = subject, unit
    return True


def _changes(lang: SentenceWords, sentence: str, numbers: list[SlavicNumber]) -> None:
    """"з 10,2 тис. до 12,5 тис.", each with its scale: the second is where the change went, no
    upper bound (as for a bare first number, :func:`_from_next`)."""
    if lang.change_from is None:
        return
    for first, second in itertools.pairwise(numbers):
        if (lang.change_from.search(sentence[max(0, first.start - 6):first.start]) and first.low is None
                and first.high is None and sentence[first.end:second.start].split() == [lang.numbers.range_to]
                and second.high == second.value and second.low is None):
            second.high = None


def _parallel(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    return lang.parallel_before is not None and lang.parallel_before.search(
        sentence[max(0, number.start - 40):number.start]) is not None


def _take_scale(lang: SentenceWords, sentence: str, number: SlavicNumber, other: SlavicNumber) -> None:
    """Scale ``number``, written in bare digits, by the "тис.", "млн" ... ``other`` is written with."""
    digits = re.match(r"\d[\d\u00a0\u202f ]*(?:[.,]\d+)?", sentence[other.start:other.end])
    scale = lang.numbers.scale_after.match(sentence[other.start + digits.end():]) if digits else None
    if digits is None or scale is None or other.start + digits.end() + scale.end() > other.end:
        return
    factor = (other.value or other.high or other.low or 0) / float(
        re.sub(r"[\u00a0\u202f ]", "", digits.group(0)).replace(",", "."))
    for name in ("value", "low", "high"):
        if getattr(number, name) is not None:
            setattr(number, name, round(getattr(number, name) * factor, 6))


def _is_collective(lang: SentenceWords, phrase: str) -> bool:
    words = phrase.lower().replace("ё", "е").replace("’", "'").split()
    return bool(words) and number_words(lang.numbers).get(words[-1], ("", frozenset()))[0] in lang.collective


def _agree(parse: object, lemma: str) -> str:
    """An adjective or participle in the nominative: its dictionary form when it is an adjective,
    the participle itself in the nominative ("подозреваемых" -> "подозреваемый"), not its verb."""
    tag = parse.tag  # type: ignore[attr-defined]
    if tag.POS == "PRTF":
        inflected = parse.inflect({"nomn", "sing", "masc"})  # type: ignore[attr-defined]
        return str(inflected.word) if inflected is not None else lemma
    return lemma


def _measure(lang: SentenceWords, sentence: str, clause: tuple[int, int], number: SlavicNumber) -> str | None:
    """The base form of the nearest verb or participle of the clause (after the number first)."""
    start, end = max(clause[0], number.start - 80), min(clause[1], number.end + 80)  # the words near it
    candidates: list[tuple[int, str]] = []
    for word_match in whole_words(sentence, start, end):
        if number.start <= word_match.start() < max(number.end, number.counted_end):
            continue
        word = word_match.group(0)
        parse = best_reading(lang.numbers.code, word.lower())
        if parse is None:
            continue
        tag = parse.tag  # type: ignore[attr-defined]
        if tag.POS not in ("VERB", "PRTS", "PRTF", "INFN", "GRND"):
            continue
        lemma = str(parse.normal_form).replace("ё", "е")  # type: ignore[attr-defined]
        if lemma in lang.skip_verbs:
            continue
        distance = word_match.start() - number.end if word_match.start() >= number.end else number.start - word_match.end() + 15
        candidates.append((distance, lemma))
    return min(candidates)[1] if candidates else None


def _so_much_each(lang: SentenceWords, sentence: str, number: SlavicNumber) -> bool:
    assert lang.distributive is not None
    window = max(0, number.start - 12)
    each = lang.distributive.search(sentence[window:number.start])
    if each is None or number.unit == "%":
        return False
    if (lang.each_after is not None and number.unit in lang.money.values()
            and lang.each_after.match(sentence[number.end:])):
        return False  # "дві лінії по 500 млн грн кожна": what each holds, said as such
    if not sentence[number.start].isdigit() and number.unit not in lang.money.values():
        return True
    if number.unit not in lang.money.values():
        return False
    before = WORD.findall(sentence[max(0, window + each.start() - 40):window + each.start()])
    reading = best_reading(lang.numbers.code, before[-1]) if before else None
    return reading is None or reading.tag.POS not in ("VERB", "INFN", "PRTS", "GRND")  # type: ignore[attr-defined]


def _period(lang: SentenceWords, sentence: str, clause: tuple[int, int], number: SlavicNumber,
            published: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    best: tuple[int, re.Match[str]] | None = None
    for match in lang.period.finditer(sentence, clause[0], clause[1]):
        if lang.birth[0].search(sentence[max(0, match.start() - 3):match.start()]) or lang.birth[1].match(
                sentence[match.end():]):
            continue
        distance = match.start() - number.end if match.start() >= number.end else number.start - match.end() + 30
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None:  # no year: "торік", "в этом месяце"
        return nearest_relative_period(lang.relative, sentence, clause[0], clause[1], number.start, published)
    match = best[1]
    year = int(match.group("year"))
    month = lang.month_number(match.group("month")) if match.group("month") else None
    start = PartialDate(year, month)
    if match.group("year2"):
        return start, PartialDate(int(match.group("year2")))
    if match.group("since"):
        return start, published
    return start, start


def guess_place(lang: SentenceWords, text: str) -> str | None:
    """The first place the text puts something in ("в Дагестане" -> "Дагестан"), in its base form:
    a word the dictionary knows as a place, or a name before "области", "крае", "районе"."""
    code = lang.numbers.code
    for match in lang.place.finditer(text):
        words = match.group("place").split()
        noun = lang.place_noun.match(text[match.end():])
        if noun:
            return " ".join(base_form([*words, noun.group("noun")], code))
        if lang.month_number(words[0]) is None and _is_place_word(lang, words[0]):
            return " ".join(base_form(words, code))
    return None


def _is_place_word(lang: SentenceWords, word: str) -> bool:
    known = lang._places.get(word)
    if known is None:
        if len(lang._places) > 20_000:
            lang._places.clear()
        known = lang._places[word] = any("Geox" in p.tag.grammemes for p in parses(word, lang.numbers.code))
    return known


def sentence_statistics(lang: SentenceWords, text: str, offset: int, sentence: str,
                        published: PartialDate | None = None) -> list[StatisticCandidate]:
    """The statistic candidates of one ``sentence`` in ``lang``, which starts at ``offset`` of ``text``."""
    if not lang.quick.search(sentence):
        return []
    numbers = find_numbers(lang.numbers, sentence)
    if not numbers:
        return []
    clauses = split_clauses(lang.clause_split, sentence)
    kept: list[tuple[SlavicNumber, tuple[int, int]]] = []
    tallies = {m.end(): m.group("vote") for m in lang.tally.finditer(sentence)} if lang.tally is not None else {}
    _changes(lang, sentence, numbers)
    price_before = False  # whether the number before was a price or a rate
    for number in numbers:
        if len(tallies) >= 2 and number.start in tallies:  # "«за» 115, «проти» 5": so many voted so
            number.subject, number.unit = tallies[number.start].strip("«»\"“” ").lower(), None
            kept.append((number, clause_of(clauses, number.start) or (0, len(sentence))))
            continue
        scaled = bool(lang.scaled.search(sentence[number.start:number.end]))
        shared = not scaled and _from_next(lang, sentence, number, numbers)
        if not shared:
            number.subject, number.unit = _counted(lang, sentence, number)
        clause = clause_of(clauses, number.start) or (0, len(sentence))
        # the list's last number says what each is: "курс 20, а то й усі 22 гривні за долар"
        price_end = next((n.end for n in numbers if n.start >= number.end), number.end) if shared else number.end
        if lang.per_unit is not None and number.unit in lang.money.values() and (
                lang.per_unit.match(sentence[number.end:]) or lang.per_unit.match(sentence[price_end:])):
            price_before = True
            continue  # a price per unit, not a sum
        if a_price(lang, sentence, number, scaled) or (
                price_before and number.unit in lang.money.values() and _parallel(lang, sentence, number)):
            price_before = True
            continue
        price_before = False
        if (lang.one_governed is not None and number.value == 1 and not sentence[number.start].isdigit()
                and lang.one_governed.search(sentence[max(0, number.start - 12):number.start])):
            continue
        if lang.distributive is not None and _so_much_each(lang, sentence, number):
            continue
        if not_a_figure(lang, sentence, number) or a_numbered_name(lang, sentence, number):
            continue
        part_of = lang.part_of.match(sentence[number.end:])
        if number.unit is None and number.subject is None and part_of:
            whole = next((n for n in numbers if n.start >= number.end + part_of.end() - 1), None)
            if whole is not None:  # "138 из 142 избирателей": what the whole counts
                number.subject, number.unit = _counted(lang, sentence, whole)
        if number.unit is None and number.subject is None and not scaled:
            previous = kept[-1][0] if kept else None
            if previous is not None and lang.and_after.match(sentence[number.end:]):
                # "погибли 5 человек, ранены 10": the count before names what is counted
                number.subject, number.unit = previous.subject, previous.unit
                of_them = lang.of_them_before is not None and lang.of_them_before.search(
                    sentence[max(0, number.start - 20):number.start])
                if (of_them or _parallel(lang, sentence, number)) and sentence[number.start].isdigit():
                    _take_scale(lang, sentence, number, previous)  # "144,66 млн грн, з них 62,11": millions
            elif (antecedent := antecedent_counted(lang, sentence, number)) is not None:
                number.subject = number.unit = antecedent
            elif lang.words_count_named and not sentence[number.start].isdigit() and people_done_to(lang, sentence, number):
                number.unit = "people"  # "двох госпіталізовано", "Десятьом було надано допомогу"
            elif lang.words_count_named and not sentence[number.start].isdigit() and not number.approximate:
                continue  # "Лишалося їх дві": a number in words counting nothing named
            elif not lang.quantity_before.search(sentence[max(0, number.start - 50):number.start]) and not (
                    lang.of_them is not None and lang.of_them.match(sentence[number.end:])):
                continue  # it counts nothing the sentence names
        kept.append((number, clause))
    assign_claimants(lang, sentence, [n for n, _c in kept], clauses)
    found = []
    for number, clause in kept:
        quote_start, quote_end = clause
        if number.claim_span is not None:
            quote_start, quote_end = min(quote_start, number.claim_span[0]), max(quote_end, number.claim_span[1])
        start, end = trimmed(text, offset + quote_start, offset + quote_end)
        period_start, period_end = _period(lang, sentence, clause, number, published)
        found.append(StatisticCandidate(
            start, end, text[start:end], number.value, number.low, number.high, number.approximate,
            _measure(lang, sentence, clause, number), number.unit, number.subject, period_start, period_end,
            guess_place(lang, text[start:end]), number.claimant))
    return found
