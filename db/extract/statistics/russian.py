"""Statistic candidates in Russian: the words and the rules, in one module.

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

import functools
import re
from dataclasses import dataclass

from db.dates import PartialDate
from db.language.morphology import base_form, parses
from db.language.russian import MONTH_RE, month_number

# --- words ---------------------------------------------------------------------------------

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
_MONEY = {"рубль": "RUB", "доллар": "USD", "евро": "EUR", "гривна": "UAH", "фунт": "GBP",
          "юань": "CNY", "иена": "JPY", "тенге": "KZT", "лари": "GEL", "манат": "AZN",
          "драм": "AMD"}  # fmt: skip
_MONEY_ABBREVIATIONS = {"руб": "RUB", "р": "RUB", "долл": "USD", "$": "USD", "€": "EUR",
                        "грн": "UAH"}  # fmt: skip

_LOW = (r"более\s+чем|более|свыше|больше\s+чем|больше|не\s+менее\s+чем|не\s+менее|не\s+меньше|"
        r"как\s+минимум|минимум|по\s+меньшей\s+мере|по\s+крайней\s+мере|не\s+ниже|чуть\s+более|"
        r"чуть\s+больше|немногим\s+более|немногим\s+больше|сверх")
_HIGH = (r"не\s+более\s+чем|не\s+более|не\s+больше|не\s+свыше|не\s+выше|чуть\s+менее|чуть\s+меньше|"
         r"менее\s+чем|менее|меньше|максимум|до")
_APPROX_HIGH = r"почти|едва\s+ли\s+не|без\s+малого|практически"
_APPROX = (r"около|примерно|порядка|приблизительно|ориентировочно|где-то|предположительно|"
           r"по\s+(?:предварительным\s+|разным\s+|некоторым\s+|различным\s+)?(?:данным\s+)?оценкам|"
           r"по\s+(?:предварительной\s+)?оценке")
_MODIFIER_BEFORE = re.compile(
    rf"(?:^|[\s(«\"—–-])(?P<mod>{_LOW}|{_HIGH}|{_APPROX_HIGH}|{_APPROX})\s+$", re.IGNORECASE)
_KIND = [(re.compile(rf"^(?:{_LOW})$", re.IGNORECASE), "low"),
         (re.compile(rf"^(?:{_HIGH})$", re.IGNORECASE), "high"),
         (re.compile(rf"^(?:{_APPROX_HIGH})$", re.IGNORECASE), "approx-high"),
         (re.compile(rf"^(?:{_APPROX})$", re.IGNORECASE), "approx")]

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


#: words before a number word that govern the genitive: "около тысячи" is about one thousand
_GENITIVE_BEFORE = re.compile(r"(?:около|до|более|свыше|менее|меньше|больше|порядка|почти|из|от|с|"
                              r"не\s+менее|не\s+более|не\s+меньше|не\s+больше)\s+$", re.IGNORECASE)
#: the nouns that count ("тысяча", "сотня", "десяток"): a multiplier after a number, else alone
#: how many times: "трижды" counts events
_TIMES = {"дважды": 2, "трижды": 3, "четырежды": 4}
_TIMES_WORD = re.compile(r"(?:дважды|трижды|четырежды)", re.IGNORECASE)
_COUNTING_NOUNS = {**_SCALE_WORDS, "десяток": 10, "сотня": 100}


@functools.cache
def _number_words() -> dict[str, tuple[str, frozenset[str]]]:
    """Every written form of the numerals and counting nouns -> (lemma, the grammatical numbers
    the form is written in: "тысячи" is a singular genitive and a plural nominative)."""
    forms: dict[str, tuple[str, set[str]]] = {}
    for lemma in [*_NUMERALS, *_COUNTING_NOUNS]:
        for parse in parses(lemma, "ru"):
            if parse.normal_form.replace("ё", "е") != lemma:
                continue
            for form in parse.lexeme:
                word = form.word.replace("ё", "е")
                entry = forms.setdefault(word, (lemma, set()))
                if entry[0] == lemma:
                    entry[1].add("plur" if "plur" in form.tag.grammemes else "sing")
        forms.setdefault(lemma, (lemma, {"sing"}))
    return {word: (lemma, frozenset(numbers)) for word, (lemma, numbers) in forms.items()}


@functools.cache
def _number_word_re() -> str:
    words = sorted(_number_words(), key=len, reverse=True)
    return "|".join(re.escape(w).replace("е", "[её]") for w in words)  # the dictionary writes "е" for "ё"


_DIGITS = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,])|\d+(?:[.,]\d+)?"
_SCALE_AFTER = re.compile(r"^\s*(?:(?P<abbr>тыс|млн|млрд|трлн)\.?(?!\w)|(?P<word>тысяч\w*|миллион\w*|"
                          r"миллиард\w*|триллион\w*))", re.IGNORECASE)


@functools.cache
def _number_re() -> re.Pattern[str]:
    words = _number_word_re()
    word_phrase = rf"(?:{words})(?:\s+(?:{words}|с\s+половиной))*"
    return re.compile(rf"(?<![\w.,])(?<![^\W\d_]-)(?:(?P<digits>{_DIGITS})|(?P<words>{word_phrase}))(?![\w]|\.\d)",
                      re.IGNORECASE)


def _word_value(phrase: str, before: str = "") -> tuple[float, bool]:
    """The value of a number in words, and whether it is a vague count ("сотни" -> 200, True;
    "десятки тысяч" -> 20,000, True; "две тысячи пятьсот" -> 2,500, False)."""
    table = _number_words()
    total, current, vague = 0.0, 0.0, False
    for position, word in enumerate(phrase.lower().replace("ё", "е").split()):
        if word == "с":
            continue
        if word == "половиной":
            current += 0.5
            continue
        lemma, numbers = table[word]
        if lemma in _NUMERALS:
            current += _NUMERALS[lemma]
            continue
        if current or total:  # "пять тысяч", "две сотни", "десятки тысяч": a multiplier
            if not current:  # "тысяча двести тысяч" is not a number: the multiplier needs one
                current = 1
            current = (current or 1) * _COUNTING_NOUNS[lemma]
            total, current = total + current, 0.0
            continue
        singular = "sing" in numbers and ("plur" not in numbers or (position == 0 and _GENITIVE_BEFORE.search(before)))
        if singular:  # "тысяча человек", "около тысячи", "десяток"
            current = float(_COUNTING_NOUNS[lemma])
        else:  # "сотни", "тысячи людей", "десятки тысяч": the smallest reading
            vague, current = True, float(_VAGUE[lemma])
    return total + current, vague


# --- numbers -------------------------------------------------------------------------------


@dataclass
class RussianNumber:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None = None
    subject: str | None = None
    claimant: str | None = None
    claim_span: tuple[int, int] | None = None
    #: where the counted noun phrase after the number ends
    counted_end: int = 0


def _digits_value(text: str) -> float:
    return float(re.sub(r"[\u00a0\u202f ]", "", text).replace(",", "."))


def _tidy(value: float) -> float:
    """8.13 * 10**9 as 8,130,000,000, not 8,130,000,000.000001."""
    return float(round(value)) if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) else value


def _scale_factor(match: re.Match[str]) -> float:
    if match.group("abbr"):
        return float(_SCALE_ABBREVIATIONS[match.group("abbr").lower()])
    lemma = _number_words().get(match.group("word").lower().replace("ё", "е"), ("тысяча", frozenset()))[0]
    return float(_COUNTING_NOUNS.get(lemma, 1_000))


def _read(sentence: str, match: re.Match[str]) -> tuple[float, bool, int]:
    """A number's value, whether it is vague, and where it ends (with its scale: "165 тыс.")."""
    end = match.end()
    if match.group("digits"):
        value, vague = _digits_value(match.group("digits")), False
        scale = _SCALE_AFTER.match(sentence[end:])
        if scale:
            value, end = _tidy(value * _scale_factor(scale)), end + scale.end()
        return value, vague, end
    value, vague = _word_value(match.group("words"), sentence[max(0, match.start() - 20):match.start()])
    scale = _SCALE_AFTER.match(sentence[end:])
    if scale and scale.group("abbr"):
        value, end = _tidy(value * _scale_factor(scale)), end + scale.end()
    return value, vague, end


