"""Who claims a figure: attributions in a sentence ("X said", "according to X", ", police said")
and which figures each covers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.extract.statistics.english import (
    ACCORDING_RE,
    CLAIM_VERB_RE,
    DESCRIPTORS,
    DETERMINERS,
    MODIFIERS,
    PRONOUNS,
    TAIL_WORDS,
    TIME_TAIL,
    is_plural_noun,
    is_verbish,
)
from db.extract.statistics.numbers import CORE, Number
from db.extract.statistics.sentences import clause_spans, clean

_TAIL_STOP = re.compile(r"[,;]|\.(?:\s|$)|\.\.\.|$")


def _attribution_tail(after: str) -> int | None:
    """Where an attribution that ends its clause ends (", police said on Friday." -> after
    "Friday,"), or None when the claim verb goes on into what is claimed."""
    stop = _TAIL_STOP.search(after)
    assert stop is not None  # "$" always matches
    words = after[:stop.start()].split()
    if len(words) > 8:
        return None
    for index, word in enumerate(words):
        lower = word.lower().rstrip(".")
        if lower in TAIL_WORDS or (lower.isdigit() and len(lower) <= 2):
            continue
        # one word after "in", "at" or "from": "said in Paris"
        if index > 0 and words[index - 1].lower() in ("in", "at", "from"):
            continue
        return None
    return stop.end()


@dataclass(frozen=True)
class _Attribution:
    claimant: str
    start: int  # span of the attribution words in the sentence
    end: int
    leading: bool  # covers what follows (True) or what precedes (False)


# A participle between commas before the claim verb ("..., received here, said").
_ASIDE = re.compile(r",\s*(?:in\s+an?\s+(?:written\s+)?(?:statement|communiqu[eé]|letter)|received|obtained|seen|quoted|carried|posted|published|issued|"
                    r"released|broadcast|cited|made\s+available)\b[^,;]{0,40},\s*$", re.IGNORECASE)
# "a statement by the group", "a communique from the ministry": the one who states it.
_STATEMENT_BY = re.compile(r"^(?:an?|the)?\s*(?:written\s+)?(?:statement|communiqu[eé]|letter|"
                           r"message|video|leaflet|announcement|press\s+release)\s+"
                           r"(?:by|from|of|issued\s+by)\s+(.+)$", re.IGNORECASE)


def _clean_claimant(raw: str) -> str | None:
    text = clean(raw)
    statement = _STATEMENT_BY.match(text)
    if statement:
        text = statement.group(1)
    text = re.sub(r"^(?:and|but|while|as|also)\s+", "", text, flags=re.IGNORECASE)
    text = TIME_TAIL.sub("", text)
    text = re.sub(r"\s+(?:has|have|had|will|would|also|now)$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    words = text.split()
    if words[0].lower() in PRONOUNS or len(words) > 12:
        return None
    if any(CORE.fullmatch(w) or w[:1].isdigit() for w in words):
        return None
    # "the site Caucasus Knot", "the official Xinhua News Agency" -> the name
    caps = [w[:1].isupper() for w in words]
    if any(caps):
        first_cap = caps.index(True)
        lead = [w.lower() for w in words[:first_cap]]
        if lead and all(w in DESCRIPTORS for w in lead) and all(caps[first_cap:]):
            return " ".join(words[first_cap:])
        last_cap = len(caps) - 1 - caps[::-1].index(True)
        tail = [w.lower() for w in words[last_cap + 1:]]
        if tail and all(w in DESCRIPTORS for w in tail) and all(caps[:last_cap + 1]) and not (
                last_cap == 0 and re.search(r"(?:an|ian|ese|ish|i)$", words[0])):
            return " ".join(words[:last_cap + 1])
        if first_cap > 0 and all(caps[first_cap:]) and lead and lead[-1] in DESCRIPTORS:
            return " ".join(words[first_cap:])
    return text


def _np_is_claimant(raw: str) -> bool:
    """Whether words before a claim verb can be its subject ("Russian officials", "police and
    the U.S. military", "a spokesman for the group"), not a clause or a noun phrase object."""
    words = raw.split()
    if not words or len(words) > 12:
        return False
    if all(w.lower() in ("has", "have", "had", "also", "will", "would") for w in words):
        return False
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in ("has", "have", "had") and index == len(words) - 1:
            continue
        # A determiner inside the phrase must follow a preposition or "and" ("spokesman for
        # the group"); "more than double the pre-auction estimate" is no claimant.
        if index > 0 and lower in DETERMINERS and words[index - 1].lower() not in (
                "of", "for", "at", "in", "and", "from", "with", "on", "to", "by"):
            return False
        if lower in MODIFIERS or lower in ("than", "double", "twice", "half"):
            return False
        if is_verbish(word) and lower not in ("armed", "united", "unidentified", "based",
                                              "led", "backed", "linked", "named"):
            return False
        if CORE.fullmatch(word) or word[:1].isdigit():
            return False
    return True


# An adjective or participle opening a sentence before "reports", "estimates" ...: their noun's.
_OPENING_ADJECTIVE = re.compile(r"[A-Z][a-z]+ed|Initial|Official|Unofficial|Preliminary|New|Recent|Latest|"
                                r"Early|Independent|Other|Conservative|Credible|Most|Some|Many|Several")


def _attributions(sentence: str) -> list[_Attribution]:
    """Every claim attribution in a sentence."""
    found: list[_Attribution] = []
    for match in ACCORDING_RE.finditer(sentence):
        rest = sentence[match.end():]
        stop = re.search(r",|(?<!#39);|\.(?:\s|$)|\s+(?:which|who|that|and\s+(?:an?|the)\s)\b|$",
                         rest)
        assert stop is not None
        name = _clean_claimant(rest[:stop.start()])
        if not name:
            continue
        head = sentence[:match.start()]
        leading = not re.search(r"[^\W_]", re.split(r"[;:]|\s[-—–]+\s", head)[-1]) or \
            head.rstrip().endswith((":", "-", "—"))
        found.append(_Attribution(name, match.start(), match.end() + stop.start(), leading))
    for match in CLAIM_VERB_RE.finditer(sentence):
        head = sentence[:match.start()]
        after = sentence[match.end():]
        if re.match(r"\s+responsibility\b", after, re.IGNORECASE):
            continue
        if re.search(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s*$", head,
                     re.IGNORECASE):
            continue  # a noun or an adjective: "the report", "an estimated 249"
        if re.fullmatch(r"reports?|estimates?|claims?|counts?|records?|states?", match.group(0),
                        re.IGNORECASE):
            # A noun unless a plausible subject stands before it ("Russian officials
            # estimate", "Caucasus Knot reports"), not "initial reports indicated".
            before_word = re.search(r"([^\W\d_][\w'’.-]*)\s*$", head)
            if not before_word or not (before_word.group(1)[:1].isupper()
                                       or is_plural_noun(before_word.group(1))):
                continue
            if not head[:before_word.start()].strip() and _OPENING_ADJECTIVE.fullmatch(before_word.group(1)):
                continue  # capitalised as the sentence's first word: "Revised estimates put"
        tail = _attribution_tail(after)
        # Inverted trailing form: ", said the military."
        if re.search(r",\s*$", head) and tail is None:
            inverted = re.match(r"\s+([^,;.]+?)\s*(?:[,;]|\.(?:\s|$)|$)", after)
            if inverted and _np_is_claimant(inverted.group(1)):
                name = _clean_claimant(inverted.group(1))
                if name:
                    found.append(_Attribution(name, head.rstrip().__len__() - 1,
                                              match.end() + inverted.end(1), False))
                    continue
        # The subject: words back to the previous clause boundary.
        piece_start = 0
        # "the French Cereals Intervention Office (ONIC) said": the name before the brackets.
        bracket = re.search(r"\s*\([^()]*\)\s*$", head)
        head_end = bracket.start() if bracket else len(head)
        # "A statement by the group, received here, said": the aside goes, the subject stays.
        aside = _ASIDE.search(head, 0, head_end)
        if aside:
            head_end = aside.start()
        for boundary in re.finditer(r"[,;:(]\s*|\s[-—–]{1,2}\s|\)\s*|\bthat\s",
                                    head[:head_end]):
            piece_start = boundary.end()
        raw = head[piece_start:head_end]
        # "Ali Tigrel, director of economic planning at ... said": the name before the role.
        if tail is not None and raw.strip()[:1].islower() and not re.match(r"\s*(?:the|a|an)\b", raw,
                                                        re.IGNORECASE):
            earlier = re.search(r"(?:^|[,;]\s*|\s[-—–]{1,2}\s)([^,;]+),\s*[^,;]*$", head)
            if earlier and earlier.group(1)[:1].isupper() and \
                    len(earlier.group(1).split()) <= 4:
                name = _clean_claimant(earlier.group(1))
                if name:
                    found.append(_Attribution(name, earlier.start(1),
                                              match.end() + tail, False))
                    continue
        if not raw.strip() or not _np_is_claimant(TIME_TAIL.sub("", raw.strip())):
            continue
        name = _clean_claimant(raw)
        if not name:
            continue
        if tail is not None:
            found.append(_Attribution(name, piece_start, match.end() + tail, False))
        else:
            found.append(_Attribution(name, piece_start, match.end(), True))
    return sorted(found, key=lambda a: a.start)


def guess_claimant(sentence: str) -> str | None:
    """Who the sentence says makes its claim ("according to the site Caucasus Knot" ->
    "Caucasus Knot", "Russian officials estimate" -> "Russian officials", "X said" -> X), or
    None when the author states it."""
    attributions = _attributions(sentence)
    return attributions[0].claimant if attributions else None


def assign_claimants(sentence: str, numbers: list[Number]) -> None:
    attributions = _attributions(sentence)
    if not attributions:
        return
    clauses = clause_spans(sentence)

    def clause_of(pos: int) -> int:
        for index, (start, end) in enumerate(clauses):
            if start <= pos < end:
                return index
        return len(clauses) - 1

    for number in numbers:
        here = clause_of(number.core_start)
        chosen: _Attribution | None = None
        # A trailing attribution after the number in its own clause.
        for attribution in attributions:
            if not attribution.leading and attribution.start >= number.end and \
                    clause_of(attribution.start) == here:
                chosen = attribution
                break
        # A leading claim before the number ("X said", "According to X,").
        if chosen is None:
            for attribution in reversed(attributions):
                if attribution.leading and attribution.end <= number.core_start:
                    chosen = attribution
                    break
        # A trailing attribution in a later clause with no figure before it.
        if chosen is None:
            for later in range(here + 1, len(clauses)):
                c_start, c_end = clauses[later]
                first = next((a for a in attributions if not a.leading
                              and c_start <= a.start < c_end), None)
                figures = [n for n in numbers if c_start <= n.core_start < c_end]
                if first is not None and not any(n.core_start < first.start for n in figures):
                    chosen = first
                    break
                if figures:
                    break
        if chosen is not None:
            number.claimant = chosen.claimant
            number.claim_span = (chosen.start, chosen.end)
