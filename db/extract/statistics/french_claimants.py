"""Who claims a French sentence's figures: "Selon X" and "D'après X" before them, ", selon X" and
", a indiqué X" after them in their clause, "X a annoncé que" and its relatives, who counted
("recensés par X"), a pronoun's antecedent, a quotation resumed after its speaker. The rules are
described with the rest of French's in :mod:`db.extract.statistics.french`.
"""

from __future__ import annotations

import re

from db.extract.statistics.french_numbers import FUNCTION_WORDS, FrenchNumber
from db.extract.statistics.phrase import clause_of

_CLAIM_VERB = (r"(?:indiqu\w*|d[ée]clar\w*|pr[ée]cis[ée]\w*|pr[ée]cise\w*|affirm\w*|rapport\w*|annonc\w*|ajout\w*|"
               r"dit|disent|disait|expliqu\w*|estim(?:e|é|ent|ait|aient)|soulign\w*|assur(?:e|é|ent|ait)|"
               r"confirm\w*|t[ée]moign\w*|racont\w*|signal\w*|[ée]crit|[ée]crivent|d[ée]taill\w*|"
               r"r[ée]v[ée]l\w*|not[ée]|relat\w*|rappel\w*|avert\w*|constat\w*|pr[ée]vien\w*|"
               r"fait\s+savoir|communiqu[ée]|mentionn\w*|recens\w*|d[ée]nombr\w*|chiffr\w*|"
               r"d[ée]plor\w*|avanc(?:e|é|ent)|comptabilis\w*)")


_LEADING_CLAIM = re.compile(
    r"(?:^|[,;:(—–]\s*|\s)(?:[Ss]elon|[Dd]['’]apr[èe]s|[Ss]uivant|[Àà]\s+en\s+croire|[Dd]e(?=\s+sources?\s)|"
    r"[Cc]omme\s+l['’](?:a|ont)\s+" + _CLAIM_VERB + r")\s+(?P<who>(?:[^,;:.!?()«»\"]|«[^»,;]{1,60}»|"
    r"\"[^\",;]{1,60}\"){2,120}?)\s*(?=[,;:.!?()—–]|-{1,2}\s|$)")


#: what may stand between a claim verb and who claims: "a indiqué jeudi soir à l'AFP le ministère"
_SAID_WHEN_TO_WHOM = (
    r"(?:\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)"
    r"(?:\s+(?:soir|matin|midi|après-midi))?|dans\s+la\s+(?:soirée|matinée|journée|nuit)|"
    r"[àa]\s+(?:l['’]\s*[A-Z][\w-]*|la\s+presse|la\s+radio|la\s+t[ée]l[ée]vision|[A-Z][\w-]*)|"
    r"aux\s+journalistes|au\s+(?:micro\s+d[e']\s*)?[A-Z][\w-]*|(?:[àa]|vers)\s+\d{1,2}\s*[hH:]\s*\d{0,2})(?=\s)){0,2}")


#: what may stand between an auxiliary and its verb: "a également indiqué", "a par ailleurs précisé"
_BY_THE_WAY = (r"(?:(?:[ée]galement|aussi|encore|finalement|ensuite|enfin|notamment|par\s+ailleurs|pour\s+sa\s+part|"
               r"de\s+son\s+c[ôo]t[ée]|de\s+leur\s+c[ôo]t[ée]|d['’]ailleurs|ainsi|d[ée]j[àa]|toutefois|cependant|"
               r"n[ée]anmoins|alors|aussit[ôo]t|rapidement|officiellement|publiquement)\s+)?")


#: the full stop of "M. Griveaux", "Dr. Martin", "J.-P. Durand" inside a name, not its end
_ABBREVIATED = r"(?<=\bM)\.|(?<=\bMM)\.|(?<=\bDr)\.|(?<=\bPr)\.|(?<=\b[A-Z])\.(?=\s?-?[A-Z])"


