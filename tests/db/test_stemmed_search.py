"""Search that understands inflection and ё/е (migration 0013): bare words match every form of a
word in the source's language, phrases and prefixes stay exact, snippets mark the words as
written, and an archive upgraded from before 0013 is searchable while its index is built."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import archive as archive_module
from db.archive import Archive
from db.commands import update_source
from db.search import check_index, search_sources
from db.search_index import build_stem_index, pending_count, stem_index_ready
from tests.factories import make_old_archive, make_source


def _ids(archive: Archive, query: str) -> list[int]:
    with archive.session() as session:
        return sorted(hit.source_id for hit in search_sources(session, query))


def test_a_russian_word_finds_its_inflected_forms_and_the_snippet_marks_them(archive: Archive) -> None:
    plural = make_source(archive, "В горах уничтожены трое боевиков.", language="ru")
    nominative = make_source(archive, "Боевики напали на пост полиции.", language="ru")
    other = make_source(archive, "Полицейские задержали подозреваемого.", language="ru")
    assert _ids(archive, "боевик") == sorted([plural, nominative])
    assert _ids(archive, "боевиками") == sorted([plural, nominative])
    assert _ids(archive, "полиция") == [nominative]
    with archive.session() as session:
        [hit] = search_sources(session, "уничтожен боевик")
    assert hit.source_id == plural
    assert hit.snippet == "В горах [уничтожены] трое [боевиков]."
    assert other not in _ids(archive, "боевик")


def test_a_russian_word_whose_stem_alternates_finds_every_form(archive: Archive) -> None:
    """A fleeting vowel ("боец" / "бойцы", "городок" / "городками") gives two stems no stemmer
    joins: the query's other forms, from the dictionary, are searched too."""
    fighter = make_source(archive, "Погиб боец отряда.", language="ru")
    fighters = make_source(archive, "Бойцы отряда вернулись.", language="ru")
    town = make_source(archive, "Небольшой городок в горах.", language="ru")
    make_source(archive, "Полицейские задержали подозреваемого.", language="ru")
    assert _ids(archive, "бойцами") == sorted([fighter, fighters])
    assert _ids(archive, "боец") == sorted([fighter, fighters])
    assert _ids(archive, "городками") == [town]
    with archive.session() as session:
        [hit] = search_sources(session, "боец погиб")
    assert hit.snippet == "[Погиб] [боец] отряда."


def test_yo_and_ye_find_the_same_sources(archive: Archive) -> None:
    with_yo = make_source(archive, "Ещё двое погибли в Назрани.", language="ru")
    with_ye = make_source(archive, "Еще двое ранены в Назрани.", language="ru")
    assert _ids(archive, "ещё") == sorted([with_yo, with_ye])
    assert _ids(archive, "еще") == sorted([with_yo, with_ye])


def test_english_and_other_snowball_languages_are_stemmed_too(archive: Archive) -> None:
    english = make_source(archive, "Two checkpoints were attacked overnight.", language="en")
    french = make_source(archive, "Les militants ont attaqué plusieurs villages.", language="fr")
    assert _ids(archive, "checkpoint attack") == [english]
    assert _ids(archive, "attaque village") == [french]


def test_phrases_and_prefixes_match_the_words_as_written(archive: Archive) -> None:
    exact = make_source(archive, "Трое боевиков убиты в Дагестане.", language="ru")
    inflected = make_source(archive, "Боевик убит в Дагестане.", language="ru")
    assert _ids(archive, '"боевиков убиты"') == [exact]
    assert _ids(archive, "боевик*") == sorted([exact, inflected])
    assert _ids(archive, 'дагестан "боевик убит"') == [inflected]
    assert _ids(archive, "дагестан -боевиков") == []  # excluding a word excludes its forms
    assert _ids(archive, 'дагестан -"боевиков"') == [inflected]


def test_a_language_without_a_stemmer_is_searchable_as_written(archive: Archive) -> None:
    georgian = make_source(archive, "თბილისში საპროტესტო აქცია გაიმართა.", language="ka")
    chinese = make_source(archive, "北京 发生 抗议", language="zh")
    unknown = make_source(archive, "Qualche parola in una lingua non dichiarata.")
    assert _ids(archive, "თბილისში") == [georgian]
    assert _ids(archive, "北京") == [chinese]
    assert _ids(archive, "parola") == [unknown]


def test_a_mixed_text_keeps_the_words_of_its_other_language(archive: Archive) -> None:
    mixed = make_source(archive, "Агентство Reuters сообщило о новых attacks на блокпосты.",
                        language="ru")
    assert _ids(archive, "attack") == [mixed]
    assert _ids(archive, "reuters блокпост") == [mixed]


