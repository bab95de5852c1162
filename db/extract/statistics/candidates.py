"""Statistic candidates: which numbers of a sentence are statistics, and everything read about
each (subject, measure, unit, claimant, period, place, the quote)."""

from __future__ import annotations

import re
from dataclasses import replace

from db.dates import PartialDate
from db.extract.candidates import StatisticCandidate
from db.extract.statistics.claimants import assign_claimants
from db.extract.statistics.english import (
    CASUALTY,
    FIRSTWORD,
    MARKET,
    MEASURE_NOUN_HEADS,
    MILITARY,
    MONTH_RE,
    NOT_A_COUNT_AFTER,
    PERCENT_CONTEXT,
    PERCENT_NOUNS,
    PERSON_NOUNS,
    REFERENCE_BEFORE,
    STATE_WORDS,
    is_plural_noun,
    is_verbish,
    measure_of,
)
from db.extract.statistics.measures import noun_phrase, verb_after, verb_before
from db.extract.statistics.numbers import Number, find_numbers
from db.extract.statistics.periods import find_period
from db.extract.statistics.places import guess_place
from db.extract.statistics.sentences import READ_AHEAD, bounded_sentences, clause_spans, clean
from db.extract.statistics.structure import is_rule, read_structure
from db.extract.statistics.tables import table_statistics
from db.text import trimmed

# A provision of a law, treaty or resolution, and the numbers listed after it.
_PROVISION = re.compile(r"\b(?:articles?|arts?\.|sections?|paragraphs?|paras?\.|chapters?|clauses?|"
                        r"resolutions?|protocols?)\s+(?:\d+[a-z]?(?:\(\w+\))?\s*(?:,|and|or|&)\s*)*$",
                        re.IGNORECASE)
_ESTIMATE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|set|sets)\s+the\s+(?:total\s+)?"
    r"(?:number|toll|count)\s+of\s+(?P<counted>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
    r"[^.;]{0,120}?\bat\s*$", re.IGNORECASE)
_LIMIT = re.compile(r"\b(?:limit|ceiling|cap|threshold|quota)\s+of\s*$", re.IGNORECASE)
# "Of the several hundred people awaiting resettlement, some 340 were resettled": a sentence that
# opens on the whole it divides gives that whole for the first time, not back.
_PARTITION = re.compile(r"(?:^|[.;:]\s+)of\s+the\s*$", re.IGNORECASE)