_RANGE_BETWEEN = re.compile(r"\s*(?:[–—-]|или|до)\s*", re.IGNORECASE)


def _find_numbers(sentence: str) -> list[RussianNumber]:
    found: list[RussianNumber] = []
    matches = list(_number_re().finditer(sentence))
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        start = match.start()
        value, vague, end = _read(sentence, match)
        skip_until = end
        if _why_not(sentence, start, end, match):
            continue
        number = RussianNumber(start, end, None if vague else value, value if vague else None, None, vague)
        # ranges: "от 10 до 40", "10–40 тыс.", "два или три"
        following = matches[index + 1] if index + 1 < len(matches) else None
        between = _RANGE_BETWEEN.fullmatch(sentence, end, following.start()) if following is not None else None
        from_before = re.search(r"(?:^|\s)от\s+$", sentence[max(0, start - 5):start], re.IGNORECASE)
        if following is not None and between is not None and not vague and (
                "до" not in between.group(0).lower() or from_before):
            other, other_vague, other_end = _read(sentence, following)
            if not other_vague and not _why_not(sentence, following.start(), other_end, following):
                scale = _SCALE_AFTER.match(sentence[following.end():])
                low = value
                if scale is not None and _SCALE_AFTER.match(sentence[match.end():]) is None:
                    low = _tidy(value * _scale_factor(scale))  # "10–40 тыс.": the scale carries back
                if other > low:
                    number = RussianNumber(start - (from_before.end() - from_before.start() if from_before else 0),
                                           other_end, None, low, other, False)
                    skip_until = other_end
        if number.low is None or number.high is None:
            _bounds(sentence, number)
        found.append(number)
    return found


