"""Ukrainian press texts of the Brown corpus of Ukrainian (BRUK, brown-uk/corpus, CC BY-NC-SA 4.0),
read from a copy of that public repository, never copied into this one.

    DOSSIER_BRUK=PATH

PATH is a clone of https://github.com/brown-uk/corpus (a checked-out folder or a bare git
directory). Its ``data/good`` holds the checked texts, named by genre first: ``A_`` is press
(news and reports of national and local papers and sites), as written. lang-uk/ner-uk was
annotated on BRUK texts, so a benchmark drawing from BRUK leaves out every text that shares any
40 letters and digits in a row with a ner-uk text (:func:`fresh_press`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
from collections.abc import Iterable, Iterator

from benchmarks._copies import RepositoryCopy

GOOD = "data/good"
HOW = ("the BRUK part of the Ukrainian benchmark needs a copy of brown-uk/corpus: "
       "git clone https://github.com/brown-uk/corpus PATH, then DOSSIER_BRUK=PATH")
#: letters and digits in a row that make two texts the same document's
WINDOW = 40


class Press(RepositoryCopy):
    """The press texts (``data/good/A_*.txt``) of one copy of BRUK, through git or the file system."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(path, "DOSSIER_BRUK", HOW, GOOD)

    @functools.cached_property
    def stems(self) -> list[str]:
        """The press texts' stems (file names without ``.txt``), sorted."""
        return sorted(f[:-4] for f in self.names(GOOD) if f.startswith("A_") and f.endswith(".txt"))

    @functools.cache  # noqa: B019 - one corpus per run, its texts read once
    def text(self, stem: str) -> str:
        """One press text as stored."""
        return self.read(f"{GOOD}/{stem}.txt")


def letters(text: str) -> str:
    """The text's letters and digits only, case folded: the same in a tokenized copy."""
    return "".join(c for c in text.casefold() if c.isalnum())


def windows(text: str, step: int = 1) -> Iterator[str]:
    """Every ``step``-th run of :data:`WINDOW` letters and digits of ``text``."""
    folded = letters(text)
    for start in range(0, max(len(folded) - WINDOW + 1, 0), step):
        yield folded[start:start + WINDOW]


def fresh_press(press: Press, others: Iterable[str]) -> list[str]:
    """The press texts that share no run of :data:`WINDOW` letters and digits with any of
    ``others`` (every window of both sides compared), in name order."""
    owner: dict[int, set[str]] = {}
    for stem in press.stems:
        for window in windows(press.text(stem)):
            owner.setdefault(hash(window), set()).add(stem)
    seen: set[str] = set()
    for other in others:
        for window in windows(other):
            seen |= owner.get(hash(window), set())
    return [stem for stem in press.stems if stem not in seen]


#: stems of number words the dictionary may not call numerals (heldout5's test)
_NUMBER_STEMS = ("п'ят", "шіст", "сім", "восьм", "дев'ят", "десят", "кілька", "половин", "обидва")
#: words of a claim or a bound (heldout7's list)
_CLAIM_OR_BOUND = re.compile(
    r"\b(?:за даними|згідно|за словами|за інформацією|понад|близько|майже|більше|менше|щонайменше|"
    r"приблизно|орієнтовно|повідом\w*|заяви\w*|встанови\w*|свідч\w*|йдеться|сяга\w*|зазнач\w*|"
    r"сказа\w*|каже|кажуть|розповіл\w*|оцін\w*|(?:від|до) \d)", re.IGNORECASE)


def _holds_number(sentence: str) -> bool:
    from db.language.morphology import parses

    if any(c.isdigit() for c in sentence):
        return True
    for word in re.findall(r"[^\W\d_]+", sentence.casefold().replace("’", "'").replace("ʼ", "'")):
        if word.startswith(_NUMBER_STEMS) or any("NUMR" in p.tag for p in parses(word, "uk")):
            return True
    return False


def draw(press: Press, stems: Iterable[str], tag: str, first: int = 50, claimed: int = 30,
         per_text: int = 2) -> list[tuple[str, int, int]]:
    """Sentences of ``stems`` for a part named ``tag``: db.text sentences of 25-600 code points
    holding a digit or a number word, ordered by the sha1 of "tag|brown-uk|stem|start"; the
    first ``first`` of them, then the first ``claimed`` of the rest holding a claim or bound
    word, never more than ``per_text`` of one text. Each as (stem, start, end)."""
    from db.text import sentences

    found = []
    for stem in stems:
        text = press.text(stem)
        for start, end in sentences(text):
            sentence = text[start:end]
            if 25 <= len(sentence) <= 600 and _holds_number(sentence):
                key = hashlib.sha1(f"{tag}|brown-uk|{stem}|{start}".encode()).hexdigest()
                found.append((key, stem, start, end))
    found.sort()
    taken: list[tuple[str, int, int]] = []
    per: dict[str, int] = {}
    for wanted, test in ((first, None), (claimed, _CLAIM_OR_BOUND)):
        count = 0
        for _, stem, start, end in found:
            if count == wanted:
                break
            if (stem, start, end) in taken or per.get(stem, 0) >= per_text:
                continue
            if test is None or test.search(press.text(stem)[start:end]):
                taken.append((stem, start, end))
                per[stem] = per.get(stem, 0) + 1
                count += 1
    return taken


def halves(stems: Iterable[str], tag: str = "brown-uk-part") -> tuple[list[str], list[str]]:
    """``stems`` ordered by the sha1 of "tag|stem" and dealt alternately into two parts, so that
    no text is in both (heldout9 the first, heldout10 the second)."""
    order = sorted(stems, key=lambda stem: hashlib.sha1(f"{tag}|{stem}".encode()).hexdigest())
    return order[0::2], order[1::2]


def ner_uk_texts(ner_uk: str | os.PathLike[str]) -> Iterator[str]:
    """Every ``.txt`` of a bare ner-uk copy (all versions, tokenized or not)."""
    listing = subprocess.run(["git", "--git-dir", str(ner_uk), "ls-tree", "-r", "--name-only", "HEAD"],
                             check=True, capture_output=True, text=True).stdout.split("\n")
    for name in listing:
        if name.endswith(".txt"):
            yield subprocess.run(["git", "--git-dir", str(ner_uk), "show", f"HEAD:{name}"],
                                 check=True, capture_output=True).stdout.decode("utf-8", "replace")


if __name__ == "__main__":  # the draws again: DOSSIER_BRUK and DOSSIER_NER_UK (bare) set
    press = Press()
    fresh = fresh_press(press, ner_uk_texts(os.environ["DOSSIER_NER_UK"]))
    for tag, stems in zip(("heldout9", "heldout10"), halves(fresh), strict=True):
        for stem, start, end in draw(press, stems, tag):
            print(f"{tag}\tbruk-press-{stem}-{start}\t{end}")
