"""French words the new-actor suggester reads by: words that open a sentence in capitals
without being names (prepositions, conjunctions, adverbs, pronouns, determiners, weekdays and
months), titles before a person's name, the nouns that head the name of a state body, an
organisation, a street or a place, the words that mark a media outlet, the heads of names
that are no actors (documents, events), and the page furniture of French news sites.

The rules that use them are in :mod:`db.extract.mentions.french_names`."""

from __future__ import annotations

import re

NOT_NAMES = {
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet",
    "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta",
    "notre", "nos", "votre", "vos", "à", "a", "en", "dans", "sur", "sous", "par", "pour",
    "avec", "sans", "chez", "vers", "entre", "contre", "depuis", "pendant", "avant", "après",
    "dès", "selon", "malgré", "parmi", "outre", "hormis", "sauf", "envers", "via", "et", "ou",
    "mais", "donc", "or", "ni", "car", "que", "qu", "qui", "quoi", "dont", "où", "quand",
    "comme", "si", "lorsque", "lorsqu", "puisque", "puisqu", "quoique", "tandis", "alors",
    "ainsi", "aussi", "pourtant", "cependant", "toutefois", "néanmoins", "enfin", "ensuite",
    "puis", "d'abord", "désormais", "déjà", "encore", "toujours", "jamais", "souvent", "parfois",
    "ici", "là", "voilà", "voici", "ailleurs", "d'ailleurs", "d'après", "surtout", "notamment",
    "seulement", "même", "plus", "moins", "très", "trop", "peu", "beaucoup", "bien", "mal",
    "oui", "non", "certes", "bref", "voire", "sinon", "autrement", "également", "effectivement",
    "évidemment", "finalement", "justement", "d'autant", "quant", "hier",
    "aujourd'hui", "demain", "maintenant", "actuellement", "récemment", "bientôt", "tard", "tôt",
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "tu", "lui", "eux", "se",
    "me", "te", "y", "celui", "celle", "ceux", "celles", "cela", "ça", "ceci", "chacun",
    "chacune", "personne", "rien", "tout", "tous", "toute", "toutes", "plusieurs", "certains",
    "certaines", "quelques", "quelque", "aucun", "aucune", "autre", "autres", "tel", "telle",
    "lequel", "laquelle", "lesquels", "quel", "quelle", "quels", "quelles", "pourquoi",
    "comment", "combien", "est-ce", "c'est", "n'est", "il y a", "mieux", "pire", "ensemble",
    "premier", "première", "deuxième", "dernier", "dernière", "nouveau", "nouvelle", "ancien",
    "ancienne", "ex", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix",
    "cent", "mille", "chaque", "lors", "parce", "ah", "oh", "eh", "bon", "bah", "hélas", "merci", "bravo", "attention",
}  # fmt: skip
WEEKDAYS_AND_MONTHS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
    "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre",
}  # fmt: skip
#: titles and roles before a person's name (lower case, either gender)
TITLES = {
    "m", "m.", "mm", "mm.", "mme", "mmes", "mlle", "me", "dr", "pr", "monsieur", "madame",
    "mademoiselle", "docteur", "professeur", "maître", "ministre", "président", "présidente",
    "premier", "première", "secrétaire", "porte-parole", "député", "députée", "eurodéputé",
    "eurodéputée", "sénateur", "sénatrice", "maire", "préfet", "préfète", "général", "générale",
    "colonel", "commandant", "capitaine", "lieutenant", "commissaire", "procureur",
    "procureure", "juge", "avocat", "avocate", "directeur", "directrice", "chef", "cheffe",
    "patron", "patronne", "abbé", "père", "sœur", "soeur", "frère", "cardinal", "pape",
    "archevêque", "évêque", "imam", "rabbin", "pasteur", "roi", "reine", "prince", "princesse",
    "duc", "duchesse", "comte", "comtesse", "baron", "baronne", "chancelier", "chancelière",
    "gouverneur", "ambassadeur", "ambassadrice", "conseiller", "conseillère", "délégué",
    "déléguée", "leader", "chanteur", "chanteuse", "acteur", "actrice", "écrivain",
    "écrivaine", "philosophe", "sociologue", "historien", "historienne", "journaliste",
    "économiste", "politologue", "romancier", "romancière", "réalisateur", "réalisatrice", "candidat", "candidate", "militant",
    "militante", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "élu", "élue",
    "vice-président", "vice-présidente", "ex-président", "ex-ministre", "garde",
}  # fmt: skip
#: a minister's or ministry's title before the name of its field: "le ministre de
#: l'Intérieur", "la ministre des Transports", "le secrétaire d'État", "le ministère de
#: l'Économie"
MINISTRY_TITLE = re.compile(
    r"\b(?:ministres?|secrétaires?|sous-secrétaires?)"
    r"(?:\s+(?:délégué|déléguée|chargée?|d'État|d’État|d'Etat|d’Etat)(?:\s+(?:chargée?))?)?"
    # another field before, coordinated: "le ministre de l'Économie et des Finances"
    r"(?:\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’]|aux|à\s+la|à\s+l['’]|au)\s*[^\W\d_][\w'’-]*"
    r"(?:\s+[a-zàâçéèêëîïôûù]+)?\s*(?:,|et))*"
    r"\s+(de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*|aux\s+|à\s+la\s+|à\s+l['’]\s*|au\s+)$",
    re.IGNORECASE)
