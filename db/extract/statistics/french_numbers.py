"""French numbers for the statistic suggester: numbers in digits the French way ("1 200" with a
space, no-break space or narrow no-break space between thousands, "2.500.000", "1,5 million",
"2,3 milliards", "12 %"), in words ("trois", "dix-neuf", "vingt et un", "quatre-vingts", "deux
mille cinq cents"), approximate counting nouns ("une vingtaine" is about 20, "une centaine" about
100, "une dizaine de milliers" about 10,000), vague counts ("des dizaines", "plusieurs centaines",
"des milliers": the smallest reading as ``low``), bounds ("au moins", "plus de", "jusqu'à", "près de", "environ"), ranges ("entre 200 et
250", "de 10 à 20", "200 à 300 morts", "trois ou quatre", "10-15 blessés"; after a verb of change,
"est passé de 12 à 20" is two figures, then and now), and the numbers that are
not counts (days of dates, years, times, durations and ages, "deux longues heures" too, distances and speeds, ordinals, law
articles, numbers in names, scores, list numbers, factors, back-references). What a number counts
and who claims it is :mod:`db.extract.statistics.french`; the two modules are French's whole
statistic rules.
"""

from __future__ import annotations

import re

from db.extract.statistics.bounds import BoundWords
from db.extract.statistics.french_definite import (
    BACK_REFERENCE,
    DEFINED_BY_PARTICIPLE,
    DONT_LES_OF,
    ELIDED_BEFORE,
    LISTED_AFTER,
    SUM_AFTER,
)
from db.extract.statistics.french_non_figures import non_figure
from db.extract.statistics.phrase import NumberPhrase, tidy

MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
          "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
          "décembre": 12, "decembre": 12}  # fmt: skip


MONTH_RE = r"(?:janv(?:ier|\.)|f[ée]v(?:rier|r?\.)|mars|avr(?:il|\.)|mai|juin|juil(?:let|\.)|ao[uû]t|" \
           r"sept(?:embre|\.)|oct(?:obre|\.)|nov(?:embre|\.)|d[ée]c(?:embre|\.))"


def month_number(word: str) -> int | None:
    lower = word.lower().rstrip(".")
    for name, number in MONTHS.items():
        if name.startswith(lower) and len(lower) >= 3:
            return number
    return None


_UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
          "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
          "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
          "cinquante": 50, "soixante": 60}  # fmt: skip


_SCALES = {"cent": 100, "cents": 100, "mille": 1_000, "million": 1_000_000, "millions": 1_000_000,
           "milliard": 1_000_000_000, "milliards": 1_000_000_000}  # fmt: skip


#: "une vingtaine": about twenty
_ABOUT = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
          "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1_000,
          "demi-douzaine": 6}  # fmt: skip


#: "des dizaines", "des milliers": the smallest reading
_VAGUE = {"dizaines": 20, "douzaines": 24, "vingtaines": 40, "centaines": 200, "milliers": 2_000,
          "millions": 2_000_000, "milliards": 2_000_000_000}  # fmt: skip


_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True)) + r")"


_WORD_PHRASE = rf"{_WORD}(?:(?:-|\s+|\s+et\s+|-et-){_WORD})*"


#: "une vingtaine", and after a definite article or a demonstrative with what it counts ("la
#: cinquantaine d'entrepreneurs", "cette centaine de ronds-points": a count, not "la quarantaine"
#: of an age or a quarantine)
_APPROX_NOUN = r"(?:une?\s+(?:demi-douzaine|" + "|".join(k for k in _ABOUT if k != "demi-douzaine") + \
    r")|(?:la|le|cette|ce)\s+(?:" + "|".join(k for k in _ABOUT if k != "demi-douzaine") + \
    r")(?=[\s\u00a0]+(?:de[\s\u00a0]|d['’]))|(?:" + "|".join(_UNITS) + r")\s+(?:centaines|dizaines|milliers))"


