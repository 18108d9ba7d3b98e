"""index for an author's recent messages

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21

The repetition and long-message signals (MSE Appendix B) read what one author sent in the last
24 hours for every delivery.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index("ix_comment_author_received", ["author_id", "received_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_author_received")
