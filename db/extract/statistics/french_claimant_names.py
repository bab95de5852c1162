"""What a French claimant is called: the words that say who claims a figure, cleaned of what is
not its name (when and where it was said, what the figure is of, a title before a person's name,
a pronoun). The rules that find those words are :mod:`db.extract.statistics.french_claimants`.
"""

from __future__ import annotations

import re

_PRONOUNS = {"il", "elle", "ils", "elles", "on", "nous", "je", "vous", "tu", "cela", "ça", "celui-ci",
             "celle-ci", "ceux-ci", "celles-ci", "lui", "eux", "qui", "ce", "certains", "d'autres"}


#: what a figure is of, before whose it is: "les dernières estimations de la WCF", "le bilan 2017 du ministère"
_OF_WHOM = re.compile(
    r"^(?:(?:les?|la|l['’]|un|une|des|ses|leurs?|son|sa)\s*)?(?:(?:derni[eè]re?s?|premi[eè]re?s?|nouve(?:lles?|aux?)|"
    r"r[ée]cente?s?|propres?|officiel(?:le)?s?|provisoires?)\s+)*(?:estimations?|chiffres?|donn[ée]es|"
    r"statistiques?|d[ée]comptes?|bilans?|informations?|calculs?|comptages?|recensements?|relev[ée]s?|"
    r"[ée]valuations?|comptes?|projections?|pr[ée]visions?|communiqu[ée]s?|rapports?|d[ée]clarations?|"
    r"[ée]tudes?|enqu[êe]tes?|sondages?|analyses?|"
    r"bulletins?)\s+(?:(?:19|20)\d\d\s+)?(?:(?:officiel(?:le)?s?|provisoires?|"
    r"d[ée]finitifs?|derniers?)\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])", re.IGNORECASE)


CUT = re.compile(r"\s+(?:sur|dans|lors|à|au|aux|en|devant|auprès|pendant|ce|cette|cet|lundi|mardi|mercredi|"
                  r"jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|précisant|ajoutant|selon|"
                  r"interrog[ée]e?s?|cit[ée]e?s?|dès|par|avant|après|puis|tout\s+en|qui|dont)\b.*$", re.IGNORECASE)


#: who leads a body is part of its name: "l'institution présidée par Didier Migaud", "le collectif
#: dirigé par Marie Durand" (not how it was said: "interrogé par France Info", "cité par Le Monde")
_LED_BY = re.compile(r"\s+(?!interrog|cit)[^\W\d_]+(?:é|ée|és|ées)\s+par\s+[A-ZÀ-Ý][\w'’-]*"
                     r"(?:\s+(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*){0,3}$")


#: capitalised words of a title before a name: "le Premier ministre Édouard Philippe"
_TITLE_WORDS = frozenset({"premier", "première", "président", "présidente", "haut", "haute", "général", "générale"})


#: when the claim was made, after who made it: "un bilan de la PP à 15H15", "l'émission Quotidien ce
#: mardi", "un sondage diffusé jeudi"
_WHEN_SAID = re.compile(
    r"\s+(?:(?:publi|diffus|rendu|paru|d[ée]voil|communiqu|transmis)\w*\s+)?(?:(?:à|vers)\s+\d{1,2}\s*[hH:]\s*\d{0,2}|"
    r"(?:ce\s+|le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin|midi))?)$",
    re.IGNORECASE)


#: a participle clause of publication after who is named: "un rapport sénatorial publié en juin
#: 2018", "l'étude parue mardi" (not an agent's: "un sondage réalisé par Ipsos" names Ipsos)
_PUBLISHED = re.compile(
    r"\s+(?:publi[ée]e?s?|parue?s?|diffus[ée]e?s?|d[ée]voil[ée]e?s?|rendue?s?\s+publi\w*|remise?s?|"
    r"pr[ée]sent[ée]e?s?|r[ée]v[ée]l[ée]e?s?|sortie?s?)\b(?!\s+par\b).*$", re.IGNORECASE)


#: whom a poll is made for, after the poll: "le sondage Odoxa pour Le Figaro et France Info"
_FOR_WHOM = re.compile(r"^(?P<poll>(?:\S+\s+)?(?:sondages?|enqu[êe]tes?|[ée]tudes?|barom[èe]tres?|comptages?|d[ée]comptes?)\b.*?)\s+"
                       r"(?:(?:r[ée]alis[ée]e?|men[ée]e?|command[ée]e?)\s+)?pour\s.*$", re.IGNORECASE)


#: a survey's or a report's name is said with what it is: "le sondage Odoxa-Dentsu Consulting"
_SURVEY_WORD = re.compile(r"(?:sondages?|enqu[êe]tes?|[ée]tudes?|barom[èe]tres?|rapports?|instituts?)$")