_TRAILING_CLAIM = re.compile(
    r"(?:,|—|–|\s-|»)\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + _BY_THE_WAY + r")?" + _CLAIM_VERB + _SAID_WHEN_TO_WHOM +
    r"\s+(?P<who>(?!que\b|qu['’]|à\b|avoir\b|en\b)(?:[^,;:!?.()«»\"]|" + _ABBREVIATED + r"){2,120}?)\s*"
    r"(?=[,;:!?(«»\"]|\.(?<!\bM\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bPr\.)(?<!\b[A-Z]\.)|$)", re.IGNORECASE)


_SUBJECT_CLAIM = re.compile(
    r"(?:^|[.;:,]\s+)(?P<who>[^,;:!?«»\"]{2,90}?),?\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + _BY_THE_WAY +
    r")?(?:" +
    _CLAIM_VERB + r"|montr(?:e|ent|ait|aient|é))\s*(?:que\b|qu['’]|:|(?=(?:avoir|être)\b))")


#: a body that announces or counts the figure itself: "le ministère a annoncé 317 interpellations",
#: "la préfecture recense 8 000 manifestants", "l'ONG estime à 1 500 le nombre de morts"
_SUBJECT_COUNTS = re.compile(
    r"(?:^|[.;:,]\s+)(?P<who>[^,;:!?«»\"]{2,90}?)\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + _BY_THE_WAY +
    r")?(?:annonc(?:e|ent|é|ait|aient)|revendiqu(?:e|ent|é|ait|aient)|recens(?:e|ent|é|ait|aient)|d[ée]nombr(?:e|ent|é|ait|aient)|"
    r"comptabilis(?:e|ent|é|ait|aient)|fai(?:t|sait)\s+[ée]tat\s+d['’e]\s*|signal(?:e|ent|é)|"
    r"estim(?:e|ent|é|ait|aient)\s+[àa]|[ée]valu(?:e|ent|é|ait|aient)\s+[àa])\s*"
    r"(?=(?:au\s+moins|plus\s+d|pr[èe]s\s+d|environ|quelque|jusqu|une?\s+(?:dizaine|vingtaine|trentaine|"
    r"quarantaine|cinquantaine|centaine|millier)|des\s+(?:dizaines|centaines|milliers)|plusieurs|\d|"
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cent|mille)\b))",
    re.IGNORECASE)


#: where the figures are read: "dans le baromètre Elabe", "dans un sondage Ifop pour le JDD"
_IN_SURVEY = re.compile(
    r"(?:^|[\s,;(])[Dd]ans\s+(?:le|la|l['’]|un|une|son|sa|leur|ce|cette)\s*(?:(?:derni[eè]re?|nouvel(?:le)?|"
    r"r[ée]cente?)\s+)?(?P<who>(?:barom[èe]tre|sondage|enqu[êe]te|[ée]tude|rapport)\s+"
    r"[A-ZÀ-Ý][\w'’&-]*(?:\s+(?:[A-ZÀ-Ý][\w'’&-]*|de\s+l['’]|de\s+la|du|de|des|d['’])){0,6})")


#: ", a-t-il précisé", ", précise-t-elle": who is the subject the sentence opened with, if any
_PRONOUN_CLAIM = re.compile(
    r"(?:,|—|–|»)\s*(?:(?:a|avait|aurait)-t-(?P<p1>il|elle)\s+" + _BY_THE_WAY + _CLAIM_VERB + r"|" + _CLAIM_VERB +
    r"-t?-?(?P<p2>il|elle))\b", re.IGNORECASE)


#: the subject a sentence opens with: "Jean Dupont, maire de la ville, a …", "Le préfet du Var a …"
_OPENING_SUBJECT = re.compile(
    r"(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}|(?:Le|La|L['’])\s*[^\W\d_][\w'’-]*"
    r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de)\s*[^\W\d_][\w'’-]*)?(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})"
    r"(?:,[^,;«»\"]{1,80},)?\s+(?:a|avait|s['’]est|est|était|se|s['’]|va|doit|estime|affirme|dit|juge)\b")


