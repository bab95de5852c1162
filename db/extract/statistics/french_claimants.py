"""Who claims a French sentence's figures: "Selon X" and "D'après X" before them, ", selon X" and
", a indiqué X" after them in their clause, "X a annoncé que" and its relatives, who counted
("recensés par X"), a pronoun's antecedent, a quotation resumed after its speaker, "selon laquelle"'s
antecedent, who forecasts or reports what an event caused, what a speaker goes on to say. The rules are
described with the rest of French's in :mod:`db.extract.statistics.french`.
"""

from __future__ import annotations

import re

from db.extract.statistics.french_claimant_names import CUT, clean_claimant
from db.extract.statistics.french_numbers import FUNCTION_WORDS, MONTH_RE, FrenchNumber
from db.extract.statistics.french_said import (
    ABBREVIATED,
    BY_THE_WAY,
    CLAIM_VERB,
    INVERTED_PARTICIPLE,
    SAID_INVERTED,
    SAID_WHEN_TO_WHOM,
    SENTENCE_END,
    SPEAKERS,
    sentence_end,
)
from db.extract.statistics.french_subjects import subject_claims
from db.extract.statistics.phrase import clause_of

#: what opens a figure, which ends a "selon X" before it: "on recensait selon la police environ
#: 8.500 personnes" (who is "la police"); a year ("selon le rapport 2018 de …") or a name's number
#: ("selon France 2") goes on
_FIGURE_OPENS = (r"(?:environ|pr[èe]s\s+d|plus\s+d|moins\s+d|au\s+moins|quelque|presque|pas\s+moins|jusqu|"
                 r"(?!(?:19|20)\d\d\b|\d{1,2}(?:er)?\s+" + MONTH_RE + r")\d[\d.,\u00a0\u202f ]*\s*(?:%|[a-zà-ÿ]{2}))")
#: what a "selon X" loses after who it is: a relative clause ("selon la police qui n'a pas …"),
#: "et même …", a coordinated clause, a verb ("selon X pourrait grimper à", "300.000 personnes selon X se
#: sont rassemblées")
_SAID_BY = re.compile(
    r"\s+(?:qui\s|(?:et|ou)\s+m[êe]me\s|(?:et|puis|ou)\s+(?:\S+\s+){1,4}?(?:a|ont|est|sont|avait|avaient|était|étaient|"
    r"sera|seront|va|vont)\s|(?:pourrait|pourraient|devrait|devraient|va|vont|serait|seraient)\s|"
    r"(?:se|s['’]|ne|n['’]|y)\s*(?:sont|est|ont|a|étaient|était|avaient|avait|seront|sera)\s|(?:ont|sont|avaient|étaient)\s).*$")
_FIGURE_AFTER = re.compile(r"\s+(?:(?:et|ou)\s+)?" + _FIGURE_OPENS)
#: a claimant cut before a figure that ends with a preposition or an article, or holds a verb or a
#: relative, is no one: the figure is a complement of what stands there
_NOT_WHOLE = re.compile(r"(?:\s(?:de|d['’]|du|des|à|au|aux|en|par|pour|sur|avec|le|la|les|l['’]|un|une|dans|sous|entre)\s*$|"
                        r"\b(?:que|qu['’]|dont|où|lequel|laquelle)\b)", re.IGNORECASE)


_LEADING_CLAIM = re.compile(
    r"(?:^|[,;:(—–]\s*|\s)(?:[Ss]elon|[Dd]['’]apr[èe]s|[Ss]uivant|[Àà]\s+en\s+croire|[Dd]e(?=\s+sources?\s)|"
    r"[Aa]ux?\s+dires?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|[Dd]e\s+l['’]avis\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|"
    r"[Cc]omme\s+l['’](?:a|ont)\s+" + CLAIM_VERB + r")\s+(?P<who>(?:[^,;:.!?()«»\"]|" + ABBREVIATED + r"|«[^»,;]{1,60}»|"
    r"\"[^\",;]{1,60}\"){2,120}?)\s*(?=[,;:.!?()—–]|-{1,2}\s|$|\s+mais\s|\s+(?:(?:et|ou)\s+)?" + _FIGURE_OPENS + ")")
