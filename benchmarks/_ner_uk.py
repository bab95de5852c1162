"""Ukrainian texts with gold entity spans: lang-uk/ner-uk (v2.0, CC BY-NC-SA 4.0), read from a
copy of that public repository, never copied into this one.

    --ner-uk PATH   or   DOSSIER_NER_UK=PATH

PATH is a clone of https://github.com/lang-uk/ner-uk (a checked-out folder or a bare git
directory). Version 2.0 holds 560 texts: ``ng`` (articles of the investigative outlet «Наші
гроші», as written) and ``bruk`` (the Brown corpus of Ukrainian: news, essays, fiction, its
texts tokenized, a space before every punctuation mark), each a ``.txt`` with a brat ``.ann``
of entity spans (PERS, ORG, LOC, DATE, MON, QUANT, PCT, JOB ...; offsets into the text as
stored). ``dev-test-split.txt`` splits them into DEV (391) and TEST (169): benchmarks tune on
DEV and hold TEST out. Version 1.0's texts (``v1.0/data``, as written, named by source and title)
are mostly the same documents as v2.0's ``bruk``; 42 of them are in no v2.0 text (collection
``v1.0``, read by :meth:`Corpus.text` only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from benchmarks._copies import RepositoryCopy

DATA = "v2.0/data"
#: where each collection's texts are: v2.0's two, and version 1.0's texts (``stem`` its file's name)
FOLDERS = {"ng": f"{DATA}/ng", "bruk": f"{DATA}/bruk", "v1.0": "v1.0/data"}
HOW = ("the Ukrainian benchmark needs a copy of lang-uk/ner-uk: "
       "git clone https://github.com/lang-uk/ner-uk PATH, then --ner-uk PATH or DOSSIER_NER_UK=PATH")


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    kind: str
    text: str


@dataclass
class Document:
    id: str  # the file's stem, as in dev-test-split.txt
    collection: str  # "ng" or "bruk"
    split: str  # "dev" or "test"
    text: str
    entities: list[Entity] = field(default_factory=list)


class Corpus(RepositoryCopy):
    """The texts of one copy of ner-uk, read through git (bare or checked out) or the file system."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(path, "DOSSIER_NER_UK", HOW, DATA)

    def _read(self, name: str) -> str:
        return self.read(name)

    def _names(self, folder: str) -> list[str]:
        return self.names(folder)

    def text(self, collection: str, stem: str) -> str:
        """One text as stored (``collection`` "ng", "bruk" or "v1.0", ``stem`` its id or name)."""
        return self._read(f"{FOLDERS[collection]}/{stem}.txt")

    @cached_property
    def splits(self) -> dict[str, str]:
        """Each text's id -> "dev" or "test"."""
        splits: dict[str, str] = {}
        current = ""
        for line in self._read(f"{DATA}/dev-test-split.txt").splitlines():
            word = line.strip()
            if word in ("DEV", "TEST"):
                current = word.lower()
            elif word and current:
                splits[word] = current
        return splits

    def documents(self, split: str | None = None, collection: str | None = None) -> list[Document]:
        """The texts with their entities, in a fixed order (collection, then id)."""
        documents = []
        for name in ("ng", "bruk"):
            if collection not in (None, name):
                continue
            folder = f"{DATA}/{name}"
            for stem in sorted({n.rsplit(".", 1)[0] for n in self._names(folder) if n.endswith(".txt")}):
                where = self.splits.get(stem)
                if where is None or split not in (None, where):
                    continue
                text = self.text(name, stem)
                # the .ann's own copy of a span stops at a line break (49 spans): the text's is kept
                entities = [Entity(e.start, e.end, e.kind, text[e.start:e.end])
                            for e in _entities(self._read(f"{folder}/{stem}.ann"))]
                documents.append(Document(stem, name, where, text, entities))
        return documents


def _entities(ann: str) -> list[Entity]:
    """The text-bound spans of a brat file: "T1<TAB>PERS 0 17<TAB>text" as brat writes it, or
    "T1<TAB>PERS<TAB>0<TAB>17<TAB>text" as ner-uk v2.0 does; discontinuous spans ("0 5;9 17")
    are taken from their first start to their last end."""
    entities = []
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) >= 5 and fields[2].isdigit():  # every part tab-separated
            kind, offsets, text = fields[1], f"{fields[2]} {fields[3]}", "\t".join(fields[4:])
        elif len(fields) >= 3:
            kind, _, offsets = fields[1].partition(" ")
            text = fields[2]
        else:
            continue
        numbers = [int(n) for n in offsets.replace(";", " ").split() if n.isdigit()]
        if numbers:
            entities.append(Entity(numbers[0], numbers[-1], kind, text))
    return entities
