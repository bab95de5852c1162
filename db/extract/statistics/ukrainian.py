"""Statistic candidates in Ukrainian: what a number counts, who claims it, when and where, read by
the reader Russian shares (:mod:`.slavic`) with Ukrainian words; the numbers themselves in
:mod:`.ukrainian_numbers`. The same decisions as the English suggester (see
:mod:`db.extract.statistics`), read the Ukrainian way:

* **Claimants:** "За даними X, …", "За словами X", "За інформацією X", "Як повідомляє X",
  "Згідно з X" cover the figures after them, and set off by commas inside a clause ("Троє
  свідків засвідчили, згідно з матеріалами справи, що …") the clause's figures before them too;
  ", повідомили в X", "– повідомило X", "з посиланням на X", a closing ", за даними X." the
  figures of their clause; the words after a quote ("«…», — заявив X", "…, — каже X", any verb
  there) every figure of the quote. "X повідомив, що …" / "X встановили: …" names X for the
  figures after the verb only when what is said follows (", що", ":", "про"; "Суд визнав
  протиправним рішення" claims nothing), X read as a subject: after a short opening ("Крім
  того, слідчі встановили"), past a prepositional phrase or adverb ("Днями ТНК-ВР повідомило";
  "У заяві він заявив": a pronoun, nobody), ending at another verb; "було вказано" names nobody,
  and a prepositional phrase alone before a plural verb is who says it ("В держрезерві
  стверджують": держрезерв). "дані X", "останні дані X" are X's; what is measured
  ("розрахунками вартості"), a law, and calculations or data of no one named are nobody's.
  A title before a name stays, in the nominative ("директора офісу Олега Литвяка" -> "директор
  офісу Олег Литвяк"), and a title with no name keeps what it is of ("заступник міністра");
  names come in the nominative (pymorphy3's Ukrainian dictionary); pronouns name nobody.
* **What is counted** is the noun phrase after the number in its base form; people ("осіб",
  "людей", animate nouns, "п'ятеро") have the unit "people"; "грн", "гривень" are UAH, "$" USD.
* **No figures:** house numbers ("вул. Франка, 12"), a number in a short name in quotes
  («Світанок 7»), a number in words that names nothing it counts ("Лишалося їх дві"), "між
  двома", counts of times ("п'ять разів", "у 12 разів"), the number denied in "не 10, а 12",
  kitchen measures, "лише одна" (the one stressed, no count), a price of one unit ("17 гривень
  за долар"), a limit allowed ("при допустимому значенні 0,5"), sides ("з трьох боків"), "2
  батальйону" (a unit's name), "перших двох" (the first few of an order), telephone numbers;
  "з них 62,11" after a sum in millions is in millions; "X звинуватила Y у …" and "… про це
  повідомляється у X" claim, as does a claim inserted between commas (", каже губернатор,").
* **Counts:** each number of a vote's tally («за» 115, «проти» 5, утрималися 3); "3-х
  майданчиків" (a cardinal's case ending); "табори, яких буде відкрито сорок один", "(а таких у
  нас двадцять одна)"; a count after the genitive plural it counts ("аеровокзалів 36").
* **Also no figures:** "три попередні" (the previous few), a ratio's whole ("один із 40"), a
  speed ("120 ударів на хвилину"), who a pronoun names ("Нам двом"), fractions ("двома
  третинами"), nights spent. **Also claimants:** the verb first ("Розповіла X і про те, що …"),
  a subject of a few words after a long opening ("…, губернатор сказав, що …").
* **Also no figures:** a sum per day or month ("2 тис. гривень на місяць"; a year's is a total),
  the price of one thing ("вартість однієї дози – 90–130 гривень"), an exchange rate ("курс
  долара … з 7,99 грн", "долар сягнув 9,04 грн"), the most there could be ("з восьми
  можливих"), millennia and decades. "за результатами" claims for a survey or an audit only
  ("за результатами тестування" names nobody); "по 2 тис. грн … мав кожен" is a sum.
  A number said by its scales is one ("1 млн 260 тис. жителів"); a figure in parallel after a
  dash takes the scale before ("2 мільйони гривень, цього року — 12"); "за шістдесят" with
  nothing named is an age, as "категорія 50+"; "трьох стартових хвилин" a duration. **Also
  claimants:** "На думку X", "За свідченням X", "Як стало відомо X", "Про це повідомив X:"; one
  word naming who says is the person it reads as ("на думку політика": політик); who recalls
  ("згадує про", "пригадує, що"), past a year of birth set off by commas ("Ганна Коваль, 1930
  року народження, розповідає"); a name read as a man's genitive only when every word of it is.
  **Also no figures:** a sum in parallel after a price ("11 гривень на день, у профільних – шість
  гривень"); a number in words inside a quoted noun's phrase («братерство двох народів»); a
  quote after a colon is words said, no name (": «У нас 40 шкіл»"). **Also claimants:** a title
  after an adjective ("міський голова", "головний лікар") and a title of a body named stay
  ("прес-служба ДСНС", "у прес-службі Донецької ОДА"); "Про це на брифінгу повідомив X:";
  ", проінформували вчора у X," (when before where). **Also counts:** a number in words next to
  an impersonal verb counts people ("двох госпіталізовано", "Десятьом було надано допомогу");
  an average span or age measured is a figure ("середня тривалість життя становить 72 роки");
  "з 10,2 тис. до 12,5 тис." a change, no upper bound; "півмільйона"; "За висновками X" claims.
"""

