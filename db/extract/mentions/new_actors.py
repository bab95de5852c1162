"""Candidates for new actors: runs of capitalised words, read with the titles and roles around them.

"Dagestani Amir Rustam Asilderov" gives the person "Rustam Asilderov", "the site Caucasus Knot"
the media outlet "Caucasus Knot". The kind is a guess from those cues and from words in the name.
Scripts without capitals (Arabic, Chinese ...) give no new-actor candidates: their names are found
once they are registered, by :class:`~db.extract.mentions.matching.ActorMatcher`. Runs longer than
a dozen words (a shouted or title-case line) are not taken for names.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from db.extract.candidates import MentionCandidate
from db.extract.mentions import russian, ukrainian
from db.extract.mentions.english import (
    ABBREVIATED,
    ADJECTIVE,
    AFFIXES,
    ARMED,
    CONNECTORS,
    COUNTRIES,
    DEMONYM,
    HOLIDAYS,
    INSTITUTION,
    MEDIA,
    MONTHS_AND_DAYS,
    NOT_NAMES,
    NUMBER_WORD,
    ORGANISATION,
    PLACE_WORDS,
    ROLE_WORDS,
    SMALL_WORDS,
    STATE,
    STRONG_PATTERNS,
    TITLES,
)
from db.extract.mentions.matching import ActorMatcher, normalise

# Words that are no names in any language Dossier reads (a sentence may open with them).
_NOT_NAMES = NOT_NAMES | russian.NOT_NAMES | ukrainian.NOT_NAMES
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")

# A word that may be part of a name: capitalised (any cased script), an initialism ("U.N."),
# an Arabic article ("al-Sadr"), or a word in a script without case (Arabic, Hebrew, CJK...).
_NAME_WORD = re.compile(r"(?:(?:[^\W\d_]\.){2,}|(?:al-|el-|ad-|as-|ash-|bin-)?[^\W\d_][\w'’]*"
                        r"(?:[-.][^\W\d_][\w'’]*)*\.?)")


def _capitalised(word: str) -> bool:
    core = re.sub(r"^(?:al|el|ad|as|ash|bin)-", "", word)
    first = core[:1]
    if not first:
        return False
    # Scripts without case (Arabic, Hebrew, CJK ...) give no capitals to go by: their names
    # are found only once they are known actors (ActorMatcher).
    return first.isupper()


def _lower_word_follows(following: str) -> bool:
    """Whether a lower-case word (any cased script) comes next: the name is an adjective."""
    match = re.match(r"\s+([^\W\d_])", following)
    return match is not None and match.group(1).islower()


_OPENING = re.compile(r"[\s\"'“‘(\[]*")


def _sentence_initial(text: str, start: int) -> bool:
    head = text[max(0, start - 6):start].rstrip(" \"'“‘([")
    if not head or head[-1] in ".!?:\n…" or head.endswith(("--", " -", "—", "–")):
        return True
    opening = _OPENING.match(text, 0, start + 1)
    return opening is not None and opening.end() >= start


def _lowercase_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w[0].islower()}


def _ordinary(word: str, lowered_text: set[str]) -> bool:
    """An ordinary word that is capitalised only because a sentence starts with it."""
    lower = word.lower().rstrip(".")
    if lower in _NOT_NAMES or lower in MONTHS_AND_DAYS:
        return True
    stems = {lower, lower.rstrip("s"), lower[:-2] if lower.endswith("es") else lower,
             lower[:-3] if lower.endswith("ing") else lower,
             lower[:-2] if lower.endswith("ed") else lower,
             lower[:-1] if lower.endswith("d") else lower}
    return bool(stems & lowered_text) or bool(
        re.search(r"(?:ly|ing|tion|ment|ness|ity|ally|ward|wards)$", lower))


def _guess_kind(name: str, before: str, after: str) -> str | None:
    lower = name.lower()
    context_before = before[-40:].lower()
    if re.search(r"\b(?:site|website|newspaper|daily|agency|network|channel|broadcaster|"
                 r"magazine|outlet|station|radio|television|tv)\s+$", context_before) or \
            re.match(r"\s+(?:newspaper|news\s+agency|website|daily|reported|reports|"
                     r"television|tv|radio|channel)\b", after.lower()):
        return "media_outlet"
    if MEDIA.search(name) and not STATE.search(name):
        return "media_outlet"
    if ARMED.search(name):
        if re.search(r"\b(?:national\s+guard|air\s+force)\b", lower):
            return "state_body" if "air force" in lower else "armed_group"
        return "armed_group"
    if lower.replace(".", "") in ("un", "eu", "nato", "opec", "gop", "who", "icrc"):
        return "organisation"
    if STATE.search(name):
        return "state_body"
    if ORGANISATION.search(name):
        return "organisation"
    head = name.partition(" for ")[0].split()
    if len(head) == 1 and INSTITUTION.search(head[0]):  # "Movement for Democratic Change"
        return "organisation"
    if lower in COUNTRIES or PLACE_WORDS.search(name):
        return "place"
    words = name.split()
    last_before = re.findall(r"[\w.'’-]+", context_before)
    if last_before and (last_before[-1] in ROLE_WORDS or last_before[-1] in TITLES):
        return "person"
    if re.match(r",\s*\d{1,3}\s*[,.)]", after) or re.match(r"\s+\(\d{1,3}\)", after):
        return "person"  # "Glen Evely, 39"
    if re.search(r"\b(?:in|to|from|near|across|into|of)\s+(?:the\s+)?$", context_before) and \
            len(words) <= 3:
        return "place"
    if re.match(r"\s*\(", after) and name.isupper():
        return "place"  # a dateline: "BAGHDAD (Reuters)"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in CONNECTORS
                                    or w.startswith(("al-", "el-")) for w in words):
        return "person"
    if words and words[0].lower() in ("abu", "ibn", "bin", "umm"):
        return "person"
    if re.match(r"\s+(?:said|says|told|added|warned|denied|insisted)\b", after):
        return "person" if len(words) >= 2 else None
    return None


def _display_name(name: str) -> str:
    """All-capital datelines read as names ("ROSTOV-ON-DON" -> "Rostov-On-Don"); short
    initialisms (ISIS, NATO) stay as they are."""
    words = []
    for word in name.split():
        letters = re.sub(r"[^A-Za-z]", "", word)
        if word.isupper() and len(letters) > 4:
            word = "-".join(part.capitalize() for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def _breaks_run(word: str) -> bool:
    """A capitalised word that cannot be inside a name: months, weekdays, numbers, holidays."""
    lower = word.lower().rstrip(".")
    return lower in MONTHS_AND_DAYS or lower in HOLIDAYS or \
        NUMBER_WORD.fullmatch(lower) is not None


_LONGEST_NAME = 12  # words, connectors included ("United Food and Commercial Workers ...")


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """Runs of capitalised words (with connectors such as "of", "al", "bin" inside), split
    at titles: (start, end, follows_a_title)."""
    words = [(m.start(), m.end(), m.group(0)) for m in _NAME_WORD.finditer(text)]
    runs: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(words):
        word = words[i][2]
        if not _capitalised(word) or _breaks_run(word):
            i += 1
            continue
        members = [i]
        j = i + 1
        while j < len(words):
            previous = words[members[-1]][2]
            if previous.endswith(".") and not ABBREVIATED.search(previous):
                break  # the end of a sentence: "... died Sunday. He was 41"
            if previous.endswith(("'s", "’s")):
                break  # a possessive ends a name: "Tokyo's Nikkei average"
            gap = text[words[members[-1]][1]:words[j][0]]
            w = words[j][2]
            if gap not in (" ", "  ") and not (gap == "" and w.startswith("-")):
                break
            if _capitalised(w) and not _breaks_run(w):
                members.append(j)
                j += 1
                continue
            # A connector followed by a capitalised word: "Bank of Japan", "Abu Muhammad
            # al-Kadarskii", "Mujahideen of the Caucasus".
            # "Committee for the Protection of Journalists": "for" inside an institution's name.
            k = j
            while k < len(words) and (words[k][2].lower() in CONNECTORS or (
                    words[k][2] == "the" and words[k - 1][2] in ("of", "for")) or (
                    words[k][2] == "for" and k == j and INSTITUTION.search(previous))) and \
                    text[words[k - 1][1]:words[k][0]] in (" ", "  "):
                k += 1
            if j < k < len(words) and _capitalised(words[k][2]) and \
                    not _breaks_run(words[k][2]) and \
                    text[words[k - 1][1]:words[k][0]] in (" ", "  "):
                members.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        if len(members) > _LONGEST_NAME:
            i = j
            continue  # a wall of capitals (a shouted or title-case line) is no name
        # Split at titles: "U.N. Secretary General Kofi Annan" -> "U.N." and "Kofi Annan".
        piece: list[int] = []
        after_title = False
        for index, member in enumerate(members):
            lower = words[member][2].lower()
            # A title before a name, not a word of an institution's name ("General Assembly").
            is_title = lower in TITLES and index + 1 < len(members) and \
                words[members[index + 1]][2].lower() not in CONNECTORS and \
                not any(pattern.search(text, words[members[index + 1]][0], words[members[-1]][1])
                        for pattern in STRONG_PATTERNS)
            if is_title:
                # "Dagestani Amir Rustam Asilderov": a nationality before a title goes.
                if piece and not (len(piece) == 1 and DEMONYM.search(words[piece[0]][2])):
                    runs.append((words[piece[0]][0], words[piece[-1]][1], after_title))
                piece = []
                after_title = True
                continue
            piece.append(member)
        if piece:
            runs.append((words[piece[0]][0], words[piece[-1]][1], after_title))
        i = j
    return runs


def _headline_runs(text: str, runs: list[tuple[int, int, bool]], lowered: set[str],
                   ) -> list[tuple[int, int, bool]]:
    """In a headline ("ISIS Comes to Russia") every word is capitalised: split the runs there
    at words the text also uses in lower case ("comes")."""
    result: list[tuple[int, int, bool]] = []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    headlines: dict[int, bool] = {}
    for start, end, after_title in runs:
        line_index = bisect_right(line_starts, start) - 1
        headline = headlines.get(line_index)
        if headline is None:
            line_end = line_starts[line_index + 1] if line_index + 1 < len(line_starts) else \
                len(text)
            line = text[line_starts[line_index]:line_end].strip()
            words = re.findall(r"[^\W\d_][\w'’-]*", line) if len(line) <= 200 else []
            headline = len(words) >= 2 and not line.endswith((".", "?\"", ".\"")) and all(
                w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)
            headlines[line_index] = headline
        if not headline:
            result.append((start, end, after_title))
            continue
        piece_start: int | None = None
        piece_end = start
        for match in _NAME_WORD.finditer(text, start, end):
            if _ordinary(match.group(0), lowered) and match.start() > start:
                if piece_start is not None:
                    result.append((piece_start, piece_end, after_title))
                piece_start = None
                continue
            if piece_start is None:
                piece_start = match.start()
            piece_end = match.end()
        if piece_start is not None:
            result.append((piece_start, piece_end, after_title))
    return result


class _ShoutedLines:
    """Lines written all in capitals ("BASE: ALL RESPONDENTS", "[TERMINATE]", a wire headline):
    their capitals say nothing about names, so no new actor is suggested there (known actors are
    still found, whatever their case)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[int, bool] = {}

    def covers(self, position: int) -> bool:
        start = self.text.rfind("\n", 0, position) + 1
        shouted = self.seen.get(start)
        if shouted is None:
            end = self.text.find("\n", position)
            line = self.text[start : end if end >= 0 else len(self.text)]
            letters = [c for c in line[:300] if c.isalpha()]
            shouted = len(letters) >= 4 and all(not c.islower() for c in letters) and any(
                c.isupper() for c in letters)
            self.seen[start] = shouted
        return shouted


