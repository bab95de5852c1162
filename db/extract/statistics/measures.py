"""What a number counts (the noun phrase after it) and what happened to it (the verb or state
word around it)."""

from __future__ import annotations

import re

from db.extract.statistics.english import (
    AUX,
    CLAIM_VERB_RE,
    DETERMINERS,
    HEARSAY,
    NP_STOP,
    SCALES,
    STATE_WORDS,
    UNITS,
    is_verbish,
    measure_of,
)
from db.extract.statistics.numbers import CORE
from db.extract.statistics.sentences import tokens


def noun_phrase(sentence: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Span of the noun phrase that starts at ``pos`` ("civilians, security officials, and
    militants", "employees of a British security firm"), or None."""
    toks = tokens(sentence, pos, limit)
    i = 0

    def simple(i: int) -> int:
        """Index after a run of noun-phrase words starting at i (an "of" phrase included)."""
        words = 0
        while i < len(toks):
            word = toks[i][2]
            lower = word.lower()
            if not (word[:1].isalpha() or word == "#39;s" or word == "("):
                break
            if lower == "of" and words and i + 1 < len(toks):
                j = i + 1
                if toks[j][2].lower() in DETERMINERS:
                    j += 1
                if j < len(toks) and toks[j][2][:1].isalpha() and \
                        toks[j][2].lower() not in NP_STOP and not is_verbish(toks[j][2]):
                    i = j
                    continue
                break
            if word == "(" and i + 2 < len(toks) and toks[i + 2][2] == ")" and words:
                i += 3  # "African Union (AU) troops"
                continue
            if (lower in NP_STOP and not (word.isupper() and len(word) > 1)) or \
                    lower in STATE_WORDS:
                break
            if words and (is_verbish(word) or CLAIM_VERB_RE.fullmatch(word)):
                break
            if lower in UNITS or lower in SCALES:
                break
            if words and word.endswith("ly") and not word[:1].isupper():
                break
            words += 1
            i += 1
        return i

    # "100 of Zarqawi's militiamen", "tonnes of soft wheat", "$325,000 worth of air time"
    if len(toks) > 1 and toks[0][2].lower() == "worth" and toks[1][2].lower() == "of":
        toks = toks[1:]
    if toks and toks[0][2].lower() == "of":
        i = 1
        if i < len(toks) and (toks[i][2].lower() in DETERMINERS):
            i += 1
    first_end = simple(i)
    if first_end == i:
        return None
    start = toks[i][0]
    end_index = first_end
    # A list joined by commas and "and", accepted only when a verb follows it.
    j = first_end
    while j < len(toks) and toks[j][2] in (",", "and"):
        k = j
        while k < len(toks) and toks[k][2] in (",", "and"):
            k += 1
        if k >= len(toks) or toks[k][2].lower() in NP_STOP or not toks[k][2][:1].isalpha():
            break
        if CORE.match(sentence, toks[k][0]):
            break
        after = simple(k)
        if after == k:
            break
        j = after
        if j < len(toks) and (toks[j][2].lower() in AUX or is_verbish(toks[j][2])):
            if not CLAIM_VERB_RE.fullmatch(toks[j][2]) and \
                    toks[k][2][:1].islower() == toks[i][2][:1].islower():
                end_index = j
            break
    return start, toks[end_index - 1][1]


def verb_after(sentence: str, pos: int, limit: int) -> str | None:
    """The measure named by the verb or state word after a counted phrase."""
    toks = tokens(sentence, pos, limit)
    i = 0
    while i < len(toks) and i < 8:
        word = toks[i][2].lower()
        if word in HEARSAY and i + 1 < len(toks) and toks[i + 1][2].lower() == "to":
            i += 2
            continue
        if word in HEARSAY and i + 1 < len(toks) and (
                toks[i + 1][2].lower() in STATE_WORDS or measure_of(toks[i + 1][2])):
            i += 1  # "were confirmed dead", "reported killed"
            continue
        if word in AUX or (word == "to" and i > 0):
            i += 1
            continue
        break
    if i >= len(toks):
        return None
    word = toks[i][2].lower()
    rest = " ".join(t[2].lower() for t in toks[i:i + 3])
    if word in ("gone", "went", "left", "travelled", "traveled", "headed", "go") and \
            re.match(r"\w+ to (?:fight|join)", rest):
        return "gone to fight"
    if word in STATE_WORDS:
        return STATE_WORDS[word]
    if not toks[i][2][:1].isalpha() or toks[i][2][:1].isupper():
        return None
    measure = measure_of(rest) if rest.startswith(("shot dead", "tore down", "torn down")) \
        else measure_of(word)
    if measure:
        return measure
    # Another verb only after an auxiliary ("are confined"): a bare verb after the counted
    # phrase often belongs to a larger subject ("Militants holding three workers met ...").
    if is_verbish(word) and word not in AUX and word not in ("left",) and i > 0:
        return word
    return None


def verb_before(sentence: str, start: int) -> str | None:
    """The measure named by the verb just before a number ("killed 27", "injuring six")."""
    words = [t for t in tokens(sentence, max(0, start - 60), start)]
    words = [t for t in words if t[2][:1].isalpha()]
    if not words:
        return None
    last = words[-1][2].lower()
    if last == "by" and len(words) > 1:
        last = words[-2][2].lower()
    if last in ("dead",) and len(words) > 1 and words[-2][2].lower() == "shot":
        return "killed"
    if last in ("down",) and len(words) > 1:
        return measure_of(words[-2][2].lower() + " down")
    if last in ("cost", "claimed", "claiming", "took", "taking"):
        return "killed"  # "cost 85 lives", "claimed 30 lives": checked against "lives" later
    if last in AUX or last in NP_STOP - {"to"}:
        return None
    if re.search(r"\btoll\b(?:\s+\S+){0,12}\s*$", sentence[max(0, start - 100):start].lower()):
        return "killed"  # "taking the toll ... to 62", "the death toll in Iraq tops 1,000"
    if last == "to":
        return None
    measure = measure_of(last)
    if measure and (is_verbish(last) or last in ("pay", "sell", "export", "import", "save",
                                                 "kill", "rose", "fell", "paid", "sold")):
        return measure
    if measure and last in ("rise", "fall", "increase", "decline", "drop", "gain", "jump"):
        return measure
    return None
