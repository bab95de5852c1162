"""indexes for the reader and conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:40:09.558898
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index("ix_annotations_source_id_start", ["source_id", "start"], unique=False)
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        batch_op.create_index("ix_statistics_measure_subject", ["measure", "subject"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        batch_op.drop_index("ix_statistics_measure_subject")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index("ix_annotations_source_id_start")
