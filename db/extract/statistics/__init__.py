"""Statistic candidates: numbers in sentences that count or measure something, and who claims them.

Offline and rule-based (regular expressions over code points); nothing is saved here. The modules
follow a sentence through the suggester: :mod:`.sentences` (sentences and clauses),
:mod:`.numbers` (number phrases), :mod:`.measures` (what is counted, what happened),
:mod:`.claimants`, :mod:`.periods`, :mod:`.places` and :mod:`.candidates`, which decides and
assembles. The English words they read by are in :mod:`.english`.

Decisions a researcher will notice, in the order a sentence goes through them:

* **What counts.** A number counts something (people, homes, incidents, tonnes), measures money
  (``USD``, ``JPY`` ...) or a percentage *of something*. Not statistics: dates and years ("June 21",
  "in 2014", "the 1990s", "1986/87"), times, ages ("Glen Evely, 39", "He was 75"), ranks and
  ordinals ("No. 2", "third-ranked"), scores and records ("13-3", "5-2"), numbers inside names
  ("Flight 93"), durations and distances ("48 hours", "400 km"), numbers used as adjectives
  ("10-day-old", "191-member"), definite back-references ("the 10", "the two candidates"),
  fractions ("one third"), market quotes (share prices, index levels and moves, prices per
  barrel or share) and percentages that measure nothing ("on a 100 percent basis").
* **Bounds.** "more than / over / at least 430" gives ``value=430, low=430``; "up to / as many as /
  fewer than / nearly 50" gives ``value=50, high=50``. "between 10 and 20", "from 10 to 20" and
  "two or three" give ``low``/``high`` and ``value=None``: the text gives no best estimate and we do
  not invent a midpoint. Vague counts ("dozens", "scores", "hundreds", "tens of thousands") give
  ``value=None``, the smallest reading as ``low`` (24, 40, 200, 20,000) and ``approximate=True``.
* **Approximate** when a marker stands before the number: "an estimated", "some", "about",
  "around", "roughly", "approximately", "nearly", "almost", "close to", "perhaps", "or so" after it.
* **Ranges.** Only "between A and B", "from A to B", "A or B" and "A to B" with a currency make
  ranges; a scale after B carries to A ("between $500 and $600 million"). "13-3" is a score.
* **Claimant.** A claim verb with its subject before the figures ("Russian officials estimate
  some 2,200 ...", "X said 7 marines ...", "According to X, ...") covers every figure after it in
  the sentence. A trailing attribution (", police said", ", the agency reported Friday",
  ", according to the site Caucasus Knot") covers the figures *before it in its own clause* only;
  clauses are split at ", and", ", but", ", while" and ";" (not inside a list such as
  "civilians, security officials, and militants"). When its clause holds no figure, it covers the
  nearest clause before it that does. So in "249 militants were killed in 2014, and some 5,816 ...
  since 2010, according to the site Caucasus Knot" only the 5,816 is Caucasus Knot's. Pronouns
  ("they say") and passives ("are reported to") name no claimant. ``None`` means the author states it.
* **Period.** The nearest time expression after the number in its clause (else before it):
  "in 2014" -> 2014..2014, "since 2010" -> 2010..publication date, "in the 1990s" -> 1990..1999,
  "in 1985/86" -> 1985..1986, "in February 1986", "on June 21", "last year", "this month".
  Expressions without a year need the publication date; without it they give no period.
* **Quote.** ``start``/``end`` span the clause that carries the figure, widened to take in the
  words naming the claimant, so the quote is the evidence a reader needs.
"""

from db.extract.candidates import StatisticCandidate
from db.extract.statistics.candidates import suggest_statistics
from db.extract.statistics.claimants import guess_claimant
from db.extract.statistics.numbers import NotAQuantity, Quantity, parse_quantity
from db.extract.statistics.periods import guess_period

__all__ = [
    "NotAQuantity",
    "Quantity",
    "StatisticCandidate",
    "guess_claimant",
    "guess_period",
    "parse_quantity",
    "suggest_statistics",
]
