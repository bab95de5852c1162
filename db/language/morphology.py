"""Dictionary morphology for Russian and Ukrainian (pymorphy3 with its OpenCorpora and
LanguageTool dictionaries): a word's base form and its case forms, loaded on first use.

The analysers take about 0.1 s and 25 MB each to load; nothing here loads them at import.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

#: languages with a pymorphy3 dictionary
LANGUAGES = ("ru", "uk")
_CACHE_LIMIT = 200_000


@functools.cache
def analyser(code: str) -> Any:
    """The pymorphy3 analyser of ``code`` ("ru" or "uk")."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


_LEMMAS: dict[str, dict[str, str]] = {code: {} for code in LANGUAGES}


def lemma(word: str, code: str) -> str:
    """The most likely base form of ``word`` (lower case): "боевиков" -> "боевик"."""
    cache = _LEMMAS[code]
    found = cache.get(word)
    if found is None:
        parses = analyser(code).parse(word)
        found = parses[0].normal_form if parses else word.lower()
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[word] = found
    return found


def lemmas(words: Sequence[str], code: str) -> list[str]:
    return [lemma(w, code) for w in words]


def parses(word: str, code: str) -> list[Any]:
    """Every analysis pymorphy3 gives of ``word``, most likely first."""
    return list(analyser(code).parse(word))
