"""The BRUK part of the Ukrainian statistics benchmark: which press texts are fresh (share no 40
letters and digits in a row with a ner-uk text, tokenized or not), the two disjoint halves, and
the sentences drawn from them."""

from __future__ import annotations

from pathlib import Path

from benchmarks._bruk import WINDOW, Press, draw, fresh_press, halves, letters

ARTICLE = ("Загалом на оздоровлення малечі з обласного бюджету мають витратити майже 47 мільйонів "
           "гривень. Погода була гарна.")


def press(tmp_path: Path, texts: dict[str, str]) -> Press:
    good = tmp_path / "data" / "good"
    good.mkdir(parents=True)
    for name, text in texts.items():
        (good / f"{name}.txt").write_text(text, encoding="utf-8")
    return Press(tmp_path)


def test_a_tokenized_copy_reads_as_the_same_letters() -> None:
    assert letters("Погода , кажуть , гарна .") == letters("Погода, кажуть, гарна.") == "погодакажутьгарна"


def test_a_text_sharing_a_window_with_a_ner_uk_text_is_left_out(tmp_path: Path) -> None:
    other = "Інший текст про вибори і 12 дільниць, зовсім не схожий на жоден."
    corpus = press(tmp_path, {"A_shared": ARTICLE, "A_fresh": other, "B_fiction": ARTICLE})
    tokenized = "Загалом на оздоровлення малечі з обласного бюджету мають витратити ."
    assert len(letters(tokenized)) > WINDOW
    assert corpus.stems == ["A_fresh", "A_shared"]  # press texts only
    assert fresh_press(corpus, [tokenized]) == ["A_fresh"]
    # fewer than 40 letters in a row in common leave it fresh
    assert fresh_press(corpus, [letters(ARTICLE)[:WINDOW - 1]]) == ["A_fresh", "A_shared"]


def test_the_halves_share_no_text_and_the_draw_is_the_same_each_time(tmp_path: Path) -> None:
    stems = [f"A_{i}" for i in range(10)]
    first, second = halves(stems)
    assert not set(first) & set(second)
    assert sorted(first + second) == stems
    assert halves(list(reversed(stems))) == (first, second)
    corpus = press(tmp_path, {"A_one": ARTICLE})
    drawn = draw(corpus, ["A_one"], "heldout9")
    assert drawn == draw(corpus, ["A_one"], "heldout9")
    assert [ARTICLE[start:end] for _, start, end in drawn] == [ARTICLE.split(" Погода")[0]]
