"""Who claims a Russian or Ukrainian sentence's figures: the source named before them ("по
данным МВД", "за даними X"), the subject of a verb of saying ("X заявив, що"), the speaker after
a quote ("«…», — каже X"), a source named after them (", сообщил X."), each in its base form with
its title. The words are the language's :class:`~db.extract.statistics.slavic.SentenceWords`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from db.extract.statistics.phrase import WORD, clause_of
from db.extract.statistics.slavic_numbers import SlavicNumber, best_reading, reading_pos
from db.language.morphology import base_form, parses

if TYPE_CHECKING:
    from db.extract.statistics.slavic import SentenceWords



def _clean_claimant(lang: SentenceWords, raw: str, named_only: bool = False) -> str | None:
    who = " ".join(raw.split()).strip(" ,.;:—–-«»\"")
    for trim in lang.claimant_trims:
        who = trim.sub("", who)
    title = lang.titles.match(who + " ") if lang.keep_titles else None  # a title alone ends the words
    who = lang.titles.sub("", who + " ").strip()
    if title is not None and not who and not (lang.verbless_claimants and _has_verb(lang, title.group(0))):
        return " ".join(base_form(title.group(0).split(), lang.numbers.code, singular=True))  # "каже губернатор"
    if title is not None and who and not any(w[:1].isupper() for w in who.split()) and (
            lang.not_a_source is None or not lang.not_a_source.match(who)) and not (
            lang.verbless_claimants and _has_verb(lang, who)):
        # a title of no one named, with what it is of: "заступник міністра", not "міністр"
        return " ".join([*base_form(title.group(0).split(), lang.numbers.code, singular=True), *who.split()])
    # what a named outlet or body is ("газета «Коммерсантъ»", "журнал Forbes"): the name itself
    named = lang.named_outlet.match(who)
    if named:
        who = named.group("name")
    who = who.strip("«»“”\"' ").replace("''", "").strip()
    if not who or who.lower().split()[0] in lang.pronouns or len(who.split()) > (9 if title is None else 20):
        return None  # a title may be long: "заступника начальника … управління … Віктора Заброди"
    if lang.not_a_source is not None and lang.not_a_source.match(who):
        return None
    if lang.verbless_claimants and _has_verb(lang, who):
        return None  # "(згідно з) чинним законодавством … повинна страхувати компанія": no one named
    code = lang.numbers.code
    first = best_reading(code, who.split()[0])
    if first is not None and first.tag.POS in ("VERB", "PRTS", "INFN", "ADVB", "CONJ", "PRCL"):  # type: ignore[attr-defined]
        return None  # "Было заявлено", "Также сообщили": nobody named
    words = who.split()
    # a person's name at the end of a description ("глава Чечни Рамзан Кадыров")
    name_run: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        if not words[index][:1].isupper():
            break
        if _a_name_part(lang, words[index]) or (
                index == len(words) - 1 and index > 0 and words[index - 1][:1].isupper()
                and _a_name_part(lang, words[index - 1], given=True)):
            name_run.insert(0, words[index])  # a surname the dictionary lacks after a first name: "Віктора Заброди"
        else:
            break
    if title is not None and not name_run and lang.keep_titles and words[0][:1].isupper():
        # a title of a body named ("прес-служба ОДА", "голова «Нафтогазу»"): the title stays
        return " ".join([*base_form(title.group(0).split(), code, singular=True), *(w.strip("«»“”\"") for w in words)])
    if title is not None and name_run:
        # "директора «Офісу» Олега Литвяка": the title and the name in the nominative, what the
        # title is of as written
        titled = [*base_form(title.group(0).split(), code, singular=True), *words[:len(words) - len(name_run)]]
        return " ".join([*titled, *_nominative(lang, name_run)])
    if name_run and len(name_run) < len(words) and len(name_run) >= 2:
        words = name_run
    if named_only and not any(w[:1].isupper() for w in words) and not any(lang.common_claimants.match(w) for w in words):
        return None  # ", сообщил в интервью": not who
    # the head words in the nominative, up to the first preposition; a word that also reads as
    # a singular in another case is no plural ("повідомили в поліції": поліція, not поліції)
    for index, word in enumerate(words):
        if word.lower() in lang.prepositions:
            return " ".join([*_nominative(lang, words[:index]), *words[index:]]) if index else " ".join(words)
    return " ".join(_nominative(lang, words))


def _a_name_part(lang: SentenceWords, word: str, given: bool = False) -> bool:
    """Whether ``word`` reads as a first name (``given``), else as any part of a person's name,
    in any of the dictionary's readings of it (the likeliest of "Анатолія" is a place, of
    "Ткачука" a common noun)."""
    wanted = {"Name"} if given else {"Name", "Surn", "Patr"}
    return any(wanted & set(p.tag.grammemes) for p in parses(word, lang.numbers.code))


def _before_preposition(lang: SentenceWords, raw: str) -> str:
    """``raw`` up to its first preposition after its first word ("техзавданням у приміщенні …")."""
    words = raw.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in lang.prepositions), len(words))
    return " ".join(words[:cut]) if cut < len(words) else ""


def _nominative(lang: SentenceWords, words: list[str]) -> list[str]:
    """``words`` in the nominative, a man's surname by the language's rule where it has one."""
    found = base_form(words, lang.numbers.code, singular=True)
    readings = [p for p in parses(words[0], lang.numbers.code) if p.tag.POS == "NOUN"]
    things = {p.normal_form for p in readings if "inan" in p.tag.grammemes}
    people = [p for p in readings if "anim" in p.tag.grammemes and p.normal_form not in things]
    if len(words) == 1 and words[0][:1].islower() and people and things:
        # one word naming who says is a person where it reads so: "стверджують аналітики" (not
        # the genitive of "аналітика", analytics), "на думку політика" (політик, not politics)
        if any(p.tag.case == "nomn" for p in people):
            return list(words)
        if not any("plur" in p.tag.grammemes for p in people):  # "на думку експертів": експерти
            return [str(people[0].normal_form)]
    if lang.names is None or len(found) != len(words):
        return found
    return lang.names(words, found)


def _reading_pos(lang: SentenceWords, word: str) -> str | None:
    return reading_pos(lang.numbers.code, word)


def _has_verb(lang: SentenceWords, text: str) -> bool:
    return any(_reading_pos(lang, w) in ("VERB", "GRND") for w in WORD.findall(text))


def _writers_aside(lang: SentenceWords, text: str) -> bool:
    """A verb in the first person plural alone, the writer's aside ("Нагадаємо, …", "Напомним, …")."""
    words = WORD.findall(text)
    parse = best_reading(lang.numbers.code, words[0].lower()) if len(words) == 1 else None
    return parse is not None and {"VERB", "1per", "plur"} <= set(parse.tag.grammemes) | {parse.tag.POS}  # type: ignore[attr-defined]


