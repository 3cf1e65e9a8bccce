"""Migrations: they build exactly the models' schema, both ways, on every backend."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from luoshi.store import migrate
from luoshi.store.models import Base


def test_migrations_match_models(engine):
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_object": migrate.include_object_for(conn.dialect.name)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == []
    assert migrate.is_current(engine)


def test_downgrade_to_base_and_back(tmp_path):
    from luoshi.store.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_report_level_is_back_filled_from_the_represented_body(tmp_path):
    """A report stored without a region gets the level its opening states (我代表市人民政府 -> 市)."""
    from sqlalchemy import text

    from luoshi.store.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine, "0007_verdict_clauses")
    opening = {1: "各位代表：\n现在，我代表市人民政府向大会报告工作。\n", 2: "各位代表：\n正文。\n"}
    with engine.begin() as conn:
        for rid, body in opening.items():
            conn.execute(text("INSERT INTO reports (id, sha256, text, chars, engine_version, ingested_at, extracted_at) "
                              "VALUES (:id, :sha, :text, 0, 't', '2026-01-01', '2026-01-01')"),
                         {"id": rid, "sha": str(rid) * 64, "text": body})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert dict(conn.execute(text("SELECT id, level FROM reports ORDER BY id")).all()) == {1: "市", 2: None}
