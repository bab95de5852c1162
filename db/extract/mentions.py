"""Actor mentions: known names and aliases found in a text, and candidates for new actors.

Known names are matched with one Aho-Corasick automaton (pyahocorasick) over a normalised copy
of the text: case folded, diacritics removed ("Sámi" = "Sami"), typographic quotes and dashes
made plain, runs of white space made one space. Offsets are mapped back to the original code
points, so ``text[start:end] == quote`` always holds, emoji and other characters beyond the BMP
included. A match must stand as whole words, except at the edge of scripts written without
spaces (Chinese, Japanese), and the longest match wins where matches overlap.

New actor candidates are runs of capitalised words, read with the titles and roles around them
("Dagestani Amir Rustam Asilderov" -> person "Rustam Asilderov", "the site Caucasus Knot" ->
media outlet "Caucasus Knot"). Their kind is a guess from those cues and from words in the name.
Scripts without capitals (Arabic, Chinese ...) give no new-actor candidates: their names are found
once they are registered, by ActorMatcher. Runs longer than a dozen words (a shouted or title-case
line) are not taken for names.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

__all__ = ["KINDS", "ActorMatcher", "MentionCandidate", "normalise", "suggest_new_actors"]

KINDS = ("person", "organisation", "armed_group", "state_body", "place", "media_outlet", "other")


@dataclass(frozen=True)
class MentionCandidate:
    """A suggested mention; ``text[start:end] == quote`` (code points)."""

    name: str
    kind: str | None
    actor_id: int | None
    start: int
    end: int
    quote: str


# ---------------------------------------------------------------------------------------------
# Normalisation with an offset map

_PLAIN = {"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
          "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
          "ـ": ""}  # fmt: skip
_CHAR_CACHE: dict[str, str] = {}
_ASCII_SPECIAL = re.compile(r"\s\s|[\t\n\r\f\v]")
_SPECIAL = re.compile(r"\s{2,}|[^\S ]|[^\x00-\x7f]+")


def _normal_char(char: str) -> str:
    """What one character becomes in the normalised text (possibly nothing or several)."""
    cached = _CHAR_CACHE.get(char)
    if cached is not None:
        return cached
    if char.isspace():
        result = " "
    elif char in _PLAIN:
        result = _PLAIN[char]
    else:
        decomposed = unicodedata.normalize("NFKD", char.casefold())
        result = "".join(c for c in decomposed if not unicodedata.combining(c))
        result = unicodedata.normalize("NFKD", result.casefold())
        result = "".join(c for c in result if not unicodedata.combining(c))
    _CHAR_CACHE[char] = result
    return result


def normalise(text: str) -> str:
    """The form names are compared in: case folded, no diacritics, single spaces."""
    return _Normalised(text).text.strip()


class _Normalised:
    """A normalised copy of a text and the map from its positions back to the original.

    The copy is built from pieces: plain ASCII stretches are lower-cased in bulk (same length,
    a linear map); other characters one by one; each run of white space becomes one space."""

    __slots__ = ("_lengths", "_norm_starts", "_orig_starts", "text")

    def __init__(self, text: str) -> None:
        if text.isascii() and _ASCII_SPECIAL.search(text) is None:
            # The common case: plain ASCII with single spaces maps one to one.
            self.text = text.lower()
            self._norm_starts = [0]
            self._orig_starts = [0]
            self._lengths = [-1]
            return
        parts: list[str] = []
        norm_starts: list[int] = []
        orig_starts: list[int] = []
        lengths: list[int] = []  # original length of the piece; -1 marks a linear piece
        norm_pos = 0
        pos = 0

        def linear(start: int, end: int) -> None:
            nonlocal norm_pos
            if end > start:
                parts.append(text[start:end].lower())
                norm_starts.append(norm_pos)
                orig_starts.append(start)
                lengths.append(-1)
                norm_pos += end - start

        previous_space = False
        for special in _SPECIAL.finditer(text):
            linear(pos, special.start())
            if special.start() > pos:
                previous_space = text[special.start() - 1] == " "
            run = special.group(0)
            if run.isspace():
                if not previous_space:
                    parts.append(" ")
                    norm_starts.append(norm_pos)
                    orig_starts.append(special.start())
                    lengths.append(len(run))
                    norm_pos += 1
                previous_space = True
            else:
                for offset, char in enumerate(run):
                    piece = _normal_char(char)
                    if piece == " " and previous_space:
                        continue
                    previous_space = piece == " "
                    if piece:
                        parts.append(piece)
                        norm_starts.append(norm_pos)
                        orig_starts.append(special.start() + offset)
                        lengths.append(1)
                        norm_pos += len(piece)
            pos = special.end()
        linear(pos, len(text))
        self.text = "".join(parts)
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts
        self._lengths = lengths

    def original_start(self, norm: int) -> int:
        index = bisect_right(self._norm_starts, norm) - 1
        if self._lengths[index] == -1:
            return self._orig_starts[index] + norm - self._norm_starts[index]
        return self._orig_starts[index]

    def original_end(self, norm_last: int) -> int:
        """Original end (exclusive) of the character at normalised position ``norm_last``."""
        index = bisect_right(self._norm_starts, norm_last) - 1
        if self._lengths[index] == -1:
            return self._orig_starts[index] + norm_last - self._norm_starts[index] + 1
        return self._orig_starts[index] + self._lengths[index]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


def _spaceless(char: str) -> bool:
    """Characters of scripts written without spaces between words (CJK, kana, Thai)."""
    code = ord(char)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF or 0x0E00 <= code <= 0x0E7F)


class ActorMatcher:
    """Finds mentions of known actors by any of their names or aliases."""

    def __init__(self, names: Iterable[tuple[int, str, str, str | None]]) -> None:
        """``names``: (actor_id, name_or_alias, canonical_name, kind) for every name to find."""
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[int, str, str | None]]] = {}
        for actor_id, alias, canonical, kind in names:
            key = normalise(alias)
            if not key:
                continue
            bucket = entries.setdefault(key, [])
            if all(actor_id != existing[0] for existing in bucket):
                bucket.append((actor_id, canonical, kind))
        for key, actors in entries.items():
            self._automaton.add_word(key, (len(key), tuple(actors)))
        self._keys = frozenset(entries)
        self._empty = not entries
        if not self._empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._keys)

    def knows(self, name: str) -> bool:
        """True when ``name`` (normalised) is one of the known names or aliases."""
        return normalise(name) in self._keys

    def find(self, text: str) -> list[MentionCandidate]:
        """Every mention of a known name in ``text``, in reading order."""
        if self._empty or not text:
            return []
        norm = _Normalised(text)
        haystack = norm.text
        size = len(haystack)
        hits: list[tuple[int, int, tuple[tuple[int, str, str | None], ...]]] = []
        for last, (length, actors) in self._automaton.iter(haystack):
            first = last - length + 1
            head, tail = haystack[first], haystack[last]
            if first > 0 and _is_word_char(head) and not _spaceless(head):
                before = haystack[first - 1]
                if _is_word_char(before) and not _spaceless(before):
                    continue
            if last + 1 < size and _is_word_char(tail) and not _spaceless(tail):
                after = haystack[last + 1]
                if _is_word_char(after) and not _spaceless(after):
                    continue
            hits.append((first, last, actors))
        # Longest match wins; between equals, the earlier one.
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken = bytearray(size)  # positions already inside a chosen (longer) match
        chosen: list[tuple[int, int, tuple[tuple[int, str, str | None], ...]]] = []
        for first, last, actors in hits:
            if any(taken[first:last + 1]):
                continue
            taken[first:last + 1] = b"\x01" * (last + 1 - first)
            chosen.append((first, last, actors))
        chosen.sort(key=lambda h: h[0])
        found: list[MentionCandidate] = []
        for first, last, actors in chosen:
            start = norm.original_start(first)
            end = norm.original_end(last)
            for actor_id, canonical, kind in actors:
                found.append(MentionCandidate(canonical, kind, actor_id, start, end,
                                              text[start:end]))
        return found


# ---------------------------------------------------------------------------------------------
# New actor candidates

_TITLES = {
    "amir", "emir", "president", "prime", "minister", "general", "gen", "gen.", "col", "col.",
    "colonel", "sheikh", "shaykh", "sheik", "mullah", "imam", "commander", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "king", "queen", "prince", "princess", "sen", "sen.",
    "senator", "rep", "rep.", "gov", "gov.", "governor", "mayor", "chief", "patriarch", "pope",
    "ayatollah", "cleric", "judge", "justice", "lt", "lt.", "sgt", "sgt.", "capt", "capt.",
    "captain", "maj", "maj.", "major", "lieutenant", "sergeant", "ambassador", "chairman",
    "director", "leader", "secretary", "spokesman", "spokeswoman", "striker", "coach",
    "archbishop", "bishop", "father", "rabbi", "marshal", "field", "deputy", "vice",
    "foreign", "defence", "defense", "interior", "finance", "chancellor", "sir", "lord",
    "lady", "saint", "comrade", "brother", "professor", "prof", "prof.", "rev", "rev.",
}  # fmt: skip
_ROLE_WORDS = {
    "leader", "commander", "fighter", "cleric", "spokesman", "spokeswoman", "minister",
    "president", "militant", "chief", "official", "journalist", "negotiator", "envoy",
    "warlord", "rebel", "emir", "amir", "head", "founder", "deputy", "mufti", "imam",
    "general", "colonel", "activist", "lawyer", "analyst", "expert", "researcher",
    "reporter", "correspondent", "editor", "writer", "author", "preacher", "bomber",
    "gunman", "suspect", "man", "woman", "boy", "girl", "striker", "coach", "player",
    "engineer", "doctor", "governor", "mayor", "senator", "candidate", "director",
    "chairman", "executive", "ceo", "secretary", "ambassador", "officer", "soldier",
    "mr", "named", "dubbed", "alias",
}  # fmt: skip
_ARMED = re.compile(
    r"\b(?:emirate|army|brigades?|front|militias?|mujahideen|mujahedeen|jamaat|jamaat|taliban|"
    r"hezbollah|hizbollah|hamas|qaida|qaeda|isis|isil|daesh|islamic\s+state|boko\s+haram|"
    r"tigers|rebels|liberation|jihad|caliphate|vilaiyat|velayats?|wilayat|guards?|battalions?|"
    r"regiment|shabaab|fatah|insurgency|fighters|legion|commandos?|squad|division|corps|"
    r"resistance)\b", re.IGNORECASE)
_STATE = re.compile(
    r"\b(?:ministry|ministries|police|parliament|duma|senate|congress|court|government|"
    r"cabinet|department|office|bureau|kremlin|pentagon|white\s+house|command|fsb|kgb|cia|"
    r"fbi|rcmp|interior|customs|prosecutor|procuracy|embassy|consulate|presidency|"
    r"administration|assembly|council|commission|air\s+force|navy|coast\s+guard|"
    r"national\s+guard|gendarmerie|treasury|central\s+bank|authority|authorities)\b",
    re.IGNORECASE)
_MEDIA = re.compile(
    r"\b(?:news|times|post|journal|gazette|herald|tribune|daily|press|reuters|ap|afp|"
    r"interfax|xinhua|al-?jazeera|al-?arabiya|bbc|cnn|tass|itar-tass|ria|novosti|beast|"
    r"network|tv|radio|channel|telegraph|guardian|observer|independent|economist|"
    r"magazine|wire|knot|kommersant|izvestia|pravda|vedomosti|nnn|upi|dpa|efe|ansa|"
    r"kyodo|yonhap|irna|sana|mena|wafa|cwnews|twitter|facebook|youtube|telegram|instagram|"
    r"vkontakte|whatsapp)\b|\.com\b", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:inc|corp|corporation|ltd|co|company|companies|group|party|union|organi[sz]ation|"
    r"association|foundation|institute|university|college|bank|fund|committee|nations|"
    r"league|federation|society|church|movement|ngo|s\.a|ag|plc|holdings|alliance|club|"
    r"agency|international|industries|systems|airlines|motors|nato|opec|un|u\.n|eu|gop|"
    r"red\s+cross|red\s+crescent|amnesty|watch|doctors|nasdaq|sotheby's)\b\.?",
    re.IGNORECASE)
# The head of an institution's name that "for" may follow ("Centers for Disease Control").
_INSTITUTION = re.compile(
    r"(?:^|-)(?:cent(?:er|re)s?|committee|council|movement|office|ministry|union|front|party|"
    r"coalition|alliance|commission|institute|foundation|organi[sz]ation|agency|association|"
    r"league|society|fund|bureau|board|department|service|tribunal|network|campaign|"
    r"federation|forum|mission|directorate|program(?:me)?|partnership|initiative|committees)$",
    re.IGNORECASE)
_PLACE_WORDS = re.compile(
    r"\b(?:strip|republic|province|region|city|valley|mountains?|gorge|caucasus|islands?|"
    r"sea|river|camp|square|zone|street|mount|bay|gulf|peninsula|desert|county|district|"
    r"state|territory|oblast|krai|governorate|prefecture|village|town|border|coast|lake|"
    r"ocean|highlands|plains?|heights|stadium|arena|garden|park|airport|hospital|"
    r"school|mosque|church|cathedral|square|prison|base)\b", re.IGNORECASE)
_COUNTRIES = {
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia",
    "bosnia", "brazil", "britain", "bulgaria", "burma", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus",
    "czech republic", "denmark", "egypt", "england", "eritrea", "estonia", "ethiopia",
    "finland", "france", "georgia", "germany", "ghana", "greece", "guatemala", "haiti",
    "honduras", "hungary", "india", "indonesia", "iran", "iraq", "ireland", "israel",
    "italy", "japan", "jordan", "kazakhstan", "kenya", "korea", "kosovo", "kuwait",
    "kyrgyzstan", "latvia", "lebanon", "liberia", "libya", "lithuania", "macedonia",
    "malaysia", "mali", "mexico", "moldova", "mongolia", "morocco", "mozambique", "myanmar",
    "nepal", "netherlands", "nicaragua", "niger", "nigeria", "north korea", "norway", "oman",
    "pakistan", "palestine", "panama", "peru", "philippines", "poland", "portugal", "qatar",
    "romania", "russia", "rwanda", "saudi arabia", "scotland", "senegal", "serbia",
    "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "south korea", "south sudan", "spain", "sri lanka", "sudan", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey",
    "turkmenistan", "uganda", "ukraine", "united states", "united kingdom", "uruguay",
    "uzbekistan", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "us",
    "u.s.", "usa", "uk", "u.k.", "uae", "chechnya", "dagestan", "ingushetia", "darfur",
    "gaza", "baghdad", "kabul", "moscow", "beijing", "tokyo", "london", "paris",
    "washington", "jerusalem", "tehran", "damascus", "cairo", "beirut", "islamabad",
    "new york", "fallujah", "falluja", "mosul", "basra", "kirkuk", "tikrit", "samarra",
    "grozny", "makhachkala", "nalchik", "kandahar", "karachi", "baqouba", "najaf",
    "ramadi", "ossetia", "abkhazia", "kashmir", "tibet", "xinjiang", "crimea", "donbas",
    "sinai", "west bank", "golan", "hebron", "rafah", "nablus", "jenin", "ramallah",
    "khartoum", "mogadishu", "nairobi", "lagos", "dubai", "riyadh", "ankara", "istanbul",
    "europe", "africa", "asia", "america", "middle east", "balkans",
}  # fmt: skip
_NOT_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "as", "after",
    "before", "despite", "additionally", "however", "meanwhile", "with", "without", "what",
    "when", "where", "while", "it", "he", "she", "they", "we", "i", "his", "her", "their",
    "its", "our", "there", "here", "but", "and", "or", "so", "if", "although", "though",
    "since", "because", "for", "from", "by", "to", "of", "many", "some", "most", "several",
    "both", "all", "each", "every", "other", "another", "such", "only", "also", "even",
    "still", "yet", "now", "then", "today", "yesterday", "tomorrow", "last", "next", "first",
    "second", "third", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "estimates", "estimate", "according", "no", "not", "nor", "do", "does",
    "did", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "who", "whom", "which", "why", "how",
    "up", "down", "out", "over", "under", "again", "more", "less", "few", "much", "very",
    "just", "about", "around", "among", "between", "into", "through", "during", "until",
    "report", "reports", "officials", "police", "troops", "forces", "militants", "rebels",
    "mr", "mrs", "ms", "said", "says", "update", "breaking", "analysis", "opinion", "photo",
    "video", "read", "see", "click", "you", "your", "my", "me", "us",
    "him", "them", "let", "like", "once", "ever", "never", "always", "often", "perhaps",
    "please", "thanks", "yes", "hello", "dear", "note", "editor's", "world", "news",
    "sources", "source", "witnesses", "residents", "suspected", "unknown",
    "nearly", "almost", "roughly", "approximately", "least", "fewer",
}  # fmt: skip
_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun",
}  # fmt: skip
_CONNECTORS = {"of", "al", "el", "bin", "ibn", "bint", "abu", "de", "du", "da", "del",
               "della", "la", "le", "van", "von", "der", "den", "ul"}  # fmt: skip
_AFFIXES = re.compile(r"-(?:linked|based|led|backed|affiliated|allied|controlled|run|born|"
                      r"style|era|made|owned|held|bound|related|inspired|sponsored)$",
                      re.IGNORECASE)
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|ern)$", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:i|an|ian|ese|ish|ite|ic|ean|ni)$", re.IGNORECASE)

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
    if lower in _NOT_NAMES or lower in _MONTHS_AND_DAYS:
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
    if _MEDIA.search(name) and not _STATE.search(name):
        return "media_outlet"
    if _ARMED.search(name):
        if re.search(r"\b(?:national\s+guard|air\s+force)\b", lower):
            return "state_body" if "air force" in lower else "armed_group"
        return "armed_group"
    if lower.replace(".", "") in ("un", "eu", "nato", "opec", "gop", "who", "icrc"):
        return "organisation"
    if _STATE.search(name):
        return "state_body"
    if _ORGANISATION.search(name):
        return "organisation"
    head = name.partition(" for ")[0].split()
    if len(head) == 1 and _INSTITUTION.search(head[0]):  # "Movement for Democratic Change"
        return "organisation"
    if lower in _COUNTRIES or _PLACE_WORDS.search(name):
        return "place"
    words = name.split()
    last_before = re.findall(r"[\w.'’-]+", context_before)
    if last_before and (last_before[-1] in _ROLE_WORDS or last_before[-1] in _TITLES):
        return "person"
    if re.match(r",\s*\d{1,3}\s*[,.)]", after) or re.match(r"\s+\(\d{1,3}\)", after):
        return "person"  # "Glen Evely, 39"
    if re.search(r"\b(?:in|to|from|near|across|into|of)\s+(?:the\s+)?$", context_before) and \
            len(words) <= 3:
        return "place"
    if re.match(r"\s*\(", after) and name.isupper():
        return "place"  # a dateline: "BAGHDAD (Reuters)"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in _CONNECTORS
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


_NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                          r"thousand|million|dozens?|scores|hundreds|thousands)(?:-\w+)?",
                          re.IGNORECASE)
_HOLIDAYS = {"ramadan", "eid", "christmas", "easter", "passover", "hanukkah", "diwali",
             "thanksgiving"}  # fmt: skip
_ABBREVIATED = re.compile(r"(?:(?:[^\W\d_]\.){2,}|(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Mt|Mr|Mrs|Ms|Dr|"
                          r"Gen|Col|Lt|Sgt|Capt|Maj|Gov|Sen|Rep|Prof|Rev|No|S\.A)\.)$")


_STRONG_PATTERNS = (_ARMED, _STATE, _MEDIA, _ORGANISATION)


def _breaks_run(word: str) -> bool:
    """A capitalised word that cannot be inside a name: months, weekdays, numbers, holidays."""
    lower = word.lower().rstrip(".")
    return lower in _MONTHS_AND_DAYS or lower in _HOLIDAYS or \
        _NUMBER_WORD.fullmatch(lower) is not None


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
            if previous.endswith(".") and not _ABBREVIATED.search(previous):
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
            while k < len(words) and (words[k][2].lower() in _CONNECTORS or (
                    words[k][2] == "the" and words[k - 1][2] in ("of", "for")) or (
                    words[k][2] == "for" and k == j and _INSTITUTION.search(previous))) and \
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
            is_title = lower in _TITLES and index + 1 < len(members) and \
                words[members[index + 1]][2].lower() not in _CONNECTORS and \
                not any(pattern.search(text, words[members[index + 1]][0], words[members[-1]][1])
                        for pattern in _STRONG_PATTERNS)
            if is_title:
                # "Dagestani Amir Rustam Asilderov": a nationality before a title goes.
                if piece and not (len(piece) == 1 and _DEMONYM.search(words[piece[0]][2])):
                    runs.append((words[piece[0]][0], words[piece[-1]][1], after_title))
                piece = []
                after_title = True
                continue
            piece.append(member)
        if piece:
            runs.append((words[piece[0]][0], words[piece[-1]][1], after_title))
        i = j
    return runs


_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "as",
                "with", "from", "vs", "is", "s"}


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
                w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
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


def suggest_new_actors(text: str, known: ActorMatcher | None = None) -> list[MentionCandidate]:
    """Candidates for actors not yet in the registry: runs of capitalised words with the
    titles and roles around them, and a guessed kind; known names are left out."""
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
    for run_start, run_end, after_title in _headline_runs(text, _runs(text), lowered):
        if shouted.covers(run_start):
            continue
        for start, end, kind in _split_run(text, run_start, run_end, lowered, after_title):
            if overlaps_known(start, end):
                continue
            name = _display_name(text[start:end])
            if known is not None and known.knows(name):
                continue
            key = normalise(name)
            if kind is not None:
                kinds.setdefault(key, kind)
            candidates.append(MentionCandidate(name, kind, None, start, end, text[start:end]))
    # One kind per name: the first confident guess made anywhere in the text.
    return [MentionCandidate(c.name, kinds.get(normalise(c.name), c.kind), None, c.start, c.end,
                             c.quote) for c in candidates]


_STRONG = _STRONG_PATTERNS


def _split_run(text: str, start: int, end: int, lowered: set[str], after_title: bool,
               ) -> list[tuple[int, int, str | None]]:
    """Trim a run of capitalised words to the name(s) in it and guess the kind."""
    tokens = [(m.start() + start, m.end() + start, m.group(0))
              for m in _NAME_WORD.finditer(text[start:end])]
    found: list[tuple[int, int, str | None]] = []
    # "Paris-based DIM S.A.": the place before the affix is a name of its own.
    if tokens and _AFFIXES.search(tokens[0][2]) and len(tokens) > 1:
        t_start, _, word = tokens[0]
        bare = _AFFIXES.sub("", word)
        found.extend(_split_run(text, t_start, t_start + len(bare), lowered, False))
        tokens = tokens[1:]
    # Possessives, affixes and trailing dots are not part of the name.
    while tokens:
        t_start, _, word = tokens[-1]
        cleaned = word
        if not _ABBREVIATED.search(word):
            cleaned = re.sub(r"(?:'s|’s|\.)$", "", word)
        cleaned = _AFFIXES.sub("", cleaned)
        if cleaned != word:
            tokens[-1] = (t_start, t_start + len(cleaned), cleaned)
        if not tokens[-1][2] or tokens[-1][2].lower() in _CONNECTORS:
            tokens.pop()
            continue
        break
    person_cue = after_title
    # "Shares of Kmart Holding Corp.": a plural common noun opening a sentence is no name.
    if len(tokens) > 2 and tokens[1][2] == "of" and _sentence_initial(text, tokens[0][0]) and \
            re.search(r"[^s]s$", tokens[0][2]) and tokens[0][2].lower() not in _COUNTRIES:
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
                lower not in _COUNTRIES:
            tokens.pop(0)
            continue
        if lower in _TITLES and rest:
            person_cue = True
            tokens.pop(0)
            continue
        if rest and _DEMONYM.search(lower) and lower not in _COUNTRIES and \
                tokens[1][2].lower() in _TITLES:
            tokens.pop(0)
            continue
        if lower in _NOT_NAMES and rest:
            tokens.pop(0)
            continue
        break
    # Lower-case connectors cannot open a name; capitalised ones can ("La Nacion", "Abu ...").
    while tokens and tokens[0][2].lower() in (*_CONNECTORS, "for") and tokens[0][2][:1].islower() and \
            not tokens[0][2].startswith(("al-", "el-")):
        tokens.pop(0)
    if not tokens:
        return found
    n_start, n_end = tokens[0][0], tokens[-1][1]
    name = text[n_start:n_end]
    single = len(tokens) == 1
    lower = name.lower().rstrip(".")
    strong = any(pattern.search(name) for pattern in _STRONG)
    if single and (lower in _NOT_NAMES or lower in _MONTHS_AND_DAYS or len(name) < 2):
        return found
    if single and name.isupper() and len(name.replace(".", "")) <= 2 and not strong:
        return found
    kind = _guess_kind(name, text[max(0, n_start - 60):n_start], text[n_end:n_end + 60])
    if person_cue and kind in (None, "place", "organisation"):
        kind = "person"
    following = text[n_end:n_end + 30]
    if not single and not strong and not person_cue and all(
            _ADJECTIVE.search(t[2]) for t in tokens) and _lower_word_follows(following):
        return found  # "Algerian Islamic militants"
    if single and not strong and lower not in _COUNTRIES and not person_cue:
        # A nationality or other adjective before a noun ("Israeli troops", "Shi'ite
        # militiamen", "Sunni insurgent") is not an actor; nor is a plural ("Palestinians").
        if _lower_word_follows(following) and (_DEMONYM.search(lower) or not re.match(
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
