"""Statistic candidates: numbers in sentences that count or measure something, and who claims them.

Offline and rule-based (regular expressions over code points); nothing is saved here.

Decisions a researcher will notice, in the order a sentence goes through them:

* **What counts.** A number counts something (people, homes, incidents, tonnes), measures money
  (``USD``, ``JPY`` ...) or a percentage *of something*. Not statistics: dates and years ("June 21",
  "in 2014", "the 1990s", "1986/87"), times, ages ("Glen Evely, 39", "He was 75"), ranks and
  ordinals ("No. 2", "third-ranked"), scores and records ("13-3", "5-2"), numbers inside names
  ("Flight 93"), durations and distances ("48 hours", "400 km"), numbers used as adjectives
  ("10-day-old", "191-member"), definite back-references ("the 10", "the two candidates"),
  fractions ("one third"), market quotes (share prices, index levels and moves, prices per
  barrel or share) and percentages that measure nothing ("on a 100 percent basis").
* **Bounds.** "more than / over / at least 430" gives ``value=430, low=430``; "up to / as many as /
  fewer than / nearly 50" gives ``value=50, high=50``. "between 10 and 20", "from 10 to 20" and
  "two or three" give ``low``/``high`` and ``value=None``: the text gives no best estimate and we do
  not invent a midpoint. Vague counts ("dozens", "scores", "hundreds", "tens of thousands") give
  ``value=None``, the smallest reading as ``low`` (24, 40, 200, 20,000) and ``approximate=True``.
* **Approximate** when a marker stands before the number: "an estimated", "some", "about",
  "around", "roughly", "approximately", "nearly", "almost", "close to", "perhaps", "or so" after it.
* **Ranges.** Only "between A and B", "from A to B", "A or B" and "A to B" with a currency make
  ranges; a scale after B carries to A ("between $500 and $600 million"). "13-3" is a score.
* **Claimant.** A claim verb with its subject before the figures ("Russian officials estimate
  some 2,200 ...", "X said 7 marines ...", "According to X, ...") covers every figure after it in
  the sentence. A trailing attribution (", police said", ", the agency reported Friday",
  ", according to the site Caucasus Knot") covers the figures *before it in its own clause* only;
  clauses are split at ", and", ", but", ", while" and ";" (not inside a list such as
  "civilians, security officials, and militants"). When its clause holds no figure, it covers the
  nearest clause before it that does. So in "249 militants were killed in 2014, and some 5,816 ...
  since 2010, according to the site Caucasus Knot" only the 5,816 is Caucasus Knot's. Pronouns
  ("they say") and passives ("are reported to") name no claimant. ``None`` means the author states it.
* **Period.** The nearest time expression after the number in its clause (else before it):
  "in 2014" -> 2014..2014, "since 2010" -> 2010..publication date, "in the 1990s" -> 1990..1999,
  "in 1985/86" -> 1985..1986, "in February 1986", "on June 21", "last year", "this month".
  Expressions without a year need the publication date; without it they give no period.
* **Quote.** ``start``/``end`` span the clause that carries the figure, widened to take in the
  words naming the claimant, so the quote is the evidence a reader needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from db.dates import PartialDate
from db.ingest.base import IngestError
from db.text import sentences, trimmed

__all__ = [
    "NotAQuantity",
    "Quantity",
    "StatisticCandidate",
    "guess_claimant",
    "guess_period",
    "parse_quantity",
    "suggest_statistics",
]


class NotAQuantity(IngestError, ValueError):
    """The phrase holds no number that could be recorded as a statistic."""


@dataclass(frozen=True)
class Quantity:
    """A number as the text states it: best estimate, bounds and whether it is approximate."""

    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None = None


@dataclass(frozen=True)
class StatisticCandidate:
    """A suggested statistic; ``text[start:end] == quote`` (code points)."""

    start: int
    end: int
    quote: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    measure: str | None
    unit: str | None
    subject: str | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    place: str | None
    claimant: str | None


# ---------------------------------------------------------------------------------------------
# Vocabulary

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "mln": 1_000_000, "bln": 1_000_000_000,
           "bn": 1_000_000_000}  # fmt: skip
_VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    "several dozen": 24, "several hundred": 200, "several thousand": 2_000,
    "several million": 2_000_000, "a few dozen": 24, "a few hundred": 200,
    "a few thousand": 2_000, "a few million": 2_000_000,
}  # fmt: skip

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_NUMWORD = "|".join(sorted([*_UNITS, "hundred", "thousand", "million", "billion", "dozen"],
                           key=len, reverse=True))
_FIRSTWORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_SPELLED = (rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million|billion)|(?:{_FIRSTWORD}))"
            rf"(?:(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|[\s-])(?:{_NUMWORD})\b)*")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE_RE = r"(?:million|mln|billion|bln|bn|trillion|thousand)"
_VAGUE_RE = ("(?:(?:tens|hundreds)\\s+of\\s+thousands|(?:several|a\\s+few)\\s+(?:dozen|hundred|"
             "thousand|million)|dozens|scores|hundreds|thousands|millions)")

_CORE = re.compile(
    rf"(?P<digits>(?<![\w.,/:#-]){_DIGITS}(?![\w/:]|[.,]\d|-\w)(?:\s*(?P<scale>{_SCALE_RE})\b)?)"
    rf"|(?P<vague>\b{_VAGUE_RE}\b)"
    rf"|(?P<spelled>\b{_SPELLED}\b(?!-[^\W\d_]))",
    re.IGNORECASE,
)

# Longest first so that "more than" wins over "more".
_MODIFIERS = {
    "more than": "low", "over": "low", "at least": "low", "no fewer than": "low",
    "no less than": "low", "upwards of": "low", "in excess of": "low", "above": "low",
    "just over": "low", "well over": "low", "tops": "low", "topped": "low", "exceeds": "low",
    "exceeded": "low", "surpassed": "low", "passed": "low",
    "up to": "high", "as many as": "high", "fewer than": "high", "less than": "high",
    "under": "high", "no more than": "high", "at most": "high", "just under": "high",
    "nearly": "approx-high", "almost": "approx-high", "close to": "approx",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "perhaps": "approx", "approx.": "approx", "a total of": "none", "a further": "none",
    "another": "none", "an additional": "none", "only": "none", "just": "none",
}  # fmt: skip
_MOD_RE = re.compile(
    r"(?:^|(?<=[\s(\[\"“]))(?P<mod>" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in
                                                 sorted(_MODIFIERS, key=len, reverse=True))
    + r")\s*$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\s?\$|U\.S\.\s?\$|A\$|C\$|HK\$|\$|#36;|€|£|¥)\s*$")
_CURRENCY_SYMBOL = {"$": "USD", "#36;": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

_UNIT_AFTER = re.compile(
    r"\s*(?P<u>%|pct\b|percent\b|per\s+cent\b|percentage\s+points?\b|dlrs\b|dollars?\b|"
    r"(?:US|U\.S\.|American)\s+dollars?\b|"
    r"yen\b|euros?\b|stg\b|sterling\b|pounds\s+sterling\b|rupees\b|roubles\b|rubles\b|"
    r"marks\b|francs\b|lire\b|pesos\b|yuan\b|shekels\b|dinars\b|riyals\b|rand\b|"
    r"tonnes\b|tons\b|tones\b|barrels\b|bushels\b|ounces\b|kg\b|kilograms?\b|acres\b|"
    r"hectares\b)", re.IGNORECASE)
_UNIT_NAMES = {"us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
               "us dollar": "USD", "%": "%", "pct": "%", "percent": "%", "per cent": "%", "dlrs": "USD",
               "dollars": "USD", "dollar": "USD", "yen": "JPY", "euros": "EUR", "euro": "EUR",
               "stg": "GBP", "sterling": "GBP", "pounds sterling": "GBP", "tons": "tonnes",
               "marks": "DEM", "francs": "FRF", "lire": "ITL", "pesos": "MXN", "yuan": "CNY",
               "roubles": "RUB", "rubles": "RUB", "rupees": "INR", "shekels": "ILS",
               "tones": "tonnes", "kilograms": "kg", "kilogram": "kg"}  # fmt: skip
_NOT_A_COUNT_AFTER = re.compile(
    r"\s*-?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|"
    r"century|km|kms|kilomet(?:er|re)s?|miles?|feet|foot|ft|met(?:er|re)s?|yards?|inches|"
    r"cm|mm|degrees?|points?|a\.m\.|p\.m\.|am\b|pm\b|gmt\b|o'clock|times\b|fold\b|th\b|st\b|"
    r"nd\b|rd\b)(?:\b|(?<=\.))", re.IGNORECASE)
_MARKET = re.compile(
    r"\b(?:shares?|stocks?|stock\s+(?:index|market|exchange)|share\s+index|nikkei|dow|nasdaq|"
    r"ftse|dax|hang\s+seng|s&p|bonds?|yields?|futures|exchange\s+rate|per\s+share|a\s+share|"
    r"price\s+range)\b", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:the|these|those|its|their|his|her|our|your|my|all|each|every|any|which|"
    r"no|of\s+the)\s*$", re.IGNORECASE)

_AUX = {"were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "also",
        "reportedly", "already", "now", "all", "allegedly", "later", "then", "still",
        "will", "would", "could", "may", "might", "can", "should", "must", "not", "either",
        "both", "apparently", "subsequently", "since", "so", "far"}  # fmt: skip
_HEARSAY = {"reported", "said", "believed", "thought", "feared", "estimated", "known",
            "presumed", "confirmed", "understood"}  # fmt: skip
_STATE_WORDS = {"dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
                "hurt": "wounded", "missing": "missing", "homeless": "displaced",
                "displaced": "displaced", "trapped": "trapped", "detained": "arrested",
                "arrested": "arrested", "captured": "captured", "unaccounted": "missing"}  # fmt: skip

# Stems of verbs and nouns that say what happened to what is counted.
_MEASURE_STEMS: tuple[tuple[str, str], ...] = (
    ("shot dead", "killed"), ("kill", "killed"), ("dead", "killed"), ("died", "killed"),
    ("die", "killed"), ("death", "killed"), ("murder", "killed"), ("slain", "killed"),
    ("slay", "killed"), ("massacr", "killed"), ("behead", "killed"), ("execut", "killed"),
    ("wound", "wounded"), ("injur", "wounded"), ("hurt", "wounded"),
    ("arrest", "arrested"), ("detain", "arrested"), ("round", "arrested"),
    ("kidnap", "taken hostage"), ("abduct", "taken hostage"), ("hostage", "taken hostage"),
    ("displac", "displaced"), ("fled", "displaced"), ("flee", "displaced"),
    ("evacuat", "displaced"), ("homeless", "displaced"), ("missing", "missing"),
    ("deploy", "deployed"), ("redeploy", "deployed"), ("station", "deployed"),
    ("charg", "charged"), ("acquit", "acquitted"), ("convict", "convicted"),
    ("sentenc", "sentenced"), ("releas", "released"), ("rescu", "rescued"),
    ("captur", "captured"), ("surrender", "surrendered"), ("join", "joined"),
    ("rose", "rose"), ("rise", "rose"), ("risen", "rose"), ("increas", "rose"),
    ("grew", "rose"), ("gain", "rose"), ("jump", "rose"), ("climb", "rose"),
    ("fell", "fell"), ("fall", "fell"), ("declin", "fell"), ("drop", "fell"),
    ("decreas", "fell"), ("shrank", "fell"), ("slump", "fell"), ("plung", "fell"),
    ("sold", "sold"), ("sell", "sold"), ("paid", "paid"), ("pay", "paid"),
    ("export", "exported"), ("import", "imported"), ("collect", "collected"),
    ("sav", "saved"), ("spent", "spent"), ("spend", "spent"), ("destroy", "destroyed"),
    ("demolish", "demolished"), ("tore down", "demolished"), ("tearing down", "demolished"),
    ("torn down", "demolished"), ("seiz", "seized"), ("confin", "confined"),
    ("trapp", "trapped"), ("protest", "protested"), ("march", "marched"),
)
_CASUALTY = {"killed", "wounded", "arrested", "taken hostage", "displaced", "missing",
             "deployed", "charged", "acquitted", "convicted", "sentenced", "released",
             "rescued", "captured", "surrendered", "joined", "gone to fight", "trapped",
             "confined"}  # fmt: skip
_MILITARY = {"troops", "soldiers", "forces", "peacekeepers", "marines", "servicemen",
             "personnel", "police", "policemen", "officers", "guards", "contingent"}
_PERSON_NOUNS = {
    "people", "persons", "person", "civilians", "civilian", "militants", "militant",
    "soldiers", "soldier", "troops", "forces", "fighters", "rebels", "insurgents",
    "police", "policemen", "policeman", "officers", "officials", "children", "child",
    "women", "woman", "men", "man", "girls", "boys", "teenagers", "students", "workers",
    "employees", "members", "hostages", "hostage", "prisoners", "suspects", "refugees",
    "migrants", "residents", "villagers", "journalists", "marines", "guards",
    "militiamen", "recruits", "protesters", "demonstrators", "voters", "passengers",
    "pilgrims", "worshippers", "mourners", "lives", "victims", "others", "americans",
    "peacekeepers", "inmates", "detainees", "miners", "fishermen", "settlers", "jihadists",
    "volunteers", "mercenaries", "bodies", "casualties", "nationals",
    "citizens", "infants", "babies", "adults", "doctors", "nurses", "teachers", "pupils",
    "priests", "monks", "nuns", "farmers", "staff", "crew", "agents", "spies", "gunmen",
    "candidates", "executives", "managers", "directors", "leaders", "lawmakers", "legislators",
    "senators", "delegates", "ministers", "diplomats", "observers", "monitors", "inspectors",
    "experts", "analysts", "customers", "patients", "athletes", "players", "fans", "tourists",
    "visitors", "immigrants", "seekers", "shareholders", "investors", "employers", "parents",
    "commandos", "paratroopers", "sailors", "airmen", "pilots", "bombers",
}  # fmt: skip
_NP_STOP = {
    "in", "on", "at", "from", "to", "by", "for", "with", "during", "since", "after",
    "before", "into", "onto", "near", "across", "over", "under", "through", "throughout",
    "against", "between", "among", "amid", "as", "when", "while", "where", "who", "whom",
    "whose", "which", "that", "than", "and", "or", "but", "if", "because", "so", "yet",
    "the", "a", "an", "this", "these", "those", "their", "its", "his", "her", "our",
    "it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "there", "here",
    "including", "mostly", "mainly", "most", "some", "about", "around", "each", "per",
    "alone", "more", "less", "almost", "nearly", "only", "also", "both", "all", "quot", "amp",
    "not", "no", "up", "down", "out", "off", "last", "next", "ago", "earlier", "later",
    "yesterday", "today", "tonight", "overnight", "respectively", "apiece", *_AUX, *_HEARSAY,
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "these",
                "those"}
_IRREGULAR_VERBS = {
    "left", "died", "fled", "fought", "went", "gone", "took", "taken", "held", "shot",
    "hit", "made", "sold", "paid", "rose", "fell", "gave", "got", "met", "ran", "said",
    "told", "saw", "came", "become", "became", "lost", "won", "kept", "sent", "brought",
    "caught", "struck", "stood", "began", "spent", "remain", "remained", "remains",
    "die", "face", "faces", "fight", "flee", "lived", "work", "worked",
    "stay", "stayed", "grew", "shrank", "stand", "sit", "sat", "lie", "lay", "slain",
    "tore", "torn", "arrive", "arrived", "leave", "join", "joined", "surrender", "killed", "wounded", "injured", "dead", "hurt", "missing",
}  # fmt: skip
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "who", "which", "that", "this",
             "there", "one", "some", "others", "many", "most"}

_CLAIM_VERBS = (r"said|says|say|reported|reports|report|estimated|estimates|estimate|"
                r"claimed|claims|claim|believes|believe|told|announced|announces|stated|"
                r"states|confirmed|confirms|added|adds|counted|counts|recorded|records|"
                r"calculated|calculates|put\s+the\s+(?:death\s+)?toll\s+at|puts\s+the\s+"
                r"(?:death\s+)?toll\s+at|wrote|writes")
_CLAIM_VERB_RE = re.compile(rf"\b(?:{_CLAIM_VERBS})\b", re.IGNORECASE)
# Words that may follow a claim verb before the attribution ends ("said here on Wednesday",
# "reported Friday", "said on its Web site", "said earlier in Paris").
_TAIL_WORDS = {
    "here", "there", "late", "early", "earlier", "later", "again", "also", "on", "in", "at",
    "from", "a", "an", "statement", "interview", "yesterday", "today", "tonight", "last", "this",
    "week", "month", "year", "night", "morning", "afternoon", "evening", "the", "told",
    "reporters", "journalists", "news", "conference", "briefing", "its", "their", "his", "her",
    "web", "site", "website", "report", "television", "radio", "twitter", "official", "state",
    "press", "release", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "monday's", "friday's", *_MONTHS,
}  # fmt: skip
_TAIL_STOP = re.compile(r"[,;]|\.(?:\s|$)|\.\.\.|$")


def _attribution_tail(after: str) -> int | None:
    """Where an attribution that ends its clause ends (", police said on Friday." -> after
    "Friday,"), or None when the claim verb goes on into what is claimed."""
    stop = _TAIL_STOP.search(after)
    assert stop is not None  # "$" always matches
    words = after[:stop.start()].split()
    if len(words) > 8:
        return None
    for index, word in enumerate(words):
        lower = word.lower().rstrip(".")
        if lower in _TAIL_WORDS or (lower.isdigit() and len(lower) <= 2):
            continue
        # one word after "in", "at" or "from": "said in Paris"
        if index > 0 and words[index - 1].lower() in ("in", "at", "from"):
            continue
        return None
    return stop.end()


_TIME_TAIL = re.compile(rf"\s+(?:(?:last|this)\s+(?:week|month|year|night)|(?:on\s+)?"
                        rf"{_WEEKDAY_RE}|yesterday|today|earlier|late|also|here|there)$",
                        re.IGNORECASE)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_DESCRIPTORS = {"site", "website", "web", "newspaper", "daily", "weekly", "official", "news",
                "agency", "network", "channel", "television", "tv", "radio", "station",
                "broadcaster", "magazine", "state-run", "state", "semi-official",
                "independent", "online", "outlet", "portal", "paper", "wire", "service",
                "monitor", "monitoring", "group", "ngo", "blog", "pan-arab", "satellite",
                "leading", "local", "respected", "human", "rights", "watchdog"}  # fmt: skip
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|#39;s|[^\W\d_][\w'’]*(?:-[\w'’]+)*|\d[\d,.]*\d|\d|"
                    r"[^\w\s]")


def _word_value(words: str) -> float:
    """Value of a spelled number ("twenty-three", "two dozen", "a hundred and five")."""
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):
            current = max(current, 1)
        elif word == "and":
            continue
        elif word in _UNITS:
            current += _UNITS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
    return total + current


@dataclass
class _Number:
    """A number found in a sentence, with its modifiers and unit (sentence offsets)."""

    start: int  # of the whole phrase, modifiers included
    core_start: int
    end: int  # after the unit, if any
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    kind: str  # digits, spelled, vague
    literal: str
    bare_year: bool = False
    modified: bool = False
    subject: str | None = None
    subject_end: int = -1
    measure: str | None = None
    claimant: str | None = None
    claim_span: tuple[int, int] | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _core_value(match: re.Match[str]) -> tuple[float | None, float | None, str]:
    """(value, low, kind) of a core match."""
    if match.group("digits"):
        text = match.group("digits")
        number_text = re.match(_DIGITS, text)
        assert number_text is not None
        exact = Decimal(number_text.group(0).replace(",", ""))
        scale = match.group("scale")
        if scale:
            exact *= _SCALES[scale.lower()]  # in decimal: 4.1 million is 4100000, not 4099999.99
        return float(exact), None, "digits"
    if match.group("vague"):
        key = re.sub(r"\s+", " ", match.group("vague").lower())
        # "a few million" reads like "several million": the smallest reading of the last word.
        low = _VAGUE.get(key) or _VAGUE.get("several " + key.split()[-1]) or \
            _VAGUE.get(key.split()[-1], 2)
        return None, float(low), "vague"
    return _word_value(match.group("spelled")), None, "spelled"


_RANGE_OPENER = re.compile(r"\b(between|from)\s*$", re.IGNORECASE)


def _numbers(sentence: str) -> list[_Number]:
    """Every number phrase in the sentence, ranges joined, before any filtering."""
    cores = list(_CORE.finditer(sentence))
    found: list[_Number] = []
    skip_until = -1
    for index, core in enumerate(cores):
        if core.start() < skip_until:
            continue
        value, low, kind = _core_value(core)
        high: float | None = None
        approximate = kind == "vague"
        unit: str | None = None
        modified = False
        start = core.start()
        end = core.end()
        currency = _CURRENCY_BEFORE.search(sentence, max(0, start - 80), start)
        if currency:
            symbol = currency.group("cur").replace(" ", "")
            unit = _CURRENCY_SYMBOL.get(symbol[-1:] if symbol.endswith("$") else symbol, "USD")
            start = currency.start()
        # "between 10 and 20", "from 10 to 20", "two or three", "$12 to $14"
        next_core = cores[index + 1] if index + 1 < len(cores) else None
        range_match = None
        if next_core is not None:
            gap = sentence[end:next_core.start()]
            opener = _RANGE_OPENER.search(sentence, max(0, start - 80), start)
            joiner = re.fullmatch(r"\s*(and|to|or|-)\s*(?:US\s?\$|\$|#36;|€|£)?\s*", gap,
                                  re.IGNORECASE)
            word = joiner.group(1).lower() if joiner else ""
            opener_word = opener.group(1).lower() if opener else ""
            if joiner and ((opener_word == "between" and word == "and")
                           or (opener_word == "from" and word in ("to", "-"))
                           or word == "or" or (word == "to" and unit is not None)):
                range_match = next_core
        if range_match is not None:
            second, _, _ = _core_value(range_match)
            first = value if value is not None else low
            scale = range_match.group("scale")
            if first is not None and scale and not core.group("scale"):
                first *= _SCALES[scale.lower()]  # "between $500 and $600 million"
            if kind == "vague" or first is None or second is None or second < first:
                range_match = None  # "fell 5 to 2" is no range
            else:
                low, high, value = first, second, None
                end = range_match.end()
                skip_until = end
                modified = True
                opener = _RANGE_OPENER.search(sentence, max(0, start - 80), start)
                if opener:
                    start = opener.start()
        # Modifiers, possibly stacked ("some more than"), read right to left.
        while True:
            mod = _MOD_RE.search(sentence, max(0, start - 80), start)
            if not mod:
                break
            role = _MODIFIERS[re.sub(r"\s+", " ", mod.group("mod").lower())]
            modified = True
            if range_match is None and value is not None:
                if role == "low":
                    low = value
                elif role == "high":
                    high = value
                elif role == "approx-high":
                    high = value
                    approximate = True
            if role == "approx":
                approximate = True
            start = mod.start("mod")
        after = sentence[end:end + 80]
        unit_match = _UNIT_AFTER.match(after)
        if unit_match:
            raw = re.sub(r"\s+", " ", unit_match.group("u").lower())
            unit = _UNIT_NAMES.get(raw, raw)
            end += unit_match.end()
        elif re.match(r"\s+or\s+so\b", after, re.IGNORECASE):
            approximate = True
        literal = core.group(0)
        bare_year = (kind == "digits" and re.fullmatch(r"\d{4}", literal) is not None
                     and 1000 <= float(literal) <= 2100)
        found.append(_Number(start, core.start(), end, value, low, high, approximate, unit,
                             kind, literal, bare_year=bare_year, modified=modified))
    return found


def _is_verbish(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_VERBS or lower in _AUX:
        return True
    return len(lower) > 4 and (lower.endswith("ed") or lower.endswith("ing")) and \
        not word[:1].isupper()


def _tokens(text: str, pos: int, end: int | None = None) -> list[tuple[int, int, str]]:
    """Tokens from ``pos``; never more than a short stretch, which is all the rules read."""
    limit = min(len(text) if end is None else end, pos + _READ_AHEAD)
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, pos, limit)]


def _measure_of(word: str) -> str | None:
    lower = word.lower()
    for stem, measure in _MEASURE_STEMS:
        if lower.startswith(stem) or (" " in stem and lower == stem):
            return measure
    return None


def _clean(text: str) -> str:
    text = text.replace(" #39;", "'").replace("#39;", "'").replace(" quot;", "")
    return re.sub(r"\s+", " ", text).strip(" ,.;:-—–")


def _is_plural_noun(word: str) -> bool:
    """A lower-case plural noun or a capitalised demonym plural ("Palestinians", "Lebanese")."""
    lower = word.lower()
    if lower in _PERSON_NOUNS:
        return True
    if word[:1].isupper():
        return bool(re.search(r"(?:ans|ians|is|ese|ites|ers|ks|ts|ns|rs|ds|es|os)$", word))
    return lower.endswith("s") and not lower.endswith("ss") and not _is_verbish(word)


def _noun_phrase(sentence: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Span of the noun phrase that starts at ``pos`` ("civilians, security officials, and
    militants", "employees of a British security firm"), or None."""
    toks = _tokens(sentence, pos, limit)
    i = 0

    def simple(i: int) -> int:
        """Index after a run of noun-phrase words starting at i (an "of" phrase included)."""
        words = 0
        while i < len(toks):
            word = toks[i][2]
            lower = word.lower()
            if not (word[:1].isalpha() or word == "#39;s" or word == "("):
                break
            if lower == "of" and words and i + 1 < len(toks):
                j = i + 1
                if toks[j][2].lower() in _DETERMINERS:
                    j += 1
                if j < len(toks) and toks[j][2][:1].isalpha() and \
                        toks[j][2].lower() not in _NP_STOP and not _is_verbish(toks[j][2]):
                    i = j
                    continue
                break
            if word == "(" and i + 2 < len(toks) and toks[i + 2][2] == ")" and words:
                i += 3  # "African Union (AU) troops"
                continue
            if (lower in _NP_STOP and not (word.isupper() and len(word) > 1)) or \
                    lower in _STATE_WORDS:
                break
            if words and (_is_verbish(word) or _CLAIM_VERB_RE.fullmatch(word)):
                break
            if lower in _UNITS or lower in _SCALES:
                break
            if words and word.endswith("ly") and not word[:1].isupper():
                break
            words += 1
            i += 1
        return i

    # "100 of Zarqawi's militiamen", "tonnes of soft wheat", "$325,000 worth of air time"
    if len(toks) > 1 and toks[0][2].lower() == "worth" and toks[1][2].lower() == "of":
        toks = toks[1:]
    if toks and toks[0][2].lower() == "of":
        i = 1
        if i < len(toks) and (toks[i][2].lower() in _DETERMINERS):
            i += 1
    first_end = simple(i)
    if first_end == i:
        return None
    start = toks[i][0]
    end_index = first_end
    # A list joined by commas and "and", accepted only when a verb follows it.
    j = first_end
    while j < len(toks) and toks[j][2] in (",", "and"):
        k = j
        while k < len(toks) and toks[k][2] in (",", "and"):
            k += 1
        if k >= len(toks) or toks[k][2].lower() in _NP_STOP or not toks[k][2][:1].isalpha():
            break
        if _CORE.match(sentence, toks[k][0]):
            break
        after = simple(k)
        if after == k:
            break
        j = after
        if j < len(toks) and (toks[j][2].lower() in _AUX or _is_verbish(toks[j][2])):
            if not _CLAIM_VERB_RE.fullmatch(toks[j][2]) and \
                    toks[k][2][:1].islower() == toks[i][2][:1].islower():
                end_index = j
            break
    return start, toks[end_index - 1][1]


