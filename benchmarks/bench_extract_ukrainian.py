"""Ukrainian statistic suggestions against hand labels on real Ukrainian text (issue 13).

Run: ``.venv/bin/python benchmarks/bench_extract_ukrainian.py [--errors] [--split tuning|heldout|heldout2|...|heldout10]``
with ``DOSSIER_NER_UK=PATH`` (a copy of lang-uk/ner-uk, see :mod:`benchmarks._ner_uk`) and
``DOSSIER_BRUK=PATH`` (a copy of brown-uk/corpus, see :mod:`benchmarks._bruk`: heldout9 and
heldout10); the parts whose copy is not given are left out, and said so.

The sentences are from ner-uk v2.0's texts: articles of «Наші гроші» (``ng``) and the Brown
corpus of Ukrainian (``bruk``, tokenized: a space before each punctuation mark). The texts stay
in that copy: ``benchmarks/uk_statistics_eval.jsonl`` holds only where each sentence is
(collection, file, code-point offsets, the sha1 of its text) and its labels, written and
committed before any Ukrainian rule. Sentences holding a number (digits or a number word) were
drawn by a seeded hash from DEV texts (split "tuning") and TEST texts (split "heldout", never
looked at while tuning), the corpus's own split by document, plus a second draw of sentences
holding a claim or bound word ("за даними", "понад", "близько" ...). Half hold no statistic
(dates, years, durations, distances, model and case numbers, prices per unit ...).

A suggestion matches a label when it has the same value (for ranges and vague counts, the same
bounds) and, for the full score, the same claimant: compared by the dictionary forms of their
words (pymorphy3's Ukrainian dictionary), so "Сакала" matches "Сакал". "Value only" leaves the
claimant out; "bounds" counts the value matches whose ``low``/``high``/approximate are all right.

Measured (value and claimant P/R; value only P/R): blind, with the English rules, tuning
26.1%/21.4% (34.8%/28.6%), held-out 20.7%/18.2% (20.7%/18.2%); with the first Ukrainian rules,
tuning 72.7%/85.7% (81.8%/96.4%), held-out, run once after tuning, 68.4%/78.8% (81.6%/93.9%).
A second held-out draw ("heldout2": 64 sentences, 48 statistics, from TEST sentences not yet in
the file, by a seeded hash over sentences holding a number plus 20 holding a claim or bound
word, labelled by hand before any rule ran on them) scored 72.5%/77.1% (88.2%/93.8%) with those
rules. After the second round of tuning (titles kept in the nominative, men's surnames in the
genitive read back, "по" + number as so much each, a "one" governed by a preposition, "з них",
age and hour ranges): tuning 87.3%/98.2% (88.9%/100%), held-out 70.3%/78.8% (86.5%/97.0%),
heldout2, run once, 75.5%/77.1% (91.8%/93.8%), bounds right 95.6-100%. Most misses left: the
claimant (a document or register named after "згідно з" / "за даними", a common noun before
"встановили"), counts in fiction the labels do not take.

A third held-out draw ("heldout3": 80 sentences, 56 statistics, 12 of them claimed, from TEST
sentences not yet in the file: db.text sentences of 25-600 code points holding a digit or a
number word, ordered by the sha1 of "heldout3|collection|file|start", the first 50 of all and
the first 30 of those holding a claim or bound word; labelled by hand and committed before any
rule below). Third round, on the claimant only (heldout and heldout2 were now looked at, so
they are seen splits like tuning): the speaker after a quote, "X повідомив / встановили" only
when what is said follows and read as a subject (an opening phrase, prepositional phrase or
adverb before it left out, ending at another verb), "дані X", a closing ", за даними X." and an
inserted ", згідно з X,", what is measured / a law / unowned calculations named as nobody:
tuning 87.3%/98.2% (88.9%/100%), heldout 86.5%/97.0% (86.5%/97.0%), heldout2 91.8%/93.8%
(91.8%/93.8%); heldout3, run once at the end: 83.1%/96.4% (84.6%/98.2%), bounds right 98.2%,
where the rules before this round (main at 9aeb0af) scored 63.1%/73.2% (the same value only).
The goal of 85%/85% on unseen text is met for recall and missed for precision: 8 of heldout3's
49 sentences without a statistic still get one (counts in fiction, back-references such as "ці
двоє учасників", prices per square metre, a year read as a count) and "3 відсотки річних" is
suggested beside the sums labelled, which caps precision at the value-only 84.6%; the one
claimant wrong there is a pronoun in the instrumental ("Згідно з нею" -> "вона").

A fourth held-out draw ("heldout4": 80 sentences, 32 statistics in 23 of them, 5 claimed), from
the 57 TEST texts none of the sentences above is from, drawn as heldout3 was (db.text sentences
of 25-600 code points holding a digit or a number word, ordered by the sha1 of
"heldout4|collection|file|start", the first 50 of all and the first 30 of the rest holding a
claim or bound word), labelled by hand with heldout3's conventions and committed before any rule
below and before the extractor ran on it.
Fourth round, on false values (all four earlier parts seen; more cases found by reading what is
suggested on unlabelled DEV texts in no part): back-references ("ці двоє"), "3 відсотки річних",
the article-like "one" ("сказав один геолог", "ще одна квартира"), prices per unit ("грн / кв
м"), year-like numbers after a preposition with no counted noun after them ("У 2010 управління",
"за 2019 Сміяненко", "у 2005-2006 міністр", "від 1967 до 1974 року"), "1 621,82 млн", small
measures (litres unscaled, grams, degrees), durations ("років два тому", "15 робочих днів",
"хвилин десять"), times ("з 22.00 по 06.00"), how often ("тричі на день", "сотні разів"):
tuning 93.2%/98.2% (94.9%/100%), heldout 88.9%/97.0%, heldout2 97.9%/95.8%, heldout3
96.5%/98.2%. heldout4, run once at the end: 77.1%/84.4% (82.9%/90.6%), where the rules before
this round (the labels' commit) scored 65.9%/84.4% (70.7%/90.6%); 5 of its 57 sentences without
a statistic still get one (fiction: "Там сиділи двоє", "дві сотні козаків"; "лише одну
колонку" and "лише одного погляду", which "лише" lets count; "близько 8 тис. років тому"), "з 2,2
до 3 млрд грн" reads 2.2, not 2.2 billion; missed: "по 500 млн грн. кожна", two claimants
("«Forbes-Україна» оцінював", "Згідно з техзавданням" over a long list), "до 300, інколи 500".
The 85/85 goal on unseen text is missed again (precision 77.1%, recall 84.4%).

A fifth held-out draw ("heldout5": 80 sentences, 33 statistics in 25 of them, 7 claimed). Only 15
TEST texts were left that no labelled sentence is from, and they hold 56 sentences of 25-600 code
points with a digit or a number word, 4 of them with a claim or bound word. So: db.text sentences
of 25-600 code points holding a digit or a number word (a numeral's dictionary form, or "п'ят-",
"шіст-", "сім", "восьм-", "дев'ят-", "десят-", "кілька", "половин-", "обидва"), ordered by the sha1
of "heldout5|collection|file|start"; the first 50 of those in the 15 unused texts, then the first
30 in that order of the TEST sentences in no part (of any TEST text, a sentence overlapping none
labelled) holding a claim or bound word ("за даними", "згідно", "за словами", "понад", "близько",
"майже", "повідом-", "заяви-", "встанови-", "свідч-", "йдеться", "сяга-", "від"/"до" before a
digit ...). This word list and number test, run with the tag "heldout4" over heldout4's 57 texts,
give back 49 of its first 50 sentences and 26 of its other 30: the earlier draws' own lists were
not kept. Labelled by hand with heldout3's and heldout4's conventions (fiction's counts, recipes,
durations, dates, numbers in names no statistics; "десятків компаній" at least 20, approximate;
"від 30 млн грн X до 119 млн грн Y", each its own, two values) and committed before any rule
below and before the extractor ran on it. Scored once with the rules of the labels' commit
(fdf9bd8): 61.9%/78.8% (66.7%/84.8%), 7 of its 55 sentences without a statistic get one.
Fifth round (heldout4 now seen; more cases from what is suggested on unlabelled DEV texts in no
part): a bare number takes the unit and scale of the next number of its list ("з 2,2 до
загальної суми 3 млрд грн", "до 300, інколи 500 осіб"), and after "з X до" the next is where a
change went, not an upper bound; "тис ." with its full stop apart (tokenized text: "8 тис . років
тому" a time ago); "по 500 млн грн. кожна" a sum; who estimates claims ("«Forbes-Україна»
оцінював статки X у $230 млн"); a leading "Згідно з X" that no comma closes ends at its first
preposition; digits governing the genitive plural before a singular adjective are a unit's name
("11 окремого загону"); a leading zero is a code; a number in words before a singular ordinal is
one ordinal ("у двадцять п'ятому році"); "за тону" per unit. Seen: tuning 93.2%/98.2%, heldout
88.9%/97.0%, heldout2 97.9%/95.8%, heldout3 96.5%/98.2% (all unchanged), heldout4 77.1%/84.4% ->
88.9%/100% (value only 88.9%/100%). heldout5, run once at the end (88f16ba): 60.5%/78.8%
(65.1%/84.8%), 43 suggested for 33 labels, 7 negatives hit: no better than before the round
(61.9%/78.8%). The 85/85 goal on unseen text is missed, by far on precision: the rules fixed
what the seen parts and DEV showed and did not carry to heldout5's sentences.

A sixth held-out draw ("heldout6": 80 sentences, 46 statistics in 32 of them, 9 claimed), from
text no part had used: ner-uk's TEST texts being nearly spent, from version 1.0's texts
(``v1.0/data``, untokenized news of 2012-2015: Житомир, Кіровоград, Тернопіль, Львів, Полтава
...). Of its 498 texts, 42 are in no v2.0 text (none of forty code points of their letters and
digits, taken every 200, is in a v2.0 text; the other texts share nearly all of theirs), so not
the documents of any part. Drawn as heldout5 was: their db.text sentences of 25-600 code points
holding a digit or a number word (309 sentences), ordered by the sha1 of
"heldout6|v1.0|file|start", the first 50, then the first 30 of the rest holding a claim or bound
word. Labelled by hand with the earlier parts' conventions (ages, durations, dates, times, a
time ago, prices per unit such as an exchange rate "17 гривень за долар", limits allowed
"допустимому значенні 0,5 мг/м³" no statistics; a vote's tally "«за» 0, «проти» 18" five counts;
measured concentrations "0,048 мг/м³" statistics; "тисячам людей" at least 2000, approximate)
and committed before any rule below and before the extractor ran on it.
Sixth round (heldout5 now seen; more cases from what is suggested on unlabelled DEV texts in no
part), rejecting classes of non-figures by their grammar: house numbers (a street or "адрес-"
word, names and numbers, then digits with no word after them: "вул. Франка, 12", "за адресами
бухта 1-а, 2, 3"); a number inside a short name in quotes with no verb («Авангард 10», «1 +1
Продакшн»); a number in words with nothing named after it and no count before it to share
("Лишалося їх дві"); "між двома"; counts of times ("шість разів", "у 25 разів"); the number
denied in "не 3, а 2"; kitchen measures ("1 ст. ложку", "склянкою"), "рочки"; "від 7 до 12
років", "з 6 до 12 червня" (a range of years or days, no count at either end); a word with a
preposition reading ("до") no counted noun; "one" in words only after "рівно" or with a bound
("лише одну колонку": the one stressed). And: "з них 62,11" after a sum in millions is in
millions; "85 (зі 105) елементів" both count the noun; a pronoun between a vague count and its
noun ("десятків інших компаній"); who accuses claims ("СБУ звинуватила Y в ... на 100 млн
грн"), past a writer's aside ("Нагадаємо, …"); "… про це повідомляється у X" claims what comes
before. Seen: tuning 93.2%/98.2%, heldout 88.9% -> 91.4%/97.0%, heldout2 97.9%/95.8%, heldout3
96.5%/98.2%, heldout4 88.9% -> 94.1%/100%, heldout5 60.5%/78.8% -> 86.5%/97.0% (value only the
same); Russian unchanged (94.8%/92.9%, held-out 89.8%/86.3%). heldout6, run once at the end:
69.0%/63.0% (81.0%/73.9%), 4 of its 48 sentences without a statistic get one, where the rules of
the labels' commit (a357230) scored 65.2%/65.2% (76.1%/76.1%), 7 hit. Its misses: the ten counts
of two votes' tallies ("«за» 0, «проти» 18", zeros and all: none is read), claimants after a
long title ("За словами заступника начальника ... управління ... Віктора Заброди,": nobody) and
inserted ", каже губернатор,", "сорок один" after "яких буде відкрито", "3-х майданчиків"; its
false values: an exchange rate ("курс 17 гривень за долар", three), "0,37 гривні за кілометр",
limits allowed ("при допустимому значенні 0,5 мг/м³", two), "11 класів", "із трьох боків". The
85/85 goal on unseen text is missed again, on both (69.0%/63.0%).

A seventh held-out draw ("heldout7": 80 sentences, 37 statistics in 21 of them, 6 claimed), from
the same 42 v1.0 texts in no v2.0 text (found again the same way: 40 letters and digits every
200 of a text's letters and digits, none in a v2.0 text), their sentences overlapping none of
heldout6's. Of their 313 db.text sentences of 25-600 code points holding a digit or a number
word (heldout5's test, its words split at apostrophes, so "сім'ю" holds "сім"; 79 of heldout6's
80 are among them), the 234 left, ordered by the sha1 of "heldout7|v1.0|file|start": the first
50, then all 21 of the rest holding a claim or bound word (heldout5's list with "більше",
"менше", "щонайменше", "приблизно", "орієнтовно", "за інформацією", "зазнач-", "сказа-",
"каже", "кажуть", "розповіл-", "оцін-"), then the next 9 in that order. Labelled by hand with
the earlier parts' conventions and committed before any rule below and before the extractor ran
on it; new cases decided as the old: a rate per unit of time ("400 пасажирів на годину", "до
120 ударів на хвилину") as a price per unit, no statistic; a ratio ("один із 40 чоловіків") no
statistic; nights spent ("7 тисяч ночей у готельних номерах") a duration; a bus's capacity
("місткістю 18–20 пасажирів") a measure, like an area; "кількадесят чиновників" at least 20,
approximate, like "десятків"; "щонайбільше восьмеро" 8 at most; the previous editions of a
festival ("на три попередні кінофоруми") no count.
Seventh round (heldout6 now seen; more cases from what is suggested on unlabelled DEV texts in
no part). One heldout6 label corrected first: "Тепер чоловік каже, що у нього дві домівки" is
claimed by "чоловік" (the subject before a verb of saying, as everywhere else), which moved
heldout6 from 69.0%/63.0% to 71.4%/65.2% with the same rules. Rules: a vote's tally ("«за» 0,
«проти» 18, утрималися 0, не голосували 0, відсутні 1": two or more vote words each before
digits, each number a count of its vote, zeros too); a claim inserted between commas ("В
області, каже губернатор, щороку …") covers its clause's figures after it, and a title alone
names a claimant ("губернатор", "директор"); a title before a name may be long (up to 20
words), and a capitalised word the dictionary lacks after a first name is the surname
("Віктора Заброди"); a price of one unit ("17 гривень за долар", "0,37 гривні за кілометр",
"50 грн за особу"; "курс 20, а то й усі 22 гривні за долар": the list's last number says it;
"за квартиру" is no longer read as "за кв."); a limit allowed ("при допустимому значенні 0,5
мг/м³", "норма — 0,2"); a cardinal's case ending after digits ("3-х майданчиків", "8-ми громад";
"11-х класів" is an ordinal's); a number in words ending its clause after "яких …" counts the
plural noun before the pronoun ("табори …, яких буде відкрито сорок один"); sides ("із трьох
боків") no count. From DEV: a compound adjective with its hyphen apart ("4,5 - метровий"),
"діб" a duration; digits of 2-4 before a noun only singular and genitive name a unit ("2
батальйону"); "перших двох інстанцій" (the first few of an order) no count; a telephone
number ("239-55-44") a code; "менше як" / "більше як" bounds; a first word that also reads as an
adverb is no claimant ("Зараз «Укргазвидобування» вказує"); "706 і 182 кв м" both square metres;
"числа 1", "на цифру 3" no counts. Tried and withdrawn: a small number in words in the genitive
after a noun as no count ("пропозицій двох фірм"), which also took "допитали працівників двох
компаній", which an earlier test counts, with no grammar between them. Seen: tuning 93.2%/98.2%,
heldout 91.4%/97.0%, heldout2 97.9%/95.8%, heldout3 96.5%/98.2%, heldout4 94.1%/100%, heldout5
86.5%/97.0% (all unchanged), heldout6 71.4%/65.2% -> 97.9%/100% (value only the same); Russian
unchanged (94.8%/92.9%, held-out 89.8%/86.3%). heldout7, run once at the end (844d288):
66.0%/83.8% (72.3%/91.9%), 47 suggested for 37 labels, 10 of its 59 sentences without a
statistic get one, bounds right 97.1%, where the rules of the labels' commit (f36f5fc) scored
59.1%/70.3% (65.9%/78.4%), 10 hit. Its false values: half from the conventions decided while
labelling it (a rate per hour "400 пасажирів на годину", "до 120 ударів на хвилину"; "7 тисяч
ночей"; the ratio "один із 40 чоловіків і одна з 60 жінок", three; "на три попередні
кінофестивалі", three times), the rest small counts said in passing ("двома третинами",
"за двома документами", "Нам двом", "дві душі"); its misses: claimants before the figures'
clause ("Розповіла Лариса Костенко і про те, що …", "губернатор сказав, що …, а цього року … 3,5
мільйона" past the comma before "а"), "щонайбільше восьмеро" (no bound word), "кількадесят",
"а таких у нас двадцять одна", "В Україні аеровокзалів 36" (the count after its noun). The
85/85 goal on unseen text is missed again: recall 83.8%, precision 66.0%.

An eighth held-out draw ("heldout8": 80 sentences, 37 statistics in 23 of them, 2 claimed), from
the same 42 v1.0 texts (found again as for heldout7: 42 texts, none of whose 40-letter windows
every 200 letters and digits is in a v2.0 text; only the untokenized ``.txt`` of each, not the
``.tok.txt``), their sentences overlapping none of heldout6's or heldout7's. Of their db.text
sentences of 25-600 code points holding a digit or a number word (heldout7's test), 155 are
left, ordered by the sha1 of "heldout8|v1.0|file|start"; none past the first 50 holds a claim or
bound word of heldout7's list (heldout7 took them all), so the draw is simply the first 80 in
that order. Labelled by hand with the earlier parts' conventions and committed before any rule
below and before the extractor ran on it: a rate per unit of time ("60 вдихів за хвилину", "11
гривень на день") and the price of one dose no statistic; a group's size each ("гурти чоловіків
по 20—30 осіб") a range, as "по 9,98% акцій"; "десь 60-70 тисяч" approximate; a capacity ("злітна
смуга витримає 60 тонн") a measure, as heldout7's bus; "усі ці 110 тисяч безробітних" a
back-reference, no statistic; "Половина з них", "ще кілька", "попередніх трьох кінофестивалів",
"у два тури" none; small counts of people or things reported ("Ще двоє ... в полоні", "дві
безпорадні жінки", "двох Ратушняків") counts, as heldout7's "двох дорослих доньок".
Heldout8's rules-of-the-labels'-commit score (3bd3aa4), run once before any change below and
not read further: 79.1%/91.9% (81.4%/94.6%), 43 suggested for 37 labels, 6 negatives hit.

Eighth round. Two heldout7 labels first aligned with the earlier parts' conventions (label fixes,
no rule): "пропускна спроможність аеропорту – 400 пасажирів на годину" is a capacity, a statistic
as heldout7's own bus "місткістю 18–20 пасажирів" and heldout6's "127 мільйонів гривень на рік"
(claimed by "прес-реліз": "У прес-релізі сказано, що"), where heldout7 had taken it for a price
per unit; "судити за двома документами" a count, as heldout3's "по двох показниках" and
heldout2's "у двох вікових категоріях" (claimed by the speaker after the quote). A pulse or
breaths per minute stay a body's measure, no statistic (the fourth round's small measures).
With the same rules heldout7 moved from 66.0%/83.8% to 68.1%/82.1% (76.6%/92.3%).
Rules (heldout7 now seen; each checked against the 13,052 unlabelled DEV sentences, where 5
suggestions change against main, each read: all gains): "кількадесят", "кількасот" vague counts
(at least 20, 200; approximate); "щонайбільше" an upper bound; digits ending their clause after a
noun only ever genitive plural count it ("В Україні аеровокзалів 36"; "верстов десять", in
words, is "about ten" and stays no count); "(а таких у нас двадцять одна)" counts what "таких"
stands for; the claim verb first ("Розповіла Лариса Костенко і про те, що …", "Повідомили в
поліції, що …"); a subject of a few words after a comma before a claim verb and ", що" ("На
запитання продюсера …, який внесок …, губернатор сказав, що …"); a publication in a
prepositional phrase alone before an impersonal verb ("У прес-релізі сказано, що" -> прес-реліз;
"У договорі вказано" names nobody still). No counts: the previous few ("три попередні
кінофоруми", "на попередні три", as "перших двох"), a ratio's whole after a nominative "one" ("один
із 40 чоловіків"; "одним зі 108 протестувальників, які загинули" counts them), a speed per minute
or second ("до 120 ударів на хвилину"), a number in words in a personal pronoun's case after it
("Нам двом", "нас двох"; "У нас дві школи" counts), fractions ("двома третинами"), nights spent
("7 тисяч ночей"). Seen: tuning 93.2%/98.2%, heldout 91.4%/97.0%, heldout2 97.9%/95.8%, heldout3
96.5%/98.2%, heldout4 94.1%/100%, heldout5 86.5%/97.0%, heldout6 97.9%/100% (all unchanged),
heldout7 68.1%/82.1% -> 97.5%/100% (value only the same); Russian unchanged (94.8%/92.9%,
held-out 89.8%/86.3%). heldout8, run once at the end (dde785c): 85.4%/94.6% (85.4%/94.6%), 41
suggested for 37 labels, 4 of its 57 sentences without a statistic get one, bounds right 97.1%,
where the rules of the labels' commit (3bd3aa4) scored 79.1%/91.9% (81.4%/94.6%), 6 hit. Read
after that scoring, no rule changed since: its false values are a price of one unit in brackets
("вартість однієї дози – 90–130 гривень"), a price per day ("11 гривень на день, у профільних –
шість гривень"), "у два тури" (rounds of a vote), a gardening instruction ("обрізуємо на 5—7
бруньок"), an age ("одній із яких - за 80"); its misses the two counts claimed by an inserted
", проінформували вчора у прес-службі Донецької ОДА," (the counts "Десятьом", "двох" with no noun
after them). The 85/85 goal on unseen text is met on heldout8, narrowly on precision (85.4%).

A ninth and a tenth held-out draw ("heldout9", "heldout10": 80 sentences each; heldout9 32
statistics in 29 of them, 3 claimed; heldout10 58 in 40, 5 claimed), from fresh documents: every
ner-uk text had been read by some part, so these are from the press texts of the Brown corpus
of Ukrainian itself (brown-uk/corpus ``data/good/A_*.txt``, collection ``brown-uk``, read from
``DOSSIER_BRUK``; CC BY-NC-SA, offsets and sha1 only, as above). ner-uk was annotated on BRUK
texts, so of the 324 press texts the 105 that share any 40 letters and digits in a row (every
window of both sides, case folded, all else dropped) with any ``.txt`` of ner-uk (v1.0, v2.0,
tokenized or not) are left out; the 219 left were ordered by the sha1 of "brown-uk-part|file" and
dealt alternately, the first to heldout9 (110 texts), the second to heldout10 (109), so no
document is in both. In each, db.text sentences of 25-600 code points holding a digit or a
number word (heldout5's test), ordered by the sha1 of "heldoutN|brown-uk|file|start": the first
50, then the first 30 of the rest holding a claim or bound word (heldout7's list), never more
than 2 of one text (heldout9 58 texts, heldout10 57). ``python -m benchmarks._bruk`` draws them
again. Both labelled by hand with the earlier parts' conventions and committed before any rule
below and before the extractor ran on them; decided as before: a payment per person and month
("2 тис. гривень на місяць") and exchange rates no statistic; a pronoun claims for nobody ("—
написав він"); "кількох десятків", "десятків людей" at least 20, approximate, "понад два десятки"
at least 20; "мільярди доларів" at least two billion, approximate; the points of a vote or a
game ("222 проти 7", "набрав сім очок") counts; a change "від 362 ... до 440 мільйонів" two values;
"майже 72 роки" of a life expectancy a statistic (an average measured, not a term).
Scored once with the rules of the labels' commit (ce44a06): heldout9 71.8%/87.5% (76.9%/93.8%),
39 suggested for 32 labels, 4 negatives hit; heldout10 83.9%/81.0% (89.3%/86.2%), 56 suggested
for 58 labels, 2 negatives hit.
Ninth round (heldout9 now seen, its errors read after that scoring; heldout10 never read; more
cases from what is suggested, and not, on the BRUK texts outside heldout10's half and on the
13,052 unlabelled ner-uk DEV sentences, every changed suggestion read). One heldout9 label first
aligned (a description before a name that is no title left out: "корінна жителька Новогупалівки
Явдоха Григорівна Нечепуренко" -> "Явдоха Григорівна Нечепуренко"; no change with the same rules).
Rules: a sum per day or month a rate, a year's a total ("2 тис. гривень на місяць", "150 000
гривень на добу"); the price of one thing ("вартість однієї дози – 90–130 гривень") and an
exchange rate ("курс долара … з 7,99 грн", "долар сягнув 9,04 грн"), unscaled below 1000, no
sums, nor a sum in parallel after a price ("11 гривень на день, у профільних – шість гривень");
"за результатами"/"за підсумками" claims only for a survey, study or audit; "з восьми можливих"
the most there could be; millennia and decades durations, and any adjective before a unit of
time ("трьох стартових хвилин"); an age over ("за шістдесят"), an age category ("50+"); "по дві
тисячі гривень … мав кожен депутат" a sum; a number said by its scales one number ("1 млн 260
тис.", "1 мільйон 845 тисяч 274"); a figure in parallel after a dash in the scale before ("2
мільйони гривень, цього року — 12"); "з 10,2 тис. до 12,5 тис." a change; "півмільйона"; a number
in words in a quoted noun's phrase («братерство двох слов'янських народів») none; next to an
impersonal verb a count of people ("двох госпіталізовано"); an average span or age measured a
figure ("середня тривалість життя становить майже 72 роки"). Claimants: "На думку X", "За
свідченням X", "За висновками X", "Як стало відомо X", "Про це (на брифінгу) повідомив X:", who
recalls ("згадує про", "пригадує, що") past a year of birth in commas, "проінформували вчора у
X"; a title after its adjective ("міський голова") and a title of a body named ("прес-служба
ДСНС", "у прес-службі Донецької ОДА", "У департаменті соцзахисту ОДА повідомили") stay; a name
part in any of the dictionary's readings ("Анатолія Ткачука"); one word read as the person it
names ("на думку політика"); a quote after a colon words said, no name. Seen: tuning, heldout,
heldout2-7 unchanged (93.2%/98.2%, 91.4%/97.0%, 97.9%/95.8%, 96.5%/98.2%, 94.1%/100%,
86.5%/97.0%, 97.9%/100%, 97.5%/100%); heldout8 85.4%/94.6% -> 94.9%/100%, heldout9 71.8%/87.5% ->
94.1%/100% (value only the same), bounds right 93.8%; Russian unchanged (94.8%/92.9%, held-out
89.8%/86.3%), English unchanged. heldout10, run once at the end (a124d6a): 89.1%/84.5%
(92.7%/87.9%), 55 suggested for 58 labels, 2 of its 40 sentences without a statistic get one,
bounds right 92.2%, where the rules of the labels' commit scored 83.9%/81.0% (89.3%/86.2%). Read
after that scoring, no rule changed since: 7 of its 9 labels missed are kilograms ("50
кілограмів золота", "150 кг гречки і 60 кг м'яса") and a contest's points ("222 проти 7 від
журі", four), which the rules read as measures (the fourth round's small measures, "бал", "кг"
after a number), a convention those labels did not follow; one claimant is unowned data
("згідно зі згаданими статистичними даними", labelled "статистичні дані", which the rules name
nobody, as the third round decided), and one is cut at "та" ("У департаменті освіти та науки
… повідомили" -> "освіта та науки …"); its false values a threshold ("До 50 відсотків не
вистачило"), a limit allowed ("дозволяється купувати до 25 відсотків"), a condition ("сім'я із
двох людей"), "4 мої місячні зарплати". The 85/85 goal on unseen text: precision met (89.1%),
recall missed narrowly (84.5%).

Tenth round (branch ukfix; heldout10 is seen from here: the bug below was found in its errors):
a noun in the locative or instrumental after a preposition governs the genitives after it, also
those that read as nominative plurals, and a genitive coordinated with one ("У департаменті
охорони здоров'я повідомили" -> "департамент охорони здоров'я", was "охорона здоров'я"; "У
відділі поліції" -> "відділ поліції"; "освіти та науки"); a nominative agreeing with the verb,
a thing in the singular or people in the plural, stays the subject. heldout10 89.1%/84.5% ->
90.9%/86.2% (value only 92.7%/87.9%, unchanged): the seen figure now; every other part, seen,
and Russian, unchanged.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._bruk import HOW as BRUK_HOW  # noqa: E402
from benchmarks._bruk import Press  # noqa: E402
from benchmarks._labelled_statistics import checked, main  # noqa: E402
from benchmarks._ner_uk import HOW, Corpus  # noqa: E402

EVAL = ROOT / "benchmarks" / "uk_statistics_eval.jsonl"


#: the collection of the BRUK press texts (:mod:`benchmarks._bruk`); every other is ner-uk's
BRUK = "brown-uk"


@functools.cache
def _corpus() -> Corpus:
    return Corpus(os.environ.get("DOSSIER_NER_UK"))


@functools.cache
def _press() -> Press:
    return Press(os.environ.get("DOSSIER_BRUK"))


@functools.cache
def _file_text(collection: str, name: str) -> str:
    return _press().text(name) if collection == BRUK else _corpus().text(collection, name)


def _readable(item: dict[str, Any]) -> bool:
    return bool(os.environ.get("DOSSIER_BRUK" if item["collection"] == BRUK else "DOSSIER_NER_UK"))


def _sentence(item: dict[str, Any]) -> str:
    text = _file_text(item["collection"], item["file"])[item["start"]:item["end"]]
    return checked(item, text, f"{item['collection']}/{item['file']}")


def same_claimant(label: str | None, got: str | None) -> bool:
    """The same claimant when their words have the same dictionary forms, in order."""
    from db.language.morphology import lemmas

    def forms(value: str | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", value.casefold().replace("’", "'"))
        return tuple(lemmas(words, "uk")) or None

    return forms(label) == forms(got)


if __name__ == "__main__":
    if not os.environ.get("DOSSIER_NER_UK") and not os.environ.get("DOSSIER_BRUK"):
        print(HOW)
        print(BRUK_HOW)
    else:
        main(__doc__, EVAL, _sentence, "uk", same_claimant, _readable)
