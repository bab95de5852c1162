"""Statistic suggestions in Ukrainian: numbers in words and digits, bounds, scales, ranges, who
claims them, and the numbers that are not statistics (issue 13)."""

from __future__ import annotations

import pytest

from db.extract.statistics import StatisticCandidate, suggest_statistics


def one(sentence: str) -> StatisticCandidate:
    [found] = suggest_statistics(sentence, None, "uk")
    assert sentence[found.start:found.end] == found.quote
    return found


@pytest.mark.parametrize(("sentence", "value"), [
    ("Унаслідок обстрілу загинули п'ятеро цивільних.", 5),
    ("Поліцейські затримали трьох підозрюваних у крадіжці.", 3),
    ("До лікарні доставили двадцять три людини.", 23),
    ("Внаслідок удару зруйновано сорок будинків.", 40),
    ("Область покинули 165 тис. мешканців.", 165_000),
    ("Збитки склали 1,5 млн грн.", 1_500_000),
    ("На ремонт доріг виділили 2,3 млрд гривень.", 2_300_000_000),
])
def test_numbers_in_words_digits_and_scales(sentence: str, value: float) -> None:
    assert one(sentence).value == value


def test_money_has_its_currency() -> None:
    assert one("Підрядник отримав 31 млн грн на будівництво школи.").unit == "UAH"


def test_bounds_make_low_or_high_and_approximate() -> None:
    least = one("Щонайменше 12 людей загинули під час обстрілу.")
    assert (least.value, least.low, least.high) == (12, 12, None)
    over = one("Місто залишили понад 40 тис. осіб.")
    assert (over.value, over.low) == (40_000, 40_000)
    up_to = one("У колоні було до 30 вантажівок.")
    assert (up_to.value, up_to.high) == (30, 30)
    about = one("Близько 200 мешканців залишилися без даху над головою.")
    assert (about.value, about.approximate) == (200, True)
    nearly = one("Майже 100 родин отримали компенсацію.")
    assert (nearly.high, nearly.approximate) == (100, True)
    not_less = one("Не менше 80% коштів пішло на матеріали.")
    assert (not_less.low, not_less.unit) == (80, "%")


def test_a_range_has_low_and_high_and_no_value() -> None:
    found = one("Під обстріл потрапили від 200 до 250 військових.")
    assert (found.value, found.low, found.high) == (None, 200, 250)