def test_edits_and_language_changes_reindex_the_source(archive: Archive) -> None:
    source = make_source(archive, "Militants attacked.", language="en")
    with archive.session() as session:
        update_source(session, source, title="Нападение боевиков")
    assert _ids(archive, "нападения") == [source]
    with archive.session() as session:
        update_source(session, source, language="ru")
    with archive.session() as session:
        assert stem_index_ready(session)
        assert check_index(session)
    assert _ids(archive, "боевик") == [source]


def test_a_write_by_another_program_waits_in_the_queue_and_search_still_finds_it(
        archive: Archive, archive_path: Path) -> None:
    make_source(archive, "Первый текст.", language="ru")
    other = sqlite3.connect(archive_path)
    other.execute("INSERT INTO sources (uuid, title, kind, text, language) VALUES "
                  "('ext-1', 'Заметка', 'article', 'Боевики ушли в горы.', 'ru')")
    other.commit()
    other.close()
    with archive.session() as session:
        assert pending_count(session) == 1
    # Until it is stemmed, bare words search the words as written.
    assert len(_ids(archive, "боевики")) == 1
    assert _ids(archive, "боевик") == []
    assert build_stem_index(archive.sessions) == 1
    assert len(_ids(archive, "боевик")) == 1


def test_an_older_archive_is_indexed_with_progress_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make_old_archive(path, "0003", ((f"Сводка {n}", f"Задержаны {n} боевиков.", "ru" if n % 2 else None)
                                    for n in range(1203)))
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            assert pending_count(session) == 1203
            assert len(search_sources(session, "боевиков", limit=2000)) == 1203  # exact, meanwhile
        steps: list[tuple[int, int]] = []
        assert build_stem_index(opened.sessions, lambda d, t, _: steps.append((d, t))) == 1203
        assert steps[-1] == (1203, 1203)
        assert len(steps) == 3
        with opened.session() as session:
            assert stem_index_ready(session)
            assert check_index(session)
            assert len(search_sources(session, "боевик", limit=2000)) == 1203
    finally:
        opened.close()


def test_building_stops_when_cancelled_and_keeps_what_it_did(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make_old_archive(path, "0003", (("T", "Слово.", None) for _ in range(1200)))
    opened = archive_module.open(path)
    try:
        calls = iter([False, True])
        done = build_stem_index(opened.sessions, cancelled=lambda: next(calls))
        assert done == 500
        with opened.session() as session:
            assert pending_count(session) == 700
            assert session.execute(text("SELECT count(*) FROM source_stems")).scalar() == 500
    finally:
        opened.close()


@pytest.mark.postgres
def test_postgresql_stems_by_the_language_of_each_source(postgres_url: str) -> None:
    import uuid

    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:10]
    try:
        russian = make_source(opened, f"Ещё трое боевиков уничтожены {tag}.", language="ru")
        english = make_source(opened, f"Two checkpoints were attacked {tag}.", language="en")
        georgian = make_source(opened, f"თბილისში აქცია {tag}.", language="ka")
        assert _ids(opened, f"боевик {tag}") == [russian]
        assert _ids(opened, f"еще {tag}") == [russian]
        assert _ids(opened, f"checkpoint attack {tag}") == [english]
        assert _ids(opened, f"თბილისში {tag}") == [georgian]
        with opened.session() as session:
            [hit] = search_sources(session, f"боевик {tag}")
        assert "[боевиков]" in hit.snippet
    finally:
        opened.close()


def test_what_search_knows_of_the_archive_follows_every_write(archive: Archive, archive_path: Path) -> None:
    # the archive's languages and whether its stemmed index is ready are read once and kept
    # until the archive changes: by this program, by another, or by a write rolled back
    first = make_source(archive, "Боевики ушли в горы.", language="ru")
    assert _ids(archive, "боевик") == [first]
    other = sqlite3.connect(archive_path)
    other.execute("INSERT INTO sources (uuid, title, kind, text, language) VALUES "
                  "('ext-1', 'Заметка', 'article', 'Боевик задержан.', 'ru')")
    other.commit()
    other.close()
    # not stemmed yet: bare words search the words as written, the other program's too
    assert _ids(archive, "боевик") == [first + 1]
    assert build_stem_index(archive.sessions) == 1
    assert len(_ids(archive, "боевики")) == 2
    # a language new to the archive: a query word is read in it from the next search on
    ukrainian = make_source(archive, "Бойовики обстріляли села.", language="uk")
    assert _ids(archive, "бойовиків") == [ukrainian]
    with archive.sessions() as session:
        session.execute(text("INSERT INTO sources (uuid, title, kind, text, language) VALUES "
                             "('in-1', 'Сводка', 'article', 'Боевиков нет.', 'ru')"))
        # written, not yet stemmed: this transaction searches the words as written, keeps nothing
        assert [h.source_id for h in search_sources(session, "боевики")] == [first]
        session.rollback()
    assert len(_ids(archive, "боевик")) == 2