def _why_not(sentence: str, number: Number, clause: str) -> str | None:
    """Why a number is not a statistic, or None when it may be one."""
    # Only the words near the number matter; short windows keep long lists linear.
    before = sentence[max(0, number.start - 80):number.start]
    core_before = sentence[max(0, number.core_start - 80):number.core_start]
    after = sentence[number.end:number.end + 80]
    literal = number.literal.lower()
    if number.unit is None and NOT_A_COUNT_AFTER.match(after):
        return "duration, distance, time or score"
    if re.search(rf"\b{MONTH_RE}\.?\s*$", core_before, re.IGNORECASE) and number.kind == "digits":
        return "date"
    if number.kind == "digits" and re.match(rf"\s*(?:{MONTH_RE})\b", after, re.IGNORECASE):
        return "date"
    if number.kind == "digits" and re.match(r"\s*(?:th|st|nd|rd)\b", after):
        return "ordinal"
    if re.match(r"\s*-?\s*(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", after, re.I):
        return "fraction"
    year_range = number.bare_year and number.value is None and number.high is not None and \
        re.fullmatch(r"1[5-9]\d\d|20\d\d", f"{number.high:g}") is not None  # "between 2004 and 2009"
    if (year_range or (number.bare_year and not number.modified)) and number.unit is None:
        following = re.match(r"\s+([^\W\d_][\w'’-]*)", after)
        if not (following and following.group(1).lower() in PERSON_NOUNS):
            return "year"
    if re.search(r"\b(?:aged?|he\s+was|she\s+was|he\s+is|she\s+is)\s*$", before, re.I):
        return "age"
    if number.kind == "digits" and re.search(r"[A-Z][\w'’.]*,\s*$", before) and \
            re.match(r"\s*(?:[,.)]|$|\.\.\.)", after) and not number.modified:
        return "age"
    if re.search(r"\b(?:no|nos|number|#)\.?\s*$", core_before, re.IGNORECASE):
        return "rank"
    if number.kind == "digits" and not number.modified and number.unit is None and \
            re.search(r"(?<![.!?]\s)\b[A-Z][\w'’-]*\s+$", before) and (
            not re.match(r"\s+[a-z]", after)
            or (re.match(r"\s+([a-z]+)", after) and is_verbish(after.split()[0]))):
        return "part of a name"
    if number.kind == "digits" and not number.modified and number.unit is None and number.value != 1 and \
            re.search(r"\b[A-Z][\w'’-]*\s+[A-Z][\w'’-]*\s+$", before) and \
            (noun := re.match(r"\s+([a-z][\w'’-]*)\s+[a-z]", after)) and \
            not is_plural_noun(noun.group(1)) and not is_verbish(noun.group(1)):
        return "part of a name"  # "the Nam Theun 2 dam project": a count's noun is plural
    if number.kind == "spelled" and number.literal[:1].isupper() and not number.modified and \
            re.search(r"[^\W\d_][\w'’,]*\s+$", before) and re.match(r"\s+[A-Z]", after) and \
            not re.match(r"\s+[A-Z][\w'’-]*\s+[a-z]", after):
        return "part of a name"  # "the Three Gorges Dam", but "Three Israelis were killed"
    if number.kind == "spelled" and literal == "one" and (
            re.match(r"\s+(?:of|another|day|time|way|thing|side)\b|\s*[,.;:)]|$", after, re.I)
            or re.search(r"\b(?:no|any|each|every|this|that|which|the)\s*$", before, re.I)):
        return "pronoun"
    if number.kind == "digits" and _PROVISION.search(core_before):
        return "provision"  # "Article 409", "Articles 2 and 16", "Resolution 1612"
    if _LIMIT.search(core_before):
        return "limit"  # "the legal limit of 10,000 hectares"
    if not number.modified and number.kind != "vague" and REFERENCE_BEFORE.search(before) \
            and not _PARTITION.search(before):
        return "back-reference"
    if re.search(r"\b(?:one|some|none|each|any)\s+of\s*$", before, re.I):
        return "part of a count"
    if number.unit is not None and re.match(
            r"\s*(?:a|an|per)\s+(?:barrel|share|ounce|troy\s+ounce|tonne|ton|bushel|gallon|"
            r"litre|liter|pound|kilo|kilogram|unit)\b", after, re.I):
        return "unit price"
    if number.unit is not None and number.unit != "%" and re.fullmatch(
            r"[\d,]*\.\d\d", number.literal) and re.search(
            r"\b(?:rose|fell|surged|gained|lost|closed|jumped|slipped|dropped|climbed|added|shed|"
            r"eased|firmed|traded|opened)\b", clause, re.IGNORECASE):
        return "price quote"  # "US Steel rose $3.30 to $51.25"
    money_or_share = number.unit in ("%", "USD", "JPY", "EUR", "GBP")
    if (money_or_share or re.match(r"\s+level\b", after)) and MARKET.search(clause):
        return "market quote"
    return None


def suggest_statistics(text: str, published: PartialDate | None = None,
                       language: str | None = None) -> list[StatisticCandidate]:
    """Statistic candidates in ``text``, in reading order (see the module notes for the rules).

    ``language`` is the source's (ISO 639-1); without it a text mostly in Cyrillic is told by
    its words. Russian is read by :mod:`.russian`, Ukrainian by :mod:`.ukrainian`, French by :mod:`.french`; every other
    language by the English rules, which find figures in digits whatever the language. Tables, tables of contents, lists of
    codes and coding rules are told apart first (:mod:`.structure`); a table's figures are read
    cell by cell with their row and column labels (:mod:`.tables`)."""
    reader = _sentence_statistics
    reads_as = _reads_as(text, language)
    if reads_as == "ru":
        from db.extract.statistics.russian import sentence_statistics as reader
    elif reads_as == "fr":
        from db.extract.statistics.french import sentence_statistics as reader
    elif reads_as == "uk":
        from db.extract.statistics.ukrainian import sentence_statistics as reader
    structure = read_structure(text)
    prose = structure.prose
    candidates: list[StatisticCandidate] = []
    for s_start, s_end in bounded_sentences(prose):
        sentence = prose[s_start:s_end]
        if is_rule(sentence):
            continue
        for found in reader(prose, s_start, sentence, published):
            # a quote may take in a blanked line: it quotes the text as written
            quote = text[found.start:found.end]
            candidates.append(found if quote == found.quote else replace(found, quote=quote))
    if structure.tables:
        candidates.extend(table_statistics(text, structure.tables))
        candidates.sort(key=lambda c: (c.start, c.end))
    return candidates


