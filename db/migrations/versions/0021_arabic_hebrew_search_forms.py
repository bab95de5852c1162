"""Arabic and Hebrew search forms: sources in those scripts stemmed again

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 02:40:00

The search forms of Arabic and Hebrew words now leave out their optional vowel marks and read
Arabic's variant spellings as one (:func:`db.language.search_forms.fold_word`); before, a mark
cut a word in two ("قُتِلَ" was indexed as three pieces, none of them "قتل"). The stemmed shadow of
every source in a language written in those scripts, or of no known language with a letter of
them in its title or text, is queued to be worked out again; the window and the command line
build the queue with progress, as after 0013, and search uses the exact index for those sources
until then. On PostgreSQL the text is folded the same way before its parser reads it
(``dossier_fold``, where ё was read as е) and the vectors of those sources are made again.
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

#: the codes of the languages Dossier knows that are written in the Arabic or Hebrew script
LANGUAGES = ("ar", "fa", "ps", "ur", "he", "yi")
#: a letter of the Arabic or Hebrew blocks (GLOB compares code points)
_LETTER = "*[\u0590-\u06ff]*"


#: the optional marks of Arabic and Hebrew (vowels, shadda, sukun, tanwin, cantillation)
_MARK_RANGES = ((0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7),
                (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4),
                (0x06E7, 0x06E8), (0x06EA, 0x06ED))
_MARKS = "".join(chr(c) for first, last in _MARK_RANGES for c in range(first, last + 1))
#: PostgreSQL's translate(): each character of the first string becomes the character at its
#: place in the second; those past its end (tatweel and the marks) are left out
_FOLD_FROM = ("Ёё" "\u0622\u0623\u0625\u0671" "\u0649\u06cc\u06a9" + "".join(chr(0x0660 + n) for n in range(10))
              + "".join(chr(0x06F0 + n) for n in range(10)) + "\u0640" + _MARKS)
_FOLD_TO = "Ее" + "\u0627" * 4 + "\u064a\u064a\u0643" + "0123456789" * 2


def _pg_vector_function(fold: str) -> str:
    """migration 0013's dossier_source_search_vector with ``fold`` applied to each text."""
    return f"""CREATE OR REPLACE FUNCTION dossier_source_search_vector(title text, body text, author text,
                                                   outlet_id integer, language text)
       RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
       DECLARE
         config regconfig := dossier_search_config(language);
         people tsvector := setweight(to_tsvector(config, {fold.format(
             "coalesce((SELECT name FROM actors WHERE id = outlet_id), '') || ' ' || coalesce(author, '')")}), 'B');
         heading tsvector := setweight(to_tsvector(config, {fold.format("coalesce(title, '')")}), 'A');
       BEGIN
         BEGIN
           RETURN heading || people || setweight(to_tsvector(config, {fold.format("coalesce(body, '')")}), 'D');
         EXCEPTION WHEN program_limit_exceeded THEN
           RETURN heading || people || setweight(to_tsvector(config,
             {fold.format("left(coalesce(body, ''), 200000)")}), 'D');
         END;
       END $$"""


def upgrade() -> None:
    codes = ", ".join(f"'{code}'" for code in LANGUAGES)
    chosen = f"lower(substr(language, 1, 2)) IN ({codes})"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "INSERT OR IGNORE INTO source_stems_pending(source_id) SELECT id FROM sources "
            f"WHERE {chosen} OR (language IS NULL AND (text GLOB '{_LETTER}' OR title GLOB '{_LETTER}'))")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION dossier_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE
                       AS $$ SELECT translate(value, '{_FOLD_FROM}', '{_FOLD_TO}') $$""")
        op.execute(_pg_vector_function("dossier_fold({})"))
        op.execute("UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, "
                   f"outlet_id, language) WHERE {chosen} OR (language IS NULL AND "
                   "(text ~ '[\u0590-\u06ff]' OR title ~ '[\u0590-\u06ff]'))")


def downgrade() -> None:
    # SQLite: the queued sources are stemmed by whichever version opens the archive next
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_pg_vector_function("translate({}, 'Ёё', 'Ее')"))
        op.execute("DROP FUNCTION IF EXISTS dossier_fold(text)")
