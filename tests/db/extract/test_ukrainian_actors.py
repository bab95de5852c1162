"""Actors in Ukrainian: known names found in every case form; new ones suggested in their base
form with a kind, titles split from the person's name, sentence-opening words left out,
institutions whose later words are in lower case taken whole."""

from __future__ import annotations

from db.extract.mentions import ActorMatcher, suggest_new_actors


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_known_ukrainian_actors_are_found_in_their_case_forms() -> None:
    matcher = ActorMatcher([(1, "Харків", "Харків", "place"),
                            (2, "Віталій Кличко", "Віталій Кличко", "person")])
    text = ("Делегація приїхала у Харкові вранці. До Харкова везли допомогу. "
            "Журналісти розпитали Віталія Кличка про мости.")
    found = [(m.actor_id, m.quote) for m in matcher.find(text)]
    assert found == [(1, "Харкові"), (1, "Харкова"), (2, "Віталія Кличка")]


def test_a_person_named_in_the_genitive_is_suggested_in_the_nominative() -> None:
    found = _suggested("Учора в парку зустріли Сергія Біловола і Олексія Гончаренка.")
    assert ("Сергій Біловол", "person") in found
    assert ("Олексій Гончаренко", "person") in found


def test_a_city_after_a_preposition_is_a_place_in_its_base_form() -> None:
    found = _suggested("Минулого тижня у Мелітополі відкрили нову школу.")
    assert ("Мелітополь", "place") in found
    found = _suggested("Делегація зупинилася у Києві на два дні.")
    assert ("Київ", "place") in found  # not the legendary prince Кий


def test_an_oblast_is_a_place_in_the_nominative() -> None:
    found = _suggested("Кошти виділили Черкаській області на ремонт доріг.")
    assert ("Черкаська область", "place") in found


def test_sentence_opening_adverbs_and_conjunctions_are_no_actors() -> None:
    text = ("Раніше ціни були нижчими. Пізніше Олена Петренко поїхала до Львова. Ще хліб "
            "подорожчав. Водночас молоко подешевшало. Втім, ніхто не скаржився.")
    found = suggest_new_actors(text, language="uk")
    assert {c.name for c in found} == {"Олена Петренко", "Львів"}


def test_a_title_opening_a_sentence_is_split_from_the_person() -> None:
    found = _suggested("Суд оголосив рішення. Прокурор Андрій Мельничук не погодився.")
    assert ("Андрій Мельничук", "person") in found
    assert not any(name.startswith("Прокурор") for name, _ in found)


def test_a_company_with_its_legal_form_and_quoted_name_is_one_organisation() -> None:
    text = "Тендер виграло ТОВ «Світла вежа плюс», а не його конкурент."
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [("ТОВ «Світла вежа плюс»", "organisation")]


def test_an_institution_written_with_lower_case_words_is_taken_whole() -> None:
    found = _suggested("Скаргу подали до Антимонопольного комітету України минулого року. "
                       "Депутати від Партії регіонів голосували проти.")
    assert ("Антимонопольний комітет України", "state_body") in found
    assert ("Партія регіонів", "organisation") in found


def test_a_court_stops_before_words_of_time_and_an_inflected_initialism_is_reduced() -> None:
    found = _suggested("Позов відхилив Печерський райсуд минулого тижня. Представники НОКу "
                       "промовчали.")
    assert ("Печерський райсуд", "state_body") in found
    assert ("НОК", "organisation") in found


def test_two_institutions_joined_by_a_conjunction_are_two_names() -> None:
    found = _suggested("Листи надіслали до Міністерства економічного розвитку і торгівлі та "
                       "Міністерства фінансів.")
    assert ("Міністерство економічного розвитку і торгівлі", "state_body") in found
    assert ("Міністерство фінансів", "state_body") in found


def test_a_known_city_or_country_without_a_preposition_is_a_place() -> None:
    # no "у"/"до" before them: the Ukrainian dictionary tags no places, the gazetteer knows them
    found = _suggested("Після обстрілу Харкова уряд звернувся до партнерів, і Кіпр та Німеччина відповіли першими.")
    assert ("Харків", "place") in found
    assert ("Кіпр", "place") in found
    assert ("Німеччина", "place") in found


def test_a_first_name_the_dictionary_leaves_untagged_stays_with_the_surname() -> None:
    # "Богдан" is no first name in the dictionary's nominative; "Марині" reads first as
    # something else in the dative: each still opens the person's name
    text = ("Звернення підписав Богдан Ковалишин з Луцька. Премію вручили Марині Дорошенко. "
            "Дружина Ірина Савчук теж прийшла.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.quote, c.name, c.kind) for c in found] == [
        ("Богдан Ковалишин", "Богдан Ковалишин", "person"), ("Луцька", "Луцьк", "place"),
        ("Марині Дорошенко", "Марина Дорошенко", "person"),
        ("Ірина Савчук", "Ірина Савчук", "person")]


