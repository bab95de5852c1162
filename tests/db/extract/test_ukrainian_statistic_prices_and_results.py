"""Ukrainian statistic suggestions, ninth round (issue 13): a sum per span of time, the price of
one thing and an exchange rate are no figures; the results of a test or a contest claim nothing
(a survey's do); the most there could be ("з восьми можливих"); millennia and decades are
durations; "по X грн … кожен" a sum; a title and a name the dictionary reads first otherwise."""

from __future__ import annotations

from db.extract.statistics import suggest_statistics


def values(sentence: str) -> list[float | None]:
    return [c.value if c.value is not None else c.low for c in suggest_statistics(sentence, None, "uk")]


def claims(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in suggest_statistics(sentence, None, "uk")]


def test_a_sum_per_day_or_month_is_a_rate_and_a_years_is_a_total() -> None:
    assert values("Тренери отримуватимуть підтримку – 2 тис. гривень на місяць.") == []
    assert values("Оренда коштуватиме близько 9 тис грн. в місяць.") == []
    assert values("Банки видаватимуть до 150 000 гривень на добу на одного клієнта.") == []
    assert values("На фестивалі виділяють загалом 127 мільйонів гривень на рік.") == [127_000_000]
    assert values("Країна витрачає 5 млн доларів на день.") == [5_000_000]


def test_the_price_of_one_thing_and_an_exchange_rate_are_no_sums() -> None:
    assert values("Ціна однієї банки – 51 грн.") == []
    assert values("Для цього потрібно придбати вакцину (вартість однієї дози – 90–130 гривень).") == []
    assert values("НБУ переглянув офіційний курс долара США до гривні з 7,9930 грн до 8,7080 грн.") == []
    assert values("Готівковий долар у Києві сягнув максимуму в 9,04 грн.") == []
    # a sum of money spent stays, and so does a large one beside a currency's name
    assert values("Ціна контракту склала 81 грн за штуку, а загалом закупівля коштувала 40 тис. грн.") == [40_000]
    assert values("Долар подорожчав, і громада витратила на ремонт 3 млн грн.") == [3_000_000]


def test_the_results_of_a_test_claim_nothing_and_those_of_a_survey_do() -> None:
    assert claims("Найбільше двохсотбальників за результатами тестування з математики – 134 особи.") == [
        (134, None)]
    assert claims("За підсумками змагань, найбільше місць здобули спортсмени з Чернівецької області – 14 чоловік.") == [
        (14, None)]
    assert claims("За результатами опитування КМІС, 40% українців підтримують реформу.") == [
        (40, "опитування КМІС")]


def test_the_most_there_could_be_is_no_count() -> None:
    assert values("Поступившись лише чемпіонові, набрав сім очок, але з восьми можливих.") == [7]
    assert values("Він показав результат — дев'ять очок з дев'яти можливих.") == [9]


def test_millennia_and_decades_are_durations() -> None:
    assert values("Мандрівники зануряться у минувшину на глибину понад два з половиною тисячоліття.") == []
    assert values("Відтоді минуло два десятиліття, позначених здобутками.") == []


def test_so_much_each_said_with_each_a_few_words_on_is_a_sum() -> None:
    assert values("В облраді по дві тисячі гривень на допомогу виборцям мав кожен депутат.") == [2000]


def test_a_title_before_a_name_the_dictionary_reads_first_as_a_place_and_a_common_noun() -> None:
    assert claims("За словами директора з науки Інституту громадянського суспільства Анатолія Ткачука, "
                  "в Україні замість 490 районів утворять 120.") == [
        (490, "директор з науки Інституту громадянського суспільства Анатолій Ткачук"),
        (120, "директор з науки Інституту громадянського суспільства Анатолій Ткачук")]


def test_a_number_said_by_its_scales_is_one_number() -> None:
    assert values("Закарпатська область налічує 13 районів, у яких мешкає 1 млн 260 тис. жителів.") == [13, 1_260_000]
    assert values("Загальна вартість робіт – 2 мільйони 300 тисяч гривень.") == [2_300_000]
    assert values("В Україні зареєстровано 1 мільйон 845 тисяч 274 хворих на грип.") == [1_845_274]
    assert values("Бюджет – 3 млрд 200 млн 500 тис. грн.") == [3_200_500_000]
    # a larger scale after is another number
    assert values("Виділили 300 тис. грн, 2 млн грн дали спонсори.") == [300_000, 2_000_000]


