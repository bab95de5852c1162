"""Where FTS5's ``snippet()`` would cut a stemmed shadow (:mod:`db.search_snippets`), and which of
its words it would mark, worked out in Python from the shadow itself: the same fragment, without
SQLite tokenizing each hit's shadow twice and scoring every window in C, then Python finding the
fragment in the shadow again.

It answers only where FTS5 would see the shadow as Python does: query forms of ASCII and
Russian letters and digits, which FTS5 reads as they are; a shadow of such words and of words
in other scripts that FTS5 splits alike and folds into none of those forms (it takes diacritics
off Latin letters alone: "café" is "cafe" to it), one space between; a shadow read whole; a few
matches. Otherwise it
answers None and the caller asks FTS5 (:data:`db.search_snippets._STEMMED`). The scoring is
``fts5SnippetFunction`` of SQLite's ``fts5_aux.c`` (3.40) for one column of a shadow, which has
no punctuation: its one sentence starts at its first word. A test holds the two to the same
fragments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: a character of a query form that FTS5 might split at or fold: anything besides the letters
#: and digits it compares as they are
_UNPLAIN = re.compile(r"[^0-9a-zа-я]")
#: a shadow FTS5 reads as Python does, for such forms: words of those letters and digits and of
#: the blocks of scripts without Latin letters (Greek, Cyrillic, Hebrew, Arabic, kana, CJK,
#: Hangul), which FTS5 never folds into ASCII or Russian letters, one space between
_LETTERS = (r"0-9a-z\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff"
            r"\uac00-\ud7af")
_PLAIN = re.compile(rf"[{_LETTERS}]++(?: [{_LETTERS}]++)*+")
#: words, one space between
_SPACED = re.compile(r"[^ ]++(?: [^ ]++)*+")
#: a word of a shadow with another letter (Latin with a diacritic, most often)
_OTHER_WORD = re.compile(rf"[^ ]*[^ {_LETTERS}][^ ]*")
#: matches of the query in one shadow beyond which FTS5 is asked (its scoring is quadratic)
_MOST = 24
#: FTS5's bonus for a fragment at the start of the text (a sentence's start)
_OPENING_BONUS = 120


def plain_forms(phrases: Sequence[str]) -> bool:
    """Whether FTS5 reads each of the stemmed query's ``phrases`` as one word, as written."""
    return all(p and not _UNPLAIN.search(p) for p in phrases)


def fragment(phrases: Sequence[str], shadow: str, reach: int,
             words: int) -> tuple[int, list[str], list[int]] | None:
    """(the first word's number, the words, the places among them of those marked) of the
    ``words``-word fragment
    FTS5's ``snippet()`` would cut from ``shadow`` for a query of ``phrases`` (each a plain form,
    :func:`plain_forms`, in the query's order); None where FTS5 would not see the shadow as
    Python does, or it is cut at ``reach`` characters."""
    if len(shadow) >= reach or (shadow and _PLAIN.fullmatch(shadow) is None and not (
            _SPACED.fullmatch(shadow) and _apart(shadow, phrases))):
        return None
    padded = f" {shadow} "
    found: list[tuple[int, int]] = []  # (word number, phrase) of each match, as FTS5's instances
    places: dict[int, int] = {}  # where the matched words start in the shadow
    for phrase, form in enumerate(phrases):
        needle = f" {form} "
        at = padded.find(needle)
        while at >= 0:
            number = padded.count(" ", 0, at)
            found.append((number, phrase))
            places[number] = at  # the space before it in ``padded``: its start in ``shadow``
            if len(found) > _MOST:
                return None
            at = padded.find(needle, at + len(needle) - 1)
    found.sort()
    size = shadow.count(" ") + 1 if shadow else 0
    start = _best_start(found, size, words)
    count = min(words, size - start)
    inside = [n for n, _ in found if start <= n < start + count]
    if not inside:  # no match in the text (a hit in the title): its first words
        window = shadow.split(" ", words)[:count]
    else:  # from a match in the fragment, back to its first word and on to its last
        begin = places[inside[0]]
        for _ in range(inside[0] - start):
            begin = shadow.rfind(" ", 0, begin - 1) + 1
        end = places[inside[0]]
        for _ in range(start + count - 1 - inside[0]):
            end = shadow.find(" ", end) + 1
        end = shadow.find(" ", end)
        window = shadow[begin:end if end >= 0 else len(shadow)].split(" ")
    if len(window) != count:
        return None
    return start, window, sorted({n - start for n in inside})


def _apart(shadow: str, phrases: Sequence[str]) -> bool:
    """Whether every word of ``shadow`` with letters besides :data:`_PLAIN`'s is, to FTS5 too,
    none of ``phrases``: what is left of it without its diacritics (as FTS5 reads a Latin
    letter) has only those letters and is not one of them. A letter that would need FTS5's own
    table (an ø, an ł) and such a word that is a phrase: FTS5 is asked."""
    import unicodedata

    wanted = set(phrases)
    for word in _OTHER_WORD.findall(shadow):
        bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        if _PLAIN.fullmatch(bare) is None or bare in wanted:  # (a word: no space in it)
            return False
    return True


def _best_start(found: list[tuple[int, int]], size: int, words: int) -> int:
    """The first word of the best-scoring fragment, as ``fts5SnippetFunction`` picks it."""
    best, start = 0, 0
    opening: int | None = None
    for offset, _ in found:
        score, adjusted = _score(found, offset, words, size)
        if score > best:
            best, start = score, adjusted
        if size > words and offset > 0:  # the fragment at the start of the text, with its bonus
            if opening is None:
                opening = _score(found, 0, words, size)[0] + _OPENING_BONUS
            if opening > best:
                best, start = opening, 0
    return start


def _score(found: list[tuple[int, int]], at: int, words: int, size: int) -> tuple[int, int]:
    """``fts5SnippetScore``: 1000 for each phrase in the ``words`` from word ``at``, 1 for each
    of its other matches there; and where the fragment starts to centre them."""
    seen: set[int] = set()
    score, first, last = 0, -1, 0
    for offset, phrase in found:
        if at <= offset < at + words:
            score += 1 if phrase in seen else 1000
            seen.add(phrase)
            if first < 0:
                first = offset
            last = offset + 1
    adjusted = first - (words - (last - first)) // 2
    if adjusted + words > size:
        adjusted = size - words
    return score, max(adjusted, 0)
