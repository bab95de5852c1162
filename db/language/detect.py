"""Which language a text is written in, when its file does not say: py3langid's naive Bayes
model over byte n-grams, limited to the languages Dossier knows (:mod:`db.language`).

Offline and small (4.5 MB with its model); the model loads on the first call (about 0.8 s), never
at start-up. Measured on real news (benchmarks/bench_language.py): the first 2,000 characters of
719 Russian and 700 English articles are all told right but one; 100 characters about 98 %.
"""

from __future__ import annotations

import functools
from typing import Any

from db.language import all_languages

#: how much of a text is read (the start says it; longer only costs time)
SAMPLE = 2000
#: fewer letters than this and no guess is made (a title, a number, a name)
MIN_LETTERS = 12


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    known = {lang.code for lang in all_languages()}
    identifier.set_languages(sorted(known & set(identifier.nb_classes)))
    return identifier


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it is too short
    to tell (or has no letters)."""
    sample = text[:SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < MIN_LETTERS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
