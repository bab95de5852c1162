"""Statistic candidates in Russian: what a number counts, who claims it, when and where.
Reading the numbers themselves (and knowing which are not counts) is
:mod:`db.extract.statistics.russian_numbers`; the two modules are Russian's whole statistic rules.

The same decisions as the English suggester (see :mod:`db.extract.statistics`), read the Russian
way:

* **Numbers** in digits ("2 200", "1,5 млн", "165 тыс.") and in words, in every case form
  ("пятерых", "двух", "двадцать три", "полторы тысячи"): the forms come from the dictionary
  (pymorphy3's lexemes of the numerals), not from a list of endings.
* **Not statistics:** days of dates ("24 сентября"), years ("в 2014 году", "2015 г.", "1990-х"),
  times ("в 10:30"), durations, ages and prison terms ("5 лет", "в течение 48 часов"), distances
  ("в 40 км"), ordinals and number adjectives ("5-й", "45-летний"), law articles and their parts
  ("статья 317 УК РФ", "ч. 2 ст. 105"), numbers in names ("Су-27", "№ 5"), scores ("3:1"),
  "один из" (one of) and a number that counts nothing the sentence names.
* **Bounds:** "более, свыше, не менее, как минимум, по меньшей мере N" give ``low``; "до, не более,
  менее, почти N" give ``high``; "около, примерно, порядка" make it approximate; "от 10 до 40",
  "10–40" and "два или три" are ranges without a best value; "десятки, сотни, тысячи" are vague
  counts (smallest reading as ``low``).
* **Claimants:** "По данным X, …", "По словам X", "Как сообщил X", "Согласно X" cover the figures
  after them; ", сообщил X", ", заявили в пресс-службе X", ", передаёт X", "со ссылкой на X" the
  figures of their clause; "X сообщил, что …" the figures after the verb. Titles go ("глава Чечни
  Рамзан Кадыров" -> "Рамзан Кадыров", "пресс-служба МВД" -> "МВД"), names come in the nominative;
  pronouns name nobody.
* **What is counted** is the noun phrase after the number in its base form ("мирных жителей" ->
  "мирный житель"); people (animate nouns, "человек") have the unit "people"; **the measure** is
  the nearest verb or participle of the clause in its base form ("погибли" -> "погибнуть").
"""

from __future__ import annotations

import re

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.russian_numbers import RUSSIAN
from db.extract.statistics.slavic import SentenceWords
from db.extract.statistics.slavic import sentence_statistics as _read_sentence
from db.language.russian import MONTH_RE, month_number

_MONEY = {"рубль": "RUB", "доллар": "USD", "евро": "EUR", "гривна": "UAH", "фунт": "GBP",
          "юань": "CNY", "иена": "JPY", "тенге": "KZT", "лари": "GEL", "манат": "AZN",
          "драм": "AMD"}  # fmt: skip


_MONEY_ABBREVIATIONS = {"руб": "RUB", "р": "RUB", "долл": "USD", "$": "USD", "€": "EUR",
                        "грн": "UAH"}  # fmt: skip


_CLAIM_VERB = (r"(?:сообщ\w+|заяв\w+|переда[её]т|передал\w*|передают|рассказ\w+|отмет\w+|сказал\w*|"
               r"уточн\w+|добав\w+|пишет|писал\w*|подчеркн\w+|информир\w+|подсчита\w+|"
               r"указ(?:ал|ала|али|ывает|ывают)\w*|констатир\w+|объяв\w+|признал\w*|"
               r"утвержда\w+|говорится\s+в\s+\w+(?:\s+\w+)?|цитиру\w+|привод\w+\s+слова|счита\w+|"
               r"полага\w+|прогнозиру\w+|подсчитал\w*|насчитал\w*|отмеча\w+|оценива\w+|напомина\w+|"
               r"сообща\w+)")


_LEADING_CLAIM = re.compile(
    r"(?:^|[,;:]\s*|\s)(?:[Пп]о\s+(?:(?:последним|предварительным|официальным|уточн[её]нным|"
    r"имеющимся|новым|оперативным)\s+)?(?:данным|словам|информации|сведениям|оценкам|оценке|"
    r"подсч[её]там|мнению|утверждению|версии|заявлению|сообщению|статистике|опросам|опросу|"
    r"результатам|итогам|расч[её]там|прогнозу|прогнозам)|"
    r"[Сс]огласно(?:\s+(?:данным|информации|сведениям|оценкам|подсч[её]там|статистике|"
    r"сообщению|заявлению))?|[Кк]ак\s+" + _CLAIM_VERB + r")\s+(?P<who>[^,;:.!?]{2,120}?)\s*(?:,|—|–|:)")


