"""Russian numbers for the statistic suggester: the Russian words of :mod:`.slavic_numbers`'s
reader (numerals, scales, bound words, the words that make a number a date, a duration, an age, a
distance or a law article). The rules that decide what a number counts and who claims it are in
:mod:`db.extract.statistics.russian`."""

from __future__ import annotations

import re

from db.extract.statistics.bounds import BoundWords
from db.extract.statistics.slavic_numbers import NumberWords
from db.language.russian import MONTH_RE

_NUMERALS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "девятеро": 9, "десятеро": 10, "оба": 2, "обе": 2, "полтора": 1.5, "полторы": 1.5,
    "дважды": 2, "трижды": 3, "четырежды": 4,
}  # fmt: skip


_SCALE_WORDS = {"тысяча": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000,
                "триллион": 1_000_000_000_000}  # fmt: skip


_SCALE_ABBREVIATIONS = {"тыс": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000,
                        "трлн": 1_000_000_000_000}  # fmt: skip


#: vague counts: the smallest reading
_VAGUE = {"десяток": 20, "сотня": 200, "тысяча": 2_000, "миллион": 2_000_000, "миллиард": 2_000_000_000,
          "триллион": 2_000_000_000_000}


_LOW = (r"более\s+чем|более|свыше|больше\s+чем|больше|не\s+менее\s+чем|не\s+менее|не\s+меньше|"
        r"как\s+минимум|минимум|по\s+меньшей\s+мере|по\s+крайней\s+мере|не\s+ниже|чуть\s+более|"
        r"чуть\s+больше|немногим\s+более|немногим\s+больше|сверх")


_HIGH = (r"не\s+более\s+чем|не\s+более|не\s+больше|не\s+свыше|не\s+выше|чуть\s+менее|чуть\s+меньше|"
         r"менее\s+чем|менее|меньше|максимум|до")


_APPROX_HIGH = r"почти|едва\s+ли\s+не|без\s+малого|практически"


_APPROX = (r"около|примерно|порядка|приблизительно|ориентировочно|где-то|предположительно|"
           r"по\s+(?:предварительным\s+|разным\s+|некоторым\s+|различным\s+)?(?:данным\s+)?оценкам|"
           r"по\s+(?:предварительной\s+)?оценке")


_BOUND_WORDS = BoundWords(_LOW, _HIGH, _APPROX_HIGH, _APPROX, gap=r"\s+")


#: words after a number that make it a time, a duration, an age or a distance
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:год(?:а|у|ом|ы|ов|ам|ами|ах)?|лет|г\.|гг\.?|месяц\w*|мес\.|недел\w*|дн(?:я|ей|ям|ями|ях)|"
    r"день|сут(?:ок|ки|кам)|час(?:а|ов|ам|ами|ах)?|ч\.|минут\w*|мин\.|секунд\w*|сек\.|век\w*|"
    r"столети\w*|км|километр\w*|метр\w*|сантиметр\w*|миллиметр\w*|м|см|мм|миль|мил[ьи]|верст\w*|"
    r"шаг\w*|градус\w*|балл\w*|кг|килограмм\w*|лет\w*|мест(?:о|е|ом|у)|очк\w*)(?![\w-])", re.IGNORECASE)


_LAW_BEFORE = re.compile(
    r"(?:стать\w*|ст\.|ч\.|част\w*|пункт\w*|п\.|пп\.|подпункт\w*|№|номер\w*|No\.?)\s*"
    r"(?:\d+(?:\.\d+)*\s*(?:,|и|или)?\s*)*$", re.IGNORECASE)


_LAW_AFTER = re.compile(r"^\s*(?:\.\d+\s*)?(?:УК|КоАП|ГК|УПК|АПК|НК|ТК|ч\.|част\w*\s+\d|стать\w*|ст\.)",
                        re.IGNORECASE)


_ONE_OF = re.compile(r"^\s*из\s+(?!\d)", re.IGNORECASE)


#: words before a number word that govern the genitive: "около тысячи" is about one thousand
_GENITIVE_BEFORE = re.compile(r"(?:около|до|более|свыше|менее|меньше|больше|порядка|почти|из|от|с|"
                              r"не\s+менее|не\s+более|не\s+меньше|не\s+больше)\s+$", re.IGNORECASE)


_COUNTING_NOUNS = {**_SCALE_WORDS, "десяток": 10, "сотня": 100}



RUSSIAN = NumberWords(
    code="ru", numerals=_NUMERALS, scale_words=_SCALE_WORDS, scale_abbreviations=_SCALE_ABBREVIATIONS,
    vague=_VAGUE, counting_nouns=_COUNTING_NOUNS, bound_words=_BOUND_WORDS, month=MONTH_RE,
    scale_after=re.compile(r"^\s*(?:(?P<abbr>тыс|млн|млрд|трлн)\.?(?!\w)|(?P<word>тысяч\w*|миллион\w*|"
                           r"миллиард\w*|триллион\w*))", re.IGNORECASE),
    not_a_count_after=_NOT_A_COUNT_AFTER, law_before=_LAW_BEFORE, law_after=_LAW_AFTER, one_of=_ONE_OF,
    genitive_before=_GENITIVE_BEFORE,
    range_between=re.compile(r"\s*(?:[–—-]|или|до)\s*", re.IGNORECASE), range_to="до",
    range_from=re.compile(r"(?:^|\s)от\s+$", re.IGNORECASE), half=("с", "половиной"),
    odd=re.compile(r"^\s*с\s+(?:лишним|небольшим|гаком)", re.IGNORECASE),
    about_before=re.compile(r"(?:около|примерно|порядка)\s+$", re.IGNORECASE),
    year_after=re.compile(r"^\s*(?:г\.|гг\.?|год\w*|-(?:х|е|м|й|го|ых|ые))", re.IGNORECASE),
    year_before=re.compile(r"(?:\bв|\bс|\bдо|\bк|\bпо|\bот|\bза|\bначиная\s+с|\bгод\w*)\s*$", re.IGNORECASE),
    year_not_after=re.compile(r"^\s*(?:тыс|млн|млрд|человек|[а-яё]+)", re.IGNORECASE),
    factor=(re.compile(r"(?:^|\s)в\s+$"),
            re.compile(r"^\s*раз(?:а)?\s+(?:больше|меньше|выше|ниже|быстрее|дороже|дешевле)")),
    age_before=re.compile(r"(?:в\s+возрасте|возраст\w*)\s*(?:от\s+)?$", re.IGNORECASE),
    none_before=re.compile(r"\bни\s+$", re.IGNORECASE),
    number_before=re.compile(r"№\s*$|\bномер\w*\s*$", re.IGNORECASE), one_prefixes=("од", "одн"))
