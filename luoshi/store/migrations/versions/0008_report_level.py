"""reports.level: the meta stage's level (国家 | 省 | 市 | 区县), so a report without a region keeps its units list

Revision ID: 0008_report_level
Revises: 0007_verdict_clauses
Create Date: 2026-12-01 19:30:00

- reports.level (nullable): the level the meta stage read, from the region's name or, without one,
  from the body the speaker represents (我代表市人民政府 -> 市). The ledger's units list follows it
  where a report has no region (luoshi.store.units.level_of), as the engine's rows do; before, such a
  report took a district's list.
- Back-fill: reports with no region get the level of their stored text's represented body; the
  others need none (their region decides).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_report_level"
down_revision = "0007_verdict_clauses"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("level", sa.String(8), nullable=True))
    _backfill()


def _backfill() -> None:
    from luoshi.structure.meta import represented_level
    from luoshi.structure.rules import meta_rules
    from luoshi.textmap import fold

    conn = op.get_bind()
    for report_id, text in conn.execute(
            sa.text("SELECT id, text FROM reports WHERE region_id IS NULL AND text IS NOT NULL")).all():
        level = represented_level(fold(text), meta_rules())
        if level:
            conn.execute(sa.text("UPDATE reports SET level = :level WHERE id = :id"), {"level": level, "id": report_id})


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("level")
