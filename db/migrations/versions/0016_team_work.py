"""team work: row versions and authors, tombstones, merge bases and history, live notifications

Revision ID: 0016
Revises: 0003
Create Date: 2026-11-27 10:00:00

Every researcher's row gets ``version`` (raised by one on each change, by a trigger, so an edit
can say "changed by X meanwhile") and ``modified_by``. A change is an update that moves
``modified_at`` (every ORM and Core update does, through its ``onupdate``); an update that leaves it
alone on purpose (a row losing or regaining a link to a deleted row, db.snapshots) is not one. Deleting a row leaves a tombstone (by a
trigger, cascades included) so the deletion travels when two archives are merged; putting the
row back removes it. ``archive_info`` names this archive (a fresh UUID), ``merge_peers`` and
``merge_base`` remember what each other archive looked like when last merged (one digest per
field: the ancestor of a three-way merge), ``merge_history`` keeps every value a merge replaced,
``rejected_actor_pairs`` the actors a researcher said are not the same.

On PostgreSQL each change also notifies ``dossier_changed`` (statement-level triggers), so the
windows open on a team archive refresh within a second.

Written out here, not imported, so this revision never changes.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0013"
branch_labels = None
depends_on = None

#: every table whose rows carry uuid, created/modified and now version and modified_by
TRACKED = ("sources", "actors", "aliases", "relations", "codes", "annotations", "mentions",
           "statistics", "saved_searches", "memos", "rejected_suggestions")
#: the tables whose deletions travel in a merge
TOMBSTONED = ("sources", "actors", "aliases", "relations", "codes", "annotations", "mentions",
              "statistics", "memos")
CHANNEL = "dossier_changed"


def _sqlite_triggers() -> list[str]:
    statements = []
    for table in TRACKED:
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_version AFTER UPDATE ON {table} FOR EACH ROW
                WHEN NEW.version = OLD.version AND NEW.modified_at IS NOT OLD.modified_at
                BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END"""
        )
    for table in TOMBSTONED:
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_tombstone AFTER DELETE ON {table} FOR EACH ROW
                BEGIN INSERT OR REPLACE INTO tombstones (uuid, kind, deleted_at, replaced_by)
                VALUES (OLD.uuid, '{table}', strftime('%Y-%m-%d %H:%M:%f', 'now'), NULL); END"""
        )
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_revived AFTER INSERT ON {table} FOR EACH ROW
                BEGIN DELETE FROM tombstones WHERE uuid = NEW.uuid; END"""
        )
    return statements


POSTGRESQL_FUNCTIONS = [
    """CREATE FUNCTION dossier_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.version = OLD.version AND NEW.modified_at IS DISTINCT FROM OLD.modified_at THEN
           NEW.version := OLD.version + 1;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE FUNCTION dossier_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO tombstones (uuid, kind, deleted_at, replaced_by)
         VALUES (OLD.uuid, TG_TABLE_NAME, now() AT TIME ZONE 'utc', NULL)
         ON CONFLICT (uuid) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, replaced_by = NULL;
         RETURN OLD;
       END $$""",
    """CREATE FUNCTION dossier_revived() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM tombstones WHERE uuid = NEW.uuid;
         RETURN NEW;
       END $$""",
    f"""CREATE FUNCTION dossier_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
         RETURN NULL;
       END $$""",
]


def _postgresql_triggers() -> list[str]:
    statements = list(POSTGRESQL_FUNCTIONS)
    for table in TRACKED:
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_version BEFORE UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION dossier_bump_version()"""
        )
    for table in TOMBSTONED:
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_tombstone AFTER DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION dossier_tombstone()"""
        )
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_revived AFTER INSERT ON {table}
                FOR EACH ROW EXECUTE FUNCTION dossier_revived()"""
        )
    for table in (*TRACKED, "annotation_codes"):
        statements.append(
            f"""CREATE TRIGGER dossier_{table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify()"""
        )
    return statements


def _trigger_names() -> list[tuple[str, str]]:
    names = [(f"dossier_{t}_version", t) for t in TRACKED]
    names += [(f"dossier_{t}_{what}", t) for t in TOMBSTONED for what in ("tombstone", "revived")]
    names += [(f"dossier_{t}_notify", t) for t in (*TRACKED, "annotation_codes")]
    return names


def upgrade() -> None:
    for table in TRACKED:
        op.add_column(table, sa.Column("modified_by", sa.String(length=200), nullable=True))
        op.add_column(table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.create_table(
        "archive_info",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_archive_info")),
    )
    op.create_table(
        "tombstones",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("replaced_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_tombstones")),
    )
    op.create_table(
        "merge_peers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uuid", sa.String(length=36), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_peers")),
        sa.UniqueConstraint("peer_uuid", name=op.f("uq_merge_peers_peer_uuid")),
    )
    op.create_table(
        "merge_base",
        sa.Column("peer_id", sa.Integer(), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("digests", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["peer_id"], ["merge_peers.id"], name=op.f("fk_merge_base_peer_id_merge_peers"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("peer_id", "row_uuid", name=op.f("pk_merge_base")),
    )
    op.create_table(
        "merge_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("peer", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_history")),
    )
    op.create_index(op.f("ix_merge_history_row_uuid"), "merge_history", ["row_uuid"], unique=False)
    op.create_table(
        "rejected_actor_pairs",
        sa.Column("first_uuid", sa.String(length=36), nullable=False),
        sa.Column("second_uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("first_uuid", "second_uuid", name=op.f("pk_rejected_actor_pairs")),
    )
    archive_info = sa.table("archive_info", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(archive_info, [{"key": "archive_uuid", "value": str(uuid.uuid4())}])
    dialect = op.get_bind().dialect.name
    for statement in _sqlite_triggers() if dialect == "sqlite" else _postgresql_triggers():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, table in _trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if dialect == "postgresql" else ""))
    if dialect == "postgresql":
        for function in ("dossier_bump_version", "dossier_tombstone", "dossier_revived", "dossier_notify"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_table("rejected_actor_pairs")
    op.drop_index(op.f("ix_merge_history_row_uuid"), table_name="merge_history")
    op.drop_table("merge_history")
    op.drop_table("merge_base")
    op.drop_table("merge_peers")
    op.drop_table("tombstones")
    op.drop_table("archive_info")
    for table in TRACKED:
        # SQLite (3.35+) drops a column in place: no copy of the table, its triggers stay
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        op.execute(f"ALTER TABLE {table} DROP COLUMN modified_by")
