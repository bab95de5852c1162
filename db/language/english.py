"""English: Snowball's English stemmer; the extractors' English words are in
:mod:`db.extract.statistics.english` and :mod:`db.extract.mentions.english`."""

from __future__ import annotations

from db.language.base import Language

LANGUAGE = Language("en", "English", "English", "Latin", snowball="english", pg_config="dossier_english")