#: adjectives that stand before a noun: capitalised before a lower-case one, they open a
#: description, not a name ("le Grand débat", "la Haute couture")
PRENOMINAL = {"grand", "grande", "grands", "grandes", "petit", "petite", "haut", "haute",
              "nouveau", "nouvel", "nouvelle", "vieux", "vieille", "bon", "bonne", "beau",
              "bel", "belle", "gros", "grosse", "jeune", "vrai", "vraie", "faux", "fausse"}
#: an officer's title before the place or body of the office, which may run into the
#: officer's name ("le préfet du Cher Catherine Ferrier", "le maire de Lyon Jean Dupont")
OFFICE_TITLE = re.compile(
    r"\b(?:(préfet|préfète|maire|député|députée|sénateur|sénatrice|bourgmestre|gouverneur|élu|"
    r"élue|conseiller\s+général|conseillère\s+générale)|président|présidente|directeur|"
    r"directrice|porte-parole|secrétaire\s+général|secrétaire\s+générale|patron|patronne|"
    r"chef|cheffe|dirigeant|dirigeante|leader|fondateur|fondatrice|procureur|procureure|"
    r"commandant|recteur|rectrice)\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)$",
    re.IGNORECASE)
#: the fields of a title that name no actor ("le secrétaire d'État", "le président de la
#: République", "le chef de l'État")
NOT_MINISTRIES = {"état", "etat", "république", "nation"}
#: lower-case nouns heading the name of one state body before "de" and a name ("ministère de
#: l'Intérieur", "parquet de Paris", "préfecture du Nord", "mairie de Lyon")
BODY_HEAD = re.compile(
    r"\b(ministère|préfecture|sous-préfecture|parquet|tribunal|mairie|conseil\s+régional|"
    r"conseil\s+départemental|conseil\s+municipal|gendarmerie|commissariat|ambassade|"
    r"consulat|rectorat|cour\s+d['’]appel|tribunal\s+correctionnel|tribunal\s+administratif)"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)$", re.IGNORECASE)
#: lower-case nouns heading a street's or square's name ("boulevard Malesherbes", "place du
#: Luxembourg", "avenue des Champs-Elysées")
STREET_HEAD = re.compile(
    r"\b(rue|avenue|boulevard|bd|place|quai|chemin|allée|impasse|route|cours|esplanade|"
    r"square|pont|porte|parvis|rond-point|passage)"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)?$", re.IGNORECASE)