def suggest_new_actors(text: str, known: ActorMatcher | None = None,
                       language: str | None = None) -> list[MentionCandidate]:
    """Candidates for actors not yet in the registry: runs of capitalised words with the
    titles and roles around them, and a guessed kind; known names are left out. Names in
    Cyrillic come in their base form, read as ``language`` (Russian unless it is "uk")."""
    inflected = "uk" if language == "uk" else "ru"
    # Known mentions do not overlap one another, so sorted starts and ends can be bisected.
    known_spans = sorted((m.start, m.end) for m in known.find(text)) if known is not None else []
    known_starts = [span[0] for span in known_spans]

    def overlaps_known(start: int, end: int) -> bool:
        index = bisect_right(known_starts, end - 1) - 1
        return index >= 0 and known_spans[index][1] > start
    lowered = _lowercase_words(text)
    candidates: list[MentionCandidate] = []
    kinds: dict[str, str] = {}
    shouted = _ShoutedLines(text)
    for start, end, kind, name in _candidates(text, lowered, shouted, language, inflected):
        if overlaps_known(start, end):
            continue
        if known is not None and known.knows(name):
            continue
        key = normalise(name)
        if kind is not None:
            kinds.setdefault(key, kind)
        candidates.append(MentionCandidate(name, kind, None, start, end, text[start:end]))
    # One kind per name: the first confident guess made anywhere in the text.
    return [MentionCandidate(c.name, kinds.get(normalise(c.name), c.kind), None, c.start, c.end,
                             c.quote) for c in candidates]


