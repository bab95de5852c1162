"""Ukrainian (and Russian) names of an adjective and an initialism, and names written in
capitals: their base forms and kinds (a field trial's findings, issue 13)."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors
from db.language.morphology import base_form


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_an_adjective_before_an_initialism_goes_into_the_nominative_in_its_own_gender() -> None:
    # the initialism shows no gender: the adjective's form does ("-ої", "-ій", "-у": feminine)
    assert ("Чорнобильська АЕС", "organisation") in _suggested("Працівники Чорнобильської АЕС вийшли на роботу.")
    assert ("Запорізька АЕС", "organisation") in _suggested("На Запорізькій АЕС стався збій.")
    assert base_form(["Зуївську", "ТЕС"], "uk") == ["Зуївська", "ТЕС"]
    assert base_form(["Слов'янської", "і", "Старобешівської", "ТЕС"], "uk") == [
        "Слов'янська", "і", "Старобешівська", "ТЕС"]
    assert base_form(["Київських", "ТЕЦ"], "uk") == ["Київські", "ТЕЦ"]
    assert base_form(["Нововоронежской", "АЭС"], "ru") == ["Нововоронежская", "АЭС"]


def test_a_masculine_or_neuter_adjective_takes_the_gender_of_the_initialism() -> None:
    # the dictionary's gender of it ("СІЗО": a masculine "ізолятор"), else the masculine
    assert base_form(["Житомирському", "СІЗО"], "uk") == ["Житомирський", "СІЗО"]
    assert base_form(["Одеським", "НПЗ"], "uk") == ["Одеський", "НПЗ"]
    # the text's expansion of it ends in a neuter "підприємство", "відділення"
    text = ("Диканське госпрозрахункове мисливсько-рибальське підприємство судилося. "
            "Права Диканського ГМРП не порушено.")
    assert ("Диканське ГМРП", "organisation") in _suggested(text)
    text = ("Тернопільське територіальне відділення АМКУ оштрафувало фірму. Спеціалісти "
            "Тернопільського ОТВ АМКУ проаналізували 18 процедур.")
    assert ("Тернопільське ОТВ АМКУ", "state_body") in _suggested(text)


def test_an_adjective_before_an_initialism_is_no_womans_surname() -> None:
    assert _suggested("Будівництво Хмельницької АЕС затримали.") == {("Хмельницька АЕС", "organisation")}


def test_a_surname_in_capitals_is_a_name_in_its_base_form() -> None:
    assert _suggested("Рішення ПОРОШЕНКА скасували.") == {("Порошенко", "person")}
    assert _suggested("Вчора зустрілися з Петром ПОРОШЕНКОМ у Полтаві.") == {
        ("Петро Порошенко", "person"), ("Полтава", "place")}
    assert _suggested("Про це сказав ПОРОШЕНКО Петро Олексійович.") == {
        ("Порошенко Петро Олексійович", "person")}
    # a surname the dictionary reads first as a being's noun ("ковальчук") is a name too
    assert _suggested("Вчора зустрілися з Олегом КОВАЛЬЧУКОМ у Полтаві.") == {
        ("Олег Ковальчук", "person"), ("Полтава", "place")}
    # an initialism the dictionary guesses a surname for stays an initialism
    assert _suggested("Представники РВПРГ приїхали.") == {("РВПРГ", "organisation")}