def test_a_figure_said_in_parallel_after_a_dash_takes_the_scale_before() -> None:
    found = suggest_statistics("У 2015 році на запчастини витратили 2 мільйони гривень, цього року — 12.", None, "uk")
    assert [(c.value, c.unit) for c in found] == [(2_000_000, "UAH"), (12_000_000, "UAH")]
    assert values("Минулого року було 20 учнів, цього року — 12.") == [20, 12]


def test_an_age_over_a_number_with_nothing_named_is_no_count() -> None:
    assert values("Зі мною на старті виявилося два чоловіки за шістдесят, які обговорювали пігулки.") == [2]
    assert values("На кадрах дві жінки, одній із яких - за 80, та хлопець.") == [2]


def test_an_adjective_between_a_number_and_a_unit_of_time_keeps_it_a_duration() -> None:
    assert values("Впродовж трьох стартових хвилин м'яч двічі побував у воротах.") == []
    assert values("На змагання заявилось 30 нових команд.") == [30]


def test_an_opinion_a_testimony_what_became_known_and_about_this_said_claim() -> None:
    assert claims("На думку голови ОДА Олега Синєгубова, в області бракує 200 лікарів.") == [
        (200, "голова ОДА Олег Синєгубов")]
    assert claims("На думку експертів, ціни зростуть на 15%.") == [(15, "експерти")]
    assert claims("За свідченням Івана Петренка, у повному складі вимерли троє дітей.") == [(3, "Іван Петренко")]
    assert claims("Як стало відомо «Українській правді», в Сімферополі затримали 5 людей.") == [
        (5, "Українська правда")]
    assert claims("Про це повідомив голова ОДА Іван Петренко: в області 20 шкіл.") == [
        (20, "голова ОДА Іван Петренко")]


def test_one_word_naming_who_says_is_the_person_it_reads_as() -> None:
    assert claims("На думку політика, Польща мала стати федерацією трьох народів.") == [(3, "політик")]
    assert claims("За даними епідеміологів, циркулюватимуть три віруси грипу.") == [(3, "епідеміологи")]


def test_an_age_category_is_no_count() -> None:
    assert values("У категорії 50+ лідерами стала збірна команда «Мінськ-Брест».") == []
    assert values("Канал 1+1 показав 5 фільмів.") == [5]


def test_who_recalls_claims_past_a_year_of_birth_set_off_by_commas() -> None:
    assert claims("Голова ради Іван Петренко пригадує, що тоді в селі було 300 дворів.") == [
        (300, "Голова ради Іван Петренко")]
    assert claims("Так, жителька села Явдоха Нечепуренко, 1922 року народження, згадує про три хвилі "
                  "колективізації.") == [(3, "Явдоха Нечепуренко")]
    assert claims("Учасник АТО згадав 12 загиблих побратимів.") == [(12, None)]  # nothing said after


def test_a_womans_name_in_the_nominative_stays_as_written() -> None:
    assert claims("Мешканка Ганна Коваль, 1930 року народження, розповідає, що в селі померли 40 людей.") == [
        (40, "Ганна Коваль")]  # not the masculine genitive "Ганн"
    assert claims("За словами Петра Коваленка, в селі 40 дворів.") == [(40, "Петро Коваленко")]


def test_a_sum_in_parallel_after_a_price_is_a_price_too() -> None:
    assert values("Харчування коштуватиме для батьків 11 гривень на день, у профільних – шість гривень.") == []
    assert values("Ціна однієї банки – 51 грн, торік – 45 грн, а загалом закупили на 2 млн грн.") == [2_000_000]
    assert values("Школа отримала 300 тис. грн, лікарня – 200 тис. грн.") == [300_000, 200_000]


def test_a_number_in_words_inside_a_quoted_nouns_phrase_is_part_of_it() -> None:
    assert values("Казки про «братерство двох слов'янських народів» не проходять.") == []
    assert values("Функціонери обґрунтували ідею «неминучості боротьби двох культур».") == []
    # a quoted figure stays: words before the number that are no noun, a verb in the quote
    assert values("Депутат говорив про «близько трьохсот осіб».") == [300]
    assert values("За його словами, «загинули двоє людей».") == [2]


