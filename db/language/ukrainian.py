"""Ukrainian: Snowball has no Ukrainian stemmer, so search reduces its words to their
dictionary base forms (pymorphy3's Ukrainian dictionary); and the words dates are read by."""

from __future__ import annotations

from collections.abc import Sequence

from db.language.base import Language, WordReducer


def _lemmatiser() -> WordReducer:
    from db.language.morphology import lemmas

    def reduce(words: Sequence[str]) -> list[str]:
        return lemmas(words, "uk")

    return reduce


def _name_forms(name: str) -> set[str]:
    from db.language.morphology import case_forms

    return case_forms(name, "uk")


def _base_name(words: list[str]) -> list[str]:
    from db.language.morphology import base_form

    return base_form(words, "uk")


LANGUAGE = Language("uk", "Ukrainian", "Українська", "Cyrillic", reducer=_lemmatiser,
                    name_forms=_name_forms, base_name=_base_name)

MONTH_STEMS = {
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн": 5, "трав": 5, "черв": 6, "лип": 7,
    "серп": 8, "верес": 9, "жовт": 10, "листопад": 11, "лист": 11, "груд": 12,
}  # fmt: skip
MONTH_RE = (r"(?:січ(?:ня|ень|ні)|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|квіт(?:ня|ень|ні)|"
            r"травн(?:я|і)|травень|черв(?:ня|ень|ні)|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|"
            r"верес(?:ня|ень|ні)|жовт(?:ня|ень|ні)|листопад(?:а|і)?|груд(?:ня|ень|ні))")


def month_number(word: str) -> int | None:
    lower = word.lower().rstrip(".")
    for size in (8, 6, 5, 4, 3):
        if len(lower) >= size and lower[:size] in MONTH_STEMS:
            return MONTH_STEMS[lower[:size]]
    return None