from __future__ import annotations

import re

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.slavic import SentenceWords
from db.extract.statistics.slavic import sentence_statistics as _read_sentence
from db.extract.statistics.ukrainian_numbers import UKRAINIAN
from db.language.morphology import parses
from db.language.ukrainian import MONTH_RE, month_number

# "визнати" (admit), not "визначити" (determine): "визначивши переможцем"
_CLAIM_VERB = (r"(?:повідом\w+|заяв\w+|переда[єю]\w*|передал\w*|розпов\w+|зазнач\w+|сказа\w+|"
               r"каж(?:е|уть|у)|казав\w*|казал\w+|поясни\w+|поясню\w+|зауважи\w+|зауважу\w+|"
               r"підкресли\w+|підкреслю\w+|показу\w+|"
               r"уточн\w+|дода\w+|пише|писал\w*|наголоси\w+|наголошу\w+|інформу\w+|(?:про|по)інформува\w+|підрахува\w+|"
               r"вказа\w+|вказу\w+|констату\w+|оголоси\w+|оголошу\w+|визна(?!ч)\w+|стверджу\w+|"
               r"йдеться\s+в\s+\w+(?:\s+\w+)?|ідеться\s+в\s+\w+(?:\s+\w+)?|цитує\w*|вважа\w+|"
               r"прогнозу\w+|нарахува\w+|оцінил\w*|оцінив|оцінюва\w+|оціню(?:є|ють)|нагаду\w+|свідч\w+|з'ясува\w+|з’ясува\w+|встанови\w+|"
               r"(?:з|об)винуват\w+|(?:з|об)винувачу\w+|згаду\w+|пригаду\w+|(?:при)?згадал\w*|(?:при)?згадав)")

# who accuses says what of: "СБУ звинуватила керівництво УЗ в організації закупівлі на 100 млн грн"
_ACCUSED = "|".join(f"(?<={prefix}{ending})" for prefix in ("звинуват", "обвинуват")
                    for ending in ("ив", "ила", "ило", "или")) + "|" + "|".join(
    f"(?<={prefix}{ending})" for prefix in ("звинувачу", "обвинувачу") for ending in ("є", "ють", "вав", "вала", "вали"))

_LEADING_CLAIM = re.compile(
    r"(?:^|[,;:]\s*|\s)(?:[Зз]а\s+(?:[^\W\d_]+(?:ими|ою)\s+)?(?:(?:останніми|попередніми|офіційними|уточненими|наявними|новими|"
    r"оперативними)\s+)?(?:даними|словами|інформацією|відомостями|оцінками|оцінкою|підрахунками|"
    r"думкою|версією|заявою|повідомленням|статистикою|опитуванням|"
    # the results of a survey or an audit are its makers' claim; those of a test, a vote or a
    # tender are what happened ("за результатами тестування з математики – 134 особи")
    r"(?:результатами|підсумками)(?=\s+(?:[^\W\d_]+(?:ого|ої|их)\s+)?(?:опитуван|дослідж|соцдослідж|аудит|"
    r"перевір|ревізі|моніторинг|аналіз|експертиз|розслідуван|обстежен|перепис))|"
    r"розрахунками|прогнозом|прогнозами|свідченням|свідченнями|висновком|висновками)|[Нн]а\s+думку|[Яя]к\s+стало\s+відомо|[Зз]гідно\s+(?:з|із|зі)(?:\s+(?:[^\W\d_]+(?:ими|ою)\s+)?"
    r"(?:даними|інформацією|оцінками|підрахунками|статистикою|повідомленням|заявою))?|[Зз]гідно|"
    r"(?:[Яя]к|[Пп]ро\s+це(?:\s+[^\W\d_]+){0,4}?)\s+(?P<as_verb>" + _CLAIM_VERB + r"))\s+(?P<who>[^,;:.!?]{2,200}?)\s*(?:,|—|–|:)")