def _verb_after(sentence: str, pos: int, limit: int) -> str | None:
    """The measure named by the verb or state word after a counted phrase."""
    toks = _tokens(sentence, pos, limit)
    i = 0
    while i < len(toks) and i < 8:
        word = toks[i][2].lower()
        if word in _HEARSAY and i + 1 < len(toks) and toks[i + 1][2].lower() == "to":
            i += 2
            continue
        if word in _HEARSAY and i + 1 < len(toks) and (
                toks[i + 1][2].lower() in _STATE_WORDS or _measure_of(toks[i + 1][2])):
            i += 1  # "were confirmed dead", "reported killed"
            continue
        if word in _AUX or (word == "to" and i > 0):
            i += 1
            continue
        break
    if i >= len(toks):
        return None
    word = toks[i][2].lower()
    rest = " ".join(t[2].lower() for t in toks[i:i + 3])
    if word in ("gone", "went", "left", "travelled", "traveled", "headed", "go") and \
            re.match(r"\w+ to (?:fight|join)", rest):
        return "gone to fight"
    if word in _STATE_WORDS:
        return _STATE_WORDS[word]
    if not toks[i][2][:1].isalpha() or toks[i][2][:1].isupper():
        return None
    measure = _measure_of(rest) if rest.startswith(("shot dead", "tore down", "torn down")) \
        else _measure_of(word)
    if measure:
        return measure
    # Another verb only after an auxiliary ("are confined"): a bare verb after the counted
    # phrase often belongs to a larger subject ("Militants holding three workers met ...").
    if _is_verbish(word) and word not in _AUX and word not in ("left",) and i > 0:
        return word
    return None


