"""The French words of saying that the claimant rules read: the verbs that say a figure (and those
that say it only inverted after a quotation, or only with "que"), what may stand between a verb
and who says it or "que" (a day, a medium, an adverb, an aside), the nouns of those who speak, and
where a sentence ends. The rules are
:mod:`db.extract.statistics.french_claimants`.
"""

from __future__ import annotations

import re

from db.extract.statistics.french_numbers import MONTH_RE

#: the verbs that say a figure, in any place: "a indiqué", "précise", "estime", "recense" …
CLAIM_VERB = (r"(?:indiqu\w*|d[ée]clar\w*|pr[ée]cis(?:e|ent|é|ée|és|ées|ait|aient|ant|era|eront|erait)\b|affirm\w*|rapport\w*|annonc\w*|ajout\w*|"
               r"dit|disent|disait|expliqu\w*|estim(?:e|é|ent|ait|aient)|soulign\w*|assur(?:e|é|ent|ait)|"
               r"confirm\w*|t[ée]moign\w*|racont\w*|signal\w*|[ée]crit|[ée]crivent|d[ée]taill\w*|"
               r"r[ée]v[éèe]l\w*|rel[èe]v(?:e|ent|ait|é)|not[ée]|relat\w*|rappel\w*|avert\w*|constat\w*|pr[ée]vien\w*|"
               r"fait\s+savoir|communiqu[ée]|mentionn\w*|recens\w*|d[ée]nombr\w*|chiffr\w*|"
               r"d[ée]plor\w*|avanc(?:e|é|ent)|comptabilis\w*|reconn(?:u|ue|us|a[iî]t|aissent|aissait|aissaient))")


#: what may stand between an auxiliary and its verb: "a également indiqué", "a par ailleurs précisé"
BY_THE_WAY = (r"(?:(?:[ée]galement|aussi|encore|finalement|ensuite|enfin|notamment|par\s+ailleurs|pour\s+sa\s+part|"
               r"de\s+son\s+c[ôo]t[ée]|de\s+leur\s+c[ôo]t[ée]|d['’]ailleurs|ainsi|d[ée]j[àa]|toutefois|cependant|"
               r"n[ée]anmoins|alors|aussit[ôo]t|rapidement|officiellement|publiquement)\s+)?")


#: the past participles of the verbs that stand inverted only after what is said: "« … », avait
#: concédé mi-janvier Gérald Darmanin", "Bien au contraire, a insisté Jean-Claude Lagron"
INVERTED_PARTICIPLE = (r"(?:conclu|r[ée]sum[ée]|insist[ée]|comment[ée]|analys[ée]|ironis[ée]|regrett[ée]|d[ée]nonc[ée]|"
                       r"admis|conc[ée]d[ée]|martel[ée]|poursuivi|ren?ch[ée]ri|temp[ée]r[ée]|nuanc[ée]|r[ée]pondu|"
                       r"r[ée]torqu[ée]|r[ée]pliqu[ée]|observ[ée]|jug[ée]|r[ée]agi|confi[ée]|"
                       r"fait\s+(?:valoir|remarquer|observer))")


#: verbs of saying that stand inverted after what is said, its subject after them (", conclut X",
#: ", s'inquiète le syndicat", ", rétorque-t-elle"); with a subject of their own before them
#: they would have an object, so they are read only in that place, and only after a quotation or with a
#: speaker after them ("…, regrette une erreur" names no one)
SAID_INVERTED = (r"(?:" + CLAIM_VERB + r"|(?P<inverted>conclu(?:t|ent)|r[ée]sum(?:e|ent)|insist(?:e|ent)|comment(?:e|ent)|"
                  r"analys(?:e|ent)|ironis(?:e|ent)|s['’]inqui[èe]t(?:e|ent)|regrett(?:e|ent)|d[ée]nonc(?:e|ent)|"
                  r"admet(?:tent)?|conc[èe]d(?:e|ent)|mart[èe]l(?:e|ent)|poursui(?:t|vent)|ren?ch[ée]ri(?:t|ssent)|"
                  r"temp[èe]r(?:e|ent)|nuanc(?:e|ent)|r[ée]pond(?:ent)?|r[ée]torqu(?:e|ent)|r[ée]pliqu(?:e|ent)|"
                  r"observ(?:e|ent)|jug(?:e|ent)|s['’]indign(?:e|ent)|s['’]alarm(?:e|ent)|s['’][ée]tonn(?:e|ent)|"
                  r"r[ée]agi(?:t|ssent)|confi(?:e|ent)|fai(?:t|saient)\s+(?:valoir|remarquer|observer)|"
                  r"(?:a|ont|avait|avaient|aurait|auraient)\s+" + BY_THE_WAY + INVERTED_PARTICIPLE + r"))")