def _bounds(sentence: str, number: RussianNumber) -> None:
    before = sentence[max(0, number.start - 40):number.start]
    after = sentence[number.end:number.end + 20]
    modifier = _MODIFIER_BEFORE.search(before)
    if modifier and number.value is not None:
        word = " ".join(modifier.group("mod").lower().split())
        kind = next(k for pattern, k in _KIND if pattern.match(word))
        if kind == "low":
            number.low = number.value
        elif kind == "high":
            number.high = number.value
        elif kind == "approx-high":
            number.high, number.approximate = number.value, True
        else:
            number.approximate = True
    if re.match(r"^\s*с\s+(?:лишним|небольшим|гаком)", after, re.IGNORECASE) and number.value is not None:
        number.low = number.value
    if re.search(r"(?:около|примерно|порядка)\s+$", before, re.IGNORECASE):
        number.approximate = True


def _why_not(sentence: str, start: int, end: int, match: re.Match[str]) -> str | None:
    """Why a number is not a count, or None."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 40]
    raw = match.group(0)
    digits = match.group("digits")
    if re.match(rf"^\s*(?:[–—-]\s*\d{{1,2}}\s+)?{MONTH_RE}(?!\w)", after, re.IGNORECASE):
        return "day of a date"
    if digits and (re.match(r"^\.\d{1,2}\.\d{2,4}", after) or (re.match(r"^\d{1,2}\.\d{1,2}$", digits)
                   and re.match(r"^\.\d{2,4}", after))):
        return "a date"
    if re.search(r"[«“„\"]\s*$", before) and re.match(r"^[^»”\"«“]{0,30}[»”\"]", after):
        return "the title of a work"  # «17 мгновений весны», "33 коровы"
    next_word = re.match(r"^\s+([^\W\d_]+)", after)
    if next_word and (reading := _best(next_word.group(1))) is not None and "Anum" in reading.tag.grammemes:  # type: ignore[attr-defined]
        return "an ordinal"
    if digits and re.fullmatch(r"\d{4}", digits) and 1000 <= int(digits) <= 2100:
        if (re.match(r"^\s*(?:г\.|гг\.?|год\w*|-(?:х|е|м|й|го|ых|ые))", after, re.IGNORECASE)
                or re.search(rf"{MONTH_RE}\s*$", before, re.IGNORECASE)
                or re.match(r"^\s*(?:[,.;:)!?»\"]|$|[–—-]\s*\d{2,4}|и\s+\d{4}|\w+\s+год)", after)
                or (re.search(r"(?:\bв|\bс|\bдо|\bк|\bпо|\bот|\bза|\bначиная\s+с|\bгод\w*)\s*$", before, re.IGNORECASE)
                    and not re.match(r"^\s*[^\W\d_]", after))):
            return "a year"
        if not re.match(r"^\s*(?:тыс|млн|млрд|человек|[а-яё]+)", after, re.IGNORECASE):
            return "a year"
    if digits and (re.match(r"^[:.]\d{2}(?!\d)", after) or re.search(r"\d[:.]$", before)):
        return "a time or a score"
    if re.match(r"^-[^\W\d_]", after) or re.search(r"[^\W\d_]-$", before) or re.match(r"^[^\W\d_]", after):
        return "an ordinal, an adjective or a name"
    if re.search(r"(?:^|\s)в\s+$", before) and re.match(r"^\s*раз(?:а)?\s+(?:больше|меньше|выше|ниже|быстрее|дороже|дешевле)", after):
        return "a factor"
    if _NOT_A_COUNT_AFTER.match(after):
        return "a duration, an age or a distance"
    if _LAW_BEFORE.search(before) or (digits and _LAW_AFTER.match(after)):
        return "a law article"
    if re.search(r"(?:в\s+возрасте|возраст\w*)\s*(?:от\s+)?$", before, re.IGNORECASE):
        return "an age"
    if not digits and raw.lower().replace("ё", "е").startswith(("од", "одн")) and _ONE_OF.match(after):
        return "one of"
    if re.search(r"\bни\s+$", before, re.IGNORECASE):
        return "none"
    if re.search(r"№\s*$|\bномер\w*\s*$", before, re.IGNORECASE):
        return "a number"
    return None


# --- what is counted, and who says so ----------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w-]*")


@functools.lru_cache(maxsize=50_000)
def _best(word: str) -> object | None:
    """The dictionary's likeliest reading of a word (kept for the words met again)."""
    found = parses(word, "ru")
    return found[0] if found else None


