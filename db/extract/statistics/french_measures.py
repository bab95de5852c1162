"""The measure of a French figure: the nearest participle or verb of its clause, in its base form
(the infinitive: "interpellées" -> "interpeller", "comptaient" -> "compter", "morts" -> "mourir"),
read for :mod:`db.extract.statistics.french`. French conjugation is regular enough for the verbs of
news figures to be undone by their endings; the irregular ones are listed.
"""

from __future__ import annotations

import re

from db.extract.statistics.french_numbers import FrenchNumber
from db.extract.statistics.phrase import whole_words

_SKIP_VERBS = {"été", "a", "ont", "est", "sont", "indiqué", "déclaré", "précisé", "ajouté", "annoncé",
               "affirmé", "rapporté", "signalé", "estimé", "souligné", "expliqué", "confirmé", "selon"}


_NOT_VERBS = re.compile(r"(?:t[ée]s?|ment|ments|ée|ées)$")


_VERBISH = re.compile(r"^[^\W\d_][\w-]*(?:é|ée|és|ées|ent|ait|aient)$|^(?:fait|faits|pris|"
                      r"mis|atteint|détruit|détruits|perdu|perdus|reçu|compte|comptent|comptait|dépasse|"
                      r"dépassent|recense|dénombre|enregistre|enregistrent|tue|tuent)$", re.IGNORECASE)


_NOUN_ENDINGS = {"année", "journée", "armée", "entrée", "idée", "musée", "lycée", "durée", "arrivée", "fumée",
                 "portée", "assemblée", "vallée", "soirée", "matinée", "pensée", "tournée", "rentrée",
                 "lui", "aussi", "ici", "parmi", "depuis", "mais", "jamais", "pays", "fois",
                 "puis", "plus", "tous", "vous", "nous", "sous", "vers", "alors", "dessus", "parti",
                 "gouvernement", "moment", "ailleurs", "souvent", "comment", "avant", "pendant",
                 "durant", "parent", "parents", "accident", "président", "présidents", "agent",
                 "agents", "argent", "incident", "incidents", "client", "clients", "patient",
                 "patients", "récent", "récents", "urgent", "continent", "talent", "étudiant"}


def measure(sentence: str, clause: tuple[int, int], number: FrenchNumber) -> str | None:
    """The base form of the nearest participle or verb of the clause (after the number first)."""
    start, end = max(clause[0], number.start - 80), min(clause[1], number.end + 80)
    candidates: list[tuple[int, str]] = []
    for match in whole_words(sentence, start, end):
        if number.start <= match.start() < max(number.end, number.counted_end):
            continue
        word = match.group(0).lower()
        if len(word) < 4 or word in _SKIP_VERBS or word in _NOUN_ENDINGS or not _VERBISH.match(word):
            continue
        if _NOT_VERBS.search(word) and not word.endswith(("ées", "ée", "tués", "tué")) and not re.search(
                r"\b(?:a|ont|avait|avaient|été|est|sont|était|étaient|ayant|avoir|être|se|s['’])\s+$",
                sentence[max(0, match.start() - 12):match.start()], re.IGNORECASE):
            continue  # "la sécurité", but "ont manifesté"
        if word.endswith(("ée", "ées")) and word in _NOUN_ENDINGS:
            continue
        if re.search(r"(?:^|\s)(?:le|la|les|l['’]|des|du|un|une|ces|ses|leurs?|aux|nos|vos|mes)\s*$",
                     sentence[max(0, match.start() - 8):match.start()], re.IGNORECASE):
            continue  # "100 % des salariés", "les blessés": after a determiner, a noun
        distance = match.start() - number.end if match.start() >= number.end else \
            number.start - match.end() + 15
        if base_form(word) in ("avoir", "être"):
            continue  # an auxiliary: "avait estimé", "étaient"
        candidates.append((distance, base_form(word)))
    return min(candidates)[1] if candidates else None