#: what may stand between a claim verb and who claims or "que": a day or time ("a indiqué jeudi soir",
#: "avait révélé à la mi-août que"), to whom or where it was said ("à l'AFP", "sur BFMTV", "dans un
#: communiqué", "en conférence de presse") and an adverb ("rappelle ainsi X")
SAID_WHEN_TO_WHOM = (
    r"(?:\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)"
    r"(?:\s+(?:soir|matin|midi|après-midi|dernier))?|(?:ce|cet|cette)\s+(?:matin|soir|midi|après-midi|semaine|"
    r"week-end|nuit)|(?:la\s+semaine|le\s+mois|le\s+week-end)\s+derni(?:er|ère)|"
    r"dans\s+(?:la|l['’]|un|une|son|sa|leur|ce|cette)\s*(?:soirée|matinée|journée|nuit|communiqué|tweet|message|"
    r"entretien|interview|déclaration|lettre|courrier|vidéo|publication)|"
    r"(?:[àa]\s+la\s+|en\s+|d[ée]but\s+|fin\s+|(?:le\s+)?\d{1,2}(?:er)?\s+)(?:mi-)?" + MONTH_RE + r"|[àa]\s+la\s+mi-\w+|"
    r"mi-" + MONTH_RE + r"|"
    r"[àa]\s+(?:l['’]\s*[A-Z][\w-]*|la\s+presse|la\s+radio|la\s+t[ée]l[ée]vision|[A-Z][\w-]*)|"
    r"aux\s+(?:journalistes|médias)|au\s+(?:micro\s+d[e']\s*|journal\s+)?[A-Z][\w-]*|"
    r"sur\s+(?:[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d))?|son\s+compte\s+\w+|les\s+ondes\s+d[e']\s*[A-Z][\w-]*|"
    r"le\s+plateau\s+d[e']\s*[A-Z][\w-]*)|lors\s+d['’]une\s+conf[ée]rence\s+de\s+presse|"
    r"en\s+conf[ée]rence\s+de\s+presse|devant\s+(?:la\s+presse|les\s+journalistes|les\s+d[ée]put[ée]s)|"
    r"(?:[àa]|vers)\s+\d{1,2}\s*[hH:]\s*\d{0,2}|en\s+(?:fin|d[ée]but|milieu)\s+d['’e]\s*(?:la\s+)?"
    r"(?:journée|matinée|soirée|après-midi|semaine)|plus\s+t[ôo]t|plus\s+tard|peu\s+apr[èe]s|dans\s+la\s+foulée|ainsi|[ée]galement|aussi|encore|enfin|d['’]ailleurs|notamment|"
    r"toutefois|pourtant|alors|d[ée]j[àa]|r[ée]cemment|par\s+ailleurs|de\s+son\s+c[ôo]t[ée]|pour\s+sa\s+part|"
    r"officiellement|publiquement)(?=[\s,:]|$)){0,3}")


#: the full stop of "M. Griveaux", "Dr. Martin", "J.-P. Durand" inside a name, not its end
ABBREVIATED = r"(?<=\bM)\.|(?<=\bMM)\.|(?<=\bDr)\.|(?<=\bPr)\.|(?<=\b[A-Z])\.(?=\s?-?[A-Z])"


#: verbs of finding or judging that say a figure only with "que" after them, as a court, a report
#: or a body does: "le tribunal observe que", "la Cour des comptes considère que", "le rapport juge que"
JUDGED_THAT = (r"(?:observ|consid[èe]r|jug|soulign|conclu|retien|retenu|soutien|soutienn)(?:e|ent|ait|aient|é|t|nent)?"
                r"(?=\s*(?:,[^,]{1,40},\s*|[–—]\s*[^–—]{1,40}[–—]\s*)?(?:que\b|qu['’]))")  # "a retenu – après tout – que"


#: the nouns of a person's office or of a body that "il"/"elle" may stand for
SPEAKERS = frozenset({
    "maire", "ministre", "préfet", "préfète", "procureur", "procureure", "président", "présidente",
    "porte-parole", "directeur", "directrice", "secrétaire", "député", "députée", "sénateur", "sénatrice",
    "commissaire", "chef", "cheffe", "général", "colonel", "commandant", "gouverneur", "ambassadeur",
    "ambassadrice", "responsable", "avocat", "avocate", "juge", "police", "gendarmerie", "préfecture", "mairie",
    "armée", "ministère", "syndicat", "gouvernement", "parquet", "organisation", "association", "agence",
    "commission", "fédération", "direction", "entreprise", "société", "compagnie", "ONG", "institut", "office"
})  # fmt: skip


SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]+[»”\"]?\s*(?=[«\"“A-ZÀ-Ý])")


def sentence_end(sentence: str, position: int) -> int:
    """Where the sentence holding ``position`` ends: a "sentence" read from the page may hold
    two whose full stop has no space after it ("… la fuite.«Beaucoup de jeunes»Dans le sud-est")."""
    end = SENTENCE_END.search(sentence, position)
    return end.start() if end else len(sentence)