def _counted(sentence: str, number: RussianNumber) -> tuple[str | None, str | None]:
    """(subject in base form, unit) from the words after the number."""
    after = sentence[number.end:number.end + 80]
    unit_match = re.match(r"^\s*(?P<u>%|процент\w*|проц\.|п\.\s*п\.|\$|€|руб\.?|р\.|долл\.?|грн\.?)", after, re.IGNORECASE)
    if unit_match:
        symbol = unit_match.group("u").lower().rstrip(".")
        if symbol in ("%", "проц") or symbol.startswith("процент") or symbol.startswith("п"):
            return None, "%"
        return None, _MONEY_ABBREVIATIONS.get(symbol.replace(" ", ""), "RUB")
    symbol_before = re.search(r"([$€£¥₽])\s*$", sentence[:number.start])
    if symbol_before:
        return None, {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}[symbol_before.group(1)]
    words = []
    if _TIMES_WORD.fullmatch(sentence[number.start:number.end].strip()):
        return None, "раз"
    for word_match in _WORD.finditer(after):
        if word_match.start() > 0 and re.search(r"[,.;:!?()«»\"—]", after[:word_match.start()]):
            break
        if word_match.group(0).lower() in ("его", "ее", "её", "их", "своих", "своего", "своей", "наших", "ваших"):
            continue
        words.append((word_match.group(0), number.end + word_match.end()))
        if len(words) == 4:
            break
    adjectives: list[str] = []
    collective = _is_collective(sentence[number.start:number.end])
    for word, word_end in words:
        parse = _best(word)
        if parse is None:
            break
        number.counted_end = word_end
        tag = parse.tag  # type: ignore[attr-defined]
        lemma = str(parse.normal_form)  # type: ignore[attr-defined]
        if tag.POS in ("ADJF", "PRTF") and "Apro" not in tag.grammemes:
            adjectives.append(_agree(parse, lemma))
            continue
        if tag.POS == "NOUN":
            if lemma in _MONEY:
                return None, _MONEY[lemma]
            subject = " ".join([*adjectives, lemma])
            people = lemma == "человек" or tag.animacy == "anim" or collective
            return subject, "people" if people else lemma
        break
    if adjectives:  # a participle or adjective used as a noun ("трое подозреваемых", "пострадавших")
        return adjectives[-1], "people" if collective else None
    return None, "people" if collective else None