#: capitalised nouns heading a state body's name, which may go on in lower case ("Assemblée
#: nationale", "Préfecture de police", "Conseil constitutionnel", "Police nationale")
STATE_HEADS = {
    "assemblée", "sénat", "parlement", "conseil", "cour", "tribunal", "préfecture",
    "police", "gendarmerie", "ministère", "gouvernement", "commission", "parquet", "mairie",
    "garde", "armée", "douane", "douanes", "présidence", "élysée", "elysée", "matignon",
    "beauvau", "bercy", "sécurité", "haute", "autorité", "direction", "inspection", "agence",
    "office", "caisse", "conseil d'état", "banque",
}  # fmt: skip
#: capitalised nouns heading an organisation's name ("Rassemblement national", "Parti
#: socialiste", "Confédération générale du travail", "Assemblée des blessés")
ORGANISATION_HEADS = {
    "parti", "rassemblement", "front", "union", "mouvement", "confédération", "fédération",
    "association", "syndicat", "collectif", "ligue", "comité", "fondation", "institut",
    "université", "observatoire", "centre", "société", "groupe", "alliance", "coordination",
    "conférence", "organisation", "église", "croix-rouge", "secours", "restos", "maison",
    "éditions", "compagnie", "entreprise", "club", "ordre", "chambre", "académie", "école",
    "lycée", "collège", "hôpital", "clinique", "musée", "théâtre",
}  # fmt: skip
#: capitalised nouns heading a place's name ("Côte d'Ivoire", "Île de Ré", "Château de Versailles")
PLACE_HEADS = {"région", "province", "canton", "département", "île", "îles",
               "mont", "lac", "golfe", "mer", "océan", "vallée", "château", "gare",
               "aéroport", "stade", "palais", "place", "rue", "avenue", "boulevard", "quai",
               "chemin", "pont", "porte", "cité", "bois", "forêt", "massif", "côte"}  # fmt: skip
#: state bodies named after the place they sit in; a place after "à", "devant", "depuis"
SEATS = {"élysée", "elysée", "matignon", "beauvau", "bercy", "quai d'orsay", "quai d’orsay",
         "kremlin", "maison-blanche", "pentagone"}  # fmt: skip
STATE = re.compile(
    r"(?:^|[\s'’-])(?:assemblée|sénat|parlement|conseil|cour|tribunal|préfecture|police|"
    r"gendarmerie|minist[èe]re|gouvernement|commission|parquet|mairie|douanes?|armée|"
    r"élysée|elysée|matignon|beauvau|bercy|présidence|crs|sgdsn|dgsi|dgse|insee|"
    r"préfet|gouv)\b", re.IGNORECASE)
ORGANISATION = re.compile(
    r"(?:^|[\s'’-])(?:parti|rassemblement|front|union|mouvement|confédération|fédération|"
    r"association|syndicat|collectif|ligue|comité|fondation|institut|université|observatoire|"
    r"société|groupe|alliance|coordination|église|croix-rouge|éditions|compagnie|club|"
    r"académie|ong|cgt|cfdt|fo|unef|medef|fnsea|cgpme|lfi|lrem|larem|rn|fn|ps|pcf|eelv|lr|"
    r"udi|modem|npa|ipsos|elabe|odoxa|bva|opinionway|onu|otan|ue|oms|ocde|"
    r"fmi|unesco)\b", re.IGNORECASE)
#: major French-language media, social networks aside (those are in english.MEDIA)
MEDIA = re.compile(
    r"(?:^|[\s'’-])(?:afp|bfm\s*tv|bfmtv|bfm|lci|tf1|m6|france\s*(?:2|3|5|24|inter|info|culture|"
    r"bleu|télévisions?)|franceinfo|rtl|europe\s*1|rmc|cnews|arte|rtbf|rts|rtl-tvi|"
    r"radio-canada|tva|le\s+monde|le\s+figaro|libération|libé|l['’]obs|le\s+point|l['’]express|"
    r"mediapart|le\s+parisien|ouest-france|la\s+dépêche|le\s+soir|la\s+libre|la\s+dh|"
    r"le\s+temps|tribune\s+de\s+genève|24\s+heures|le\s+devoir|la\s+presse|jdd|journal\s+du\s+"
    r"dimanche|l['’]humanité|la\s+croix|les\s+échos|challenges|marianne|valeurs\s+actuelles|"
    r"le\s+canard\s+enchaîné|huffpost|huffington\s+post|slate|brut|"
    r"journal|quotidien|hebdomadaire|magazine|radio|télévision|télé|chaîne|gazette|presse|"
    r"agence)\b", re.IGNORECASE)
