"""conversation references for proactive chat messages

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

Teams lets a bot post only where its app is installed, and tells it where when it is: the
reference it sends then is kept here so cards, reminders and handovers survive a restart.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_conversation",
        sa.Column("surface", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("tenant", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("surface", "key"),
    )


def downgrade() -> None:
    op.drop_table("chat_conversation")
