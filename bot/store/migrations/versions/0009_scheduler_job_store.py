"""the scheduler's job store table, made by the migration rather than by APScheduler

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

APScheduler creates `apscheduler_jobs` when its scheduler starts, outside any lock: several
`modbot serve` processes starting together on a fresh PostgreSQL database raced to create it.
Made here, it is made once, under the migration lock; APScheduler then finds it and creates
nothing. The columns are APScheduler 3's own (`SQLAlchemyJobStore`); a database where
APScheduler already made the table keeps it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("apscheduler_jobs"):
        return
    op.create_table(
        "apscheduler_jobs",
        sa.Column("id", sa.Unicode(191), primary_key=True),
        sa.Column("next_run_time", sa.Float(25), nullable=True),
        sa.Column("job_state", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_apscheduler_jobs_next_run_time", "apscheduler_jobs", ["next_run_time"])


def downgrade() -> None:
    op.drop_index("ix_apscheduler_jobs_next_run_time", table_name="apscheduler_jobs")
    op.drop_table("apscheduler_jobs")
