"""French numbers that are no statistic however they are written: the parameters of a rule or a
plan (a cap, "limité à 4 600 euros", "plafonnée à 25 %"; a threshold, "les promotions supérieures
à 34 %"; a threshold changed, "le seuil … sera relevé de 10 %"), and idioms whose number counts
nothing ("à deux pas", "en deux temps", "trois francs six sous", "à 100 % pacifiste"), and a small
number of kinds or ways ("deux visions incompatibles"); a supposition's figures ("Si on a cinq
listes …, ce sera désolant"), a time since ("depuis huit matchs") and how often a rule allows
a thing ("refuser de travailler 3 dimanches par an").
Weights of a thing and sound levels ("pèse 250 g", "155 db") are read as measures, not counts, by
:data:`db.extract.statistics.french_numbers.NOT_A_COUNT_AFTER`."""

from __future__ import annotations

import re

#: a noun of change in the subject of a cap makes the cap its size: "un recul limité à 2 %" is a fall of 2 %
_CHANGE_NOUN = (r"(?:baisse|hausse|recul|perte|pertes|progression|croissance|augmentation|diminution|chute|repli|"
                r"d[ée]gradation|contraction|inflation|d[ée]ficit|d[ée]rapage|d[ée]passement)")

#: a cap set by a rule or a plan: "dont le montant est limité à", "plafonnée à", "la limitation des volumes … à"
_CAP = re.compile(
    r"(?:\b(?P<head>[^\W\d_]+)\s+(?:(?:est|sont|sera|seront|serait|seraient|était|étaient|reste|restent|être)\s+)?"
    r"(?:limit|plafonn|born|cantonn)[ée]e?s?\s+[àa]|"
    r"\b(?:limitation|plafonnement)\s+(?:des?|du|de\s+la|de\s+l['’]|d['’])\s*[^,;:.!?()]{1,50}?\s+[àa]|"
    r"\b(?:dans\s+la\s+limite|[àa]\s+hauteur\s+maximale|au\s+maximum\s+autoris[ée]e?)\s+(?:de|d['’]))"
    r"\s*(?:environ\s+|quelque\s+)?$", re.IGNORECASE)

#: a threshold that defines a class a rule applies to: "les promotions (en valeur) supérieures à 34 %",
#: "des revenus inférieurs à 1 500 euros"
_CLASS_THRESHOLD = re.compile(
    r"\b(?:les|des|aux|ces|leurs)\s+[^\W\d_]+[sx](?:\s+(?:en|de|d['’])\s*[^\W\d_]+){0,2}\s+"
    r"(?:sup[ée]rieur|inf[ée]rieur)e?s\s+[àa]\s*$", re.IGNORECASE)

#: a threshold, a ceiling or a floor of a rule changed: "le seuil de revente à perte sera relevé de 10 %"
_THRESHOLD_CHANGED = re.compile(
    r"\b(?:seuils?|plafonds?|planchers?|limites?|bar[èe]mes?)\b[^,;:.!?()]{0,50}?\s(?:relev|abaiss|rehauss|ramen|"
    r"port|fix|augment|baiss|r[ée]duit|major|minor)[ée]e?s?\s+(?:de|d['’]|[àa])\s*$", re.IGNORECASE)

