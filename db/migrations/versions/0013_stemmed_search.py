"""stemmed search: a shadow of every source's words in their base forms, by its language

Revision ID: 0013
Revises: 0003
Create Date: 2026-12-02 10:00:00

SQLite's FTS5 cannot call Python to stem, so each source gets a row in ``source_stems`` with the
search forms of its title, text and people (outlet and author) as written by
:func:`db.language.search_forms.index_text`, indexed by a second FTS5 table, ``source_stem_fts``.
Triggers keep the first index as it was (exact words, phrases, prefixes) and put every new or
changed source in ``source_stems_pending``; Dossier stems pending sources when it commits a write,
and an archive upgraded from an older version has all its sources pending until the index is
built (the command line and the window build it with progress; search uses the exact index
until then). Triggers hold no Python, so a write by any other program still works: its sources
wait in the queue.

On PostgreSQL the stored vector now uses the configuration of the source's language (Russian,
English, French ... 'simple' for the rest), with ё read as е; rebuilt here in SQL.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0003"
branch_labels = None
depends_on = None

SQLITE_UPGRADE = [
    """CREATE TABLE source_stems (
       source_id INTEGER PRIMARY KEY,
       title TEXT NOT NULL DEFAULT '',
       body TEXT NOT NULL DEFAULT '',
       people TEXT NOT NULL DEFAULT '')""",
    """CREATE VIRTUAL TABLE source_stem_fts USING fts5(
       title, body, people, content='source_stems', content_rowid='source_id',
       tokenize='unicode61 remove_diacritics 2')""",
    "CREATE TABLE source_stems_pending (source_id INTEGER PRIMARY KEY)",
    """CREATE TRIGGER source_stems_insert AFTER INSERT ON source_stems BEGIN
       INSERT INTO source_stem_fts(rowid, title, body, people)
       VALUES (new.source_id, new.title, new.body, new.people);
       END""",
    """CREATE TRIGGER source_stems_delete AFTER DELETE ON source_stems BEGIN
       INSERT INTO source_stem_fts(source_stem_fts, rowid, title, body, people)
       VALUES ('delete', old.source_id, old.title, old.body, old.people);
       END""",
    """CREATE TRIGGER source_stems_update AFTER UPDATE ON source_stems BEGIN
       INSERT INTO source_stem_fts(source_stem_fts, rowid, title, body, people)
       VALUES ('delete', old.source_id, old.title, old.body, old.people);
       INSERT INTO source_stem_fts(rowid, title, body, people)
       VALUES (new.source_id, new.title, new.body, new.people);
       END""",
    """CREATE TRIGGER sources_stems_insert AFTER INSERT ON sources BEGIN
       INSERT OR IGNORE INTO source_stems_pending(source_id) VALUES (new.id);
       END""",
    """CREATE TRIGGER sources_stems_update
       AFTER UPDATE OF title, text, author, outlet_id, language ON sources BEGIN
       INSERT OR IGNORE INTO source_stems_pending(source_id) VALUES (new.id);
       END""",
    """CREATE TRIGGER sources_stems_delete AFTER DELETE ON sources BEGIN
       DELETE FROM source_stems WHERE source_id = old.id;
       DELETE FROM source_stems_pending WHERE source_id = old.id;
       END""",
    """CREATE TRIGGER actors_stems_rename AFTER UPDATE OF name ON actors BEGIN
       INSERT OR IGNORE INTO source_stems_pending(source_id)
       SELECT id FROM sources WHERE outlet_id = new.id;
       END""",
    "INSERT INTO source_stems_pending(source_id) SELECT id FROM sources",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS actors_stems_rename",
    "DROP TRIGGER IF EXISTS sources_stems_delete",
    "DROP TRIGGER IF EXISTS sources_stems_update",
    "DROP TRIGGER IF EXISTS sources_stems_insert",
    "DROP TRIGGER IF EXISTS source_stems_update",
    "DROP TRIGGER IF EXISTS source_stems_delete",
    "DROP TRIGGER IF EXISTS source_stems_insert",
    "DROP TABLE IF EXISTS source_stems_pending",
    "DROP TABLE IF EXISTS source_stem_fts",
    "DROP TABLE IF EXISTS source_stems",
]

# Written out, not imported from db.language, so that this revision never changes.
_PG_CONFIGS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
    "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french", "de": "german",
    "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
_NOT_LATIN = {"arabic", "armenian", "greek", "hindi", "nepali", "russian", "serbian", "tamil",
              "yiddish"}
_CASES = " ".join(f"WHEN '{code}' THEN 'dossier_{config}'" for code, config in _PG_CONFIGS.items())
_WORDS = "word, hword, hword_part"
_ASCII = "asciiword, asciihword, hword_asciipart"


def _pg_configurations() -> list[str]:
    """A configuration per language, "dossier_russian" ..., stemming without stop words (a
    researcher searches "ещё" or "the Hague" too); words in Latin letters in a language of
    another script are stemmed as English, as PostgreSQL's own configurations do."""
    statements = []
    for config in sorted(set(_PG_CONFIGS.values())):
        statements.append(
            f"CREATE TEXT SEARCH DICTIONARY dossier_{config}_stem "
            f"(TEMPLATE = snowball, Language = {config})")
    for config in sorted(set(_PG_CONFIGS.values())):
        ascii_stem = "dossier_english_stem" if config in _NOT_LATIN else f"dossier_{config}_stem"
        statements += [
            f"CREATE TEXT SEARCH CONFIGURATION dossier_{config} (COPY = simple)",
            f"ALTER TEXT SEARCH CONFIGURATION dossier_{config} ALTER MAPPING FOR {_WORDS} "
            f"WITH dossier_{config}_stem",
            f"ALTER TEXT SEARCH CONFIGURATION dossier_{config} ALTER MAPPING FOR {_ASCII} "
            f"WITH {ascii_stem}",
        ]
    return statements