def _verb_before(sentence: str, start: int) -> str | None:
    """The measure named by the verb just before a number ("killed 27", "injuring six")."""
    words = [t for t in _tokens(sentence, max(0, start - 60), start)]
    words = [t for t in words if t[2][:1].isalpha()]
    if not words:
        return None
    last = words[-1][2].lower()
    if last == "by" and len(words) > 1:
        last = words[-2][2].lower()
    if last in ("dead",) and len(words) > 1 and words[-2][2].lower() == "shot":
        return "killed"
    if last in ("down",) and len(words) > 1:
        return _measure_of(words[-2][2].lower() + " down")
    if last in ("cost", "claimed", "claiming", "took", "taking"):
        return "killed"  # "cost 85 lives", "claimed 30 lives": checked against "lives" later
    if last in _AUX or last in _NP_STOP - {"to"}:
        return None
    if re.search(r"\btoll\b(?:\s+\S+){0,12}\s*$", sentence[max(0, start - 100):start].lower()):
        return "killed"  # "taking the toll ... to 62", "the death toll in Iraq tops 1,000"
    if last == "to":
        return None
    measure = _measure_of(last)
    if measure and (_is_verbish(last) or last in ("pay", "sell", "export", "import", "save",
                                                   "kill", "rose", "fell", "paid", "sold")):
        return measure
    if measure and last in ("rise", "fall", "increase", "decline", "drop", "gain", "jump"):
        return measure
    return None