#: a name after these is a complement, no person after a title: "l'édition française du Rolling Stone"
_OF_A_NAME = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "et", "pour", "par", "sur"})


def _complement(before: list[str]) -> bool:
    """Whether the word after ``before`` (one word or none) is a capitalised complement of a
    title: after "de", "du", "des", "de la" ("ministre de la Santé", "journaliste de C-News")."""
    return bool(before) and before[0].lower() in ("de", "du", "des", "la")


#: a demonstrative before a noun points back to it: "cet amendement" is the amendment
_DEMONSTRATIVE = re.compile(r"^(?:ce|cet|cette|ces)\s+(?=\w)", re.IGNORECASE)


def _title_before_name(word: str, first: bool) -> bool:
    """Whether ``word`` may belong to what a person is, before the name: lower-case words, a
    title's capitalised words, the article opening the sentence ("Le ministre …") and a
    capitalised complement after an elided article ("de l'Intérieur")."""
    return (word[:1].islower() or word.lower() in _TITLE_WORDS or (first and word.lower() in ("le", "la", "les"))
            or re.match(r"[ldLD]['’]\w", word) is not None)


#: figures made or given out by someone are theirs: "un bilan provisoire communiqué par la préfecture",
#: "les chiffres publiés par le ministère" (a poll or a report keeps its words: "un sondage réalisé par X")
_MADE_BY = re.compile(
    r"^(?:(?:les?|la|l['’]|un|une|des|ses|leurs?|son|sa)\s*)?(?:estimations?|chiffres?|donn[ée]es|statistiques?|"
    r"d[ée]comptes?|bilans?|comptages?|recensements?|relev[ée]s?)(?:\s+[^\W\d_]+){0,2}?\s+"
    r"(?:r[ée]alis|men|communiqu|publi|diffus|fourni|transmis|[ée]tabli|dress|avanc|donn|d[ée]voil|r[ée]v[ée]l|livr)"
    r"[ée]?e?s?(?:\s+(?:(?:ce\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin|midi))?|"
    r"(?:peu\s+)?(?:avant|après|vers|à)\s+\d{1,2}\s*[hH:]\s*\d{0,2}))?\s+par\s+", re.IGNORECASE)
#: when the figures date from, after them: "les statistiques de la Commission datant de 2015"
_DATING = re.compile(r"\s+(?:datant|dat[ée]e?s?)\s+d[eu'’]\s*.*$", re.IGNORECASE)


#: a conjunction opening the clause before its subject: "mais", "et" before any subject; "alors
#: que", "tandis que" when a name or a survey follows ("alors que Pékin tablait sur", "tandis qu'une
#: enquête Odoxa indique que"; not "alors que l'impôt rapporte 14 milliards", no saying)
_CONJUNCTION = re.compile(
    r"^(?:(?:mais|et|or|puis|car)\s+(?=(?-i:[A-ZÀ-Ý])|(?:les?|la|l['’]|une?|des|ce|cet|cette|ces)\b)|"
    r"(?:alors|tandis|bien|pendant|m[êe]me\s+si|sauf)\s+qu['’e]\s*(?=(?-i:[A-ZÀ-Ý])|(?:une?|le|la|l['’]|les)\s*"
    r"(?:enqu[êe]te|sondage|[ée]tude|rapport|barom[èe]tre)s?\b))", re.IGNORECASE)
#: any conjunction left opening the words: a clause, no one ("Alors que bon nombre de médias …")
_OPENS_A_CLAUSE = re.compile(r"^(?:(?:alors|tandis|bien|pendant|m[êe]me\s+si|sauf)\s+qu['’e]|(?:mais|et|or|puis|si|quand|"
                             r"lorsqu['’e]|puisqu['’e]|parce\s+qu['’e]|car)\b)", re.IGNORECASE)


#: the particles inside a person's name after two capitalised words: "Ilse Van de Keere", "Ursula von
#: der Leyen" ("de" only after "Van"/"Von": not "la Banque Centrale de France", "la Santé du Hamas")
_PARTICLES = frozenset({"van", "von", "der", "den", "da", "di", "del", "ter", "ten"})


