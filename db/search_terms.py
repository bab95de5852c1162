"""What a researcher types, read for both search indexes: bare words match every inflected form
(the stemmed index), "quoted phrases" and prefix* match the words as written (the exact index);
and the snippet around the first matching word, marked on the original text.

Nothing a user types raises a syntax error: FTS5 syntax characters are stripped and every term
is quoted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import compress, count, islice
from re import Match

from db.language.search_forms import WORD, fold_word, query_forms, word_forms

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
#: characters FTS5 treats as syntax; stripped from bare words
_SYNTAX = re.compile(r"[\"():^{}\[\]+,;]")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


@dataclass
class SearchTerms:
    """A query split by index: ``words`` are bare words (each with the forms it is indexed under),
    ``exact`` phrases and prefixes for the exact index; ``-`` excluded ones apart."""

    words: list[list[str]] = field(default_factory=list)
    excluded_words: list[list[str]] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    excluded_exact: list[str] = field(default_factory=list)
    #: the words as typed (phrases and prefixes included), for the exact index alone
    typed: list[str] = field(default_factory=list)
    excluded_typed: list[str] = field(default_factory=list)
    #: every term as (kind: "word", "phrase" or "prefix", its text, excluded), in order
    parts: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.words or self.exact)

    def stem_match(self) -> str | None:
        """The FTS5 query for the stemmed index, or None when no bare word is asked for."""
        if not self.words:
            return None
        query = " AND ".join(_any(forms) for forms in self.words)
        for forms in self.excluded_words:
            query += f" NOT {_any(forms)}"
        return query

    def exact_match(self, everything: bool = False) -> str | None:
        """The FTS5 query for the exact index: its phrases and prefixes (``everything``: the
        bare words too, as written, for an archive whose stemmed index is not built yet)."""
        positive = self.typed if everything else self.exact
        negative = self.excluded_typed if everything else self.excluded_exact
        if not positive:
            return None
        query = " AND ".join(positive)
        for item in negative:
            query += f" NOT {item}"
        return query


    def excluded_exact_match(self) -> str | None:
        """Excluded phrases and prefixes, for a query whose other terms are all bare words."""
        if self.exact or not self.excluded_exact:
            return None
        return " OR ".join(self.excluded_exact)


def _any(forms: list[str]) -> str:
    quoted = [f'"{f}"' for f in forms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def parse_terms(user_query: str, languages: Collection[str] | None = None) -> SearchTerms:
    """Read a query: words must all occur (AND); "quoted phrases" stay phrases; a trailing *
    searches a prefix; a leading - excludes a word or phrase. Bare words are read in the
    ``languages`` the archive holds (None: every language Dossier stems)."""
    terms = SearchTerms()
    for match in _TOKEN.finditer(user_query):
        minus_phrase, phrase, minus_word, word = match.groups()
        if phrase is not None:
            words = " ".join(_SYNTAX.sub(" ", phrase).split())
            if words:
                item = f'"{words}"'
                terms.parts.append(("phrase", words, bool(minus_phrase)))
                for target in ((terms.excluded_exact, terms.excluded_typed) if minus_phrase
                               else (terms.exact, terms.typed)):
                    target.append(item)
            continue
        prefix = word.endswith("*")
        bare = _SYNTAX.sub(" ", word.rstrip("*")).replace("*", " ").strip()
        if not bare or (bare.upper() in _OPERATORS and not prefix):
            continue
        for part in bare.split():
            if prefix:
                item = f'"{fold_word(part)}"*'
                terms.parts.append(("prefix", fold_word(part), bool(minus_word)))
                for target in ((terms.excluded_exact, terms.excluded_typed) if minus_word
                               else (terms.exact, terms.typed)):
                    target.append(item)
                continue
            pieces = WORD.findall(part)
            if len(pieces) > 1 and _cut_by_marks(part):
                # a word of a script whose vowel signs are marks (Devanagari, Tamil, Bengali ...):
                # both indexes cut it at them (as SQLite's tokenizer does); its pieces are
                # searched side by side, as a phrase, not each anywhere in the text
                terms.parts.append(("phrase", " ".join(pieces), bool(minus_word)))
                for target in ((terms.excluded_exact, terms.excluded_typed) if minus_word
                               else (terms.exact, terms.typed)):
                    target.append(f'"{part}"')
                continue
            (terms.excluded_typed if minus_word else terms.typed).append(f'"{part}"')
            terms.parts.append(("word", part, bool(minus_word)))
            for piece in pieces:
                (terms.excluded_words if minus_word else terms.words).append(query_forms(piece, languages))
    return terms


def _cut_by_marks(word: str) -> bool:
    """Whether only combining marks (vowel signs, viramas) separate the pieces of ``word``."""
    inner = word.strip(_NOT_LETTERS)
    return any(unicodedata.category(c).startswith("M") for c in inner) and all(
        c.isalnum() or unicodedata.category(c).startswith("M") for c in inner)


_NOT_LETTERS = "".join(chr(c) for c in range(0x80) if not chr(c).isalnum())


# ---------------------------------------------------------------------------------------------
# Snippets on the original words

#: how far into a long text a snippet looks for its word
SNIPPET_REACH = 200_000
_BEFORE = 6
_AFTER = 10


#: how many words a snippet's search reads at most
_SCAN_WORDS = 5000


#: words as written in texts of a language, each with its folded and its search form (the same
#: for every search: kept from one to the next, up to a bound)
_WRITTEN: dict[str | None, dict[str, tuple[str, str]]] = {}
_WRITTEN_LIMIT = 300_000


def _written_forms(words: set[str], language: str | None) -> dict[str, tuple[str, str]]:
    """The (folded, search form) of each of ``words`` as written in a text in ``language``."""
    written = _WRITTEN.setdefault(language, {})
    missing = words.difference(written)
    if missing:
        if len(written) > _WRITTEN_LIMIT:
            written.clear()
            missing = set(words)
        order = list(missing)
        folded = [fold_word(word) for word in order]
        written.update(zip(order, zip(folded, word_forms(folded, language), strict=True), strict=True))
    return written


#: words a snippet's search reads first (their search forms worked out together); then more
_CHUNK = 16

#: what is known of words from one hit's snippet to the next: per source language, each word as
#: written with the term it is a form of (None: of none), and the set of those that are of one
Seen = dict[str | None, tuple[dict[str, int | None], set[str]]]


def snippet(text: str, language: str | None, terms: SearchTerms, marks: tuple[str, str],
            seen: Seen | None = None) -> str:
    """About 16 words of ``text`` where the most of the query's words occur close together (in
    their inflected forms, as written), those words between ``marks``; the start of the text when
    no word of it matches (a hit in the title). ``seen`` carries what is known of words from one
    hit's snippet to the next."""
    seen = {} if seen is None else seen
    known, hit_words = seen.setdefault(language, ({}, set()))
    term_of: dict[str, int] = {}
    for index, forms in enumerate(terms.words):
        for form in forms:
            term_of.setdefault(form, index)
    for item in terms.exact:
        if not item.endswith("*"):
            for word in WORD.findall(fold_word(item)):
                term_of.setdefault(word, len(term_of) + 1000)
    prefixes = [(fold_word(item[1:-2]), 2000 + n) for n, item in enumerate(terms.exact)
                if item.endswith("*")]
    wanted = len(set(term_of.values())) + len(prefixes)
    reach = text[:SNIPPET_REACH]

    def learn(words: list[str]) -> None:
        """The terms of the words not met yet in this search."""
        new = set(words).difference(known)
        if not new:
            return
        written = _written_forms(new, language)
        for word in new:
            folded, form = written[word]
            found = term_of.get(folded)
            if found is None and prefixes:
                found = next((n for prefix, n in prefixes if folded.startswith(prefix)), None)
            if found is None:
                found = term_of.get(form)
            known[word] = found
            if found is not None:
                hit_words.add(word)

    matches = WORD.finditer(reach)
    spans: list[tuple[int, int]] = []
    hits: deque[tuple[int, int]] = deque()  # (word index, term) of the hits in the window
    best: tuple[int, int] | None = None  # (distinct terms, first word index)
    size = _BEFORE + _AFTER
    scanned: int | None = None  # words read when the search stopped
    while scanned is None and len(spans) < _SCAN_WORDS:
        # a few words first (the word is often near the start), more each time after
        chunk = list(islice(matches, min(_CHUNK << min(len(spans) // _CHUNK, 4) if spans else _CHUNK,
                                         _SCAN_WORDS - len(spans))))
        if not chunk:
            break
        words = list(map(Match.group, chunk))
        learn(words)
        base = len(spans)
        spans += map(Match.span, chunk)
        for index in compress(count(base), map(hit_words.__contains__, words)):
            found = known[words[index - base]]
            assert found is not None
            hits.append((index, found))
            while hits[0][0] <= index - size + 2:
                hits.popleft()
            window = {t for _, t in hits}
            first = hits[0][0]
            if best is None or len(window) > best[0]:
                best = (len(window), first)
            if best[0] >= wanted:
                scanned = index + 1
                break
    if not spans:
        return ""
    if scanned is None:
        scanned = len(spans)
    first_word = max(0, best[1] - 2) if best is not None else 0
    if len(spans) < first_word + size:
        spans += map(Match.span, islice(matches, first_word + size - len(spans)))
    del spans[max(scanned, first_word + size):]  # the words read: as many as the window needs
    at_end = first_word + size >= len(spans)
    window_spans = spans[first_word:first_word + size]
    window_words = [reach[s_:e] for s_, e in window_spans]
    learn(window_words)
    return marked_snippet(text, window_spans, [w in hit_words for w in window_words], marks, at_end)


def marked_snippet(text: str, spans: list[tuple[int, int]], marked: list[bool],
                   marks: tuple[str, str], at_end: bool) -> str:
    """The words of ``text`` at ``spans`` (in order, with what lies between them), those
    ``marked`` between ``marks``, "…" where the text goes on; ``at_end``: no word follows."""
    start, end = spans[0][0], spans[-1][1]
    if end < len(text) and len(text) - end <= 20 and at_end:
        end = len(text.rstrip())  # the closing punctuation of a short text
    pieces: list[str] = ["…" if start > 0 else ""]
    position = start
    for (s_, e), hit in zip(spans, marked, strict=True):
        pieces.append(text[position:s_])
        pieces.append(f"{marks[0]}{text[s_:e]}{marks[1]}" if hit else text[s_:e])
        position = e
    pieces.append(text[position:end])
    pieces.append("…" if end < len(text.rstrip()) else "")
    return " ".join("".join(pieces).split())