_VAGUE_PHRASE = r"(?:(?:des|plusieurs|quelques|de|d['’]|les|ces)\s*)(?:" + "|".join(_VAGUE) + \
    r")(?:\s+de\s+(?:milliers|millions)|\s+de\s+milliards)?"


#: "2.500.000" and "69.000": French writes decimals with a comma, so a full stop before three digits
#: groups thousands (not after a lone 0: "0.500")
_DIGITS = (r"\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d.]\d)(?:,\d+)?|\d{1,3}(?:['’]\d{3})+(?![\d.,'’]\d)|(?!0\.)\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]\d|\d)|"
           r"\d+(?:[.,]\d+)?")


_NUMBER = re.compile(
    rf"(?<![\w.,/])(?:(?P<approx>{_APPROX_NOUN})|(?P<vague>{_VAGUE_PHRASE})|(?P<digits>{_DIGITS})|"
    rf"(?P<words>{_WORD_PHRASE}))(?![\w])", re.IGNORECASE)


SCALE_AFTER = re.compile(r"^[\s\u00a0\u202f]*(?:(?P<word>millions?|milliards?|billions?|mille)(?!\w)|"
                         r"(?P<abbr>Mds?|Md|M|k)(?=\s*(?:€|\$|d['’]euros|de\s+dollars|\b))(?![\w-]))")


_SCALE_ABBREVIATIONS = {"m": 1_000_000, "md": 1_000_000_000, "mds": 1_000_000_000, "k": 1_000}


#: a bound word may be elided into the word before: "d'environ 3,5 millions", "d'au moins 4 milliards",
#: "qu'autour de 5 millions"; "plus de" after "en" adds ("en plus de 27 fermetures"), bounding nothing
_ELIDED = r"(?:d['’]|qu['’])?"


_LOW = _ELIDED + (r"(?:au\s+moins|(?<!\ben\s)plus\s+de|(?<!\ben\s)plus\s+d['’]|pas\s+moins\s+de|pas\s+moins\s+d['’]|au\s+minimum|"
        r"minimum|plus\s+que|sup[ée]rieure?s?\s+[àa]|(?<!pas\s)(?:d[ée]passant(?:\s+les)?|d[ée]passe(?:nt)?(?:\s+les)?|"
        r"d[ée]pass[ée](?:\s+les)?|(?:franchi\w*|d[ée]pass\w*)\s+(?:la\s+barre|le\s+cap|le\s+seuil)\s+des)|"
        r"bien\s+plus\s+de|largement\s+plus\s+de|un\s+peu\s+plus\s+de|un\s+peu\s+plus\s+d['’])")


_HIGH = _ELIDED + (r"(?:jusqu['’][àa]|moins\s+de|moins\s+d['’]|au\s+maximum|au\s+plus|pas\s+plus\s+de|"
                  r"maximum|inf[ée]rieure?s?\s+[àa]|un\s+peu\s+moins\s+de)")


_APPROX_HIGH = _ELIDED + r"(?:pr[èe]s\s+de|pr[èe]s\s+d['’]|presque|quasiment|pas\s+loin\s+de|fr[ôo]lant|fr[ôo]le)"


_APPROX = _ELIDED + (r"(?:environ|quelque|approximativement|proches?\s+de|proches?\s+d['’]|avoisin(?:e|ent|ait|aient|ant)|[àa]\s+peu\s+pr[èe]s|autour\s+de|aux\s+alentours\s+de|"
           r"de\s+l['’]ordre\s+de|plus\s+ou\s+moins|estim[ée]e?s?\s+[àa]|grosso\s+modo|"
           r"une\s+estimation\s+de|approximative(?:ment)?)")


_BOUND_WORDS = BoundWords(_LOW, _HIGH, _APPROX_HIGH, _APPROX, gap=r"\s*")