def test_vague_counts_give_their_smallest_reading() -> None:
    found = one("Десятки тисяч людей вийшли на протест.")
    assert (found.value, found.low, found.approximate) == (None, 20_000, True)


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("За даними МВС, внаслідок вибуху загинули семеро людей.", "МВС"),
    ("За словами Петра Коваленка, прикордонники затримали 14 порушників.", "Петро Коваленко"),
    ("Внаслідок обстрілу поранено 9 людей, повідомили в Нацполіції.", "Нацполіція"),
    ("Як повідомляє Укрінформ, евакуйовано 300 дітей.", "Укрінформ"),
])
def test_the_claimant_is_named_in_the_nominative(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant


def test_reported_with_reference_covers_its_clause() -> None:
    found = one("Затримано 11 осіб, пише видання з посиланням на прокуратуру області.")
    assert (found.value, found.claimant) == (11, "прокуратура області")


@pytest.mark.parametrize("sentence", [
    "Повномасштабне вторгнення почалося 24 лютого.",
    "Справу відкрито за статтею 111 КК України.",
    "Його засудили за ч. 2 ст. 191 Кримінального кодексу.",
    "Угоду уклали у 2014 році.",
    "Засідання почалося о 10:30.",
    "Роботи тривали три години.",
    "Село розташоване за 40 км від кордону.",
    "Один з підозрюваних утік.",
    "Сусіди допомагали одне одному.",
])
def test_not_statistics(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "uk") == []


def test_a_date_day_is_not_counted_but_the_figure_is() -> None:
    found = one("24 лютого окупанти обстріляли 12 сіл.")
    assert found.value == 12


def test_tokenized_text_with_spaces_before_punctuation() -> None:
    found = one("Прибуло понад 10 тис . добровольців , за даними штабу .")
    assert (found.value, found.low) == (10_000, 10_000)


def test_ukrainian_without_a_declared_language_is_read_as_ukrainian() -> None:
    [found] = suggest_statistics("За даними МВС, щонайменше 12 людей загинули під час обстрілу.")
    assert (found.low, found.claimant) == (12, "МВС")


def test_a_title_before_the_name_stays_in_the_nominative() -> None:
    found = one("За словами голови обласної адміністрації Ігоря Мельничука, евакуйовано 240 дітей.")
    assert (found.value, found.claimant) == (240, "голова обласної адміністрації Ігор Мельничук")


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("За словами Сакала, у селі відновили 35 будинків.", "Сакал"),
    ("За словами Гончара, слідчі допитали 18 свідків.", "Гончар"),
    ("За словами Бондаренка, рятувальники вивели 60 людей.", "Бондаренко"),
])
def test_a_mans_surname_in_the_genitive_comes_back_to_its_own_form(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant


def test_so_much_each_is_no_total_but_a_share_each_is() -> None:
    found = one("Бійцям видали по два бронежилети, а всього закуплено 400 бронежилетів.")
    assert found.value == 400
    shares = suggest_statistics("Три засновники мають по 20% акцій компанії.", None, "uk")
    assert [(s.value, s.unit) for s in shares] == [(3, "people"), (20, "%")]


def test_a_price_each_is_no_sum_but_a_fine_each_and_a_count_each_are() -> None:
    assert [s.value for s in suggest_statistics("Закуплено 900 касок по 1450 грн.", None, "uk")] == [900]
    assert one("Обидва посадовці отримали по 17 тис. грн штрафу.").value == 17_000
    assert one("Лікарні отримали по 12 апаратів штучної вентиляції.").value == 12


def test_a_price_for_one_unit_is_no_count_of_units() -> None:
    assert suggest_statistics("Пальне закупили по ціні 52 грн. за один літр.", None, "uk") == []


def test_a_count_of_them_names_no_noun_but_is_kept() -> None:
    found = [s.value for s in suggest_statistics("Перевірили 60 підприємств, у 17 з них виявили порушення.",
                                                 None, "uk")]
    assert found == [60, 17]
    over = one("Постраждалих будинків багато, а їх понад 70.")
    assert (over.value, over.low) == (70, 70)


@pytest.mark.parametrize("sentence", [
    "Для 30-35-річних чоловіків служба обов'язкова.",
    "Нарада триває 2-3 год. щодня.",
    "З одного боку, рішення ухвалили вчасно.",
])
def test_ranges_of_ages_and_hours_and_a_governed_one_are_not_statistics(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "uk") == []


@pytest.mark.parametrize(("sentence", "value", "claimant"), [
    ("«Ми втратили 40 тис. гривень», — заявив директор школи Іван Петренко.", 40_000,
     "директор школи Іван Петренко"),
    ("Щодня надходить 30 звернень, — каже голова громади Олег Мельник.", 30, "голова громади Олег Мельник"),
    ("«За рік відбудували 12 будинків», – продовжив Кудрін, пояснивши, що решту відбудують навесні.", 12,
     "Кудрін"),
    ("« Зруйновано 15 мостів » , - зазначив заступник міністра .", 15, "заступник міністра"),
    ("«Зруйновано 15 мостів», — сказав він.", 15, None),
])
def test_the_speaker_after_a_quote_claims_what_the_quote_says(sentence: str, value: float,
                                                              claimant: str | None) -> None:
    found = one(sentence)
    assert (found.value, found.claimant) == (value, claimant)


@pytest.mark.parametrize(("sentence", "value", "claimant"), [
    ("Слідчі встановили, що фірма придбала снігоприбиральну машину за 205 тис грн.", 205_000, "Слідчі"),
    ("Крім того, прокуратура встановила, що посадовці привласнили 2 млн грн.", 2_000_000, "прокуратура"),
    ("Днями ТНК-ВР повідомило про намір збільшити ціну на авіапаливо на 15%.", 15, "ТНК-ВР"),
    ("Тоді ГоловКРУ з'ясувало, що втрати бюджету складуть 55%.", 55, "ГоловКРУ"),
    ("В держрезерві стверджують, що для створення резерву необхідно 44 млн грн.", 44_000_000, "держрезерв"),
    ("Як розповіли журналістам слідчі, у схемі брали участь 6 фірм.", 6, "слідчі"),
])
def test_the_subject_of_a_verb_of_saying_is_read_past_what_comes_before_it(sentence: str, value: float,
                                                                          claimant: str) -> None:
    found = one(sentence)
    assert (found.value, found.claimant) == (value, claimant)


@pytest.mark.parametrize(("sentence", "value"), [
    ("Суд визнав протиправним рішення, яким у лісгоспу вилучили 4 ділянки.", 4),
    ("У договорі було вказано, що зарплата охоронця становить 17 тис. грн.", 17_000),
    ("У заяві він заявив, що втрати склали 10 млн грн.", 10_000_000),
    ("Тендерний комітет, визначивши переможцем ТОВ «Альфа», уклав угоду на 10 млн грн.", 10_000_000),
])
def test_no_one_is_named_by_a_verb_that_says_nothing_or_a_pronoun(sentence: str, value: float) -> None:
    found = one(sentence)
    assert (found.value, found.claimant) == (value, None)


def test_a_participle_of_saying_names_no_subject() -> None:
    found = suggest_statistics("З придбанням двох вказаних обленерго група контролюватиме понад 35% потужностей.",
                               None, "uk")
    assert [(s.value, s.claimant) for s in found] == [(2, None), (35, None)]


@pytest.mark.parametrize(("sentence", "value", "claimant"), [
    ("Дані митниці свідчать, що торік ввезено 200 тонн цукру.", 200, "митниця"),
    ("Олена Добича, згідно з останніми даними SMIDA, володіє 10,22% акцій.", 10.22, "SMIDA"),
    ("Фірмі належать 5 земельних ділянок, за даними реєстру майнових прав.", 5, "реєстр майнових прав"),
    ("Троє свідків засвідчили, згідно з матеріалами справи, що бачили вибух.", 3, "матеріали справи"),
    ("За даними з декларацій Никифорчука, він володіє квартирою площею 44 кв м.", 44, "декларації Никифорчука"),
])
def test_whose_data_a_document_or_register_names(sentence: str, value: float, claimant: str) -> None:
    found = one(sentence)
    assert (found.value, found.claimant) == (value, claimant)


@pytest.mark.parametrize(("sentence", "value"), [
    ("Згідно з розрахунками середньомісячної вартості техобслуговування, послуга коштуватиме 408 грн.", 408),
    ("Розрахунки показують, що місто недоотримає 89 млн грн.", 89_000_000),
    ("Згідно із Законом «Про публічні закупівлі», пов'язаними є особи, які мають понад 25% капіталу.", 25),
    ("За результатами 2015 року платникам податків слід враховувати, що мінімальна зарплата становить "
     "1218 гривень.", 1218),
])
def test_what_is_measured_a_law_or_unowned_calculations_name_no_source(sentence: str, value: float) -> None:
    found = one(sentence)
    assert (found.value, found.claimant) == (value, None)


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("За словами директора школи, з початку року евакуйовано 120 учнів.", "директор школи"),
    ("За інформацією «Вісника державних закупівель», фірма отримала 5 млн грн.", "Вісник державних закупівель"),
])
def test_a_masculine_noun_in_the_genitive_comes_back_singular(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant  # not "директори", "Вісники"


def values(sentence: str) -> list[float | None]:
    return [found.value for found in suggest_statistics(sentence, None, "uk")]


@pytest.mark.parametrize("sentence", [
    "Ці троє підозрюваних раніше вже сиділи у в'язниці.",
    "Слідчі допитали працівників цих двох компаній.",
    "Про це розповів один депутат міськради.",
    "Закупівлю оформили «у одного учасника», без торгів.",
    "Оренда складе 250 грн / кв м на місяць.",
])
def test_a_back_reference_a_price_per_square_metre_and_the_article_like_one_are_no_figures(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "uk") == []


def test_a_count_without_a_demonstrative_and_one_with_exactly_before_it_are_figures() -> None:
    assert values("Слідчі допитали працівників двох компаній.") == [2]
    assert values("Тендер виграли рівно одна фірма та два підприємці.") == [1, 2]
    # "лише", "тільки" stress the one and count no more than "one" alone ("лише одну колонку")
    assert values("Тендер виграла лише одна фірма.") == []


def test_an_interest_rate_is_no_share_but_the_loan_is_a_sum() -> None:
    assert values("Банк видав фірмі кредит на 5 млн грн під 18 відсотків річних.") == [5_000_000]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("У 2019 міністерство закупило 40 автомобілів.", [40]),
    ("У 2014-2016 директор фірми отримав 3 млн грн премій.", [3_000_000]),
    ("Ремонт дахів провели у 2000 школах області.", [2000]),
    ("У звіті за 2021 Петренко вказав 40 тис. грн доходу.", [40_000]),
    ("Авто він продав за 1500 доларів.", [1500]),
    ("Штраф сягає до 2000 грн.", [2000]),
])
def test_a_year_after_a_preposition_is_no_count_unless_the_noun_after_it_is_counted(
        sentence: str, expected: list[float]) -> None:
    assert values(sentence) == expected


