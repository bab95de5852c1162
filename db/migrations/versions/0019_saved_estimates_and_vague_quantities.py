"""saved estimates and the vague quantity table

Revision ID: 0019
Revises: 0003
Create Date: 2026-12-02 14:46:48

Findings (issue 19): the estimates a researcher keeps, with the rule that reconciled their claims,
the claims used and left out, and a digest of those claims that tells when one changed; and the
table that reads vague quantities ("dozens", "at least N") as numbers. Both tables are new, so an
older archive only gains them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("vague_quantities",
    sa.Column("phrase", sa.String(length=200), nullable=False),
    sa.Column("low", sa.String(length=30), nullable=True),
    sa.Column("best", sa.String(length=30), nullable=True),
    sa.Column("high", sa.String(length=30), nullable=True),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    sa.Column("modified_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    sa.Column("created_by", sa.String(length=200), nullable=True),
    sa.Column("modified_by", sa.String(length=200), nullable=True),
    sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_vague_quantities")),
    sa.UniqueConstraint("phrase", name=op.f("uq_vague_quantities_phrase")),
    sa.UniqueConstraint("uuid", name=op.f("uq_vague_quantities_uuid"))
    )
    op.create_table("estimates",
    sa.Column("measure", sa.String(length=200), nullable=False),
    sa.Column("subject", sa.String(length=500), nullable=True),
    sa.Column("unit", sa.String(length=100), nullable=True),
    sa.Column("place_id", sa.Integer(), nullable=True),
    sa.Column("period_start", sa.Date(), nullable=True),
    sa.Column("period_start_precision", sa.String(length=5), nullable=True),
    sa.Column("period_end", sa.Date(), nullable=True),
    sa.Column("period_end_precision", sa.String(length=5), nullable=True),
    sa.Column("rule", sa.String(length=30), nullable=False),
    sa.Column("preferred", sa.JSON(), nullable=True),
    sa.Column("low", sa.Float(), nullable=True),
    sa.Column("best", sa.Float(), nullable=True),
    sa.Column("high", sa.Float(), nullable=True),
    sa.Column("claims", sa.JSON(), nullable=False),
    sa.Column("excluded", sa.JSON(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=True),
    sa.Column("fingerprint", sa.String(length=64), nullable=False),
    sa.Column("notes", sa.Text(), nullable=True),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    sa.Column("modified_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    sa.Column("created_by", sa.String(length=200), nullable=True),
    sa.Column("modified_by", sa.String(length=200), nullable=True),
    sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    sa.ForeignKeyConstraint(["place_id"], ["actors.id"], name=op.f("fk_estimates_place_id_actors"), ondelete="SET NULL"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_estimates")),
    sa.UniqueConstraint("uuid", name=op.f("uq_estimates_uuid"))
    )
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_estimates_place_id"), ["place_id"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_estimates_place_id"))

    op.drop_table("estimates")
    op.drop_table("vague_quantities")