#: the noun before a media outlet's name ("le quotidien Libération", "la chaîne BFM TV")
MEDIA_BEFORE = re.compile(
    r"\b(?:journal|quotidien|hebdomadaire|mensuel|magazine|site|chaîne|radio|télévision|"
    r"station|agence|média|antenne|émission|revue|blog|compte|page)\s+(?:d['’]information\s+|"
    r"d['’]info\s+|en\s+ligne\s+|[^\W\d_]+ais\s+|[^\W\d_]+aise\s+|public\s+|publique\s+)?$"
    r"|\b(?:journaliste|reporter|reporteur|correspondant|correspondante|rédacteur|rédactrice|"
    r"chroniqueur|chroniqueuse|éditorialiste|rédaction|antenne|micro)\s+(?:de\s+la\s+|de\s+l['’]|"
    r"du\s+|de\s+|d['’]|à\s+|au\s+|pour\s+|sur\s+)$",
    re.IGNORECASE)
#: the words before an organisation's name ("éd. du Cerf", "le groupe LR", "le parti Les
#: Républicains", "l'association Attac")
ORGANISATION_BEFORE = re.compile(r"\b(?:éd\.|éds\.|éditions|édité\s+par|maison\s+d['’]édition|"
                                 r"groupe|parti|association|syndicat|collectif|mouvement|"
                                 r"fédération|confédération|organisation|ong|entreprise|société)"
                                 r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?$",
                                 re.IGNORECASE)
#: capitalised nouns heading a media outlet's name, which may go on in lower case ("Journal
#: du dimanche", "Journal de Montréal")
MEDIA_HEADS = {"journal", "radio", "revue", "gazette", "courrier", "tribune", "télévision"}
#: the noun before a place's name ("la ville de Bourges", "le département de la Drôme")
PLACE_BEFORE = re.compile(
    r"\b(?:ville|commune|village|département|région|pays|province|canton|capitale|localité|"
    r"autoroute|nationale|départementale|"
    r"métropole|agglomération|quartier|bourg|hameau|île|préfecture|sous-préfecture|"
    r"arrondissement|banlieue)\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)?$",
    re.IGNORECASE)
#: prepositions before a place's name ("à Nyon", "en Normandie", "dans l'Eure", "près
#: d'Avignon")
PLACE_PREPOSITION = re.compile(
    r"(?:^|\s)(?:à|a|en|au|aux|sur\s+les|dans\s+(?:le|la|les|l['’])|près\s+(?:de|d['’]|du)|vers|"
    r"depuis|jusqu['’]à|direction\s+de|hors\s+de|partout\s+en|sud\s+de|nord\s+de|est\s+de|"
    r"ouest\s+de|(?:originaires?|venus?|venues?|arrivée?s?|arrive|arrivent|vient|viennent|"
    r"revenue?s?|rentrée?s?|partie?s?)\s+(?:de|d['’]|du|des))\s*$", re.IGNORECASE)
#: a speech verb put after what is said, before the speaker ("», ajoute Emmanuelle",
#: "lance Jean-Marc", "s'enthousiasme Christian")
SPEECH_VERB = re.compile(
    r"(?:^|[\s,»”])(?:dit|explique|ajoute|lance|affirme|confie|raconte|souligne|estime|assure|"
    r"précise|poursuit|abonde|appuie|s['’]enthousiasme|se\s+réjouit|déplore|regrette|note|"
    r"résume|témoigne|sourit|soupire|pense|insiste|martèle|glisse|indique|reconnaît|admet|"
    r"avoue|conclut|relève|s['’]indigne|s['’]insurge|s['’]exclame|s['’]étonne|tempête|"
    r"renchérit|complète|observe|constate|juge|prévient|rappelle|résume|détaille|lâche|"
    r"commente|plaisante|ironise|sourit|s['’]amuse|s['’]inquiète|réagit|répond|interroge|"
    r"demande|s['’]emporte|tranche|analyse|avance|argumente|martèle|clame|crie|murmure|"
    r"raconte-t-il|raconte-t-elle|explique-t-il|explique-t-elle)\s+$")