#: idioms whose number counts nothing, matched over the sentence
_IDIOMS = re.compile(
    r"\b(?:[àa]\s+(?:deux|quelques)\s+pas\b|en\s+(?:deux|trois|quatre)\s+temps\b|"
    r"trois\s+francs\s+six\s+sous|deux\s+poids,?\s+deux\s+mesures|entre\s+quatre\s+yeux|"
    r"aux\s+quatre\s+(?:coins|vents)|[àa]\s+quatre\s+(?:pattes|épingles)|les\s+quatre\s+cents\s+coups|"
    r"(?:se\s+mettre|se\s+met|se\s+mettent|s['’]est\s+mis\w*)\s+en\s+quatre|en\s+(?:deux|trois|quatre|quelques)\s+mots|"
    r"[àa]\s+deux\s+doigts|trente-six\s+chandelles|tous\s+les\s+trente-six\s+du\s+mois|ni\s+une\s+ni\s+deux|"
    r"d['’]une\s+pierre\s+deux\s+coups|trois\s+fois\s+rien|les\s+cent\s+pas|[àa]\s+deux\s+vitesses|"
    r"(?:couper|coupé|coupée)\s+la\s+poire\s+en\s+deux|un\s+de\s+ces\s+quatre|"
    # "à 100 % pacifiste", "à cent pour cent français", "une liste « 100 % gilets jaunes »", "un produit
    # 100 % français": an intensifier before its adjective or noun (not "ouvertes à 100 %", "remboursé à
    # 100 % par", "à 100 % des places", "atteint 100 % chez les jeunes")
    r"(?:[àa]\s+|(?<=[«“\"]\s)|(?<=[«“\"])|(?:une?|des)\s+[^\W\d_]{3,}\s+)(?:100|cent)\s*(?:%|pour\s*cent)\s+(?!(?:des?|du|d|de\s+la|"
    r"par|en|dans|pour|sur|au|aux|à|avant|après|depuis|et|ou|le|la|les|l|selon|contre|avec|sans|ce|cette|ces|mais|"
    r"qui|que|chez|parmi|entre|jusqu|soit|plus|moins|en|an|ann[ée]es?|mois)\b)[^\W\d_]{3,})", re.IGNORECASE)

#: the base of a rate, a round number after "pour" and a figure: "76 généralistes pour 100.000 habitants"
_RATE_BASE = re.compile(r"\d[^,;:.!?()]{0,60}\bpour\s+$", re.IGNORECASE)
_ROUND = re.compile(r"(?:100|1[\s\u00a0\u202f.]?000|10[\s\u00a0\u202f.]?000|100[\s\u00a0\u202f.]?000|"
                    r"1[\s\u00a0\u202f.]?000[\s\u00a0\u202f.]?000|cent|mille|dix\s+mille|cent\s+mille)", re.IGNORECASE)


