"""The fragment of a bare-word hit worked out in Python (db.search_fragments) is the one FTS5's
snippet() cuts from the stemmed shadow, on real Russian and English news, and the snippets made
from it are the ones made from FTS5's: the same words, the same marks on the words as written."""

from __future__ import annotations

import csv
import re
from collections import Counter

from db.archive import Archive
from db.commands import NewSource, add_sources
from db.language.search_forms import _PIECE
from db.search import _sqlite_matches, _terms, hit_snippets
from db.search_fragments import fragment, plain_forms
from db.search_snippets import _STEMMED, SNIPPET_WORDS, from_shadow
from db.search_terms import SNIPPET_REACH
from tests.conftest import require_shared_data


def _news() -> list[NewSource]:
    shared = require_shared_data()
    russian = [p.read_text(encoding="utf-8") for p in sorted((shared / "ru" / "nerel" / "dev").glob("*_text.txt"))]
    with (shared / "corpus" / "ag_news_test.csv").open(encoding="utf-8") as handle:
        english = [(row[1], row[2]) for _, row in zip(range(400), csv.reader(handle), strict=False)]
    sources = [NewSource(text=text, title=text.splitlines()[0][:80], language="ru") for text in russian[:80]]
    # a few sentences a source, as the latency benchmark's; titles of their own (title-only hits)
    for n in range(0, 400, 4):
        body = " ".join(desc for _, desc in english[n:n + 4])
        sources.append(NewSource(text=body, title=english[n + 3][0], language="en"))
    return sources


def _fts5_fragments(archive: Archive, query: str) -> dict[int, tuple[tuple[int, list[str], list[int]], str, str, str | None]]:
    """FTS5's own fragment of each hit of ``query`` (first word, words, marks), with its shadow,
    text and language, read as db.search_snippets.from_shadow reads it."""
    with archive.session() as session:
        terms = _terms(session, query)
        stems, _ = _sqlite_matches(session, terms)
        raw = session.connection().connection.driver_connection
        ids = [r[0] for r in raw.execute("SELECT rowid FROM source_stem_fts WHERE source_stem_fts MATCH ?", (stems,))]
        rows = list(raw.execute(_STEMMED.format(ids=",".join(map(str, ids)) or "0"),
                                {"match": stems, "reach": SNIPPET_REACH}))
    found = {}
    for source_id, fts5, shadow, text, language in rows:
        tokens = fts5.split()
        plain = fts5.replace("(", "").replace(")", "").split()
        first = shadow.count(" ", 0, f" {shadow} ".find(f" {' '.join(plain)} ")) if plain else 0
        marked, inside = [], False
        for number, token in enumerate(tokens):
            inside = inside or token.startswith("(")
            if inside:
                marked.append(number)
            inside = inside and not token.endswith(")")
        found[source_id] = ((first, plain, marked), shadow, text, language)
    return found


def test_python_finds_the_fragments_fts5_cuts_and_makes_the_same_snippets(archive: Archive) -> None:
    sources = _news()
    with archive.session() as session:
        add_sources(session, sources)
    words = Counter(w.lower() for s in sources for w in re.findall(r"[^\W\d_]{4,}", s.text))
    common = [w for w, _ in words.most_common(400)]
    queries = [*common[::4], *(f"{a} {b}" for a, b in zip(common[1::9], common[3::9], strict=False)),
               "боевик боевики", "сообщил сообщили", "police police", "said"]
    compared = answered = 0
    for query in queries:
        with archive.session() as session:
            phrases = [form for forms in _terms(session, query).words for form in forms]
        assert plain_forms(phrases), query
        fts5 = _fts5_fragments(archive, query)
        with archive.session() as session:
            made = hit_snippets(session, query, list(fts5))
        assert set(made) == set(fts5)
        for source_id, (expected, shadow, text, language) in fts5.items():
            compared += 1
            ours = fragment(phrases, shadow, SNIPPET_REACH, SNIPPET_WORDS)
            if ours is not None:
                answered += 1
                assert ours == expected, (query, source_id)
            # whichever way it was made, the snippet is the one made from FTS5's fragment
            reference = from_shadow(*_fts5_text(expected), shadow, text, language, ("[", "]"))
            if reference is not None:
                assert made[source_id] == reference, (query, source_id)
    assert compared > 1000
    assert answered > 0.8 * compared  # most hits never ask FTS5 (many matches in a long text do)


