"""English words and word forms the statistic suggester reads by.

Number words and scales, the modifiers that make a bound or an approximation, units, what
happened to what is counted (verbs and state words), nouns of people, claim verbs and the words
around attributions, and the few rules of English morphology the suggester needs (is a word a
verb form, a plural noun). Kept together, apart from the rules that use them, so that another
language can become a module of its own behind the same names.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "mln": 1_000_000, "bln": 1_000_000_000,
          "bn": 1_000_000_000}  # fmt: skip
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    "several dozen": 24, "several hundred": 200, "several thousand": 2_000,
    "several million": 2_000_000, "a few dozen": 24, "a few hundred": 200,
    "a few thousand": 2_000, "a few million": 2_000_000,
}  # fmt: skip

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_NUMWORD = "|".join(sorted([*UNITS, "hundred", "thousand", "million", "billion", "dozen"],
                           key=len, reverse=True))
FIRSTWORD = "|".join(sorted(UNITS, key=len, reverse=True))
SPELLED = (rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million|billion)|(?:{FIRSTWORD}))"
           rf"(?:(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|[\s-])(?:{_NUMWORD})\b)*")

SCALE_RE = r"(?:million|mln|billion|bln|bn|trillion|thousand)"
VAGUE_RE = ("(?:(?:tens|hundreds)\\s+of\\s+thousands|(?:several|a\\s+few)\\s+(?:dozen|hundred|"
            "thousand|million)|dozens|scores|hundreds|thousands|millions)")

# Longest first so that "more than" wins over "more".
MODIFIERS = {
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

UNIT_AFTER = re.compile(
    r"\s*(?P<u>%|pct\b|percent\b|per\s+cent\b|percentage\s+points?\b|dlrs\b|dollars?\b|"
    r"(?:US|U\.S\.|American)\s+dollars?\b|"
    r"yen\b|euros?\b|stg\b|sterling\b|pounds\s+sterling\b|rupees\b|roubles\b|rubles\b|"
    r"marks\b|francs\b|lire\b|pesos\b|yuan\b|shekels\b|dinars\b|riyals\b|rand\b|"
    r"tonnes\b|tons\b|tones\b|barrels\b|bushels\b|ounces\b|kg\b|kilograms?\b|acres\b|"
    r"hectares\b)", re.IGNORECASE)
UNIT_NAMES = {"us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
              "us dollar": "USD", "%": "%", "pct": "%", "percent": "%", "per cent": "%", "dlrs": "USD",
              "dollars": "USD", "dollar": "USD", "yen": "JPY", "euros": "EUR", "euro": "EUR",
              "stg": "GBP", "sterling": "GBP", "pounds sterling": "GBP", "tons": "tonnes",
              "marks": "DEM", "francs": "FRF", "lire": "ITL", "pesos": "MXN", "yuan": "CNY",
              "roubles": "RUB", "rubles": "RUB", "rupees": "INR", "shekels": "ILS",
              "tones": "tonnes", "kilograms": "kg", "kilogram": "kg"}  # fmt: skip
NOT_A_COUNT_AFTER = re.compile(
    r"\s*-?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|"
    r"century|km|kms|kilomet(?:er|re)s?|miles?|feet|foot|ft|met(?:er|re)s?|yards?|inches|"
    r"cm|mm|degrees?|points?|a\.m\.|p\.m\.|am\b|pm\b|gmt\b|o'clock|times\b|fold\b|th\b|st\b|"
    r"nd\b|rd\b)(?:\b|(?<=\.))", re.IGNORECASE)
MARKET = re.compile(
    r"\b(?:shares?|stocks?|stock\s+(?:index|market|exchange)|share\s+index|nikkei|dow|nasdaq|"
    r"ftse|dax|hang\s+seng|s&p|bonds?|yields?|futures|exchange\s+rate|per\s+share|a\s+share|"
    r"price\s+range)\b", re.IGNORECASE)
REFERENCE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:the|these|those|its|their|his|her|our|your|my|all|each|every|any|which|"
    r"no|of\s+the)\s*$", re.IGNORECASE)

AUX = {"were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "also",
       "reportedly", "already", "now", "all", "allegedly", "later", "then", "still",
       "will", "would", "could", "may", "might", "can", "should", "must", "not", "either",
       "both", "apparently", "subsequently", "since", "so", "far"}  # fmt: skip
HEARSAY = {"reported", "said", "believed", "thought", "feared", "estimated", "known",
           "presumed", "confirmed", "understood"}  # fmt: skip
STATE_WORDS = {"dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
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
CASUALTY = {"killed", "wounded", "arrested", "taken hostage", "displaced", "missing",
            "deployed", "charged", "acquitted", "convicted", "sentenced", "released",
            "rescued", "captured", "surrendered", "joined", "gone to fight", "trapped",
            "confined"}  # fmt: skip
MILITARY = {"troops", "soldiers", "forces", "peacekeepers", "marines", "servicemen",
            "personnel", "police", "policemen", "officers", "guards", "contingent"}
PERSON_NOUNS = {
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
NP_STOP = {
    "in", "on", "at", "from", "to", "by", "for", "with", "during", "since", "after",
    "before", "into", "onto", "near", "across", "over", "under", "through", "throughout",
    "against", "between", "among", "amid", "as", "when", "while", "where", "who", "whom",
    "whose", "which", "that", "than", "and", "or", "but", "if", "because", "so", "yet",
    "the", "a", "an", "this", "these", "those", "their", "its", "his", "her", "our",
    "it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "there", "here",
    "including", "mostly", "mainly", "most", "some", "about", "around", "each", "per",
    "alone", "more", "less", "almost", "nearly", "only", "also", "both", "all", "quot", "amp",
    "not", "no", "up", "down", "out", "off", "last", "next", "ago", "earlier", "later",
    "yesterday", "today", "tonight", "overnight", "respectively", "apiece", *AUX, *HEARSAY,
}  # fmt: skip
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "these",
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
PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "who", "which", "that", "this",
            "there", "one", "some", "others", "many", "most"}

_CLAIM_VERBS = (r"said|says|say|reported|reports|report|estimated|estimates|estimate|"
                r"claimed|claims|claim|believes|believe|told|announced|announces|stated|"
                r"states|confirmed|confirms|added|adds|counted|counts|recorded|records|"
                r"calculated|calculates|put\s+the\s+(?:death\s+)?toll\s+at|puts\s+the\s+"
                r"(?:death\s+)?toll\s+at|wrote|writes")
CLAIM_VERB_RE = re.compile(rf"\b(?:{_CLAIM_VERBS})\b", re.IGNORECASE)
# Words that may follow a claim verb before the attribution ends ("said here on Wednesday",
# "reported Friday", "said on its Web site", "said earlier in Paris").
TAIL_WORDS = {
    "here", "there", "late", "early", "earlier", "later", "again", "also", "on", "in", "at",
    "from", "a", "an", "statement", "interview", "yesterday", "today", "tonight", "last", "this",
    "week", "month", "year", "night", "morning", "afternoon", "evening", "the", "told",
    "reporters", "journalists", "news", "conference", "briefing", "its", "their", "his", "her",
    "web", "site", "website", "report", "television", "radio", "twitter", "official", "state",
    "press", "release", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "monday's", "friday's", *MONTHS,
}  # fmt: skip

TIME_TAIL = re.compile(rf"\s+(?:(?:last|this)\s+(?:week|month|year|night)|(?:on\s+)?"
                       rf"{WEEKDAY_RE}|yesterday|today|earlier|late|also|here|there)$",
                       re.IGNORECASE)
ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
DESCRIPTORS = {"site", "website", "web", "newspaper", "daily", "weekly", "official", "news",
               "agency", "network", "channel", "television", "tv", "radio", "station",
               "broadcaster", "magazine", "state-run", "state", "semi-official",
               "independent", "online", "outlet", "portal", "paper", "wire", "service",
               "monitor", "monitoring", "group", "ngo", "blog", "pan-arab", "satellite",
               "leading", "local", "respected", "human", "rights", "watchdog"}  # fmt: skip


def is_verbish(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_VERBS or lower in AUX:
        return True
    return len(lower) > 4 and (lower.endswith("ed") or lower.endswith("ing")) and \
        not word[:1].isupper()


def measure_of(word: str) -> str | None:
    lower = word.lower()
    for stem, measure in _MEASURE_STEMS:
        if lower.startswith(stem) or (" " in stem and lower == stem):
            return measure
    return None


def is_plural_noun(word: str) -> bool:
    """A lower-case plural noun or a capitalised demonym plural ("Palestinians", "Lebanese")."""
    lower = word.lower()
    if lower in PERSON_NOUNS:
        return True
    if word[:1].isupper():
        return bool(re.search(r"(?:ans|ians|is|ese|ites|ers|ks|ts|ns|rs|ds|es|os)$", word))
    return lower.endswith("s") and not lower.endswith("ss") and not is_verbish(word)


PERCENT_NOUNS = {"increase", "rise", "gain", "jump", "decline", "drop", "fall", "decrease", "cut",
                 "stake", "interest", "share", "holding", "majority", "turnout", "rate",
                 "growth", "reduction", "hike", "inflation", "unemployment", "support",
                 "approval", "vote", "votes", "discount", "premium", "return", "loss", "profit"}
# What a percentage may be a share of, or a verb of change or holding just before it.
PERCENT_CONTEXT = re.compile(
    r"\b(?:rate|share|turnout|inflation|unemployment|factor|margin|growth|interest|stake|"
    r"capital|majority|support|approval|rose|risen|fell|fallen|grew|declined?|increased?|"
    r"jumped|dropped|climbed|slipped|gained|lost|was|were|holding|holds|owns|bought|sold|"
    r"acquired|controls?|by|to|from|at)\b(?:\s+[^\W\d_][\w'’-]*){0,2}\s*$", re.IGNORECASE)
MEASURE_NOUN_HEADS = {"increase", "rise", "gain", "jump", "decline", "drop", "fall",
                      "decrease"}
