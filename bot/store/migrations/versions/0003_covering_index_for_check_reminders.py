"""covering index for check reminders

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

The morning check counts comments since the end of the last working day and groups them by
post; with (received_at, platform, post_id) that is an index-only scan (bench/digests.py).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_comment_received_post", ["received_at", "platform", "post_id"], unique=False
        )
        batch_op.drop_index("ix_comment_received_at")


def downgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index("ix_comment_received_at", ["received_at"], unique=False)
        batch_op.drop_index("ix_comment_received_post")
