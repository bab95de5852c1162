"""Russian: Snowball's Russian stemmer for search, and the words dates are read by.

Statistic and actor rules read Russian with :mod:`db.extract.statistics.russian` and
:mod:`db.extract.mentions.russian`; base forms come from :mod:`db.language.morphology`.
"""

from __future__ import annotations

from db.language.base import Language


def _name_forms(name: str) -> set[str]:
    from db.language.morphology import case_forms

    return case_forms(name, "ru")


def _base_name(words: list[str]) -> list[str]:
    from db.language.morphology import base_form

    return base_form(words, "ru")


LANGUAGE = Language("ru", "Russian", "Русский", "Cyrillic", snowball="russian",
                    pg_config="dossier_russian", name_forms=_name_forms, base_name=_base_name)

#: month names in the forms dates use: "11 июля", "в июле", "июль 2015", "янв."
MONTH_STEMS = {
    "январ": 1, "янв": 1, "феврал": 2, "фев": 2, "февр": 2, "март": 3, "мар": 3, "апрел": 4,
    "апр": 4, "мая": 5, "май": 5, "мае": 5, "июн": 6, "июл": 7, "август": 8, "авг": 8,
    "сентябр": 9, "сен": 9, "сент": 9, "октябр": 10, "окт": 10, "ноябр": 11, "ноя": 11,
    "нояб": 11, "декабр": 12, "дек": 12,
}  # fmt: skip
#: every written form of the months (for patterns)
MONTH_RE = (r"(?:январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|"
            r"июл[ьяюе]|август[аеу]?|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]|"
            r"янв|февр?|апр|авг|сент?|окт|нояб?|дек)\.?")
WEEKDAY_RE = (r"(?:понедельник|вторник|сред[аеуы]|четверг|пятниц[аеуы]|суббот[аеуы]|"
              r"воскресень[ея]|пн|вт|ср|чт|пт|сб|вс)")
#: "2015 года", "2015 г." after a year
YEAR_WORD_RE = r"(?:\s*(?:г\.|гг\.|года?|году)(?!\w))?"


def month_number(word: str) -> int | None:
    """The month a Russian month word names ("июля" -> 7, "дек." -> 12)."""
    lower = word.lower().rstrip(".").replace("ё", "е")
    if lower in MONTH_STEMS:
        return MONTH_STEMS[lower]
    for size in (7, 6, 5, 4, 3):
        if len(lower) > size and lower[:size] in MONTH_STEMS:
            return MONTH_STEMS[lower[:size]]
    return None
