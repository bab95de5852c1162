"""What a byline's words are: a person's name or an organisation's, its particles and roles,
several names listed ("Jane Doe and John Roe" -> "Jane Doe, John Roe"), the surname first read
forename first, an affiliation after the name cut. :mod:`db.ingest.byline` decides which byline
of a page names its writer; this module only reads the words of one.
"""

from __future__ import annotations

import re

#: a byline's name has at most this many words and characters: more is a sentence
MAX_WORDS = 10
MAX_CHARS = 100

#: news agencies, whose name on a story says where it came from, not who wrote it
_AGENCIES = frozenset(
    ["afp", "agence france-presse", "agence france presse", "reuters", "thomson reuters", "ap",
     "associated press", "the associated press", "dpa", "deutsche presse-agentur", "efe",
     "ansa", "xinhua", "tass", "itar-tass", "ria novosti", "ria", "interfax", "ukrinform",
     "unian", "anadolu", "anadolu agency", "aa", "upi", "pa", "press association", "pa media",
     "bloomberg", "kyodo", "yonhap", "apa", "belga", "anp", "sda", "ats", "europa press",
     "lusa", "pap", "ctk", "čtk", "mti", "agencies", "wire services", "news agencies"]
)


#: words that make a byline an organisation's name ("Organization for Transformative Works",
#: "Example Media Group", "Stiftung Beispiel"): the outlet or publisher, kept aside as an agency is
_ORGANISATION = re.compile(
    r"\b(?:organi[sz]ations?|foundation|association|institute|institution|university|council|"
    r"committee|commission|ministry|department|agency|society|federation|coalition|network|"
    r"group|project|team|desk|newsroom|staff|media|news|press|publishing|publications|magazine|"
    # the newsroom as a whole ("Redaktion", "IN-Redaktion", "La Rédaction", "The Editors")
    r"editors|editorial|redaktion|r[ée]daction|redazione|redacci[oó]n|reda[cç][aã]o|redactie|"
    r"redakcja|редакция|редакція|"
    r"inc|ltd|llc|plc|gmbh|corp|corporation|company|s\.a|e\.v|"
    r"stiftung|verein|verband|institut|fondation|fundaci[oó]n|funda[cç][aã]o|asociaci[oó]n|"
    r"associa[cç][aã]o|organizaci[oó]n|organiza[cç][aã]o|agence|agenzia|agencia|"
    r"фонд|агентство|организация|общество|союз)\b\.?",
    re.IGNORECASE,
)


#: a byline's part after the name that says what the writer is or where from, not who
_ROLE = re.compile(
    r"^(?:(?:senior|chief|special|contributing|foreign|political|staff|guest|freelance)\s+)*"
    r"(?:writer|reporter|correspondent|contributor|editor|columnist|journalist|staff|"
    r"special\s+to\b.*|for\s+.+|in\s+.+|correspondant|rédacteur|redakteur|korrespondent|"
    r"corresponsal|redactor|корреспондент)$",
    re.IGNORECASE,
)


#: "and" between two names of a byline ("Jane Doe and John Roe", "Anna Roe und Lea Doe")
_JOINED = re.compile(r"(.+?)\s+(?:and|und|og|och|et|y|e|en|i|ja|és|и|і|та|&)\s+(.+)")


#: words a name may have in lower case: particles of a surname ("van der", "de la", "bin"), the
#: "and" between two names
_PARTICLES = frozenset(
    ["van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la",
     "le", "les", "ter", "ten", "zu", "zum", "bin", "ibn", "al", "el", "y", "e", "i", "and", "und", "et",
     "en", "og", "och", "ja", "és", "dan", "na"]
)
#: a byline with this many other words in lower case is a sentence
SENTENCE_WORDS = 3


#: a particle joined to a capitalised name ("al-Hassan", "d'Estaing", "ben-Ami")
_JOINED_PARTICLE = re.compile(r"^[^\W\d]{1,3}[-'’][^\W\d]")


def _is_lower_word(word: str) -> bool:
    """A word in lower case that is no particle of a name ("van", "de la", "al-Hassan")."""
    return (
        word[0].islower() and "." not in word and word.casefold() not in _PARTICLES
        and not (_JOINED_PARTICLE.match(word) and any(c.isupper() for c in word))
    )


def lower_case_end(name: str) -> bool:
    """Whether a byline's one word in lower case (no particle of a name) begins or ends it,
    beside capitalised words: a verb or a pronoun beside a name ("Art Edwards says", a
    comment's; "Peter Roe designed", a theme's credit; "deinen Bloggern"), no name."""
    words = name.split()
    lower = [word for word in words if _is_lower_word(word)]
    return len(words) > 1 and len(lower) == 1 and lower[0] in (words[0], words[-1])