#: the same, its claimant running to the next punctuation (when a figure inside is a complement of it)
_LEADING_CLAIM_WHOLE = re.compile(_LEADING_CLAIM.pattern.replace(r"|\s+(?:(?:et|ou)\s+)?" + _FIGURE_OPENS, ""))


_TRAILING_CLAIM = re.compile(
    r"(?:,|—|–|\s-|»)\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+" + BY_THE_WAY + CLAIM_VERB + r"|"
    + SAID_INVERTED + r")" + SAID_WHEN_TO_WHOM +
    r"\s+(?P<who>(?!que\b|qu['’]|à\b|avoir\b|en\b)(?:[^,;:!?.()«»\"]|" + ABBREVIATED + r"){2,120}?)\s*"
    r"(?=[,;:!?(«»\"]|\.(?<!\bM\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bPr\.)(?<!\b[A-Z]\.)|$)", re.IGNORECASE)


#: where the figures are read: "dans le baromètre Elabe", "dans un sondage Ifop pour le JDD"
_IN_SURVEY = re.compile(
    r"(?:^|[\s,;(])[Dd]ans\s+(?:le|la|l['’]|un|une|son|sa|leur|ce|cette)\s*(?:(?:derni[eè]re?|nouvel(?:le)?|"
    r"r[ée]cente?)\s+)?(?P<who>(?:barom[èe]tre|sondage|enqu[êe]te|[ée]tude|rapport)\s+"
    r"[A-ZÀ-Ý][\w'’&-]*(?:\s+(?:[A-ZÀ-Ý][\w'’&-]*|de\s+l['’]|de\s+la|du|de|des|d['’])){0,6})")


#: the verb after a closing quotation mark, its subject after it, is how the quotation was said:
#: "« … », réagit Bobby", "« … » tonne le député", "« … », s'indigne la CGT"
_AFTER_QUOTE = re.compile(
    r"[»”\"]\s*,?\s*(?:(?:a|avait)\s+)?(?:s['’]|se\s+)?(?!(?:selon|avant|apr[èe]s|pendant|comme|mais|dont|sont|"
    r"était|étaient|avait|avaient|peut|doit|font|vont|tout|cette|notamment|également|aussi|contre|entre)\b)"
    r"[a-zà-ÿ]{3,}(?:e|t|it|i|é|ent)\s+(?P<who>(?!que\b|qu['’]|-t-)(?:[A-ZÀ-Ý]|(?:le|la|les|l['’]|un|une)\s*[^\W\d_])"
    r"(?:[^,;:!?.()«»\"]|" + ABBREVIATED + r"){1,100}?)\s*(?=[,;:!?(«»\"]|\.(?<!\bM\.)|$)")


#: ", a-t-il précisé", ", précise-t-elle": who is the subject the sentence opened with, if any
_PRONOUN_CLAIM = re.compile(
    r"(?:,|—|–|»)\s*(?:(?:a|avait|aurait)-t-(?P<p1>il|elle)\s+" + BY_THE_WAY + r"(?:" + CLAIM_VERB + r"|" +
    INVERTED_PARTICIPLE + r")|" + SAID_INVERTED +
    r"-t?-?(?P<p2>il|elle))\b", re.IGNORECASE)


#: the subject a sentence opens with: "Jean Dupont, maire de la ville, a …", "Le préfet du Var a …"
_OPENING_SUBJECT = re.compile(
    r"(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}|(?:Le|La|L['’])\s*[^\W\d_][\w'’-]*"
    r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de)\s*[^\W\d_][\w'’-]*)?(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})"
    r"(?:,[^,;«»\"]{1,80},)?\s+(?:a|avait|s['’]est|est|était|se|s['’]|va|doit|estime|affirme|dit|juge)\b")


