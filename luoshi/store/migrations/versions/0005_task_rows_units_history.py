"""task rows: parts and deadline source; units master list; owners learned from the office

Revision ID: 0005_task_rows_units
Revises: 0004_read_indexes
Create Date: 2026-11-30 02:50:00

- commitments.parts (clauses with owners of their own), .deadline_source (written |
  default), .engine_owners (the rules' suggestion, so learned suggestions can be redone).
- departments.level and .aliases, copied from the units master list.
- assignments.origin (rules | history | form | import), .reason, .learned_from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_task_rows_units"
down_revision = "0004_read_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("commitments") as t:
        t.add_column(sa.Column("deadline_source", sa.String(10), nullable=True))
        t.add_column(sa.Column("parts", sa.JSON(), nullable=False, server_default="[]"))
        t.add_column(sa.Column("engine_owners", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("departments") as t:
        t.add_column(sa.Column("level", sa.String(10), nullable=True))
        t.add_column(sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("assignments") as t:
        t.add_column(sa.Column("origin", sa.String(10), nullable=True))
        t.add_column(sa.Column("reason", sa.Text(), nullable=True))
        t.add_column(sa.Column("learned_from", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments") as t:
        t.drop_column("learned_from")
        t.drop_column("reason")
        t.drop_column("origin")
    with op.batch_alter_table("departments") as t:
        t.drop_column("aliases")
        t.drop_column("level")
    with op.batch_alter_table("commitments") as t:
        t.drop_column("engine_owners")
        t.drop_column("parts")
        t.drop_column("deadline_source")