#: the nouns of a person's office or of a body that "il"/"elle" may stand for
_SPEAKERS = frozenset({
    "maire", "ministre", "préfet", "préfète", "procureur", "procureure", "président", "présidente",
    "porte-parole", "directeur", "directrice", "secrétaire", "député", "députée", "sénateur", "sénatrice",
    "commissaire", "chef", "cheffe", "général", "colonel", "commandant", "gouverneur", "ambassadeur",
    "ambassadrice", "responsable", "avocat", "avocate", "juge", "police", "gendarmerie", "préfecture", "mairie",
    "armée", "ministère", "syndicat", "gouvernement", "parquet", "organisation", "association", "agence",
    "commission", "fédération", "direction", "entreprise", "société", "compagnie", "ONG", "institut", "office"
})  # fmt: skip


def _antecedent(sentence: str, pronoun: str) -> str | None:
    """Who "il"/"elle" of a trailing "a-t-il précisé" is: the subject the sentence opens with,
    when it is a person's name, or an office or a body of the pronoun's gender ("La préfecture …,
    a-t-elle précisé"); else no one."""
    opening = _OPENING_SUBJECT.match(sentence)
    if opening is None:
        return None
    words = opening.group("who").replace("’", "'").split()
    first = words[0].lower()
    if first in ("le", "la") or first.startswith("l'"):
        noun = (words[0][2:] if first.startswith("l'") else words[1] if len(words) > 1 else "").lower()
        feminine = first == "la" or noun.endswith(("e", "ion", "té"))
        if noun not in {w.lower() for w in _SPEAKERS} or (pronoun.lower() == "il") == (first == "la") \
                or (first.startswith("l'") and (pronoun.lower() == "elle") != feminine):
            return None
    elif first in FUNCTION_WORDS or first in ("selon", "après", "avant", "depuis", "malgré", "lors", "outre", "face"):
        return None  # "Selon Jean Dupont …": not a subject
    return _clean_claimant(opening.group("who"))


#: who counted, after what was counted: "84.000 manifestants recensés par les autorités"
_COUNTED_BY = re.compile(
    r"\s(?:recens|d[ée]nombr|compt|comptabilis|annonc|estim|[ée]valu|avanc|revendiqu|d[ée]clar|signal)"
    r"[ée]e?s?\s+(?:[^\W\d_]+\s+){0,3}?par\s+(?P<who>(?:la|le|les|l['’]|un|une|des|ses|leurs?|son|sa)\s*"
    r"[^,;:!?.()«»\"]{1,100}?|[A-ZÀ-Ý][^,;:!?.()«»\"]{1,100}?)\s*(?=[,;:!?.()«»\"]|\s-|$)", re.IGNORECASE)