def _is_collective(phrase: str) -> bool:
    words = phrase.lower().replace("ё", "е").split()
    return bool(words) and _number_words().get(words[-1], ("", frozenset()))[0] in _COLLECTIVE


def _agree(parse: object, lemma: str) -> str:
    """An adjective or participle in the nominative: its dictionary form when it is an adjective,
    the participle itself in the nominative ("подозреваемых" -> "подозреваемый"), not its verb."""
    tag = parse.tag  # type: ignore[attr-defined]
    if tag.POS == "PRTF":
        inflected = parse.inflect({"nomn", "sing", "masc"})  # type: ignore[attr-defined]
        return str(inflected.word) if inflected is not None else lemma
    return lemma


def _measure(sentence: str, clause: tuple[int, int], number: RussianNumber) -> str | None:
    """The base form of the nearest verb or participle of the clause (after the number first)."""
    start, end = max(clause[0], number.start - 80), min(clause[1], number.end + 80)  # the words near it
    candidates: list[tuple[int, str]] = []
    for word_match in _WORD.finditer(sentence, start, end):
        if number.start <= word_match.start() < max(number.end, number.counted_end):
            continue
        word = word_match.group(0)
        parse = _best(word.lower())
        if parse is None:
            continue
        tag = parse.tag  # type: ignore[attr-defined]
        if tag.POS not in ("VERB", "PRTS", "PRTF", "INFN", "GRND"):
            continue
        lemma = str(parse.normal_form).replace("ё", "е")  # type: ignore[attr-defined]
        if lemma in _SKIP_VERBS:
            continue
        distance = word_match.start() - number.end if word_match.start() >= number.end else number.start - word_match.end() + 15
        candidates.append((distance, lemma))
    return min(candidates)[1] if candidates else None


def _clean_claimant(raw: str, named_only: bool = False) -> str | None:
    who = " ".join(raw.split()).strip(" ,.;:—–-«»\"")
    who = re.sub(r"\s+(?:в|во|на)\s+(?:пятницу|понедельник|вторник|среду|четверг|субботу|воскресенье)\b.*$", "", who)
    who = re.sub(r"^(?:со\s+ссылкой\s+на|по\s+(?:данным|словам|информации|сведениям)|согласно)\s+", "",
                 who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:в|во)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:также|тоже|уже|ранее|еще|ещё|вновь|официально|сегодня|вчера|накануне|позднее)$", "",
                 who, flags=re.IGNORECASE)
    who = _TITLES.sub("", who).strip()
    # what a named outlet or body is ("газета «Коммерсантъ»", "журнал Forbes"): the name itself
    named = re.match(r"^(?:газет\w*|журнал\w*|агентств\w*|информагентств\w*|телеканал\w*|радиостанци\w*|"
                     r"издани\w*|сайт\w*|портал\w*|телерадиокомпани\w*|компани\w*|организаци\w*|"
                     r"фонд\w*|центр\w*|движени\w*|парти\w*)\s+(?P<name>[«“\"'A-ZА-ЯЁ].*)$", who)
    if named:
        who = named.group("name")
    who = who.strip("«»“”\"' ").replace("''", "").strip()
    if not who or who.lower().split()[0] in _PRONOUNS or len(who.split()) > 9:
        return None
    first = _best(who.split()[0])
    if first is not None and first.tag.POS in ("VERB", "PRTS", "INFN", "ADVB", "CONJ", "PRCL"):  # type: ignore[attr-defined]
        return None  # "Было заявлено", "Также сообщили": nobody named
    words = who.split()
    # a person's name at the end of a description ("глава Чечни Рамзан Кадыров")
    name_run: list[str] = []
    for word in reversed(words):
        parse = _best(word)
        grammemes = set(parse.tag.grammemes) if parse is not None else set()  # type: ignore[attr-defined]
        if word[:1].isupper() and grammemes & {"Name", "Surn", "Patr"}:
            name_run.insert(0, word)
        else:
            break
    if name_run and len(name_run) < len(words) and len(name_run) >= 2:
        words = name_run
    if named_only and not any(w[:1].isupper() for w in words) and not any(_COMMON_CLAIMANTS.match(w) for w in words):
        return None  # ", сообщил в интервью": not who
    # the head words in the nominative, up to the first preposition
    for index, word in enumerate(words):
        if word.lower() in ("по", "в", "во", "на", "при", "из", "для", "с", "со", "от", "и"):
            return " ".join([*base_form(words[:index], "ru"), *words[index:]]) if index else " ".join(words)
    return " ".join(base_form(words, "ru"))


