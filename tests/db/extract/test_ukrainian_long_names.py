"""Long Ukrainian names of organisations suggested whole: a capitalised adjective inside the
name runs on to its lower-case noun, and the words of a name after "імені" and "з питань"
stay with it."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_a_capitalised_adjective_in_a_name_runs_on_to_its_noun_and_the_genitives_after() -> None:
    text = ("Про ремонт повідомило Управління житлового господарства Донецької міськради. "
            "Він працює в Інституті зрошуваного землеробства Національної академії аграрних "
            "наук України з 2010 року.")
    found = _suggested(text)
    assert ("Управління житлового господарства Донецької міськради", "state_body") in found
    assert ("Інститут зрошуваного землеробства Національної академії аграрних наук України",
            "organisation") in found
    names = {name for name, _ in found}
    assert not names & {"Управління житлового господарства Донецької",
                        "Інститут зрошуваного землеробства Національної"}


def test_the_name_after_imeni_stays_inside_the_institutions_name() -> None:
    text = ("Він закінчив Київський державний університет імені Тараса Шевченка у 1990 році. "
            "Вона працює в Інституті психології ім. С. Костюка давно.")
    found = _suggested(text)
    assert ("Київський державний університет імені Тараса Шевченка", "state_body") in found
    assert ("Інститут психології ім. С. Костюка", "organisation") in found
    names = {name for name, _ in found}
    assert not names & {"Тарас Шевченко", "С. Костюк", "Київський державний університет імені"}


def test_an_adjective_before_a_neuter_noun_is_neuter_in_the_base_form() -> None:
    text = ("Засідання Наукового товариства імені Т. Шевченка відбулося. Листа надіслали до "
            "Головного управління юстиції.")
    found = _suggested(text)
    assert ("Наукове товариство імені Т. Шевченка", "organisation") in found
    assert any(name.startswith("Головне управління") for name, _ in found)
    assert not any(name.startswith(("Науковий товариство", "Головний управління"))
                   for name, _ in found)


def test_z_and_the_subject_in_the_genitive_stay_inside_the_institutions_name() -> None:
    text = ("Скаргу подали до Інспекції з питань якості будівництва минулого тижня. Звіт "
            "оприлюднило Державне агентство з енергоефективності України. Він зустрівся з "
            "Міністерством з ранку.")
    found = _suggested(text)
    assert ("Інспекція з питань якості будівництва", "state_body") in found
    assert ("Державне агентство з енергоефективності України", "state_body") in found
    names = {name for name, _ in found}
    assert not any(name.endswith(("минулого", "тижня", "з ранку")) for name in names)


def test_z_and_its_subject_may_follow_the_country_in_the_genitive() -> None:
    text = "Лист надіслало Головне управління Міністерства України з питань освіти учора."
    names = {name for name, _ in _suggested(text)}
    assert "Головне управління Міністерства України з питань освіти" in names


def test_an_adjective_and_the_common_noun_it_agrees_with_are_no_persons_name() -> None:
    # "Рада" is a woman's first name too; "Радою" heads an institution as "Рада" does
    text = ("Того дня Верховна Рада ухвалила закон. Проєкт внесено Радою міністрів "
            "Автономної Республіки Крим. Лист написала Лісова Ганна.")
    found = _suggested(text)
    assert ("Верховна Рада", "state_body") in found
    assert ("Рада міністрів Автономної Республіки Крим", "state_body") in found
    assert ("Лісова Ганна", "person") in found
    assert "Рада" not in {name for name, _ in found}


def test_an_electoral_bloc_named_after_its_leader_is_one_organisation() -> None:
    from db.extract.mentions import suggest_new_actors

    text = ("Конкуренцію затвердженому з’їздом Блоку Порошенка Костянтину Яринічу створили. "
            "Його підтримав Блок Юлії Тимошенко.")
    found = {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}
    assert {("Блок Порошенка", "organisation"), ("Блок Юлії Тимошенко", "organisation"),
            ("Костянтин Яриніч", "person")} <= found
