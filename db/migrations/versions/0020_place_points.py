"""place points: coordinates a researcher gives a place actor

Revision ID: 0020
Revises: 0003
Create Date: 2026-12-02 15:30:00

The map places an actor of kind "place" by the offline gazetteer when it knows the name; where
it does not (or knows it wrongly), the researcher sets the coordinates, kept here, one row per
place actor, gone with the actor.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "place_points",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.CheckConstraint("latitude BETWEEN -90 AND 90", name=op.f("ck_place_points_latitude")),
        sa.CheckConstraint("longitude BETWEEN -180 AND 180", name=op.f("ck_place_points_longitude")),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_place_points_actor_id_actors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", name=op.f("pk_place_points")),
    )


def downgrade() -> None:
    op.drop_table("place_points")
