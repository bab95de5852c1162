"""Statistic candidates in French: what a number counts, who claims it, when.
Reading the numbers themselves (and knowing which are not counts) is
:mod:`db.extract.statistics.french_numbers`; the two modules are French's whole statistic rules.

The same decisions as the English suggester (see :mod:`db.extract.statistics`), read the French
way:

* **Numbers** in digits ("1 200", "1,5 million", "2,3 milliards", "12 %") and in words ("trois",
  "dix-neuf", "vingt et un"); "un"/"une" alone are articles, not counts. "une vingtaine" is about 20;
  "des dizaines", "plusieurs centaines", "des milliers" are vague counts (smallest reading as
  ``low``, no value).
* **Not statistics:** days of dates ("24 septembre"), years ("en 2014", "années 1990"), times ("à 10 h
  30", "23h30"), durations and ages ("45 ans", "trois mois"), distances and speeds ("7 mètres",
  "195 km/h"), ordinals ("1er", "2e", "124e"), law articles and page numbers ("article 317"), numbers
  in names ("Covid-19", "Euro 2020"), scores ("2-1"), list numbers, factors ("multipliée par cinq"),
  back-references ("les trois enfants"; not a set the sentence gives, "parmi les dix-neuf membres",
  "les trois sites que sont A, B et C", nor a sum, "les 100 euros accordés"), a rate's round base
  ("76 généralistes pour 100.000 habitants"), "100 %" before a noun ("une liste « 100 % gilets
  jaunes »"), a denomination ("le billet de 500 francs"), numbered acts and seasons ("l'acte 10"),
  a number that counts nothing the sentence names, and what
  :mod:`db.extract.statistics.french_non_figures` reads: a rule's caps and thresholds, idioms.
* **Bounds:** "au moins, plus de, pas moins de, au minimum N" give ``low``; "jusqu'à, moins de, au
  maximum N" give ``high``; "près de, presque N" give ``high`` and approximate; "environ, quelque,
  autour de, proche de N" make it approximate, elided too ("d'environ", "d'au moins", "qu'autour
  de"; "en plus de" adds, bounding nothing); "entre 200 et 250", "de 10 à 20", "200 à 300 morts", "trois ou
  quatre" and "10-15 blessés" are ranges without a best value.
* **Claimants:** "Selon X, …", "D'après X", "De source X" cover the figures after them; ", selon X",
  ", a indiqué X", ", a déclaré X", ", affirme X" cover the figures before them in their clause
  (clauses end at ";", ", mais", ", et", ", alors que"); "X a annoncé que …" and "X, qui affirme …"
  cover the figures after the verb, after a comma too ("Après la réunion, le syndicat a affirmé
  que …", "Le maire, Jean Dupont, a indiqué que …"); so does a body that announces or counts the
  figure itself ("le ministère a annoncé 317 interpellations", "l'ONG estime à 1 500 le nombre de
  …"; a passive, "sont estimés à", names no one). A day, "à l'AFP" or "aux journalistes" may
  stand between the verb and who says it (", a indiqué jeudi soir la préfecture"); ", a-t-on appris
  auprès du parquet" names the parquet; "dans le baromètre Elabe", "dans un sondage Ipsos" name the
  survey for the figures of their clause. A quotation that goes on after its speaker is named
  ("« … », a dit M. Caldwell. « Avec un taux de 80 % … ») is the speaker's, within the paragraph.
  What a figure is of goes ("les estimations de la WCF" -> "WCF", "le décompte du ministère" ->
  "ministère", "un communiqué de la préfecture" -> "préfecture"), so do the titles before a
  person's name ("le maire Artem Kobzar", "le Premier ministre Édouard Philippe"); pronouns
  ("a-t-il précisé", "il affirme") name nobody, unless the sentence opened with a person's name or
  an office or body of the pronoun's gender ("La préfecture a dressé un bilan : …, a-t-elle
  indiqué"; not "La manifestation …, a-t-elle ajouté"). An adverb may stand between the auxiliary and the
  verb ("a également indiqué"); "M. Griveaux", "J.-P. Durand" keep their full stops, a quoted name
  its quotation marks ('le collectif "Désarmons-les"'); "la préfecture, qui a comptabilisé …" claims
  what its relative clause counts; "84.000 manifestants recensés par les autorités" names who
  counted them. A fronted phrase of time or cause with its own relative clause
  ("Depuis l'attaque, qui a fait 1 400 morts, …") sets the scene: an attribution at the end of
  the sentence does not reach back into it. An adverb, a time or a medium may stand between the
  verb and who or "que" ("rappelle ainsi X", "avait révélé à la mi-août que", "a indiqué cet
  après-midi sur BFMTV que"); "(OFEV)" after a body's name goes. A figure in parentheses with its
  own "selon" ("24 000 personnes (60 000 selon les syndicats)") counts what the one before counts
  and is the only one its claimant covers; "selon laquelle" names its antecedent ("la
  gendarmerie, selon laquelle …"; not "la rumeur selon laquelle"); no "selon" reaches past a full
  stop, even one without a space after it. ", selon X," between commas after what it is about
  covers its own stretch ("27.000 manifestants, selon X, se sont rassemblés en 350 endroits"), not
  a later one (", empruntés chaque jour par 4,5 millions"), nor a figure with a "selon" of its own
  or after ", dont"; "selon les cas", "variant selon les professions" name no one. Who forecasts
  ("la Banque de France, qui table sur", "l'institution abaisse ses perspectives … à 1,4 %"), who
  reports what an event caused ("le ministère a déploré des violences qui ont fait 552 blessés")
  and what a named speaker goes on to say (", a affirmé X, faisant état d'un taux de 60 %")
  claim those figures; "… et 95 parmi les policiers", "dont 11 chez les gendarmes", ", dont 5 500
  à Paris" count what the figure before counts. "on recensait selon la police environ 8.500
  personnes à Toulouse, 2.500 à Caen": the claimant ends where a figure begins and claims the list.
  "Aux dires de X", "de l'avis de X" are "selon X"; any verb after a closing quotation names who
  said all of it ("« … 100 euros, mais … », réagit Bobby"), and verbs of saying that could take
  an object stand for saying when inverted after a quotation or before a speaker (", poursuit la
  porte-parole"; not ", regrette une erreur"); ", lit-on dans Le Parisien", ", indique-t-on à la
  SNCB"; who "a reconnu" or demands a figure ("le syndicat réclame 7,5 %": that one only); "les
  annonces d'Emmanuel Macron …" are his. A claimant loses a publication participle ("un rapport
  publié en juin"), whom a poll is made for ("pour Le Figaro"), a demonstrative, a relative
  clause, "mais" and what follows; "selon X mais 7400 selon Y" gives the 7400 to Y. The thresholds
  of a rule are no sums ("les pensionnés qui touchent moins de 2 000 euros", "les retraites de
  moins de 2 000 euros"; "il a touché plus de 120.000 euros" is one). "… par le ministère qui a fait
  état de …" claims without a comma after a name, an office or a body; a relative after a person's
  apposition is the person's ("X, économiste chez Y, qui anticipe"), and so is a verb after one
  ("Anne Hidalgo, la maire de Paris, avait estimé à"); "X annonce une perte de 45 millions" names X;
  a fragment quoted inside a sentence ("dans «un premier temps …», a précisé X") does not hide the
  sentence's figures from X; a subject reaches no figure past its sentence.
* **A noun said once:** "Sur les 248 projets …, seuls 24 ont été concrétisés", "dont 61 sont …" (a
  figure before its verb), "contre 9 et 58 abstentions", "les milliers, voire les millions
  d'estivants", ", 1 500 à Marseille", ", contre 66 000 samedi dernier" count what the figure beside
  them counts; "les manifestants étaient 12 500 à Paris" counts people; "les 60 % de l'humanité" is
  a figure, "les 1 % les plus riches" and "la barre des 3 %" of a rule are not; "s'établit à",
  "avoisine", "dépassant les N" read a level. "quatre des cinq compères" counts both, "chacun des
  quatre enfants" the four; ", soit un millier de moins que", "s'ajoutant aux 163 déjà déférées",
  ", dont les deux de Fessenheim", "dont 14 gravement", "dont trois pourraient", a list after a colon
  count what the figure before counts; "Parmi les blessés, dont 36 …" what the noun before "dont"
  names; a number before a verb with no figure before it ("Deux relayent …") counts nothing.
* **What is counted** is the noun phrase after the number ("combattants", '1.500 "gilets jaunes"',
  "deux autres juges"; "huit
  des 28 millions d'habitants" is eight million inhabitants; "ils étaient 282 000 à manifester"
  counts people); people (a list of the
  nouns that name people, or a capitalised plural such as "Palestiniens") have the unit "people";
  **the measure** is the nearest participle or verb of the clause in its base form, the infinitive
  ("interpellées" -> "interpeller", "comptaient" -> "compter", "morts" -> "mourir").
* **Place:** the first capitalised name after "à", "au", "en", "dans le" in the clause.
* **Period:** the nearest year expression of the clause, after the number first: "en 2014",
  "en septembre 2014", "depuis 2011" (to the publication date), "entre 2010 et 2014", "de 2010 à
  2014", "les années 1990", "l'an dernier" (needs the publication date).
"""