#: irregular forms and the verbs whose endings mislead, with their infinitives
_IRREGULAR = {
    "été": "être", "né": "naître", "nés": "naître", "née": "naître", "nées": "naître",
    "mort": "mourir", "morts": "mourir", "morte": "mourir", "mortes": "mourir", "meurent": "mourir",
    "fait": "faire", "faits": "faire", "faite": "faire", "faites": "faire", "font": "faire", "faisait": "faire",
    "faisaient": "faire", "dit": "dire", "dits": "dire", "dite": "dire", "disent": "dire", "disait": "dire",
    "disaient": "dire", "écrit": "écrire", "écrits": "écrire", "écrivent": "écrire",
    "détruit": "détruire", "détruits": "détruire", "détruite": "détruire", "détruites": "détruire",
    "construit": "construire", "construits": "construire", "construite": "construire", "construites": "construire",
    "produit": "produire", "produits": "produire", "réduit": "réduire", "réduits": "réduire",
    "conduit": "conduire", "conduits": "conduire", "atteint": "atteindre", "atteints": "atteindre",
    "atteinte": "atteindre", "atteignent": "atteindre", "atteignait": "atteindre", "craint": "craindre",
    "pris": "prendre", "prise": "prendre", "prises": "prendre", "prennent": "prendre", "prenait": "prendre",
    "mis": "mettre", "mise": "mettre", "mises": "mettre", "mettent": "mettre", "mettait": "mettre",
    "perdu": "perdre", "perdus": "perdre", "perdue": "perdre", "perdues": "perdre", "perdent": "perdre",
    "perdait": "perdre", "vendu": "vendre", "vendus": "vendre", "vendue": "vendre", "vendues": "vendre",
    "vendent": "vendre", "rendu": "rendre", "rendus": "rendre", "attendu": "attendre", "attendus": "attendre",
    "attendent": "attendre", "entendu": "entendre", "entendus": "entendre", "descendu": "descendre",
    "descendus": "descendre", "répandu": "répandre", "suspendu": "suspendre", "suspendus": "suspendre",
    "reçu": "recevoir", "reçus": "recevoir", "reçue": "recevoir", "reçues": "recevoir", "reçoivent": "recevoir",
    "recevait": "recevoir", "perçu": "percevoir", "perçus": "percevoir", "perçoivent": "percevoir",
    "venu": "venir", "venus": "venir", "venue": "venir", "venues": "venir", "viennent": "venir",
    "venait": "venir", "venaient": "venir", "devenu": "devenir", "devenus": "devenir", "deviennent": "devenir",
    "tenu": "tenir", "tenus": "tenir", "tiennent": "tenir", "obtenu": "obtenir", "obtenus": "obtenir",
    "obtiennent": "obtenir", "retenu": "retenir", "retenus": "retenir", "détenu": "détenir", "détenus": "détenir",
    "détiennent": "détenir", "maintenu": "maintenir", "maintenus": "maintenir", "élu": "élire", "élus": "élire",
    "élue": "élire", "élues": "élire", "lu": "lire", "lus": "lire", "vu": "voir", "vus": "voir", "vue": "voir",
    "voient": "voir", "voyait": "voir", "prévu": "prévoir", "prévus": "prévoir", "prévue": "prévoir",
    "prévues": "prévoir", "prévoient": "prévoir", "prévoyait": "prévoir", "battu": "battre", "battus": "battre",
    "abattu": "abattre", "abattus": "abattre", "combattent": "combattre", "su": "savoir", "pu": "pouvoir",
    "peuvent": "pouvoir", "pouvait": "pouvoir", "pouvaient": "pouvoir", "dû": "devoir", "doivent": "devoir",
    "devait": "devoir", "devaient": "devoir", "voulu": "vouloir", "veulent": "vouloir", "voulait": "vouloir",
    "voulaient": "vouloir", "vont": "aller", "allait": "aller", "allaient": "aller", "sont": "être",
    "étaient": "être", "était": "être", "ont": "avoir", "avait": "avoir", "avaient": "avoir", "eu": "avoir",
    "eus": "avoir", "ouvert": "ouvrir", "ouverts": "ouvrir", "ouverte": "ouvrir", "ouvertes": "ouvrir",
    "ouvrent": "ouvrir", "couvert": "couvrir", "couverts": "couvrir", "offert": "offrir", "offerts": "offrir",
    "offrent": "offrir", "souffert": "souffrir", "découvert": "découvrir", "découverts": "découvrir",
    "croient": "croire", "croyait": "croire", "cru": "croire", "vivent": "vivre", "vivait": "vivre",
    "vivaient": "vivre", "vécu": "vivre", "suivent": "suivre", "suivi": "suivre", "suivis": "suivre",
    "suivait": "suivre", "poursuivi": "poursuivre", "poursuivis": "poursuivre", "poursuivent": "poursuivre",
    "sortent": "sortir", "sortait": "sortir", "partent": "partir", "partait": "partir", "servent": "servir",
    "dorment": "dormir", "courent": "courir", "couru": "courir", "connu": "connaître", "connus": "connaître",
    "connaissent": "connaître", "connaissait": "connaître", "paru": "paraître", "disparu": "disparaître",
    "disparus": "disparaître", "disparue": "disparaître", "disparues": "disparaître", "disparaissent": "disparaître",
    "plu": "plaire", "inscrit": "inscrire", "inscrits": "inscrire", "inscrite": "inscrire", "inscrites": "inscrire",
    "inscrivent": "inscrire", "décrit": "décrire", "décrits": "décrire", "joint": "joindre", "joints": "joindre",
    "rejoint": "rejoindre", "rejoints": "rejoindre", "rejoignent": "rejoindre", "contraint": "contraindre",
    "contraints": "contraindre", "peint": "peindre", "éteint": "éteindre", "plaint": "plaindre",
    "furent": "être", "fut": "être", "sera": "être", "seront": "être", "serait": "être", "seraient": "être", "aura": "avoir", "auront": "avoir",
    "aurait": "avoir", "auraient": "avoir", "fera": "faire", "feront": "faire", "ferait": "faire",
    "feraient": "faire", "ira": "aller", "iront": "aller", "irait": "aller", "iraient": "aller",
    "pourra": "pouvoir", "pourront": "pouvoir", "pourrait": "pouvoir", "pourraient": "pouvoir", "devra": "devoir",
    "devront": "devoir", "devrait": "devoir", "devraient": "devoir", "faudra": "falloir", "faudrait": "falloir",
    "viendra": "venir", "viendront": "venir", "viendrait": "venir", "verra": "voir", "verront": "voir",
}  # fmt: skip

