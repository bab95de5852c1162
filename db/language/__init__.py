"""The languages of the sources: one module per language behind one :class:`Language`, a
registry by ISO 639-1 code, detection from a text, and the search forms of words.

A new language is a module with a ``LANGUAGE`` (and the rules its jobs read) named in
``_MODULES``, plus its evaluation set.
"""

from __future__ import annotations

import functools
import re

from db.language.base import Language
from db.language.english import LANGUAGE as ENGLISH
from db.language.russian import LANGUAGE as RUSSIAN
from db.language.snowball import LANGUAGES as SNOWBALL
from db.language.ukrainian import LANGUAGE as UKRAINIAN
from db.language.unstemmed import LANGUAGES as UNSTEMMED

__all__ = ["Language", "all_languages", "language", "normalise_code"]

_REGISTRY: dict[str, Language] = {
    lang.code: lang for lang in (ENGLISH, RUSSIAN, UKRAINIAN, *SNOWBALL, *UNSTEMMED)
}
#: the language a word in a script is taken to be in when the source's language is written in
#: another script (a Latin name in a Russian article is stemmed as English)
SCRIPT_DEFAULTS = {"Latin": "en", "Cyrillic": "ru", "Arabic": "ar", "Greek": "el",
                   "Armenian": "hy", "Devanagari": "hi", "Tamil": "ta", "Hebrew": "yi"}
_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_THREE_LETTER = {"rus": "ru", "ukr": "uk", "eng": "en", "fra": "fr", "fre": "fr", "deu": "de",
                 "ger": "de", "spa": "es", "ara": "ar", "ita": "it", "por": "pt", "tur": "tr"}


def language(code: str | None) -> Language | None:
    """The language with this code ("ru", "ru-RU", "rus"), or None when Dossier does not know it."""
    normal = normalise_code(code)
    return _REGISTRY.get(normal) if normal else None


def normalise_code(code: str | None) -> str | None:
    """A declared language as its ISO 639-1 code: "ru-RU" -> "ru", "RUS" -> "ru"; None when it
    is no language code."""
    if not code:
        return None
    match = _CODE.match(code)
    if not match:
        return None
    base = match.group(1).lower()
    return _THREE_LETTER.get(base, base)


@functools.cache
def all_languages() -> tuple[Language, ...]:
    """Every language Dossier knows, by English name (for choosing one in the window)."""
    return tuple(sorted(_REGISTRY.values(), key=lambda lang: lang.name))


def script_default(script: str) -> Language | None:
    code = SCRIPT_DEFAULTS.get(script)
    return _REGISTRY[code] if code else None


def name_forms(name: str, languages: tuple[str, ...] | None = None) -> set[str]:
    """The other case forms of a name in the inflected languages written in its script (or in
    ``languages``), lower case; empty for a name in English, Arabic ..."""
    from db.language.scripts import main_script

    script = main_script(name)
    forms: set[str] = set()
    for lang in all_languages():
        if lang.name_forms is None or lang.script != script:
            continue
        if languages is not None and lang.code not in languages:
            continue
        forms |= lang.name_forms(name)
    return forms