def _candidates(text: str, lowered: set[str], shouted: _ShoutedLines, language: str | None,
                code: str) -> list[tuple[int, int, str | None, str]]:
    """(start, end, kind, name as suggested) of every candidate in the text: from Natasha's
    NER model in a text known to be Russian (where it is installed), else from runs of
    capitalised words."""
    from db.extract.mentions import russian_ner
    from db.extract.mentions.inflected import named, word_counts

    found: list[tuple[int, int, str | None, str]] = []
    ner = russian_ner.spans(text) if language == "ru" else None
    if ner is not None:
        counts = word_counts(text)
        for start, end, kind in _with_places_of_institutions(text, ner):
            if not shouted.covers(start):
                found.extend(named(text, start, end, kind, code, counts))
        return found
    if language == "fr":  # French reads its runs with its own grammar
        from db.extract.mentions import french_names

        shown = french_names.masked(text)
        runs = [run for run in _headline_runs(shown, _runs(shown), lowered)
                if not shouted.covers(run[0])]
        return french_names.names(text, shown, runs, lowered)
    companies = ukrainian.quoted_companies(text) if code == "uk" else []
    for start, end in companies:
        found.append((start, end, "organisation", ukrainian.quoted(text[start:end])))
    for run_start, run_end, after_title in _headline_runs(text, _runs(text), lowered):
        if not shouted.covers(run_start):
            found.extend(name for name in _names(text, run_start, run_end, lowered, after_title,
                                                 code)
                         if not any(s < name[1] and name[0] < e for s, e in companies))
    found.sort(key=lambda name: (name[0], -name[1]))
    if code == "uk":
        from db.extract.mentions.ukrainian_spans import widen

        found = widen(text, found)
    return found