#: words after a number that make it a time, a duration, an age, a distance, a speed or a score
NOT_A_COUNT_AFTER = re.compile(
    r"^[\s\u00a0\u202f]*(?:(?:petite?|grande?|bonne?|bon|longue?|courte?|grosse?|gros|maigre|"
    r"malheureuse?|malheureux)s?\s+)?(?:ans?|ann[ée]es?|mois|semaines?|jours?|journ[ée]es?|nuits?|heures?|h(?=\s*\d|\b)|"
    r"minutes?|min\b|mn\b|secondes?|s\b|si[èe]cles?|d[ée]cennies?|mill[ée]naires?|km/h|(?:cm|m|km)[2²3³]|km|kilom[èe]tres?|"
    r"m[èe]tres?|m\b|cm|mm|milles?|miles?|degr[ée]s?|°\s*[CF]?|points?(?!\s+(?:noirs?|chauds?|de\s+(?:vente|passage|blocage|contr[ôo]le|rassemblement|rencontre)|"
    r"d['’](?:eau|acc[èe]s|accueil|appui|entr[ée]e)))|pts?\b|pieds?|kg|kilos?|"
    r"grammes?|g\b|mg\b|milligrammes?|d[ée]cibels?|db\b|(?:m[ée]ga|kilo|giga)?watts?|[mkg]w\b|litres?|hectares?|ha\b|fois\s+(?:plus|moins)|['’′]|"
    r"bornes(?=\s+(?:pour|aller|par\s+jour|[àa]\s+pied|en\s+voiture|de\s+(?:plus|moins|route|trajet)\b)))(?!\w)",
    re.IGNORECASE)  # "faire 30 bornes pour …": kilometres, said familiarly (not "300 bornes de recharge")


_LAW_BEFORE = re.compile(r"(?:\barticles?|\bart\.|\balin[ée]as?|\bn°|\bno\.?|\bnum[ée]ros?|\bn[º°o]\s*|"
                         r"\bchapitres?|\btitres?|\bparagraphes?|§|\bpages?|\bp\.|\bloi|\bactes?|\b[ée]pisodes?|\btomes?|"
                         r"\bvolumes?|\bsaisons?)\s*$", re.IGNORECASE)  # "Cet acte 10 clôture", "la saison 3"


#: a set partitioned or distributed, its count given there: "quatre des cinq compères", "chacun des
#: quatre enfants" (not "l'un des quatre", one of a known set, "aucun des deux grands partis", nor a
#: year's "en 2003 des trois évadés")
_PARTITIONED = re.compile(rf"\b(?:chacune?|(?!(?:1[89]|20)\d\d\b)\d+|{_WORD})\s+des\s+$", re.IGNORECASE)


#: a number phrase of French
FrenchNumber = NumberPhrase


def _digits_value(text: str) -> float:
    text = re.sub(r"[\u00a0\u202f\u2009 '’]", "", text)  # "1 200", and "80'000" as Swiss French groups thousands
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text) and not text.startswith("0."):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _words_value(phrase: str) -> float:
    """"vingt et un" 21, "quatre-vingt-dix" 90, "deux mille cinq cents" 2,500."""
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word == "et" or not word:
            continue
        if word in ("vingt", "vingts") and current and current % 10 == 4 and current < 100:
            current = current - 4 + 80  # quatre-vingts
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in ("cent", "cents"):
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[word]
            current = 0.0
    return total + current


def _scale(sentence: str, end: int) -> tuple[float, int]:
    match = SCALE_AFTER.match(sentence[end:])
    if match is None:
        return 1.0, end
    if match.group("word"):
        word = match.group("word").lower()
        factor = 1_000.0 if word == "mille" else 1e9 if word.startswith(("milliard", "billion")) else 1e6
    else:
        factor = float(_SCALE_ABBREVIATIONS[match.group("abbr").lower()])
    return factor, end + match.end()


