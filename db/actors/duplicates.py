"""Likely duplicates among actors, and the name keys they are found by.

Two records of the same person or group creep in as spellings differ: "al-Kadarskii" and
"Kadarsky", "R. Asilderov" and "Rustam Asilderov". :func:`likely_duplicates` pairs them for the
researcher to merge (see :mod:`db.actors.merging`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Actor, Alias
from db.text import fold
from db.vocabulary import ActorKind

_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,]+")
# Apostrophes transliterate a soft sign or an ayn ("Asil'derov", "Ma'ruf"): dropped, not split on.
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "the", "ibn", "bin"}
# Transliteration variants of the same sound, mostly Russian and Arabic into Latin letters.
_SPELLINGS = (
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("ij", "i"),
    ("y", "i"),
    ("kh", "h"),
    ("dzh", "j"),
    ("zh", "j"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("e", "e"),
)


def _words(name: str) -> list[str]:
    return [w for w in _SEPARATORS.split(_APOSTROPHES.sub("", fold(name))) if w]


def name_key(name: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form of a name."""
    return " ".join(_words(name))


def skeleton(name: str) -> str:
    """A rough transliteration-insensitive form: "al-Kadarskii" and "Kadarsky" both give "kadarski"."""
    words = [w for w in _words(name) if w not in _ARTICLES] or _words(name)
    result = []
    for word in words:
        for old, new in _SPELLINGS:
            word = word.replace(old, new)
        # doubled letters ("Mukhammad"/"Muhamad")
        word = re.sub(r"(.)\1+", r"\1", word)
        result.append(word)
    return " ".join(result)


def _initials_match(a: list[str], b: list[str]) -> bool:
    """"R Asilderov" and "Rustam Asilderov": same last word, the rest initials of each other."""
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1] or len(a[-1]) < 3:
        return False
    abbreviated = False
    for x, y in zip(a[:-1], b[:-1], strict=True):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            abbreviated = True
            continue
        return False
    return abbreviated


@dataclass(frozen=True)
class DuplicateCandidate:
    """Two actors that are probably the same, with the names that matched and how well (0-100)."""

    first_id: int
    first: str
    second_id: int
    second: str
    kind: str
    score: float
    first_name: str
    second_name: str
    reason: str


#: kinds that can be the same as anything (an actor saved before its kind was known)
_ANY_KIND = {ActorKind.OTHER.value}


def likely_duplicates(
    session: Session, threshold: float = 88.0, *, min_length: int = 4
) -> list[DuplicateCandidate]:
    """Pairs of actors that are probably the same, best first.

    Every name and alias of one actor is compared with every name and alias of the others: the
    same name once case, diacritics and punctuation are ignored scores 100; initials
    ("R. Asilderov") score 95; otherwise the better rapidfuzz ``token_sort_ratio`` of the folded
    names and of their transliteration skeletons (see :func:`skeleton`). Actors of different
    kinds are not paired unless one is "other". Names shorter than ``min_length`` only match
    exactly (short acronyms are too easily alike).
    """
    actors = dict(session.execute(select(Actor.id, Actor.name)).all())
    kinds = dict(session.execute(select(Actor.id, Actor.kind)).all())
    entries: list[tuple[int, str]] = [(i, n) for i, n in actors.items()]
    entries += list(session.execute(select(Alias.actor_id, Alias.name)))
    keys = [name_key(n) for _i, n in entries]
    skeletons = [skeleton(n) for _i, n in entries]
    best: dict[tuple[int, int], tuple[float, int, int, str]] = {}

    def consider(i: int, j: int, score: float, reason: str) -> None:
        a, b = entries[i][0], entries[j][0]
        if a == b or score < threshold:
            return
        ka, kb = kinds[a], kinds[b]
        if ka != kb and ka not in _ANY_KIND and kb not in _ANY_KIND:
            return
        pair = (min(a, b), max(a, b))
        if i > j:
            i, j = j, i
        if entries[i][0] != pair[0]:
            i, j = j, i
        if pair not in best or score > best[pair][0]:
            best[pair] = (score, i, j, reason)

    # Exact keys and initials by grouping (cheap); fuzzy scores by rapidfuzz's cdist in blocks.
    by_key: dict[str, list[int]] = defaultdict(list)
    by_last: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
        words = key.split()
        if len(words) >= 2:
            by_last[words[-1]].append(index)
    for group in by_key.values():
        for x in group:
            for y in group:
                if x < y:
                    consider(x, y, 100.0, "same name")
    for group in by_last.values():
        for x in group:
            for y in group:
                if x < y and _initials_match(keys[x].split(), keys[y].split()):
                    consider(x, y, 95.0, "initials")
    fuzzy = [i for i, k in enumerate(keys) if len(k) >= min_length]
    for choices, reason in (([keys[i] for i in fuzzy], "similar spelling"),
                            ([skeletons[i] for i in fuzzy], "transliteration")):
        for block_start in range(0, len(fuzzy), 500):
            block = choices[block_start : block_start + 500]
            # only the names from this block on: the pairs before it were scored already
            matrix = process.cdist(
                block, choices[block_start:], scorer=fuzz.token_sort_ratio,
                score_cutoff=threshold, dtype="float32", workers=-1,
            )
            rows, cols = matrix.nonzero()
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                x, y = fuzzy[block_start + r], fuzzy[block_start + c]
                if x < y:
                    consider(x, y, float(matrix[r, c]), reason)
    result = []
    for (a, b), (score, i, j, reason) in best.items():
        kind = kinds[a] if kinds[a] not in _ANY_KIND else kinds[b]
        result.append(
            DuplicateCandidate(
                first_id=a,
                first=actors[a],
                second_id=b,
                second=actors[b],
                kind=kind,
                score=round(score, 1),
                first_name=entries[i][1],
                second_name=entries[j][1],
                reason=reason,
            )
        )
    result.sort(key=lambda d: (-d.score, d.first.casefold(), d.second.casefold()))
    return result

__all__ = ["DuplicateCandidate", "likely_duplicates", "name_key", "skeleton"]
