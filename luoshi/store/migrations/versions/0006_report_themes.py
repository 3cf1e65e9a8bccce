"""themes: the theme sentences of each report's goals and plan, so their verdicts can be stored

Revision ID: 0006_report_themes
Revises: 0005_task_rows_units
Create Date: 2026-12-01 03:00:00

- themes (report_id, key, ordinal, text, part, section_key, start, end, retired): one row per
  theme sentence the linker judges (luoshi.link.themes); verdicts point at them with
  source_kind "theme".
- Back-fill: every stored report's themes are rebuilt from its stored text by the structure
  stage (the sentences are not stored). Their verdicts come with the next linking
  (`luoshi ingest` of a later report, or re-ingesting one).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_report_themes"
down_revision = "0005_task_rows_units"
branch_labels = None
depends_on = None


def upgrade() -> None:
    themes = op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("part", sa.String(10), nullable=False),
        sa.Column("section_key", sa.String(40), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_themes_report_id", "themes", ["report_id"])
    op.create_index("ix_themes_report_start", "themes", ["report_id", "start"])
    _backfill(themes)


def _backfill(themes: sa.Table) -> None:
    from luoshi.store.themes import sentences_of_text, theme_sentences

    conn = op.get_bind()
    for report_id, text, sha, filename in conn.execute(
            sa.text("SELECT id, text, sha256, filename FROM reports WHERE text IS NOT NULL ORDER BY id")).all():
        rows = [{"report_id": report_id, "key": f"t{n}", "ordinal": n, "text": text[s.start : s.end], "part": s.part,
                 "section_key": s.section, "start": s.start, "end": s.end, "retired": False}
                for n, s in enumerate(theme_sentences(sentences_of_text(text, sha, filename)))]
        if rows:
            conn.execute(themes.insert(), rows)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM verdicts WHERE source_kind = 'theme'"))
    op.drop_index("ix_themes_report_start", table_name="themes")
    op.drop_index("ix_themes_report_id", table_name="themes")
    op.drop_table("themes")
