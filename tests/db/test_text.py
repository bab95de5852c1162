"""The one key names are compared by, and the one sentence finder."""

from __future__ import annotations

import pytest

from db.text import fold, sentence_around, sentences

TEXT = (
    "The war began in 2014. According to the UN monitoring mission, some 5,816 people had been "
    "killed in eastern Ukraine since April. Separatists said between 10 and 20 fighters died in 2015."
)


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sámi", "sami"),
        ("  Caucasus   Knot ", "caucasus knot"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Кавказский Узел", "кавказскии узел"),
        ("", ""),
    ],
)
def test_names_fold_to_one_key(name: str, key: str) -> None:
    assert fold(name) == key


def test_sentence_around_a_span() -> None:
    start, end = span("Separatists")
    s_start, s_end = sentence_around(TEXT, start, end)
    assert TEXT[s_start:s_end] == "Separatists said between 10 and 20 fighters died in 2015."


def test_a_span_across_sentences_gets_both() -> None:
    start, _ = span("began")
    _, end = span("According to")
    s_start, s_end = sentence_around(TEXT, start, end)
    assert TEXT[s_start:s_end].startswith("The war began")
    assert TEXT[s_start:s_end].endswith("since April.")


def test_sentences_keep_abbreviations_and_initials() -> None:
    text = "Gen. Smith met the U.S. envoy on Jan. 5. He said J. Doe left… Then\n\nA new paragraph"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Gen. Smith met the U.S. envoy on Jan. 5.",
        "He said J. Doe left…",
        "Then",
        "A new paragraph",
    ]