#: an ordinal in Roman figures ("la Ve République", "le XXe siècle"): no name
ORDINAL = re.compile(r"[IVXLC]+(?:e|è|ème|er|re)", re.IGNORECASE)
#: endings of common nouns (a sentence may open with one: "Conséquence", "Réflexion")
COMMON_NOUN = re.compile(r"(?:tion|sion|xion|ment|ence|ance|ité|isme|ude|esse|ure)s?$")
#: a place's name of hyphenated words with a lower-case particle inside ("Bourg-en-Bresse",
#: "Val-de-Marne", "Châlons-sur-Marne")
COMPOUND_PLACE = re.compile(r"[^\W\d_]-(?:de|des|du|de-la|en|sur|sous|lès|lez|le|la|les|aux|au|et|"
                            r"d['’][^\W\d_]+)-[^\W\d_]")
#: heads of names that are no actors: documents, laws, events, feasts, works
NOT_ACTOR_HEADS = {
    "constitution", "loi", "code", "décret", "traité", "accord", "pacte", "charte",
    "déclaration", "convention", "directive", "règlement", "internet", "web", "acte", "noël",
    "pâques", "toussaint", "ramadan", "aïd", "marche", "journée", "fête", "festival", "salon",
    "championnat", "coupe", "jeux", "grand débat", "débat", "tour de france", "mondial",
    "révolution", "guerre", "bible", "coran", "évangile",
}  # fmt: skip
#: rubrics and links of a news page: its words are no names, and what follows opens a sentence
FURNITURE = re.compile(
    r"(?:(?<=\n)|^|(?<=\.\s)|(?<=\.))[ \t]*(?:(?:À|A)\s+lire\s+aussi|Lire\s+aussi|LIRE\s+AUSSI|"
    r"Lire\s+également|Voir\s+aussi|VOIR\s+AUSSI|Lire\s+la\s+suite|EN\s+DIRECT|"
    r"Crédits?\s+photo\s*:|Crédit\s*:|Capture\s+d['’]écran|Photo\s*:|PHOTO\s*:)"
    r"|\((?:NDLR|Capture\s+d['’]écran|Photo[^)]{0,40}|AFP|Reuters|Belga|ATS)\)|NDLR"
    r"|(?:(?<=\n)|^)[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ ]{2,40}(?:/[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ ]{1,40})?"
    r"(?=\s*[-–—]\s|\s*\.\s|\s*:\s)")
#: the protest days of the gilets jaunes and other numbered events ("l'acte VIII", "Acte 2",
#: "#ActeXIII"), hashtags, handles and links
NOT_NAMES_SPANS = re.compile(
    r"\b[Aa]cte\s*(?:[IVXLC]+|\d+)\b|#\w+|@\w+|\b(?:https?://|www\.|pic\.twitter\.com/)\S+|"
    r"\b\S+\.(?:com|fr|net|org|be|ch|ca)(?:/\S*)?\b")
#: an elided article, preposition or pronoun before a name: "l'Elysée", "d'Edouard Philippe",
#: "qu'Emmanuel Macron", "jusqu'à", "L'Elysée" opening a sentence
ELISION = re.compile(r"(?<![\w'’])(?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|"
                     r"[Qq]uoiqu|[Pp]resqu)['’](?=[^\W\d_])")
#: French demonyms as nouns ("les Français", "la Parisienne", "l'Allemande")
DEMONYM = re.compile(r"(?:ais|aise|aises|ois|oise|oises|ien|ienne|iens|iennes|éen|éenne|"
                     r"éens|éennes|ande|andes|ands)$")
#: lower-case adjectives that go on a capitalised institution's name ("nationale",
#: "européen", "constitutionnel", "municipale", "démocratique", "générale")
NAME_ADJECTIVE = re.compile(r"(?:al|ale|aux|ales|el|elle|els|ien|ienne|éen|éenne|ais|aise|"
                            r"ois|oise|ique|iques|aire|aires|if|ive|iste|istes|ain|aine|é|ée|"
                            r"eur|rice|ier|ière|in|ine)$")