def test_an_initialism_or_an_organisation_before_a_quoted_name_is_one_organisation() -> None:
    text = ("Договір уклали НАК «Нафтогаз України» та ТОВ ДВ «Екосвіт». Кошти отримав "
            "Благодійний фонд « Платар » минулого року. Його обрали від БПП «Солідарність».")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("НАК «Нафтогаз України»", "organisation"), ("ТОВ ДВ «Екосвіт»", "organisation"),
        ("Благодійний фонд «Платар»", "organisation"), ("БПП «Солідарність»", "organisation")]


def test_a_place_initialism_before_a_quoted_name_stays_a_place() -> None:
    found = _suggested("Делегація з США «Мрія» не приїхала.")
    assert ("США", "place") in found


def test_a_persons_initials_before_or_after_the_surname_are_part_of_the_name() -> None:
    text = ("Позиція В. Ф. Шевчука не змінилася. Договір підписали ФОП Кузнєцов А. С. і "
            "ТОВ «Інтєра». Теорію описав О . М . Бутлеров .")
    found = suggest_new_actors(text, language="uk")
    assert [(c.quote, c.name, c.kind) for c in found] == [
        ("В. Ф. Шевчука", "В. Ф. Шевчук", "person"),
        ("Кузнєцов А. С.", "Кузнєцов А. С.", "person"),  # ФОП, a legal status, is no actor
        ("ТОВ «Інтєра»", "ТОВ «Інтєра»", "organisation"),
        ("О . М . Бутлеров", "О. М. Бутлеров", "person")]


def test_a_first_name_with_a_surname_the_dictionary_does_not_know_is_a_person() -> None:
    assert _suggested("Подяку висловили Галині Бурдей за роботу.") == {
        ("Галина Бурдей", "person")}
    assert _suggested("Скаргу подав Гветадзе минулого тижня.") == {("Гветадзе", "person")}


def test_a_city_in_the_genitive_without_a_preposition_is_a_place() -> None:
    assert _suggested("Рейси до Миколаєва скасували, як і рейси Херсона.") == {
        ("Миколаїв", "place"), ("Херсон", "place")}


def test_with_someone_in_the_instrumental_is_a_person_not_a_place() -> None:
    # Роман is also a city (in Romania) and a novel; "із Романом" is with a man
    found = _suggested("Вона гуляла парком із Романом , а потім поїхала до Львова.")
    assert found == {("Роман", "person"), ("Львів", "place")}


def test_stations_islands_and_departments_get_their_kind_from_their_head_noun() -> None:
    found = _suggested("Потяг прибув до Річкового вокзалу. Гроші вивели на офшори на "
                       "Сейшельських островах. Рішення ухвалив Департамент житлового "
                       "господарства.")
    assert found == {("Річковий вокзал", "place"), ("Сейшельські острови", "place"),
                     ("Департамент житлового господарства", "state_body")}


def test_a_state_bodys_branch_in_a_region_is_one_state_body() -> None:
    text = "Справу веде Управління СБУ у Вінницькій області. Лист пішов до ДПІ у Печерському районі."
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Управління СБУ у Вінницькій області", "state_body"),
        ("ДПІ у Печерському районі", "state_body")]


def test_a_street_is_a_place_named_with_the_word_for_a_street() -> None:
    found = _suggested("Він жив на вул. Гагаріна, потім на вулиці Коновальця, а кафе "
                       "відкрив на проспекті Перемоги.")
    assert found == {("вул. Гагаріна", "place"), ("вулиця Коновальця", "place"),
                     ("проспект Перемоги", "place")}


def test_an_institution_runs_on_over_its_lower_case_words_and_the_country_after_them() -> None:
    text = ("Ним опікується Рада національної безпеки і оборони України. Про це розповіли в "
            "Української асоціації усної історії. Засідання Державного комітету телебачення і "
            "радіомовлення України відбулося.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Рада національної безпеки і оборони України", "state_body"),  # Рада: a name too
        ("Українська асоціація усної історії", "organisation"),  # not the surname Українка
        ("Державний комітет телебачення і радіомовлення України", "state_body")]


def test_a_place_whose_head_noun_does_not_decline_or_is_a_surname_too_is_taken_whole() -> None:
    found = _suggested("Ділянка біля Столичного шосе продана. Пляж за Хаджибейським лиманом чистий.")
    assert ("Хаджибейський лиман", "place") in found
    assert any(name.startswith("Столичн") and name.endswith("шосе") and kind == "place"
               for name, kind in found)