def _reads_as(text: str, language: str | None) -> str | None:
    from db.language import normalise_code

    code = normalise_code(language)
    if code is not None:
        return code
    from db.language.scripts import main_script

    if main_script(text) != "Cyrillic":
        return None
    from db.language.detect import detect_language

    return detect_language(text)


# A cheap first look: no digit and no number word, no statistic.
_QUICK = re.compile(r"\d|\b(?:" + FIRSTWORD + r"|a\s+dozen|dozens|scores|hundreds|thousands|"
                    r"millions|a\s+(?:hundred|thousand|million))\b", re.IGNORECASE)


def _sentence_statistics(text: str, offset: int, sentence: str,
                         published: PartialDate | None) -> list[StatisticCandidate]:
    if not _QUICK.search(sentence):
        return []
    clauses = clause_spans(sentence)

    def clause_span(pos: int) -> tuple[int, int]:
        for span in clauses:
            if span[0] <= pos < span[1]:
                return span
        return clauses[-1] if clauses else (0, len(sentence))

    kept: list[Number] = []
    for number in find_numbers(sentence):
        c_start, c_end = clause_span(number.core_start)
        if _why_not(sentence, number, sentence[c_start:c_end]) is None:
            kept.append(number)
    if not kept:
        return []
    # Subjects and measures.
    previous_subject: str | None = None
    for index, number in enumerate(kept):
        c_start, c_end = clause_span(number.core_start)
        limit = kept[index + 1].start if index + 1 < len(kept) else len(sentence)
        span = noun_phrase(sentence, number.end, limit) if number.kind != "vague" or \
            re.match(r"\s+of\b", sentence[number.end:]) else None
        if number.kind == "vague" and not re.match(r"\s+of\b", sentence[number.end:]):
            span = noun_phrase(sentence, number.end, limit)
            if span and not is_plural_noun(sentence[span[0]:span[1]].split()[-1]):
                span = None
        subject = clean(sentence[span[0]:span[1]]) if span else None
        if subject and subject.lower() in ("others", "other", "more", "others'"):
            # "N others" takes the count before it; opening a sentence, it counts people
            subject = previous_subject or (subject if subject.lower().startswith("others") else None)
        if subject is None and (estimate := _ESTIMATE_AT.search(sentence[:number.start])):
            subject = clean(estimate.group("counted"))  # "put the number of casualties ... at 66,081"
        if subject and subject.split()[0].lower() in MEASURE_NOUN_HEADS:
            number.measure = measure_of(subject.split()[0])
            subject = None
            span = None
        number.subject_end = span[1] if span else number.end
        measure = verb_after(sentence, number.subject_end, c_end) if number.measure is None \
            else number.measure
        if measure is None and re.search(r"\b(?:left|leaving|leave|leaves)\s*$",
                                         sentence[:number.start], re.IGNORECASE):
            state = re.match(r"(?:\s*,[^,;]*,)?\s*(dead|injured|wounded|homeless|missing|"
                             r"displaced|trapped)\b", sentence[number.subject_end:c_end],
                             re.IGNORECASE)
            if state:
                measure = STATE_WORDS[state.group(1).lower()]
        if measure is None:
            measure = verb_before(sentence, number.start)
            if measure == "killed" and subject and not re.search(
                    r"\blives\b", subject, re.I) and re.search(
                    r"\b(?:cost|claimed|claiming|took|taking)\s*$", sentence[:number.start]):
                measure = None
        if subject is None and span is None and measure in CASUALTY and previous_subject:
            subject = previous_subject
        number.subject = subject
        number.measure = measure
        if subject:
            previous_subject = subject
    # Shared predicates: "23 Palestinians and three Israelis were killed".
    for index in range(len(kept) - 2, -1, -1):
        number, following = kept[index], kept[index + 1]
        gap = sentence[number.subject_end:following.start]
        if number.measure is None and re.fullmatch(r"\s*(?:and|or)\s*", gap):
            number.measure = following.measure
    for index in range(1, len(kept)):
        number, prior = kept[index], kept[index - 1]
        gap = sentence[prior.end:number.start]
        gap_after_subject = sentence[prior.subject_end:number.start]
        if number.measure is None and (
                re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap)
                or re.fullmatch(r"\s*(?:\w+\s*)?,?\s*(?:including|among\s+them|of\s+whom|"
                                r"of\s+them)\s*", gap_after_subject, re.IGNORECASE)):
            # "18 pct and 11.2 pct", "46 persons, including six US soldiers, dead"
            number.measure = prior.measure
            if number.subject is None:
                number.subject = prior.subject
        # "fell 18 pct to 4.13 mln tonnes ... compared with 5.04 mln": the unit carries on.
        if number.unit is None and number.subject is None and prior.unit is not None and \
                (prior.unit != "%" or (number.value or 0) <= 100) and \
                re.search(r"\b(?:compared\s+with|against|from|versus|vs\.?|to)\s*$",
                          sentence[:number.start], re.IGNORECASE):
            number.unit = prior.unit
            number.measure = number.measure or prior.measure
            number.subject = prior.subject
    assign_claimants(sentence, kept)
    results: list[StatisticCandidate] = []
    for index, number in enumerate(kept):
        # The head noun: "employees" in "employees of a British security firm".
        head_part = re.split(r"\s+of\s+", number.subject)[0] if number.subject else None
        last_word = head_part.split()[-1] if head_part else None
        head = last_word.lower() if last_word else None
        if head in MILITARY and number.measure not in CASUALTY:
            number.measure = "deployed"
        if number.unit is None:
            person_subject = last_word is not None and ((is_plural_noun(last_word) and (
                last_word.lower() in PERSON_NOUNS or last_word[:1].isupper()))
                or last_word.lower().endswith("men"))  # congressmen, militiamen, gunmen
            casualty = number.measure in CASUALTY and (head is None or head in PERSON_NOUNS)
            if person_subject or casualty:
                number.unit = "people"
            elif head:
                number.unit = head
        listed = index > 0 and kept[index - 1].unit == "%" and \
            clause_span(kept[index - 1].core_start) == (c_start, c_end)
        if number.unit == "%" and number.measure is None and not (
                listed or re.match(r"\s+of\b", sentence[number.end:]) or head in PERCENT_NOUNS
                or PERCENT_CONTEXT.search(sentence[max(0, number.start - 50):number.start])):
            continue  # a percentage of nothing: "on a 100 percent basis"
        if number.unit is None and number.measure is None and number.subject is None:
            continue
        if number.unit is None and number.subject is None and MARKET.search(
                sentence[c_start:c_end]):
            continue  # "Shares of ... were among the losers, falling 15"
        c_start, c_end = clause_span(number.core_start)
        window_end = kept[index + 1].start if index + 1 < len(kept) and \
            kept[index + 1].start < c_end else c_end
        if number.claim_span and not number.claim_span[0] < number.start:
            window_end = min(window_end, number.claim_span[0])
        window_end = max(window_end, number.end)
        window_start = kept[index - 1].end if index > 0 and kept[index - 1].end > c_start \
            else c_start
        # Windows are bounded so that a long list of figures costs linear time.
        after_window = sentence[number.end:min(window_end, number.end + READ_AHEAD)]
        before_window = sentence[max(window_start, number.start - READ_AHEAD):number.start]
        # Adjuncts at the end of a clause are shared: "69 killed and scores wounded ... in Iraq".
        clause_end = c_end
        if number.claim_span and number.start < number.claim_span[0] < c_end:
            clause_end = number.claim_span[0]
        rest_of_clause = sentence[window_end:max(window_end,
                                                 min(clause_end, window_end + READ_AHEAD))]
        found = find_period(after_window, published) or \
            find_period(before_window, published) or find_period(rest_of_clause, published)
        period: tuple[PartialDate | None, PartialDate | None] = found[1] if found else \
            (None, None)
        place = guess_place(after_window) or guess_place(before_window) or \
            guess_place(rest_of_clause)
        q_start, q_end = c_start, c_end
        if number.claim_span:
            q_start = min(q_start, number.claim_span[0])
            q_end = max(q_end, number.claim_span[1])
        q_start, q_end = trimmed(sentence, q_start, q_end)
        while q_end > q_start and sentence[q_end - 1] in ",;":
            q_end -= 1
        start, end = offset + q_start, offset + q_end
        results.append(StatisticCandidate(
            start=start, end=end, quote=text[start:end], value=number.value, low=number.low,
            high=number.high, approximate=number.approximate, measure=number.measure,
            unit=number.unit, subject=number.subject, period_start=period[0],
            period_end=period[1], place=place, claimant=number.claimant))
    return results
