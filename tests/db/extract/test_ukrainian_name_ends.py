"""Where a Ukrainian name ends: not at a verb after it (a lower-case word is no person's
name, whatever the dictionary also reads it as), nor at a noun its adjective does not agree
with."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_a_past_tense_verb_after_an_institution_is_no_part_of_its_name() -> None:
    # "надала" reads first as the genitive of a surname Надал, "вела" of a first name Вел
    text = ("Торік Миколаївська міськрада надала землю фермерам. Потім Громадська рада "
            "освіти вела перемовини з ними.")
    found = _suggested(text)
    assert ("Миколаївська міськрада", "state_body") in found
    names = {name for name, _ in found}
    assert "Громадська рада освіти" in names
    assert not any("надала" in name or "вела" in name for name in names)


def test_an_adjective_runs_on_only_to_a_noun_it_agrees_with() -> None:
    # "Луганську" reads first as an adjective (the accusative of "Луганська"), "площею" is
    # in the instrumental: the city in the locative and a noun of its own
    text = "Він купив квартиру у Луганську площею 60 метрів, а потім на Київському вокзалі."
    names = {name for name, _ in _suggested(text)}
    assert "Луганськ" in names
    assert "Київський вокзал" in names
    assert not any("площею" in name for name in names)


def test_the_last_of_listed_adjectives_agrees_with_a_plural_noun() -> None:
    text = "Опади пройдуть у Волинській та Рівненській областях завтра."
    names = {name for name, _ in _suggested(text)}
    assert "Волинська та Рівненська області" in names


def test_a_noun_the_dictionary_gives_without_a_case_is_in_the_nominative() -> None:
    from db.extract.mentions.ukrainian_reading import agreeing
    from db.language.morphology import parses

    adjective = [p for p in parses("Литовська", "uk") if p.tag.POS == "ADJF"]
    assert agreeing(adjective, "держава", "NOUN")  # "держава": no case, no number given
    assert not agreeing(adjective, "державою", "NOUN")


def test_a_city_after_m_or_misti_is_the_city_not_a_person() -> None:
    # "Києві" is also the dative of the first name Кий
    text = "Програму розвитку туризму в місті Києві ухвалили. Офіс відкрили у м. Києві."
    found = _suggested(text)
    assert ("Київ", "place") in found
    assert not any(name == "Кий" for name, _ in found)


def test_a_state_bodys_branch_in_a_city_is_one_name() -> None:
    text = ("Заяву подали до ГУ ДФС у м. Києві. Депутат Оболонської райради у місті Києві "
            "Петро Шаповал проголосував проти.")
    found = _suggested(text)
    assert ("ГУ ДФС у м. Києві", "state_body") in found
    assert ("Оболонська райрада у місті Києві", "state_body") in found
    assert ("Петро Шаповал", "person") in found


def test_a_possessive_adjective_is_the_person_it_speaks_of_not_a_name_with_its_noun() -> None:
    text = ("Він довго дивився на Тарасові руки. Ми зайшли до Оксаниного будинку, а потім "
            "читали Шевченкові вірші. Пізніше говорили про Андрієву хату.")
    found = _suggested(text)
    assert {("Тарас", "person"), ("Оксана", "person"), ("Андрій", "person")} <= found
    names = {name for name, _ in found}
    assert not any(" " in name for name in names)  # no "Тарасові руки", "Оксанин будинок"


def test_a_possessive_with_an_alternating_or_guessed_stem_is_the_one_it_speaks_of() -> None:
    # "Іванчин" of Іванка, "Божий" of Бог; "Путінових" the dictionary does not list (it guesses
    # "путіновий"); "Дубовий" (of oak) is its own adjective, no one's
    text = ("Вона взяла Іванчиних рук тепло. Це, кажуть, Божа воля. Ніхто не знав "
            "Путінових планів. Там стоїть Дубовий гай.")
    found = _suggested(text)
    assert {("Іванка", "person"), ("Бог", "person"), ("Путін", "person")} <= found
    assert ("Дуб", "person") not in found


def test_an_adjective_of_a_place_before_its_noun_is_no_possessive() -> None:
    text = "Він працює на Київському вокзалі, а вона в Одеській області."
    names = {name for name, _ in _suggested(text)}
    assert {"Київський вокзал", "Одеська область"} <= names


def test_a_surname_holding_a_place_noun_is_no_place() -> None:
    # "Григораш" holds "гора", "Надолинний" "долина": neither is a place's head noun
    text = "Директором є Ігор Григораш. Керівником став Роман Надолинний."
    found = _suggested(text)
    assert {("Ігор Григораш", "person"), ("Роман Надолинний", "person")} <= found


def test_a_large_city_read_also_as_a_surname_is_the_city() -> None:
    # "Лондон" is a surname too; "Шевченко", a town's name as well, stays the person
    text = "Вони їздили в Лондон щороку. Потім виступив Шевченко."
    found = _suggested(text)
    assert ("Лондон", "place") in found
    assert ("Шевченко", "person") in found


def test_a_citys_district_and_the_city_in_the_genitive_are_one_place() -> None:
    text = ("Квартира в Шевченківському районі Львова. Офіс у Солом'янському районі "
            "м. Києва. Село в Бородянському районі Київської області.")
    found = _suggested(text)
    assert ("Шевченківський район Львова", "place") in found
    assert ("Солом'янський район м. Києва", "place") in found
    assert {("Бородянський район", "place"), ("Київська область", "place")} <= found


def test_a_capitalised_common_noun_of_a_being_inside_a_sentence_names_one() -> None:
    text = "Він довго молився, і Бог його почув. Потім сказав Учитель своє слово."
    found = _suggested(text)
    assert {("Бог", "person"), ("Учитель", "person")} <= found


def test_a_word_the_dictionary_does_not_know_inside_a_sentence_is_a_person() -> None:
    # "Тромбле" is no word of the dictionary; the city after "до" stays a place
    text = "Цю фірму очолював Тромбле до 2015 року. Пізніше Тромбле поїхав до Львова."
    found = _suggested(text)
    assert ("Тромбле", "person") in found
    assert ("Львів", "place") in found


def test_a_capitalised_adjective_without_its_noun_is_a_place() -> None:
    # the streets named after "вулиці", the noun not repeated after each
    text = "Ремонтуватимуть вулиці Садову, Соборну, Залізничну та Вокзальну цього літа."
    found = _suggested(text)
    assert {("Соборна", "place"), ("Залізнична", "place"), ("Вокзальна", "place")} <= found


def test_a_first_name_in_another_case_after_a_surname_is_a_second_person() -> None:
    text = "Співвласниками були дружина Коваленка Світлана та його брат."
    found = _suggested(text)
    assert {("Коваленко", "person"), ("Світлана", "person")} <= found


def test_a_nickname_in_quotes_between_first_name_and_surname_is_one_person() -> None:
    text = "На сцені грав гітарист Олег «Шпак» Бондар, а потім Тараса «Малого» Коваля."
    found = _suggested(text)
    assert ("Олег «Шпак» Бондар", "person") in found
    assert ("Тарас «Малого» Коваль", "person") in found


def test_a_surname_declined_as_an_adjective_standing_alone_is_a_person() -> None:
    text = "Про це розповів Покровський журналістам. Згадали й Сагайдачного ."
    found = _suggested(text)
    assert {("Покровський", "person"), ("Сагайдачний", "person")} <= found


def test_a_masculine_adjective_standing_alone_is_a_man_not_a_place() -> None:
    # "Карий" is no surname the dictionary knows, only the adjective "brown-eyed": alone and
    # masculine, it names a man (the nouns a place's adjective leaves out are feminine)
    text = "Втім, на той час Карий настільки прикипів до хлопчака. У Карого був план."
    found = _suggested(text)
    assert ("Карий", "person") in found
    assert ("Карий", "place") not in found


def test_a_noun_joined_right_after_the_head_is_no_part_of_an_institution() -> None:
    text = ("Юристи вимагали від Полтавської міської ради і договору оренди більше ясності, "
            "а від Бахмутської районної ради та адміністрації - звітів.")
    names = {name for name, _ in _suggested(text)}
    assert "Полтавська міська рада" in names
    assert not any("договору" in name for name in names)
    # another institution sharing the words stays with it, as ner-uk marks it
    assert any(name.endswith("ради та адміністрації") or name.endswith("рада та адміністрації")
               for name in names)


def test_a_title_alone_is_no_name() -> None:
    text = ("Тоді Міністр охорони здоров'я Олег Гнатюк заявив, що Директором лікарні "
            "призначили Ірину Коваль, і з цим погодився Мінфін.")
    found = _suggested(text)
    names = {name for name, _ in found}
    assert "Олег Гнатюк" in names
    assert not {"Міністр", "Директор"} & names
    assert ("Мінфін", "state_body") in found


def test_a_persons_first_name_after_an_institution_begins_the_person() -> None:
    text = ("Учора виступив голова Верховної Ради Андрій Парубій, а потім Голова Вищої "
            "Ради Правосуддя Ігор Бенедисюк.")
    found = _suggested(text)
    assert {("Верховна Рада", "state_body"), ("Андрій Парубій", "person"),
            ("Ігор Бенедисюк", "person")} <= found


def test_police_guard_and_treasury_head_an_institution_with_its_genitive() -> None:
    text = ("Про це повідомили в Національній поліції України, а бійців Національної гвардії "
            "України підтримало Державне казначейство України.")
    found = _suggested(text)
    assert {("Національна поліція України", "state_body"),
            ("Національна гвардія України", "armed_group"),
            ("Державне казначейство України", "state_body")} <= found


def test_an_unknown_word_before_a_surname_in_its_case_is_the_first_name() -> None:
    # the dictionary knows neither "Вагіф" nor "Пінкас" (it guesses an initialism, a place);
    # "мера Києва Кличка" stays a city and a man
    text = ("Акції належать забудовнику Вагіфа Алієва. Голубів купили у Пінкаса Ріттера. "
            "Прийшов мер Києва Кличко.")
    found = _suggested(text)
    assert {("Вагіф Алієв", "person"), ("Пінкас Ріттер", "person")} <= found
    assert {("Київ", "place"), ("Кличко", "person")} <= found


def test_a_theatre_or_a_house_runs_on_over_the_genitive_after_it() -> None:
    text = "Він грав у Театрі російської драми, а концерт пройшов у Будинку офіцерів."
    names = {name for name, _ in _suggested(text)}
    assert {"Театр російської драми", "Будинок офіцерів"} <= names


def test_a_plural_genitive_read_also_as_a_possessive_runs_an_institution_on() -> None:
    # "художників" is also the possessive "of an artist", but no noun follows it
    text = "Там працюють 20 членів Національної спілки художників у селі."
    assert ("Національна спілка художників", "organisation") in _suggested(text)


def test_a_plural_adjective_opening_a_sentence_runs_on_to_no_noun() -> None:
    text = "Дощ ішов. Українські банки знизили ставки. Найкращі кінні театри приїхали."
    names = {name for name, _ in _suggested(text)}
    assert not any("банки" in name or "театри" in name for name in names)


def test_a_forest_a_road_a_monastery_or_a_province_ends_a_places_name() -> None:
    text = ("Вони йшли Волинським шляхом до Чернечого лісу, а звідти до Добромильського "
            "монастиря в Київській губернії. Пан Лісовий і Монастирський мовчали.")
    found = _suggested(text)
    assert {("Волинський шлях", "place"), ("Чернечий ліс", "place"),
            ("Добромильський монастир", "place"), ("Київська губернія", "place")} <= found
    assert {("Лісовий", "place"), ("Монастирський", "place")}.isdisjoint(found)