_TRAILING_CLAIM = re.compile(
    r"(?:,|—|–|\s-)\s*(?:—\s*)?(?:как\s+)?" + _CLAIM_VERB + r"\s+(?:в\s+)?(?P<who>[^,;:!?]{2,120}?)"
    r"\s*(?:[,.;:!?]\s*|$)")


_WITH_REFERENCE = re.compile(r"со\s+ссылкой\s+на\s+(?P<who>[^,;:!?]{2,120}?)\s*(?:[,.;!?]|$)",
                             re.IGNORECASE)


_SUBJECT_CLAIM = re.compile(r"^(?P<who>[^,;:!?«\"]{2,90}?)\s+" + _CLAIM_VERB + r"(?:\s*,|\s+что|\s*:|\s+об?\s|\s+[^\W\d_]+)")


#: the words before a name that say what the person or body is, not who
_TITLES = re.compile(
    r"^(?:(?:официальн\w+\s+)?(?:представител\w+|пресс-секретар\w+|пресс-служб\w+|пресс-центр\w*|"
    r"глав[аеуы]|руководител\w+|начальник\w*|министр\w*|замминистра|заместител\w+|председател\w+|"
    r"президент\w*|премьер(?:-министр)?\w*|губернатор\w*|мэр\w*|командующ\w+|прокурор\w*|директор\w*|"
    r"спикер\w*|сотрудник\w*|генеральн\w+\s+прокурор\w*|глав\w+\s+администрации|эксперт\w*|"
    r"аналитик\w*|депутат\w*|лидер\w*|основател\w+|автор\w*|корреспондент\w*|журналист\w*|"
    r"(?:бывш|нынешн|нов)\w+|временно\s+исполняющ\w+\s+обязанности|врио|и\.\s*о\.)\s+)+", re.IGNORECASE)


_PRONOUNS = {"он", "она", "они", "оно", "мы", "я", "вы", "его", "ее", "её", "их", "это", "тот", "те",
             "который", "которая", "которые", "сам", "сама", "сами", "там", "здесь"}


#: claimants named by a common noun ("источник в силовых структурах", "организаторы")
_COMMON_CLAIMANTS = re.compile(
    r"^(?:источник\w*|правоохранител\w+|силовик\w*|очевид\w+|мест\w+\s+жител\w+|жител\w+|"
    r"свидетел\w+|врач\w*|медик\w*|спасател\w+|полици\w+|полицейск\w+|военн\w+|организатор\w*|"
    r"участник\w*|правозащитник\w*|активист\w*|родственник\w*|власт\w+|официальн\w+|чиновник\w*|"
    r"наблюдател\w+|эксперт\w*|аналитик\w*|ученые|учёные|исследовател\w+|социолог\w*|синоптик\w*|"
    r"пограничник\w*|следовател\w+|следстви\w+|прокуратур\w+|министерств\w+|ведомств\w+|"
    r"оппозици\w+|сторонник\w*|боевик\w*|повстанц\w+|журналист\w*|опрос\w*|исследовани\w*|доклад\w*|"
    r"отч[её]т\w*|законопроект\w*|документ\w*|статистик\w*|комментатор\w*|СМИ)", re.IGNORECASE)


#: the collective numerals count people ("двое", "пятерых")
_COLLECTIVE = {"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро",
               "десятеро"}


_CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?:а|но|однако|тогда\s+как|в\s+то\s+время\s+как|при\s+этом)\s+",
                           re.IGNORECASE)


_QUANTITY_BEFORE = re.compile(
    r"(?:числ\w*|количеств\w*|численност\w*|всего|итого|общ\w+\s+числ\w*|составил\w*|составля\w+|"
    r"состав(?:ит|ят)|достиг\w*|достига\w+|насчитыва\w+|превысил\w*|превыша\w+|увеличил\w*|"
    r"сократил\w*|вырос\w*|снизил\w*|вернул\w*|из\s+них|в\s+том\s+числе|еще|ещё)\s+(?:[^\s\d]+\s+){0,2}$",
    re.IGNORECASE)


_SKIP_VERBS = {"быть", "стать", "являться", "мочь", "иметь", "сообщить", "заявить", "рассказать",
               "передать", "отметить", "сказать", "говорить", "добавить", "подчеркнуть", "уточнить",
               "писать", "считать", "информировать", "указать", "признать", "утверждать",
               "объявить", "оказаться", "составить", "составлять"}


_TIMES_WORD = re.compile(r"(?:дважды|трижды|четырежды)", re.IGNORECASE)


_PERIOD = re.compile(
    rf"(?:(?P<since>с|начиная\s+с)\s+)?(?:(?P<month>{MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)"
    r"(?:\s*[–—-]\s*(?P<year2>(?:19|20)\d\d))?\s*(?:г\.|гг\.?|год\w*)", re.IGNORECASE)