# ", за даними реєстру." closing its clause: whose figures those before it are ("згідно з" alone
# there is "in keeping with": "сплатила 5 млн грн згідно з договором")
_TRAILING_SOURCE = re.compile(
    r"(?:,|—|–)\s*(?:за\s+(?:[^\W\d_]+(?:ими|ою)\s+)?(?:даними|словами|інформацією|відомостями|оцінками|"
    r"оцінкою|підрахунками|повідомленням)|згідно\s+(?:з|із)\s+(?:[^\W\d_]+(?:ими|ою)\s+)?(?:даними|"
    r"інформацією|оцінками|підрахунками|повідомленням))\s+(?P<who>[^,;:!?]{2,120}?)\s*(?:;|[.!?…»\"]*\s*$)",
    re.IGNORECASE)

# direct speech and the words of its author after it: "«…», — заявив X", "…, — каже X",
# "» , - зазначив X" (tokenized); any finite verb there introduces the speaker ("продовжив")
_QUOTE_CLAIM = re.compile(r"(?:[»\"”]\s*,?|,)\s*(?:[—–]|-(?=\s))\s*(?P<verb>[^\W\d_][\w'’]*)\s+"
                          r"(?P<who>[^,;:!?«»\"”]{2,120}?)\s*(?:[,.;:!?]|$)")

_TRAILING_CLAIM = re.compile(
    # "… 6,47 млн грн. про це повідомляється у «Віснику …»": what the sentence said before
    r"(?:,|—|–|\s-|\s[Пп]ро\s+це)\s*(?:—\s*)?(?:[–—]\s*)?(?:як\s+)?" + _CLAIM_VERB + r"\s+(?:(?:в|у)\s+)?(?P<who>[^,;:!?]{2,120}?)"
    r"\s*(?:[,.;:!?]\s*|$|\s+з\s+посиланням)")

_WITH_REFERENCE = re.compile(r"з\s+посиланням\s+(?:на\s+)?(?P<who>[^,;:!?]{2,120}?)\s*(?:[,.;!?]|$)",
                             re.IGNORECASE)

# a year of birth set off by commas after a name: "Ганна Коваль, 1930 року народження, розповідає"
_BORN = r",\s*(?:\d{4}|\d{4}\s*[-–—]\s*\d{4})\s+(?:року|р\.|рр\.)\s+народження\s*,"

# "X повідомив, що", "X заявив журналістам: …", "X повідомило про намір …": what the verb says
# comes after it ("Суд визнав протиправним рішення", "Потім додаємо ложку" claim nothing)
_SUBJECT_CLAIM = re.compile(r"^(?P<who>(?:[^,;:!?«\"]|«[^«»\"]{1,40}»|" + _BORN + r"){2,90}?)\s+(?P<verb>" + _CLAIM_VERB + r")"
                            r"(?:\s*,\s*(?:що|як|нібито)\b|\s+що\b|\s*:|\s+про\s|"
                            r"(?:\s+[^\W\d_]+){1,3}(?:\s*,)?\s+що\b|(?:\s+[^\W\d_]+){1,3}\s*:|"
                            # who estimates puts a figure on a thing: "X оцінював статки Y у $230 млн"
                            r"(?:(?<=оцінював)|(?<=оцінювала)|(?<=оцінювало)|(?<=оцінювали)|(?<=оцінює)|"
                            r"(?<=оцінюють)|(?<=оцінив)|(?<=оцінила)|(?<=оцінило)|(?<=оцінили))"
                            r"(?:\s+[^\W\d_]+){1,4}\s+(?:у|в|на)\s+(?=[$€]?\d)|"
                            r"(?:" + _ACCUSED + r")(?:\s+[^\W\d_]+){1,12}\s+(?:у|в)\s)")

# the verb first: "Розповіла Лариса Костенко і про те, що …", "Повідомила директорка, що …"
_INVERTED_CLAIM = re.compile(r"^(?P<verb>" + _CLAIM_VERB + r")\s+(?P<who>[^,;:!?«»\"\d]{2,90}?)"
                             r"(?:\s+(?:і|й|також|ще))?(?:\s*,\s*що\b|\s*:|\s+про\s+те\s*,\s*що\b)", re.IGNORECASE)

