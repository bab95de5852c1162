"""Ukrainian numbers for the statistic suggester: the Ukrainian words of :mod:`.slavic_numbers`'s
reader. Numerals in every case form come from the dictionary (pymorphy3's Ukrainian lexemes:
"п'ятеро", "трьох", "двохсот"); "тис.", "млн", "млрд" scale the number before them; "понад",
"щонайменше", "не менше" make it the low end, "до", "не більше" the high end, "майже" the high
end and approximate, "близько", "приблизно", "орієнтовно" approximate; "від 200 до 250",
"200–250" and "два або три" are ranges; "десятки", "сотні", "тисячі" vague counts. Not counts:
days of dates ("24 лютого"), years ("у 2014 році", "2015 р."), times, durations, ages,
distances, ordinals, law articles ("стаття 111 КК", "ч. 2 ст. 191"), numbers in names."""

from __future__ import annotations

import re

from db.extract.statistics.bounds import BoundWords
from db.extract.statistics.slavic_numbers import NumberWords
from db.language.ukrainian import MONTH_RE

_NUMERALS = {
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
    "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
    "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16,
    "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20, "тридцять": 30,
    "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80,
    "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400,
    "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
    "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "дев'ятеро": 9, "десятеро": 10, "півтора": 1.5, "півтори": 1.5,
    "двічі": 2, "тричі": 3, "чотиричі": 4,
}  # fmt: skip

_SCALE_WORDS = {"тисяча": 1_000, "мільйон": 1_000_000, "мільярд": 1_000_000_000,
                "трильйон": 1_000_000_000_000}  # fmt: skip

_LOW = (r"більш\s+ніж|понад|більше\s+ніж|більше|щонайменше|принаймні|не\s+менше\s+ніж|не\s+менше|"
        r"не\s+менш\s+як|як\s+мінімум|мінімум|щонайменш|трохи\s+більше|понад\s+як")
_HIGH = r"не\s+більше\s+ніж|не\s+більше|не\s+більш\s+як|не\s+вище|менше\s+ніж|менше|максимум|до"
_APPROX_HIGH = r"майже|мало\s+не|ледь\s+не|практично"
_APPROX = (r"близько|приблизно|орієнтовно|порядку|десь|майже\s+що|за\s+оцінками|"
           r"за\s+(?:попередніми\s+)?(?:даними\s+)?оцінками|за\s+(?:попередньою\s+)?оцінкою")