def test_laws_feasts_events_and_awards_are_no_actors_but_a_quoted_title_stays() -> None:
    text = ("Згідно з Податковим кодексом України податок сплачують. Напередодні Різдва "
            "приїхав Петро Шевчук. Він отримав Почесну грамоту Верховної Ради за роки "
            "Другої світової війни. Про це писала газета «День», а не ЗМІ загалом.")
    assert _suggested(text) == {("Україна", "place"), ("Петро Шевчук", "person"),
                                ("Верховна Рада", "state_body"), ("День", "organisation")}


def test_a_word_opening_a_line_of_dialogue_is_no_name_but_a_city_opening_a_sentence_is() -> None:
    text = ("— Згода ! — відповів він.\nВін сказав : « Гарна ця пісня . »\n"
            "Київ готується до зими. Суд стягнув гроші з ТОВ фірма «Світанок».")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Київ", "place"), ("ТОВ фірма «Світанок»", "organisation")]


def test_a_latin_name_with_a_legal_form_or_alone_in_quotes_is_an_organisation() -> None:
    text = ("Власник – офшор «Harbury Trading LLP» і Nevitcom Limited. Про це пише «Bloomberg». "
            "Виступив Michael Jackson у Києві.")
    assert _suggested(text) == {
        ("Harbury Trading LLP", "organisation"), ("Nevitcom Limited", "organisation"),
        ("Bloomberg", "organisation"), ("Michael Jackson", "person"), ("Київ", "place")}


def test_an_initialism_before_its_country_is_an_organisation_not_a_place() -> None:
    assert _suggested("Вчені з НАН України працюють, відповідь дала ДАБІ України.") == {
        ("НАН України", "organisation"), ("ДАБІ України", "organisation")}


def test_an_organisation_keeps_the_number_it_is_known_by_but_not_a_year() -> None:
    text = ("Обшук у Харківській міській дитячій лікарні № 5 провели вчора. Рішення ухвалила "
            "Одеська місцева прокуратура №1. Тендер оголосило СБУ-2014 року.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Харківська міська дитяча лікарня № 5", "organisation"),
        ("Одеська місцева прокуратура №1", "state_body"), ("СБУ", "state_body")]


def test_an_unknown_word_is_a_person_by_a_surnames_ending_or_a_place_by_a_neuter_one() -> None:
    text = ("Засідання провів Журавко. Листа надіслали Яковинцю. Газ зберігають у сховищі "
            "Опарське.")
    assert _suggested(text) == {("Журавко", "person"), ("Яковинець", "person"),
                                ("Опарське", "place")}


def test_a_place_and_the_district_it_lies_in_are_two_places_but_an_institution_is_one() -> None:
    text = ("Він жив у Дніпрорудному Запорізької області. Рішення ухвалила Прокуратура "
            "Приморського району вчора.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Дніпрорудне", "place"), ("Запорізька область", "place"),
        ("Прокуратура Приморського району", "state_body")]


def test_an_adjective_and_a_noun_with_no_first_name_is_a_place() -> None:
    text = "Ліс біля урочища Горохова Діброва вирубали. Прийшла Лісова Ганна."
    assert _suggested(text) == {("Горохова Діброва", "place"), ("Лісова Ганна", "person")}


def test_a_court_with_the_city_or_region_it_serves_is_one_state_body() -> None:
    text = ("Про це йдеться в ухвалі Печерського райсуду м. Києва від 10 вересня. Рішення "
            "Господарського суду Полтавської області оскаржили. Суддя Апеляційного суду "
            "м. Києва Дениса Масенка не прийшов.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Печерський райсуд м. Києва", "state_body"),
        ("Господарський суд Полтавської області", "state_body"),
        ("Апеляційний суд м. Києва", "state_body"), ("Денис Масенко", "person")]


def test_two_first_names_before_one_plural_surname_are_one_family() -> None:
    text = ("Олена та Сергій Ткаченки купили квартиру. Землю продали Денису і Володимиру "
            "Ященкам. Прийшли Ірина та Петро Коваль.")
    assert _suggested(text) == {("Олена та Сергій Ткаченки", "person"),
                                ("Денис і Володимир Ященки", "person"),
                                ("Ірина", "person"), ("Петро Коваль", "person")}


def test_adjectives_listed_before_the_plural_noun_they_share_are_one_name() -> None:
    text = ("Сніг випав у Київській, Житомирській та Полтавській областях. Аварії сталися на "
            "Кременчуцькому, Дрогобицькому і Надвірнянському НПЗ. Тоді ж Львівський "
            "університет і Київська політехніка домовилися.")
    found = _suggested(text)
    assert ("Київська, Житомирська та Полтавська області", "place") in found
    assert ("Кременчуцький, Дрогобицький і Надвірнянський НПЗ", "organisation") in found
    assert not {name for name, _ in found} & {"Київська", "Житомирська", "Дрогобицький"}
    assert ("Львівський університет", "organisation") in found  # a singular noun: two names