def _finite_verb(lang: SentenceWords, word: str) -> Any | None:
    """The reading of ``word`` as a finite verb other than "be" ("заявив", "каже"), else None
    ("вказаних", "визначивши", "пояснити", "було")."""
    parse = best_reading(lang.numbers.code, word.lower())
    if parse is None or parse.tag.POS != "VERB" or "infn" in parse.tag.grammemes:  # type: ignore[attr-defined]
        return None
    return None if str(parse.normal_form) in ("бути", "быть") else parse  # type: ignore[attr-defined]


def _is_noun(lang: SentenceWords, word: str) -> bool:
    if len(word) == 1:
        return True  # an abbreviation: "у 1874 р."
    return any(p.tag.POS in ("NOUN", "NPRO") for p in parses(word, lang.numbers.code))


def _subject_words(lang: SentenceWords, raw: str, verb: Any) -> str:
    """The subject in the words before a claim verb: a prepositional phrase ("У заяві", "У
    вересні 2013 р.") and adverbs ("Днями") before it left out, ending at another verb; empty
    when that verb is "be" ("У договорі було вказано": said by nobody named) or a figure comes
    first ("60 % дітей змогли пояснити"). A prepositional phrase alone before a verb in the
    plural is where they say it ("В держрезерві стверджують": the State Reserve), and a
    publication before an impersonal verb what says it ("У прес-релізі сказано": the release)."""
    code = lang.numbers.code
    words = list(WORD.finditer(raw))
    index = skipped_end = phrases = 0
    while index < len(words):
        parse = best_reading(code, words[index].group(0).lower())
        pos = None if parse is None else parse.tag.POS  # type: ignore[attr-defined]
        if pos in ("ADVB", "CONJ", "PRCL") or (pos == "NPRO" and parse.tag.case is None) or (  # type: ignore[attr-defined]
                index == 0 and any(p.tag.POS == "ADVB" or (p.tag.POS == "NPRO" and p.tag.case is None)
                                   for p in parses(words[0].group(0).lower(), code))):
            # "Днями", "Також", "Тоді" (which the dictionary reads as a pronoun without case);
            # "Зараз", the first word, read so too, not as the rarer "зараза"
            skipped_end = words[index].end()
            index += 1
            continue
        if pos != "PREP":
            break
        phrases += 1
        index += 1  # the noun the preposition governs, the words before it and its genitives
        while index < len(words) and not _is_noun(lang, words[index].group(0)):
            index += 1
        index = _genitive_chain_end(lang, [w.group(0) for w in words], index + 1, verb)
        skipped_end = words[min(index, len(words)) - 1].end()
    if index >= len(words):
        plural = "plur" in verb.tag.grammemes
        alone = phrases == 1 and _reading_pos(lang, words[0].group(0)) == "PREP" and not re.search(r"\d", raw)
        # "У прес-релізі сказано, що", "У заяві йдеться, що": the publication says it
        impersonal = "Impe" in verb.tag.grammemes or {"Refl", "3per", "sing"} <= set(verb.tag.grammemes)
        published = lang.publication is not None and len(words) > 1 and lang.publication.match(words[1].group(0))
        return raw if alone and (plural or (impersonal and published)) else ""
    rest = words[index:]
    if re.search(r"\d", raw[skipped_end:rest[0].start()]):
        return ""
    for word_match in rest:
        parse = best_reading(code, word_match.group(0).lower())
        if parse is not None and parse.tag.POS in ("VERB", "GRND"):  # type: ignore[attr-defined]
            if str(parse.normal_form) in ("бути", "быть"):  # type: ignore[attr-defined]
                return ""
            return raw[rest[0].start():word_match.start()]
    return raw[rest[0].start():]


