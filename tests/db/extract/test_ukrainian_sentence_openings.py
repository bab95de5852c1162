"""Capitalised words opening a Ukrainian sentence: a word read first of all as a common one
is no name, though a surname of that form exists; a first name stays; the dot of a street's
or a village's short word opens no sentence."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors


def _names(text: str) -> set[str]:
    return {c.name for c in suggest_new_actors(text, language="uk")}


def test_a_word_read_first_as_a_common_one_opening_a_sentence_is_no_name() -> None:
    # "Станом", "Жили" are also forms of the surnames Стан, Жила
    text = "Роботи зупинили. Станом на сьогодні нічого не змінилося. Жили вони бідно."
    assert not _names(text) & {"Стан", "Жила", "Станом", "Жили"}


def test_a_first_name_opening_a_sentence_stays_a_name() -> None:
    # "Марину" is also the accusative of the common noun "марина" (a seascape)
    text = "Вона поїхала до моря.\nМарину не відразу потягнуло додому."
    assert "Марина" in _names(text)


def test_the_dot_of_a_streets_short_word_opens_no_sentence() -> None:
    # "Дружби", "Щастя" read first as common nouns: after "вул.", "с." they are names
    text = "Офіс розташований на вул. Дружби, 12. Ще один відкрили в с. Щастя торік."
    names = _names(text)
    assert "вул. Дружби, 12" in names
    assert "Щастя" in names


def test_a_word_after_initials_is_a_surname() -> None:
    found = {(c.name, c.kind) for c in suggest_new_actors(
        "Цей підхід описано в працях С . П . Межигірського.", language="uk")}
    assert any(name.startswith("С. П. ") and kind == "person" for name, kind in found)


def test_an_adjective_opening_a_sentence_before_its_noun_is_no_name() -> None:
    # "Сірі", "Бідні" are also surnames in the plural; "Лєнині" is Лєна's
    text = "Вони жили біля ставу. Сірі чаплі не люблять змін. Бідні люди мовчали. " \
        "Лєнині батьки прийшли."
    names = _names(text)
    assert not names & {"Сірі", "Бідні", "Сірий", "Бідний"}
    assert "Лєна" in names


def test_a_pronoun_adverb_or_verb_opening_a_sentence_is_no_name() -> None:
    # "Далі" is also read as the surname Далі, "Тобі" as the name Тобі, "Мені" as a noun
    text = "Він зупинився. Далі йти не було сили. Тобі це не сподобається. Мені теж."
    assert not _names(text) & {"Далі", "Тобі", "Мені", "Мен"}


def test_a_pronoun_opening_a_sentence_is_split_from_the_name_after_it() -> None:
    names = _names("Ціни зросли. Чому ДФС мовчить досі?")
    assert "ДФС" in names
    assert not any(name.startswith(("Чому", "Що ")) for name in names)


def test_a_bullet_or_a_table_cell_opens_an_item_like_a_sentence() -> None:
    text = ("Відділення довело, що: * Більшість файлів мали помилки ; * Учасники подавали "
            "пропозиції ; * Документи були схожі. Ролик № 1 | Огляд інвестицій | 5 хв")
    assert not _names(text) & {"Більшість", "Учасники", "Документи", "Огляд", "Учасник"}


def test_a_function_word_opening_a_line_of_speech_is_no_name() -> None:
    # "Далі" is also the surname Далі
    assert "Далі" not in _names("Він довго мовчав. — Далі йдемо самі , — сказав він.")


def test_an_inflected_initialism_of_a_common_noun_is_no_name() -> None:
    # "ФОП" (a sole trader) is no actor, nor are its case forms
    assert not _names("Договір уклали з ФОПа Петренка, а не з трьох ФОПів.") & {"ФОП", "ФОПа"}