def test_a_street_address_keeps_its_house_number_but_not_a_date() -> None:
    text = ("Офіс на вул. Крилова, 7 зачинили. Продали кафе на вулиці Шевченка, 58-А. "
            "Мітинг на вул. Грушевського 5 травня розігнали.")
    assert _suggested(text) == {("вул. Крилова, 7", "place"),
                                ("вулиця Шевченка, 58-А", "place"),
                                ("вул. Грушевського", "place")}


def test_a_name_takes_its_kind_from_its_noun_its_quotes_or_the_names_listed_with_it() -> None:
    text = ("Новий будинок зведуть у селі Кожичі. Студент писав для « Ровесника » щотижня. "
            "Товари продають «Фора», Сільпо та Ашан.")
    found = _suggested(text)
    assert ("Кожичі", "place") in found
    assert ("Ровесник", "organisation") in found  # quotes as tokenized text writes them
    assert ("Сільпо", "organisation") in found
    assert ("Ашан", "organisation") in found


def test_quotes_an_initialism_and_a_first_name_say_the_kind_before_the_gazetteer() -> None:
    text = ("Депутат від «Батьківщини» виступив. Редакція газети « Житомирщина » закрилася. "
            "Засновником є ГУОВ. Прогулянка нагадала Романові дитинство.")
    assert _suggested(text) == {("Батьківщина", "organisation"),
                                ("Житомирщина", "organisation"), ("ГУОВ", "organisation"),
                                ("Роман", "person")}  # not the Romanian town Roman


def test_two_names_side_by_side_in_different_cases_are_two_actors() -> None:
    text = ("За часів Віктора Януковича Євген Анісімов керував областю. Бізнесмени зустрілися "
            "з президентом Ізраїлю Шимоном Пересом. Наказ підписав Шевченко Тарас Григорович.")
    found = suggest_new_actors(text, language="uk")
    assert [(c.name, c.kind) for c in found] == [
        ("Віктор Янукович", "person"), ("Євген Анісімов", "person"), ("Ізраїль", "place"),
        ("Шимон Перес", "person"), ("Шевченко Тарас Григорович", "person")]


def test_a_surname_written_before_the_first_name_and_patronymic_stays_with_them() -> None:
    text = ("Договір уклали з Веліжанським Сергієм Сергійовичем. Директором є Шелельо Михайло "
            "Васильович. Рішення ухвалило СБУ Михайло Васильович.")
    assert _suggested(text) == {("Веліжанський Сергій Сергійович", "person"),
                                ("Шелельо Михайло Васильович", "person"),
                                ("СБУ", "state_body"), ("Михайло Васильович", "person")}


def test_a_region_with_its_short_noun_is_one_place_written_with_its_capitals() -> None:
    text = ("Завод зареєстровано: Мирноград, Донецька обл. Пожежа сталася у Новгородківському "
            "р-ні. Дороги ремонтують в Івано-Франківській області.")
    found = _suggested(text)
    assert ("Донецька обл.", "place") in found
    assert ("Новгородківський р-н", "place") in found
    assert ("Івано-Франківська область", "place") in found  # not "Івано-франківська"


def test_a_name_opening_a_short_quoted_title_is_the_whole_title_but_not_in_a_quoted_sentence(
        ) -> None:
    text = ("Про це повідомляється у «Віснику державних закупівель». Депутат від партії «Фронт "
            "змін» виступив. Мама сказала: « Люби ближнього свого ».")
    found = _suggested(text)
    assert ("Вісник державних закупівель", "media_outlet") in found
    assert ("Фронт змін", "organisation") in found
    assert not {name for name, _ in found} & {"Вісник", "Фронт", "Люби ближнього свого"}


def test_a_latin_name_after_an_organisations_noun_takes_its_kind() -> None:
    text = "Опитування провела компанія Gradus, а показав його телеканал Espreso."
    found = {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}
    assert ("Gradus", "organisation") in found
    assert ("Espreso", "media_outlet") in found


def test_an_abbreviated_ministry_with_an_apostrophe_and_interpol_get_their_kinds() -> None:
    # "Мін'юст" (the Ministry of Justice) was a place, "Мін’юст України" a person
    assert _suggested("Як повідомили в Мін'юсті, документи передано до суду.") == {
        ("Мін'юст", "state_body")}
    assert ("Мін’юст України", "state_body") in _suggested("Про це повідомляє Мін’юст України.")
    assert _suggested("Його оголосили в розшук через Інтерпол.") == {("Інтерпол", "organisation")}