_TITLES = re.compile(
    r"^(?:(?:офіційн\w+\s+|(?:міськ|сільськ|селищн|районн|обласн|головн|перш|виконавч|генеральн)\w+\s+(?=голов|прокурор|директор|заступни|секретар|лікар))?"
    r"(?:секретар\w*|головн\w+\s+лікар\w*|представни\w+|речни\w+|прес-секретар\w*|прес-служб\w+|прес-центр\w*|"
    r"голов[аиіу]|голово[юї]|керівни\w+|начальни\w+|міністр\w*|заступни\w+|президент\w*|"
    r"прем'єр(?:-міністр)?\w*|прем’єр(?:-міністр)?\w*|губернатор\w*|мер\w*|командувач\w*|"
    r"прокурор\w*|директор\w*|спікер\w*|співробітни\w+|генеральн\w+\s+прокурор\w*|експерт\w*|"
    r"аналітик\w*|депутат\w*|лідер\w*|засновни\w+|автор\w*|кореспондент\w*|журналіст\w*|"
    r"(?:колишн|нинішн|нов)\w+|тимчасово\s+виконуюч\w+\s+обов'язки|в\.\s*о\.)\s+)+", re.IGNORECASE)

_PRONOUNS = frozenset({"він", "вона", "вони", "воно", "ми", "я", "ви", "його", "її", "їх", "це", "той",
                       "ті", "який", "яка", "які", "сам", "сама", "самі", "там", "тут", "мені", "нам",
                       "вам", "йому", "їй", "їм", "тобі",
                       # their other cases: "Згідно з нею", "за його словами" -> nobody named
                       "нею", "неї", "ній", "ним", "ними", "нього", "ньому", "них", "нім", "цей", "ця",
                       "цього", "цієї", "цьому", "цим", "цією", "цими", "цих", "того", "тієї", "тим", "тими"})

# what is measured, not who measured it: "згідно з розрахунками середньомісячної вартості"
_NOT_A_SOURCE = re.compile(r"^(?:(?:розрахунк|підрахунк|оцінк|дан)\w*\s+)?(?:[^\W\d_]+(?:ої|ого|их)\s+)?"
                           r"(?:вартост|кількост|сум[иі]|обсяг|цін[иі]|розмір|рівн[яю]|частк|площ[іа]|"
                           r"чисельност|динамік|показник)\w*\b|"
                           # a law is what is in force, not who counted: "згідно із ЗУ «Про …»"
                           r"^(?:закон\w*|ЗУ|кодекс\w*|конституці\w+)\b|"
                           # "Розрахунки показують", "Дані свідчать": whose, unsaid
                           r"^(?:розрахунк|підрахунк|дан|оцінк|інформаці|відомост|цифр|статистик)\w*$",
                           re.IGNORECASE)

_COMMON_CLAIMANTS = re.compile(
    r"^(?:джерел\w*|правоохорон\w+|силовик\w*|очевид\w+|місцев\w+\s+мешкан\w+|мешкан\w+|жител\w+|"
    r"свідк\w*|лікар\w*|медик\w*|рятувальник\w*|поліці\w+|поліцейськ\w+|військов\w+|організатор\w*|"
    r"учасник\w*|правозахисник\w*|активіст\w*|родич\w*|влад\w+|посадов\w+|чиновник\w*|спостерігач\w*|"
    r"експерт\w*|аналітик\w*|науковц\w+|дослідник\w*|соціолог\w*|синоптик\w*|прикордонник\w*|"
    r"слідч\w+|слідств\w+|прокуратур\w+|міністерств\w+|відомств\w+|опозиці\w+|прихильник\w*|"
    r"бойовик\w*|журналіст\w*|опитуванн\w*|дослідженн\w*|доповід\w*|звіт\w*|документ\w*|"
    r"статистик\w*|освітян\w*|ЗМІ)", re.IGNORECASE)

_QUANTITY_BEFORE = re.compile(
    r"(?:числ\w*|кількіст\w*|чисельніст\w*|усього|всього|загалом|разом|склав\w*|складає|складають|"
    r"становит\w*|становив\w*|становила|сягну\w+|сяга\w+|налічу\w+|перевищ\w+|збільши\w+|"
    r"скороти\w+|зрос\w+|знизи\w+|поверну\w+|з\s+них|(?:,\s*)?(?:а\s+)?(?:їх|яких)(?:\s+було|\s+є)?|у\s+тому\s+числі|в\s+тому\s+числі|ще|на\s+суму|"
    r"сумою|вартістю|розмірі|розміром)\s+(?:[^\s\d]+\s+){0,2}$",
    re.IGNORECASE)

