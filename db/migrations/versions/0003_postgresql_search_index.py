"""a stored, indexed search vector on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 15:50:00

Searching a PostgreSQL archive computed every source's tsvector for every query (6 s for 20,000
sources). The vector is now a column of ``sources`` kept by a trigger (title weighted A, outlet
and author B, text D, as before), refreshed when an outlet is renamed, and indexed with GIN.
SQLite archives are unchanged: their FTS5 index came with the first revision.

The column is PostgreSQL's own business: the models do not declare it and writes never name it.
A text too long for one tsvector (PostgreSQL's limit is 1 MB of lexemes) is indexed by its
beginning rather than refused.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UPGRADE = [
    "ALTER TABLE sources ADD COLUMN search_vector tsvector",
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
    """CREATE FUNCTION dossier_sources_search() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := dossier_source_search_vector(NEW.title, NEW.text, NEW.author, NEW.outlet_id);
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER sources_search BEFORE INSERT OR UPDATE OF title, text, author, outlet_id
       ON sources FOR EACH ROW EXECUTE FUNCTION dossier_sources_search()""",
    """CREATE FUNCTION dossier_outlet_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, outlet_id)
          WHERE outlet_id = NEW.id;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER actors_search_rename AFTER UPDATE OF name ON actors FOR EACH ROW
       WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION dossier_outlet_renamed()""",
    "UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, outlet_id)",
    "CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector)",
]
DOWNGRADE = [
    "DROP TRIGGER IF EXISTS actors_search_rename ON actors",
    "DROP TRIGGER IF EXISTS sources_search ON sources",
    "DROP FUNCTION IF EXISTS dossier_outlet_renamed()",
    "DROP FUNCTION IF EXISTS dossier_sources_search()",
    "DROP FUNCTION IF EXISTS dossier_source_search_vector(text, text, text, integer)",
    "DROP INDEX IF EXISTS ix_sources_search_vector",
    "ALTER TABLE sources DROP COLUMN IF EXISTS search_vector",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