UKRAINIAN = NumberWords(
    code="uk", numerals=_NUMERALS, scale_words=_SCALE_WORDS,
    scale_abbreviations={"тис": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000, "трлн": 1_000_000_000_000},
    vague={"десяток": 20, "сотня": 200, "тисяча": 2_000, "мільйон": 2_000_000, "мільярд": 2_000_000_000,
           "трильйон": 2_000_000_000_000},
    counting_nouns={**_SCALE_WORDS, "десяток": 10, "сотня": 100},
    bound_words=BoundWords(_LOW, _HIGH, _APPROX_HIGH, _APPROX, gap=r"\s+(?:ще\s+)?"), month=MONTH_RE,
    # the full stop of "тис." also stands apart where the text is tokenized ("8 тис . років")
    scale_after=re.compile(r"^\s*(?:(?P<abbr>тис|млн|млрд|трлн)(?:\.|\s\.(?=\s|$))?(?!\w)|(?P<word>тисяч\w*|мільйон\w*|"
                           r"мільярд\w*|трильйон\w*))", re.IGNORECASE),
    not_a_count_after=re.compile(
        r"^\s*(?:(?:робоч|календарн|банківськ|повн|наступн|останн)\w+\s+(?=рок|д[нен]|місяц|тиж|годин|хвилин)|погонн\w+\s+(?=м))?"
        r"(?:рок(?:у|ів|ами|ах|и|ом)?|році|рік|р\.|рр\.?|місяц\w*|міс\.|тиж(?:день|ня|ні|нів)\w*|"
        r"д(?:ня|ні|нів|ням|нями|нях)|день|доб(?:а|и|у|ою)?|годин\w*|год\.?|хвилин\w*|хв\.?|секунд\w*|"
        r"сек\.|століт\w*|сторіч\w*|км|кілометр\w*|метр\w*|сантиметр\w*|міліметр\w*|м|см|мм|миль|"
        r"кроків|крок\w*|градус\w*|бал\w*|кг|кілограм\w*|г|грам\w*|°|тому|місц(?:е|і|ем|я)|очк\w*|літ|"
        r"-\s+[^\W\d_]*(?:річн|денн|місячн|годинн|поверхов)\w*)(?![\w-])",
        re.IGNORECASE),
    law_before=re.compile(r"(?:статт\w*|ст\.|ч\.|частин\w*|пункт\w*|п\.|пп\.|підпункт\w*|№|номер\w*|No\.?)\s*"
                          r"(?:\d+(?:[.-]\d+)*\s*(?:,|і|та|або)?\s*)*$", re.IGNORECASE),
    law_after=re.compile(r"^\s*(?:\.\d+\s*)?(?:КК|КУпАП|ЦК|КПК|ГК|ПК|КЗпП|ч\.|частин\w*\s+\d|статт\w*|ст\.)",
                         re.IGNORECASE),
    # "один з них"; "один одного", "одне до одного": each other
    one_of=re.compile(r"^\s*(?:(?:з|із)\s+(?!\d)|(?:(?:про|до|з|на|від|для|без|за|перед|над)\s+)?одн\w*\b)",
                      re.IGNORECASE),
    genitive_before=re.compile(r"(?:близько|до|понад|більше|менше|майже|з|із|від|щонайменше|"
                               r"не\s+менше|не\s+більше|порядку)\s+$", re.IGNORECASE),
    range_between=re.compile(r"\s*(?:[–—-]|або|чи|до)\s*", re.IGNORECASE), range_to="до",
    range_from=re.compile(r"(?:^|\s)від\s+$", re.IGNORECASE), half=("з", "половиною"),
    odd=re.compile(r"^\s*з\s+(?:лишком|гаком|чимось)", re.IGNORECASE),
    about_before=re.compile(r"(?:близько|приблизно|орієнтовно)\s+$", re.IGNORECASE),
    year_after=re.compile(r"^\s*(?:р\.|рр\.?|рок\w*|році|рік|-(?:х|ті|го|й|му|ий|их))", re.IGNORECASE),
    year_before=re.compile(r"(?:\bв|\bу|\bз|\bіз|\bдо|\bпо|\bвід|\bза|\bпочинаючи\s+з|\bрок\w*|\bроці)\s*$",
                           re.IGNORECASE),
    year_not_after=re.compile(r"^\s*(?:тис|млн|млрд|осіб|людей|[а-яіїєґ']+)", re.IGNORECASE),
    factor=(re.compile(r"(?:^|\s)[ву]\s+$"),
            re.compile(r"^\s*раз(?:и|ів)?\s+(?:більше|менше|вище|нижче|швидше|дорожче|дешевше)")),
    age_before=re.compile(r"(?:у\s+віці|віком|вік\w*)\s*(?:від\s+)?$", re.IGNORECASE),
    none_before=re.compile(r"\bні\s+$", re.IGNORECASE),
    number_before=re.compile(r"№\s*$|\bномер\w*\s*$", re.IGNORECASE), one_prefixes=("од",),
    year_governed=(re.compile(r"(?:^|\s)(?:[ВвУуЗз]|[Іі]з|[Зз]а|[Дд]о|[Вв]ід|[Пп]о)\s+$"),
                   frozenset({"loct", "gent"})),
    time=(re.compile(r"(?:^|\s)(?:о|об|з|із|зі|до|по|від|після|між)\s+$", re.IGNORECASE),
          re.compile(r"^\s*(?:$|[,.;:)!?–—-]|(?:до|по|і|й|та|год\w*|ранку|вечора|ночі|дня)(?!\w))", re.IGNORECASE)),
    measure_before=re.compile(r"(?:^|\s)(?:років|літ|місяців|тижнів|днів|діб|годин|хвилин|секунд|кілометрів|"
                              r"метрів|кроків|верст)\s+(?:зо\s+|із\s+|з\s+)?$", re.IGNORECASE))