#: a small number in words before a noun of kinds or ways counts no things: "deux visions
#: incompatibles", "deux styles distincts de populisme", "fondée sur deux dogmes"
_KINDS = re.compile(
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:(?:grand|grande|petit|petite|autre|vrai|vraie|seul|seule|"
    r"principal|principale|nouvel|nouvelle)s?\s+|principaux\s+|nouveaux\s+)?"
    r"(?:visions|styles|dogmes|conceptions|logiques|approches|fa[çc]ons|mani[èe]res|sortes|types|formes|"
    r"cat[ée]gories|raisons|choses|id[ée]es|options|sc[ée]narios|hypoth[èe]ses|pistes|volets|axes|"
    r"niveaux|aspects|dimensions|facettes|principes|valeurs|mondes|camps|philosophies|strat[ée]gies|"
    r"m[ée]thodes|mod[èe]les|discours|r[ée]cits|lectures|interpr[ée]tations|temps|vitesses|poids)\b", re.IGNORECASE)


#: a "si" opening a supposition, before its subject: "Si on a cinq listes", "s'il reste 3 %" (not the
#: adverb: "si bien que", "si important")
_IF = re.compile(r"(?:^|[,;:(—–«“\"]\s*|\b(?:et|mais|or|même)\s+)(?:[Ss]i\s+(?=(?:on|il|elle|ils|elles|je|tu|nous|vous|c['’]|"
                 r"le|la|les|l['’]|une?|des|ce|cet|cette|ces|son|sa|ses|leurs?|notre|nos|aucune?|chaque|tous|toutes|"
                 r"(?-i:[A-ZÀ-Ý]))\b)|[Ss]['’]ils?\b)", re.IGNORECASE)
#: the main clause after a supposition, its verb in the future or the conditional: ", ce sera
#: désolant", ", le gouvernement pourrait" (a verb of its own subordinate, "a estimé que … serait", is not it)
_THEN_WOULD = re.compile(
    r",\s*(?:alors\s+)?(?:(?!\bqu)[^,;:.!?«»]){0,40}?\b(?:sera|seront|serait|seraient|aura|auront|aurait|auraient|"
    r"pourra|pourront|pourrait|pourraient|devra|devront|devrait|devraient|faudra|faudrait|ira|iront|irait|"
    r"[^\W\d_]{2,}(?:era|erons|erez|eront|erait|eraient|ira|iront|irait|iraient|dra|drons|dront|drait|draient))\b", re.IGNORECASE)

#: a time since, counted in events: "une victoire qui le fuit depuis huit matchs" (a year is read before)
_SINCE = re.compile(r"\bdepuis\s+(?:(?:plus|pr[èe]s|moins)\s+d['’e]\s*|au\s+moins\s+)?$", re.IGNORECASE)
#: what a time since is counted in: events that come in turn ("depuis cinq barges" is a place, not a time)
_EVENTS = re.compile(r"[\s\u00a0]+(?:(?:derni[eè]r|premi[eè]r)\w*\s+)?(?:matchs|matches|rencontres|journ[ée]es|saisons|"
                     r"[ée]ditions|mandats|l[ée]gislatures|scrutins|trimestres|semestres|exercices|g[ée]n[ée]rations|"
                     r"tours|courses|[ée]tapes|samedis|dimanches|week-ends|actes|[ée]pisodes|sessions|rentr[ée]es)\b",
                     re.IGNORECASE)

#: how often a rule or a habit allows a thing, in days or times a period: "3 dimanches par an", "deux fois par mois"
_HOW_OFTEN = re.compile(
    r"[\s\u00a0]+(?:lundis|mardis|mercredis|jeudis|vendredis|samedis|dimanches|week-ends|soirs|soir[ée]es|matin[ée]es|"
    r"fois|s[ée]ances)\s+(?:par|chaque|tous\s+les|toutes\s+les)\s+(?:an|ann[ée]es?|mois|semaines?|jours?|trimestres?)\b",
    re.IGNORECASE)


#: a banknote or a coin by its denomination: "le biffeton de 500 francs", "des billets de 50 euros"
_DENOMINATION_BEFORE = re.compile(r"\b(?:billets?|biffetons?|coupures?|pi[èe]ces?)\s+de\s*$", re.IGNORECASE)
_DENOMINATION_AFTER = re.compile(r"[\s\u00a0]*(?:euros?|€|francs?|dollars?|\$|centimes?|cents?|livres?)(?!\w)", re.IGNORECASE)


def _supposed(sentence: str, start: int) -> bool:
    """Whether ``start`` stands in a "si" clause whose main clause after it is in the future or the
    conditional: what is supposed, not found."""
    comma = sentence.find(",", start)
    if comma < 0 or not _THEN_WOULD.match(sentence, comma):
        return False
    return any(not re.search(r"[;:.!?]", sentence[opening.end():comma]) for opening in _IF.finditer(sentence, 0, start))


def non_figure(sentence: str, start: int, end: int) -> str | None:
    """Why the number at ``start:end`` of ``sentence`` is a rule's parameter or part of an idiom,
    or None."""
    before = sentence[max(0, start - 90):start]
    cap = _CAP.search(before)
    if cap and not re.search(rf"\b{_CHANGE_NOUN}s?\b", re.split(r"[,;:.!?()]", before[:cap.start()])[-1] +
                             " " + (cap.group("head") or ""), re.IGNORECASE):
        return "a cap set by a rule or a plan"  # not "la hausse des prix est restée limitée à 1,2 %"
    if _CLASS_THRESHOLD.search(before):
        return "the threshold of a class a rule applies to"
    if _THRESHOLD_CHANGED.search(before):
        return "a rule's threshold changed"
    if _RATE_BASE.search(before) and _ROUND.fullmatch(sentence, start, end) and \
            re.match(r"[\s\u00a0]+[^\W\d_]{3,}", sentence[end:]):
        return "the base of a rate"
    if _DENOMINATION_BEFORE.search(before) and _DENOMINATION_AFTER.match(sentence, end):
        return "a banknote's or a coin's denomination"
    if _SINCE.search(before) and _EVENTS.match(sentence, end):
        return "a time since"
    if _HOW_OFTEN.match(sentence, end):
        return "how often a thing is allowed or done"
    if _supposed(sentence, start):
        return "a supposition"
    if _KINDS.match(sentence, start):
        return "a count of kinds or ways"
    if any(m.start() <= start < m.end() for m in _IDIOMS.finditer(sentence, max(0, start - 40), min(len(sentence), end + 40))):
        return "an idiom"
    return None
