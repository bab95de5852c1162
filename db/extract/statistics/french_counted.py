"""What a French figure counts: the unit ("%", a currency, "people") and the noun phrase after
it, read for :mod:`db.extract.statistics.french` (the rules are described there)."""

from __future__ import annotations

import re

from db.extract.statistics.french_numbers import FUNCTION_WORDS, FrenchNumber
from db.extract.statistics.phrase import whole_words

_MONEY = [(r"euros?|€|EUR", "EUR"), (r"dollars?\s+canadiens|\$\s*CA|CAD", "CAD"),
          (r"dollars?|\$|USD", "USD"), (r"francs?\s+guin[ée]ens|GNF", "GNF"),
          (r"francs?\s+CFA|FCFA|XOF", "XOF"), (r"francs?\s+suisses|CHF", "CHF"),
          (r"livres?\s+sterling|£|GBP", "GBP"), (r"roubles?|RUB", "RUB"), (r"yuans?|CNY", "CNY"),
          (r"yens?|JPY", "JPY"), (r"dinars?", "DZD"), (r"dirhams?", "MAD"), (r"hryvnias?", "UAH")]


_MONEY_AFTER = re.compile(r"^[\s\u00a0\u202f]*(?:de\s+|d['’])?(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _c) in enumerate(_MONEY))
                          + r")(?![\w])")


_PERCENT_AFTER = re.compile(r"^[\s\u00a0\u202f]*(?:%|pour\s*cent|pourcent)", re.IGNORECASE)


#: the nouns that name people
PEOPLE = frozenset({
    "personne", "personnes", "gens", "morts", "mort", "tués", "blessés", "blessé", "victimes",
    "victime", "civils", "enfants", "femmes", "hommes", "soldats", "militaires", "policiers",
    "gendarmes", "combattants", "militants", "rebelles", "insurgés", "djihadistes", "jihadistes",
    "terroristes", "otages", "détenus", "prisonniers", "réfugiés", "migrants", "déplacés",
    "habitants", "manifestants", "élèves", "étudiants", "passagers", "salariés", "employés",
    "travailleurs", "fidèles", "journalistes", "médecins", "patients", "électeurs", "membres",
    "agents", "pompiers", "sapeurs-pompiers", "athlètes", "juges", "députés", "sénateurs",
    "personnels", "disparus", "suspects", "individus", "ressortissants", "citoyens", "adultes",
    "mineurs", "bébés", "nourrissons", "chômeurs", "ouvriers", "fonctionnaires", "enseignants",
    "professeurs", "infirmiers", "infirmières", "volontaires", "bénévoles", "miliciens", "jeunes",
    "garçons", "filles", "familles", "résidents", "opposants", "partisans", "candidats", "élus",
    "maires", "ministres", "officiers", "gardes", "observateurs", "experts", "chercheurs",
    "auteurs", "artistes", "joueurs", "spectateurs", "visiteurs", "touristes", "clients", "usagers",
    "abonnés", "lecteurs", "adhérents", "syndiqués", "grévistes", "participants", "protestataires",
    "assaillants", "agresseurs", "secouristes", "sauveteurs", "pèlerins", "supporters"
})  # fmt: skip


#: people said to be a number: "les manifestants étaient", "ils sont encore plus de"
_PEOPLE_WERE = re.compile(
    r"(?:^|[\s,;:])(?P<who>[^\W\d_][\w-]*)\s+(?:n['’])?(?:étaient|sont|seront|furent|seraient|ont\s+été|"
    r"avaient\s+été)\s*(?:,\s*(?:selon|d['’]apr[èe]s)\s+[^,;:.]{1,40},\s*)?"  # "ils étaient, selon elle, trois"
    r"(?:encore\s+|toujours\s+|déjà\s+|ainsi\s+|probablement\s+|sans\s+doute\s+|peut-être\s+|seulement\s+|"
    r"en\s+tout\s+|au\s+total\s+)?(?:plus\s+de\s+|près\s+de\s+|moins\s+de\s+|"
    r"environ\s+|quelque\s+|au\s+moins\s+|entre\s+|pas\s+moins\s+de\s+)?$", re.IGNORECASE)


