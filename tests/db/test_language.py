"""Languages: the registry, codes as files declare them, detection at import, search forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.archive import Archive
from db.dates import PartialDate
from db.importer import import_paths
from db.language import all_languages, detect, language, normalise_code
from db.language.detect import detect_language
from db.language.search_forms import index_text, query_forms
from db.queries import source_rows


@pytest.mark.parametrize(("declared", "code"), [
    ("ru", "ru"), ("ru-RU", "ru"), ("RUS", "ru"), ("en_GB", "en"), ("uk", "uk"), ("", None),
    ("not a code", None), (None, None)])
def test_declared_languages_are_read_as_iso_codes(declared: str | None, code: str | None) -> None:
    assert normalise_code(declared) == code


def test_every_language_has_a_name_a_script_and_a_unique_code() -> None:
    codes = [lang.code for lang in all_languages()]
    assert len(codes) == len(set(codes))
    assert {"ru", "uk", "en", "fr", "de", "es", "ar"} <= set(codes)
    russian = language("ru")
    assert russian is not None
    assert russian.stems
    assert russian.label() == "Russian (ru)"
    georgian = language("ka")
    assert georgian is not None
    assert not georgian.stems


def test_detection_tells_russian_ukrainian_english_and_refuses_too_little() -> None:
    assert detect_language("Боевики напали на пост полиции в Назрани, сообщили в МВД.") == "ru"
    assert detect_language("Бойовики напали на пост поліції, повідомили у Міністерстві.") == "uk"
    assert detect_language("Militants attacked a police post in Nazran, officials said.") == "en"
    assert detect_language("Des militants ont attaqué un poste de police à Nazran.") == "fr"
    assert detect_language("Назрань") is None
    assert detect_language("12 345 678") is None


def test_search_forms_fold_yo_and_reduce_each_script_by_its_language() -> None:
    assert index_text("Ещё БОЕВИКОВ", "ru") == index_text("еще боевик", "ru") == "ещ боевик"
    # a Latin word in a Russian text is stemmed as English; digits stay as they are
    assert index_text("атаки attacks 2015", "ru") == "атак attack 2015"
    # Ukrainian has no Snowball stemmer: its words are reduced to their dictionary forms
    assert index_text("бойовиків", "uk") == "бойовик"
    # a language without a stemmer keeps its words
    assert index_text("თბილისში", "ka") == "თბილისში"
    assert query_forms("боевиков", {"ru"}) == ["боевиков", "боевик"]
    # words are letters and digits: "_" and punctuation part them, as SQLite's tokenizer does
    assert index_text("file_name_2015 U.S.-led «атаки»", "ru") == "file name 2015 u s led атак"



def test_a_query_word_finds_every_equally_likely_reading_of_it() -> None:
    # the Ukrainian dictionary gives no frequencies: "війни" reads first as the verb "війнути"
    # (imperative), as likely as the noun "війна" whose genitive it is; a text saying "війна"
    # is found by "війни", as one saying "війни" is by "війна"
    assert index_text("війна", "uk") in query_forms("війни", {"uk"})
    assert index_text("війни", "uk") in query_forms("війна", {"uk"})


SAYINGS = {
    "ru": "Боевики напали на пост полиции в Назрани, сообщили в МВД.",
    "uk": "Бойовики напали на пост поліції, повідомили у Міністерстві.",
    "en": "Militants attacked a police post in Nazran, officials said.",
}


def _fresh_detector(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(cache))
    monkeypatch.setattr(detect, "_MODEL", [])


def test_the_model_is_kept_unpacked_in_the_cache_folder_and_read_from_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "py3langid-0.3.0-model.npz").write_bytes(b"the zipped copy of an older version")
    _fresh_detector(monkeypatch, tmp_path)
    assert {code: detect_language(text) for code, text in SAYINGS.items()} == {c: c for c in SAYINGS}
    [kept] = tmp_path.glob("py3langid-*")
    assert kept.is_dir()
    assert sorted(p.name for p in kept.iterdir()) == sorted(f"{n}.npy" for n in detect._ARRAYS)
    assert not list(tmp_path.glob("*.npz"))
    assert not list(tmp_path.glob("*.part"))
    _fresh_detector(monkeypatch, tmp_path)  # the next session reads the copy
    assert {code: detect_language(text) for code, text in SAYINGS.items()} == {c: c for c in SAYINGS}
    # limited to the languages Dossier knows: no guess it could not name
    assert {"ru", "uk", "en"} <= set(detect._MODEL[0].nb_classes) <= {lang.code for lang in all_languages()}


def test_the_walk_over_all_bytes_at_once_tells_the_same_language_as_py3langids_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_detector(monkeypatch, tmp_path)
    detector = detect._identifier()
    assert detector.depth == 6  # the deepest n-gram of the model: bytes a state depends on
    shared = Path(__file__).resolve().parents[3] / "shared" / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "ru" / "nerel" / "test").glob("*_text.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(shared.rglob("*.md"))[:100]]
    samples = [text[start:start + size] for text in texts for start in (0, 500)
               for size in (15, 80, 300)]
    samples += ["ЗАГЛАВНЫЕ БУКВЫ ЗАГОЛОВКА СТАТЬИ", "ملخص الأخبار اليوم في بغداد", "Γειά σου κόσμε",
                "Ｆｕｌｌ ｗｉｄｔｈ ﬁ ligature", "\ud800 a lone surrogate half", "???? !!!! ....."]
    assert len(samples) > 300
    got = [detector.classify(sample) for sample in samples]
    assert got == [detector.identifier.classify(sample)[0] for sample in samples]
    assert {"ru", "en"} <= set(got)


def test_texts_detected_together_get_each_the_language_py3langid_tells_it_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import detects a batch at once: the walk must never run from one text into the next
    (texts shorter than the model's deepest n-gram, empty ones, among long ones)."""
    _fresh_detector(monkeypatch, tmp_path)
    detector = detect._identifier()
    shared = Path(__file__).resolve().parents[3] / "shared" / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "ru" / "nerel" / "test").glob("*_text.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(shared.rglob("*.md"))[:100]]
    samples = [text[start:start + size] for text in texts for start in (0, 500) for size in (1, 4, 80, 300)]
    samples += ["", "я", "ЗАГЛАВНЫЕ БУКВЫ ЗАГОЛОВКА СТАТЬИ", "ملخص الأخبار اليوم في بغداد", "Γειά σου κόσμε"]
    assert len(samples) > 300
    alone = [str(detector.identifier.classify(sample)[0]) for sample in samples]
    assert detector.classify_many(samples) == alone
    assert detector.classify_many(samples[::-1]) == alone[::-1]
    assert detect.detect_languages(samples) == [detect_language(sample) for sample in samples]
    assert {"ru", "en"} <= set(alone)


def test_an_unpacked_copy_of_an_older_layout_is_made_again_and_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = tmp_path / "py3langid-0.4.0-350052f237d2"  # the layout without the automaton's depth
    older.mkdir()
    (older / "ptc.npy").write_bytes(b"an older copy")
    _fresh_detector(monkeypatch, tmp_path)
    assert {code: detect_language(text) for code, text in SAYINGS.items()} == {c: c for c in SAYINGS}
    [kept] = tmp_path.glob("py3langid-*")
    assert kept != older
    assert detect._MODEL[0].depth == 6


def test_a_damaged_copy_of_the_model_falls_back_to_the_packed_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_detector(monkeypatch, tmp_path)
    detect_language(SAYINGS["en"])
    [kept] = tmp_path.glob("py3langid-*")
    (kept / "nextmove.npy").write_bytes(b"\x93NUMPY cut short")
    _fresh_detector(monkeypatch, tmp_path)
    assert {code: detect_language(text) for code, text in SAYINGS.items()} == {c: c for c in SAYINGS}


def test_import_detects_the_language_a_file_does_not_declare(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text("Сводка\n\nВ Дагестане задержаны трое подозреваемых, "
                                     "сообщили в МВД республики.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Report\n\nThree suspects were detained in Dagestan, "
                                     "the ministry said.\n", encoding="utf-8")
    (tmp_path / "declared.md").write_text("---\nlang: uk-UA\n---\nThree suspects were detained.\n",
                                          encoding="utf-8")
    (tmp_path / "short.txt").write_text("42\n", encoding="utf-8")
    results = import_paths(archive, [tmp_path], workers=0)
    ids = {Path(r.path).name: r.source_id for r in results}
    with archive.session() as session:
        rows = {row.id: row.language for row in source_rows(session, [i for i in ids.values() if i])}
    assert rows[ids["ru.txt"]] == "ru"
    assert rows[ids["en.txt"]] == "en"
    assert rows[ids["declared.md"]] == "uk"  # what the file says wins
    assert rows[ids["short.txt"]] is None


def test_a_date_that_reads_either_way_is_read_as_the_texts_language_writes_it(
        archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(
        "Un appel à manifester à Bourges\n08/01/2019\n\nLes gilets jaunes appellent à manifester "
        "samedi à Bourges, selon plusieurs groupes sur Facebook.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "A call to protest in Bourges\n08/01/2019\n\nThe yellow vests are calling for a protest "
        "in Bourges on Saturday, according to several groups on Facebook.\n", encoding="utf-8")
    (tmp_path / "dotted.txt").write_text(
        "A call to protest in Bourges\n08.01.2019\n\nThe yellow vests are calling for a protest "
        "in Bourges on Saturday, according to several groups on Facebook.\n", encoding="utf-8")
    results = import_paths(archive, [tmp_path], workers=0)
    ids = {Path(r.path).name: r.source_id for r in results}
    with archive.session() as session:
        rows = {row.id: row for row in source_rows(session, [i for i in ids.values() if i])}
    assert [rows[ids[name]].language for name in ("fr.txt", "en.txt")] == ["fr", "en"]
    assert rows[ids["fr.txt"]].published == PartialDate(2019, 1, 8)  # day first in French
    assert rows[ids["en.txt"]].published == PartialDate(2019, 8, 1)  # month first in English
    assert rows[ids["dotted.txt"]].published == PartialDate(2019, 1, 8)  # dots: day first
    warned = {Path(r.path).name for r in results if r.warnings}
    assert warned == {"fr.txt", "en.txt"}


def test_a_text_with_more_distinct_words_than_the_cache_holds_is_stemmed() -> None:
    """Found by the 200 MB import of issue 21: the cache emptied mid-call lost words of that call."""
    from db.language import search_forms
    from db.language.search_forms import index_pieces

    pieces = [" ".join(f"w{n}x{k}" for n in range(60_000)) + " the shelling" for k in range(6)]
    forms = index_pieces(pieces, "en")
    assert forms.count("shell") == 6
    assert len(search_forms._forms_for("en").cache) <= search_forms._CACHE_LIMIT + 60_002


def test_a_text_is_split_into_the_words_sqlite_indexes() -> None:
    """The search forms are written word for word in the text's order (snippets are cut by
    their places): the fast split by tables must give every word SQLite's tokenizer reads."""
    import csv
    import sqlite3

    from db.language.search_forms import _words, fold_word

    shared = Path(__file__).resolve().parents[3] / "shared" / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "ru" / "nerel").glob("*/*_text.txt"))]
    with (shared / "corpus" / "ag_news_test.csv").open(encoding="utf-8") as handle:
        texts += [f"{row[1]} {row[2]}" for _, row in zip(range(1000), csv.reader(handle), strict=False)]
    texts += ["snake_case и ёлка—№5 «кавычки» 2015-м", "café naïve Ærø", "Київ, їжак і ґанок 😀 ok",
              "Ελληνικά και русский", "tab\tand\x1fcontrol\u2028lines", "М4 и 1,5 млн", "", "___"]
    folded = [fold_word(t) for t in texts]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    db.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", enumerate(folded))
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    indexed: list[list[str]] = [[] for _ in texts]
    for term, doc in db.execute("SELECT term, doc FROM v ORDER BY doc, offset"):
        indexed[doc].append(term)
    assert [_words(f) for f in folded] == indexed
    assert _words(fold_word("ёлка—№5 café")) == ["елка", "5", "café"]