def _read(sentence: str, match: re.Match[str]) -> tuple[float, str, int]:
    """A number's value, its kind, and where it ends (with its scale: "1,5 million")."""
    end = match.end()
    if match.group("approx"):
        words = match.group("approx").lower().split()
        if words[0] in _UNITS and words[0] not in ("un", "une"):  # "deux centaines"
            return float(_UNITS[words[0]] * _VAGUE[words[1]] / 2), "approx", end
        of_many = re.match(r"[\s\u00a0]+de[\s\u00a0]+(milliers|millions|milliards)(?!\w)", sentence[end:], re.IGNORECASE)
        if of_many:  # "une dizaine de milliers de personnes": about ten thousand
            return (float(_ABOUT[words[-1].removesuffix("s")] * _VAGUE[of_many.group(1).lower()] / 2), "approx",
                    end + of_many.end())
        return float(_ABOUT[words[-1].removesuffix("s")]), "approx", end  # "une centaines": a typo, read as meant
    if match.group("vague"):
        words = re.findall(r"[^\W\d_]+", match.group("vague").lower())
        value = float(_VAGUE[next(w for w in words if w in _VAGUE)])
        if len(words) > 2 and words[-2] == "de":  # "des dizaines de milliers"
            value *= _VAGUE[words[-1]] / 2
        return value, "vague", end
    if match.group("digits"):
        factor, end = _scale(sentence, end)
        value = _digits_value(match.group("digits"))  # "211 266 737,34" as written: tidy only a product
        return (tidy(value * factor) if factor != 1 else value), "digits", end
    return _words_value(match.group("words")), "words", end


def find_numbers(sentence: str) -> list[FrenchNumber]:
    """The numbers of a French sentence that may count something, with their bounds and ranges."""
    found: list[FrenchNumber] = []
    matches = [m for m in _NUMBER.finditer(sentence) if not _article(sentence, m)]
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        start = match.start()
        value, kind, end = _read(sentence, match)
        skip_until = end
        if why_not(sentence, start, end, match):
            continue
        vague = kind == "vague"
        number = FrenchNumber(start, end, None if vague else value, value if vague else None, None,
                              kind in ("vague", "approx"), kind)
        following = matches[index + 1] if index + 1 < len(matches) else None
        ranged = _range(sentence, number, match, following) if following is not None and not vague else None
        if ranged is not None:
            number, skip_until = ranged, ranged.end
        elif _score(sentence, match, following):
            skip_until = following.end() if following is not None else end
            continue
        if number.low is None and number.high is None:
            _bounds(sentence, number)
        found.append(number)
    return _spread(sentence, found)


#: a verb of spreading before "de N": "s'échelonnant de 60 € … à plus de 600 €", "allant de 2 … à 9"
_SPREAD_FROM = re.compile(r"(?:[ée]chelonn|all(?:ant|ait|aient|ant|ent)\b|vari|oscill|s['’][ée]tend|s['’][ée]tal)\w*"
                          r"\s+(?:de|d['’])\s*$", re.IGNORECASE)
_SPREAD_TO = re.compile(r"(?:^|\s)[àa]\s+(?:plus\s+de\s+|plus\s+d['’]|moins\s+de\s+|moins\s+d['’])?$", re.IGNORECASE)


def _spread(sentence: str, found: list[FrenchNumber]) -> list[FrenchNumber]:
    """"de N …, à M" after a verb of spreading is one range, what is said between (a comma's aside,
    a parenthesis) included: the numbers inside a parenthesis there describe an end, not a figure."""
    for i, first in enumerate(found):
        if first.value is None or first.kind == "range" or not _SPREAD_FROM.search(sentence, max(0, first.start - 40),
                                                                                   first.start):
            continue
        for j in range(i + 1, len(found)):
            last, gap = found[j], sentence[first.end:found[j].start]
            outside = re.sub(r"\([^()]*\)", "", gap)
            if re.search(r"[;:.!?]|\d", outside) or len(gap) > 160:
                break
            if last.value is not None and last.value > first.value and \
                    _SPREAD_TO.search(sentence, max(0, last.start - 14), last.start):
                spread = FrenchNumber(first.start, last.end, None, first.value, last.value, False, "range")
                return [*found[:i], spread, *_spread(sentence, found[j + 1:])]
    return found


