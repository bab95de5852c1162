"""Which language a text is written in, when its file does not say: py3langid's naive Bayes
model over byte n-grams, limited to the languages Dossier knows (:mod:`db.language`).

Offline and small (4.5 MB with its model); the model loads on the first call, never at start-up:
1.4 s from the packed file the first time, 0.2 s from the unpacked copy kept in the cache folder
after that (``DOSSIER_CACHE_DIR`` or the user's cache directory). Measured on real news (benchmarks/bench_language_detection.py): the first 300 characters of
643 Russian and 1,000 English texts are all told right (0.6 ms a text); 150 characters 99.8 %.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from db.language import all_languages

#: how much of a text is read (the start says it; longer only costs time)
SAMPLE = 300
#: fewer letters than this and no guess is made (a title, a number, a name)
MIN_LETTERS = 12


_LOADING = threading.Lock()
_MODEL: list[Any] = []


def _identifier() -> Any:
    if not _MODEL:
        with _LOADING:  # the background load and the first detection wait for one another
            if not _MODEL:
                _MODEL.append(_load())
    return _MODEL[0]


def _load() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        identifier = _load_unpacked()
    except Exception:  # no cache folder, a damaged copy, another py3langid: the packed model
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    known = {lang.code for lang in all_languages()}
    identifier.set_languages(sorted(known & set(identifier.nb_classes)))
    return identifier


def _load_unpacked() -> Any:
    """The model from an unpacked copy in the user's cache folder (0.2 s instead of 1.4 s to
    load; 68 MB), made on first use from the LZMA-packed file py3langid ships."""
    import lzma
    import os
    import shutil
    from importlib.metadata import version

    import numpy as np
    from platformdirs import user_cache_path
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    folder = Path(os.environ.get("DOSSIER_CACHE_DIR") or user_cache_path("dossier"))
    unpacked = folder / f"py3langid-{version('py3langid')}-model.npz"
    if not unpacked.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = unpacked.with_suffix(f".{os.getpid()}.part")
        with lzma.open(MODEL_DIR / MODEL_FILE) as packed, partial.open("wb") as out:
            shutil.copyfileobj(packed, out, 1 << 20)
        partial.replace(unpacked)
    with np.load(unpacked, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=False,
            tk_row=_to_array(data["nextmove_row"]))


def load_in_background() -> None:
    """Start loading the model on a thread (an import does, while it reads its first files)."""
    if not _MODEL:
        threading.Thread(target=_identifier, name="language model", daemon=True).start()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it is too short
    to tell (or has no letters)."""
    sample = text[:SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