#: "-mis", "-pris" of the verbs built on mettre and prendre: "admis", "soumis", "compris", "surpris"
_BUILT_ON = (("mis", "mettre"), ("mise", "mettre"), ("mises", "mettre"), ("mettent", "mettre"),
             ("pris", "prendre"), ("prise", "prendre"), ("prises", "prendre"), ("prennent", "prendre"))


def base_form(word: str) -> str:
    """The infinitive of a French verb form ("recensés" -> "recenser", "finissent" -> "finir",
    "mangeaient" -> "manger", "achètent" -> "acheter", "réunis" -> "réunir"); a word it does not read
    as a verb form comes back as it is (lower-case)."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    for ending, infinitive in _BUILT_ON:
        if lower.endswith(ending) and len(lower) > len(ending) + 1 and lower[:-len(ending)] in (
                "ad", "com", "pro", "sou", "per", "re", "o", "trans", "dé", "entre", "sur", "ap", "ré"):
            return lower[:-len(ending)] + infinitive
    future = re.match(r"(?P<stem>.{2,}?)(?:er|ir)(?:aient|ait|ont|a)$", lower)
    if future:  # "augmenteraient", "atteindra" is not read: the -er and -ir futures and conditionals
        return lower[:future.end("stem") + 2]
    if re.search(r"iss(?:ent|ait|aient|ant)$", lower):  # "finissent", "réunissaient": the -ir verbs
        return re.sub(r"iss(?:ent|ait|aient|ant)$", "ir", lower)
    regular = re.match(r"(?P<stem>.{2,}?)(?:ées|ée|és|é|ent|aient|ait|ant|e)$", lower)
    if regular:  # the -er verbs: "comptés", "comptent", "comptaient", "recense"
        stem = regular.group("stem")
        if lower.endswith(("aient", "ait", "ant")):
            stem = re.sub(r"ge$", "g", stem).replace("ç", "c")  # "mangeaient", "commençait"
        if lower.endswith(("ent", "e")) and not lower.endswith(("aient", "ée", "ées")):
            stem = re.sub(r"è(?=[^\W\d_]+$)", "e", stem)  # "achètent", "lèvent"
        if re.search(r"(?:ouvr|offr|ouffr|cueill|[tv]en)$", stem) and not lower.endswith(("é", "ée", "és", "ées")):
            return stem + "ir"  # "couvraient", "offrent", "obtenaient", "venait": the -ir verbs of these stems
        return stem + "er"
    if re.search(r"[^\W\d_]{2,}i(?:e|s|es)?$", lower):  # "réunis", "saisies", "choisi": the -ir verbs
        return re.sub(r"i(?:e|s|es)?$", "ir", lower)
    return lower
