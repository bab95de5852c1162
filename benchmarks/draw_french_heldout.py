"""Draw a held-out part of the French statistics benchmark from feryah/gilets_jaunes's France press.

Run: ``.venv/bin/python benchmarks/draw_french_heldout.py SEED [--news 35] [--claim 25]`` with
``DOSSIER_FR_MIRRORS`` naming the mirror; prints one unlabelled item a line (``statistics`` empty,
to be labelled by hand) for ``benchmarks/fr_statistics_eval.jsonl``.

The method of heldout5 to heldout8 (:mod:`benchmarks.bench_extract_french`): the ``<ARTICLE``
documents of the three France press files (L'Humanité, Le Figaro, Le Point) from which no
labelled part (other than SEED's own) drew a sentence, ordered by sha1("SEED|path|offset of <ARTICLE"); each document's
text between tags cut into sentences by :func:`db.text.sentences`; from each document in turn
the least sha1("SEED|path|start") among its sentences of 20 to 500 characters holding a digit or
a number word (in lower case), no link, no markup, and not found in the files other parts used
(Quebec, Swiss, Belgian, Algerian, Le Point's second crawl). The first ``--news`` documents giving
one give a "news" sentence, the next ones a "news-claim" sentence (one also holding a claim or
bound word, as a whole word) until ``--claim``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.text import sentences  # noqa: E402

REPO = "feryah/gilets_jaunes"
COMMIT = "69d104955e6dc1aea04d7aad796f70696878f495"
PRESS = ["Francais/France/Corpus/GJLHumaURL", "Francais/France/Corpus/GJLeFigURL",
         "Francais/France/Corpus/GJLePointURL"]
#: files other parts drew from or that were read while tuning: a sentence found there is left out
OTHERS = ["Francais/Corpus/fr_CA_corpus.xml", "Francais/Corpus/fr_CA_corpus_contraste.xml",
          "Francais/Corpus/fr_CH_corpus.xml", "Francais/Corpus/fr_CH_corpus_contraste.xml",
          "Francais/Corpus/JDQ.xml", "Francais/Belgique/DH.xml", "Francais/Belgique/DH_CONTRAST.xml",
          "Francais/Belgique/LaLibre.xml", "Francais/Belgique/LaLibreContrast.xml",
          "Francais_DZ/gilets_jaunes.xml", "Francais_DZ/contrast_gilets.xml",
          "Francais/France/LePoint/GJLePointURL"]
NUMBER_WORDS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
                "soixante", "cent", "mille", "million", "milliard", "dizaine", "centaine", "tiers",
                "quart", "moitié")
CLAIM_WORDS = re.compile(
    r"\b(?:selon|d'après|d’après|environ|plus de|moins de|près de|au moins|quelque|a indiqué|indique|"
    r"affirme|estime|précise|annonce|déclare|souligne|explique|assure|chiffre|chiffres|a déclaré|"
    r"a précisé|a annoncé|a expliqué|a affirmé|a estimé|a assuré|a souligné|rapporte|recense|"
    r"dénombre|évalue)\b", re.IGNORECASE)
EVAL = ROOT / "benchmarks" / "fr_statistics_eval.jsonl"


def _show(path: str) -> str:
    for git_dir in os.environ.get("DOSSIER_FR_MIRRORS", "").split(":"):
        shown = subprocess.run(["git", "--git-dir", git_dir, "show", f"{COMMIT}:{path}"],
                               capture_output=True, check=False)
        if git_dir and shown.returncode == 0:
            return shown.stdout.decode("utf-8")
    raise SystemExit(f"{REPO} is not among DOSSIER_FR_MIRRORS")


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _candidates(text: str, start: int, end: int, others: str) -> list[tuple[int, int]]:
    found = []
    for piece in re.finditer(r"[^<>]+", text[start:end]):
        p_start = start + piece.start()
        for s, e in sentences(piece.group()):
            sentence = piece.group()[s:e]
            lower = sentence.lower()
            if not 20 <= len(sentence) <= 500 or "http" in lower or "www." in lower:
                continue
            if not (re.search(r"\d", sentence) or any(w in lower for w in NUMBER_WORDS)):
                continue
            if sentence in others:
                continue
            found.append((p_start + s, p_start + e))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed")
    parser.add_argument("--news", type=int, default=35)
    parser.add_argument("--claim", type=int, default=25)
    args = parser.parse_args()
    others = "\n".join(_show(p) for p in OTHERS)
    used = [item for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()
            if (item := json.loads(line))["split"] != args.seed]
    documents: list[tuple[str, str, int, int]] = []
    texts = {path: _show(path) for path in PRESS}
    for path, text in texts.items():
        starts = [m.start() for m in re.finditer("<ARTICLE", text)] + [len(text)]
        for d_start, d_end in itertools.pairwise(starts):
            if any(u.get("path") == path and d_start <= u["start"] < d_end for u in used):
                continue
            documents.append((_sha1(f"{args.seed}|{path}|{d_start}"), path, d_start, d_end))
    documents.sort()
    news = claim = 0
    for _, path, d_start, d_end in documents:
        if claim >= args.claim:
            break
        text = texts[path]
        found = _candidates(text, d_start, d_end, others)
        draw = "news" if news < args.news else "news-claim"
        if draw == "news-claim":
            found = [(s, e) for s, e in found if CLAIM_WORDS.search(text[s:e])]
        if not found:
            continue
        s, e = min(found, key=lambda span: _sha1(f"{args.seed}|{path}|{span[0]}"))
        news, claim = (news + 1, claim) if draw == "news" else (news, claim + 1)
        name = path.rsplit("/", 1)[1]
        print(json.dumps({"id": f"h{args.seed[-1]}-gilets_jaunes-{name}-{s}", "repo": REPO, "commit": COMMIT,
                          "path": path, "read": "text", "start": s, "end": e, "sha1": _sha1(text[s:e]),
                          "split": args.seed, "draw": draw, "published": None, "statistics": [],
                          "text": text[s:e]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
