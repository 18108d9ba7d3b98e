"""poll cursors and API quota per platform

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21

Polling (YouTube comments, X mentions, the Meta reconciliation) resumes where it left off, and
the YouTube quota spent today survives a restart.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_state",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("cursor", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("quota_day", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("quota_used", sa.Integer(), nullable=False),
        sa.Column("paused_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_run_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_spent", sa.Integer(), nullable=False),
        sa.Column("last_new", sa.Integer(), nullable=False),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("platform_state")
