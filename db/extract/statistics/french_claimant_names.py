"""What a French claimant is called: the words that say who claims a figure, cleaned of what is
not its name (when and where it was said, what the figure is of, a title before a person's name,
a pronoun). The rules that find those words are :mod:`db.extract.statistics.french_claimants`.
"""

from __future__ import annotations

import re

_PRONOUNS = {"il", "elle", "ils", "elles", "on", "nous", "je", "vous", "tu", "cela", "ça", "celui-ci",
             "celle-ci", "ceux-ci", "celles-ci", "lui", "eux", "qui", "ce", "certains", "d'autres"}


#: what a figure is of, before whose it is: "les dernières estimations de la WCF"
_OF_WHOM = re.compile(
    r"^(?:(?:les?|la|l['’]|un|une|des|ses|leurs?|son|sa)\s*)?(?:(?:derni[eè]re?s?|premi[eè]re?s?|nouve(?:lles?|aux?)|"
    r"r[ée]cente?s?|propres?|officiel(?:le)?s?|provisoires?)\s+)*(?:estimations?|chiffres?|donn[ée]es|"
    r"statistiques?|d[ée]comptes?|bilans?|informations?|calculs?|comptages?|recensements?|relev[ée]s?|"
    r"[ée]valuations?|comptes?|projections?|pr[ée]visions?|communiqu[ée]s?|rapports?|d[ée]clarations?|"
    r"bulletins?)\s+(?:(?:officiel(?:le)?s?|provisoires?|"
    r"d[ée]finitifs?|derniers?)\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])", re.IGNORECASE)


CUT = re.compile(r"\s+(?:sur|dans|lors|à|au|aux|en|devant|auprès|pendant|ce|cette|cet|lundi|mardi|mercredi|"
                  r"jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|mardi|précisant|ajoutant|selon|"
                  r"interrog[ée]e?s?|cit[ée]e?s?|lundi|vendredi|dès|par)\b.*$", re.IGNORECASE)


#: capitalised words of a title before a name: "le Premier ministre Édouard Philippe"
_TITLE_WORDS = frozenset({"premier", "première", "président", "présidente", "haut", "haute", "général", "générale"})


#: when the claim was made, after who made it: "un bilan de la PP à 15H15", "l'émission Quotidien ce
#: mardi", "un sondage diffusé jeudi"
_WHEN_SAID = re.compile(
    r"\s+(?:(?:publi|diffus|rendu|paru|d[ée]voil|communiqu|transmis)\w*\s+)?(?:(?:à|vers)\s+\d{1,2}\s*[hH:]\s*\d{0,2}|"
    r"(?:ce\s+|le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin|midi))?)$",
    re.IGNORECASE)


def clean_claimant(raw: str, trailing: bool = False) -> str | None:
    who = " ".join(raw.split()).strip(" ,.;:—–-«»\"'")
    if who.count('"') % 2:
        who += '"'  # 'le collectif "Désarmons-les"': the name's closing quotation mark stays
    elif who.count("«") > who.count("»"):
        who += " »"
    if trailing:
        who = CUT.sub("", who)
    who = _WHEN_SAID.sub("", who)
    who = re.sub(r"\s+(?:y|en|lui|leur|nous|vous|me|te|se|ne|n['’])$", "", who)  # "La préfète y ajoute que"
    if re.search(r"\d\s*%|^\W*\d", who):
        return None  # "En outre 22% estiment que": a figure, not who
    who = _OF_WHOM.sub("", who).strip()
    who = re.sub(r"\s*\([A-ZÀ-Ý][\w.&-]{0,11}\)$", "", who)  # "l'Office fédéral de l'environnement (OFEV)"
    if not who:
        return None
    first = who.split()[0].lower()
    if first in _PRONOUNS or first.startswith(("-t-", "t-")) or len(who.split()) > 10:
        return None
    if trailing and not (who[:1].isupper() or re.match(r"(?:les?|la|l['’]|un|une|des|ces?|cette|ses|son|sa)\b", who,
                                                       re.IGNORECASE)):
        return None  # ", a indiqué rapidement": not who
    words = who.split()
    # a person's name after what the person is ("le maire Artem Kobzar", "le procureur Vincent Edel")
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and not re.match(r"[A-Z]\.$", word):
            run.insert(0, word)
        else:
            break
    while len(run) > 2 and run[0].lower() in _TITLE_WORDS:
        run.pop(0)  # "le Président Emmanuel Macron"
    if len(run) >= 2 and len(run) < len(words) and all(
            w[:1].islower() or w.lower() in _TITLE_WORDS for w in words[:len(words) - len(run)]):
        return " ".join(run)
    return who
