"""Ukrainian statistic suggestions, eighth round (issue 13): vague tens, "щонайбільше", a count
said after what it counts, the speaker named first or after a long opening, and numbers that
are no count (the previous few, a ratio, a speed, who a pronoun names, fractions, nights)."""

from __future__ import annotations

from db.extract.statistics import suggest_statistics


def figures(sentence: str) -> list[tuple[float | None, float | None, float | None, bool]]:
    return [(c.value, c.low, c.high, c.approximate) for c in suggest_statistics(sentence, None, "uk")]


def claims(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value or c.low, c.claimant) for c in suggest_statistics(sentence, None, "uk")]


def test_some_tens_and_hundreds_are_vague_counts() -> None:
    assert figures("У відділі лишилися кількадесят інженерів.") == [(None, 20, None, True)]
    assert figures("На ярмарок приїхали кількасот фермерів.") == [(None, 200, None, True)]
    assert figures("Мітинг зібрав кількадесят тисяч людей.") == [(None, 20_000, None, True)]


def test_at_most_is_an_upper_bound() -> None:
    assert figures("Торік нагороди отримали щонайбільше дванадцять волонтерів.") == [(12, None, 12, False)]


def test_a_count_said_after_the_noun_it_counts() -> None:
    assert [(c.value, c.unit) for c in suggest_statistics("У місті бібліотек 14.", None, "uk")] == [(14, "бібліотека")]
    # a duration stays one: "років 36" is no count
    assert figures("Він пропрацював там років 36.") == []


def test_a_pronoun_for_things_named_before_a_number_in_words() -> None:
    assert figures("У селах із клубами (а таких у районі тридцять два) діятимуть гуртки.") == [(32, None, None, False)]


def test_the_speaker_named_before_what_is_said() -> None:
    assert claims("Розповів Петро Гнатюк і про те, що цього року 12 спортсменів здобули медалі.") == [
        (12, "Петро Гнатюк")]
    assert claims("Повідомили в поліції, що затримали 7 осіб.") == [(7, "поліція")]
    assert claims("На питання журналістів, скільки коштує ремонт доріг у районі, мер сказав, що "
                  "цього року на нього дали 4 мільйони гривень.") == [(4_000_000, "мер")]


def test_numbers_that_count_nothing() -> None:
    assert figures("Фестиваль зібрав більше гостей, ніж два попередні.") == []
    assert figures("На наступні три сезони клуб грошей не має.") == []
    assert figures("Лікарі кажуть, що хворіє один із 50 дорослих.") == []
    assert figures("Серце б'ється до 90 ударів на хвилину.") == []
    assert figures("Вам трьом дякували глядачі.") == []
    assert figures("Місто володіє двома третинами акцій.") == []
    assert figures("Він провів 300 ночей у наметі.") == []
    # a number in words after a pronoun in another case counts: "у нас дві школи"
    assert [(c.value, c.unit) for c in suggest_statistics("У нас дві школи.", None, "uk")] == [(2, "школа")]


def test_a_publication_before_an_impersonal_verb_claims() -> None:
    assert claims("У звіті зазначено, що торік зареєстрували 640 злочинів.") == [(640, "звіт")]
    # a contract or "було вказано" names nobody who says it
    assert claims("У договорі вказано, що фірма отримає 5 млн грн.") == [(5_000_000, None)]


def test_what_stays_a_count_or_an_approximation() -> None:
    # one of a set, not a ratio: the set is counted
    assert figures("Він був одним зі 108 учасників, які загинули.") == [(108, None, None, False)]
    # a noun before a number in words is "about so many", a distance here
    assert figures("Там, за верстов десять, є село.") == []


def test_a_body_in_the_locative_keeps_its_genitives_that_also_read_as_plurals() -> None:
    # "охорони", "освіти", "поліції" read as nominative plurals too: here genitives of the chain
    assert claims("У департаменті охорони здоров'я повідомили, що захворіли 500 людей.") == [
        (500, "департамент охорони здоров'я")]
    assert claims("У відділі поліції повідомили, що затримали 7 осіб.") == [(7, "відділ поліції")]
    # a genitive coordinated with one belongs to the chain
    assert claims("У департаменті освіти та науки ОДА повідомили, що до шкіл пішли 500 дітей.") == [
        (500, "департамент освіти та науки ОДА")]


def test_after_a_place_the_subject_stays_a_subject() -> None:
    # a nominative agreeing with the verb: a thing in the singular, people in the plural
    assert claims("У Києві управління повідомило, що затримали 5 осіб.") == [(5, "управління")]
    assert claims("У Львові правоохоронці встановили, що фірма отримала 5 млн грн.") == [
        (5_000_000, "правоохоронці")]
