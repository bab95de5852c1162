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


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_sentences_of_scripts_without_capitals() -> None:
    # Arabic, Hebrew, Hindi, Georgian have no capital to start a sentence with
    assert split("قُتل 12 شخصاً في الهجوم. وقالت الشرطة إن 5 آخرين أصيبوا؟ لا تعليق.") == [
        "قُتل 12 شخصاً في الهجوم.", "وقالت الشرطة إن 5 آخرين أصيبوا؟", "لا تعليق."]
    assert split("נהרגו 3 אנשים. המשטרה חוקרת.") == ["נהרגו 3 אנשים.", "המשטרה חוקרת."]
    assert split("हमले में 12 लोग मारे गए। पुलिस जांच कर रही है।") == [
        "हमले में 12 लोग मारे गए।", "पुलिस जांच कर रही है।"]
    assert split("تین افراد ہلاک ہوئے۔ پولیس نے کہا") == ["تین افراد ہلاک ہوئے۔", "پولیس نے کہا"]


def test_sentences_end_at_full_stops_of_other_scripts() -> None:
    # Chinese and Japanese stops need no space after them; Armenian has its own full stop
    assert split("袭击造成三人死亡。警方说五人受伤！是谁？") == ["袭击造成三人死亡。", "警方说五人受伤！", "是谁？"]
    assert split("Զոհվել է 3 մարդ։ Ոստիկանությունը հետաքննում է։") == [
        "Զոհվել է 3 մարդ։", "Ոստիկանությունը հետաքննում է։"]
    # a one-dot leader typed for a full stop (Armenian sites' Russian news)
    assert split("Освобождены трое․ Судьи уже решили.") == ["Освобождены трое․", "Судьи уже решили."]


def test_a_lowercase_word_after_a_full_stop_goes_on_in_every_alphabet() -> None:
    assert split("около 5 тыс. человек погибли") == ["около 5 тыс. человек погибли"]
    assert split("See p. 5 and cf. the report.") == ["See p. 5 and cf. the report."]


def test_lines_of_a_text_written_a_paragraph_a_line_are_sentences() -> None:
    # a headline and a section label over a long paragraph: each its own sentence
    text = ("В Италии из-за коронавируса из тюрем выпускают боссов мафии\nПроисхождение «Коза Ностры»\n"
            "Десятки мафиозных боссов могут быть освобождены из тюрем по всей Италии из-за риска "
            "заражения коронавирусом. Судьи уже освободили как минимум трех стареющих бандитов, "
            "которых поместили под домашний арест, и еще 20 могут быть освобождены в ближайшее время.")
    found = split(text)
    assert found[:3] == ["В Италии из-за коронавируса из тюрем выпускают боссов мафии",
                         "Происхождение «Коза Ностры»",
                         "Десятки мафиозных боссов могут быть освобождены из тюрем по всей Италии из-за "
                         "риска заражения коронавирусом."]
    assert found[3].startswith("Судьи уже")
    assert len(found) == 4


def test_lines_wrapped_to_a_width_stay_one_sentence() -> None:
    # a hard-wrapped news wire: a line end is no sentence end, even before a capital
    text = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought "
            "since early\nJanuary and improving prospects for the coming temporao,\nalthough normal "
            "humidity levels have not been restored,\nComissaria Smith said in its weekly review.\n"
            "    The dry period means the temporao will be late this year.\n"
            "    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a "
            "cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year")
    found = split(text)
    assert found[0].startswith("Showers")
    assert found[0].endswith("in its weekly review.")
    assert "\nJanuary and improving" in found[0]
    assert found[1] == "The dry period means the temporao will be late this year."
    assert found[2].startswith("Arrivals")
    assert found[2].endswith("last year")


def test_an_indented_line_starts_a_paragraph() -> None:
    text = "Prices rose 5 pct in March\n    Analysts had expected 3 pct\n    Exports fell"
    assert split(text) == ["Prices rose 5 pct in March", "Analysts had expected 3 pct", "Exports fell"]


def test_short_lines_ended_by_hand_are_sentences() -> None:
    # a headline and a photo caption over a short first paragraph (no line wrapped to a width)
    text = ("Рукопись Анны Франк ушла с молотка за 140 тысяч евро\nАнна Франк\n"
            "На аукционе в Нидерландах рукопись стихотворения продана за 140 тыс. евро.")
    assert split(text) == ["Рукопись Анны Франк ушла с молотка за 140 тысяч евро", "Анна Франк",
                           "На аукционе в Нидерландах рукопись стихотворения продана за 140 тыс. евро."]
    # wrapped lines, one of them going on in lower case: one sentence
    wrapped = "Exports rose 5 pct in March, the\nMinistry said, and imports\nfell 2 pct."
    assert split(wrapped) == [wrapped]


@pytest.mark.parametrize(("text", "expected"), [
    ("Many civilians were killed.12 Another 45 people were injured.",
     ["Many civilians were killed.12", "Another 45 people were injured."]),
    ("They were killed (see annex).3 In June, 12 died.", ["They were killed (see annex).3", "In June, 12 died."]),
    ("It was killed.² The rest fled.", ["It was killed.²", "The rest fled."]),
    # a figure's decimal point and an abbreviation's are no sentence end
    ("It cost 4.5 billion dollars.", ["It cost 4.5 billion dollars."]),
    ("See No.5 Squadron for details.", ["See No.5 Squadron for details."]),
])
def test_a_footnote_marker_after_a_sentence_end_ends_it(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected
