"""progress_updates append-only: triggers reject UPDATE and DELETE

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MESSAGE = "progress_updates is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION luoshi_progress_append_only() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END
            $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER progress_updates_append_only BEFORE UPDATE OR DELETE ON progress_updates
            FOR EACH ROW EXECUTE FUNCTION luoshi_progress_append_only()""")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER progress_updates_no_{verb.lower()} BEFORE {verb} ON progress_updates
                BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER progress_updates_append_only ON progress_updates")
        op.execute("DROP FUNCTION luoshi_progress_append_only()")
    else:
        op.execute("DROP TRIGGER progress_updates_no_update")
        op.execute("DROP TRIGGER progress_updates_no_delete")