# ---------------------------------------------------------------------------------------------
# Sentences and clauses

_MAX_SENTENCE = 1000
_READ_AHEAD = 200


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences, none longer than about ``_MAX_SENTENCE`` code points: text without
    sentence punctuation (a table, a list) is cut at line ends, semicolons or spaces, so the
    work per number stays bounded."""
    for start, end in sentences(text):
        while end - start > _MAX_SENTENCE:
            window = text[start:start + _MAX_SENTENCE]
            cut = max(window.rfind("\n"), window.rfind("; "))
            if cut < _MAX_SENTENCE // 2:
                cut = window.rfind(" ")
            if cut <= 0:
                cut = _MAX_SENTENCE
            piece = trimmed(text, start, start + cut)
            if piece[1] > piece[0]:
                yield piece
            start = trimmed(text, start + cut, end)[0]
        if end > start:
            yield start, end


_CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?:and|but|while|whereas|yet)\s+|\s+but\s+",
                           re.IGNORECASE)


_ENTITY_BEFORE = re.compile(r"(?:&|\b|#)(?:#?\d{1,4}|amp|quot|lt|gt|nbsp|apos)$")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of coordinated clauses; a ", and" closing a list ("A, B, and C") does not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        if match.group(0).startswith(";") and _ENTITY_BEFORE.search(sentence, 0, match.start()):
            continue  # "#39;", "amp;": HTML entities left in the text, not semicolons
        if match.group(0).lstrip(", ").lower().startswith("and"):
            piece = sentence[start:match.start()]
            last_item = piece.rsplit(",", 1)[-1] if "," in piece else None
            if last_item is not None and len(last_item.split()) <= 3 and not any(
                    _is_verbish(w) for w in last_item.split()):
                continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]


# ---------------------------------------------------------------------------------------------
# Claimants

@dataclass(frozen=True)
class _Attribution:
    claimant: str
    start: int  # span of the attribution words in the sentence
    end: int
    leading: bool  # covers what follows (True) or what precedes (False)


def _clean_claimant(raw: str) -> str | None:
    text = _clean(raw)
    text = re.sub(r"^(?:and|but|while|as|also)\s+", "", text, flags=re.IGNORECASE)
    text = _TIME_TAIL.sub("", text)
    text = re.sub(r"\s+(?:has|have|had|will|would|also|now)$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    words = text.split()
    if words[0].lower() in _PRONOUNS or len(words) > 12:
        return None
    if any(_CORE.fullmatch(w) or w[:1].isdigit() for w in words):
        return None
    # "the site Caucasus Knot", "the official Xinhua News Agency" -> the name
    caps = [w[:1].isupper() for w in words]
    if any(caps):
        first_cap = caps.index(True)
        lead = [w.lower() for w in words[:first_cap]]
        if lead and all(w in _DESCRIPTORS for w in lead) and all(caps[first_cap:]):
            return " ".join(words[first_cap:])
        last_cap = len(caps) - 1 - caps[::-1].index(True)
        tail = [w.lower() for w in words[last_cap + 1:]]
        if tail and all(w in _DESCRIPTORS for w in tail) and all(caps[:last_cap + 1]) and not (
                last_cap == 0 and re.search(r"(?:an|ian|ese|ish|i)$", words[0])):
            return " ".join(words[:last_cap + 1])
        if first_cap > 0 and all(caps[first_cap:]) and lead and lead[-1] in _DESCRIPTORS:
            return " ".join(words[first_cap:])
    return text


def _np_is_claimant(raw: str) -> bool:
    """Whether words before a claim verb can be its subject ("Russian officials", "police and
    the U.S. military", "a spokesman for the group"), not a clause or a noun phrase object."""
    words = raw.split()
    if not words or len(words) > 12:
        return False
    if all(w.lower() in ("has", "have", "had", "also", "will", "would") for w in words):
        return False
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in ("has", "have", "had") and index == len(words) - 1:
            continue
        # A determiner inside the phrase must follow a preposition or "and" ("spokesman for
        # the group"); "more than double the pre-auction estimate" is no claimant.
        if index > 0 and lower in _DETERMINERS and words[index - 1].lower() not in (
                "of", "for", "at", "in", "and", "from", "with", "on", "to", "by"):
            return False
        if lower in _MODIFIERS or lower in ("than", "double", "twice", "half"):
            return False
        if _is_verbish(word) and lower not in ("armed", "united", "unidentified", "based",
                                               "led", "backed", "linked", "named"):
            return False
        if _CORE.fullmatch(word) or word[:1].isdigit():
            return False
    return True


def _attributions(sentence: str) -> list[_Attribution]:
    """Every claim attribution in a sentence."""
    found: list[_Attribution] = []
    for match in _ACCORDING_RE.finditer(sentence):
        rest = sentence[match.end():]
        stop = re.search(r",|(?<!#39);|\.(?:\s|$)|\s+(?:which|who|that|and\s+(?:an?|the)\s)\b|$",
                         rest)
        assert stop is not None
        name = _clean_claimant(rest[:stop.start()])
        if not name:
            continue
        head = sentence[:match.start()]
        leading = not re.search(r"[^\W_]", re.split(r"[;:]|\s[-—–]+\s", head)[-1]) or \
            head.rstrip().endswith((":", "-", "—"))
        found.append(_Attribution(name, match.start(), match.end() + stop.start(), leading))
    for match in _CLAIM_VERB_RE.finditer(sentence):
        head = sentence[:match.start()]
        after = sentence[match.end():]
        if re.match(r"\s+responsibility\b", after, re.IGNORECASE):
            continue
        if re.search(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s*$", head,
                     re.IGNORECASE):
            continue  # a noun or an adjective: "the report", "an estimated 249"
        if re.fullmatch(r"reports?|estimates?|claims?|counts?|records?|states?", match.group(0),
                        re.IGNORECASE):
            # A noun unless a plausible subject stands before it ("Russian officials
            # estimate", "Caucasus Knot reports"), not "initial reports indicated".
            before_word = re.search(r"([^\W\d_][\w'’.-]*)\s*$", head)
            if not before_word or not (before_word.group(1)[:1].isupper()
                                       or _is_plural_noun(before_word.group(1))):
                continue
        tail = _attribution_tail(after)
        # Inverted trailing form: ", said the military."
        if re.search(r",\s*$", head) and tail is None:
            inverted = re.match(r"\s+([^,;.]+?)\s*(?:[,;]|\.(?:\s|$)|$)", after)
            if inverted and _np_is_claimant(inverted.group(1)):
                name = _clean_claimant(inverted.group(1))
                if name:
                    found.append(_Attribution(name, head.rstrip().__len__() - 1,
                                              match.end() + inverted.end(1), False))
                    continue
        # The subject: words back to the previous clause boundary.
        piece_start = 0
        # "the French Cereals Intervention Office (ONIC) said": the name before the brackets.
        bracket = re.search(r"\s*\([^()]*\)\s*$", head)
        head_end = bracket.start() if bracket else len(head)
        for boundary in re.finditer(r"[,;:(]\s*|\s[-—–]{1,2}\s|\)\s*|\bthat\s",
                                    head[:head_end]):
            piece_start = boundary.end()
        raw = head[piece_start:head_end]
        # "Ali Tigrel, director of economic planning at ... said": the name before the role.
        if tail is not None and raw.strip()[:1].islower() and not re.match(r"\s*(?:the|a|an)\b", raw,
                                                               re.IGNORECASE):
            earlier = re.search(r"(?:^|[,;]\s*|\s[-—–]{1,2}\s)([^,;]+),\s*[^,;]*$", head)
            if earlier and earlier.group(1)[:1].isupper() and \
                    len(earlier.group(1).split()) <= 4:
                name = _clean_claimant(earlier.group(1))
                if name:
                    found.append(_Attribution(name, earlier.start(1),
                                              match.end() + tail, False))
                    continue
        if not raw.strip() or not _np_is_claimant(_TIME_TAIL.sub("", raw.strip())):
            continue
        name = _clean_claimant(raw)
        if not name:
            continue
        if tail is not None:
            found.append(_Attribution(name, piece_start, match.end() + tail, False))
        else:
            found.append(_Attribution(name, piece_start, match.end(), True))
    return sorted(found, key=lambda a: a.start)


def guess_claimant(sentence: str) -> str | None:
    """Who the sentence says makes its claim ("according to the site Caucasus Knot" ->
    "Caucasus Knot", "Russian officials estimate" -> "Russian officials", "X said" -> X), or
    None when the author states it."""
    attributions = _attributions(sentence)
    return attributions[0].claimant if attributions else None


def _assign_claimants(sentence: str, numbers: list[_Number]) -> None:
    attributions = _attributions(sentence)
    if not attributions:
        return
    clauses = _clauses(sentence)

    def clause_of(pos: int) -> int:
        for index, (start, end) in enumerate(clauses):
            if start <= pos < end:
                return index
        return len(clauses) - 1

    for number in numbers:
        here = clause_of(number.core_start)
        chosen: _Attribution | None = None
        # A trailing attribution after the number in its own clause.
        for attribution in attributions:
            if not attribution.leading and attribution.start >= number.end and \
                    clause_of(attribution.start) == here:
                chosen = attribution
                break
        # A leading claim before the number ("X said", "According to X,").
        if chosen is None:
            for attribution in reversed(attributions):
                if attribution.leading and attribution.end <= number.core_start:
                    chosen = attribution
                    break
        # A trailing attribution in a later clause with no figure before it.
        if chosen is None:
            for later in range(here + 1, len(clauses)):
                c_start, c_end = clauses[later]
                first = next((a for a in attributions if not a.leading
                              and c_start <= a.start < c_end), None)
                figures = [n for n in numbers if c_start <= n.core_start < c_end]
                if first is not None and not any(n.core_start < first.start for n in figures):
                    chosen = first
                    break
                if figures:
                    break
        if chosen is not None:
            number.claimant = chosen.claimant
            number.claim_span = (chosen.start, chosen.end)


# ---------------------------------------------------------------------------------------------
# Periods and places

_DECADE = re.compile(r"\b(?:the\s+)?(1[5-9]\d|20\d)0s\b", re.IGNORECASE)
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("since_month_year", re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({_MONTH_RE})\.?\s+"
                                    rf"(\d{{4}})\b", re.I)),
    ("since_year", re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?(\d{4})\b", re.I)),
    ("since_month", re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({_MONTH_RE})\b"
                               rf"(?!\.?\s+\d)", re.I)),
    ("between_years", re.compile(r"\b(?:between|from)\s+(\d{4})\s+(?:and|to|until|till|"
                                 r"through)\s+(\d{4})\b", re.I)),
    ("split_years", re.compile(r"(?<![\d/-])(\d{4})\s*[/–-]\s*(\d{2}|\d{4})(?![\d/-])")),
    ("decade", _DECADE),
    ("day_year", re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                            rf"(\d{{4}})\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)),
    ("day", re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)",
                       re.I)),
    ("month", re.compile(rf"\b(?:in|during|throughout|for|of|since|early|late|mid-?)\s+"
                         rf"({_MONTH_RE})\b(?!\.?\s*,?\s*\d)", re.I)),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("this_year", re.compile(r"\b(?:this|so\s+far\s+this)\s+year\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("this_month", re.compile(r"\bthis\s+month\b", re.I)),
    ("year", re.compile(r"(?<![\d,.$#/-])(1[89]\d\d|20\d\d)(?![\d,/%-]|\.\d|s\b)")),
)


def _month_before(month: int, published: PartialDate) -> PartialDate:
    """The month with that number at or before the publication date."""
    year = published.year
    if published.month is not None and month > published.month:
        year -= 1
    return PartialDate(year, month)


def _period_from(kind: str, match: re.Match[str], published: PartialDate | None,
                 ) -> tuple[PartialDate | None, PartialDate | None] | None:
    def month(name: str) -> int:
        return _MONTHS[name.lower().rstrip(".")]

    try:
        if kind == "since_month_year":
            return PartialDate(int(match.group(2)), month(match.group(1))), published
        if kind == "since_year":
            return PartialDate(int(match.group(1))), published
        if kind == "since_month":
            if published is None:
                return None
            return _month_before(month(match.group(1)), published), published
        if kind == "between_years":
            first, last = int(match.group(1)), int(match.group(2))
            return (PartialDate(first), PartialDate(last)) if first <= last else None
        if kind == "split_years":
            first = int(match.group(1))
            second_text = match.group(2)
            last = int(second_text) if len(second_text) == 4 else \
                first // 100 * 100 + int(second_text)
            if not 1000 <= first <= 2100 or not first < last <= first + 10:
                return None
            return PartialDate(first), PartialDate(last)
        if kind == "decade":
            first = int(match.group(1)) * 10
            return PartialDate(first), PartialDate(first + 9)
        if kind == "day_year":
            day = PartialDate(int(match.group(3)), month(match.group(1)), int(match.group(2)))
            return day, day
        if kind == "month_year":
            value = PartialDate(int(match.group(2)), month(match.group(1)))
            return value, value
        if kind == "day":
            if published is None:
                return None
            base = _month_before(month(match.group(1)), published)
            day = PartialDate(base.year, base.month, int(match.group(2)))
            if published.day is not None and day > published:
                day = PartialDate(day.year - 1, day.month, day.day)
            return day, day
        if kind == "month":
            if published is None:
                return None
            value = _month_before(month(match.group(1)), published)
            return value, value
        if kind == "year":
            year = int(match.group(1))
            return PartialDate(year), PartialDate(year)
        if published is None:
            return None
        if kind == "last_year":
            return PartialDate(published.year - 1), PartialDate(published.year - 1)
        if kind == "this_year":
            return PartialDate(published.year), published
        if kind == "last_month":
            if published.month is None:
                return None
            y, m = (published.year, published.month - 1) if published.month > 1 else \
                (published.year - 1, 12)
            return PartialDate(y, m), PartialDate(y, m)
        if kind == "this_month":
            if published.month is None:
                return None
            return PartialDate(published.year, published.month), published
    except ValueError:  # "February 30" and the like
        return None
    return None


def _find_period(text: str, published: PartialDate | None,
                 ) -> tuple[int, tuple[PartialDate | None, PartialDate | None]] | None:
    """(position, period) of the first time expression in ``text`` that gives a period."""
    if not _QUICK_PERIOD.search(text):
        return None
    best: tuple[int, int, tuple[PartialDate | None, PartialDate | None]] | None = None
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            period = _period_from(kind, match, published)
            if period is None:
                continue
            key = (match.start(), -(match.end() - match.start()))
            if best is None or key < (best[0], best[1]):
                best = (match.start(), -(match.end() - match.start()), period)
            break
    return (best[0], best[2]) if best else None


def guess_period(sentence: str, published: PartialDate | None,
                 ) -> tuple[PartialDate | None, PartialDate | None]:
    """The period a sentence speaks of: "in 2014" -> (2014, 2014), "since 2010" -> (2010,
    published), "in the 1990s" -> (1990, 1999); (None, None) when it names none."""
    found = _find_period(sentence, published)
    return found[1] if found else (None, None)


_PLACE = re.compile(
    r"\b(?:in|near|across|at|inside|outside|throughout)\s+(?:the\s+)?"
    r"((?:(?:northern|southern|eastern|western|central|north|south|east|west|north-?western|"
    r"north-?eastern|south-?western|south-?eastern|northeastern|northwestern|southeastern|"
    r"southwestern)\s+)?"
    r"(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+|al-)?[A-Z][\w'’-]*)*"
    r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)")


def _guess_place(text: str) -> str | None:
    for match in _PLACE.finditer(text):
        place = match.group(1)
        first = place.split()[-1] if place.split()[0].islower() else place.split()[0]
        if re.fullmatch(rf"{_MONTH_RE}\.?|{_WEEKDAY_RE}", first, re.IGNORECASE):
            continue
        return _clean(place)
    return None


# ---------------------------------------------------------------------------------------------
# Filtering and the public functions

def _why_not(sentence: str, number: _Number, clause: str, clause_offset: int) -> str | None:
    """Why a number is not a statistic, or None when it may be one."""
    # Only the words near the number matter; short windows keep long lists linear.
    before = sentence[max(0, number.start - 80):number.start]
    core_before = sentence[max(0, number.core_start - 80):number.core_start]
    after = sentence[number.end:number.end + 80]
    literal = number.literal.lower()
    if number.unit is None and _NOT_A_COUNT_AFTER.match(after):
        return "duration, distance, time or score"
    if re.search(rf"\b{_MONTH_RE}\.?\s*$", core_before, re.IGNORECASE) and number.kind == "digits":
        return "date"
    if number.kind == "digits" and re.match(rf"\s*(?:{_MONTH_RE})\b", after, re.IGNORECASE):
        return "date"
    if number.kind == "digits" and re.match(r"\s*(?:th|st|nd|rd)\b", after):
        return "ordinal"
    if re.match(r"\s*-?\s*(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", after, re.I):
        return "fraction"
    if number.bare_year and not number.modified and number.unit is None:
        following = re.match(r"\s+([^\W\d_][\w'’-]*)", after)
        if not (following and following.group(1).lower() in _PERSON_NOUNS):
            return "year"
    if re.search(r"\b(?:aged?|he\s+was|she\s+was|he\s+is|she\s+is)\s*$", before, re.I):
        return "age"
    if number.kind == "digits" and re.search(r"[A-Z][\w'’.]*,\s*$", before) and \
            re.match(r"\s*(?:[,.)]|$|\.\.\.)", after) and not number.modified:
        return "age"
    if re.search(r"\b(?:no|nos|number|#)\.?\s*$", core_before, re.IGNORECASE):
        return "rank"
    if number.kind == "digits" and not number.modified and number.unit is None and \
            re.search(r"(?<![.!?]\s)\b[A-Z][\w'’-]*\s+$", before) and (
            not re.match(r"\s+[a-z]", after)
            or (re.match(r"\s+([a-z]+)", after) and _is_verbish(after.split()[0]))):
        return "part of a name"
    if number.kind == "spelled" and number.literal[:1].isupper() and not number.modified and \
            re.search(r"[^\W\d_][\w'’,]*\s+$", before) and re.match(r"\s+[A-Z]", after) and \
            not re.match(r"\s+[A-Z][\w'’-]*\s+[a-z]", after):
        return "part of a name"  # "the Three Gorges Dam", but "Three Israelis were killed"
    if number.kind == "spelled" and literal == "one" and (
            re.match(r"\s+(?:of|another|day|time|way|thing|side)\b|\s*[,.;:)]|$", after, re.I)
            or re.search(r"\b(?:no|any|each|every|this|that|which|the)\s*$", before, re.I)):
        return "pronoun"
    if not number.modified and _REFERENCE_BEFORE.search(before):
        return "back-reference"
    if re.search(r"\b(?:one|some|none|each|any)\s+of\s*$", before, re.I):
        return "part of a count"
    if number.unit is not None and re.match(
            r"\s*(?:a|an|per)\s+(?:barrel|share|ounce|troy\s+ounce|tonne|ton|bushel|gallon|"
            r"litre|liter|pound|kilo|kilogram|unit)\b", after, re.I):
        return "unit price"
    if number.unit is not None and number.unit != "%" and re.fullmatch(
            r"[\d,]*\.\d\d", number.literal) and re.search(
            r"\b(?:rose|fell|surged|gained|lost|closed|jumped|slipped|dropped|climbed|added|shed|"
            r"eased|firmed|traded|opened)\b", clause, re.IGNORECASE):
        return "price quote"  # "US Steel rose $3.30 to $51.25"
    money_or_share = number.unit in ("%", "USD", "JPY", "EUR", "GBP")
    if (money_or_share or re.match(r"\s+level\b", after)) and _MARKET.search(clause):
        return "market quote"
    return None


def suggest_statistics(text: str, published: PartialDate | None = None,
                       ) -> list[StatisticCandidate]:
    """Statistic candidates in ``text``, in reading order (see the module notes for the rules)."""
    candidates: list[StatisticCandidate] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        candidates.extend(_sentence_statistics(text, s_start, sentence, published))
    return candidates


# A cheap first look: no digit and no number word, no statistic.
_QUICK = re.compile(r"\d|\b(?:" + _FIRSTWORD + r"|a\s+dozen|dozens|scores|hundreds|thousands|"
                    r"millions|a\s+(?:hundred|thousand|million))\b", re.IGNORECASE)
_QUICK_PERIOD = re.compile(rf"\d|\b(?:{_MONTH_RE}|year|month)\b", re.IGNORECASE)


def _sentence_statistics(text: str, offset: int, sentence: str,
                         published: PartialDate | None) -> list[StatisticCandidate]:
    if not _QUICK.search(sentence):
        return []
    clauses = _clauses(sentence)

    def clause_span(pos: int) -> tuple[int, int]:
        for span in clauses:
            if span[0] <= pos < span[1]:
                return span
        return clauses[-1] if clauses else (0, len(sentence))

    kept: list[_Number] = []
    for number in _numbers(sentence):
        c_start, c_end = clause_span(number.core_start)
        if _why_not(sentence, number, sentence[c_start:c_end], c_start) is None:
            kept.append(number)
    if not kept:
        return []
    # Subjects and measures.
    previous_subject: str | None = None
    for index, number in enumerate(kept):
        c_start, c_end = clause_span(number.core_start)
        limit = kept[index + 1].start if index + 1 < len(kept) else len(sentence)
        span = _noun_phrase(sentence, number.end, limit) if number.kind != "vague" or \
            re.match(r"\s+of\b", sentence[number.end:]) else None
        if number.kind == "vague" and not re.match(r"\s+of\b", sentence[number.end:]):
            span = _noun_phrase(sentence, number.end, limit)
            if span and not _is_plural_noun(sentence[span[0]:span[1]].split()[-1]):
                span = None
        subject = _clean(sentence[span[0]:span[1]]) if span else None
        if subject and subject.lower() in ("others", "other", "more", "others'"):
            subject = previous_subject
        if subject and subject.split()[0].lower() in _MEASURE_NOUN_HEADS:
            number.measure = _measure_of(subject.split()[0])
            subject = None
            span = None
        number.subject_end = span[1] if span else number.end
        measure = _verb_after(sentence, number.subject_end, c_end) if number.measure is None \
            else number.measure
        if measure is None and re.search(r"\b(?:left|leaving|leave|leaves)\s*$",
                                         sentence[:number.start], re.IGNORECASE):
            state = re.match(r"(?:\s*,[^,;]*,)?\s*(dead|injured|wounded|homeless|missing|"
                             r"displaced|trapped)\b", sentence[number.subject_end:c_end],
                             re.IGNORECASE)
            if state:
                measure = _STATE_WORDS[state.group(1).lower()]
        if measure is None:
            measure = _verb_before(sentence, number.start)
            if measure == "killed" and subject and not re.search(
                    r"\blives\b", subject, re.I) and re.search(
                    r"\b(?:cost|claimed|claiming|took|taking)\s*$", sentence[:number.start]):
                measure = None
        if subject is None and span is None and measure in _CASUALTY and previous_subject:
            subject = previous_subject
        number.subject = subject
        number.measure = measure
        if subject:
            previous_subject = subject
    # Shared predicates: "23 Palestinians and three Israelis were killed".
    for index in range(len(kept) - 2, -1, -1):
        number, following = kept[index], kept[index + 1]
        gap = sentence[number.subject_end:following.start]
        if number.measure is None and re.fullmatch(r"\s*(?:and|or)\s*", gap):
            number.measure = following.measure
    for index in range(1, len(kept)):
        number, prior = kept[index], kept[index - 1]
        gap = sentence[prior.end:number.start]
        gap_after_subject = sentence[prior.subject_end:number.start]
        if number.measure is None and (
                re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap)
                or re.fullmatch(r"\s*(?:\w+\s*)?,?\s*(?:including|among\s+them|of\s+whom|"
                                r"of\s+them)\s*", gap_after_subject, re.IGNORECASE)):
            # "18 pct and 11.2 pct", "46 persons, including six US soldiers, dead"
            number.measure = prior.measure
            if number.subject is None:
                number.subject = prior.subject
        # "fell 18 pct to 4.13 mln tonnes ... compared with 5.04 mln": the unit carries on.
        if number.unit is None and number.subject is None and prior.unit is not None and \
                (prior.unit != "%" or (number.value or 0) <= 100) and \
                re.search(r"\b(?:compared\s+with|against|from|versus|vs\.?|to)\s*$",
                          sentence[:number.start], re.IGNORECASE):
            number.unit = prior.unit
            number.measure = number.measure or prior.measure
            number.subject = prior.subject
    _assign_claimants(sentence, kept)
    results: list[StatisticCandidate] = []
    for index, number in enumerate(kept):
        # The head noun: "employees" in "employees of a British security firm".
        head_part = re.split(r"\s+of\s+", number.subject)[0] if number.subject else None
        last_word = head_part.split()[-1] if head_part else None
        head = last_word.lower() if last_word else None
        if head in _MILITARY and number.measure not in _CASUALTY:
            number.measure = "deployed"
        if number.unit is None:
            person_subject = last_word is not None and ((_is_plural_noun(last_word) and (
                last_word.lower() in _PERSON_NOUNS or last_word[:1].isupper()))
                or last_word.lower().endswith("men"))  # congressmen, militiamen, gunmen
            casualty = number.measure in _CASUALTY and (head is None or head in _PERSON_NOUNS)
            if person_subject or casualty:
                number.unit = "people"
            elif head:
                number.unit = head
        listed = index > 0 and kept[index - 1].unit == "%" and \
            clause_span(kept[index - 1].core_start) == (c_start, c_end)
        if number.unit == "%" and number.measure is None and not (
                listed or re.match(r"\s+of\b", sentence[number.end:]) or head in _PERCENT_NOUNS
                or _PERCENT_CONTEXT.search(sentence[max(0, number.start - 50):number.start])):
            continue  # a percentage of nothing: "on a 100 percent basis"
        if number.unit is None and number.measure is None and number.subject is None:
            continue
        if number.unit is None and number.subject is None and _MARKET.search(
                sentence[c_start:c_end]):
            continue  # "Shares of ... were among the losers, falling 15"
        c_start, c_end = clause_span(number.core_start)
        window_end = kept[index + 1].start if index + 1 < len(kept) and \
            kept[index + 1].start < c_end else c_end
        if number.claim_span and not number.claim_span[0] < number.start:
            window_end = min(window_end, number.claim_span[0])
        window_end = max(window_end, number.end)
        window_start = kept[index - 1].end if index > 0 and kept[index - 1].end > c_start \
            else c_start
        # Windows are bounded so that a long list of figures costs linear time.
        after_window = sentence[number.end:min(window_end, number.end + _READ_AHEAD)]
        before_window = sentence[max(window_start, number.start - _READ_AHEAD):number.start]
        # Adjuncts at the end of a clause are shared: "69 killed and scores wounded ... in Iraq".
        clause_end = c_end
        if number.claim_span and number.start < number.claim_span[0] < c_end:
            clause_end = number.claim_span[0]
        rest_of_clause = sentence[window_end:max(window_end,
                                                 min(clause_end, window_end + _READ_AHEAD))]
        found = _find_period(after_window, published) or \
            _find_period(before_window, published) or _find_period(rest_of_clause, published)
        period: tuple[PartialDate | None, PartialDate | None] = found[1] if found else \
            (None, None)
        place = _guess_place(after_window) or _guess_place(before_window) or \
            _guess_place(rest_of_clause)
        q_start, q_end = c_start, c_end
        if number.claim_span:
            q_start = min(q_start, number.claim_span[0])
            q_end = max(q_end, number.claim_span[1])
        q_start, q_end = trimmed(sentence, q_start, q_end)
        while q_end > q_start and sentence[q_end - 1] in ",;":
            q_end -= 1
        start, end = offset + q_start, offset + q_end
        results.append(StatisticCandidate(
            start=start, end=end, quote=text[start:end], value=number.value, low=number.low,
            high=number.high, approximate=number.approximate, measure=number.measure,
            unit=number.unit, subject=number.subject, period_start=period[0],
            period_end=period[1], place=place, claimant=number.claimant))
    return results


