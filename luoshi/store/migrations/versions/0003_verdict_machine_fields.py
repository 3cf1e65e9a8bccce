"""verdicts keep the engine's status and reason beside a person's decision

Revision ID: 0003_verdict_machine
Revises: 0002
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_verdict_machine"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("machine_status", sa.String(length=14), nullable=True))
        batch_op.add_column(sa.Column("machine_reason", sa.Text(), nullable=True))
    # Rows written before: an engine row not yet overridden still shows what the engine said.
    op.execute("UPDATE verdicts SET machine_status = status, machine_reason = reason WHERE origin = 'engine'")


def downgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_column("machine_reason")
        batch_op.drop_column("machine_status")