def clean_claimant(raw: str, trailing: bool = False) -> str | None:
    who = " ".join(raw.split()).strip(" ,.;:—–-«»\"'")
    who = _CONJUNCTION.sub("", who)  # "Alors que SD Worx annonce 52,93 euros": SD Worx
    if _OPENS_A_CLAUSE.match(who):
        return None  # "Alors que bon nombre de médias ont relayé …": a clause, no one
    if who.count('"') % 2:
        who += '"'  # 'le collectif "Désarmons-les"': the name's closing quotation mark stays
    elif who.count("«") > who.count("»"):
        who += " »"
    if trailing:
        agent = _LED_BY.search(who)
        who = CUT.sub("", who[:agent.start()]) + agent.group(0) if agent else CUT.sub("", who)
    who = _WHEN_SAID.sub("", who)
    who = re.sub(r"\s+qu['’e]\s*(?:il|elle|ils|elles|on)\b.*$", "", who)  # "l'analyse qu'il a publiée"
    if _MADE_BY.match(who):
        who = re.sub(r"\s+pour\s.*$", "", _MADE_BY.sub("", who))  # "… réalisé par le cabinet X pour un groupe de médias"
    who = _DATING.sub("", _PUBLISHED.sub("", who))
    who = re.sub(r"\s+sur\s+(?:place|le\s+terrain)$", "", who)  # "nos journalistes sur place"
    who = re.sub(r"\s+mais\b.*$", "", who, flags=re.IGNORECASE)  # a name goes on with no "mais"
    poll = _FOR_WHOM.match(who)
    if poll:
        who = poll.group("poll")
    if _DEMONSTRATIVE.match(who):
        who = _DEMONSTRATIVE.sub("", who)
        if re.match(r"derni(?:er|ère)s?\b", who, re.IGNORECASE):
            return None  # "ces derniers": a pronoun's work
    who = re.sub(r"\s+(?:y|en|lui|leur|nous|vous|me|te|se|ne|n['’])$", "", who)  # "La préfète y ajoute que"
    if re.search(r"\d\s*%|^\W*\d", who):
        return None  # "En outre 22% estiment que": a figure, not who
    # after the verb, who opens with a name or a determiner (", a indiqué rapidement" names no one),
    # before "une enquête du" goes
    determined = who[:1].isupper() or re.match(r"(?:les?|la|l['’]|un|une|des|ces?|cette|ses|son|sa|notre|nos|votre|"
                                               r"vos|leurs?)\b", who, re.IGNORECASE) is not None
    who = _OF_WHOM.sub("", who).strip()
    who = re.sub(r"\s*\([A-ZÀ-Ý][\w.&-]{0,11}\)$", "", who)  # "l'Office fédéral de l'environnement (OFEV)"
    if not who:
        return None
    first = who.split()[0].lower()
    if first in _PRONOUNS or first.startswith(("-t-", "t-")):
        return None
    if trailing and not determined:
        return None
    words = who.split()
    # a person's name after what the person is ("le maire Artem Kobzar", "le procureur Vincent Edel"),
    # a particle inside it ("la porte-parole de la police de Bruxelles-Ixelles Ilse Van de Keere")
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if (word[:1].isupper() and not re.match(r"[A-Z]\.$", word)) or (
                run and i > 1 and (word in _PARTICLES or (word == "de" and words[i - 1].lower() in ("van", "von")))
                and words[i - 1][:1].isupper() and words[i - 2][:1].isupper()):
            run.insert(0, word)
        else:
            break
    if len(words) > 10 and len(run) < 2:
        return None
    while len(run) > 2 and (run[0].lower() in _TITLE_WORDS or _complement(words[len(words) - len(run) - 1:][:1])):
        run.pop(0)  # "le Président Emmanuel Macron", "le ministre de la Santé Agnès Buzyn"
    named = words[len(words) - len(run) - 1].lower() if len(run) < len(words) else ""
    title = words[:len(words) - len(run)]
    if len(run) >= 2 and len(run) < len(words) and not _SURVEY_WORD.match(named) and named not in _OF_A_NAME and all(
            _title_before_name(w, i == 0) or (i > 0 and _complement(title[i - 1:i])) for i, w in enumerate(title)):
        return " ".join(run)
    return who


#: a person's name, then an apposition that opens with a lower-case noun (an office, not an article):
#: "Hélène Baudchon, économiste chez " before "BNP Paribas, qui anticipe …"
_NAME_THEN_APPOSITION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3})\s*,\s+(?!(?:le|la|les|l['’]|un|une|des|du|qui|que|"
    r"qu['’]|et|ou|mais|dont|o[ùu]|selon|a|ont|est|sont|il|elle)\b)[a-zà-ÿ][\w'’-]*(?:\s+[^\s,;:.!?«»\"]+){0,5}\s+$")


def apposed_name(before: str) -> str | None:
    """The person whose apposition a relative's antecedent stands in ("estime Hélène Baudchon,
    économiste chez BNP Paribas, qui anticipe 1,6 %" -> "Hélène Baudchon"), else None."""
    match = _NAME_THEN_APPOSITION.search(before)
    return match.group("name") if match else None