def test_grouped_digits_keep_their_decimals() -> None:
    assert values("Фірма отримала замовлень на 1 245,30 млн грн.") == [1_245_300_000]


def test_a_price_written_with_a_full_stop_is_no_time() -> None:
    assert values("Ціна зросла до 14.50 грн.") == [14.5]


def test_litres_are_a_figure_only_in_thousands() -> None:
    assert values("На 60 л пального витратили 3 тис. грн.") == [3000]
    assert values("Зі складу зникло 12 тис. літрів дизпалива.") == [12_000]


@pytest.mark.parametrize("sentence", [
    "Років три тому цю хату продали.",
    "Воду нагрівають до 90 ° С.",
    "Відповідь надійде протягом 15 робочих днів.",
    "Довжина траси – 2 300 погонних метрів.",
    "Він ходив туди двічі на тиждень.",
    "Настій п'ють 2-3 рази на день.",
    "У кожній пачці 250 г печива.",
    "Пункт працює з 8.30 до 17.00.",
    "Хвилин десять люди стояли мовчки.",
    "Він перечитував цей лист сотні разів.",
    "Від 1978 до 1985 року родина жила у Львові.",
    "Усі зібралися сім'ями біля школи.",
    "Згодом вона придбала ще одну квартиру.",
])
def test_times_of_day_measures_and_repetitions_a_span_of_years_and_another_are_no_figures(
        sentence: str) -> None:
    assert suggest_statistics(sentence, None, "uk") == []


def test_a_bound_reaches_past_one_more() -> None:
    found = one("На фірму оформлено щонайменше ще одну ділянку.")
    assert (found.value, found.low) == (1, 1)


def test_a_pronoun_in_another_case_names_no_claimant() -> None:
    found = one("Згідно з ним, фірма отримала 12% акцій.")
    assert (found.value, found.claimant) == (12, None)