def _fts5_text(expected: tuple[int, list[str], list[int]]) -> tuple[str]:
    """FTS5's fragment text with its marks again, as snippet() gives it."""
    _, words, marked = expected
    return (" ".join(f"({w})" if n in marked else w for n, w in enumerate(words)),)


def test_a_shadow_fts5_might_read_otherwise_is_left_to_fts5(archive: Archive) -> None:
    # a word FTS5 reads as a query form once it folds its diacritics away, a letter it might
    # fold by a table of its own, a form with letters it might split at: Python does not guess
    assert fragment(["cafe"], "le cafe du café", SNIPPET_REACH, 16) is None
    assert fragment(["born"], "nye børn", SNIPPET_REACH, 16) is None
    assert fragment(["cafe"], "un café au cafe", SNIPPET_REACH, 16) is None
    assert not plain_forms(["attaqué"])
    # an accented word that is no query form, words in other scripts: answered as FTS5 would
    assert fragment(["paris"], "le café de paris", SNIPPET_REACH, 16) == (0, ["le", "café", "de", "paris"], [3])
    assert fragment(["москв"], "в москв 東京 и القاهرة", SNIPPET_REACH, 16) == (
        0, ["в", "москв", "東京", "и", "القاهرة"], [1])
    assert fragment(["a"], "a  b", SNIPPET_REACH, 16) is None  # an empty form left two spaces
    assert fragment(["a"], "a b", 3, 16) is None  # a shadow cut at the reach
    with archive.session() as session:
        [source, *accented] = add_sources(session, [
            NewSource(text="Les militants ont attaqué plusieurs villages près de Kidal.", title="Mali",
                      language="fr"),
            *(NewSource(text=f"Protesters met at the Café Lumière near the bazaar in {place} on Friday; "
                             f"police and protesters clashed at the café later, résumé {place}.",
                        title="Report", language="en") for place in ("Tehran", "Paris", "Herat"))])
    answered = 0
    for query in ("protester", "cafe", "police", "tehran friday"):
        fts5 = _fts5_fragments(archive, query)
        with archive.session() as session:
            phrases = [form for forms in _terms(session, query).words for form in forms]
        assert set(fts5) >= ({accented[0]} if query.startswith("tehran") else set(accented))
        for expected, shadow, _, _ in fts5.values():
            ours = fragment(phrases, shadow, SNIPPET_REACH, SNIPPET_WORDS)
            assert ours is None or ours == expected
            answered += ours is not None
    assert answered == 7  # all but the three where "café" is the query's "cafe" to FTS5
    with archive.session() as session:
        made = hit_snippets(session, "attaque", [source])[source]
    assert made == "Les militants ont [attaqué] plusieurs villages près de Kidal."


def test_a_hit_in_the_title_alone_shows_the_first_words_of_the_text_unmarked(archive: Archive) -> None:
    words = " ".join(f"слово{n}" for n in range(40))
    with archive.session() as session:
        [source] = add_sources(session, [NewSource(text=words + ".", title="Боевики в горах", language="ru")])
    with archive.session() as session:
        made = hit_snippets(session, "боевик", [source])[source]
    assert made == " ".join(f"слово{n}" for n in range(16)) + "…"


def test_the_snippet_reach_stays_within_a_piece_of_the_shadow() -> None:
    # a text read whole for its snippet is short enough to have a form for each of its words
    assert SNIPPET_REACH <= _PIECE