_SKIP_VERBS = frozenset({"бути", "стати", "являти", "могти", "мати", "повідомити", "заявити", "розповісти",
                         "передати", "зазначити", "сказати", "говорити", "додати", "наголосити",
                         "уточнити", "писати", "вважати", "інформувати", "вказати", "визнати",
                         "стверджувати", "оголосити", "виявитися", "скласти", "складати", "становити"})

_PERIOD = re.compile(
    rf"(?:(?P<since>з|із|починаючи\s+з)\s+)?(?:(?P<month>{MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)"
    r"(?:\s*[–—-]\s*(?P<year2>(?:19|20)\d\d))?\s*(?:р\.|рр\.?|рок\w*|році|рік)", re.IGNORECASE)

def _names(written: list[str], nominative: list[str]) -> list[str]:
    """A man's name in the genitive put in the nominative word by word when its surname reads so
    ("Петра Коваленка" -> "Петро Коваленко": the dictionary alone takes "Петра" for a woman's
    name); a surname in "-а" read back to a consonant stem ("Сакала" -> "Сакал", where the
    dictionary has the rarer "Сакало"), those in "-ко" keep their "-о" ("Бойка" -> "Бойко")."""
    if not written[0][:1].isupper() and not any(p.tag.animacy == "anim" for p in parses(written[0], "uk")):
        return nominative  # a name after the thing it is of stays as written: "декларації Никифорчука"
    readings = [[p for p in parses(w, "uk") if {"masc", "gent"} <= set(p.tag.grammemes)
                 and set(p.tag.grammemes) & {"Name", "Surn", "Patr"}] if w[:1].isupper() else [] for w in written]
    if not any(any("Surn" in p.tag.grammemes for p in r) for r in readings) or not all(
            r for w, r in zip(written, readings, strict=True) if w[:1].isupper()):
        return nominative  # not every name read as a man's genitive: "Ганна Коваль" (not "Ганн")
    found = []
    for word, base, options in zip(written, nominative, readings, strict=True):
        if options:
            lemma = str(options[0].normal_form)
            base = word[:1] + lemma[1:]
            if (word.endswith("а") and lemma.endswith("о") and not lemma.endswith("ко") and len(word) > 3
                    and "Surn" in options[0].tag.grammemes):
                base = word[:-1]
        found.append(base)
    return found


