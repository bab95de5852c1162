"""Which language a text is written in, when its file does not say: py3langid's naive Bayes
model over byte n-grams, limited to the languages Dossier knows (:mod:`db.language`).

Offline and small (4.5 MB with its model); the model loads on the first call, never at start-up:
1.4 s from the packed file the first time, then a few milliseconds from the unpacked copy (its
arrays mapped from disk) kept in the cache folder (``DOSSIER_CACHE_DIR`` or the user's cache
directory). Measured on real news (benchmarks/bench_language_detection.py): the first 300 characters of
643 Russian and 1,000 English texts are all told right; 150 characters 99.8 %.

The model reads a text through a state machine over its bytes (an Aho-Corasick automaton of the
byte n-grams it scores). py3langid walks it a byte at a time in Python (about 0.1 ms for 300
Russian characters); the state after a byte depends only on the bytes of the deepest n-gram
before it (six), so :class:`Detector` takes the step for every byte at once with NumPy, six
times over, and reaches the same states, hence the same counts and the same language.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
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
        return Detector(identifier)


#: the arrays of the model kept unpacked, each as a NumPy file that is mapped, not read
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat", "depth")
#: the layout of the unpacked copy (a copy of another layout is made again beside it)
_LAYOUT = 2


def _load_unpacked(known: list[str]) -> Detector:
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
    identifier = LanguageIdentifier(
        arrays["ptc"], np.asarray(arrays["pc"]), [str(c) for c in arrays["classes"]],
        memoryview(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=False,
        tk_row=memoryview(arrays["nextmove_row"]))
    return Detector(identifier, int(arrays["depth"]), arrays["nextmove"], arrays["nextmove_row"],
                    arrays["out_feat"])


class Detector:
    """py3langid's model read with NumPy: the same scores, the bytes of a text walked at once.

    Without the depth of the automaton (the packed model) it is py3langid's own walk."""

    def __init__(self, identifier: Any, depth: int | None = None, nextmove: Any = None,
                 rows: Any = None, out: Any = None) -> None:
        import numpy as np

        self.identifier = identifier
        self.nb_classes: list[str] = list(identifier.nb_classes)
        self.depth = depth
        if depth is not None:
            self.nextmove = np.asarray(nextmove)
            self.rowbase = np.asarray(rows).astype(np.intp) << 8
            self.out = np.asarray(out)
            self.ptc = identifier.nb_ptc
            self.pc = np.asarray(identifier.nb_pc)
            first: dict[str, int] = {}
            self.aliases: list[tuple[int, int]] = []  # a language under two labels (srl, sr)
            for n, code in enumerate(self.nb_classes):
                if code in first:
                    self.aliases.append((first[code], n))
                first.setdefault(code, n)

    def classify(self, text: str) -> str:
        """The code of the language ``text`` is most likely in."""
        return self.classify_many([text])[0]

    def classify_many(self, texts: Sequence[str]) -> list[str]:
        """:meth:`classify` of each text, the bytes of all walked at once (an import's batch:
        NumPy's cost for each call is paid once, not once a text)."""
        if self.depth is None:
            return [str(self.identifier.classify(text)[0]) for text in texts]
        import unicodedata

        import numpy as np

        if not texts:
            return []
        texts = [text.lower() if text.isupper() else text for text in texts]  # as py3langid reads
        encoded = [unicodedata.normalize("NFC", t).encode("utf8", errors="surrogatepass") for t in texts]
        lengths = np.fromiter(map(len, encoded), dtype=np.intp, count=len(encoded))
        data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        size = len(data)
        states = np.zeros(size, dtype=np.intp)
        # the state after a byte is the one reached from the start by the last `depth` bytes:
        # each round every position takes one more of them, the oldest first
        for back in range(min(self.depth, size) - 1, -1, -1):
            states[back:] = self.nextmove[self.rowbase[states[back:]] + data[: size - back]]
        if len(texts) > 1 and size:
            # the first bytes of a text took bytes of the text before it: walked again from the start
            starts = np.cumsum(lengths) - lengths
            state = np.zeros(len(texts), dtype=np.intp)
            for ahead in range(self.depth - 1):
                inside = ahead < lengths
                at = np.where(inside, starts + ahead, 0)
                state = self.nextmove[self.rowbase[state] + data[at]]
                states[at[inside]] = state[inside]
        features = self.out[states]
        known = features >= 0
        if len(texts) == 1:
            met, counts = np.unique(features[known], return_counts=True)
            found, bounds = None, [0, len(met)]  # the table's rows are the text's
        else:
            # the n-grams met in the batch, each numbered once: their rows of the table are
            # read (and made single floats) once a batch, not once for each text they are in
            features = features[known]
            number = np.zeros(len(self.ptc), dtype=np.int32)
            number[features] = 1
            met = np.flatnonzero(number)
            number[met] = np.arange(len(met), dtype=np.int32)
            width = max(len(met), 1)
            wide: Any = np.int32 if len(texts) * width < 2**31 else np.int64  # the keys below fit
            owner = np.repeat(np.arange(len(texts), dtype=wide), lengths)[known]
            # each text's n-grams with their counts, sorted by text: one key per (text, n-gram)
            keys, counts = np.unique(owner * wide(width) + number[features], return_counts=True)
            found = keys % width
            bounds = np.searchsorted(keys // width, np.arange(len(texts) + 1)).tolist()
        # the table's half floats as single ones: NumPy's matrix product then runs in BLAS
        table = self.ptc[met].astype(np.float32)
        weights = np.log1p(counts.astype(np.float32))
        codes: list[str] = []
        for n, text in enumerate(texts):
            first, last = bounds[n], bounds[n + 1]
            if first == last:  # no n-gram known: its floor
                codes.append(str(self.identifier.classify(text)[0]))
                continue
            rows = table if found is None else table[found[first:last]]
            scores = weights[first:last] @ rows + self.pc
            for keep, alias in self.aliases:  # as py3langid: the better of the two scores
                scores[keep] = max(scores[keep], scores[alias])
                scores[alias] = -np.inf
            codes.append(self.nb_classes[int(scores.argmax())])
        return codes


def _unpacked_folder(known: list[str]) -> Path:
    import hashlib
    import os

    import py3langid
    from platformdirs import user_cache_path

    base = Path(os.environ.get("DOSSIER_CACHE_DIR") or user_cache_path("dossier"))
    languages = hashlib.sha256(" ".join(known).encode()).hexdigest()[:12]
    return base / f"py3langid-{py3langid.__version__}-{languages}-{_LAYOUT}"


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
            "depth": np.array(_depth(full.tk_nextmove, full.tk_row), dtype=np.int32),
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
    for stale in folder.parent.glob("py3langid-*"):  # unpacked copies of another layout
        if stale.is_dir() and stale != folder and not stale.name.endswith(".part"):
            shutil.rmtree(stale, ignore_errors=True)


def _depth(nextmove: Any, rows: Any) -> int:
    """How many bytes back the state after a byte depends on: the length of the longest string
    the automaton tells apart (its deepest state, found breadth first from the start)."""
    import numpy as np

    moves = np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}")
    starts = np.frombuffer(rows, dtype=f"u{rows.itemsize}").astype(np.intp) << 8
    seen = np.zeros(len(starts), dtype=bool)
    seen[0] = True
    frontier = np.array([0], dtype=np.intp)
    depth = 0
    while True:
        reached = np.unique(moves[(starts[frontier][:, None] + np.arange(256)).ravel()])
        reached = reached[~seen[reached]]
        if not len(reached):
            return depth
        seen[reached] = True
        frontier = reached
        depth += 1


def load_in_background() -> None:
    """Start loading the model on a thread (an import does, while it reads its first files)."""
    if not _MODEL:
        threading.Thread(target=_identifier, name="language model", daemon=True).start()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it is too short
    to tell (or has no letters)."""
    return detect_languages([text])[0]


def _has_letters(sample: str) -> bool:
    """At least ``MIN_LETTERS`` letters (nearly always among the first few dozen characters)."""
    return (sum(map(str.isalpha, sample[:48])) >= MIN_LETTERS
            or sum(map(str.isalpha, sample)) >= MIN_LETTERS)


def detect_languages(texts: Sequence[str]) -> list[str | None]:
    """:func:`detect_language` of each text, detected together (faster for many)."""
    samples = [text[:SAMPLE] for text in texts]
    told = [n for n, sample in enumerate(samples) if _has_letters(sample)]
    codes: list[str | None] = [None] * len(samples)
    if told:
        for n, code in zip(told, _identifier().classify_many([samples[n] for n in told]), strict=True):
            codes[n] = code
    return codes
