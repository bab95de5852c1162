"""When a French count after a definite article ("les", "aux", "ces" …) is one the sentence gives,
not a set the text spoke of before ("les trois enfants"): a participle that defines the set, a noun
just said, members named after it, a sum, a part of the figure before; read by
:mod:`db.extract.statistics.french_numbers`.
"""

from __future__ import annotations

import re

#: a noun and the participle that gives the set a definite count counts, not one the text spoke
#: of before: "aux onze personnes décédées depuis le début du mouvement" (not "les deux policiers qui …")
DEFINED_BY_PARTICIPLE = re.compile(
    r"^[\s\u00a0]+[^\W\d_][\w'’-]*\s+(?:[^\W\d_][\w'’-]*\s+)?(?:d[ée]c[ée]d|tu|interpell|arr[êe]t|"
    r"recens|enregistr|mort|disparu|inscrit|analys|[ée]tudi|interrog|sond)"
    r"(?:é|ée|és|ées|e|es|s)?\s+(?:depuis|lors|pendant|dans|en|au|aux|à|sur)\b|"
    r"^[\s\u00a0]+(?:victimes|morts|tués|blessés|interpellations|arrestations|interpellés)\s+(?:des?|du|d['’]|"
    r"dans\s+(?:tout|toute|tous|toutes)|lors|depuis|pendant)\s", re.IGNORECASE)
# "les 130 victimes des attentats", "les 263 blessés dans toute la France"


BACK_REFERENCE = re.compile(r"(?:^|\s)(?:les|ces|des|aux|leurs|ses|nos|vos|mes|tes)\s+$", re.IGNORECASE)
#: a definite count whose noun was just said, its participle after an adverb of time: "62 personnes
#: ont été déférées, s'ajoutant aux 163 déjà déférées auparavant" (the 163 count persons too)
ELIDED_BEFORE = re.compile(r"^[\s\u00a0]+(?:d[ée]j[àa]|pr[ée]c[ée]demment|auparavant|jusque-l[àa]|jusqu['’]ici|"
                           r"encore|toujours)\s+(?:[^\W\d_]+ment\s+)?[^\W\d_]+(?:é|ée|és|ées|is|ises|us|ues)\b",
                           re.IGNORECASE)
#: a definite count whose members the sentence names after it: "les trois sites que sont Aïn Beida,
#: Aïn Babouche et Aïn M'lila", "les deux villes, à savoir Lyon et Lille", "les quatre pays : France, …"
#: (not "les deux policiers (Jean et Paul)")
LISTED_AFTER = re.compile(r"^[\s\u00a0]+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s*(?:(?:,\s*)?(?:que\s+sont|qui\s+sont|"
                           r"[àa]\s+savoir|soit)\s+|:\s*)(?:l['’]|la\s+|le\s+|les\s+)?(?-i:[A-ZÀ-Ý])[^,;.]*(?:,|\s+et\s+)",
                           re.IGNORECASE)
#: a sum is no set spoken of before: "les 100 euros accordés aux allocataires", "les 100 euros de la hausse"
SUM_AFTER = re.compile(r"^[\s\u00a0\u202f]*(?:euros?|€|dollars?|\$|francs?|livres?\s+sterling|£|dinars?)(?!\w)", re.IGNORECASE)
#: "…, dont les deux de Fessenheim": a part of the figure before, its noun left out, by where it is
DONT_LES_OF = re.compile(r"\s+(?:de|d['’]|du|des|[àa]|au|aux|en|dans)\s*(?:l['’]|la\s+|le\s+)?[A-ZÀ-Ý]")
