"""Which language a text is written in, when its file does not say: py3langid's naive Bayes
model over byte n-grams, limited to the languages Dossier knows (:mod:`db.language`).

Offline and small (4.5 MB with its model); the model loads on the first call, never at start-up:
1.4 s from the packed file the first time, then a few milliseconds from the unpacked copy (its
arrays mapped from disk) kept in the cache folder (``DOSSIER_CACHE_DIR`` or the user's cache
directory). Measured on real news (benchmarks/bench_language_detection.py): the first 300 characters of
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

    known = sorted({lang.code for lang in all_languages()})
    try:
        return _load_unpacked(known)
    except Exception:  # no cache folder, a damaged copy, another py3langid: the packed model
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
        identifier.set_languages(sorted(set(known) & set(identifier.nb_classes)))
        return identifier


#: the arrays of the model kept unpacked, each as a NumPy file that is mapped, not read
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _load_unpacked(known: list[str]) -> Any:
    """The model, limited to Dossier's languages, from an unpacked copy in the user's cache
    folder: its arrays are mapped from disk (a few milliseconds, the pages read as detection
    needs them) instead of read out of the LZMA-packed file py3langid ships (1.4 s) or a zip
    (0.5 s, holding the interpreter while an import reads its first files)."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    folder = _unpacked_folder(known)
    if not folder.is_dir():
        _unpack(folder, known)
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    # the state machine is walked a byte at a time from Python: memoryviews index as fast as
    # the stdlib arrays py3langid makes, without a copy
    return LanguageIdentifier(
        arrays["ptc"], np.asarray(arrays["pc"]), [str(c) for c in arrays["classes"]],
        memoryview(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=False,
        tk_row=memoryview(arrays["nextmove_row"]))


def _unpacked_folder(known: list[str]) -> Path:
    import hashlib
    import os

    import py3langid
    from platformdirs import user_cache_path

    base = Path(os.environ.get("DOSSIER_CACHE_DIR") or user_cache_path("dossier"))
    languages = hashlib.sha256(" ".join(known).encode()).hexdigest()[:12]
    return base / f"py3langid-{py3langid.__version__}-{languages}"


def _unpack(folder: Path, known: list[str]) -> None:
    """Write the model's arrays for ``known`` languages into ``folder`` (made whole or not at
    all: written beside it, then renamed)."""
    import os
    import shutil
    import tempfile

    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    ptc, pc, classes = full._full_model
    kept = [n for n, code in enumerate(classes) if code in set(known)]
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", suffix=".part", dir=folder.parent))
    try:
        values = {
            "ptc": np.ascontiguousarray(np.asarray(ptc)[:, kept]), "pc": np.asarray(pc)[kept],
            "classes": np.array([classes[n] for n in kept]),
            "nextmove": np.frombuffer(full.tk_nextmove, dtype=f"u{full.tk_nextmove.itemsize}"),
            "nextmove_row": np.frombuffer(full.tk_row, dtype=f"u{full.tk_row.itemsize}"),
            "out_feat": np.asarray(full.tk_output, dtype=np.int32),
        }
        for name, value in values.items():
            np.save(partial / f"{name}.npy", value, allow_pickle=False)
        try:
            os.replace(partial, folder)
        except OSError:
            if not folder.is_dir():
                raise
            # another process made it first: theirs is as good
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    for stale in folder.parent.glob("py3langid-*-model.npz"):  # the zipped copy of before
        stale.unlink(missing_ok=True)


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
