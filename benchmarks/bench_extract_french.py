"""French statistic suggestions against hand labels on real French web pages (issue 13).

Run: ``.venv/bin/python benchmarks/bench_extract_french.py [--errors] [--split tuning|heldout|heldout2|...|heldout9]``

The sentences are from the saved web pages of the extraction test sets (fundus, trafilatura,
htmldate, mercury, readability, goose) cached in ``~/.cache/dossier/web-pages`` (or
``DOSSIER_WEB_CACHE``; the pages are third-party and stay there). Each page is read with
Dossier's own importer (:func:`db.ingest.parsing.parse_file`); ``benchmarks/fr_statistics_eval.jsonl``
holds only where each sentence is (set, file, code-point offsets in the parsed text, the sha1 of
the sentence) and its labels, written before any French rule. Up to three sentences holding a
number (digits or a number word) were drawn from each of the 47 French pages; pages were split by
a seeded hash of their name, fixed before any scoring, into "tuning" (the rules were tuned on
them) and "heldout" (never looked at while tuning). Most sentences hold no statistic (dates,
years, times, ages, durations, scores, ordinals, distances ...), so precision is measured too.

A second held-out draw ("heldout2", 106 sentences, 68 statistics) is read from git mirrors
(``DOSSIER_FR_MIRRORS``, git directories joined by ``:``, else ``DOSSIER_WEB_MIRRORS``), each
item naming its repository, commit and path: 48 sentences from the 14 French pages of those
mirrors that the first draw had not used (adbar/trafilatura and adbar/htmldate evaluation pages,
goose3's and postlight/parser's Le Figaro and Le Monde pages, a readability test page), read with
Dossier's importer, up to four a page; and 58 from feryah/gilets_jaunes's corpus of Quebec and
Swiss French news of 2018-2019 (``Francais/Corpus/fr_{CA,CH}_corpus{,_contraste}.xml``, the
file's text as stored, ``<doc>`` markup included in the offsets), one sentence a document: 36
drawn among all sentences holding a number and 22 among those holding a claim or bound word
("selon", "d'après", "environ", "plus de", "près de", "au moins", "a indiqué" ...). Sentences were
ordered by a seeded sha1, those found in the first draw's pages or longer than 500 characters (or
holding a link) left out, and labelled by hand and committed before any French rule was changed
or run on them. Items whose mirror is missing are left out, and the benchmark says how many.

A third held-out draw ("heldout3", 88 sentences, 47 statistics, 21 of them with a claimant) comes
from files of feryah/gilets_jaunes that no other part used (and that were not looked at while
tuning): its France press (``Francais/France/Corpus/GJLHumaURL``, ``GJLeFigURL``,
``GJLePointURL``: L'Humanité, Le Figaro, Le Point of 2018-2019, 20 or 22 documents each), its
Algerian French press (``Francais_DZ/gilets_jaunes.xml``, 16) and the Journal de Québec
(``Francais/Corpus/JDQ.xml``, 8). Drawn as heldout2's news part: documents (``<ARTICLE>``,
``<article>``, ``<doc>``) ordered by a seeded sha1, one sentence a document, the least sha1
among those holding a number ("news", 55) or a number and a claim or bound word ("news-claim",
33); sentences longer than 500 characters, holding a link or markup, or found in a file another
part used (the Quebec, Swiss and Belgian corpora) left out. Labelled by hand with heldout2's
conventions ("plusieurs centaines" / "des millions" their smallest reading as ``low``, "plus
de" / "au moins" a ``low``, "près de" a ``high``; "huit sur dix" the 8; no ages, dates,
durations, ordinals, a lone "un", or thresholds of a rule such as "les retraites de moins de
2 000 euros"; the claimant as said, without "M." or a title before a name, a poll or report as
"sondage X", "rapport X") and committed before any rule change of its round.

A fourth held-out draw ("heldout4", 80 sentences, 74 statistics in 47 of them, 18 with a
claimant) comes from the two feryah/gilets_jaunes files no other part used nor was looked at
while tuning: the Algerian daily Liberté's contrast corpus (``Francais_DZ/contrast_gilets.xml``,
150 ``<article>`` documents, regional news of 2019: budgets, projects, prices, epidemics) and Le Point's
second crawl (``Francais/France/LePoint/GJLePointURL``: its 64 ``<ARTICLE>`` documents whose address is
not in ``Francais/France/Corpus/GJLePointURL``; the other two France files of that folder hold
the same documents as heldout3's). The documents were ordered by sha1("heldout4|path|start of
the document"), each document's text between tags cut into sentences by :func:`db.text.sentences`,
and from each document in turn the least sha1("heldout4|path|start") among its sentences of 20 to
500 characters holding a digit or a number word, no link, no markup, and not found in any file
another part used or that was read while tuning (the Quebec, Swiss, Belgian, heldout3 files): the
first 50 documents give a "news" sentence, the next ones a "news-claim" sentence (also holding a
claim or bound word: "selon", "d'après", "environ", "plus de", "moins de", "a indiqué",
"affirme", "estime", "précise" ...) until 30. Labelled by hand with heldout3's conventions
(distances, areas in hectares, altitudes, durations, ages not statistics; vote counts, prices
and counts of things are; a name given in apposition after a title is the claimant, "le
directeur …, Mohamed Laïd Hamzaoui" -> "Mohamed Laïd Hamzaoui"; "selon notre source" ->
"notre source"; a "selon" about the clause's event does not reach a background figure, such as
a town's population) and committed before any rule change of its round was run on them.

A fifth held-out draw ("heldout5", 63 sentences, 37 statistics in 26 of them, 10 with a
claimant). feryah/gilets_jaunes has no French file left that no part used (its Belgian files were
read while tuning; ``Francais/France/LHumanite`` and ``LeFigaro`` hold the documents of the
``Corpus`` folder's files, address for address), so it comes from the documents of heldout3's
France press files (``Francais/France/Corpus/GJLHumaURL``, ``GJLeFigURL``, ``GJLePointURL``) that
heldout3 drew no sentence from (some 2,300, never read while tuning), and from the French pages of
the web mirrors that no part used (found by ``lang="fr"``/``og:locale``: htmldate's loldf.org and
medef.fr, trafilatura's arteradio.com, france.attc.org and sibenlab pages, goose3's
``tests/data/images/test_basic_image.html``; the sibenlab page is an English privacy policy and
was left out; read with Dossier's importer, only goose3's page gave sentences, "web", 3). The
documents (``<ARTICLE>``) of the three files together were ordered by sha1("heldout5|path|start of
the document"), and from each in turn the least sha1("heldout5|path|start") among its sentences
(:func:`db.text.sentences` on the text between tags) of 20 to 500 characters holding a digit or
a number word ("deux" ... "milliard", "dizaine", "centaines", "tiers"; not "un"/"une", which
alone are never labelled), no link, no markup, and not found in any file another part used
(the Quebec, Swiss, Belgian, Algerian files and Le Point's second crawl): the first 35 documents
giving one give a "news" sentence, the next ones a "news-claim" sentence (also holding a claim
or bound word: "selon", "d'après", "environ", "plus de", "moins de", "près de", "au moins",
"quelque", "a indiqué", "indique", "affirme", "estime", "précise", "annonce", "déclare",
"souligne", "explique", "assure", "chiffre" ...) until 25. Labelled by hand with heldout4's
conventions ("s'échelonnant de
60€ ... à plus de 600€" a range; a grade "18 sur 20", speeds, the 3 % of a rule, "réduisant d'un
tiers" a plan's parameter, and "les deux policiers" of a definite reference not statistics) and
committed before any rule change of its round was run on them. Its labels were first written with a decline's sign
("chuter de - 6,8 %" as -6.8, and its two neighbours) and with a demonstrative kept ("cette même
source"); the earlier parts label a fall by its size ("diminuant ... (– 0,2 %)" as 0.2) and drop
the demonstrative, so in the sixth round (frstat6) those four labels were aligned with them (6.8,
3.9, 12, "même source"), the sentences and every other label unchanged.

A sixth held-out draw ("heldout6", 60 sentences, 57 statistics in 37 of them, 19 with a
claimant; 54 in 32, 17 with a claimant, since its labels were aligned in the seventh round) comes, as heldout5's news part, from the documents of heldout3's France press files
(``Francais/France/Corpus/GJLHumaURL``, ``GJLeFigURL``, ``GJLePointURL``) that neither heldout3
nor heldout5 drew a sentence from (2,249 ``<ARTICLE>`` documents, never read while tuning),
drawn with heldout5's method and the seed "heldout6": documents ordered by
sha1("heldout6|path|offset of ``<ARTICLE``"), from each the least sha1("heldout6|path|start")
among its sentences of 20 to 500 characters holding a digit or a number word (heldout5's words,
and "quart", "moitié"), no link, no markup, not found in the Quebec, Swiss, Belgian, Algerian
files nor Le Point's second crawl; 35 "news", then 25 "news-claim" (heldout5's claim and bound
words). Labelled by hand with heldout5's conventions (a rule's threshold or parameter, "relevé
de 10 %", "limité à 4 600 euros", not a statistic; weights, decibels, speeds, distances, ages,
"à deux pas", "trois francs six sous" neither; "des milliers" ``low`` 2000; "selon lui" no
claimant; the figures of a "selon" about one town's count not given to another town's) and
committed before any rule change of its round was run on them. In the seventh round (frstat7)
three of its labels were aligned with the earlier parts': "50 fois moins polluant" and "25 fois
moins" are a factor of comparison, no statistic, as tuning's "multipliée par cinq" and "doubler,
voire quintupler" are not labelled; "l'une des quatre questions" (the grand débat's known
themes) refers to a known set, as heldout3's "les deux questions sont liées" and heldout5's "les
deux policiers", so it is no statistic. The other definite counts keep their labels, as the
earlier parts label a definite count of a set given there: "parmi les dix-neuf membres actuels
de la Commission" as tuning's "sur les 57 analysées" and heldout4's "sur les 248 projets",
"aux onze personnes décédées depuis …" as heldout2's "les 130 victimes des attentats", "la
cinquantaine d'entrepreneurs" as tuning's "les centaines de personnes mobilisées".

A seventh held-out draw ("heldout7", 60 sentences, 40 statistics in 31 of them, 12 with a
claimant) comes, as heldout6, from the documents of heldout3's France press files that neither
heldout3, heldout5 nor heldout6 drew a sentence from (2,189 ``<ARTICLE>`` documents, never read
while tuning), drawn with heldout6's method and the seed "heldout7" (the method redone from its
description gives 59 of heldout6's 60 sentences with the seed "heldout6": number words matched
in lower case, claim words as whole words): 35 "news", then 25 "news-claim". Labelled by hand
with the conventions above (as aligned in the seventh round: a factor "deux fois plus", "six
fois son chiffre d'affaires" no statistic; a definite count of a set given there, "la centaine
de ronds-points encore occupés", "les quelque 800 étudiants rassemblés", a statistic, one of a
known set, "ses deux flagships", "les dix propositions de Place publique", not; "(+ 3)" after a
share not, as heldout3's "77 % (+ 3)"; a rule's parameter, "refuser de travailler 3 dimanches
par an", not, a change's size, "une baisse limitée à environ 5 %", is; a poll's sample, "un
échantillon de 1.012 personnes", is; a supposition "si on a cinq listes" not; a pronoun, "elle
affirme que", no claimant; who acts, "a demandé la libération de la centaine de ronds-points",
no claimant) and committed before any rule change of its round was run on them. Scored once
then, with the rules of the sixth round: 81.0%/85.0% (value only 90.5%/95.0%, bounds right
94.7%); at the end of the seventh round 81.4%/87.5% (see below).

An eighth held-out draw ("heldout8", 60 sentences, 34 statistics in 23 of them, 9 with a
claimant) comes, as heldout7, from the documents of heldout3's France press files that no
earlier part drew a sentence from (never read while tuning), drawn with the seed "heldout8" by
``benchmarks/draw_french_heldout.py`` (heldout5-7's method as a script; run again, it gives the
same 60 sentences): 35 "news", then 25 "news-claim". Labelled by hand with the conventions above
("les 100 euros accordés aux allocataires du Smic" a sum, as heldout3's "La hausse de 100 euros";
"quatre des cinq compères" both counts, as heldout's "huit des 28 millions"; "chacun des quatre
enfants" a count the sentence gives, "les deux gendarmes blessés" of a known set not; a rule's
shares, "un quart du patrimoine … 3/16e", durations of retention, "de 25 à 40 ans", ages, times
and datelines not; "76 généralistes pour 100.000 habitants" the 76 only; "selon les derniers
chiffres connus" no claimant, "selon un nouveau bilan du ministère public" the "ministère public";
"soit un millier de moins" a change's size, approximate) and committed before any rule change
of its round. Scored once then, with the seventh round's rules: 80.0%/70.6% (value only
93.3%/82.4%, bounds right 96.4%); at the end of the eighth round 83.3%/73.5% (see below).

A ninth held-out draw ("heldout9", 60 sentences, 35 statistics in 27 of them, 10 with a
claimant) comes, as heldout8, from the documents of heldout3's France press files that no earlier
part drew a sentence from, drawn with the seed "heldout9" by ``benchmarks/draw_french_heldout.py``:
35 "news", then 25 "news-claim". Labelled by hand with the conventions above ("inférieur de 4
milliards d'euros" a change's size; "a gagné près de 10 points" one, in points; "peine à dépasser
les 1%" a ``high`` 1; "la liste de 79 noms" to be filled, a rule's parameter, not a statistic,
where heldout8's "une liste comprenant dix noms" is; "la dizaine de personnes", "les six lycéens
présents" definite counts of a set given there, "les deux hommes", "aux cinq premiers débats"
of a known set not; "dont la moitié" not, as tuning's "environ la moitié"; "séparer en deux
cortèges" a way, not a count; "il faudrait une bonne trentaine d'unités … neuf … six" all three;
a heading "● 100 euros de plus par mois" glued to the quotation that follows it no claimant, the
quotation's 100 euros "Emmanuel Macron"; "selon les chiffres du collège des garants" the
"collège des garants"; "Selon lui" none) and committed before any rule change of its round.
Scored once then, with the eighth round's rules: 83.3%/71.4% (value only 93.3%/80.0%, bounds
right 92.9%).

Third round (frstat3), tuned on tuning, heldout and heldout2 (all seen) and on Belgian articles
without labels: tuning 89.5%/94.4% and old held-out 92.0%/95.8% unchanged, heldout2 70.1%/69.1%
-> 90.0%/92.6% (value only 89.6%/88.2% -> 90.0%/92.6%). heldout3, scored once at the end:
62.5%/63.8% (value only 85.4%/87.2%), the same before and after the round's rules: none of them
met a heldout3 sentence. Its misses: who is found but said too long ("le sondage X pour Le
Figaro et France Info", "un rapport sénatorial publié en juin 2018", "Le ministre français de
l'Intérieur Christophe Castaner", "cet amendement", "les organisateurs mais 7400 selon la
police", which loses the 7400 too); attributions not read ("a reconnu", "réclame", "réagit
Bobby" after a quotation, "lit-on dans Le Parisien", "selon le préfet" after a quotation,
"les annonces d'Emmanuel Macron … portent sur"); thresholds of a rule taken for sums ("les
pensionnés qui touchent moins de 2 000 euros").

Fourth round (frstat4), tuned on tuning, heldout, heldout2 and heldout3 (all seen) and checked
against the rules before it on ~3,300 unlabelled Belgian, Swiss and Quebec sentences with figures
(every one that changed read): tuning 89.5%/94.4%, heldout 92.0%/95.8%, heldout2 90.0%/92.6%
unchanged; heldout3 62.5%/63.8% -> 89.4%/89.4% (value only 85.4%/87.2% -> 89.4%/89.4%).
heldout4, scored once at its label commit and once at the end: 87.7%/77.0% (value only
96.9%/85.1%) -> 89.1%/77.0% (98.4%/85.1%), bounds right 98.4%: a threshold no longer taken for a
sum, no claimant gained. What it misses is mostly counts not found ("seuls 24 ont été
concrétisés", "divisé en trois lots", "les 60 % de l'humanité", "contre 9 et 58 abstentions",
"les milliers, voire les millions"), then claimants: a name in apposition after the office
(", a précisé le directeur local de la DSA, M. Kameleddine Benseghir"), "notre source
d'information" after a verb (a possessive where an article was expected), "selon des voisins
et même à vue d'œil" (a coordinated adjunct kept), "la direction … a procédé à la fermeture de
7 stations" (who acted named as who claims).

Fifth round (frstat5), tuned on tuning, heldout, heldout2, heldout3 and heldout4 (all seen) and
checked against the rules before it on 3,600 unlabelled Belgian, Swiss and Quebec sentences with
figures (every one that changed read): tuning 89.5%/94.4%, heldout 92.0%/95.8%, heldout2
90.0%/92.6%, heldout3 89.4%/89.4% unchanged; heldout4 89.1%/77.0% -> 97.3%/95.9% (value only
98.4%/85.1% -> 98.6%/97.3%). heldout5, scored once at its label commit and once at the end:
70.0%/75.7% (value only 75.0%/81.1%, bounds right 100%), the same before and after: none of the
round's rules met a heldout5 sentence. Read after that last scoring, with no rule changed since:
four of its misses are labelling choices the rules do not share (the signs of "chuter de - 6,8 %"
and its two neighbours, labelled -6.8 where the rules read 6.8; "cette même source" kept with its
demonstrative, which the rules and the earlier labels drop); the others are "ils n'étaient « que »
8 000 à s'être réunis" (quotation marks inside "étaient … à"), "de l'ordre de 15% à 25%" inside a
quotation not read as a range nor given to "Bruno Le Maire constate", "s'échelonnant de 60€ … à
plus de 600€" read as two sums, ", indique BFM TV, et …" not given to the figure before it, and
"l'institution présidée par Didier Migaud" cut before "par"; its false suggestions are "deux
dogmes", "30 bornes" (a distance in slang), the 5 % that defines a twentieth of households.

Sixth round (frstat6), tuned on tuning and heldout to heldout5 (all seen; heldout5's four labels
aligned first, see its paragraph) and checked against the rules before it on 2,500 unlabelled
Belgian and Swiss sentences with digits (4 changed, each read: three counts of times gained, a
range made approximate by "de l'ordre de"): tuning 89.5%/94.4%, heldout 92.0%/95.8%, heldout2
90.0%/92.6%, heldout4 97.3%/95.9% unchanged; heldout3 89.4%/89.4% -> 89.6%/91.5%; heldout5
70.0%/75.7% with its old labels, 80.0%/86.5% with the aligned ones (value only 82.5%/89.2%)
-> 97.4%/100% (ranges repeating a unit, "de N … à M" after a verb of spreading, "présidée par X"
kept in who, a subject saying a quotation, "n'étaient « que » 8 000 à", "N fois" after a
participle and a bound, "30 bornes" a distance). heldout6, scored once at its label commit and
once at the end: 59.7%/64.9% (value only 80.6%/87.7%, bounds right 98.0%) both times: none of
the round's rules met a heldout6 sentence. Read after that last scoring, no rule changed since:
most of its misses are claimants ("on recensait selon la police environ 8.500 personnes à
Toulouse, 2.500 à Caen …": the first figure gets none and the others "la police environ 8";
"le tribunal observe que"; "le Premier ministre …, qui a indiqué qu'il y avait près de 36 000
manifestants …, dont 5 500 à Paris", the 5 500 not found; "selon la préfecture de
Loire-Atlantique" given to La Rochelle's figure across "tandis que"; "le président … s'est
engagé sur quatre mesures" given as who); then counts after a definite article ("les dix-neuf
membres", "aux onze personnes décédées", "la cinquantaine d'entrepreneurs", "l'une des quatre
questions") and "50 fois moins polluant", which the labels count and the rules, as heldout5's
"les deux policiers", do not; false ones are a plan's parameters ("relevé de 10 %", "en deux
temps", "supérieures à 34 %", "limitée à 25 %", "limité à 4 600 euros"), "à 100% pacifiste",
"mardi 4 décenbre" (a misspelt month), "trois francs six sous", "à deux pas", weights and
decibels ("250 g", "155 db").

Seventh round (frstat7), tuned on tuning and heldout to heldout6 (all seen; heldout6's labels
aligned first, see its paragraph) and checked against the rules before it on unlabelled Belgian,
Swiss, Quebec and French sentences (every change read; those found wrong were fixed or their rule
narrowed): tuning 89.5%/94.4% -> 94.7%/100%, heldout 92.0%/95.8% -> 95.8%/95.8%, heldout2
90.0%/92.6% -> 90.1%/94.1%, heldout3 89.6%/91.5% -> 93.6%/93.6%, heldout4 97.3%/95.9% unchanged,
heldout5 97.4%/100% -> 100%/100%, heldout6 59.7%/64.9% (59.7%/68.5% with its aligned labels, value
only 80.6%/92.6%) -> 98.2%/100%. The round's rules: a "selon X" before a list of figures governs
all of it, its claimant ending where a figure begins ("on recensait selon la police environ 8.500
personnes à Toulouse, 2.500 à Caen …"), unless the figure completes it ("selon le CSF par un
recul de 2,2 %"); ", tandis qu'" / ", alors qu'" end a clause as ", tandis que" did; "le
tribunal observe que", "considère que", "juge que", an aside between dashes before "que";
", dont 5 500 à Paris" counts what the figure before counts; definite counts of a set the
sentence gives ("parmi les dix-neuf membres", "aux onze personnes décédées depuis …", "les 130
victimes des attentats", "la cinquantaine d'entrepreneurs"); the caps, thresholds and changed
thresholds of a rule or a plan, idioms, a small number of kinds or ways ("deux visions"), weights
in grams, decibels and a plant's power are no statistics (:mod:`db.extract.statistics.french_non_figures`);
"69'000" (Swiss French) is 69,000; claimant names lose a conjunction, when and for whom figures
were given ("un bilan donné lundi soir par le ministre" -> "le ministre"). One rule's guard was
written knowing a heldout7 sentence read while labelling it: a cap after a noun of change is the
change's size ("une baisse limitée à environ 5 %" is a statistic), a guard any cap rule needs; no
heldout7 error was read before its last scoring. heldout7, scored once at its label commit and
once at the end: 81.0%/85.0% (value only 90.5%/95.0%, bounds right 94.7%) -> 81.4%/87.5% (value
only 90.7%/97.5%, bounds right 94.9%). Read after that last scoring, no rule changed since: its
misses are claimants ("«entre 5 et 7 millions d'euros», avait concédé mi-janvier Gérald
Darmanin": a past participle of an inverted verb; "Bien au contraire, a insisté Jean-Claude
Lagron, en rappelant que … 50 %" the same; "Selon des chiffres publiés vendredi, …, Pôle emploi a
recensé" given to "des chiffres"; "selon la méthode des quotas" taken for who) and "entre 30 et
50 de chaque côté" not read; its false ones are a supposition ("Si on a cinq listes … n'atteint 5
%"), "depuis huit matchs" and a rule's parameter ("refuser de travailler 3 dimanches par an").

Eighth round (frstat8), tuned on tuning and heldout to heldout7 (all seen) and checked against
the rules before it on 5,590 unlabelled Belgian, Swiss, Quebec and Le Figaro sentences holding
"selon", "si", "depuis", "par an" or a compound verb (14 changed, each read, all right; 4 heldout8
sentences were among them, unchanged and unread): tuning, heldout, heldout2 to heldout6 and English unchanged; heldout7
81.4%/87.5% (value only 90.7%/97.5%) -> 100%/100%. The round's rules: an inverted verb of saying
in a compound tense names who says it ("avait concédé mi-janvier Gérald Darmanin", "a insisté X,
en rappelant que …", "a-t-il concédé"), not across a sentence glued to a quotation ("….«J'ai …,
a martelé la ministre"); a "selon" of figures with no publisher ("selon des chiffres publiés
vendredi", "selon les derniers chiffres connus") or of a method, hypothesis, criterion or
mechanism ("selon la méthode des quotas", "selon un mécanisme de calcul") names no one, and who
counts after it does ("…, Pôle emploi a recensé en moyenne"); the figures of a supposition (a
"si" clause whose main clause is in the future or the conditional: "Si on a cinq listes … n'atteint
5 %, ce sera désolant"; not a "si" of what was, "Si le chômage a baissé de 2 %, il a augmenté"),
a time since counted in events ("depuis huit matchs"; not "tiré depuis cinq barges") and how often
a thing is allowed or done ("3 dimanches par an", "deux fois par mois") are no statistics; a count
of each side, its noun left out, is one ("entre 30 et 50 de chaque côté"). heldout8, scored once
at its label commit and once at the end: 80.0%/70.6% (value only 93.3%/82.4%, bounds right 96.4%)
-> 83.3%/73.5% (value only 93.3%/82.4%, bounds right 96.4%): the goal (85/85) missed on it. Read
after that last scoring, no rule changed since: its misses are counts not found ("soit un millier
de moins que la semaine précédente", "s'ajoutant aux 163 déjà déférées", "chacun des quatre
enfants", "les 100 euros accordés", "quatre des cinq compères") and claimants ("qui a fait état
dimanche de 2.000 personnes" after "recensés … par le ministère"; "Fnac Darty annonce une perte de
… 45 millions"; "estime Hélène Baudchon, économiste chez BNP Paribas, qui anticipe 1,6 %" given to
"BNP Paribas"); its false ones are the "100.000 habitants" of a rate and "« 100 % gilets jaunes »".

Ninth round (frstat9), tuned on tuning and heldout to heldout8 (all seen) and checked against the
rules before it on 11,050 unlabelled Belgian, Swiss and Quebec sentences with figures (their HTML
entities decoded; 167 changed, each read as the round went, wrong ones fixed or their rule
narrowed): tuning 94.7%/100% -> 97.3%/100%, heldout 95.8%/95.8% unchanged, heldout2 90.1%/94.1% ->
91.5%/95.6%, heldout3 93.6%/93.6% -> 93.9%/97.9%, heldout4 97.3%/95.9% -> 97.3%/97.3%, heldout5 to
heldout7 unchanged (100%/100%, 98.2%/100%, 100%/100%), heldout8 83.3%/73.5% (value only 93.3%/82.4%)
-> 100%/100%; bounds right 100% on every seen part but heldout3 (97.8%). The round's rules: a share
of a set counts what the set counts ("quatre des cinq compères" both, "chacun des quatre enfants");
", soit un millier de moins que", "aux 163 déjà déférées", ", dont les deux de Fessenheim", "dont 14
gravement", "dont trois pourraient", a list after a colon count what the figure before counts;
"Parmi les blessés, dont 36 …" what the noun before "dont" names; definite counts the sentence
gives ("les trois sites que sont A, B et C", "les 263 blessés dans toute la France", "les 100 euros
accordés"); "deux d'entre eux" counts people; claimants of a relative without a comma ("… par le
ministère de l'Intérieur qui a fait état de"), after a person's apposition ("estime X, économiste
chez Y, qui anticipe", "Anne Hidalgo, la maire de Paris, avait estimé à"), of an amount announced by
its size ("Fnac Darty annonce une perte de 45 millions"), "selon M. Castaner", a fragment quoted
inside a sentence that no longer hides its figures, name particles ("Ilse Van de Keere"); a subject
reaches no figure past its sentence; bound words elided ("d'environ", "d'au moins", "qu'autour
de"), "proche de", "en plus de" no bound; no statistics: a rate's round base ("pour 100.000
habitants"), "100 %" before a noun or adjective, a denomination ("le biffeton de 500 francs"), a
year after a noun ("le bilan 2017 du ministère"), numbered acts and seasons, "en quatre mots", a
number before a verb with no figure before it ("Deux relayent …"). Measures now come in their base
form, the infinitive ("interpellées" -> "interpeller", "comptaient" -> "compter", "morts" ->
"mourir"), as the Russian and Ukrainian readers give theirs. heldout9, scored once at its label
commit and once at the end: 83.3%/71.4% (value only 93.3%/80.0%, bounds right 92.9%) -> 86.7%/74.3%
(value only 93.3%/80.0%, bounds right 96.4%): precision met, recall (74.3%) not. Read after that last
scoring, no rule changed since: its misses are counts not read ("il faudrait une bonne trentaine
d'unités … le préfet en dispose de neuf … et de six", "atteint maintenant plus de 100", "les six
lycéens présents", "contre 8.000 la semaine dernière", "a gagné près de 10 points": points read as a
score) and claimants ("selon un amendement déposé mardi dans le cadre de l'examen du projet de loi"
not found, "Agissant selon des consignes" taken for who claims); its false ones are "la liste de 79
noms" (a rule's parameter in its labels, a count in the rules, as heldout8's "une liste comprenant
dix noms") and "séparer en deux cortèges".

A suggestion matches a label when it has the same value (for ranges and vague counts, the same
bounds) and, for the full score, the same claimant: compared word by word by their Snowball
stems, leaving out articles and "M."/"Mme", so "le ministère" matches "ministère". "Value only"
leaves the claimant out; "bounds" counts the value matches whose ``low``/``high``/approximate are
all right too. Without the cache the benchmark says so and exits 0.

Measured (value and claimant P/R; value only P/R): blind, with the English rules, tuning 16.0%/22.2%
(24.0%/33.3%), held-out 22.2%/16.7% (44.4%/33.3%); with the French rules, tuning 84.2%/88.9%
(94.7%/100%), held-out, run once after tuning, 75.0%/75.0% (87.5%/87.5%), bounds right 100%.
Second round (frstat2), tuned on the tuning split and on the first held-out split (both seen now)
and on Belgian articles of feryah/gilets_jaunes (DH, La Libre: in no evaluation set, looked at
without labels): tuning 89.5%/94.4% (94.7%/100%), old held-out 92.0%/95.8% (92.0%/95.8%);
heldout2, scored once at the end, 70.1%/69.1% (89.6%/88.2%), bounds right 98.3%, where the
rules before this round score 63.1%/60.3% (87.7%/83.8%). Two of its 47 full matches come from
rules written after a like sentence was read while labelling it (a full stop grouping thousands,
"M. Griveaux"; both also seen on the Belgian articles): without them 67.2%/66.2%. Most misses
left are claimants: "24 000 personnes (60 000 selon les syndicats)" (the 60 000 missed, its
claimant given to the 24 000), "selon laquelle", "selon le syndicat CGT" reaching a later
clause's figure, an adverb or a time between the verb and who or "que" ("rappelle ainsi X",
"avait révélé à la mi-août que"), "qui table sur", a subject before "a déploré des violences
qui ont fait"; then "dont 11 parmi les forces de l'ordre" not counted, and prices in a book
reference taken for sums.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._labelled_statistics import checked, claimant_matcher, main  # noqa: E402

CACHE = Path(os.environ.get("DOSSIER_WEB_CACHE", Path.home() / ".cache" / "dossier" / "web-pages"))
EVAL = ROOT / "benchmarks" / "fr_statistics_eval.jsonl"
#: git directories of the repositories the second held-out draw names
MIRRORS = [Path(p) for p in os.environ.get("DOSSIER_FR_MIRRORS", os.environ.get("DOSSIER_WEB_MIRRORS", "")).split(":")
           if p]

#: left out of claimants when they are compared: articles, "M." and "Mme"
_UNSAID = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "m", "mme", "mlle"}


@functools.cache
def _page_text(set_name: str, file_name: str) -> str:
    from db.ingest.parsing import parse_file

    parsed = parse_file(CACHE / set_name / file_name)
    return parsed.sources[0].text if parsed.sources else ""


@functools.cache
def _mirror_text(commit: str, path: str, read: str) -> str | None:
    """The text of ``path`` at ``commit`` in the first mirror holding it: a web page read with
    Dossier's importer (``read`` "html") or a UTF-8 text file as it is ("text")."""
    for git_dir in MIRRORS:
        shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                               capture_output=True, check=False)
        if shown.returncode == 0:
            if read == "html":
                from db.ingest.html import page_source

                return page_source(shown.stdout, Path(path).stem).text
            return shown.stdout.decode("utf-8")
    return None


def _readable(item: dict[str, Any]) -> bool:
    if "commit" in item:
        return _mirror_text(item["commit"], item["path"], item["read"]) is not None
    return bool((CACHE / item["set"] / item["file"]).is_file())


def _sentence(item: dict[str, Any]) -> str:
    if "commit" in item:
        text = (_mirror_text(item["commit"], item["path"], item["read"]) or "")[item["start"]:item["end"]]
        return checked(item, text, f"{item['repo']}@{item['commit'][:8]}:{item['path']}")
    text = _page_text(item["set"], item["file"])[item["start"]:item["end"]]
    return checked(item, text, f"{item['set']}/{item['file']}")


if __name__ == "__main__":
    if not CACHE.is_dir() and not MIRRORS:
        print(f"No saved web pages at {CACHE} and no mirrors: nothing to measure "
              "(set DOSSIER_WEB_CACHE, DOSSIER_FR_MIRRORS).")
    else:
        main(__doc__, EVAL, _sentence, "fr", claimant_matcher("french", _UNSAID), _readable)
