"""Who claims a French sentence's figures as the subject of a verb: "X a annoncé que …", a body that
counts or announces the figure itself ("la préfecture recense 8 000 manifestants"), who forecasts or
reports what an event caused, "la préfecture, qui a comptabilisé …", read for
:mod:`db.extract.statistics.french_claimants` (the rules are described with French's in
:mod:`db.extract.statistics.french`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from db.extract.statistics.french_claimant_names import apposed_name, clean_claimant
from db.extract.statistics.french_numbers import FrenchNumber
from db.extract.statistics.french_said import (
    BY_THE_WAY,
    CLAIM_VERB,
    JUDGED_THAT,
    SAID_WHEN_TO_WHOM,
    SPEAKERS,
    sentence_end,
)

_SUBJECT_CLAIM = re.compile(
    r"(?:^|[.;:,]\s+)(?P<who>[^,;:!?«»\"]{2,90}?),?\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + BY_THE_WAY +
    r")?(?:" +
    CLAIM_VERB + r"|montr(?:e|ent|ait|aient|é)|" + JUDGED_THAT + r")" + SAID_WHEN_TO_WHOM +
    r"\s*(?:[–—]\s*[^–—«»]{1,40}[–—]\s*)?(?:que\b|qu['’]|:|[«“](?=[^«»“”]*[»”])|(?=(?:avoir|être)\b))")


#: a body that announces or counts the figure itself: "le ministère a annoncé 317 interpellations",
#: "la préfecture recense 8 000 manifestants", "l'ONG estime à 1 500 le nombre de morts", what it
#: announces by its size ("Fnac Darty annonce une perte de 45 millions d'euros")
_SUBJECT_COUNTS = re.compile(
    r"(?:^|[.;:,]\s+)(?P<who>[^,;:!?«»\"]{2,90}?),?\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + BY_THE_WAY +
    r")?(?:annonc(?:e|ent|é|ait|aient)|revendiqu(?:e|ent|é|ait|aient)|recens(?:e|ent|é|ait|aient)|d[ée]nombr(?:e|ent|é|ait|aient)|"
    r"comptabilis(?:e|ent|é|ait|aient)|(?:fai(?:t|sait|saient)|font)\s+[ée]tat\s+d['’e]\s*|signal(?:e|ent|é)|"
    r"reconn(?:u|a[iî]t|aissent|aissait|aissaient)|(?P<demand>r[ée]clam(?:e|ent|é|ait|aient)|"
    r"exig(?:e|ent|é|eait|eaient)|demand(?:e|ent|é|ait|aient))|"
    r"estim(?:e|ent|é|ait|aient)\s+[àa]|[ée]valu(?:e|ent|é|ait|aient)\s+[àa])\s*"
    r"(?:,\s*(?:en|pour|sur|au\s+cours\s+de)\s+(?:l['’]ann[ée]e\s+)?\d{4}\s*,\s*)?"
    r"(?:(?:en\s+moyenne|au\s+total|en\s+tout|officiellement)\s+)?"  # "a recensé en moyenne 3,676 millions"
    r"(?:(?:une?|des)\s+(?:[^\W\d_][\w'’-]*\s+){1,3}?(?:de\s+|d['’]\s*))?"  # "annonce une perte de chiffre de 45 millions"
    r"(?=(?:au\s+moins|plus\s+d|pr[èe]s\s+d|environ|quelque|jusqu|une?\s+(?:dizaine|vingtaine|trentaine|"
    r"quarantaine|cinquantaine|centaine|millier)|des\s+(?:dizaines|centaines|milliers)|plusieurs|\d|"
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cent|mille)\b))",
    re.IGNORECASE)


#: who forecasts the figure: "tabler sur", "miser sur", "anticiper", "s'attendre à", and who
#: revises its forecast: "abaisse ses perspectives de croissance à 1,4 %"
_FORECAST = (r"(?:tabl(?:e|ent|ait|aient|é)\s+sur|mis(?:e|ent|ait|aient|é)\s+sur|anticip(?:e|ent|ait|aient|é)|"
             r"s['’]attend(?:ent|ait|aient)?\s+[àa]|(?:abaiss|rel[èe]v|rehauss|r[ée]vis|ram[èe]n|maint(?:ien|en))\w*\s+"
             r"(?:sa|ses|son|leur|leurs)\s+(?:pr[ée]visions?|perspectives?|estimations?|objectifs?|projections?))")


_SUBJECT_FORECASTS = re.compile(
    r"(?:^|[.;:,]\s+)(?P<who>[^,;:!?«»\"]{2,90}?)\s+(?:(?:a|ont|avait|avaient)\s+" + BY_THE_WAY + r")?" + _FORECAST +
    r"\b")


#: a body that reports an event by what it caused: "le ministère a déploré des violences qui ont
#: fait 552 blessés", "la préfecture a signalé un accident ayant causé trois morts"
_SUBJECT_REPORTS = re.compile(
    r"(?:^|[.;:,]\s+|\.(?=[A-ZÀ-Ý]))(?P<who>[^,;:!?.«»\"]{2,90}?)\s+(?:(?:a|ont|avait|avaient)\s+" + BY_THE_WAY +
    r")?(?:d[ée]plor|annonc|signal|[ée]voqu|d[ée]nonc|rapport|confirm|fait\s+[ée]tat\s+d)\w*\s+(?:de\s+|d['’])?"
    r"(?:des|un|une|la|le|les|l['’])\s*[^,;:.!?«»\"\d]{1,60}?\s+(?:qui|ayant)\s+(?:(?:a|ont|avait|avaient|aurait|"
    r"auraient)\s+)?(?:fait|caus[ée]|co[ûu]t[ée]|tu[ée]|bless[ée])", re.IGNORECASE)


#: "la préfecture, qui a comptabilisé …"; without a comma, only after a name, an office or a body
#: ("… par le ministère de l'Intérieur qui a fait état dimanche de 2.000 personnes …")
_WHO_CLAIMS = re.compile(
    r"(?P<who>\b[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}|"
    r"\b(?:[Ll]a|[Ll]e|[Ll]es|[Ll]['’])\s*[^\W\d_][\w'’-]*(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)[^\W\d_][\w'’-]*)?)"
    r"(?P<comma>,)?\s+qui\s+"
    r"(?:(?:a|avait)\s+" + BY_THE_WAY + r")?(?:" + CLAIM_VERB + r"|fait\s+[ée]tat|" + _FORECAST + r")\b")


#: a person's name opening the sentence or a clause, before an apposition: "Adnane Afrine, un porte-parole …, estime"
_NAME_BEFORE = re.compile(r"(?:^|[.;:,]\s+)(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3})\s*$")


def subject_claims(sentence: str, numbers: list[FrenchNumber],
                   claim: Callable[[FrenchNumber, str, tuple[int, int]], None]) -> None:
    """Give the figures after a verb of saying, counting, forecasting or reporting to its subject
    ("X a annoncé que …", "la préfecture recense …", "la Banque de France, qui table sur …"), through
    ``claim``, which keeps a figure's first claimant."""
    for pattern in (_SUBJECT_CLAIM, _SUBJECT_COUNTS, _SUBJECT_FORECASTS, _SUBJECT_REPORTS, _WHO_CLAIMS):
        for match in pattern.finditer(sentence):
            who = clean_claimant(re.sub(r"\s+qui$", "", match.group("who")))  # "Les habitants qui ont fait état de"
            if who is not None and match.group(0)[:1] == "," and not re.match(
                    r"(?:[A-ZÀ-Ý]|(?:le|la|les|l['’]|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs)\b)", who):
                continue  # ", et a ainsi déclaré que": after a comma, a subject opens with its article or name
            named = _NAME_BEFORE.search(sentence, 0, match.start()) if match.group(0)[:1] == "," else None
            if named and who is not None and re.match(r"(?:une?|le|la|l['’])\s*[a-zé]", who) and \
                    re.match(r",\s*$", sentence[match.end("who"):match.end("who") + 2]):
                who = named.group("name")  # "Adnane Afrine, un porte-parole des FDS, estime à": the person
            if pattern is _WHO_CLAIMS and who is not None:
                head = re.sub(r"^(?:[Ll]es?|[Ll]a|[Ll]['’])\s*", "", who).split()[0]
                if not match.group("comma") and ((not head[:1].isupper() and head.lower() not in SPEAKERS) or re.search(
                        r"\b(?:de|du|des|d['’])\s*$", sentence[:match.start("who")], re.IGNORECASE)):
                    continue  # "les manifestants qui affirment …", "du président des États-Unis qui affirme"
                who = apposed_name(sentence[:match.start("who")]) or who  # "X, économiste chez Y, qui anticipe"
            if who is not None and pattern is not _WHO_CLAIMS:
                # "L'Italie a annoncé mi-janvier avoir recensé 30 personnes": who is before the first verb
                who = re.sub(r"\s+(?:a|ont|avait|avaient|aurait|auraient)\s+\S+(?:\s+\S+){0,2}\s+(?:avoir|être)$", "",
                             who)
            if who is None or (pattern is not _WHO_CLAIMS and re.search(
                    r"\b(?:est|sont|été|était|étaient|sera|seront|serait|seraient|être)(?:\s+\w+ment)?$", who, re.IGNORECASE)):
                continue  # "les dégâts sont estimés à", "sur la pancarte était écrit :": a passive names no one
            after = [n for n in numbers if match.end() <= n.start < sentence_end(sentence, match.end())]
            if pattern is _SUBJECT_COUNTS and match.group("demand"):
                after = after[:1]  # "le syndicat réclame 7,5 % … pour les quelque 160 000 cheminots": what it asks
            for number in after:
                claim(number, who, match.span("who"))