_PLACE = re.compile(r"(?:^|\s)(?:[вВ]о?|[нН]а|[пП]од|[оО]коло|[бБ]лиз|[вВ]озле)\s+(?P<place>[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?)")


_PLACE_NOUN = re.compile(r"^\s+(?P<noun>(?:област|кра[еюя]|республик|район|округ)\w*)")


_QUICK = re.compile(r"\d|\b(?:од|дв|тр|чет|пят|шест|сем|вос|дев|дес|сор|сот|ст|тыс|мил|полт|об)", re.IGNORECASE)


WORDS = SentenceWords(
    numbers=RUSSIAN, money=_MONEY, money_abbreviations=_MONEY_ABBREVIATIONS, home_currency="RUB",
    unit_after=re.compile(r"^\s*(?P<u>%|процент\w*|проц\.|п\.\s*п\.|\$|€|руб\.?|р\.|долл\.?|грн\.?)", re.IGNORECASE),
    percent=("%", "проц", "п"),
    possessives=frozenset({"его", "ее", "её", "их", "своих", "своего", "своей", "наших", "ваших"}),
    person="человек", collective=frozenset(_COLLECTIVE), times_word=_TIMES_WORD, times_unit="раз",
    leading_claim=_LEADING_CLAIM, subject_claim=_SUBJECT_CLAIM, trailing_claim=_TRAILING_CLAIM,
    with_reference=_WITH_REFERENCE, titles=_TITLES, pronouns=frozenset(_PRONOUNS),
    common_claimants=_COMMON_CLAIMANTS,
    claimant_trims=(
        re.compile(r"\s+(?:в|во|на)\s+(?:пятницу|понедельник|вторник|среду|четверг|субботу|воскресенье)\b.*$"),
        re.compile(r"^(?:со\s+ссылкой\s+на|по\s+(?:данным|словам|информации|сведениям)|согласно)\s+", re.IGNORECASE),
        re.compile(r"^(?:в|во)\s+", re.IGNORECASE),
        re.compile(r"\s+(?:также|тоже|уже|ранее|еще|ещё|вновь|официально|сегодня|вчера|накануне|позднее)$",
                   re.IGNORECASE)),
    named_outlet=re.compile(r"^(?:газет\w*|журнал\w*|агентств\w*|информагентств\w*|телеканал\w*|радиостанци\w*|"
                            r"издани\w*|сайт\w*|портал\w*|телерадиокомпани\w*|компани\w*|организаци\w*|"
                            r"фонд\w*|центр\w*|движени\w*|парти\w*)\s+(?P<name>[«“\"'A-ZА-ЯЁ].*)$"),
    prepositions=frozenset({"по", "в", "во", "на", "при", "из", "для", "с", "со", "от", "и"}),
    coordinators=frozenset({"и"}),
    clause_split=_CLAUSE_SPLIT, quantity_before=_QUANTITY_BEFORE, skip_verbs=frozenset(_SKIP_VERBS),
    part_of=re.compile(r"^\s*из\s+"), and_after=re.compile(r"^\s*(?:[,.;:!?)»\"—–]|$|(?:и|а)\s)"),
    scaled=re.compile(r"\d\s*(?:тыс|млн|млрд|трлн|тысяч|миллион|миллиард)", re.IGNORECASE),
    period=_PERIOD, birth=(re.compile(r"\d\s+$|рождени"), re.compile(r"\s*рождени")),
    month_number=month_number, place=_PLACE, place_noun=_PLACE_NOUN, quick=_QUICK,
    relative=(
        ("last_year", re.compile(r"\b(?:прошлом|минувшем)\s+году\b|\b(?:прошлого|минувшего)\s+года\b",
                                 re.IGNORECASE)),
        ("this_year", re.compile(r"\b(?:этом|текущем|нынешнем)\s+году\b|"
                                 r"\b(?:этого|текущего|нынешнего)\s+года\b|\bс\s+начала\s+года\b", re.IGNORECASE)),
        ("last_month", re.compile(r"\bпрошлом\s+месяце\b|\bпрошлого\s+месяца\b", re.IGNORECASE)),
        ("this_month", re.compile(r"\b(?:этом|текущем)\s+месяце\b|\b(?:этого|текущего)\s+месяца\b|"
                                  r"\bс\s+начала\s+месяца\b", re.IGNORECASE)),
    ))


def sentence_statistics(text: str, offset: int, sentence: str,
                        published: PartialDate | None = None) -> list[StatisticCandidate]:
    """The statistic candidates of one Russian ``sentence``, which starts at ``offset`` of ``text``."""
    return _read_sentence(WORDS, text, offset, sentence, published)
