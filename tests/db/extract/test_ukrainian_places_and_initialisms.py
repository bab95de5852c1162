"""Ukrainian place names the gazetteer's countries and cities do not cover (continents and world
regions, in any case), and what else the suggester reads in places and initialisms."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors
from db.gazetteer import world_region
from db.language.morphology import base_form


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_world_regions_are_known_by_their_names_in_several_languages() -> None:
    assert world_region("Європа") == "Europe"
    assert world_region("Латинская Америка") == "Latin America"
    assert world_region("Afrique") == "Africa"
    assert world_region("Київ") is None


def test_a_continent_in_an_oblique_case_is_a_place() -> None:
    found = _suggested("Делегація повернулася з Азії, а завтра вирушить до Африки. "
                       "Про Європу там не говорили.")
    assert {("Азія", "place"), ("Африка", "place"), ("Європа", "place")} <= found


def test_an_adjective_agreeing_with_the_noun_after_it_goes_into_the_nominative_with_it() -> None:
    # "Латинської", "Кривого", "Південного" also read as the nouns "латинська", "криве",
    # "південне": a capitalised noun after them that they agree with is the head
    assert base_form(["Латинської", "Америки"], "uk", singular=True) == ["Латинська", "Америка"]
    assert base_form(["Кривого", "Рогу"], "uk", singular=True) == ["Кривий", "Ріг"]
    assert base_form(["Південного", "Бугу"], "uk", singular=True) == ["Південний", "Буг"]
    assert base_form(["Нової", "Каховки"], "uk", singular=True) == ["Нова", "Каховка"]


def test_a_plural_reading_of_the_noun_after_does_not_make_a_noun_an_adjective() -> None:
    # "Молоді" is also a plural adjective, "України" also a plural accusative
    assert base_form(["Молоді", "України"], "uk", singular=True) == ["Молодь", "України"]
    assert base_form(["Охоронний", "холдінг"], "uk", singular=True) == ["Охоронний", "холдінг"]


def test_places_of_an_adjective_and_a_noun_get_their_base_form_in_a_sentence() -> None:
    found = _suggested("Експедиція дійшла до Латинської Америки, а потім пливла вздовж "
                       "Південного Бугу.")
    names = {name for name, _ in found}
    assert {"Латинська Америка", "Південний Буг"} <= names


def test_streets_listed_after_the_word_for_streets_are_places_named_as_written() -> None:
    text = ("Торік відремонтували тротуари вулиць: І. Франка, Зелена, Героїв Праці, "
            "Тараса Шевченка, Гоголя, Кірова та Лесі Українки.")
    found = _suggested(text)
    for street in ("І. Франка", "Зелена", "Героїв Праці", "Тараса Шевченка", "Гоголя",
                   "Кірова", "Лесі Українки"):
        assert (street, "place") in found
    assert not any(kind == "person" for _, kind in found)


def test_a_person_after_a_street_and_a_comma_is_still_a_person() -> None:
    found = _suggested("На вулиці Шевченка, Петро Іваненко сказав, що читав Гоголя.")
    assert ("Петро Іваненко", "person") in found
    assert ("Гоголь", "person") in found


def test_towns_after_the_word_for_streets_keep_their_base_form() -> None:
    found = _suggested("Почався ремонт вулиць Харкова та Полтави, а також вулиць: Садову, "
                       "Соборну та Гагаріна.")
    assert {("Харків", "place"), ("Полтава", "place"), ("Соборна", "place"),
            ("Гагаріна", "place")} <= found


def test_an_initialism_of_a_common_noun_is_no_actor() -> None:
    # the dictionary gives "ПДВ", "ТЕС", "АЗС" a plural, as it gives none to the name of one
    # body ("СБУ"); "МВС", "ОДА" read as plurals too, but their words name state bodies
    found = _suggested("Ціна становить 4180 грн з ПДВ. Вугілля для спалювання на ТЕС подорожчало. "
                       "Податківці, МВС та СБУ перевірили ОДА і кілька АЗС.")
    names = {name for name, _ in found}
    assert not names & {"ПДВ", "ТЕС", "АЗС"}
    assert {("МВС", "state_body"), ("СБУ", "state_body"), ("ОДА", "state_body")} <= found


def test_the_case_of_a_masculine_noun_in_ii_is_no_country_in_iia() -> None:
    # "Амфібрахія", "Амфібрахію": the genitive and dative of Амфібрахій, not a land in "-ія"
    found = _suggested("Дід, пояснивши Амфібрахію, пішов. Заробком Амфібрахія було зілля. "
                       "Делегація поїхала до Моравії.")
    assert ("Амфібрахій", "place") not in found
    assert ("Моравія", "place") in found


def test_small_towns_are_known_by_their_cyrillic_names() -> None:
    from db.gazetteer import small_town

    assert small_town("Ходорів")
    assert small_town("Моршин")
    assert small_town("ТЕРЕБОВЛЯ")
    assert not small_town("Київ")  # a city of the gazetteer's own
    assert not small_town("Khodoriv")  # names in other scripts are left out


def test_a_small_town_is_a_place_not_a_surname_guessed_by_its_ending() -> None:
    found = _suggested("Серед курортів найвідоміші Моршин і Трускавець. "
                       "Галич, Бурштин, Рогатин — давні столиці. Приїхав Ковальчук.")
    assert {("Моршин", "place"), ("Трускавець", "place"), ("Бурштин", "place"),
            ("Рогатин", "place")} <= found
    assert ("Ковальчук", "person") in found


def test_the_initialism_of_a_republic_is_a_place() -> None:
    found = _suggested("Уряд УСРР переїхав до Харкова. Тоді РСФРР і БРСР підписали договір, "
                       "а в АР Крим мовчали.")
    assert {("УСРР", "place"), ("РСФРР", "place"), ("БРСР", "place"), ("АР Крим", "place")} <= found


def test_a_word_in_lower_case_is_not_read_as_a_persons_name() -> None:
    # "зоні" is also the genitive of the first name "Зоня", as likely in the dictionary as "зона"
    assert base_form(["Чорнобильській", "зоні"], "uk", singular=True) == ["Чорнобильська", "зона"]
    assert ("Чорнобильська зона", "place") in _suggested(
        "Кошти переказували на рахунки фірм, що працюють у Чорнобильській зоні.")