def _article(sentence: str, match: re.Match[str]) -> bool:
    """"un" and "une" alone are articles: "un homme" is not a count of one."""
    return bool(match.group("words")) and match.group("words").lower() in ("un", "une") and \
        not SCALE_AFTER.match(sentence[match.end():])


#: a verb of change before "de N à M": two figures, then and now
CHANGE_FROM = re.compile(r"\b(?:pass|augment|grimp|chut|baiss|recul|tomb|bondi|progress|diminu|[ée]volu|mont|"
                         r"descend|gonfl|r[ée]tr[ée]ci|fond|fondu|cr[uû]|recul)[\w]*\s+(?:de|d['’])\s*$", re.IGNORECASE)


#: a verb of falling: "a reculé de 20 à 30 %" is a fall by 20 to 30 %, not from 20 up to 30
_FALL = re.compile(r"\b(?:chut|baiss|recul|tomb|diminu|descend|fond|r[ée]tr[ée]ci)", re.IGNORECASE)


_BETWEEN = re.compile(r"[\s\u00a0\u202f]*(?:et|[àa]|ou|[–—-])[\s\u00a0\u202f]*", re.IGNORECASE)


def _range(sentence: str, number: FrenchNumber, match: re.Match[str],
           following: re.Match[str]) -> FrenchNumber | None:
    """"entre 200 et 250", "de 10 à 20", "200 à 300 morts", "trois ou quatre", "10-15 blessés"."""
    unit = _RANGE_UNIT.match(sentence, number.end)
    between = _BETWEEN.fullmatch(sentence, unit.end() if unit else number.end, following.start())
    if between is None or following.group("vague"):
        return None
    joiner = between.group(0).strip().lower()
    before = sentence[max(0, number.start - 12):number.start]
    opener = re.search(r"(?:^|[\s«\"“(])(?P<w>entre|de|d['’]|du)\s*$", before, re.IGNORECASE)  # "«entre 8 et 10 …»"
    change = CHANGE_FROM.search(sentence[max(0, number.start - 40):number.start])
    if opener and joiner in ("à", "a") and change and not (
            _FALL.match(change.group(0)) and (number.value or 0.0) * _scale(sentence, following.end())[0]
            < _read(sentence, following)[0]):
        return None  # "est passé de 12 à 20": where it was and where it is; "a reculé de 20 à 30 %": by how much
    if joiner == "et" and not (opener and opener.group("w").lower() == "entre"):
        return None
    other, _kind, other_end = _read(sentence, following)
    if why_not(sentence, following.start(), other_end, following):
        return None
    if unit and (_unit_word(unit.group(0)) != _unit_word((_RANGE_UNIT.match(sentence, other_end) or unit).group(0))
                 or _CHANGE_NEAR.search(sentence, max(0, number.start - 50), number.start)):
        return None  # "de 15 % à 25 %" repeats its unit; "15 % à 25 ans" is no range; "passe cette année de 10 € à 20 €"
    if joiner in ("-", "–", "—") and not re.match(r"[\s\u00a0]+[^\W\d_]", sentence[other_end:other_end + 3]):
        return None  # "(2-2)", "le but du 2-1": a score
    low = number.value or 0.0
    if low < other and SCALE_AFTER.match(sentence[match.end():]) is None:
        factor, _end = _scale(sentence, following.end())
        if factor > 1 and low * factor <= other:
            low = tidy(low * factor)  # "entre 2 et 3 millions": the scale carries back
        elif match.group("digits") and re.fullmatch(r"\d{1,3}", match.group("digits")) and following.group("digits") \
                and re.search(r"\d[.\s\u00a0\u202f]\d{3}$", following.group("digits")) \
                and low * 1000 <= other < low * 10_000:
            low = low * 1000  # "40 à 50.000 militants": forty thousand, as the thousands of the second say
    if not low < other:
        return None
    start = max(0, number.start - 12) + opener.start("w") if opener and joiner != "ou" else number.start
    about = _ABOUT_BEFORE.search(sentence, max(0, start - 30), start) is not None
    return FrenchNumber(start, other_end, None, low, other, about, "range")