def _assign_claimants(sentence: str, numbers: list[RussianNumber], clauses: list[tuple[int, int]]) -> None:
    for match in _LEADING_CLAIM.finditer(sentence):
        who = _clean_claimant(match.group("who"))
        if who is None:
            continue
        for number in numbers:
            if number.start >= match.end() and number.claimant is None:
                number.claimant, number.claim_span = who, match.span("who")
    subject = _SUBJECT_CLAIM.match(sentence)
    if subject:
        who = _clean_claimant(subject.group("who"))
        if who is not None:
            for number in numbers:
                if number.start >= subject.end() and number.claimant is None:
                    number.claimant, number.claim_span = who, subject.span("who")
    for pattern in (_TRAILING_CLAIM, _WITH_REFERENCE):
        for match in pattern.finditer(sentence):
            who = _clean_claimant(match.group("who"), named_only=pattern is _TRAILING_CLAIM)
            if who is None:
                continue
            clause = next(((s, e) for s, e in clauses if s <= match.start() < e), (0, len(sentence)))
            covered = [n for n in numbers if clause[0] <= n.start < match.start() and n.claimant is None]
            if not covered and pattern is _TRAILING_CLAIM:  # the nearest clause before with figures
                earlier = [n for n in numbers if n.start < match.start() and n.claimant is None]
                covered = [n for n in earlier if earlier and
                           next(((s, e) for s, e in clauses if s <= n.start < e), None)
                           == next(((s, e) for s, e in clauses if s <= earlier[-1].start < e), None)]
            if pattern is _WITH_REFERENCE:
                covered = [n for n in numbers if clause[0] <= n.start < clause[1] and n.claimant is None]
            for number in covered:
                number.claimant, number.claim_span = who, match.span("who")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]


# --- periods ---------------------------------------------------------------------------------

_PERIOD = re.compile(
    rf"(?:(?P<since>с|начиная\s+с)\s+)?(?:(?P<month>{MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)"
    r"(?:\s*[–—-]\s*(?P<year2>(?:19|20)\d\d))?\s*(?:г\.|гг\.?|год\w*)", re.IGNORECASE)


