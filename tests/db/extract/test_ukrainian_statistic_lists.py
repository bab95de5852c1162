"""Ukrainian statistic suggestions: numbers read with the numbers beside them (a list or a change
"з … до …" sharing one unit and scale), a scale's full stop apart in tokenized text, "по … кожна",
and who estimates a figure (issue 13)."""

from __future__ import annotations

from db.extract.statistics import suggest_statistics


def figures(sentence: str) -> list[tuple[float | None, float | None, float | None, str | None]]:
    return [(c.value, c.low, c.high, c.unit) for c in suggest_statistics(sentence, None, "uk")]


def test_a_change_from_one_sum_to_another_gives_both_at_the_scale_said_once() -> None:
    assert figures("Кредитні лінії збільшили з 2,2 до загальної суми 3 млрд грн.") == [
        (2_200_000_000, None, None, "UAH"), (3_000_000_000, None, None, "UAH")]


def test_where_a_change_went_is_no_upper_bound() -> None:
    assert figures("Бюджет зріс з 1,5 до 2 млн грн.") == [
        (1_500_000, None, None, "UAH"), (2_000_000, None, None, "UAH")]


def test_a_list_of_numbers_counts_what_its_last_number_counts() -> None:
    assert figures("Люди об’єднувалися в групи до 300, інколи 500 осіб.") == [
        (300, None, 300, "people"), (500, None, None, "people")]


def test_a_scale_with_its_full_stop_apart_still_scales_and_lets_the_unit_follow() -> None:
    assert figures("Зарплата сягає 7 тис . грн .") == [(7_000, None, None, "UAH")]
    assert figures("Там мешкає 10 тис . осіб .") == [(10_000, None, None, "people")]


def test_thousands_of_years_ago_is_a_time_not_a_count() -> None:
    assert figures("Землеробство з'явилося близько 8 тис . років тому .") == []


def test_so_much_each_said_with_each_is_suggested() -> None:
    assert figures("Міністерство відмовило у продовженні двох кредитних ліній Ощадбанку по 500 млн грн. кожна.") == [
        (2, None, None, "лінія"), (500_000_000, None, None, "UAH")]
    assert figures("Купили мазуту по 6870 грн.") == []


def test_who_puts_a_figure_on_a_thing_claims_it() -> None:
    [found] = suggest_statistics("У 2010 році «Forbes-Україна» оцінював статки Бориса Колеснікова у $230 млн, "
                                 "поставивши його на 42-е місце.", None, "uk")
    assert (found.value, found.unit, found.claimant) == (230_000_000, "USD", "Forbes-Україна")
    [found] = suggest_statistics("Експерти оцінюють збитки у 5 млрд грн.", None, "uk")
    assert found.claimant == "Експерти"


def test_a_source_no_comma_closes_ends_at_its_first_preposition() -> None:
    [found] = suggest_statistics("Згідно з техзавданням у приміщенні прокуратури мають утеплити стіни, замінити "
                                 "вікна, облаштувати дві гостьові спальні кімнати.", None, "uk")
    assert (found.value, found.claimant) == (2, "техзавдання")
    [law] = suggest_statistics("Згідно з чинним законодавством у разі аварії компанія повинна виплатити 5 млн грн.",
                               None, "uk")
    assert law.claimant is None


def test_digits_before_a_singular_adjective_name_a_unit_not_a_count() -> None:
    assert figures("Суд стягнув на користь 11 окремого колійного загону 1,26 млн грн.") == [
        (1_260_000, None, None, "UAH")]
    assert figures("Придбано 1800 тон мазуту.") == [(1800, None, None, "тон")]


def test_digits_with_a_leading_zero_are_a_code() -> None:
    assert figures("Відомо понад З0 000 видів грибів.") == []
    assert figures("Збитки склали 0,5 млн грн.") == [(500_000, None, None, "UAH")]


def test_a_number_in_words_before_a_singular_ordinal_is_one_ordinal() -> None:
    assert figures("Це сталося у двадцять п'ятому році.") == []
    assert figures("У вісімдесят другому році все змінилося.") == []
    assert figures("Команда посіла два перших місця.") == [(2, None, None, "місце")]


def test_a_price_per_tonne_misspelt_is_still_a_price_per_unit() -> None:
    assert figures("Вартість послуги – 500 грн. за тону сміття.") == []