def test_arabic_finds_a_word_with_or_without_its_vowel_marks_and_spelling_variants(archive: Archive) -> None:
    """Vowel marks (harakat), the elongation stroke, alef with hamza and alef maqsura are optional
    or written either way in Arabic news; Arabic-Indic digits are digits."""
    voweled = make_source(archive, "قُتِلَ ٢٤ مسلحاً في داغستان.", language="ar")
    plain = make_source(archive, "قتل 3 من عناصر الشرطة في المستشفى.", language="ar")
    make_source(archive, "وصل الوفد إلى موسكو.", language="ar")
    assert _ids(archive, "قتل") == sorted([voweled, plain])
    assert _ids(archive, "قُتل") == sorted([voweled, plain])
    assert _ids(archive, "مسلحا") == [voweled]
    assert _ids(archive, "للشرطة") == [plain]
    assert _ids(archive, "المستشفي") == [plain]  # alef maqsura typed as ya
    assert _ids(archive, "ـقتـل") == sorted([voweled, plain])  # tatweel
    assert _ids(archive, "24") == [voweled]
    assert _ids(archive, "٣") == [plain]
    with archive.session() as session:
        [hit] = search_sources(session, "مسلحا داغستان")
    assert hit.snippet == "قُتِلَ ٢٤ [مسلحاً] في [داغستان]."


def test_hebrew_points_are_optional(archive: Archive) -> None:
    pointed = make_source(archive, "שָׁלוֹם לְכֻלָּם", language="he")
    assert _ids(archive, "שלום") == [pointed]


def test_an_archive_with_arabic_sources_is_indexed_again_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make_old_archive(path, "0020", [("خبر", "قُتِلَ مسلحاً", "ar"), ("News", "Three were killed.", "en"),
                                    ("خبر", "قُتِلَ شخصاً في الهجوم", None)])
    with sqlite3.connect(path) as connection:  # indexed as before: the marks cut the words
        connection.execute("INSERT INTO source_stems(source_id, body) SELECT id, 'ق تل مسلح' FROM sources")
        connection.execute("DELETE FROM source_stems_pending")
    opened = archive_module.open(path)
    try:
        with opened.session() as session:
            assert pending_count(session) == 2  # the Arabic ones; the English one stays as it was
        build_stem_index(opened.sessions)
        with opened.session() as session:
            assert len(search_sources(session, "قتل")) == 2
    finally:
        opened.close()


def test_postgresql_reads_arabic_without_its_vowel_marks(postgres_url: str) -> None:
    import uuid

    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:10]
    try:
        voweled = make_source(opened, f"قُتِلَ ٢٤ مسلحاً في داغستان {tag}.", language="ar")
        plain = make_source(opened, f"قتل ثلاثة في المستشفى {tag}.", language="ar")
        assert _ids(opened, f"قتل {tag}") == sorted([voweled, plain])
        assert _ids(opened, f"قُتل {tag}") == sorted([voweled, plain])
        assert _ids(opened, f"24 {tag}") == [voweled]
        assert _ids(opened, f"المستشفي {tag}") == [plain]
    finally:
        opened.close()


def test_a_hindi_word_is_found_whole_not_by_its_pieces(archive: Archive) -> None:
    """Devanagari writes vowels as marks, at which both indexes cut a word ("लोग": "ल", "ग"):
    its pieces are searched side by side, not each anywhere in a text."""
    people = make_source(archive, "पुलिस ने कहा कि हमले में 12 लोग मारे गए।", language="hi")
    other = make_source(archive, "वह किताब ले आया और बोले कि हम कल फिर जाएंगे।", language="hi")
    assert _ids(archive, "लोग") == [people]
    assert _ids(archive, "लोग मारे") == [people]
    assert _ids(archive, "बोले") == [other]
    assert _ids(archive, "-लोग किताब") == [other]
    with archive.session() as session:
        [hit] = search_sources(session, "लोग")
    assert "[लोग]" in hit.snippet