def _pg_drop_configurations() -> list[str]:
    configs = sorted(set(_PG_CONFIGS.values()))
    return ([f"DROP TEXT SEARCH CONFIGURATION IF EXISTS dossier_{c}" for c in configs]
            + [f"DROP TEXT SEARCH DICTIONARY IF EXISTS dossier_{c}_stem" for c in configs])

PG_UPGRADE = [
    *_pg_configurations(),
    f"""CREATE FUNCTION dossier_search_config(language text) RETURNS regconfig
       LANGUAGE plpgsql STABLE AS $$
       DECLARE
         wanted text := CASE lower(split_part(coalesce(language, ''), '-', 1)) {_CASES}
                        ELSE 'simple' END;
       BEGIN
         -- a configuration this server lacks (older PostgreSQL) falls back to 'simple'
         IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = wanted) THEN
           wanted := 'simple';
         END IF;
         RETURN wanted::regconfig;
       END $$""",
    """CREATE FUNCTION dossier_source_search_vector(title text, body text, author text,
                                                   outlet_id integer, language text)
       RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
       DECLARE
         config regconfig := dossier_search_config(language);
         people tsvector := setweight(to_tsvector(config, translate(
             coalesce((SELECT name FROM actors WHERE id = outlet_id), '') || ' ' || coalesce(author, ''),
             'Ёё', 'Ее')), 'B');
         heading tsvector := setweight(to_tsvector(config, translate(coalesce(title, ''), 'Ёё', 'Ее')), 'A');
       BEGIN
         BEGIN
           RETURN heading || people
             || setweight(to_tsvector(config, translate(coalesce(body, ''), 'Ёё', 'Ее')), 'D');
         EXCEPTION WHEN program_limit_exceeded THEN
           RETURN heading || people || setweight(to_tsvector(config,
             translate(left(coalesce(body, ''), 200000), 'Ёё', 'Ее')), 'D');
         END;
       END $$""",
    """CREATE OR REPLACE FUNCTION dossier_sources_search() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := dossier_source_search_vector(NEW.title, NEW.text, NEW.author,
                                                           NEW.outlet_id, NEW.language);
         RETURN NEW;
       END $$""",
    """CREATE OR REPLACE FUNCTION dossier_outlet_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author,
                                                                         outlet_id, language)
          WHERE outlet_id = NEW.id;
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS sources_search ON sources",
    """CREATE TRIGGER sources_search BEFORE INSERT OR UPDATE OF title, text, author, outlet_id, language
       ON sources FOR EACH ROW EXECUTE FUNCTION dossier_sources_search()""",
    "DROP FUNCTION IF EXISTS dossier_source_search_vector(text, text, text, integer)",
    """UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author,
                                                                       outlet_id, language)""",
]
PG_DOWNGRADE = [
    """CREATE FUNCTION dossier_source_search_vector(title text, body text, author text, outlet_id integer)
       RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
       DECLARE
         people tsvector := setweight(to_tsvector('simple',
             coalesce((SELECT name FROM actors WHERE id = outlet_id), '') || ' ' || coalesce(author, '')), 'B');
         heading tsvector := setweight(to_tsvector('simple', coalesce(title, '')), 'A');
       BEGIN
         BEGIN
           RETURN heading || people || setweight(to_tsvector('simple', coalesce(body, '')), 'D');
         EXCEPTION WHEN program_limit_exceeded THEN
           RETURN heading || people || setweight(to_tsvector('simple', left(coalesce(body, ''), 200000)), 'D');
         END;
       END $$""",
    """CREATE OR REPLACE FUNCTION dossier_sources_search() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := dossier_source_search_vector(NEW.title, NEW.text, NEW.author, NEW.outlet_id);
         RETURN NEW;
       END $$""",
    """CREATE OR REPLACE FUNCTION dossier_outlet_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, outlet_id)
          WHERE outlet_id = NEW.id;
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS sources_search ON sources",
    """CREATE TRIGGER sources_search BEFORE INSERT OR UPDATE OF title, text, author, outlet_id
       ON sources FOR EACH ROW EXECUTE FUNCTION dossier_sources_search()""",
    "DROP FUNCTION IF EXISTS dossier_source_search_vector(text, text, text, integer, text)",
    "DROP FUNCTION IF EXISTS dossier_search_config(text)",
    "UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, outlet_id)",
    *_pg_drop_configurations(),
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Which languages an archive holds is asked by every search (to read its words in them).
    with op.batch_alter_table("sources") as batch_op:
        batch_op.create_index("ix_sources_language", ["language"], unique=False)
    statements = SQLITE_UPGRADE if dialect == "sqlite" else PG_UPGRADE if dialect == "postgresql" else []
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_index("ix_sources_language")
    statements = SQLITE_DOWNGRADE if dialect == "sqlite" else PG_DOWNGRADE if dialect == "postgresql" else []
    for statement in statements:
        op.execute(statement)
