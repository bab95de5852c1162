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

import functools
import re

from db.dates import PartialDate
from db.extract.statistics.russian_numbers import (
    RussianNumber,
    best_reading,
    find_numbers,
    number_words,
)
from db.extract.statistics.suggested import StatisticCandidate
from db.language.morphology import base_form, parses
from db.language.russian import MONTH_RE, month_number
from db.text import trimmed

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


#: the nouns that count ("тысяча", "сотня", "десяток"): a multiplier after a number, else alone
#: how many times: "трижды" counts events
_TIMES = {"дважды": 2, "трижды": 3, "четырежды": 4}


_TIMES_WORD = re.compile(r"(?:дважды|трижды|четырежды)", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_][\w-]*")


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
        parse = best_reading(word)
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
    return bool(words) and number_words().get(words[-1], ("", frozenset()))[0] in _COLLECTIVE


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
        parse = best_reading(word.lower())
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
    first = best_reading(who.split()[0])
    if first is not None and first.tag.POS in ("VERB", "PRTS", "INFN", "ADVB", "CONJ", "PRCL"):  # type: ignore[attr-defined]
        return None  # "Было заявлено", "Также сообщили": nobody named
    words = who.split()
    # a person's name at the end of a description ("глава Чечни Рамзан Кадыров")
    name_run: list[str] = []
    for word in reversed(words):
        parse = best_reading(word)
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
            clause = _clause_of(clauses, match.start()) or (0, len(sentence))
            covered = [n for n in numbers if clause[0] <= n.start < match.start() and n.claimant is None]
            if not covered and pattern is _TRAILING_CLAIM:  # the nearest clause before with figures
                earlier = [n for n in numbers if n.start < match.start() and n.claimant is None]
                last = _clause_of(clauses, earlier[-1].start) if earlier else None
                covered = [n for n in earlier if _clause_of(clauses, n.start) == last]
            if pattern is _WITH_REFERENCE:
                covered = [n for n in numbers if clause[0] <= n.start < clause[1] and n.claimant is None]
            for number in covered:
                number.claimant, number.claim_span = who, match.span("who")


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in clauses if s <= position < e), None)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]


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


def sentence_statistics(text: str, offset: int, sentence: str,
                        published: PartialDate | None = None) -> list[StatisticCandidate]:
    """The statistic candidates of one Russian ``sentence``, which starts at ``offset`` of ``text``."""
    if not _QUICK.search(sentence):
        return []
    numbers = find_numbers(sentence)
    if not numbers:
        return []
    clauses = _clauses(sentence)
    kept: list[tuple[RussianNumber, tuple[int, int]]] = []
    for number in numbers:
        number.subject, number.unit = _counted(sentence, number)
        clause = _clause_of(clauses, number.start) or (0, len(sentence))
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
        kept.append((number, clause))
    _assign_claimants(sentence, [n for n, _c in kept], clauses)
    found = []
    for number, clause in kept:
        quote_start, quote_end = clause
        if number.claim_span is not None:
            quote_start, quote_end = min(quote_start, number.claim_span[0]), max(quote_end, number.claim_span[1])
        start, end = trimmed(text, offset + quote_start, offset + quote_end)
        period_start, period_end = _period(sentence, clause, number, published)
        found.append(StatisticCandidate(
            start, end, text[start:end], number.value, number.low, number.high, number.approximate,
            _measure(sentence, clause, number), number.unit, number.subject, period_start, period_end,
            guess_place(text[start:end]), number.claimant))
    return found
