"""Names in French text, read from the runs of capitalised words the new-actor suggester finds
(:mod:`db.extract.mentions.new_actors`), with the words of :mod:`db.extract.mentions.french`.

French writes its names in ways English does not:
- articles and prepositions elide onto a name ("l'Elysée", "d'Edouard Philippe",
  "qu'Emmanuel Macron"): they are blanked out before the runs are read (:func:`masked`), as are
  page furniture ("Lire aussi", "FIGAROVOX/ANALYSE - "), the gilets jaunes' protest days
  ("l'acte VIII"), hashtags, handles and links, and the dot of "M." before a name;
- a title runs into the name ("le ministre de l'Intérieur Christophe Castaner"): the minister's
  field is a ministry of its own (base form "ministère de l'Intérieur"), the rest the person;
- an institution's name goes on in lower case after its capitalised head ("Assemblée
  nationale", "Préfecture de police de Paris", "Confédération générale du travail"), a body's
  or a street's name may open with a lower-case noun ("ministère de l'Intérieur", "parquet de
  Paris", "boulevard Malesherbes");
- adjectives of nationality are written in lower case ("les troupes françaises"), so a
  capitalised word before a lower-case one is still a name; the capitalised nouns of peoples
  ("les Français") are no actors.
"""

from __future__ import annotations

import itertools
import re

from db.extract.mentions import english, french

Name = tuple[int, int, str | None, str]

_TOKEN = re.compile(r"\S+")
_HEADS = french.STATE_HEADS | french.ORGANISATION_HEADS | french.MEDIA_HEADS
#: a sentence's end with no space after it ("la France.Le ministère"): a run ends there
_GLUED_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])(?=[A-ZÀÂÇÉÈÊÎÔ][a-zàâçéèêëîïôûù])")
_STARTS = ".!?:\n…»\"“”"
#: the abbreviated "Monsieur" and "Messieurs" before a name ("a affirmé M. Darmanin"): its
#: dot ends no sentence
_MISTER = re.compile(r"(?<![^\W\d_])MM?(\.)(?=[ \u00a0\u202f][A-ZÀÂÇÉÈÊÎÔ])")


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


def opening(text: str, start: int) -> bool:
    """Whether ``start`` opens the text, a line or a sentence (quotation marks aside)."""
    head = text[:start].rstrip(" \t\"'«“‘([—–-")
    return not head or head[-1] in _STARTS


def masked(text: str) -> str:
    """``text`` with what is no name blanked out (the same length, so offsets hold): elided
    articles and prepositions before a name (a capitalised one only where a sentence opens:
    "L'Obs" inside a sentence is a name), page furniture, protest days, hashtags and links."""
    chars = [" " if c in "\u00a0\u202f\u2007" else c for c in text]  # no-break spaces
    for pattern in (french.FURNITURE, french.NOT_NAMES_SPANS):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    for match in _MISTER.finditer(text):
        _blank(chars, match.start(1), match.end(1))
    blanked = "".join(chars)
    for match in french.ELISION.finditer(blanked):
        if match.group(0)[0].islower() or opening(blanked, match.start()):
            _blank(chars, match.start(), match.end())
    return "".join(chars)


