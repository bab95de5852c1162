"""Snippets made apart from the ranking, for the hits a caller shows: the ranked list alone
(ranked_hits), then the snippets of some of its hits (hit_snippets), marked on the words as
written in the text, also where the stemmed shadow is cut from FTS5's own snippet."""

from __future__ import annotations

from db.anchors import replace_source_text
from db.archive import Archive
from db.commands import NewSource, add_sources
from db.filters import SourceFilter
from db.search import hit_snippets, ranked_hits, ranked_ids, search_sources
from tests.factories import make_source

#: a Russian text of more words than a snippet shows, the hit in the middle
_FILLER = "Утром в селе прошло собрание жителей и старейшин района. " * 6


def test_the_ranked_list_comes_without_snippets_and_in_the_order_of_the_full_search(archive: Archive) -> None:
    with archive.session() as session:
        add_sources(session, [NewSource(text=f"Боевики атаковали пост номер {n}.", title=f"Пост {n}",
                                        language="ru") for n in range(30)])
        add_sources(session, [NewSource(text="Тихий день.", title="Боевики", language="ru")])
    with archive.session() as session:
        full = search_sources(session, "боевик", limit=20)
        ranked = ranked_hits(session, "боевик", limit=20)
    assert [h.source_id for h in ranked] == [h.source_id for h in full]
    assert full[0].title == "Боевики"  # a title hit first
    assert all(h.snippet == "" for h in ranked)
    assert all(h.snippet for h in full)


def test_snippets_for_some_hits_only_mark_the_inflected_words_as_written(archive: Archive) -> None:
    first = make_source(archive, _FILLER + "В горах уничтожены трое боевиков. " + _FILLER, language="ru")
    second = make_source(archive, "Боевики напали на пост полиции.", language="ru")
    with archive.session() as session:
        made = hit_snippets(session, "боевик уничтожен", [first])
    assert list(made) == [first]  # only the hits asked for
    snippet = made[first]
    assert "[уничтожены] трое [боевиков]" in snippet
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert len(snippet.split()) <= 17
    with archive.session() as session:
        assert hit_snippets(session, "боевик", [second]) == {second: "[Боевики] напали на пост полиции."}


def test_a_source_that_no_longer_matches_has_no_snippet(archive: Archive) -> None:
    source = make_source(archive, "Боевики напали на пост.", language="ru")
    with archive.session() as session:
        replace_source_text(session, source, "Тихий день в горах.")
    with archive.session() as session:
        assert hit_snippets(session, "боевик", [source]) == {}


def test_words_with_phrases_mark_both_and_phrases_alone_keep_fts5_snippets(archive: Archive) -> None:
    source = make_source(archive, _FILLER + "Трое боевиков убиты в Дагестане вчера. " + _FILLER, language="ru")
    with archive.session() as session:
        mixed = hit_snippets(session, 'боевик "в Дагестане"', [source])[source]
        phrase = hit_snippets(session, '"боевиков убиты"', [source])[source]
        prefix = hit_snippets(session, "дагест*", [source])[source]
    assert "[боевиков]" in mixed
    assert "[Дагестане]" in mixed
    assert "[боевиков убиты]" in phrase  # FTS5 marks a phrase as one
    assert "[Дагестане]" in prefix


def test_a_text_whose_lower_case_changes_length_is_still_marked_on_its_word(archive: Archive) -> None:
    # "İ" lower-cases to two characters: the shadow's words and the text's offsets differ there
    source = make_source(archive, "İzmir İstanbul Ankara: police detained three militants overnight.",
                         language="en")
    with archive.session() as session:
        [hit] = search_sources(session, "militant")
    assert hit.source_id == source
    assert "three [militants] overnight." in hit.snippet


def test_the_ranked_ids_and_the_hits_with_titles_come_in_the_same_order_among_equals(archive: Archive) -> None:
    # the titles are read for the best rows once they are ranked: equal scores keep their order
    with archive.session() as session:
        add_sources(session, [NewSource(text=f"Боевики атаковали пост номер {n}.", title="Сводка",
                                        language="ru") for n in range(40)])
    with archive.session() as session:
        ids = ranked_ids(session, "боевик", limit=25)
        hits = ranked_hits(session, "боевик", limit=25)
    assert [h.source_id for h in hits] == ids
    assert len(ids) == 25
    assert all(h.title == "Сводка" for h in hits)


def test_a_narrowed_search_gives_its_hits_their_marked_snippets(archive: Archive) -> None:
    make_source(archive, "Боевики атаковали пост.", language="ru", outlet="Кавказский узел")
    kept = make_source(archive, "Трое боевиков задержаны в Назрани.", language="ru", outlet="Интерфакс")
    with archive.session() as session:
        [hit] = search_sources(session, "боевик", where=SourceFilter(text="Интерфакс"))
    assert (hit.source_id, hit.snippet) == (kept, "Трое [боевиков] задержаны в Назрани.")
