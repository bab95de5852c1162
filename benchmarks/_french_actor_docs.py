"""The French documents of the actor benchmark (benchmarks/fr_actors_eval.jsonl), cut out of the
French press of feryah/gilets_jaunes, a git mirror named in ``DOSSIER_FR_MIRRORS``; the texts
stay in the mirror, the labels hold offsets.

The draw (``python benchmarks/bench_actors_french.py --draw``): the documents of the files in
:data:`FILES` (``<doc ...>`` in the Belgian, Swiss, Quebec files, ``<ARTICLE ...>`` in the France
press), ordered by sha1("fract|path|offset of the tag"); a document whose first 200 characters
were already drawn (the Belgian papers print the same wire stories) is passed over, as is one
under 600 characters; at most :data:`PER_FILE` a file, :data:`DRAWN` in all. Each gives its
first characters up to :data:`EXCERPT` (from the first letter after the tag, HTML entities
read), cut at the last sentence end or line break past 1,000 characters. The documents are
split alternately in draw order: the first, third ... are "tuning", the others "heldout".
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
from dataclasses import dataclass

REPO = "feryah/gilets_jaunes"
COMMIT = "69d104955e6dc1aea04d7aad796f70696878f495"
FILES = ["Francais/Belgique/DH.xml", "Francais/Belgique/LaLibre.xml",
         "Francais/Corpus/fr_CH_corpus.xml", "Francais/Corpus/fr_CA_corpus.xml",
         "Francais/Corpus/JDQ.xml", "Francais/France/Corpus/GJLHumaURL",
         "Francais/France/Corpus/GJLeFigURL", "Francais/France/Corpus/GJLePointURL"]
PER_FILE = 4
DRAWN = 30
EXCERPT = 1500
_TAG = re.compile(r"<(?:doc|ARTICLE)\b[^>]*>")


@dataclass(frozen=True)
class Document:
    id: str
    path: str
    start: int  # the excerpt's offsets in the file's text as decoded (before entities are read)
    end: int
    text: str  # the excerpt, HTML entities read


def mirror() -> str | None:
    """The git directory holding feryah/gilets_jaunes at :data:`COMMIT`, or None."""
    for git_dir in os.environ.get("DOSSIER_FR_MIRRORS", "").split(":"):
        if git_dir and subprocess.run(["git", "--git-dir", git_dir, "cat-file", "-e", COMMIT],
                                      capture_output=True, check=False).returncode == 0:
            return git_dir
    return None


def show(git_dir: str, path: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{COMMIT}:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _excerpt(raw: str, start: int, end: int) -> tuple[int, int]:
    body = raw[start:end]
    lead = re.search(r"\w", body)
    if lead is None:
        return start, start
    begin = start + lead.start()
    stop = min(end, begin + EXCERPT)
    piece = raw[begin:stop]
    if stop < end:
        cuts = [m.end() for m in re.finditer(r"[.!?»\"]\s|\n", piece) if m.end() > 1000]
        if cuts:
            stop = begin + cuts[-1]
    while stop > begin and raw[stop - 1].isspace():
        stop -= 1
    return begin, stop


def draw(git_dir: str) -> list[Document]:
    """The documents in draw order (see the module's docstring)."""
    texts = {path: show(git_dir, path) for path in FILES}
    order: list[tuple[str, str, int, int]] = []
    for path, raw in texts.items():
        tags = list(_TAG.finditer(raw))
        for index, tag in enumerate(tags):
            end = tags[index + 1].start() if index + 1 < len(tags) else len(raw)
            closing = raw.find("</", tag.end(), end)
            order.append((sha1(f"fract|{path}|{tag.start()}"), path, tag.end(),
                          closing if closing >= 0 else end))
    order.sort()
    seen: set[str] = set()
    taken: dict[str, int] = {}
    documents: list[Document] = []
    for _, path, start, end in order:
        if len(documents) >= DRAWN:
            break
        if taken.get(path, 0) >= PER_FILE:
            continue
        begin, stop = _excerpt(texts[path], start, end)
        text = html.unescape(texts[path][begin:stop])
        opening = re.sub(r"\s+", " ", text[:200])
        if len(text) < 600 or opening in seen:
            continue
        seen.add(opening)
        taken[path] = taken.get(path, 0) + 1
        name = path.rsplit("/", 1)[1]
        documents.append(Document(f"{name}-{begin}", path, begin, stop, text))
    return documents


def split_of(index: int) -> str:
    return "tuning" if index % 2 == 0 else "heldout"