#: a unit said after both ends of a range: "de 15 % à 25 %", "de 400 € à 900 €"
_RANGE_UNIT = re.compile(r"[\s\u00a0\u202f]*(?:%|€|\$|pour\s*cent|euros?|dollars?)(?!\w)", re.IGNORECASE)
#: a verb of change a few words before "de N unit à M unit": then and now, not a range
_CHANGE_NEAR = re.compile(CHANGE_FROM.pattern.replace(r"[\w]*\s+(?:de|d['’])", r"\w*(?:\s+[^\W\d_]+){0,3}\s+(?:de|d['’])"),
                          re.IGNORECASE)
#: a range said to be about so much: "de l'ordre de 15 à 25 %"
_ABOUT_BEFORE = re.compile(r"(?:de\s+l['’]ordre|aux\s+alentours|autour|environ)\s*(?:de\s*|d['’])?$", re.IGNORECASE)


def _unit_word(unit: str) -> str:
    word = unit.strip().lower()
    return "%" if word.startswith("pour") else "€" if word.startswith("euro") else "$" if word.startswith("dollar") \
        else word


def _score(sentence: str, match: re.Match[str], following: re.Match[str] | None) -> bool:
    """"2-1", "(3-1)", "s'est imposé 2 à 0": two numbers in digits joined by a dash, or by "à"
    when the second is not the larger (a range goes up)."""
    if following is None or not (match.group("digits") and following.group("digits")):
        return False
    gap = sentence[match.end():following.start()]
    if re.fullmatch(r"\s*[–-]\s*", gap):
        return True
    return re.fullmatch(r"\s*[àa]\s*", gap) is not None and \
        _digits_value(following.group("digits")) <= _digits_value(match.group("digits")) < 20


def _bounds(sentence: str, number: FrenchNumber) -> None:
    before = sentence[max(0, number.start - 40):number.start]
    _BOUND_WORDS.apply(before, number)
    if re.match(r"^[^\s\w]?\s*(?:et\s+quelques|et\s+plus|ou\s+plus)\b", sentence[number.end:], re.IGNORECASE) \
            and number.value is not None:
        number.low = number.value  # "200 et quelques", "50 ou plus"


#: a share of a whole after "les"/"aux": "les 60 % de l'humanité" is a figure, not one said before
#: (not a group a share defines: "les 1 % les plus riches", "les 30 % des foyers les plus aisés", "les 0,1 % d'entre eux")
_SHARE_OF = re.compile(r"^[\s\u00a0\u202f]*%[\s\u00a0\u202f]+(?!d['’]entre\b)(?:de|d['’]|des|du)\b(?![^,;.]{0,40}\bles\s+plus\b)")


