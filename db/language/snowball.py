"""The other languages Snowball stems (and PostgreSQL has a configuration for where it does):
search reduces their words; they have no reading rules of their own yet."""

from __future__ import annotations

from db.language.base import Language

LANGUAGES = (
    Language("ar", "Arabic", "العربية", "Arabic", snowball="arabic", pg_config="dossier_arabic"),
    Language("hy", "Armenian", "Հայերեն", "Armenian", snowball="armenian", pg_config="dossier_armenian"),
    Language("eu", "Basque", "Euskara", "Latin", snowball="basque", pg_config="dossier_basque"),
    Language("ca", "Catalan", "Català", "Latin", snowball="catalan", pg_config="dossier_catalan"),
    Language("cs", "Czech", "Čeština", "Latin", snowball="czech"),
    Language("da", "Danish", "Dansk", "Latin", snowball="danish", pg_config="dossier_danish"),
    Language("nl", "Dutch", "Nederlands", "Latin", snowball="dutch", pg_config="dossier_dutch"),
    Language("et", "Estonian", "Eesti", "Latin", snowball="estonian"),
    Language("fi", "Finnish", "Suomi", "Latin", snowball="finnish", pg_config="dossier_finnish"),
    Language("fr", "French", "Français", "Latin", snowball="french", pg_config="dossier_french"),
    Language("de", "German", "Deutsch", "Latin", snowball="german", pg_config="dossier_german"),
    Language("el", "Greek", "Ελληνικά", "Greek", snowball="greek", pg_config="dossier_greek"),
    Language("hi", "Hindi", "हिन्दी", "Devanagari", snowball="hindi", pg_config="dossier_hindi"),
    Language("hu", "Hungarian", "Magyar", "Latin", snowball="hungarian", pg_config="dossier_hungarian"),
    Language("id", "Indonesian", "Bahasa Indonesia", "Latin", snowball="indonesian",
             pg_config="dossier_indonesian"),
    Language("ga", "Irish", "Gaeilge", "Latin", snowball="irish", pg_config="dossier_irish"),
    Language("it", "Italian", "Italiano", "Latin", snowball="italian", pg_config="dossier_italian"),
    Language("lt", "Lithuanian", "Lietuvių", "Latin", snowball="lithuanian",
             pg_config="dossier_lithuanian"),
    Language("ne", "Nepali", "नेपाली", "Devanagari", snowball="nepali", pg_config="dossier_nepali"),
    Language("no", "Norwegian", "Norsk", "Latin", snowball="norwegian", pg_config="dossier_norwegian"),
    Language("fa", "Persian", "فارسی", "Arabic", snowball="persian"),
    Language("pl", "Polish", "Polski", "Latin", snowball="polish"),
    Language("pt", "Portuguese", "Português", "Latin", snowball="portuguese",
             pg_config="dossier_portuguese"),
    Language("ro", "Romanian", "Română", "Latin", snowball="romanian", pg_config="dossier_romanian"),
    Language("sr", "Serbian", "Српски", "Cyrillic", snowball="serbian", pg_config="dossier_serbian"),
    Language("es", "Spanish", "Español", "Latin", snowball="spanish", pg_config="dossier_spanish"),
    Language("sv", "Swedish", "Svenska", "Latin", snowball="swedish", pg_config="dossier_swedish"),
    Language("ta", "Tamil", "தமிழ்", "Tamil", snowball="tamil", pg_config="dossier_tamil"),
    Language("tr", "Turkish", "Türkçe", "Latin", snowball="turkish", pg_config="dossier_turkish"),
    Language("yi", "Yiddish", "ייִדיש", "Hebrew", snowball="yiddish", pg_config="dossier_yiddish"),
)