def _genitive_chain_end(lang: SentenceWords, words: list[str], index: int, verb: Any) -> int:
    """Where the genitives after a preposition's noun (``words[index - 1]``) end: each word that
    reads as no nominative, an indeclinable abbreviation ("У департаменті соцзахисту ОДА"). A
    noun in the locative or instrumental governs the chain after it, so there a genitive that
    also reads as a nominative the verb cannot agree with, or as an inanimate plural only, is
    still of the chain ("У департаменті охорони здоров'я повідомили": the department, not
    "охорона"), and so is a genitive coordinated with one ("освіти та науки")."""
    code = lang.numbers.code
    head = parses(words[index - 1], code)
    governs = any(p.tag.POS == "NOUN" and p.tag.case in ("loct", "ablt") for p in head)
    in_chain = False  # the word before is a genitive of the chain, not its head
    while index < len(words):
        word = words[index]
        if _reading_pos(lang, word) in ("VERB", "GRND"):
            break
        if governs and in_chain and word.lower() in lang.coordinators and index + 1 < len(words) and (
                _chain_genitive(lang, words[index + 1], verb)):
            index += 2  # "освіти та науки"
            continue
        readings = parses(word, code)
        if _abbreviation(word) or not any(
                p.tag.case == "nomn" and not {"Fixd", "Abbr"} & set(p.tag.grammemes) for p in readings):
            in_chain = not _abbreviation(word)
            index += 1
        elif governs and _chain_genitive(lang, word, verb):
            in_chain = True
            index += 1
        else:
            break
    return index


def _chain_genitive(lang: SentenceWords, word: str, verb: Any) -> bool:
    """Whether ``word``, after a noun it may depend on, is a genitive rather than the subject of
    ``verb``: it reads as a genitive, and as no nominative that could be the subject, one that
    agrees with the verb in number and names a thing in the singular or people in the plural
    ("слідчі", "працівниці" say; "охорони", "освіти", plurals of a service, do not)."""
    readings = [p for p in parses(word, lang.numbers.code) if p.tag.POS in ("NOUN", "ADJF")]
    if not any(p.tag.case == "gent" for p in readings):
        return False
    plural = "plur" in verb.tag.grammemes
    for p in readings:
        if p.tag.case != "nomn" or ("plur" in p.tag.grammemes) != plural:
            continue
        if not plural or "anim" in p.tag.grammemes:
            return False
    return True


def _abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _from_nominative(lang: SentenceWords, raw: str) -> str:
    """``raw`` from its first word that reads as a nominative ("Як пояснювали суду представники
    органу": the representatives), or as it is when none does, or when it opens with a
    preposition ("Як повідомили у прес-службі Донецької ОДА": where it was said, not "ОДА")."""
    first = WORD.match(raw.lstrip())
    if first is not None and first.group(0).lower() in ("в", "у", "на"):
        return raw
    for word_match in WORD.finditer(raw):
        # a noun of no case said is one too: the dictionary leaves a masculine's nominative unsaid ("директор")
        if any(p.tag.case == "nomn" or (p.tag.POS == "NOUN" and p.tag.case is None)
               for p in parses(word_match.group(0), lang.numbers.code)):
            return raw[word_match.start():]
    return raw