from __future__ import annotations

import re
from itertools import pairwise

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.french_claimants import assign_claimants, resumed_quotes
from db.extract.statistics.french_counted import CURRENCIES, PEOPLE, counted
from db.extract.statistics.french_definite import DONT_LES_OF, ELIDED_BEFORE
from db.extract.statistics.french_measures import measure
from db.extract.statistics.french_numbers import (
    CHANGE_FROM,
    FUNCTION_WORDS,
    MONTH_RE,
    NOT_A_COUNT_AFTER,
    FrenchNumber,
    find_numbers,
    month_number,
)
from db.extract.statistics.periods import nearest_relative_period
from db.extract.statistics.phrase import clause_of
from db.extract.statistics.phrase import clauses as split_clauses
from db.text import trimmed

#: "… et 95 parmi les policiers", "dont 11 chez les gendarmes": a count of what the one before counts
_AMONG = re.compile(r"[\s\u00a0]+(?:parmi|chez|du\s+c[ôo]t[ée]|dans\s+les\s+rangs|c[ôo]t[ée])\b", re.IGNORECASE)


_CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?:mais|et|or|cependant)\s+|,\s+(?:alors|tandis)\s+qu(?:e\s+|['’]\s*)",
                           re.IGNORECASE)  # "…, tandis qu'à Nantes …": the elided "qu'" ends a clause too




_PERIOD = re.compile(
    rf"(?:(?P<prep>depuis|d[èe]s|entre|de|du|en|fin|d[ée]but)\s+)?(?:(?:le\s+)?(?P<day>\d{{1,2}})(?:er)?\s+)?"
    rf"(?:(?P<month>{MONTH_RE})\s+)?(?P<decade>(?:les\s+)?ann[ée]es\s+)?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    r"(?:\s*(?:et|à|au|-|–)\s*(?:(?:en|le)\s+)?(?P<year2>(?:1[89]|20)\d\d)(?!\d))?", re.IGNORECASE)


#: periods said against the publication date, by kind (periods.RELATIVE_KINDS)
_RELATIVE = (
    ("last_year", re.compile(r"\bl['’]an(?:n[ée]e)?\s+(?:derni[èe]re?|pass[ée]e?)\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\bcette\s+ann[ée]e\b|\bdepuis\s+le\s+d[ée]but\s+de\s+l['’]ann[ée]e\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\ble\s+mois\s+(?:dernier|pass[ée])\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\bce\s+mois(?:-ci)?\b|\bdepuis\s+le\s+d[ée]but\s+du\s+mois\b", re.IGNORECASE)),
)


def _period(sentence: str, clause: tuple[int, int], number: FrenchNumber,
            published: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    best: tuple[int, tuple[PartialDate | None, PartialDate | None]] | None = None
    # a window near the number: a long list of figures costs linear time
    for match in _PERIOD.finditer(sentence, max(clause[0], number.start - 160), min(clause[1], number.end + 160)):
        if number.start <= match.start("year") < number.end or (
                match.start("year") == match.start() and re.search(r"\d[\s\u00a0\u202f]*$", sentence[max(0, match.start() - 4):match.start()])):
            continue
        year = int(match.group("year"))
        prep = (match.group("prep") or "").lower()
        month = month_number(match.group("month")) if match.group("month") else None
        day = int(match.group("day")) if match.group("day") and month else None
        try:
            start = PartialDate(year, month, day)
        except ValueError:
            start = PartialDate(year, month)
        if match.group("decade") and year % 10 == 0:
            found: tuple[PartialDate | None, PartialDate | None] = (PartialDate(year), PartialDate(year + 9))
        elif match.group("year2") and int(match.group("year2")) > year:
            found = (PartialDate(year), PartialDate(int(match.group("year2"))))
        elif prep in ("depuis", "dès", "dès"):
            found = (start, published)
        else:
            found = (start, start)
        distance = match.start() - number.end if match.start() >= number.end else number.start - match.end() + 30
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None:  # no year: "l'an dernier", "ce mois-ci"
        return nearest_relative_period(_RELATIVE, sentence, max(clause[0], number.start - 160),
                                       min(clause[1], number.end + 160), number.start, published)
    return best[1]


_PLACE = re.compile(r"(?:^|[\s(])(?:à|au|aux|en|dans\s+(?:le|la|les|l['’])|près\s+de|vers)\s*"
                    r"(?P<place>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)")


def guess_place(text: str) -> str | None:
    """The first place the text puts something in ("au Daghestan" -> "Daghestan", "à Gaza")."""
    for match in _PLACE.finditer(text):
        place = match.group("place")
        if month_number(place.split()[0]) is None and place.split()[0].lower() not in FUNCTION_WORDS:
            return place
    return None


_PRICED = (r"(?:baril|litre|kilo|kilogramme|gramme|once|action|titre|m[èe]tre\s+carr[ée]|m2|m²|ticket|billet|"
           r"paquet|unit[ée]|nuit[ée]e?|m[ée]gawattheure|kilowattheure|kWh|MWh)")


_UNIT_PRICE_AFTER = re.compile(rf"^[\s\u00a0]*(?:le|la|l['’]|par|/|pour\s+un|pour\s+une)\s*{_PRICED}\b", re.IGNORECASE)


_UNIT_PRICE_BEFORE = re.compile(
    rf"(?:\b(?:prix|cours|co[ûu]t|tarif)\s+(?:du|de\s+l['’]|d['’]une?|de\s+la)\s*{_PRICED}\b.*|"
    rf"\b(?:le|la|l['’]|un|une)\s*{_PRICED}\b.*\b(?:co[ûu]te|co[ûu]tait|vaut|valait|se\s+vend|se\s+n[ée]gocie|"
    r"s['’][ée]change))", re.IGNORECASE)


#: a bound on what a class of people earns (a plural or a participle: not "il a touché plus de"), or a ceiling on a plural noun, sets the threshold of a rule: "les
#: pensionnés qui touchent moins de 2 000 euros", "les salariés gagnant plus de", "les retraites de
#: moins de 2 000 euros" (not "des pertes de plus de 2 millions", a figure)
_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:(?:touch|gagn|[ée]marg)(?:ent|ant|eant)|per[çc]oivent|percevant|(?:r[ée]mun[ée]r|pay)[ée]e?s)\s+"
    r"(?:net\s+|brut\s+|par\s+mois\s+)?"
    r"(?:moins\s+d['’e]|plus\s+d['’e]|au\s+moins|jusqu['’][àa]|au-del[àa]\s+d['’e]|au-dessous\s+d['’e]|"
    r"au-dessus\s+d['’e]|entre)|\b(?:les|des|aux|ces|leurs)\s+[^\W\d_]+[sx]\s+(?:de\s+moins\s+d['’e]|"
    r"inf[ée]rieur[e]?s\s+[àa]|sous\s+les))\s*$", re.IGNORECASE)


_QUANTITY_BEFORE = re.compile(
    r"(?:nombre|total|bilan|s['’][ée]l[èe]v\w*\s+(?:d[ée]sormais\s+|maintenant\s+|d[ée]j[àa]\s+|ainsi\s+|"
    r"donc\s+|provisoirement\s+|officiellement\s+)?[àa]|atteint|atteignent|atteindre|compte|comptait|recens\w*|"
    r"d[ée]nombr\w*|port[ée]\w*\s+[àa]|s['’][ée]tabli\w*\s+[àa]|se\s+(?:monte|chiffre|situe)\w*\s+[àa]|culmin\w*\s+[àa]|"
    r"totalis\w*|avoisin\w*|d[ée]pass\w*(?:\s+les)?|franchi\w*\s+(?:la\s+barre|le\s+cap|le\s+seuil)\s+des|pass[ée]\w*\s+[àa]|chiffr[ée]\w*\s+[àa]|estim[ée]\w*\s+[àa]|"
    r"[ée]valu[ée]\w*\s+[àa]|[^\W\d_]{3,}(?:é|ée|és|ées))\s+(?:(?:plus|moins|pr[èe]s)\s+d['’e]\s*|environ\s+)?$", re.I)


_QUICK = re.compile(r"\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|douzaine|treize|quatorze|"
                    r"quinz|seize|vingt|trent|quarant|cinquant|soixant|cent|mille|millier|million|milliard|"
                    r"dizaine)", re.IGNORECASE)


def _changed(sentence: str, number: FrenchNumber) -> bool:
    """"le nombre de victimes est passé de 12 à 20": both figures of a change the clause names,
    unless they are durations or distances ("passé de 2 à 3 mois")."""
    before = sentence[max(0, number.start - 80):number.start]
    if CHANGE_FROM.search(before):
        then = re.match(r"[\s\u00a0]+[àa][\s\u00a0]+[\d\s\u00a0,.]*\d", sentence[number.end:])
        return then is not None and not NOT_A_COUNT_AFTER.match(sentence[number.end + then.end():])
    first = re.search(r"[\d\s\u00a0,.]*\d[\s\u00a0]+[àa][\s\u00a0]+$", before)
    return first is not None and bool(CHANGE_FROM.search(before[:first.start()]))


#: between two figures of one noun said once, after the second: "9 et 58 abstentions", "les milliers, voire les millions"
_COORDINATED = re.compile(r"[\s\u00a0]+(?:et|ou)[\s\u00a0]+|,?[\s\u00a0]*(?:voire|ou\s+m[êe]me|et\s+m[êe]me)"
                          r"[\s\u00a0]+(?:(?:les|des)[\s\u00a0]+)?", re.IGNORECASE)


_SCALED = re.compile(r"(?:millions?|milliards?|mille)$", re.IGNORECASE)


#: a figure standing for the noun of the one before, its verb after it: "Sur les 248 projets …, seuls 24
#: ont été concrétisés", "dont 61 sont en production"
#: a count of each side or group, its noun left out: "une bagarre, entre 30 et 50 de chaque côté"
_EACH_SIDE = re.compile(r"[\s\u00a0]+(?:de\s+chaque\s+(?:c[ôo]t[ée]|camp|bord)|de\s+part\s+et\s+d['’]autre|"
                        r"dans\s+chaque\s+camp|par\s+(?:camp|[ée]quipe|groupe))\b", re.IGNORECASE)
#: a plural noun said without a figure, then a count of part of it: "Parmi les blessés, dont 36 …"
_SET_BEFORE_DONT = re.compile(r"\b(?:les|des|ces|aux|leurs|ses)\s+(?P<noun>[^\W\d_][\w-]*[sx])\s*,\s*dont\s+$", re.IGNORECASE)
_ELLIPTIC_COUNT = re.compile(r"[\s\u00a0]+(?:ont|sont|avaient|étaient|seront|auront|restent|demeurent|se|s['’]|"
                             r"ne\s+sont|n['’]ont|y\s+ont|en\s+ont|furent|"
                             r"(?-i:[a-zà-ÿ])[^\W\d_]+(?<!m)(?:ent|aient|ront|raient))\b",
                             re.IGNORECASE)  # any verb: "dont trois pourraient avoir", "dont trois rejoindront"


def _share_of_scaled(sentence: str, numbers: list[FrenchNumber]) -> None:
    """"huit des 28 millions d'habitants" is eight million of them: the scale of the whole carries
    to the share before it, and so does what the whole counts."""
    for then, now in pairwise(numbers):  # "de 120 à 150 agents": the first counts agents too
        if then.subject is None and then.unit is None and now.unit is not None and \
                re.fullmatch(r"[\s\u00a0]+[àa][\s\u00a0]+", sentence[then.end:now.start]) and \
                CHANGE_FROM.search(sentence[max(0, then.start - 40):then.start]):
            then.subject, then.unit = now.subject, now.unit
        elif then.subject is None and then.unit is None and now.unit is not None and \
                _COORDINATED.fullmatch(sentence[then.end:now.start]) and (now.kind == "vague" or not _SCALED.search(sentence, now.start, now.end)) \
                and not re.search(r"\bentre\s*[«\"“]?\s*$", sentence[max(0, then.start - 10):then.start], re.IGNORECASE):
            then.subject, then.unit = now.subject, now.unit  # "contre 9 et 58 abstentions", "les milliers, voire les millions d'estivants"
    for share, whole in pairwise(numbers):
        scale = re.search(r"(millions?|milliards?)$", sentence[whole.start:whole.end], re.IGNORECASE)
        if share.value is None or whole.value is None or share.subject is not None or share.unit is not None \
                or not re.fullmatch(r"[\s\u00a0]+(?:des|d['’]entre\s+les|sur\s+les)[\s\u00a0]+",
                                                     sentence[share.end:whole.start]):
            continue
        if scale is None:  # "quatre des cinq compères": the share counts what the whole counts
            if share.value < whole.value and whole.unit is not None:
                share.subject, share.unit = whole.subject, whole.unit
            continue
        factor = 1e9 if scale.group(1).lower().startswith("milliard") else 1e6
        if share.value * factor < whole.value:
            share.low, share.high = (None if bound is None else bound * factor for bound in (share.low, share.high))
            share.value = share.value * factor
            share.subject, share.unit = whole.subject, whole.unit


def sentence_statistics(text: str, offset: int, sentence: str,
                        published: PartialDate | None = None) -> list[StatisticCandidate]:
    """The statistic candidates of one French ``sentence``, which starts at ``offset`` of ``text``."""
    if not _QUICK.search(sentence):
        return []
    numbers = find_numbers(sentence)
    if not numbers:
        return []
    clauses = split_clauses(_CLAUSE_SPLIT, sentence)
    for number in numbers:
        number.counted_end = number.end
        number.subject, number.unit = counted(sentence, number)
    _share_of_scaled(sentence, numbers)
    kept: list[tuple[FrenchNumber, tuple[int, int]]] = []
    for number in numbers:
        clause = clause_of(clauses, number.start) or (0, len(sentence))
        if number.unit is None and number.subject is None:
            previous = kept[-1][0] if kept else None
            if previous is not None and previous.unit is not None and (re.fullmatch(
                    r"[\s\u00a0]*(?:,|et|ou|,\s*et|,?\s*dont|:)[\s\u00a0]*", sentence[previous.counted_end:number.start])
                    or (re.search(r"(?:\bet|,|\bdont)\s*$", sentence[max(0, number.start - 8):number.start])
                        and _AMONG.match(sentence, number.end))
                    or (previous.unit != "%" and _ELLIPTIC_COUNT.match(sentence, number.end) and re.search(
                        r"(?:\bdont|\bseul(?:e)?s|\bseulement|\bet|,)\s*(?:(?:quelque|environ|pr[èe]s\s+de|plus\s+de|moins\s+de|au\s+moins)\s+)?$",
                        sentence[max(0, number.start - 25):number.start]))
                    or (re.search(r"\(\s*$", sentence[max(0, number.start - 3):number.start])
                        and re.match(r"\s*(?:selon|d['’]apr[èe]s|de\s+source)\b", sentence[number.end:]))
                    or (re.search(r"(?:\bcontre|\bpar\s+rapport\s+[àa]|\bface\s+[àa]|,\s*soit|,|\bet|\bou|\bmais|\bdont)\s*$",
                                 sentence[max(0, number.start - 20):number.start]) and re.match(
                        r"^\s*(?:$|[,.;)]|(?:en|selon|d['’]apr[èe]s|l['’]an|l['’]ann[ée]e|un\s+an|dans|[àa]|au|aux|"
                        r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|de\s+(?:moins|plus)\b|sur(?!\s+(?:les\s+)?\d)|"
                        r"chaque|par\s+(?:jour|an|mois|semaine|heure))\b)",
                        sentence[number.end:]))
                    or (re.search(r"\b(?:les|aux|des)\s+$", sentence[max(0, number.start - 5):number.start])
                        and ELIDED_BEFORE.match(sentence[number.end:]))
                    or (re.search(r"(?:\bdont|\bet|\bcontre|,)\s*$", sentence[max(0, number.start - 10):number.start])
                        and re.match(r"[\s\u00a0]+(?-i:[a-zà-ÿ])[^\W\d_]+ment\b", sentence[number.end:]))
                    or (re.search(r"\bdont\s+les\s+$", sentence[max(0, number.start - 12):number.start])
                        and DONT_LES_OF.match(sentence, number.end))):
                # "12 morts et 30 blessés", "1 245 cas en 2019, contre 860 en 2018", "…, 250 000 selon la police",
                # "…, soit un millier de moins que", "s'ajoutant aux 163 déjà déférées",
                # "14 réacteurs …, dont les deux de Fessenheim", "400 blessés, dont 14 gravement",
                # "36 000 manifestants en France, dont 5 500 à Paris",
                # "552 blessés parmi les manifestants et 95 parmi les policiers", "24 000 (60 000 selon X)"
                number.subject, number.unit = previous.subject, previous.unit  # "12 morts et 30 blessés, 5 disparus"
            elif (of := _SET_BEFORE_DONT.search(sentence, max(0, number.start - 60), number.start)) and \
                    _ELLIPTIC_COUNT.match(sentence, number.end):  # "Parmi les blessés, dont 36 ont été hospitalisés"
                noun = of.group("noun")
                number.subject, number.unit = noun, "people" if noun.lower() in PEOPLE else noun.lower()
            elif (not _QUANTITY_BEFORE.search(sentence[max(0, number.start - 50):number.start]) and
                    not _changed(sentence, number) and not _EACH_SIDE.match(sentence, number.end)) or \
                    (re.fullmatch(r"(?:19|20)\d\d", sentence[number.start:number.end]) and number.low is None and
                     number.high is None and not re.search(r"\b[àa]\s*$", sentence[max(0, number.start - 4):number.start])):
                continue  # it counts nothing the sentence names; "le bilan 2017 du ministère": a year
        if number.unit in CURRENCIES and _THRESHOLD_BEFORE.search(sentence[max(clause[0], number.start - 60):number.start]):
            continue  # "les pensionnés qui touchent moins de 2 000 euros": a rule's threshold, not a sum
        if number.unit in CURRENCIES and (_UNIT_PRICE_AFTER.match(sentence[number.counted_end:]) or
                                           _UNIT_PRICE_BEFORE.search(sentence[max(clause[0], number.start - 60):number.start])):
            continue  # "90 dollars le baril", "le litre d'essence coûte 1,85 euro": a price, not a sum
        kept.append((number, clause))
    assign_claimants(sentence, [n for n, _c in kept], clauses)
    before = text[max(0, offset - 300):offset]
    if "\n" not in before[len(before.rstrip()):]:  # the sentence before, in the same paragraph
        resumed_quotes(sentence, [n for n, _c in kept], before.rstrip())
    found = []
    for number, clause in kept:
        quote_start, quote_end = clause
        if number.claim_span is not None:
            quote_start = min(quote_start, number.claim_span[0])
            quote_end = max(quote_end, number.claim_span[1])
        start, end = trimmed(text, offset + quote_start, offset + quote_end)
        while end > start and text[end - 1] in ",;":
            end -= 1
        period_start, period_end = _period(sentence, clause, number, published)
        found.append(StatisticCandidate(
            start, end, text[start:end], number.value, number.low, number.high, number.approximate,
            measure(sentence, clause, number), number.unit, number.subject, period_start, period_end,
            guess_place(sentence[max(clause[0], number.start - 160):min(clause[1], number.end + 160)]),
            number.claimant))
    return found