def test_a_title_with_an_adjective_and_a_title_of_a_body_named_stay() -> None:
    assert claims("— Цього року ми відремонтували 15 шкіл, — розповів міський голова Іван Іванов.") == [
        (15, "міський голова Іван Іванов")]
    assert claims("Як повідомив головний лікар лікарні Іван Сидоренко, госпіталізовано 12 осіб.") == [
        (12, "головний лікар лікарні Іван Сидоренко")]
    assert claims("Ще чотири людини отримали травми, інформує прес-служба ДСНС.") == [(4, "прес-служба ДСНС")]
    assert claims("Як повідомили у прес-службі Донецької ОДА, 10 постраждалих госпіталізовано.") == [
        (10, "прес-служба Донецької ОДА")]


def test_about_this_said_with_words_between_and_words_said_after_a_colon() -> None:
    assert claims("Про це на брифінгу повідомив начальник ГУ ДСНС Петро Петров: за добу виникло 20 пожеж.") == [
        (20, "начальник ГУ ДСНС Петро Петров")]
    assert claims("Начальник управління освіти Ольга Петренко зазначила: «У нас 40 шкіл».") == [
        (40, "Начальник управління освіти Ольга Петренко")]
    assert values("Переміг клуб «Авангард 10».") == []


def test_a_number_in_words_next_to_an_impersonal_verb_counts_people() -> None:
    found = suggest_statistics("Двох госпіталізовано, трьох затримано.", None, "uk")
    assert [(c.value, c.unit) for c in found] == [(2, "people"), (3, "people")]
    assert values("Десятьом було надано амбулаторну допомогу.") == [10]
    assert values("Лишалося їх дві.") == []  # nothing done to them: no count, as before


def test_an_inserted_claim_with_when_before_where() -> None:
    assert claims("Десятьом було надано допомогу, проінформували вчора у прес-службі Донецької ОДА, "
                  "двох госпіталізовано.") == [(10, "прес-служба Донецької ОДА"), (2, "прес-служба Донецької ОДА")]
    assert claims("Школа отримала 2 млн грн, повідомили сьогодні в ОДА.") == [(2_000_000, "ОДА")]


def test_an_average_span_or_age_measured_is_a_figure() -> None:
    found = suggest_statistics("Сьогодні середня тривалість життя в Україні становить майже 72 роки.", None, "uk")
    assert [(c.value, c.high, c.approximate) for c in found] == [(72, 72, True)]
    assert values("Середній вік учителів області — 45 років.") == [45]
    assert values("Лікування триває 10 днів.") == []  # a span of time said, no average: as before


def test_a_change_from_one_scaled_number_to_another_has_no_upper_bound() -> None:
    found = suggest_statistics("Кількість безробітних зросла з 10,2 тис. до 12,5 тис. осіб.", None, "uk")
    assert [(c.value, c.high) for c in found] == [(10_200, None), (12_500, None)]
    assert [(c.low, c.high) for c in suggest_statistics("Ціни зростуть до 40 відсотків.", None, "uk")] == [(None, 40)]


def test_half_a_thousand_million_billion_in_one_word() -> None:
    assert values("На ремонт витратили півмільйона гривень.") == [500_000]
    assert values("Держбюджет недоотримав щонайменше півмільярда гривень.") == [500_000_000]


def test_the_conclusions_of_an_expertise_claim() -> None:
    assert claims("За висновками експертизи, збитки сягнули 3 млн грн.") == [(3_000_000, "експертиза")]


def test_a_body_with_an_abbreviation_a_title_first_and_an_emphatic_self() -> None:
    assert claims("У департаменті соцзахисту ОДА повідомили, що допомогу отримали 500 родин.") == [
        (500, "департамент соцзахисту ОДА")]
    assert claims("Як стверджує директор ТОВ «Агро» Іван Лис, підприємство втратило 2 млн грн.") == [
        (2_000_000, "директор ТОВ «Агро» Іван Лис")]
    assert claims("За словами самих мешканців, у будинку проживає близько 40 сімей.") == [(40, "мешканці")]
