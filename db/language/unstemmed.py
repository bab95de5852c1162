"""Languages Dossier recognises and names but does not stem: their words are searched as
written (case and diacritics folded), as every language was before stemming."""

from __future__ import annotations

from db.language.base import Language

LANGUAGES = (
    Language("be", "Belarusian", "Беларуская", "Cyrillic"),
    Language("bg", "Bulgarian", "Български", "Cyrillic"),
    Language("mk", "Macedonian", "Македонски", "Cyrillic"),
    Language("kk", "Kazakh", "Қазақша", "Cyrillic"),
    Language("ky", "Kyrgyz", "Кыргызча", "Cyrillic"),
    Language("tg", "Tajik", "Тоҷикӣ", "Cyrillic"),
    Language("mn", "Mongolian", "Монгол", "Cyrillic"),
    Language("ka", "Georgian", "ქართული", "Georgian"),
    Language("az", "Azerbaijani", "Azərbaycanca", "Latin"),
    Language("uz", "Uzbek", "Oʻzbekcha", "Latin"),
    Language("he", "Hebrew", "עברית", "Hebrew"),
    Language("ur", "Urdu", "اردو", "Arabic"),
    Language("ps", "Pashto", "پښتو", "Arabic"),
    Language("ku", "Kurdish", "Kurdî", "Latin"),
    Language("zh", "Chinese", "中文", "Other"),
    Language("ja", "Japanese", "日本語", "Other"),
    Language("ko", "Korean", "한국어", "Other"),
    Language("sk", "Slovak", "Slovenčina", "Latin"),
    Language("sl", "Slovenian", "Slovenščina", "Latin"),
    Language("hr", "Croatian", "Hrvatski", "Latin"),
    Language("bs", "Bosnian", "Bosanski", "Latin"),
    Language("sq", "Albanian", "Shqip", "Latin"),
    Language("lv", "Latvian", "Latviešu", "Latin"),
    Language("so", "Somali", "Soomaali", "Latin"),
    Language("sw", "Swahili", "Kiswahili", "Latin"),
)
