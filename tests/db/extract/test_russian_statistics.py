"""Statistic suggestions in Russian: numbers in words and digits, bounds, scales, ranges, who
claims them, and the numbers that are not statistics (issue 13)."""

from __future__ import annotations

import pytest

from db.dates import PartialDate
from db.extract.statistics import StatisticCandidate, suggest_statistics


def one(sentence: str) -> StatisticCandidate:
    [found] = suggest_statistics(sentence, None, "ru")
    assert sentence[found.start:found.end] == found.quote
    return found


@pytest.mark.parametrize(("sentence", "value"), [
    ("В перестрелке погибли пятеро полицейских.", 5),
    ("Задержаны двое подозреваемых.", 2),
    ("В больницу доставили двадцать три человека.", 23),
    ("На митинг вышли две тысячи пятьсот человек.", 2500),
    ("Республику покинули 165 тыс. человек.", 165_000),
    ("Ущерб составил 1,5 млн рублей.", 1_500_000),
    ("В лагере живут 12 300 беженцев.", 12_300),
    ("Спасатели эвакуировали полторы тысячи жителей.", 1500),
])
def test_numbers_in_words_digits_and_scales(sentence: str, value: float) -> None:
    assert one(sentence).value == value


def test_bounds_make_low_or_high_and_approximate() -> None:
    more = one("Не менее 40 человек были ранены.")
    assert (more.value, more.low, more.high) == (40, 40, None)
    up_to = one("В колонне было до 30 автомобилей.")
    assert (up_to.value, up_to.high) == (30, 30)
    about = one("Около 200 жителей остались без крова.")
    assert (about.value, about.approximate) == (200, True)
    nearly = one("Почти 100 семей получили компенсацию.")
    assert (nearly.high, nearly.approximate) == (100, True)


def test_ranges_are_low_and_high_without_a_best_value() -> None:
    span = one("От 10 до 40 мирных жителей были задержаны.")
    assert (span.value, span.low, span.high) == (None, 10, 40)
    dash = one("Пострадали 15–20 человек.")
    assert (dash.value, dash.low, dash.high) == (None, 15, 20)


def test_vague_counts_give_their_smallest_reading() -> None:
    hundreds = one("Сотни людей пострадали от наводнения.")
    assert (hundreds.value, hundreds.low, hundreds.approximate) == (None, 200, True)
    tens_of_thousands = one("Десятки тысяч человек вышли на улицы.")
    assert tens_of_thousands.low == 20_000
    about_a_thousand = one("Около тысячи человек собрались на площади.")
    assert (about_a_thousand.value, about_a_thousand.approximate) == (1000, True)


@pytest.mark.parametrize("sentence", [
    "Суд приговорил его к 5 годам лишения свободы по статье 317 УК РФ.",
    "Нападение произошло 24 сентября 2015 года.",
    "Взрыв прогремел в 10:30 по местному времени.",
    "Ему возбуждено дело по ч. 2 ст. 105 УК РФ.",
    "Задержанный 1975 года рождения был доставлен в отдел.",
    "Самолёт Су-27 упал в 40 км от аэродрома.",
    "45-летний мужчина скончался на месте.",
    "Один из боевиков был ликвидирован.",
    "Это произошло в 2014 году.",
])
def test_dates_times_terms_articles_and_names_are_not_statistics(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "ru") == []


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("По данным МВД, в 2014 году были убиты 249 боевиков.", "МВД"),
    ("Погибли 12 человек, сообщил источник в силовых структурах.", "источник в силовых структурах"),
    ("Не менее 165 тыс. человек покинули республику, заявил глава Чечни Рамзан Кадыров.", "Рамзан Кадыров"),
    ("Как сообщили в пресс-службе Следственного комитета, задержаны трое подозреваемых.", "Следственный комитет"),
    ("По словам Ивана Петрова, ранены семь человек.", "Иван Петров"),
    ("Со ссылкой на РИА Новости сообщается, что погибли 7 человек.", "РИА Новости"),
    ("Ранены четыре человека.", None),
])
def test_the_claimant_in_its_base_form(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_what_is_counted_and_when() -> None:
    found = one("По данным МВД, в 2014 году в Дагестане были убиты 249 боевиков.")
    assert (found.measure, found.subject, found.unit) == ("убить", "боевик", "people")
    assert (found.period_start, found.period_end) == (PartialDate(2014), PartialDate(2014))
    assert found.place == "Дагестан"
    money = one("Бюджет республики составил 2,5 млрд рублей.")
    assert (money.value, money.unit) == (2_500_000_000, "RUB")
    share = one("За него проголосовали 63% избирателей.")
    assert (share.value, share.unit) == (63, "%")


def test_a_count_with_nothing_named_takes_what_the_count_before_counts() -> None:
    first, second = suggest_statistics("Погибли 5 человек, ранены 10.", None, "ru")
    assert (first.value, second.value) == (5, 10)
    assert second.unit == "people"


def test_a_russian_text_without_a_language_is_read_as_russian_and_english_as_before() -> None:
    [found] = suggest_statistics("В перестрелке в Махачкале погибли пятеро полицейских, "
                                 "сообщили в МВД республики.")
    assert (found.value, found.claimant) == (5, "МВД республики")
    [english] = suggest_statistics("Some 40 people were killed in Grozny on Tuesday, officials said.")
    assert (english.value, english.claimant) == (40, "officials")