def _speaker(sentence: str, match: re.Match[str]) -> bool:
    """Whether a verb that may take an object stands inverted after a quotation, or before a
    speaker: a name, or an office or a body ("…, poursuit la porte-parole")."""
    before = sentence[:match.start()]
    if before.count("«") > before.count("»") or re.search(r"[»”\"]\s*$", before) or before.count('"') % 2 \
            or before.count("“") > before.count("”"):
        return True
    words = match.group("who").replace("’", "'").split()
    head = words[0][2:] if re.match(r"[lL]'", words[0]) else words[1] if len(words) > 1 and \
        words[0].lower() in ("le", "la", "les", "un", "une") else words[0]
    return head[:1].isupper() or head.lower() in SPEAKERS


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
        if noun not in {w.lower() for w in SPEAKERS} or (pronoun.lower() == "il") == (first == "la") \
                or (first.startswith("l'") and (pronoun.lower() == "elle") != feminine):
            return None
    elif first in FUNCTION_WORDS or first in ("selon", "après", "avant", "depuis", "malgré", "lors", "outre", "face"):
        return None  # "Selon Jean Dupont …": not a subject
    return clean_claimant(opening.group("who"))


#: who counted, after what was counted: "84.000 manifestants recensés par les autorités"
_COUNTED_BY = re.compile(
    r"\s(?:recens|d[ée]nombr|compt|comptabilis|annonc|estim|[ée]valu|avanc|revendiqu|d[ée]clar|signal)"
    r"[ée]e?s?\s+(?:[^\W\d_]+\s+){0,3}?par\s+(?P<who>(?:la|le|les|l['’]|un|une|des|ses|leurs?|son|sa)\s*"
    r"[^,;:!?.()«»\"]{1,100}?|[A-ZÀ-Ý][^,;:!?.()«»\"]{1,100}?)\s*(?=[,;:!?.()«»\"]|\s-|$)", re.IGNORECASE)


#: "of" before a name: "auprès de la préfecture", "du parquet", "d'Amnesty"
_OF = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"


#: "…, a-t-on appris auprès du parquet", "a-t-on appris jeudi auprès de la préfecture", "», lit-on
#: dans Le Parisien", ", indique-t-on à la préfecture": where it was learned, read or said
_LEARNED_FROM = re.compile(
    r"(?:,|—|–|[»”\"])\s*(?:(?:a-t-on|avons-nous|a-t-il\s+été)\s+appris\s+(?:[^\W\d_]+\s+){0,2}?aupr[èe]s\s+" + _OF +
    r"|(?:lit-on|peut-on\s+lire|pouvait-on\s+lire|apprend-on|entend-on)\s+(?:dans|sur)\s+|" + SAID_INVERTED +
    r"-t-on\s+(?:[àa]\s+la\s+|[àa]\s+l['’]|au\s+|aux\s+|chez\s+|dans\s+l['’]entourage\s+" + _OF +
    r"|du\s+c[ôo]t[ée]\s+" + _OF + r"|aupr[èe]s\s+" + _OF + r"))"
    r"(?P<who>[^,;:!?.()«»\"]{2,120}?)\s*(?=[,.;:!?(«»\"]|$)",
    re.IGNORECASE)


#: what a speaker goes on to say after being named: ", faisant état de", ", précisant que"
_GOING_ON = re.compile(
    r"\s*,\s*(?:en\s+)?(?:faisant\s+[ée]tat|pr[ée]cisant|ajoutant|indiquant|[ée]voquant|citant|soulignant|estimant|"
    r"annon[çc]ant|chiffrant|d[ée]nombrant|expliquant|affirmant|rappelant|assurant|recensant|avan[çc]ant|"
    r"signalant|comptant)\b", re.IGNORECASE)


