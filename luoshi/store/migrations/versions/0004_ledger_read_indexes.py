"""indexes for the ledger's reads at 10,000 tasks: page order, department filter, Chinese search

Revision ID: 0004_read_indexes
Revises: 0003_verdict_machine
Create Date: 2026-11-22 01:30:00

- commitments (report_id, start): a ledger page in report order is an index range
  scan with LIMIT instead of a sort of every task of the report.
- assignments (department_id, commitment_id): the department filter's EXISTS probe.
- PostgreSQL only: trigram GIN indexes (pg_trgm) on commitments.text and .note, so a
  Chinese substring search (LIKE '%水厂%') is an index lookup. SQLite scans (fast
  enough there: no network round trip, and LIKE on 10,000 short texts takes ~2 ms).
"""

from __future__ import annotations

from alembic import op

revision = "0004_read_indexes"
down_revision = "0003_verdict_machine"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitments_report_start", "commitments", ["report_id", "start"])
    op.create_index("ix_assignments_department_commitment", "assignments", ["department_id", "commitment_id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # trusted extension: no superuser needed (PG 13+)
        # The extension may already live in another schema than ours (one per database):
        # name its operator class with that schema, whatever the search_path.
        schema = bind.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
        ).scalar_one()
        ops = f"{bind.dialect.identifier_preparer.quote_schema(schema)}.gin_trgm_ops"
        for column in ("text", "note"):
            op.execute(f"CREATE INDEX ix_commitments_{column}_trgm ON commitments USING gin ({column} {ops})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_commitments_note_trgm", table_name="commitments")
        op.drop_index("ix_commitments_text_trgm", table_name="commitments")
        # the extension stays: other schemas of the database may use it
    op.drop_index("ix_assignments_department_commitment", table_name="assignments")
    op.drop_index("ix_commitments_report_start", table_name="commitments")
