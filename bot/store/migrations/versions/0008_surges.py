"""surges: many flagged comments on one post in a short time, grouped into one card

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

A pile-on under one post used to post a card per comment and flood the moderators' channel;
the cases now join a surge, which has one card per desk.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "surge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("post_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("open_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("earlier_cards", sa.Integer(), nullable=False),
        sa.Column("expanded_by_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("expanded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("open_key", name="uq_surge_open_key"),
    )
    op.create_table(
        "surge_card_ref",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("surge_id", sa.Integer(), nullable=False),
        sa.Column("desk", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("message_ref", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("rendered_version", sa.Integer(), nullable=False),
        sa.Column("posted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["surge_id"], ["surge.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("surge_id", "desk", name="uq_surge_card_ref_surge_desk"),
    )
    with op.batch_alter_table("moderation_case") as batch_op:
        batch_op.add_column(sa.Column("surge_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_moderation_case_surge_id_surge", "surge", ["surge_id"], ["id"])
        batch_op.create_index("ix_case_surge", ["surge_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("moderation_case") as batch_op:
        batch_op.drop_index("ix_case_surge")
        batch_op.drop_constraint("fk_moderation_case_surge_id_surge", type_="foreignkey")
        batch_op.drop_column("surge_id")
    op.drop_table("surge_card_ref")
    op.drop_table("surge")