#: "selon" of what a figure depends on, not of who says it
_VARYING = re.compile(r"\b(?:vari|diff[èée]r|chang|fluctu|oscill|d[ée]pend|[ée]volu|[ée]chelonn|modul)\w*\s+selon\s+$",
                      re.IGNORECASE)
_VARYING_WITH = re.compile(
    r"(?:le|les|la|l['’]|une?(?=\s+(?:m[ée]th|hypoth|m[ée]can|mod[èe]l|sc[ée]nar|formul|bar[èe]m|crit[èe]r)))\s*(?:cas|endroits?|r[ée]gions?|secteurs?|[âa]ges?|sexes?|ann[ée]es|p[ée]riodes?|saisons?|"
    r"tailles?|types?|mod[èe]les?|besoins|circonstances|zones?|jours|heures|professions?|cat[ée]gories|revenus|"
    r"situations?|profils?|versions?|quartiers|sc[ée]narios?|m[ée]thodes?|hypoth[èe]ses?|d[ée]finitions?|crit[èe]res?|"
    r"bar[èe]mes?|formules?|conventions?|nomenclatures?|[ée]chelles?|m[ée]triques?|m[ée]canismes?)\b", re.IGNORECASE)
#: figures whose publisher is unsaid are no one: "selon des chiffres publiés vendredi", "selon les
#: derniers chiffres connus" (who counted may be named later: "…, Pôle emploi a recensé")
_FIGURES_OF_NO_ONE = re.compile(
    r"(?:les?|la|l['’]|des|de|d['’])\s*(?:(?:derni[eè]re?s|nouve(?:lles|aux)|r[ée]cente?s|premi[eè]re?s|provisoires|"
    r"d[ée]finitifs?)\s+)?(?:chiffres|donn[ée]es|statistiques|estimations|d[ée]comptes|comptages|bilans?)"
    r"(?:\s+(?:connus|disponibles|provisoires|d[ée]finitifs|actuels))?", re.IGNORECASE)


#: "selon laquelle", "d'après lesquels": who is the antecedent
_RELATIVE_WHO = re.compile(r"(?:laquelle|lequel|lesquel(?:le)?s)\b", re.IGNORECASE)


#: the nouns whose "selon laquelle" says what is said, not who says it: "l'idée selon laquelle"
_CONTENT_NOUNS = frozenset({
    "hypothèse", "idée", "idées", "information", "informations", "rumeur", "rumeurs", "thèse", "théorie", "version",
    "affirmation", "affirmations", "allégation", "allégations", "accusation", "accusations", "règle", "logique",
    "principe", "formule", "croyance", "conviction", "impression", "sentiment", "crainte", "craintes", "certitude",
    "argument", "raisonnement", "scénario", "loi", "clause", "disposition", "mythe", "légende", "image", "vision",
    "conception", "doctrine", "promesse", "annonce", "déclaration", "estimation", "prédiction", "prédictions",
    "prévision", "prévisions", "hypothèses", "théories", "thèses", "analyse", "interprétation", "explication"
})  # fmt: skip