WORDS = SentenceWords(
    numbers=UKRAINIAN,
    money={"гривня": "UAH", "гривна": "UAH", "долар": "USD", "євро": "EUR", "рубль": "RUB", "фунт": "GBP",
           "юань": "CNY", "єна": "JPY", "злотий": "PLN"},
    money_abbreviations={"грн": "UAH", "гривень": "UAH", "дол": "USD", "$": "USD", "€": "EUR", "руб": "RUB"},
    home_currency="UAH",
    unit_after=re.compile(r"^\s*(?P<u>%|відсот\w*|процент\w*|в\.\s*п\.|\$|€|грн\.?|гривень|дол\.?|руб\.?)",
                          re.IGNORECASE),
    percent=("%", "відсот", "процент", "в."),
    possessives=frozenset({"його", "її", "їх", "їхніх", "своїх", "свого", "своєї", "наших", "ваших"}),
    person="людина", collective=frozenset({"двоє", "троє", "четверо", "п'ятеро", "шестеро", "семеро",
                                           "восьмеро", "дев'ятеро", "десятеро"}),
    times_word=re.compile(r"(?:двічі|тричі|чотиричі)", re.IGNORECASE), times_unit="раз",
    leading_claim=_LEADING_CLAIM, subject_claim=_SUBJECT_CLAIM, trailing_claim=_TRAILING_CLAIM,
    with_reference=_WITH_REFERENCE, titles=_TITLES, pronouns=_PRONOUNS, common_claimants=_COMMON_CLAIMANTS,
    claimant_trims=(
        re.compile(r"\s+(?:в|у)\s+(?:п'ятницю|п’ятницю|понеділок|вівторок|середу|четвер|суботу|неділю)\b.*$"),
        re.compile(r"^(?:з\s+посиланням\s+на|за\s+(?:даними|словами|інформацією|відомостями)|згідно\s+з)\s+",
                   re.IGNORECASE),
        # "проінформували вчора у прес-службі": when, before where
        re.compile(r"^(?:вчора|учора|сьогодні|напередодні|днями|нещодавно|також|офіційно|згодом)\s+(?=(?:в|у)\s)",
                   re.IGNORECASE),
        re.compile(r"^(?:в|у)\s+", re.IGNORECASE),
        # "згідно з останніми даними SMIDA", "Дані митниці свідчать": whose the data are
        re.compile(r"^(?:(?:останн|попередн|офіційн|нов|уточнен|наявн|оперативн)\w+\s+)?(?:дан(?:і|ими|их)|"
                   r"інформаці(?:я|ї|єю))\s+(?=\S)", re.IGNORECASE),
        re.compile(r"^(?:з|із|зі)\s+(?=\S)", re.IGNORECASE),  # "за даними з декларацій": the declarations
        re.compile(r"^(?:сам(?:их|ого|ої|ій|ому|ими|і|а|е|ий)|самої)\s+(?=\S)", re.IGNORECASE),  # "самих мешканців"
        re.compile(r"\s*,\s*\d{4}\s+(?:року|р\.)\s+народження\s*,?\s*$", re.IGNORECASE),
        re.compile(r"\s+(?:також|теж|вже|уже|раніше|ще|знову|офіційно|сьогодні|вчора|учора|напередодні|"
                   r"пізніше)$", re.IGNORECASE)),
    named_outlet=re.compile(r"^(?:газет\w*|журнал\w*|агентств\w*|інформагентств\w*|телеканал\w*|радіостанці\w*|"
                            r"видан\w*|сайт\w*|портал\w*|компані\w*|організаці\w*|фонд\w*|центр\w*|рух\w*|"
                            r"парті\w*|вісник\w*)\s+(?P<name>[«“\"'A-ZА-ЯІЇЄҐ].*)$"),
    prepositions=frozenset({"по", "в", "у", "на", "при", "з", "із", "для", "від", "і", "й", "та"}),
    coordinators=frozenset({"і", "й", "та"}),
    clause_split=re.compile(r";\s*|,\s+(?:а|але|однак|проте|тоді\s+як|в\s+той\s+час\s+як|при\s+цьому)\s+",
                            re.IGNORECASE),
    quantity_before=_QUANTITY_BEFORE, skip_verbs=_SKIP_VERBS,
    part_of=re.compile(r"^\s*(?:з|із)\s+"), and_after=re.compile(r"^\s*(?:[,.;:!?)»\"—–]|$|(?:і|й|та|а)\s)"),
    scaled=re.compile(r"\d\s*(?:тис|млн|млрд|трлн|тисяч|мільйон|мільярд)", re.IGNORECASE),
    period=_PERIOD, birth=(re.compile(r"\d\s+$|народжен"), re.compile(r"\s*народжен")),
    month_number=month_number,
    place=re.compile(r"(?:^|\s)(?:[вВуУ]|[нН]а|[пП]ід|[бБ]іля|[пП]облизу)\s+(?P<place>[А-ЯІЇЄҐ][\w'’-]+(?:\s+[А-ЯІЇЄҐ][\w'’-]+)?)"),
    place_noun=re.compile(r"^\s+(?P<noun>(?:област|кра[юяї]|республік|район|округ)\w*)"),
    quick=re.compile(r"\d|\b(?:кільк|од|дв|тр|чот|п['’]|шіст|сім|віс|дев|дес|сор|сот|ст|тис|міль|пів|обид|четв|шест|сем)",
                     re.IGNORECASE),
    # a price of one unit: "1200 грн за погонний метр", "0,37 гривні за кілометр", an exchange
    # rate "17 гривень за долар"
    per_unit=re.compile(r"^\s*(?:грн|грив\w+|дол\w*|руб\w*|євро)?\.?\s*(?:/\s*[^\W\d_]|за\s+(?:один|одну|одне|1)?\s*"
                        r"(?:погонн\w+\s+)?(?:(?:метр|тон|штук|кілограм|літр|одиниц|квадратн|гектар|кілометр|кіловат|"
                        r"кубометр|куб)\w*|(?:шт|кг|кв|га|км|квт)\b|долар\w?|євро|гривн[юя]|рубл[ья]|юан[ья]|"
                        r"фунт|(?:особ|людин)[уи]|пасажира)\b)", re.IGNORECASE),
    shares_next=re.compile(r"\s*(?:,\s*(?:[^\W\d_]+\s+){0,3}|(?:до|або|чи)\s+(?:[^\W\d_]+\s+){0,3}|(?:і|й|та)\s+)",
                           re.IGNORECASE),
    change_from=re.compile(r"(?:^|\s)(?:з|із|зі)\s+$", re.IGNORECASE),
    singular_names=True, words_count_named=True, keep_titles=True, names=_names, distributive=re.compile(r"(?:^|\s)[Пп]о\s+$"),
    each_after=re.compile(r"^[\s.]*(?:[^\W\d_]+\.?\s+){0,5}(?:кожн(?:а|ий|е)|кожен)\b", re.IGNORECASE),
    tally=re.compile(r"(?P<vote>[«\"“](?:за|проти)[»\"”]|(?<![\w'’])(?:утрима\w+|не\s+голосува\w+|відсутн\w+|"
                     r"присутн\w+))\s*[-–—:]?\s*(?=\d)", re.IGNORECASE),
    limit_before=re.compile(r"(?:(?<![\w'’])(?:гранично\s+)?допустим\w+|(?<![\w'’])нормативн\w+|(?<![\w'’])норм(?:а|і|у|ою)|"
                            r"\bГДК|\bПДК)(?:\s+[^\W\d_]+){0,2}\s*[-–—:]?\s*(?:до\s+|не\s+більше\s+)?$", re.IGNORECASE),
    # "табори, яких буде відкрито сорок один"; "У школах (а таких у нас двадцять одна)"
    relative_before=re.compile(r"(?:,|\()\s*(?:а\s+)?(?:яких|котрих|таких)\b[^,;:!?()]*$", re.IGNORECASE),
    genitive_noun_before=True, inverted_claim=_INVERTED_CLAIM,
    said_after_comma=r"(?:" + _CLAIM_VERB + r")\s*,\s*що\b",
    publication=re.compile(r"(?:прес-реліз|повідомленн|заяв|звіт|доповід|листі|зверненн)\w*$", re.IGNORECASE),
    selection_before=re.compile(r"(?:^|\s)(?:перш|останн|наступн|попередн)\w*\s+$", re.IGNORECASE),
    selection_after=re.compile(r"^\s+(?:останн|наступн|попередн)\w*\b", re.IGNORECASE),
    # the "one" in the nominative: "одним зі 108 протестувальників, які загинули" counts them
    ratio_before=re.compile(r"(?:^|\s)(?:один|одна|одне)\s+(?:з|із|зі)\s+$", re.IGNORECASE),
    pronoun_cases={"нам": frozenset({"datv"}), "вам": frozenset({"datv"}), "нас": frozenset({"gent", "accs", "loct"}),
                   "вас": frozenset({"gent", "accs", "loct"})},
    speed_after=re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}(?:на|за|в|у)\s+(?:хвилину|секунду)\b", re.IGNORECASE),
    per_time_after=re.compile(r"^\s*(?:грн|грив\w+|дол\w*|руб\w*|євро)?\.?\s*(?:на|за|в|у)\s+(?:один\s+|одну\s+)?"
                              r"(?:день|добу|тиждень|місяць|годину|зміну)\b", re.IGNORECASE),
    price_before=re.compile(r"(?:^|[\s(])(?:(?:вартіст|цін)\w*\s+(?:одн(?:ого|ієї)|1)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
                            r"\s*(?:[-–—:]|становить|складає|сягає)?\s*(?:від\s+|до\s+|близько\s+|понад\s+)?$|"
                            r"курс\w*\s+(?:[^\W\d_]+\s+){0,3}(?:долар|євро|гривн|рубл|юан|злот|фунт|валют)\w*|"
                            r"(?:долар|євро|рубль|юань|злотий|фунт)(?:\s+[A-ZА-ЯІЇЄҐ]+)?\s+(?:[^\W\d_]+\s+){0,4}?"
                            r"(?:сягну|сяга|подорожча|подешевша|зріс|зросте|впав|упав|торгу|коштува|протрима|піднявся|опустився)\w*\b)",
                            re.IGNORECASE),
    age_over=(re.compile(r"(?:^|\s)(?:[-–—]\s*)?(?:за|під)\s+$", re.IGNORECASE),
              re.compile(r"^\s*(?:[,.;:!?)»]|$|(?:і|й|та|або)\s)", re.IGNORECASE)),
    out_of_possible=(re.compile(r"(?:^|\s)(?:з|із|зі)\s+$", re.IGNORECASE),
                     re.compile(r"^\s+(?:[^\W\d_]+\s+)?можлив\w*\b", re.IGNORECASE)),
    quote_claim=_QUOTE_CLAIM, trailing_source=_TRAILING_SOURCE, inserted_source_covers_clause=True,
    parsed_subject=True, verbless_claimants=True, not_a_source=_NOT_A_SOURCE,
    one_governed=re.compile(r"(?:^|[\s«\"(])(?:за|на|у|в|з|із|зі|від|до|для|при|про|через|без|«)\s*$",
                            re.IGNORECASE),
    back_reference=re.compile(r"(?:^|[\s«(])(?:ці|цих|цим|цими|оці|оцих|оцим|оцими|ті|тих|тими|отих|отими)"
                              r"(?:\s+(?:ж|же|самі|самих|самим|самими))?\s+$", re.IGNORECASE),
    # a house number: "на вул. Жуйка, 18", "Контрактовій площі, 4", "за адресами бухта 1-а, 2, 3"
    address_before=re.compile(r"(?:\bадрес\w*|\bвул\.|\bвулиц\w*|\bпросп\.|\bпроспект\w*|\bпров\.|\bпровул\w*|"
                              r"\bпл\.|\bплощ[аіу]|\bбульв\w*|\bузвіз\w*|\bшосе|\bнабережн\w*|\bбуд\.)"
                              r"(?:\s*(?:[A-ZА-ЯІЇЄҐ][\w'’.-]*|\d+(?:-?[а-яa-z])?|[,.]|[^\W\d_]+(?=\s+[A-ZА-ЯІЇЄҐ\d])))*\s*$"),
    address_after=re.compile(r"^(?:-?[а-яa-z]\b|\s*(?:[,;.)]|$|\d))"),
    name_quote=re.compile(r"«\s?(?P<name>[A-ZА-ЯІЇЄҐ\d][^«»]{0,40})»"),
    phrase_quote=re.compile(r"«\s?(?P<name>[а-яіїєґ'’][^«»\d]{0,40})»"),
    whole_aside=(re.compile(r"^\s*\(\s*(?:з|зі|із)\s+\d[\d\u00a0 ]*(?:[.,]\d+)?\s*\)", re.IGNORECASE),
                 re.compile(r"\(\s*(?:з|зі|із)\s+$", re.IGNORECASE)),
    between=re.compile(r"(?:^|\s)між\s+$", re.IGNORECASE),
    # and sides: "вкриваю вулики із трьох боків", "з обох боків" (where, not how many)
    small_measures=frozenset({"л", "літр", "мл", "мілілітр", "ложка", "склянка", "чашка", "ст", "щіпка", "бік",
                              # and fractions, a share of a whole: "володіють двома третинами будівель"
                              "третина", "чверть"}),
    times_counted=False, denied=re.compile(r"(?:^|\s)не\s+$", re.IGNORECASE),
    how_often=re.compile(r"^\s*(?:раз(?:и|ів)?\s+)?(?:на|за|в|у)\s+(?:день|добу|тиждень|місяць|рік|годину|хвилину)\b", re.IGNORECASE),
    rate_after=re.compile(r"^\s*(?:%|відсот\w*|процент\w*)\s+річн", re.IGNORECASE),
    # "лише одну колонку", "тільки одна душа" stress the one, and count no more than "one" alone does
    one_counts_after=re.compile(r"(?:^|\s)(?:рівно)\s+$", re.IGNORECASE),
    of_them_before=re.compile(r"(?:^|\s)(?:з|із)\s+(?:них|яких)\s+$|\b(?:у|в)\s+тому\s+числі\s+$", re.IGNORECASE),
    parallel_before=re.compile(r",\s*(?:[^\W\d_]+\s+){1,3}[—–]\s*$", re.IGNORECASE),
    of_them=re.compile(r"^\s*(?:з|із)\s+(?:них|яких|усіх|всіх|цих)\b", re.IGNORECASE),
    relative=(
        ("last_year", re.compile(r"\bторік\b|\bминулого\s+року\b|\bминулому\s+році\b", re.IGNORECASE)),
        ("this_year", re.compile(r"\b(?:цього|поточного|нинішнього)\s+року\b|\b(?:цьому|поточному)\s+році\b|"
                                 r"\b(?:з|від)\s+початку\s+року\b", re.IGNORECASE)),
        ("last_month", re.compile(r"\bминулого\s+місяця\b|\bминулому\s+місяці\b", re.IGNORECASE)),
        ("this_month", re.compile(r"\b(?:цього|поточного)\s+місяця\b|\b(?:цьому|поточному)\s+місяці\b|"
                                  r"\bз\s+початку\s+місяця\b", re.IGNORECASE)),
    ))


def sentence_statistics(text: str, offset: int, sentence: str,
                        published: PartialDate | None = None) -> list[StatisticCandidate]:
    """The statistic candidates of one Ukrainian ``sentence``, which starts at ``offset`` of ``text``."""
    return _read_sentence(WORDS, text, offset, sentence, published)
