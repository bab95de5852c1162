"""Russian numbers for the statistic suggester: numbers in digits ("2 200", "1,5 млн",
"165 тыс.") and in words in every case form ("пятерых", "двух", "полторы тысячи": the forms come
from the dictionary's lexemes of the numerals), bounds ("более", "до", "около"), ranges ("от 10 до
40") and vague counts ("сотни"), and the numbers that are not counts (dates, years, times,
durations, ages, distances, ordinals, law articles, names, titles). The rules that decide what a
number counts and who claims it are in :mod:`db.extract.statistics.russian`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from db.extract.statistics.bounds import BoundWords
from db.language.morphology import parses
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


@functools.cache
def number_words() -> dict[str, tuple[str, frozenset[str]]]:
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
    words = sorted(number_words(), key=len, reverse=True)
    return "|".join(re.escape(w).replace("е", "[её]") for w in words)  # the dictionary writes "е" for "ё"


_DIGITS = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,])|\d+(?:[.,]\d+)?"


SCALE_AFTER = re.compile(r"^\s*(?:(?P<abbr>тыс|млн|млрд|трлн)\.?(?!\w)|(?P<word>тысяч\w*|миллион\w*|"
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
    table = number_words()
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
            current = (current or 1) * _COUNTING_NOUNS[lemma]
            total, current = total + current, 0.0
            continue
        singular = "sing" in numbers and ("plur" not in numbers or (position == 0 and _GENITIVE_BEFORE.search(before)))
        if singular:  # "тысяча человек", "около тысячи", "десяток"
            current = float(_COUNTING_NOUNS[lemma])
        else:  # "сотни", "тысячи людей", "десятки тысяч": the smallest reading
            vague, current = True, float(_VAGUE[lemma])
    return total + current, vague


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
    lemma = number_words().get(match.group("word").lower().replace("ё", "е"), ("тысяча", frozenset()))[0]
    return float(_COUNTING_NOUNS.get(lemma, 1_000))


def _read(sentence: str, match: re.Match[str]) -> tuple[float, bool, int]:
    """A number's value, whether it is vague, and where it ends (with its scale: "165 тыс.")."""
    end = match.end()
    if match.group("digits"):
        value, vague = _digits_value(match.group("digits")), False
        scale = SCALE_AFTER.match(sentence[end:])
        if scale:
            value, end = _tidy(value * _scale_factor(scale)), end + scale.end()
        return value, vague, end
    value, vague = _word_value(match.group("words"), sentence[max(0, match.start() - 20):match.start()])
    scale = SCALE_AFTER.match(sentence[end:])
    if scale and scale.group("abbr"):
        value, end = _tidy(value * _scale_factor(scale)), end + scale.end()
    return value, vague, end


_RANGE_BETWEEN = re.compile(r"\s*(?:[–—-]|или|до)\s*", re.IGNORECASE)


def find_numbers(sentence: str) -> list[RussianNumber]:
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
                scale = SCALE_AFTER.match(sentence[following.end():])
                low = value
                if scale is not None and SCALE_AFTER.match(sentence[match.end():]) is None:
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
    _BOUND_WORDS.apply(before, number)
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
    if next_word and (reading := best_reading(next_word.group(1))) is not None and "Anum" in reading.tag.grammemes:  # type: ignore[attr-defined]
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


@functools.lru_cache(maxsize=50_000)
def best_reading(word: str) -> object | None:
    """The dictionary's likeliest reading of a word (kept for the words met again)."""
    found = parses(word, "ru")
    return found[0] if found else None