def why_not(sentence: str, start: int, end: int, match: re.Match[str]) -> str | None:
    """Why a number is not a count, or None."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 40]
    digits = match.group("digits")
    if re.match(rf"^\s*(?:er\s+)?(?:(?:et|au|à|-|–)\s*(?:le\s+)?\d{{1,2}}(?:er)?\s+)?{MONTH_RE}(?!\w)",
                after, re.IGNORECASE):
        return "day of a date"
    if digits and re.match(r"^[./-]\d{1,2}[./-]\d{2,4}", after):
        return "a date"
    if digits and re.match(r"^\s*(?:er|re|ère|e|ème|eme|è|nd|nde)\b", after, re.IGNORECASE):
        return "an ordinal"
    if re.match(r"^(?:[^\W\d_]|-[^\W\d_]|\.\d|/\d)", after) or re.search(r"(?:[^\W\d_]-?|/)$", before):
        return "a name, an ordinal or a fraction"  # "COVID-19", "A350", "F4", "15/20"
    if digits and re.fullmatch(r"\d{4}", digits) and 1000 <= int(digits) <= 2100 and _is_year(before, after):
        return "a year"
    if digits and (re.match(r"^\s*[h:]\s*\d{2}(?!\d)", after, re.IGNORECASE) or re.search(r"\d\s*[h:]\s*$", before)):
        return "a time"
    listed = re.match(r"^(?:\s*,\s*\d+(?:[.,]\d+)?)*\s*(?:,|et|ou)\s*\d+(?:[.,]\d+)?", sentence[end:end + 80])
    if digits and listed and NOT_A_COUNT_AFTER.match(sentence[end + listed.end():end + listed.end() + 40]):
        return "one of a list of ages, durations or distances"  # "âgés de 24, 32, 42 et 47 ans"
    measure_of = re.match(r"^[\s\u00a0]*(?:de\s+|d['’])", after)
    if NOT_A_COUNT_AFTER.match(after) or ((match.group("approx") or match.group("vague")) and measure_of
                                            and NOT_A_COUNT_AFTER.match(after[measure_of.end():])):
        # "trois mois", "une centaine de kilomètres", "des dizaines d'années"
        return "a time, duration, age, distance or score"
    if match.group("words") and re.search(r"\bpour\s*$", before, re.IGNORECASE) and \
            match.group("words").lower() in ("cent", "cents"):
        return "the word of a percentage"
    if re.match(r"^,?\s*(?:rue|avenue|av\.|boulevard|bd|place|chemin|route|all[ée]e|impasse|quai|cours)\b", after,
                re.IGNORECASE):
        return "an address"
    if re.search(r"\b(?:divis[ée]e?s?|coup[ée]e?s?|scind[ée]e?s?|partag[ée]e?s?)\s+en\s*$", before, re.IGNORECASE):
        return "a cut into parts"
    if _LAW_BEFORE.search(before):
        return "an article, page or number"
    if digits and re.search(r"(?:^|\n)\s*$", before) and re.match(r"^\s*[-.)]\s", after):
        return "a list number"
    if re.search(r"\b(?:[âa]g[ée]e?s?\s+de|[àa]\s+l['’][âa]ge\s+de)\s*$", before, re.IGNORECASE):
        return "an age"
    if re.search(rf"(?:^|\s)(?:une?|\d+|{_WORD})\s+(?:[^\W\d_][\w'’-]*\s+){{1,2}}sur\s+$", before, re.IGNORECASE):
        return "the whole of a proportion"  # "un enfant sur cinq", "huit véhicules sur dix"
    if re.search(r"\b(?:multipli[ée]e?s?|divis[ée]e?s?)\s+par\s*$", before, re.IGNORECASE):
        return "a factor"
    if digits and not SCALE_AFTER.match(after) and re.search(r"(?<![.!?]\s)\b[A-Z][\w'’-]*\s+$", before) and \
            not re.search(r"\b(?:Selon|D['’]apr[èe]s|Environ|Plus|Moins|Près|Au|Entre|Quelque|Sur|Dont|Et)\s+$", before) \
            and not re.match(r"^\s+(?:[a-zéèêàâôûç]|%|€|\$)", after):
        return "part of a name"  # "Euro 2020", "Paris 8", "CORG 81"
    scaled = end > match.end() or bool(re.search(r"(?:millions?|milliards?|mille)$", match.group(0), re.IGNORECASE))
    if not match.group("vague") and not scaled and BACK_REFERENCE.search(before) and \
            not re.search(r"\b(?:(?:sur|parmi)\s+les|(?:d[ée]pass|franchi|atteint|atteign|fr[ôo]l|avoisin)\w*\s+(?:les|"
                          r"(?:la\s+barre|le\s+cap|le\s+seuil)\s+des))\s+$", before, re.IGNORECASE) and \
            not re.match(r"^\s*(?:[àa]|et|ou)\s*\d", after) and not (
            re.search(r"\b(?:les|aux)\s+$", before, re.IGNORECASE) and _SHARE_OF.match(after)) and \
            not DEFINED_BY_PARTICIPLE.match(after) and not ELIDED_BEFORE.match(after) and not LISTED_AFTER.match(after) and \
            not (_PARTITIONED.search(before) and not re.search(r"\bl['’]une?\s+des\s+$", before, re.IGNORECASE)) and \
            not (re.search(r"\bdont\s+les\s+$", before, re.IGNORECASE) and DONT_LES_OF.match(after)) and \
            not SUM_AFTER.match(after) and (
            match.group("words") or (digits and len(re.sub(r"\D", "", digits)) < 4)):
        return "a back-reference"  # "les trois enfants", "des deux conseils", "des 100 % du PIB"
    if re.search(r"\b(?:reste|restent)\s+$", before, re.IGNORECASE) and \
            re.match(r"^\s*%\s+de\s+(?:cet|cette|l['’])\s*(?:article|page|contenu)", after, re.IGNORECASE):
        return "how much of the page is left to read"
    if re.search(r"\b(?:un|l['’]un|une|l['’]une)\s+des\s*$", before, re.IGNORECASE):
        return "part of a name or one of"
    return non_figure(sentence, start, end)


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:en|depuis|d[èe]s|avant|apr[èe]s|fin|d[ée]but|mi|d['’]ici|jusqu['’]en|courant|ann[ée]es?|"
    rf"an|printemps|[ée]t[ée]|automne|hiver|de|du|entre|et|à|au|vers|l['’]an|saison|{MONTH_RE})|[-–])\s*$",
    re.IGNORECASE)


def _is_year(before: str, after: str) -> bool:
    if re.search(r"\b[A-Z][\w'’-]*\s+$", before) and not re.search(r"\b(?:Selon|D['’]apr[èe]s|En|Et)\s+$", before):
        return True  # "Euro 2020", "le Grand Prix 2019"
    if re.search(rf"(?:{_LOW}|{_HIGH}|{_APPROX_HIGH}|{_APPROX})\s*$", before, re.IGNORECASE):
        return False  # "plus de 2000 manifestants"
    next_word = re.match(r"^\s+([a-zéèêàâôûç][\w'’-]*)", after)
    if next_word and next_word.group(1).endswith(("s", "x")) and re.search(r"\b(?:de|du)\s*$", before, re.I):
        return False  # "une manifestation de 2000 personnes"
    if next_word and next_word.group(1).endswith(("s", "x")) and re.search(
            r"\b(?:[ée]l[eè]v|port|pass|chiffr|estim|[ée]valu|fix|limit)\w*\s+[àa]\s*$", before, re.IGNORECASE):
        return False  # "le bilan s'élève à 2000 morts"
    if _YEAR_BEFORE.search(before):
        return True
    return not next_word


#: the short words of French grammar (articles, prepositions, pronouns, auxiliaries ...): never
#: what is counted, nor a claimant's first word
FUNCTION_WORDS = frozenset({
    "de", "d'", "du", "des", "la", "le", "les", "l'", "à", "au", "aux", "en", "dans", "sur", "sous",
    "par", "pour", "avec", "sans", "contre", "entre", "et", "ou", "mais", "dont", "qui", "que",
    "qu'", "ne", "n'", "se", "s'", "a", "ont", "est", "sont", "été", "était", "étaient", "sera",
    "seront", "avait", "avaient", "fait", "ce", "cette", "ces", "il", "elle", "ils", "elles", "on",
    "lors", "après", "avant", "depuis", "selon", "plus", "moins", "environ", "comme", "soit", "y",
    "vers", "chez", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    "aujourd'hui", "ici", "là", "chacun", "chacune", "autres", "autre", "seulement", "déjà",
    "encore", "aussi", "près", "jusqu'à", "pendant", "durant", "parmi", "dès", "leur", "leurs",
    "son", "sa", "ses", "vit", "vivent", "doit", "doivent", "peut", "peuvent", "va", "vont", "font", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "tous", "toutes",
    "tout", "toute", "fois", "je", "tu", "nous", "vous", "me", "te", "lui", "ainsi", "chaque"
})  # fmt: skip
