"""Names in Russian text found by Natasha's news NER model (slovnet with navec embeddings, numpy
only): persons, places and organisations as spans of the text, titles and sentence-opening words
already left out ("глава МВД Ингушетии Яхья Хадзиев" gives "МВД Ингушетии" and "Яхья Хадзиев").

The model and its embeddings take about 1 s and 60 MB to load, on first use; where Natasha is
not installed, :func:`spans` gives ``None`` and the capitalised-run rules of
:mod:`.inflected` are used instead.
"""

from __future__ import annotations

import functools
from typing import Any

#: Natasha's entity types and the kinds of actor they are
KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation"}


@functools.cache
def _tagger() -> tuple[Any, Any] | None:
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def available() -> bool:
    return _tagger() is not None


def spans(text: str) -> list[tuple[int, int, str]] | None:
    """(start, end, kind) of the names in ``text``; None where Natasha is not installed."""
    loaded = _tagger()
    if loaded is None:
        return None
    from natasha import Doc

    segmenter, tagger = loaded
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.start, span.stop, KINDS[span.type]) for span in doc.spans if span.type in KINDS]
