"""Ukrainian statistic suggestions, seventh round (issue 13): a vote's tally, a claim inserted
between commas, a long title before a name, a price of one unit (an exchange rate), a limit
allowed, a cardinal's case ending after its digits."""

from __future__ import annotations

from db.extract.statistics import suggest_statistics


def figures(sentence: str) -> list[tuple[float | None, float | None, float | None, str | None]]:
    return [(c.value, c.low, c.high, c.unit) for c in suggest_statistics(sentence, None, "uk")]


def claims(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in suggest_statistics(sentence, None, "uk")]


def test_each_number_of_a_tally_counts_its_vote_zeros_included() -> None:
    found = suggest_statistics("Фракція «Свобода» – «за» 12, «проти» 0, утрималися 4, не голосували 2, відсутні 0.",
                               None, "uk")
    assert [(c.value, c.subject) for c in found] == [
        (12, "за"), (0, "проти"), (4, "утрималися"), (2, "не голосували"), (0, "відсутні")]
    # one word of a vote alone is no tally: "проти 3" of a score or a bare "за 2019" stays as before
    assert figures("Депутати проголосували проти 3 законопроєктів.") == [(3, None, None, "законопроєкт")]


def test_a_claim_inserted_between_commas_covers_the_figures_after_it() -> None:
    assert claims("У районі, каже голова, цього року відремонтували 14 шкіл.") == [(14, "голова")]
    assert claims("Торік, зазначили у міністерстві, заводи виробили 5 млн тонн сталі.") == [
        (5_000_000, "міністерство")]
    assert claims("Школа отримала 2 млн грн, повідомив директор.") == [(2_000_000, "директор")]


def test_a_long_title_before_a_name_and_a_surname_the_dictionary_lacks() -> None:
    assert claims("За словами заступника начальника обласного управління охорони здоров'я міської "
                  "ради Івана Перепелиці, торік щеплення отримали 3400 дітей.") == [
        (3400, "заступник начальника обласного управління охорони здоров'я міської ради Іван Перепелиця")]


def test_a_price_of_one_unit_is_no_sum() -> None:
    assert figures("У бюджеті закладено курс 19 гривень за долар.") == []
    assert figures("Банк пропонує курс 27, а то й 28 гривень за євро.") == []
    assert figures("Тариф зросте до 1,2 гривні за кіловат-годину.") == []
    assert figures("Квиток коштує 50 грн за особу.") == []
    # a sum paid for a thing stays: "за квартиру" is no "за кв."
    assert figures("Він заплатив 3 млн гривень за квартиру.") == [(3_000_000, None, None, "UAH")]


def test_a_limit_allowed_is_no_figure_found() -> None:
    assert figures("Вміст свинцю сягав 0,9 мг/м³ при допустимому значенні 0,3 мг/м³.") == [(0.9, None, None, "мг")]
    assert figures("Норма — 0,2 мг/м³, а в пробах виявили 0,4 мг/м³.") == [(0.4, None, None, "мг")]


def test_a_cardinal_written_with_its_case_ending() -> None:
    assert figures("Змагання пройшли на 4-х стадіонах.") == [(4, None, None, "стадіон")]
    assert figures("Зібралися представники 8-ми громад.") == [(8, None, None, "громада")]
    assert figures("Учні 9-х класів склали іспит.") == []  # an ordinal's ending: дев'ятих


def test_a_number_in_words_after_which_counts_the_noun_before_it() -> None:
    assert figures("Цього літа працюватимуть дитячі майданчики, яких облаштують тридцять два.") == [
        (32, None, None, "майданчик")]
    assert figures("Лишалося їх дві.") == []  # no relative pronoun: still nothing named


def test_sides_are_where_not_how_many() -> None:
    assert figures("Поле обгородили з трьох боків.") == []


def test_a_compound_adjective_with_its_hyphen_apart_and_days_in_the_genitive() -> None:
    assert figures("Над річкою встановили 6,5 - метрову скульптуру .") == []
    assert figures("Зерно зберігали від 3 до 5 діб .") == []


def test_digits_of_two_to_four_before_a_noun_only_singular_and_genitive_name_a_unit() -> None:
    assert figures("Командир 3 батальйону доповів про ситуацію.") == []
    assert figures("На навчання прибули 3 батальйони.") == [(3, None, None, "батальйон")]


def test_the_first_or_next_few_of_an_order_are_no_count() -> None:
    assert figures("Рішення перших трьох судів скасували.") == []
    assert figures("Наступні чотири учасники прийшли пізніше.") == []
    assert figures("Суд розглянув три справи.") == [(3, None, None, "справа")]


def test_a_telephone_number_is_a_code() -> None:
    assert figures("Обидві фірми вказали телефон (044) 239-55-44.") == []
    assert figures("Ціна коливалась 10-15 грн.") == [(None, 10, 15, "UAH")]


def test_less_than_and_more_than_said_with_yak() -> None:
    assert figures("На ремонт лишилося менше як 15 % коштів.") == [(15, None, 15, "%")]
    assert figures("На мітинг прийшли більше як 300 осіб.") == [(300, 300, None, "people")]


def test_an_adverb_first_is_no_claimant_and_a_bare_number_before_and_shares_the_unit() -> None:
    assert claims("Зараз «Нафтогаз» вказує, що борг становить 12 млн грн.") == [(12_000_000, "Нафтогаз")]
    assert figures("Фірма має два склади на 350 і 120 кв м.") == [
        (2, None, None, "склад"), (350, None, None, "кв"), (120, None, None, "кв")]


def test_a_number_named_as_such_is_no_count() -> None:
    assert figures("Програма ділить на цифру 3 кожне значення.") == []
    assert figures("Затримали 12 осіб, у тому числі 4 іноземців.") == [
        (12, None, None, "people"), (4, None, None, "people")]