def _with_places_of_institutions(text: str, spans: list[tuple[int, int, str]],
                                  ) -> list[tuple[int, int, str]]:
    """An organisation followed by the place it belongs to, in the genitive, or by the
    initialism of the one it is part of, is one name ("МВД Ингушетии", "Верховный суд России",
    "Совет Безопасности ООН"); the place is a name of its own as well."""
    from db.language.morphology import parses

    result: list[tuple[int, int, str]] = []
    for index, (start, end, kind) in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        after = text[following[0]:following[1]] if following is not None else ""
        if kind == "organisation" and following is not None and text[end:following[0]] == " " \
                and ((following[2] == "place" and all(
                    any(p.tag.case == "gent" for p in parses(word, "ru")[:3])
                    for word in after.split())) or (after.isupper() and " " not in after)):
            result.append((start, following[1], kind))
            continue
        result.append((start, end, kind))
    return result


def _names(text: str, start: int, end: int, lowered: set[str], after_title: bool, code: str,
           ) -> list[tuple[int, int, str | None, str]]:
    """(start, end, kind, name as suggested) of the names in a run."""
    from db.extract.mentions.inflected import refine

    found: list[tuple[int, int, str | None, str]] = []
    for n_start, n_end, kind in _split_run(text, start, end, lowered, after_title):
        if _CYRILLIC.search(text, n_start, n_end):
            found.extend((s, e, k, name) for s, e, name, k in refine(text, n_start, n_end, kind, code))
        else:
            found.append((n_start, n_end, kind, _display_name(text[n_start:n_end])))
    return found