def _antecedent_of(before: str) -> str | None:
    """Who "selon laquelle" stands for: the last noun phrase before it that is no complement of
    another ("a précisé la gendarmerie, selon laquelle" -> "la gendarmerie"), unless it names
    what is said ("la thèse selon laquelle")."""
    stretch = re.split(r"[,;:.!?(«»\"]", before.rstrip(" ,"))[-1]
    starts = [m for m in re.finditer(r"(?:^|(?<=\s))(?:le|la|les|l['’]|un|une|ce|cette|ces|son|sa|ses|leurs?)(?:\s+|(?<=['’]))",
                                     stretch, re.IGNORECASE)
              if not re.search(r"\b(?:de|du|des|d['’])\s*$", stretch[:m.start()], re.IGNORECASE)]
    if starts:
        phrase = stretch[starts[-1].start():]
    else:
        names = re.search(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*\s*$", stretch)
        if names is None:
            return None
        phrase = names.group(0)
    words = phrase.split()
    head = (words[0][2:] if re.match(r"[lL]['’]", words[0]) else words[1] if len(words) > 1 else words[0]).lower()
    if head in _CONTENT_NOUNS or not words:
        return None
    return clean_claimant(phrase)


def _open_parenthesis(sentence: str, position: int) -> int:
    """Where the parenthesis open at ``position`` opens, or -1."""
    opening = sentence.rfind("(", 0, position)
    return opening if opening > sentence.rfind(")", 0, position) else -1


#: what a fronted phrase opens with, before ", selon X," ("À Paris, selon la préfecture, …")
_FRONTED = re.compile(r"(?:[àa]|au|aux|en|dans|pour|sur|depuis|apr[èe]s|avant|lors|hier|mais|or|et|enfin|ainsi|"
                      r"par\s+ailleurs|cette|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                      r"d[ée]sormais|aujourd['’]hui|parmi|sur)\b", re.IGNORECASE)


_OWN_CLAIM = re.compile(r"[^,;:.!?()«»]*?(?:\bselon|\bd['’]apr[èe]s)\b", re.IGNORECASE)


#: after ", selon X,", the clause's verb going on: ", se sont rassemblés", ", a dégénéré"
_PREDICATE_GOES_ON = re.compile(
    r"\s*,\s*(?:se|s['’]|ne|n['’]|y|a|ont|avait|avaient|est|sont|était|étaient|sera|seront|serait|seraient|"
    r"aurait|auraient|[^\W\d_]+(?:ent|ait|aient|é|ée|és|ées))\b", re.IGNORECASE)


def _inserted(sentence: str, start: int, match: re.Match[str]) -> bool:
    """Whether "selon X" stands between commas after the words it is about, not as its clause's
    opening ("Selon X, …", "À Paris, selon X, …")."""
    if not _PREDICATE_GOES_ON.match(sentence, match.end()) or not match.group(0).lstrip().startswith(","):
        return False  # ", selon la PP, dont 21 …", ", selon la mairie, qui a …": not the clause going on
    said = sentence[start:match.start()].strip(" ,")
    return bool(said) and not _FRONTED.match(said) and not re.search(r",", said)


#: a person's name in apposition after the office that says it: "le directeur local de la DSA, M. Kameleddine Benseghir"
_NAMED_AFTER = re.compile(r"\s*,\s*(?:(?:M|Mme|Mlle|Dr|Pr)\.?\s+)?(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,3})"
                          r"\s*(?=[,.;:!?]|$)")


def assign_claimants(sentence: str, numbers: list[FrenchNumber], clauses: list[tuple[int, int]]) -> None:
    def claim(number: FrenchNumber, who: str, span: tuple[int, int]) -> None:
        if number.claimant is None:
            number.claimant, number.claim_span = who, span

    for match in _LEADING_CLAIM.finditer(sentence):
        if _VARYING.search(sentence, 0, match.start("who")) or _VARYING_WITH.match(match.group("who")):
            continue  # "une moyenne variant selon les professions", "selon les endroits": not who says it
        said = _SAID_BY.sub("", match.group("who"))
        if said == match.group("who") and _FIGURE_AFTER.match(sentence, match.end("who")) and \
                _NOT_WHOLE.search(said):  # "selon le CSF par un recul de 2,2 %": the figure is inside
            match = _LEADING_CLAIM_WHOLE.match(sentence, match.start()) or match
            said = _SAID_BY.sub("", match.group("who"))
        relative = _RELATIVE_WHO.match(match.group("who"))
        who = _antecedent_of(sentence[:match.start()]) if relative else clean_claimant(said)
        if who is None or _FIGURES_OF_NO_ONE.fullmatch(who):
            continue
        clause = clause_of(clauses, match.start("who")) or (0, len(sentence))
        start, end = clause[0], sentence_end(sentence, match.end())
        background = _BACKGROUND.match(sentence)
        if background and background.end() <= match.start():
            start = max(start, background.end())  # "Depuis l'attaque, qui a fait 1 400 morts, …, selon X"
        paren = _open_parenthesis(sentence, match.start("who"))
        if paren >= 0:  # "24 000 personnes (60 000 selon les syndicats)": only what the parentheses hold
            closing = sentence.find(")", paren)
            start, end = max(start, paren), min(end, closing if closing >= 0 else end)
        if relative:  # "la gendarmerie, selon laquelle 30 …": what the relative clause says
            covered = [n for n in numbers if match.start("who") <= n.start < end and n.claimant is None]
        else:
            before = [n for n in numbers if start <= n.start < match.start() and n.claimant is None]
            after = [n for n in numbers if match.end() <= n.start < end and n.claimant is None
                     and not _OWN_CLAIM.match(sentence, n.end)]  # ", 190 000 selon le ministère": its own
            if _inserted(sentence, start, match):
                # "27.000 manifestants, selon X, se sont rassemblés en 350 endroits": the figures of its
                # stretch; "La grève, selon le syndicat, …, empruntée par 4,5 millions": not a later one's
                stop = re.compile(r"[,;:.!?(«»]").search(sentence, match.end() + 1)
                covered = before + [n for n in after if stop is None or n.start < stop.start()]
            else:
                covered = before or after
        for number in covered:
            claim(number, who, match.span("who"))
    for match in _COUNTED_BY.finditer(sentence):
        who = clean_claimant(re.sub(r"\s+(?:est|sont|a|ont|était|étaient|sera|seront|reste|restent)\b.*$", "",
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
    subject_claims(sentence, numbers, claim)
    trailing = [(m, clean_claimant(m.group("who"), trailing=True)) for m in _TRAILING_CLAIM.finditer(sentence)
                if not m.group("inverted") or _speaker(sentence, m)]
    trailing += [(m, _antecedent(sentence, m.group("p1") or m.group("p2"))) for m in _PRONOUN_CLAIM.finditer(sentence)]
    trailing += [(m, clean_claimant(CUT.sub("", m.group("who")))) for m in _LEARNED_FROM.finditer(sentence)]
    trailing += [(m, clean_claimant(m.group("who"), trailing=True)) for m in _AFTER_QUOTE.finditer(sentence)
                 if not any(t.start() <= m.start() < t.end() for t, _w in trailing)]
    for match, who in sorted(trailing, key=lambda pair: pair[0].start()):
        if who is None:
            continue
        clause = clause_of(clauses, match.start()) or (0, len(sentence))
        # never across the end of a sentence; after a quotation, only the figures it quotes
        ends = [m.end() for m in re.finditer(r"[.!?]\s+(?=[«\"A-ZÀ-Ý])|[.!?][»”]?(?=[«“]\s*[A-ZÀ-Ý])", sentence[:match.start()])]
        floor = max([clause[0] if clause_of(clauses, match.start()) else 0, *ends])
        background = _BACKGROUND.match(sentence)
        if background and background.end() <= match.start():
            floor = max(floor, background.end())  # "Depuis l'attaque, qui a fait 1 400 morts, …, selon X"
        first = clause[0]
        if re.match(r"\s*[»\"”]", sentence[match.start():]) or re.search(r"[»\"”]\s*,?\s*$", sentence[:match.start()]):
            opening = max(sentence.rfind("«", 0, match.start()), sentence.rfind("“", 0, match.start()))
            lead = sentence[max([0, *ends]):max(opening, 0)].strip()
            if opening >= 0 and match.re is _TRAILING_CLAIM and lead and not lead.endswith((":", ",", ";", "—", "–", "-")) \
                    and not any(opening <= n.start < match.start() for n in numbers):
                # "…, dont 101 dans un lycée, dans «un premier temps …», a précisé X": a fragment quoted, in its sentence
                opening = -1
                floor = max([floor, *(m.end() for m in SENTENCE_END.finditer(sentence, 0, match.start()))])
            if opening >= 0:  # a quotation is one saying, whatever clauses it holds ("« … 100 euros, mais … »")
                floor = first = max([opening, *ends, background.end() if background and background.end() <= match.start()
                                     else 0])
        covered = [n for n in numbers if max(first, floor) <= n.start < match.start() and n.claimant is None]
        if not covered:  # the nearest clause before with figures
            earlier = [n for n in numbers if floor <= n.start < match.start() and n.claimant is None]
            last = clause_of(clauses, earlier[-1].start) if earlier else None
            covered = [n for n in earlier if clause_of(clauses, n.start) == last]
        if "who" in match.groupdict():
            going_on = _GOING_ON.match(sentence, match.end("who"))
            if going_on:  # ", a affirmé X, faisant état d'un taux de 60 %": what X goes on to say
                end = sentence_end(sentence, going_on.end())
                covered += [n for n in numbers if going_on.end() <= n.start < end and n.claimant is None]
        named = _NAMED_AFTER.match(sentence, match.end("who")) if "who" in match.groupdict() else None
        if named and re.match(r"(?:le|la|l['’])\s*[a-zé]", who):  # ", a indiqué le directeur …, Mohamed Laïd Hamzaoui"
            who = named.group("name")
        for number in covered:
            at = match.start("who") if "who" in match.groupdict() else sentence.find(who)  # a pronoun's: where it opens
            claim(number, who, (at, at + len(who)))
    whose = _WHOSE_WORDS.match(sentence)
    if whose and (whose.group("who")[:1].isupper() or whose.group("who").split()[0] in SPEAKERS):
        for number in numbers:  # "Les annonces d'Emmanuel Macron, dont … une hausse de 100 euros": his
            if number.start >= whose.end() and number.start < sentence_end(sentence, whose.end()):
                claim(number, whose.group("who"), whose.span("who"))


#: a sentence about what someone announced, promised or counted: "Les annonces d'Emmanuel Macron …",
#: "Les chiffres du ministère …" (a name, or an office or a body, not "les chiffres du chômage")
_WHOSE_WORDS = re.compile(
    r"(?:Les?|La|L['’]|Ses|Leurs?)\s*(?:(?:derni[èe]re?s|nouvelles|premi[èe]re?s)\s+)?(?:annonces|promesses|propositions|"
    r"d[ée]clarations|propos|chiffres|estimations|pr[ée]visions|calculs|projections)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|"
    r"des\s+|de\s+|d['’])\s*(?P<who>[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}|[^\W\d_][\w'’-]*)")


#: "« … », a dit M. Caldwell." before a quotation that goes on: who says what follows
_SAID_BEFORE = re.compile(
    r"[»”\"][\s\u00a0]*,\s*(?:(?:a|ont|avait|avaient)\s+)?" + CLAIM_VERB +
    r"\s+(?P<who>(?!que\b|qu['’]|-t-)[^,;:!?«»\"]{2,120}?)\s*[.!?]\s*$", re.IGNORECASE)


def resumed_quotes(sentence: str, numbers: list[FrenchNumber], before: str) -> None:
    """« … », a dit X. « Avec un taux de 80 % … »: the quotation that resumes after its speaker
    is named is the speaker's too, within the sentence or from the one before (``before``)."""
    resumed = [(m.end() - 1, sentence[:m.start() + 1]) for m in re.finditer(r"[.!?][\s\u00a0]*[«“]", sentence)]
    if sentence.startswith(("«", "“")):
        resumed.append((0, before))
    for start, said in resumed:
        match = _SAID_BEFORE.search(said)
        who = clean_claimant(match.group("who"), trailing=True) if match else None
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