_PERCENT_NOUNS = {"increase", "rise", "gain", "jump", "decline", "drop", "fall", "decrease", "cut",
                  "stake", "interest", "share", "holding", "majority", "turnout", "rate",
                  "growth", "reduction", "hike", "inflation", "unemployment", "support",
                  "approval", "vote", "votes", "discount", "premium", "return", "loss", "profit"}
# What a percentage may be a share of, or a verb of change or holding just before it.
_PERCENT_CONTEXT = re.compile(
    r"\b(?:rate|share|turnout|inflation|unemployment|factor|margin|growth|interest|stake|"
    r"capital|majority|support|approval|rose|risen|fell|fallen|grew|declined?|increased?|"
    r"jumped|dropped|climbed|slipped|gained|lost|was|were|holding|holds|owns|bought|sold|"
    r"acquired|controls?|by|to|from|at)\b(?:\s+[^\W\d_][\w'’-]*){0,2}\s*$", re.IGNORECASE)
_MEASURE_NOUN_HEADS = {"increase", "rise", "gain", "jump", "decline", "drop", "fall",
                       "decrease"}


def parse_quantity(phrase: str) -> Quantity:
    """Read a selected phrase ("5,816", "some 2,200", "more than 430", "between 10 and 20",
    "two dozen", "1.5 million", "$25 million") as value, bounds and approximate flag.

    Raises :class:`NotAQuantity` when the phrase holds no number."""
    if not isinstance(phrase, str):
        raise NotAQuantity(f"not text: {phrase!r}")
    text = re.sub(r"\s+", " ", phrase.strip())
    for number in _numbers(text):
        return Quantity(number.value, number.low, number.high, number.approximate, number.unit)
    raise NotAQuantity(f"no number in {phrase!r}")