def lower_case_words(name: str) -> int:
    """How many words of a cased script begin in lower case and are no particle of a name."""
    return sum(1 for word in name.split() if _is_lower_word(word))  # (an address's "example.org" is no word)


#: a role word written after the name without a comma ("신현주 기자", "山田太郎記者"): the reporter
ROLE_AFTER = re.compile(r"(?<=\S)\s*(?:기자|특파원|記者|特派員)$")
#: "Doe, Jane" (a citation's or a catalogue's order): the surname, a comma, the forename(s)
_SURNAME_FIRST = re.compile(r"([^\W\d][^\W\d'’-]*(?:[-'’][^\W\d]+)?),\s+([^\W\d][^\W\d]*(?:\s+[^\W\d]\.)?)")


def forename_first(name: str) -> str:
    """ "Gillman, Steve" -> "Steve Gillman": a surname and a forename, each one capitalised
    word, read in the order a byline shows them; two names or an agency ("AFP, Manila")
    stay."""
    match = _SURNAME_FIRST.fullmatch(name)
    if match is None:
        return name
    surname, forename = match.groups()
    words = (surname, forename.split()[0])
    capitalised = all(w[0].isupper() and any(c.islower() for c in w[1:]) for w in words)
    if not capitalised or is_organisation(surname) or is_organisation(forename):
        return name
    return f"{forename} {surname}"


def name_before_description(name: str) -> str:
    """ "Jane Doe, professor at the Faculty of Human Studies of Example University, example.org":
    a name, then more words than a byline's about who she is, reads as the name."""
    head, comma, _ = name.partition(",")
    if not comma or (len(name) <= MAX_CHARS and len(name.split()) <= MAX_WORDS):
        return name
    words = head.split()
    return head if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) else name


def listed(name: str) -> str:
    """ "Jane Doe and John Roe" -> "Jane Doe, John Roe": two people as a list of names is written
    (JSON-LD's are joined so); an "and" inside an organisation's name ("Procter and Gamble",
    "Ernst & Young": single words) stays."""
    match = _JOINED.fullmatch(name)
    if match is None:
        return name
    before, after = match.group(1).split(",")[-1].split(), match.group(2).split(",")[0].split()
    if all(2 <= len(words) <= 4 and all(w[0].isupper() for w in words) for words in (before, after)):
        return f"{match.group(1)}, {match.group(2)}"
    return name


#: a one-word place after a person's name ("Jane Doe, Berlin"), not a name's suffix
_PLACE_AFTER = re.compile(r"^((?:[^\W\d_][\w'’-]*\s+){1,3}[^\W\d_][\w'’-]*),\s+([^\W\d_][^\W\d_'’-]+)$")
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def without_place(name: str) -> str:
    """ "Jane Doe, Berlin" -> "Jane Doe": a capitalised name of two to four words, then a comma
    and one capitalised word (the writer's town: a second person has a forename too)."""
    match = _PLACE_AFTER.fullmatch(name)
    if match is None:
        return name
    head, tail = match.groups()
    capitalised = all(w[0].isupper() for w in head.split() if w.casefold() not in _PARTICLES)
    if not capitalised or not (tail[0].isupper() and tail[1:].islower()) or tail.casefold() in _SUFFIXES:
        return name
    return head


def without_affiliation(name: str) -> str:
    """ "Jane Doe, Reuters" -> "Jane Doe", "Jane Doe (AFP)", "Jane Doe, Staff Writer", "Jane Doe /
    Example News Group": the agency, the role or the organisation after a person's name cut."""
    while True:
        match = re.match(r"^(.*\w.*?)\s*(?:,|/|\(|\s[-–—]\s)\s*([^,/()]+?)\s*\)?$", name)
        if match is None:
            return name
        head, tail = match.group(1).strip(), match.group(2).strip()
        if not (is_agency(tail) or _ROLE.match(tail) or is_organisation(tail)) or is_agency(head):
            return name
        name = head


def is_organisation(name: str) -> bool:
    """Whether a byline is an organisation's name (an agency's, a foundation's, "X Media Group")."""
    return is_agency(name) or bool(_ORGANISATION.search(name))


def is_agency(name: str) -> bool:
    """Whether every name in a byline ("AFP", "Reuters and AP") is a news agency's."""
    parts = re.split(r"\s*(?:,|/|&|\band\b|\bet\b|\bund\b|\by\b|\bи\b)\s*", name.casefold())
    return all(part.strip(" .") in _AGENCIES for part in parts if part.strip())
