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
until then. On PostgreSQL the vectors come from its own parser and dictionaries, unchanged here.
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    codes = ", ".join(f"'{code}'" for code in LANGUAGES)
    op.execute(
        "INSERT OR IGNORE INTO source_stems_pending(source_id) SELECT id FROM sources "
        f"WHERE lower(substr(language, 1, 2)) IN ({codes}) "
        f"OR (language IS NULL AND (text GLOB '{_LETTER}' OR title GLOB '{_LETTER}'))")


def downgrade() -> None:
    pass  # the queued sources are stemmed by whichever version opens the archive next