def _period(sentence: str, clause: tuple[int, int], number: RussianNumber,
            published: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    best: tuple[int, re.Match[str]] | None = None
    for match in _PERIOD.finditer(sentence, clause[0], clause[1]):
        if re.search(r"\d\s+$|рождени", sentence[max(0, match.start() - 3):match.start()]) or re.match(
                r"\s*рождени", sentence[match.end():]):
            continue
        distance = match.start() - number.end if match.start() >= number.end else number.start - match.end() + 30
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None:
        return None, None
    match = best[1]
    year = int(match.group("year"))
    month = month_number(match.group("month")) if match.group("month") else None
    start = PartialDate(year, month)
    if match.group("year2"):
        return start, PartialDate(int(match.group("year2")))
    if match.group("since"):
        return start, published
    return start, start


# --- the suggester -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RussianCandidate:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    measure: str | None
    unit: str | None
    subject: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    claimant: str | None
    place: str | None = None


_PLACE = re.compile(r"(?:^|\s)(?:[вВ]о?|[нН]а|[пП]од|[оО]коло|[бБ]лиз|[вВ]озле)\s+(?P<place>[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?)")
_PLACE_NOUN = re.compile(r"^\s+(?P<noun>(?:област|кра[еюя]|республик|район|округ)\w*)")


def guess_place(text: str) -> str | None:
    """The first place the text puts something in ("в Дагестане" -> "Дагестан"), in its base form:
    a word the dictionary knows as a place, or a name before "области", "крае", "районе"."""
    for match in _PLACE.finditer(text):
        words = match.group("place").split()
        noun = _PLACE_NOUN.match(text[match.end():])
        if noun:
            return " ".join(base_form([*words, noun.group("noun")], "ru"))
        if month_number(words[0]) is None and _is_place_word(words[0]):
            return " ".join(base_form(words, "ru"))
    return None


@functools.lru_cache(maxsize=20_000)
def _is_place_word(word: str) -> bool:
    return any("Geox" in p.tag.grammemes for p in parses(word, "ru"))


_QUICK = re.compile(r"\d|\b(?:од|дв|тр|чет|пят|шест|сем|вос|дев|дес|сор|сот|ст|тыс|мил|полт|об)", re.IGNORECASE)


def sentence_statistics(sentence: str, published: PartialDate | None = None) -> list[RussianCandidate]:
    """The statistic candidates of one Russian sentence; spans are offsets in it."""
    if not _QUICK.search(sentence):
        return []
    numbers = _find_numbers(sentence)
    if not numbers:
        return []
    clauses = _clauses(sentence)
    kept: list[tuple[RussianNumber, tuple[int, int], str | None]] = []
    for number in numbers:
        number.subject, number.unit = _counted(sentence, number)
        clause = next(((s, e) for s, e in clauses if s <= number.start < e), (0, len(sentence)))
        scaled = bool(re.search(r"\d\s*(?:тыс|млн|млрд|трлн|тысяч|миллион|миллиард)", sentence[number.start:number.end],
                                re.IGNORECASE))
        part_of = re.match(r"^\s*из\s+", sentence[number.end:])
        if number.unit is None and number.subject is None and part_of:
            whole = next((n for n in numbers if n.start >= number.end + part_of.end() - 1), None)
            if whole is not None:  # "138 из 142 избирателей": what the whole counts
                number.subject, number.unit = _counted(sentence, whole)
        if number.unit is None and number.subject is None and not scaled:
            previous = kept[-1][0] if kept else None
            if previous is not None and re.match(r"^\s*(?:[,.;:!?)»\"—–]|$|(?:и|а)\s)", sentence[number.end:]):
                # "погибли 5 человек, ранены 10": the count before names what is counted
                number.subject, number.unit = previous.subject, previous.unit
            elif not _QUANTITY_BEFORE.search(sentence[max(0, number.start - 50):number.start]):
                continue  # it counts nothing the sentence names
        kept.append((number, clause, None))
    _assign_claimants(sentence, [n for n, _c, _m in kept], clauses)
    found = []
    for number, clause, _measure_word in kept:
        quote_start, quote_end = clause
        if number.claim_span is not None:
            quote_start, quote_end = min(quote_start, number.claim_span[0]), max(quote_end, number.claim_span[1])
        period_start, period_end = _period(sentence, clause, number, published)
        found.append(RussianCandidate(
            quote_start, quote_end, number.value, number.low, number.high, number.approximate,
            _measure(sentence, clause, number), number.unit, number.subject, period_start, period_end,
            number.claimant, guess_place(sentence[quote_start:quote_end])))
    return found