def counted(sentence: str, number: FrenchNumber) -> tuple[str | None, str | None]:
    """(subject, unit) from the words after the number; sets ``number.counted_end``."""
    after = sentence[number.end:number.end + 80]
    if _PERCENT_AFTER.match(after):
        number.counted_end = number.end + _PERCENT_AFTER.match(after).end()  # type: ignore[union-attr]
        return None, "%"
    money = _MONEY_AFTER.match(after)
    if money:
        number.counted_end = number.end + money.end()
        return None, next(code for i, (_p, code) in enumerate(_MONEY) if money.group(f"m{i}"))
    symbol = re.search(r"([$€£])\s*$", sentence[max(0, number.start - 3):number.start])
    if symbol:
        return None, {"$": "USD", "€": "EUR", "£": "GBP"}[symbol.group(1)]
    if re.match(r"^[\s\u00a0\u202f]+[àa]\s+(?:s['’]|se\s+)?[^\W\d_]+(?:er|ir|re|oir)\b", after) and re.search(
            r"\b(?:étaient|sont|seront|étions|sommes|furent|seraient|serons|étaient\s+encore)\s+"
            r"(?:(?:maintenant|désormais|encore|toujours|déjà|aujourd['’]hui|seulement)\s+)?(?:[«\"“]\s*)?(?:qu(?:e\s*|['’])"
            r"(?:[»\"”]\s*)?)?(?:plus\s+de\s+|pr[èe]s\s+de\s+|moins\s+de\s+|environ\s+|quelque\s+|au\s+moins\s+)?$",
            sentence[max(0, number.start - 40):number.start], re.IGNORECASE):
        return None, "people"  # "ils étaient 282 000 à manifester"
    if re.match(r"^[\s\u00a0\u202f]+d['’]entre[\s\u00a0]+(?:eux|elles|nous|vous)\b", after, re.IGNORECASE):
        return None, "people"  # "deux d'entre eux sont en détention": a part of the people spoken of
    were = _PEOPLE_WERE.search(sentence[max(0, number.start - 60):number.start])
    if were and re.match(r"^[\s\u00a0\u202f]*(?:$|[,.;)]|(?:[àa]|au|aux|en|dans|selon|d['’]apr[èe]s|sur|devant|chez|pr[èe]s|autour|"
                                r"vers|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mais)\b)", after) \
            and (were.group("who").lower() in PEOPLE or were.group("who").lower() in ("ils", "elles")):
        # "les manifestants étaient 12 500 à Paris", "ils étaient plusieurs milliers selon la police"
        return (None if were.group("who").lower() in ("ils", "elles") else were.group("who")), "people"
    # "une vingtaine de pompiers", "24 milliards de tonnes de terres", "des dizaines de localités"
    lead = re.match(r"^[\s\u00a0\u202f]*(?:de\s+|d['’])", after)
    if lead and (number.kind in ("vague", "approx") or re.search(
            r"(?:millions?|milliards?|mille)\s*$", sentence[number.start:number.end])):
        position = number.end + lead.end()
    elif re.match(r"^[\s\u00a0\u202f]+(?:[«\"“][\s\u00a0\u202f]*)?[^\W\d_]", after):  # 1.500 "gilets jaunes"
        position = number.end
    else:
        return None, None
    other = re.match(r"[\s\u00a0\u202f]*autres(?=[\s\u00a0\u202f]+(?:[«\"“][\s\u00a0\u202f]*)?[^\W\d_])", sentence[position:])
    if other:  # "deux autres juges", "des centaines d'autres espèces", "une vingtaine d'autres «gilets jaunes»"
        position += other.end()
    words: list[str] = []
    for match in whole_words(sentence, position, min(len(sentence), position + 60)):
        gap = sentence[position:match.start()] if not words else sentence[number.counted_end:match.start()]
        if re.search(r"[^\s\u00a0\u202f]", gap) and not (not words and re.fullmatch(r"\s*[«\"“]\s*", gap)):
            break
        word = match.group(0)
        lower = word.lower()
        if lower in FUNCTION_WORDS or lower.startswith(("d'", "d’", "l'", "l’", "qu'", "qu’", "n'", "s'")):
            break
        if not words and number.value is not None and number.value >= 2 and not word[:1].isupper() and \
                re.search(r"[^\W\d_]{2,}(?:ent|aient|ront|raient)$", lower):
            break  # "Deux relayent les sauveteurs", "dont 12 gravement": a verb or an adverb, the noun left out
        if words and (re.search(r"(?:ée?s?|ent|ait|aient)$", lower) and lower not in PEOPLE
                      and not lower.endswith("ment")) and len(words) >= 1:
            break  # "actes antisémites recensés": the participle is the measure
        words.append(word)
        number.counted_end = match.end()
        if len(words) == 3:
            break
    if not words:
        return None, None
    head = words[0].lower()
    if head in ("tonnes", "tonne", "t"):
        return _rest(words), "tonne"
    people = head in PEOPLE or (words[0][:1].isupper() and head.endswith("s") and number.kind != "digits")
    return " ".join(words), "people" if people else head


def _rest(words: list[str]) -> str | None:
    return " ".join(words[1:]) or None


CURRENCIES = frozenset(code for _p, code in _MONEY)
