"""Sentences of bounded length, the coordinated clauses of a sentence, and its tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from db.extract.statistics.english import is_verbish
from db.text import sentences, trimmed

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|#39;s|[^\W\d_][\w'’]*(?:-[\w'’]+)*|\d[\d,.]*\d|\d|"
                    r"[^\w\s]")


def tokens(text: str, pos: int, end: int | None = None) -> list[tuple[int, int, str]]:
    """Tokens from ``pos``; never more than a short stretch, which is all the rules read."""
    limit = min(len(text) if end is None else end, pos + READ_AHEAD)
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, pos, limit)]


def clean(text: str) -> str:
    text = text.replace(" #39;", "'").replace("#39;", "'").replace(" quot;", "")
    return re.sub(r"\s+", " ", text).strip(" ,.;:-—–")


_MAX_SENTENCE = 1000
READ_AHEAD = 200


def bounded_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences, none longer than about ``_MAX_SENTENCE`` code points: text without
    sentence punctuation (a table, a list) is cut at line ends, semicolons or spaces, so the
    work per number stays bounded."""
    for start, end in sentences(text):
        while end - start > _MAX_SENTENCE:
            window = text[start:start + _MAX_SENTENCE]
            cut = max(window.rfind("\n"), window.rfind("; "))
            if cut < _MAX_SENTENCE // 2:
                cut = window.rfind(" ")
            if cut <= 0:
                cut = _MAX_SENTENCE
            piece = trimmed(text, start, start + cut)
            if piece[1] > piece[0]:
                yield piece
            start = trimmed(text, start + cut, end)[0]
        if end > start:
            yield start, end


_CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?:and|but|while|whereas|yet)\s+|\s+but\s+",
                           re.IGNORECASE)

_ENTITY_BEFORE = re.compile(r"(?:&|\b|#)(?:#?\d{1,4}|amp|quot|lt|gt|nbsp|apos)$")


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of coordinated clauses; a ", and" closing a list ("A, B, and C") does not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        if match.group(0).startswith(";") and _ENTITY_BEFORE.search(sentence, 0, match.start()):
            continue  # "#39;", "amp;": HTML entities left in the text, not semicolons
        if match.group(0).lstrip(", ").lower().startswith("and"):
            piece = sentence[start:match.start()]
            last_item = piece.rsplit(",", 1)[-1] if "," in piece else None
            if last_item is not None and len(last_item.split()) <= 3 and not any(
                    is_verbish(w) for w in last_item.split()):
                continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]
