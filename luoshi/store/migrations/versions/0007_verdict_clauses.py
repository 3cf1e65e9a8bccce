"""verdicts.clauses: the engine's verdict on each ；clause of a task row

Revision ID: 0007_verdict_clauses
Revises: 0006_report_themes
Create Date: 2026-12-01 18:00:00

- verdicts.clauses (JSON list, default []): for a row that joins several works by ；, each clause's own
  verdict (start, end, text, status, confidence, reason, evidence best first) as the linker gave it
  (luoshi.model.ClauseVerdict); the row's status is their roll-up (luoshi.link.clauses). Stored verdicts
  get theirs with the next linking.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_verdict_clauses"
down_revision = "0006_report_themes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verdicts") as batch:
        batch.add_column(sa.Column("clauses", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("verdicts") as batch:
        batch.drop_column("clauses")