def _subject_claimant(lang: SentenceWords, sentence: str) -> tuple[str, tuple[int, int], int] | None:
    """Who the sentence's subject before a claim verb names: (claimant, the span of its words,
    where what is said starts)."""
    starts = [0]
    if lang.parsed_subject:
        opening = re.match(r"[^,;:!?«\"]{1,60}?,\s+", sentence)
        if opening and len(WORD.findall(opening.group(0))) <= 5 and (
                not _has_verb(lang, opening.group(0)) or _writers_aside(lang, opening.group(0))):
            starts.append(opening.end())  # "Крім того, слідчі встановили"; "Нагадаємо, днями СБУ звинуватила"
    if lang.parsed_subject:
        # a subject of a few words after a comma, saying what follows ", що": "На запитання
        # продюсера, який внесок робить область, губернатор сказав, що …"
        starts += [m.end() for m in re.finditer(r",\s+", sentence) if m.end() not in starts
                   and re.match(r"(?:[^\W\d_][\w'’-]*\s+){1,4}?" + lang.said_after_comma, sentence[m.end():])]
    for start in starts:
        match = lang.subject_claim.match(sentence[start:])
        if not match:
            continue
        raw = match.group("who")
        if lang.parsed_subject:
            verb = _finite_verb(lang, match.group("verb").split()[0])
            if verb is None:
                continue  # "вказаних", "визначивши": no verb of saying
            raw = _subject_words(lang, raw, verb)
        who = _clean_claimant(lang, raw)
        if who is not None:
            return who, (start + match.start("who"), start + match.end("who")), start + match.end()
    inverted = lang.inverted_claim.match(sentence) if lang.inverted_claim is not None else None
    if inverted and _finite_verb(lang, inverted.group("verb")) is not None:
        # the verb first: "Розповіла Лариса Костенко і про те, що …", "Повідомили в поліції, що …"
        who = _clean_claimant(lang, inverted.group("who"))
        if who is not None:
            return who, inverted.span("who"), inverted.end()
    return None


def assign_claimants(lang: SentenceWords, sentence: str, numbers: list[SlavicNumber],
                      clauses: list[tuple[int, int]]) -> None:
    for match in lang.leading_claim.finditer(sentence):
        raw = match.group("who")
        if lang.parsed_subject and match.groupdict().get("as_verb"):
            raw = _from_nominative(lang, raw)
        who = _clean_claimant(lang, raw)
        if who is None and lang.verbless_claimants and _has_verb(lang, raw):
            # "Згідно з техзавданням у приміщенні мають утеплити стіни, …": no comma closes the
            # source, its clause goes on after it; the source ends at the first preposition
            who = _clean_claimant(lang, _before_preposition(lang, raw))
        if who is None:
            continue
        inserted = lang.inserted_source_covers_clause and sentence[:match.start() + 1].rstrip().endswith(",")
        clause = clause_of(clauses, match.start()) or (0, len(sentence))
        for number in numbers:
            if number.claimant is None and (number.start >= match.end() or (
                    inserted and clause[0] <= number.start < match.start())):
                number.claimant, number.claim_span = who, match.span("who")
    subject = _subject_claimant(lang, sentence)
    if subject:
        who, span, said = subject
        for number in numbers:
            if number.start >= said and number.claimant is None:
                number.claimant, number.claim_span = who, span
    if lang.quote_claim is not None:
        for match in lang.quote_claim.finditer(sentence):
            if _finite_verb(lang, match.group("verb")) is None:
                continue
            who = _clean_claimant(lang, match.group("who"))
            if who is None:
                continue
            for number in numbers:  # the quote before the frame is all the speaker's
                if number.start < match.start() and number.claimant is None:
                    number.claimant, number.claim_span = who, match.span("who")
    trailing = [lang.trailing_claim, lang.with_reference]
    if lang.trailing_source is not None:
        trailing.append(lang.trailing_source)
    for pattern in trailing:
        for match in pattern.finditer(sentence):
            who = _clean_claimant(lang, match.group("who"), named_only=pattern is lang.trailing_claim)
            if who is None:
                continue
            clause = clause_of(clauses, match.start()) or (0, len(sentence))
            covered = [n for n in numbers if clause[0] <= n.start < match.start() and n.claimant is None]
            if not covered and pattern is not lang.with_reference:  # the nearest clause before with figures
                earlier = [n for n in numbers if n.start < match.start() and n.claimant is None]
                last = clause_of(clauses, earlier[-1].start) if earlier else None
                covered = [n for n in earlier if clause_of(clauses, n.start) == last]
            if pattern is lang.with_reference:
                covered = [n for n in numbers if clause[0] <= n.start < clause[1] and n.claimant is None]
            elif (pattern is lang.trailing_claim and lang.inserted_source_covers_clause
                  and sentence[:match.end()].rstrip().endswith(",") and sentence[:match.start()].strip()):
                # inserted between commas ("В області, каже губернатор, щороку проводять майже 500
                # фестивалів"): the clause's figures after it too
                covered += [n for n in numbers if match.end() <= n.start < clause[1] and n.claimant is None]
            for number in covered:
                number.claimant, number.claim_span = who, match.span("who")
