"""Ukrainian statistic suggestions: numbers that count nothing (a house number, a number in a
name in quotes, a number in words with no noun, "між двома"), a part of a sum in its scale, a
vague count before a pronoun, and who accuses or is cited after "про це" (issue 13)."""

from __future__ import annotations

from db.extract.statistics import suggest_statistics


def figures(sentence: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.value, c.low, c.unit) for c in suggest_statistics(sentence, None, "uk")]


def claims(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in suggest_statistics(sentence, None, "uk")]


def test_house_numbers_are_no_counts() -> None:
    assert figures("Ремонт провели у будинках на вулиці Франка, 12, та на проспекті Миру, 7.") == []
    assert figures("Громаді передали три склади за адресами Набережна 4-б, 5, 9.") == [(3, None, "склад")]
    assert figures("Пожежа охопила площу 400 кв м на вул. Лесі Українки.") == [(400, None, "кв")]


def test_a_number_inside_a_short_name_in_quotes_is_part_of_the_name() -> None:
    assert figures("Суд зобов'язав повернути ТОВ «Світанок 7» 12 тис грн.") == [(12_000, None, "UAH")]
    assert figures("Мер заявив: «Ми отримали 5 млн грн на ремонт шкіл і лікарень міста».") == [
        (5_000_000, None, "UAH")]


def test_a_number_in_words_counting_nothing_named_is_no_figure() -> None:
    assert figures("Доріг лишилося їх три , а міст був лише один .") == []
    assert figures("У Франції двісті художників, у нас - лише чотири або шість .") != []


def test_between_two_names_the_sides_of_a_relation() -> None:
    assert figures("Суперечка між двома сусідами тривала довго.") == []
    assert figures("Ціна коливається між 5 і 10 гривнями.") != []


def test_a_part_of_a_sum_said_after_of_them_is_in_its_scale() -> None:
    assert figures("Фірма отримала замовлень на 25,5 млн грн, з них 10,2 – торік.") == [
        (25_500_000, None, "UAH"), (10_200_000, None, "UAH")]


def test_a_vague_count_before_another_names_what_follows() -> None:
    assert figures("Слідчі вилучили печатки сотень інших фірм.") == [(None, 200, "фірма")]


def test_who_accuses_claims_the_figures_of_the_accusation() -> None:
    assert claims("Нагадаємо, прокуратура звинуватила директора заводу у розкраданні 3 млн грн.") == [
        (3_000_000, "прокуратура")]


def test_a_source_cited_after_about_this_claims_the_figures_before() -> None:
    assert claims("Рада уклала угоду на 2,1 млн грн. про це повідомляється у «Віснику закупівель».") == [
        (2_100_000, "Вісник закупівель")]


def test_a_count_of_times_is_no_figure() -> None:
    assert figures("Суд п'ять разів відкладав засідання.") == []
    assert figures("Нова труба у 12 разів дешевша за стару.") == []


def test_the_number_denied_before_the_one_said_is_no_figure() -> None:
    assert figures("Загинули не 10 , а 12 людей.") == [(12, None, "people")]


def test_kitchen_measures_and_a_childs_age_are_no_figures() -> None:
    assert figures("Дві ст . ложки меду залити 1 склянкою води .") == []
    assert figures("Коли синові було два рочки , ми переїхали .") == []


def test_a_part_and_its_whole_in_brackets_count_the_noun_after_them() -> None:
    assert figures("На виборах перемогли 12 ( з 20 ) кандидатів від партії .") == [
        (12, None, "people"), (20, None, "people")]


def test_a_range_of_days_or_years_is_no_count_at_either_end() -> None:
    assert figures("Перевірку проводили з 3 до 9 березня.") == []
    assert figures("Стаття передбачає позбавлення волі на строк від 5 до 8 років.") == []
    assert figures("Тарифи зросли від 5 до 8 відсотків.") == [(None, 5, "%")]
    assert [(c.low, c.high) for c in suggest_statistics("Учения прошли с 6 по 12 июня.", None, "ru")] == []