def _display(name: str) -> str:
    """A name as a registry holds it: one space between words, all-capital datelines in title
    case ("PARIS" -> "Paris"), initialisms and brands ("FGTB", "BFMTV") as they are."""
    words = []
    for word in name.split():
        if word.isupper() and sum(c.isalpha() for c in word) > 4 and _in_gazetteer(word):
            word = "-".join(part.capitalize() for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def _initialism(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 7 and all(c.isupper() for c in letters) and \
        not any(c.isdigit() for c in word[:1])


def _in_gazetteer(name: str) -> bool:
    """Whether the gazetteer knows the name as a country, a region or a city by its own name
    (or a large city by another: "Bruxelles"); a small town's other names are also people's
    ("Robert" is Le Robert's, "Michel" Mitchell's)."""
    from db.gazetteer import gazetteer, key, world_region

    return world_region(name) is not None or any(
        p.kind != "city" or key(p.name) == key(name) or p.population >= 100_000
        for p in gazetteer().lookup([name]))


def _plural_described(shown: str, start: int, end: int) -> bool:
    """A plural noun a plural adjective follows ("les Gilets jaunes"), no place ("Paris aux")."""
    following = re.match(r"\s+([a-zàâçéèêëîïôûù-]+[sx])\b", shown[end:end + 30])
    return shown[end - 1:end] in ("s", "x") and following is not None and \
        following.group(1) not in french.NOT_NAMES and not _in_gazetteer(shown[start:end])


def _country_or_region(name: str) -> bool:
    from db.gazetteer import gazetteer

    return any(p.kind != "city" for p in gazetteer().lookup([name]))


def _extend(text: str, end: int, head: str) -> int:
    """Where an institution's name headed by ``head`` ends: over lower-case adjectives
    ("nationale", "européen"), one lower-case noun after "de" ("de police", "du travail") and
    names after "de" ("de Paris")."""
    noun_taken = False
    while True:
        adjective = re.match(r"\s+([a-zàâäçéèêëîïôöùûüÿœ-]{3,})\b(?!['’])", text[end:end + 40])
        if adjective and french.NAME_ADJECTIVE.search(adjective.group(1)) and \
                adjective.group(1) not in french.NOT_NAMES:
            end += adjective.end()
            continue
        complement = re.match(r"\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])"
                              r"([^\W\d_][\w'’-]*)", text[end:end + 60])
        if complement is None:
            return end
        word = complement.group(1)
        if word[:1].isupper():
            end += complement.end()
            continue
        if noun_taken or head not in _HEADS or \
                word in french.NOT_NAMES or len(word) < 4:
            return end
        noun_taken = True
        end += complement.end()


def _kind(text: str, start: int, end: int, person_cue: bool) -> str | None:
    name = text[start:end]
    lower = name.lower()
    first = lower.split()[0]
    before = text[max(0, start - 50):start]
    if lower in french.SEATS:
        return "place" if re.search(r"(?:^|\s)(?:à|a|devant|depuis)\s*$", before) else "state_body"
    if first in french.MEDIA_HEADS:
        return "media_outlet"
    if first in french.STATE_HEADS:
        return "state_body"
    if first in french.ORGANISATION_HEADS:
        return "organisation"
    if first in french.PLACE_HEADS or re.match(r"(?:saint|sainte|st|ste)-", lower) or \
            french.COMPOUND_PLACE.search(name):
        return "place"
    if french.MEDIA.search(name) or english.MEDIA.search(name) or \
            french.MEDIA_BEFORE.search(before):
        return "media_outlet"
    if french.STATE.search(name):
        return "state_body"
    if french.ORGANISATION.search(name) or english.ORGANISATION.search(name):
        return "organisation"
    if french.ORGANISATION_BEFORE.search(before):
        return "organisation"
    office = french.OFFICE_TITLE.search(before)
    if french.PLACE_BEFORE.search(before) or (office is not None and office.group(1)):
        return "place"  # "la ville de Bourges", "le préfet du Cher"
    if office is not None:
        return "organisation"  # "le porte-parole de la Brafco"
    if person_cue or french.SPEECH_VERB.search(before):
        return "person"  # "», ajoute Emmanuelle"
    words = name.split()
    if first in ("le", "la", "les", "l'", "l’") and not _in_gazetteer(name):
        # no person's name opens with an article: a group, a party, a café ("Les Républicains",
        # "La France insoumise")
        return "organisation"
    if len(words) == 1 and _initialism(name):  # an initialism is a body, a country aside
        from db.gazetteer import gazetteer

        places = gazetteer().lookup([name])
        # a short one may be a town's alternate name; a longer one is a dateline ("PARIS |")
        known = places if sum(c.isalpha() for c in name) > 4 else \
            [p for p in places if p.kind == "country"]
        return "place" if known else "organisation"
    if _in_gazetteer(name):
        return "place"
    if french.PLACE_PREPOSITION.search(before) and (
            len(words) == 1 or not re.search(r"(?:^|\s)(?:à|a)\s*$", before)):
        return "place"
    if _initialism(words[0]):
        return "organisation"  # "SPF Finances", "SNCF Réseau"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in english.CONNECTORS
                                    for w in words):
        return "person"
    return None


def _people(text: str, start: int, word: str) -> bool:
    """A capitalised noun of a people after an article: "les Français", "la Parisienne"."""
    return french.DEMONYM.search(word) is not None and re.search(
        r"(?:^|\s)(?:les|des|aux|la|une|un|le|l['’])\s*$", text[max(0, start - 6):start],
        re.IGNORECASE) is not None and not _in_gazetteer(word)


def _not_actor(name: str) -> bool:
    lower = name.lower()
    return lower.split()[0] in french.NOT_ACTOR_HEADS or lower in french.NOT_ACTOR_HEADS


def _trimmed(text: str, shown: str, tokens: list[tuple[int, int, str]], lowered: set[str],
             ) -> tuple[list[tuple[int, int, str]], bool]:
    """The run's words less those that are no part of the name (function words, titles,
    articles opening a sentence, ordinary words opening one), and whether a title was seen."""
    person_cue = False
    while tokens:
        start, _, word = tokens[0]
        lower = word.lower().rstrip(".,;:")
        rest = len(tokens) > 1
        if lower in french.TITLES and rest:
            person_cue = True
            tokens = tokens[1:]
            continue
        if lower in ("le", "la", "les") and word[:1].isupper() and rest and \
                not opening(shown, start):
            break  # a capitalised article inside a sentence is the name's: "Le Monde"
        if (lower in french.NOT_NAMES or lower in french.WEEKDAYS_AND_MONTHS or
                french.ORDINAL.fullmatch(word)) and \
                not (person_cue and word in english.CONNECTORS):
            tokens = tokens[1:]
            continue
        if opening(shown, start) and lower in lowered and \
                lower not in french.STATE_HEADS | french.ORGANISATION_HEADS:
            tokens = tokens[1:]
            continue
        break
    # a lower-case particle opens a name only after a title: "le général de Gaulle"
    while tokens and tokens[0][2] in english.CONNECTORS and not person_cue:
        tokens = tokens[1:]
    while tokens and (tokens[-1][2].lower() in english.CONNECTORS or
                      tokens[-1][2].lower() in french.NOT_NAMES):
        tokens = tokens[:-1]
    return tokens, person_cue


def _clean(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Punctuation off the words' ends ("Sénat," "Paris."), initialisms' dots kept."""
    cleaned = []
    for start, _end, word in tokens:
        bare = word.rstrip(",;:!?»\"”)…")
        if bare.endswith(".") and not re.search(r"(?:^|\.)[^\W\d_]\.$", bare):
            bare = bare.rstrip(".")
        bare = re.sub(r"-(?:là|ci)$", "", bare.lstrip("«\"“("))  # "Drouet-là"
        offset = word.find(bare) if bare else 0
        if bare:
            cleaned.append((start + offset, start + offset + len(bare), bare))
    return cleaned


def names(text: str, shown: str, runs: list[tuple[int, int, bool]], lowered: set[str],
          ) -> list[Name]:
    """(start, end, kind, name as suggested) of the names in the runs of capitalised words of
    ``shown`` (the :func:`masked` text); overlapping names give way to the longest."""
    found: list[Name] = []
    for run_start, run_end, after_title in runs:
        for piece_start, piece_end in _pieces(shown, run_start, run_end):
            tokens = _clean([(piece_start + m.start(), piece_start + m.end(), m.group(0))
                             for m in _TOKEN.finditer(shown[piece_start:piece_end])])
            tokens, person_cue = _trimmed(text, shown, tokens, lowered)
            found.extend(_names_of(text, shown, tokens, person_cue or after_title))
            after_title = False
    found.sort(key=lambda name: (name[0], -name[1]))
    kept: list[Name] = []
    for name in sorted(found, key=lambda n: n[0] - n[1]):
        if not any(k[0] < name[1] and name[0] < k[1] for k in kept):
            kept.append(name)
    return _finished(shown, sorted(kept, key=lambda n: n[0]), lowered)


def _listed_with_places(shown: str, found: list[Name], index: int) -> bool:
    """Whether the name at ``index`` is listed with a place next to it ("Bruxelles, Wandre,
    Feluy et Charleroi")."""
    start, end = found[index][:2]
    neighbours = [(found[index - 1], shown[found[index - 1][1]:start])] if index else []
    if index + 1 < len(found):
        neighbours.append((found[index + 1], shown[end:found[index + 1][0]]))
    return any(name[2] == "place" and re.fullmatch(r"\s*(?:,|et|ou|\(|\),?)\s*", gap)
               for name, gap in neighbours)


def _pieces(shown: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut where a sentence ends with no space after it."""
    cuts = [start, *(m.start() for m in _GLUED_END.finditer(shown, start, end)), end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if a < b]


def _finished(shown: str, found: list[Name], lowered: set[str]) -> list[Name]:
    """Names of one word with no kind: a surname of a person named in full elsewhere in the
    text is that person ("Nicolle" after "Maxime Nicolle"), a name listed with a place a
    place ("Bruxelles, Wandre, Feluy"); a word the text also writes in lower case, a word
    opening a sentence ("Conséquence: ...", "Mystère.": nothing says what it would be) or an
    adjective before a noun ("le Grand débat") is no name."""
    surnames = {name.split()[-1] for _, _, kind, name in found
                if kind == "person" and len(name.split()) > 1}
    result: list[Name] = []
    found = list(found)
    for index, (start, end, kind, name) in enumerate(found):
        if kind is None and " " not in name:
            lower = name.lower()
            if name in surnames:
                kind = "person"
            elif _listed_with_places(shown, found, index):
                kind = "place"
                found[index] = (start, end, kind, name)
            elif lower in lowered or opening(shown, start) or (
                    lower in french.PRENOMINAL and re.match(r"\s+[a-zàâçéèêëîïôûù]", shown[end:])):
                continue
        result.append((start, end, kind, name))
    return result


def _names_of(text: str, shown: str, tokens: list[tuple[int, int, str]], person_cue: bool,
              ) -> list[Name]:
    if not tokens:
        return []
    found: list[Name] = []
    start = tokens[0][0]
    before = text[max(0, start - 60):start]
    body = french.BODY_HEAD.search(before)
    street = french.STREET_HEAD.search(before)
    ministry = french.MINISTRY_TITLE.search(before)
    if body or street:
        opener = body or street
        assert opener is not None
        head_start = start - len(before) + opener.start(1)
        kind = "state_body" if body else "place"
        found.append((head_start, tokens[0][1], kind, _display(text[head_start:tokens[0][1]])))
        tokens = tokens[1:]
        person_cue = True
    elif ministry:
        field_start, field_end, field = tokens[0]
        tokens = tokens[1:]
        person_cue = True
        if field.lower() not in french.NOT_MINISTRIES:
            field_end = _extend(text, field_end, "ministère") if not tokens else field_end
            preposition = re.sub(r"\s+", " ", ministry.group(1)).replace("’", "'")
            # "le secrétaire d'État à l'Intérieur": the ministry "de l'Intérieur"
            preposition = re.sub(r"^(?:à la|à l')", lambda m: "de " + m.group(0)[2:], preposition)
            preposition = {"aux ": "des ", "au ": "du "}.get(preposition, preposition)
            preposition = preposition if preposition.endswith("'") else preposition.rstrip() + " "
            found.append((field_start, field_end, "state_body",
                          f"ministère {preposition}{_display(text[field_start:field_end])}"))
    elif len(tokens) >= 3 and (_initialism(tokens[0][2]) or french.OFFICE_TITLE.search(before)) \
            and all(t[2][:1].isupper() and not _initialism(t[2]) for t in tokens[1:]):
        # "le président de la FGTB Robert Vertenueil", "le préfet du Cher Catherine Ferrier":
        # the body or place of the office, then its officer
        s, e, word = tokens[0]
        found.append((s, e, _kind(text, s, e, False) or "organisation", _display(word)))
        tokens = tokens[1:]
        person_cue = True
    if not tokens:
        return found
    n_start, n_end = tokens[0][0], tokens[-1][1]
    head = tokens[0][2].lower()
    if head in _HEADS | french.PLACE_HEADS:
        n_end = _extend(text, n_end, head)
    name = text[n_start:n_end]
    single = len(tokens) == 1 and n_end == tokens[0][1]
    if _not_actor(name) or (single and (sum(c.isalpha() for c in name) < 2 or (n_start > 0 and
                                        shown[n_start - 1].isdigit()))):
        return found
    if single and name.lower() in french.NOT_MINISTRIES:
        return found  # "le chef de l'État", "le président de la République"
    if single and not person_cue and (_people(text, n_start, name) or _plural_described(
            shown, n_start, n_end)):
        return found  # a people, or a plural noun its plural adjective follows: "les Gilets jaunes"
    of_place = re.match(r"(\S+) (?:de|d['’]) ?(?=[^\W\d_])", name)
    if of_place and _country_or_region(of_place.group(1)):
        # "la Russie de Poutine": the place, and the name after "de"
        place_end = n_start + len(of_place.group(1))
        rest = n_start + of_place.end()
        return [*found, (n_start, place_end, "place", _display(of_place.group(1))),
                (rest, n_end, _kind(text, rest, n_end, False), _display(text[rest:n_end]))]
    if re.search(r"[^\W\d_]\d{3,}$", name):
        return found  # a handle or a hashtag's words: "Paris2015"
    found.append((n_start, n_end, _kind(text, n_start, n_end, person_cue), _display(name)))
    return found