def _split_run(text: str, start: int, end: int, lowered: set[str], after_title: bool,
               ) -> list[tuple[int, int, str | None]]:
    """Trim a run of capitalised words to the name(s) in it and guess the kind."""
    tokens = [(m.start() + start, m.end() + start, m.group(0))
              for m in _NAME_WORD.finditer(text[start:end])]
    found: list[tuple[int, int, str | None]] = []
    # "Paris-based DIM S.A.": the place before the affix is a name of its own.
    if tokens and AFFIXES.search(tokens[0][2]) and len(tokens) > 1:
        t_start, _, word = tokens[0]
        bare = AFFIXES.sub("", word)
        found.extend(_split_run(text, t_start, t_start + len(bare), lowered, False))
        tokens = tokens[1:]
    # Possessives, affixes and trailing dots are not part of the name.
    while tokens:
        t_start, _, word = tokens[-1]
        cleaned = word
        if not ABBREVIATED.search(word):
            cleaned = re.sub(r"(?:'s|’s|\.)$", "", word)
        cleaned = AFFIXES.sub("", cleaned)
        if cleaned != word:
            tokens[-1] = (t_start, t_start + len(cleaned), cleaned)
        if not tokens[-1][2] or tokens[-1][2].lower() in CONNECTORS:
            tokens.pop()
            continue
        break
    person_cue = after_title
    # "Shares of Kmart Holding Corp.": a plural common noun opening a sentence is no name.
    if len(tokens) > 2 and tokens[1][2] == "of" and _sentence_initial(text, tokens[0][0]) and \
            re.search(r"[^s]s$", tokens[0][2]) and tokens[0][2].lower() not in COUNTRIES:
        tokens = tokens[2:]
    # Leading words that are not the name: "The", ordinary words that start a sentence,
    # titles, demonyms before a title ("Dagestani Amir Rustam Asilderov").
    while tokens:
        word = tokens[0][2]
        lower = word.lower()
        rest = len(tokens) > 1
        if lower in ("the", "a", "an"):
            tokens.pop(0)
            continue
        if _sentence_initial(text, tokens[0][0]) and _ordinary(word, lowered) and \
                lower not in COUNTRIES:
            tokens.pop(0)
            continue
        if lower in TITLES and rest:
            person_cue = True
            tokens.pop(0)
            continue
        if rest and DEMONYM.search(lower) and lower not in COUNTRIES and \
                tokens[1][2].lower() in TITLES:
            tokens.pop(0)
            continue
        if lower in _NOT_NAMES and rest:
            tokens.pop(0)
            continue
        break
    # Lower-case connectors cannot open a name; capitalised ones can ("La Nacion", "Abu ...").
    while tokens and tokens[0][2].lower() in (*CONNECTORS, "for") and tokens[0][2][:1].islower() and \
            not tokens[0][2].startswith(("al-", "el-")):
        tokens.pop(0)
    if not tokens:
        return found
    n_start, n_end = tokens[0][0], tokens[-1][1]
    name = text[n_start:n_end]
    single = len(tokens) == 1
    lower = name.lower().rstrip(".")
    strong = any(pattern.search(name) for pattern in STRONG_PATTERNS)
    if single and (lower in _NOT_NAMES or lower in MONTHS_AND_DAYS or len(name) < 2):
        return found
    if single and name.isupper() and len(name.replace(".", "")) <= 2 and not strong:
        return found
    kind = _guess_kind(name, text[max(0, n_start - 60):n_start], text[n_end:n_end + 60])
    if person_cue and kind in (None, "place", "organisation"):
        kind = "person"
    following = text[n_end:n_end + 30]
    if not single and not strong and not person_cue and all(
            ADJECTIVE.search(t[2]) for t in tokens) and _lower_word_follows(following):
        return found  # "Algerian Islamic militants"
    if single and not strong and lower not in COUNTRIES and not person_cue and \
            not _CYRILLIC.search(name):  # Russian writes adjectives of names in lower case
        # A nationality or other adjective before a noun ("Israeli troops", "Shi'ite
        # militiamen", "Sunni insurgent") is not an actor; nor is a plural ("Palestinians").
        if _lower_word_follows(following) and (DEMONYM.search(lower) or not re.match(
                r"\s+(?:said|says|say|told|reported|reports|added|had|has|have|is|was|were|are|"
                r"will|would|could|can|may|might|did|does|also|region|province|prefecture|"
                r"district|city|village|town|area|border|valley|republic|television|tv|"
                r"radio|newspaper|news|agency|daily|channel|website)\b", following)):
            return found
        if kind is None and re.search(r"(?:ans|ians|is|ites|ers|ists|ons|ats|ics|ines|ees)$",
                                      name) and not name.isupper():
            return found  # a plural of people: "Palestinians", "Britons", "Democrats"
    # "Petros VII of Alexandria": the person, and the place after "of".
    if kind == "person" and " of " in name:
        head = name.rpartition(" of ")[0]
        place_start = n_start + len(head) + 4
        found.append((n_start, n_start + len(head), "person"))
        found.append((place_start, n_end, "place"))
        return found
    found.append((n_start, n_end, kind))
    return found
