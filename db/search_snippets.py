"""Snippets of search hits on SQLite, made for the hits a caller shows (a page of the window's
list, the command line's few), one hit at a time, so their cost does not grow with the hits.

A query of bare words is cut from the stemmed shadow of the text: the shadow holds each word's
form in the text's order (:func:`db.language.search_forms.index_text`), so a fragment's place
among the shadow's words is the place among the text's words, and the snippet is cut from the
original text with those words marked: the reader sees "боевиков", not "боевик". The fragment is
the one FTS5's ``snippet()`` picks: worked out in Python from the shadow where FTS5 reads it as
Python does (:mod:`db.search_fragments`), asked of FTS5 otherwise. The command line's search
reads the shadows with its ranking (:func:`shadow_snippets`), the window's list for the rows it
shows (:func:`stemmed_snippets`). When the shadow and the text disagree (a text over a million
characters, whose shadow lists each form once a piece; a shadow written by another stemmer
version), or when phrases and prefixes are asked with bare words, the snippet is worked out in
Python (:func:`db.search_terms.snippet`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from db.language.search_forms import OPTIONAL_MARKS, WORD, fold_word, word_forms
from db.search_fragments import fragment, plain_forms
from db.search_terms import SNIPPET_REACH, SearchTerms, Seen, snippet

#: words in a snippet (as many as the Python snippet shows)
SNIPPET_WORDS = 16
#: FTS5 marks inside the shadow: never in it (its words are letters and digits between spaces)
_OPEN, _CLOSE = "(", ")"

# one statement for many hits: FTS5 reads the query's doclists once (a statement a hit costs
# about 0.7 ms each in setting up the query); the unary + keeps the ids from being handed to FTS5
# as rowid lookups, one query each; CROSS JOIN keeps the FTS table first
_STEMMED = (
    f"SELECT f.rowid, snippet(source_stem_fts, 1, '{_OPEN}', '{_CLOSE}', '', {SNIPPET_WORDS}), "
    "substr(st.body, 1, :reach), substr(s.text, 1, :reach), s.language "
    "FROM source_stem_fts f CROSS JOIN source_stems st CROSS JOIN sources s "
    "WHERE st.source_id = f.rowid AND s.id = f.rowid "
    "AND source_stem_fts MATCH :match AND +f.rowid IN ({ids})"
)
#: the same hits' shadows and texts, for the fragments worked out in Python (db.search_fragments)
_SHADOWS = (
    "SELECT f.rowid, substr(st.body, 1, :reach), substr(s.text, 1, :reach), s.language "
    "FROM source_stem_fts f CROSS JOIN source_stems st CROSS JOIN sources s "
    "WHERE st.source_id = f.rowid AND s.id = f.rowid "
    "AND source_stem_fts MATCH :match AND +f.rowid IN ({ids})"
)
_EXACT = (
    f"SELECT rowid, snippet(source_fts, 1, :open, :close, '…', {SNIPPET_WORDS}) FROM source_fts "
    "WHERE source_fts MATCH :match AND +rowid IN ({ids})"
)
#: hits per statement
_CHUNK = 500


def _rows(connection: Any, sql: str, ids: Sequence[int], params: dict[str, Any]) -> Iterator[Any]:
    """The rows of ``sql`` for ``ids``, a chunk of ids at a time, through the driver's own
    connection (without SQLAlchemy's cost for each of many rows)."""
    raw = connection.connection.driver_connection
    for first in range(0, len(ids), _CHUNK):
        chunk = ",".join(str(int(i)) for i in ids[first:first + _CHUNK])  # integers: safe inline
        yield from raw.execute(sql.format(ids=chunk), params)


def stemmed_snippets(connection: Any, terms: SearchTerms, match: str, ids: Sequence[int],
                     marks: tuple[str, str]) -> dict[int, str]:
    """Snippets of bare-word hits ``ids`` for the stemmed index's ``match`` (a source that no
    longer matches has none)."""
    params = {"match": match, "reach": SNIPPET_REACH}
    if terms.exact:  # phrases or prefixes too: the Python snippet marks them all
        seen: Seen = {}
        found: dict[int, str] = {}
        for source_id, _, text, language in _rows(connection, _SHADOWS, ids, params):
            found[source_id] = snippet(text or "", language, terms, marks, seen)
        return found
    return shadow_snippets(connection, terms, match, _rows(connection, _SHADOWS, ids, params), marks)


def shadow_snippets(connection: Any, terms: SearchTerms, match: str,
                    rows: Iterable[tuple[int, str | None, str | None, str | None]],
                    marks: tuple[str, str]) -> dict[int, str]:
    """Snippets of bare-word hits (no phrases nor prefixes) from their ``rows`` (id, shadow,
    text, language), as read by :data:`_SHADOWS` or with the ranking: the fragment worked out
    in Python where it can be (:mod:`db.search_fragments`), else FTS5's."""
    seen: Seen = {}
    found: dict[int, str] = {}
    phrases = [form for forms in terms.words for form in forms]  # in the order of ``match``
    plain = plain_forms(phrases)
    asked: list[int] = []  # the hits whose fragment FTS5 is asked for
    for source_id, shadow, text, language in rows:
        text = text or ""
        cut = fragment(phrases, shadow or "", SNIPPET_REACH, SNIPPET_WORDS) if plain else None
        made = None if cut is None else _cut(text, *cut, language, marks, len(text) < SNIPPET_REACH)
        if made is None:
            asked.append(source_id)
        else:
            found[source_id] = made
    params = {"match": match, "reach": SNIPPET_REACH}
    for source_id, fts5, shadow, text, language in _rows(connection, _STEMMED, asked, params):
        made = from_shadow(fts5 or "", shadow or "", text or "", language, marks)
        found[source_id] = made if made is not None else snippet(text or "", language, terms, marks, seen)
    return found


def exact_snippets(connection: Any, match: str, ids: Sequence[int],
                   marks: tuple[str, str]) -> dict[int, str]:
    """Snippets of exact-index hits (phrases, prefixes; every word before the stemmed index is
    built), FTS5's own."""
    params = {"match": match, "open": marks[0], "close": marks[1]}
    return {int(r[0]): r[1] or "" for r in _rows(connection, _EXACT, ids, params)}


#: the one letter whose lower case is longer than it ("i" and a combining dot)
_LONGER_LOWER = "İ"

#: a word's letters and digits (:data:`WORD`'s), and in an ASCII text (a set of characters
#: is faster to test than a Unicode class)
_LETTER, _ASCII_LETTER = rf"(?:[^\W_]|[{OPTIONAL_MARKS}])", "[0-9A-Za-z]"
_OTHER = rf"(?:[^\w{OPTIONAL_MARKS}]|_)"
#: patterns skipping so many words at once (one match in C, no match object a word)
_SKIPS = {ascii: [(n, re.compile(rf"(?:{other}*+{letter}++){{{n}}}")) for n in (256, 32, 4, 1)]
          for ascii, letter, other in ((False, _LETTER, _OTHER), (True, _ASCII_LETTER, "[^0-9A-Za-z]"))}
#: the text between words, kept by a split
_SEPARATED = {False: re.compile(rf"({_OTHER}++)"), True: re.compile(r"([^0-9A-Za-z]++)")}


def _skip(text: str, words: int, ascii: bool = False) -> int:
    """Where the word after the first ``words`` words of ``text`` may start (``ascii``: the text
    is ASCII)."""
    position = 0
    for size, pattern in _SKIPS[ascii]:
        while words >= size:
            match = pattern.match(text, position)
            if match is None:
                return len(text)
            position = match.end()
            words -= size
    return position


def from_shadow(fragment: str, shadow: str, text: str, language: str | None,
                marks: tuple[str, str]) -> str | None:
    """The snippet of ``text`` at the place of FTS5's ``fragment`` of its stemmed ``shadow``,
    with the words FTS5 marked between ``marks``; None when the shadow does not line up with
    the text there (the caller works the snippet out another way)."""
    tokens = fragment.split()
    plain = fragment.replace(_OPEN, "").replace(_CLOSE, "").split()
    at = f" {shadow} ".find(f" {' '.join(plain)} ")
    if at < 0:
        return None
    first = shadow.count(" ", 0, at)  # the fragment's first word is the shadow's word number
    marked: list[int] = []
    inside = False
    for number, token in enumerate(tokens):  # FTS5 may mark a run of words once: "(a b)"
        if token[0] == _OPEN:
            inside = True
        if inside:
            marked.append(number)
        if token[-1] == _CLOSE:
            inside = False
    return _cut(text, first, plain, marked, language, marks)


def _cut(text: str, first: int, forms: list[str], marked: list[int], language: str | None,
         marks: tuple[str, str], whole: bool = False) -> str | None:
    """The snippet of ``text`` at its words from number ``first`` on, which the shadow gives as
    ``forms``, those at the places ``marked`` among them (in order) between ``marks``; None
    when the text's words there do not have those forms (the shadow does not line up with the
    text). ``whole``: the text was read to
    its end and is shorter than a piece of :func:`db.language.search_forms.index_text`, so its
    shadow has a form for each of its words in order: only the marked words and the last are
    checked. As :func:`marked_snippet` makes it, from one split of the text there instead of a
    match object a word."""
    if not forms:
        return "" if not WORD.search(text) else None
    # the shadow's words are those of the folded text; folding changes no word's extent, only
    # the length of "İ" (the one letter whose lower case is longer): then the offsets differ
    if _LONGER_LOWER in text:
        return None
    ascii = text.isascii()
    begin = _skip(text, first, ascii)
    count = len(forms)
    # one split of the text from there, as far as the window's words go: ["", before its first
    # word, its first word, between, ..., its last word, after it, what follows]
    parts = _SEPARATED[ascii].split(text[begin:] if begin else text, count + 1)
    if parts[0]:  # the text begins with a word
        parts[0:0] = ["", ""]
    written = parts[2:2 * count + 1:2]
    if len(written) != count or "" in written:
        return None
    # the text's words have the shadow's forms there: it lines up (not so past a million
    # characters, where the shadow gives each form once a piece, or with another stemmer's)
    checked = [*marked, count - 1] if whole else range(count)
    if (word_forms(fold_word(" ".join([written[n] for n in checked])).split(" "), language)
            != [forms[n] for n in checked]):
        return None
    # what follows the window's last word: [after it, the rest] (the rest begins with a word)
    after = parts[2 * count + 1:]
    at_end = len(after) < 2 or not after[1]
    start = begin + len(parts[1])
    end = len(text) - sum(map(len, after))
    for n in marked:
        parts[2 + 2 * n] = f"{marks[0]}{parts[2 + 2 * n]}{marks[1]}"
    tail, closing = "", "…"
    if at_end:
        rest = text[end:]
        if len(rest) <= 20:
            tail, closing = rest.rstrip(), ""  # the closing punctuation of a short text
        elif not rest.strip():
            closing = ""
    made = ("…" if start > 0 else "") + "".join(parts[2:2 * count + 1]) + tail + closing
    return " ".join(made.split())