#: "…, a-t-on appris auprès du parquet", "a-t-on appris jeudi auprès de la préfecture"
_LEARNED_FROM = re.compile(
    r"(?:,|—|–)\s*(?:a-t-on|avons-nous|a-t-il\s+été)\s+appris\s+(?:[^\W\d_]+\s+){0,2}?aupr[èe]s\s+"
    r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<who>[^,;:!?.()«»\"]{2,120}?)\s*(?=[,.;:!?(«»\"]|$)",
    re.IGNORECASE)


_WHO_CLAIMS = re.compile(
    r"(?P<who>\b[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}|"
    r"\b(?:la|le|les|l['’])\s*[^\W\d_][\w'’-]*(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)[^\W\d_][\w'’-]*)?),\s+qui\s+"
    r"(?:(?:a|avait)\s+" + _BY_THE_WAY + r")?(?:" + _CLAIM_VERB + r"|fait\s+[ée]tat)\b")


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


_CUT = re.compile(r"\s+(?:sur|dans|lors|à|au|aux|en|devant|auprès|pendant|ce|cette|cet|lundi|mardi|mercredi|"
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


def _clean_claimant(raw: str, trailing: bool = False) -> str | None:
    who = " ".join(raw.split()).strip(" ,.;:—–-«»\"'")
    if who.count('"') % 2:
        who += '"'  # 'le collectif "Désarmons-les"': the name's closing quotation mark stays
    elif who.count("«") > who.count("»"):
        who += " »"
    if trailing:
        who = _CUT.sub("", who)
    who = _WHEN_SAID.sub("", who)
    who = re.sub(r"\s+(?:y|en|lui|leur|nous|vous|me|te|se|ne|n['’])$", "", who)  # "La préfète y ajoute que"
    if re.search(r"\d\s*%|^\W*\d", who):
        return None  # "En outre 22% estiment que": a figure, not who
    who = _OF_WHOM.sub("", who).strip()
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


def assign_claimants(sentence: str, numbers: list[FrenchNumber], clauses: list[tuple[int, int]]) -> None:
    def claim(number: FrenchNumber, who: str, span: tuple[int, int]) -> None:
        if number.claimant is None:
            number.claimant, number.claim_span = who, span

    for match in _LEADING_CLAIM.finditer(sentence):
        who = _clean_claimant(match.group("who"))
        if who is None:
            continue
        clause = clause_of(clauses, match.start("who")) or (0, len(sentence))
        start = clause[0]
        background = _BACKGROUND.match(sentence)
        if background and background.end() <= match.start():
            start = max(start, background.end())  # "Depuis l'attaque, qui a fait 1 400 morts, …, selon X"
        before = [n for n in numbers if start <= n.start < match.start() and n.claimant is None]
        covered = before or [n for n in numbers if n.start >= match.end()]
        for number in covered:
            claim(number, who, match.span("who"))
    for match in _COUNTED_BY.finditer(sentence):
        who = _clean_claimant(re.sub(r"\s+(?:est|sont|a|ont|était|étaient|sera|seront|reste|restent)\b.*$", "",
                                     match.group("who")), trailing=True)
        counted = [n for n in numbers if n.claimant is None and n.end <= match.start() and
                   not re.search(r"[,;:]", sentence[max(n.counted_end, n.end):match.start()])]
        if who is not None and counted:
            claim(counted[-1], who, match.span("who"))  # the figure just before: "84.000 manifestants recensés par"
    for match in _IN_SURVEY.finditer(sentence):
        who = re.sub(r"\s+(?:de\s+l['’]|de\s+la|du|de|des|d['’])$", "", match.group("who"))
        clause = clause_of(clauses, match.start("who")) or (0, len(sentence))
        before = [n for n in numbers if clause[0] <= n.start < match.start() and n.claimant is None]
        for number in before or [n for n in numbers if n.start >= match.end()]:
            claim(number, who, match.span("who"))
    for pattern in (_SUBJECT_CLAIM, _SUBJECT_COUNTS, _WHO_CLAIMS):
        for match in pattern.finditer(sentence):
            who = _clean_claimant(match.group("who"))
            if who is not None and match.group(0)[:1] == "," and not re.match(
                    r"(?:[A-ZÀ-Ý]|(?:le|la|les|l['’]|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs)\b)", who):
                continue  # ", et a ainsi déclaré que": after a comma, a subject opens with its article or name
            if who is not None and pattern is not _WHO_CLAIMS:
                # "L'Italie a annoncé mi-janvier avoir recensé 30 personnes": who is before the first verb
                who = re.sub(r"\s+(?:a|ont|avait|avaient|aurait|auraient)\s+\S+(?:\s+\S+){0,2}\s+(?:avoir|être)$", "",
                             who)
            if who is None or (pattern is not _WHO_CLAIMS and re.search(
                    r"\b(?:est|sont|été|était|étaient|sera|seront|serait|seraient|être)$", who, re.IGNORECASE)):
                continue  # "les dégâts sont estimés à", "sur la pancarte était écrit :": a passive names no one
            for number in numbers:
                if number.start >= match.end():
                    claim(number, who, match.span("who"))
    trailing = [(m, _clean_claimant(m.group("who"), trailing=True)) for m in _TRAILING_CLAIM.finditer(sentence)]
    trailing += [(m, _antecedent(sentence, m.group("p1") or m.group("p2"))) for m in _PRONOUN_CLAIM.finditer(sentence)]
    trailing += [(m, _clean_claimant(_CUT.sub("", m.group("who")))) for m in _LEARNED_FROM.finditer(sentence)]
    for match, who in sorted(trailing, key=lambda pair: pair[0].start()):
        if who is None:
            continue
        clause = clause_of(clauses, match.start()) or (0, len(sentence))
        # never across the end of a sentence; after a quotation, only the figures it quotes
        floor = max([clause[0] if clause_of(clauses, match.start()) else 0,
                     *[m.end() for m in re.finditer(r"[.!?]\s+(?=[«\"A-ZÀ-Ý])", sentence[:match.start()])]])
        background = _BACKGROUND.match(sentence)
        if background and background.end() <= match.start():
            floor = max(floor, background.end())  # "Depuis l'attaque, qui a fait 1 400 morts, …, selon X"
        if re.match(r"\s*[»\"”]", sentence[match.start():]) or re.search(r"[»\"”]\s*,?\s*$", sentence[:match.start()]):
            opening = max(sentence.rfind("«", 0, match.start()), sentence.rfind("“", 0, match.start()))
            floor = max(floor, opening)
        covered = [n for n in numbers if max(clause[0], floor) <= n.start < match.start() and n.claimant is None]
        if not covered:  # the nearest clause before with figures
            earlier = [n for n in numbers if floor <= n.start < match.start() and n.claimant is None]
            last = clause_of(clauses, earlier[-1].start) if earlier else None
            covered = [n for n in earlier if clause_of(clauses, n.start) == last]
        for number in covered:
            at = match.start("who") if "who" in match.groupdict() else sentence.find(who)  # a pronoun's: where it opens
            claim(number, who, (at, at + len(who)))


#: "« … », a dit M. Caldwell." before a quotation that goes on: who says what follows
_SAID_BEFORE = re.compile(
    r"[»”\"][\s\u00a0]*,\s*(?:(?:a|ont|avait|avaient)\s+)?" + _CLAIM_VERB +
    r"\s+(?P<who>(?!que\b|qu['’]|-t-)[^,;:!?«»\"]{2,120}?)\s*[.!?]\s*$", re.IGNORECASE)


def resumed_quotes(sentence: str, numbers: list[FrenchNumber], before: str) -> None:
    """« … », a dit X. « Avec un taux de 80 % … »: the quotation that resumes after its speaker
    is named is the speaker's too, within the sentence or from the one before (``before``)."""
    resumed = [(m.end() - 1, sentence[:m.start() + 1]) for m in re.finditer(r"[.!?][\s\u00a0]*[«“]", sentence)]
    if sentence.startswith(("«", "“")):
        resumed.append((0, before))
    for start, said in resumed:
        match = _SAID_BEFORE.search(said)
        who = _clean_claimant(match.group("who"), trailing=True) if match else None
        if match is None or who is None:
            continue
        end = next((i for i in (sentence.find("»", start), sentence.find("”", start)) if i > 0), len(sentence))
        for number in numbers:
            if start <= number.start < end and number.claimant is None:
                number.claimant = who
                if said is not before:
                    number.claim_span = (match.start("who"), match.start("who") + len(who))


#: a fronted phrase of time or cause with a relative clause of its own: "Depuis l'attaque du 7
#: octobre, qui a fait quelque 1 400 morts, …" sets the scene; an attribution at the end of the
#: sentence is not about it
_BACKGROUND = re.compile(
    r"(?:Depuis|Apr[èe]s|Avant|Lors|Malgr[ée]|Outre|Au\s+lendemain|[ÀA]\s+la\s+suite|Suite|Comme\s+lors)\b"
    r"[^,;:«»]{0,120},\s*(?:qui|dont|o[ùu]|lequel|laquelle|lesquels|lesquelles)\b[^,;:«»]{0,160},")
